import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { blockLines, joinLines } from './html-text.js';
import { limitNesting } from './html-nesting.js';

function textOf(bodyHtml: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${bodyHtml}</body></html>`);
  return joinLines(blockLines(document.body as unknown as Node));
}

const cases: [name: string, html: string, expected: string][] = [
  ['paragraphs are separated by a blank line', '<p>It ended.</p><p>Next day</p>', 'It ended.\n\nNext day'],
  ['a div boundary is a paragraph break', '<div>First block</div><div>Second block</div>', 'First block\n\nSecond block'],
  ['headings stand as their own paragraph', '<h2>Aftermath</h2><p>Crews returned.</p>', 'Aftermath\n\nCrews returned.'],
  ['list items are separate lines', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
  ['br is a line break', '<p>Line one<br>Line two</p>', 'Line one\nLine two'],
  ['whitespace inside a paragraph collapses', '<p>  Many \n\t spaces   here </p>', 'Many spaces here'],
  ['inline elements do not break words', '<p>The <b>bold</b> <a href="#">link</a>ed text</p>', 'The bold linked text'],
  ['table cells are kept apart', '<table><tr><td>3</td><td>4</td></tr><tr><td>5</td><td>6</td></tr></table>', '3 4\n5 6'],
  ['script and style text is skipped', '<p>Shown</p><script>var hidden = 1;</script><style>p{}</style>', 'Shown'],
  ['pre keeps its line breaks', '<pre>a  b\nc</pre>', 'a b\nc'],
  ['empty blocks add no blank lines', '<p>A</p><div> </div><p></p><p>B</p>', 'A\n\nB'],
];
for (const [name, html, expected] of cases) {
  test(`blockLines: ${name}`, () => {
    assert.equal(textOf(html), expected, `from ${html}`);
  });
}

test('limitNesting keeps a shallow page as the same string', () => {
  const html = '<html><body><div><p>Text</p></div></body></html>';
  assert.equal(limitNesting(html, 80), html);
});

test('limitNesting drops the tags beyond the limit and keeps their text', () => {
  const html = `${'<div>'.repeat(10)}deep text${'</div>'.repeat(10)}`;
  const limited = limitNesting(html, 3);
  assert.equal((limited.match(/<div>/g) ?? []).length, 3);
  assert.equal((limited.match(/<\/div>/g) ?? []).length, 3);
  assert.match(limited, /deep text/);
});

test('limitNesting treats an unclosed paragraph as closed by the next one', () => {
  const html = `<body>${'<p>para'.repeat(200)}</body>`;
  assert.equal(limitNesting(html, 5), html);
});

test('limitNesting ignores tags inside scripts', () => {
  const html = `<body><script>var s = "${'<div>'.repeat(50)}";</script><p>x</p></body>`;
  assert.equal(limitNesting(html, 5), html);
});

test('limitNesting empties scripts and style sheets when asked, and keeps JSON-LD', () => {
  const html = '<head><STYLE>p { color: red }</STYLE><script type="application/ld+json">{"datePublished":"2018-01-02"}</script></head>'
    + '<body><!-- <script> --><script src="a.js"></script><p>one</p><script>if (a < b) document.write("<p>two</p>");</SCRIPT ><p>three</p></body>';
  assert.equal(
    limitNesting(html, 80, true),
    '<head><STYLE></STYLE><script type="application/ld+json">{"datePublished":"2018-01-02"}</script></head>'
      + '<body><!-- <script> --><script src="a.js"></script><p>one</p><script></SCRIPT ><p>three</p></body>',
  );
  // Unasked, or with nothing to empty, the page is the same string.
  assert.equal(limitNesting(html, 80), html);
  const plain = '<body><p>one</p><script></script></body>';
  assert.equal(limitNesting(plain, 80, true), plain);
  // An unclosed script is left as it is.
  assert.equal(limitNesting('<body><p>x</p><script>var a = 1;', 80, true), '<body><p>x</p><script>var a = 1;');
});
