import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractHtml } from './html.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'html');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

// Enough fictional story text for Readability to see an article.
const BODY = [
  '<p>The county opened a second shelter on Tuesday as the river kept rising, and officials asked residents of the low streets to leave before dark.</p>',
  '<p>Crews worked through the night to raise the barrier near the grain elevator, where the wall is lowest, the emergency office said in a statement.</p>',
  '<p>Forecasters expect the water to crest on Wednesday afternoon and to fall below flood stage by the weekend if no more rain arrives.</p>',
].join('\n');

function page(head: string, body = `<article>${BODY}</article>`): string {
  return `<!DOCTYPE html><html><head><title>River keeps rising</title>${head}</head><body>${body}</body></html>`;
}

test('extractHtml reads the wire-story fixture: body, paragraphs, metadata', () => {
  const article = extractHtml(fixture('wire-story.html'));
  assert.match(article.text, /^MARLOW FALLS, Iowa \(Courier\) — The temporary flood barrier/);
  assert.match(article.text, /the district said in a statement\.$/);
  assert.equal(article.text.split('\n\n').length, 5, article.text);
  assert.equal(article.title, 'Flood barrier holds as river crests in Marlow Falls');
  assert.equal(article.byline, 'Dana Whitfield');
  assert.equal(article.published, '2024-04-09T14:05:00-05:00');
  assert.equal(article.publishedSource, 'html-meta');
  assert.equal(article.siteName, 'The Valley Courier');
  assert.equal(article.language, 'en-US');
});

test('extractHtml drops the caption, read-more, contact and copyright lines and says why', () => {
  const article = extractHtml(fixture('wire-story.html'));
  for (const furniture of ['Volunteers stack sandbags', 'Read more', 'dwhitfield@', '©', 'Facebook', 'Related stories', 'Home']) {
    assert.ok(!article.text.includes(furniture), `text still holds ${JSON.stringify(furniture)}`);
  }
  const reasons = article.removed.map((entry) => entry.reason);
  for (const reason of ['figure', 'read more', 'contact', 'copyright']) assert.ok(reasons.includes(reason), `no ${reason} in ${JSON.stringify(article.removed)}`);
  const caption = article.removed.find((entry) => entry.reason === 'figure');
  assert.equal(caption?.text, 'Volunteers stack sandbags along Front Street on Monday. (Courier Photo/Lee Amato)');
});

test('extractHtml reads JSON-LD in an @graph: date, authors, publisher, language', () => {
  const article = extractHtml(fixture('json-ld-graph.html'));
  assert.equal(article.published, '2023-05-02T06:30:00+02:00');
  assert.equal(article.publishedSource, 'json-ld');
  assert.equal(article.byline, 'Tomas Brandt, Ines Kovac');
  assert.equal(article.siteName, 'Hillside Daily');
  assert.equal(article.title, 'Orchard growers brace for late frost');
  assert.equal(article.language, 'en-GB');
  assert.match(article.text, /^Fruit growers in the upper valley/);
});

test('extractHtml reads the visible date line when the markup has no date', () => {
  const article = extractHtml(fixture('visible-date.html'));
  assert.equal(article.published, '2018-03-28');
  assert.equal(article.publishedSource, 'visible-text');
  assert.ok(!article.text.includes('Updated'), article.text);
  assert.match(article.text, /^The harbor ferry/);
});

test('extractHtml falls back to the date in the URL path', () => {
  const article = extractHtml(page(''), { url: 'https://news.example/2015/04/08/river-keeps-rising/' });
  assert.equal(article.published, '2015-04-08');
  assert.equal(article.publishedSource, 'url');
});

test('extractHtml reads the date from the canonical link when no URL is given', () => {
  const article = extractHtml(page('<link rel="canonical" href="https://news.example/2015/04/08/river/">'));
  assert.equal(article.published, '2015-04-08');
  assert.equal(article.publishedSource, 'url');
});

test('extractHtml reads the date from a short element whose class says date', () => {
  const article = extractHtml(page('', `<div class="press__date">October 12, 2017</div><article>${BODY}</article>`), { url: 'https://news.example/2015/04/08/x/' });
  assert.equal(article.published, '2017-10-12');
  assert.equal(article.publishedSource, 'visible-text');
});

test('extractHtml takes the site name off a <title> when no meta title is given', () => {
  const html = `<html><head><title>River keeps rising in the low streets of town - The Courier</title></head><body><article>${BODY}</article></body></html>`;
  assert.equal(extractHtml(html).title, 'River keeps rising in the low streets of town');
});

test('extractHtml prefers og:title to the <title>', () => {
  assert.equal(extractHtml(page('<meta property="og:title" content="River keeps rising, shelters open">')).title, 'River keeps rising, shelters open');
});

test('extractHtml keeps a date out of the byline', () => {
  const article = extractHtml(page('<meta name="author" content="FEDERICA LUSIARDI - 2019-04-10">'));
  assert.equal(article.byline, 'FEDERICA LUSIARDI');
});

test('extractHtml prefers the markup date over the URL date', () => {
  const article = extractHtml(page('<meta name="pubdate" content="2015-04-09">'), { url: 'https://news.example/2015/04/08/river/' });
  assert.equal(article.published, '2015-04-09');
  assert.equal(article.publishedSource, 'html-meta');
});

const metaDates: [name: string, head: string, body: string | undefined, expected: string, source: string][] = [
  ['article:published_time', '<meta property="article:published_time" content="2019-11-18T23:04:24-05:00">', undefined, '2019-11-18T23:04:24-05:00', 'html-meta'],
  ['pubdate', '<meta name="pubdate" content="2019-11-18">', undefined, '2019-11-18', 'html-meta'],
  ['date', '<meta name="date" content="2019-11-18">', undefined, '2019-11-18', 'html-meta'],
  ['DC.date', '<meta name="DC.date" content="2019-11-18">', undefined, '2019-11-18', 'html-meta'],
  ['parsely-pub-date', '<meta name="parsely-pub-date" content="2019-11-18T10:00:00Z">', undefined, '2019-11-18T10:00:00Z', 'html-meta'],
  ['itemprop datePublished', '<meta itemprop="datePublished" content="2019-11-18">', undefined, '2019-11-18', 'html-meta'],
  ['og:updated_time alone is not a publication date', '<meta property="og:updated_time" content="2019-11-20">', undefined, '', ''],
  ['time datetime', '', `<article><time datetime="2019-11-18T08:00:00Z">Nov. 18</time>${BODY}</article>`, '2019-11-18T08:00:00Z', 'html-meta'],
  ['JSON-LD datePublished', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-18"}</script>', undefined, '2019-11-18', 'json-ld'],
  ['broken JSON-LD is skipped', '<script type="application/ld+json">{"@type": "NewsArticle", </script>', undefined, '', ''],
  ['a meta value without a date is skipped', '<meta name="date" content="today">', undefined, '', ''],
];
for (const [name, head, body, expected, source] of metaDates) {
  test(`extractHtml publication date from ${name}`, () => {
    const article = extractHtml(page(head, body));
    assert.equal(article.published ?? '', expected);
    assert.equal(article.publishedSource ?? '', source);
  });
}

test('extractHtml writes a newline at every block boundary', () => {
  const article = extractHtml(page('', `<article>${BODY}<ul><li>First item of the list</li><li>Second item of the list</li></ul></article>`));
  assert.ok(!/rises\.Crews|arrives\.First/.test(article.text), article.text);
  assert.match(article.text, /leave before dark\.\n\nCrews worked/);
  assert.match(article.text, /First item of the list\nSecond item of the list/);
});

const garbage: [name: string, input: unknown][] = [
  ['an empty string', ''],
  ['whitespace', ' \n\t '],
  ['plain text', 'Just a sentence, no markup at all.'],
  ['binary noise', '\u0000\u0001\u0002\uFFFD\uFFFD PNG \u0000'],
  ['broken markup', '<<<div>>> <p <a href=">">< /html>'],
  ['an empty document', '<html><head></head><body></body></html>'],
  ['only a head', '<html><head><title>T</title></head></html>'],
  ['not a string', 42],
  ['null', null],
];
for (const [name, input] of garbage) {
  test(`extractHtml does not throw on ${name}`, () => {
    const article = extractHtml(input as string);
    assert.equal(typeof article.text, 'string');
    assert.ok(Array.isArray(article.removed));
  });
}

test('extractHtml returns the text of a plain-text input', () => {
  assert.equal(extractHtml('Just a sentence, no markup at all.').text, 'Just a sentence, no markup at all.');
});

test('extractHtml keeps the paragraphs of plain text handed in as HTML', () => {
  assert.equal(extractHtml('First paragraph,\nstill first.\n\nSecond paragraph.').text, 'First paragraph, still first.\n\nSecond paragraph.');
});

test('extractHtml survives 100,000 nested elements quickly and keeps their text', () => {
  const html = `<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`;
  const started = Date.now();
  const article = extractHtml(html);
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  assert.match(article.text, /deep text/);
});

test('extractHtml reads only the first 5 million characters of a huge page and says so', () => {
  const paragraph = '<p>The county opened a second shelter on Tuesday as the river kept rising.</p>';
  const html = `<html><body><article>${paragraph.repeat(Math.ceil(6_000_000 / paragraph.length))}</article></body></html>`;
  const article = extractHtml(html);
  assert.ok(article.text.length > 0);
  assert.ok(article.removed.some((entry) => /not read/.test(entry.reason)), JSON.stringify(article.removed.slice(0, 3)));
});

const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'examples', 'seed-article.txt');

test('extractHtml keeps every paragraph of the seed article wrapped in a boilerplate page', { skip: !existsSync(SEED) }, () => {
  // The seed is scraped text: its first line is photo-caption residue, the rest is the story.
  const [caption = '', ...rest] = readFileSync(SEED, 'utf8').split('\n');
  const paragraphs = rest.join('\n').split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!DOCTYPE html><html><head><title>Story - Site</title></head><body>
    <nav><a href="/">World</a> <a href="/politics">Politics</a></nav>
    <div class="headline"><h1>US strikes al Qaeda in Libya</h1><p class="update-time">Updated 1:23 PM ET, Wed March 28, 2018</p></div>
    <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
    <section class="body">
      <figure><img src="x.jpg"><figcaption>${escape(caption)}</figcaption></figure>
      ${paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
    </section>
    <div class="related"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></div>
    <footer>© 2018 Cable News Network. All Rights Reserved.</footer></body></html>`;
  const article = extractHtml(html);
  assert.equal(article.published, '2018-03-28');
  assert.equal(article.publishedSource, 'visible-text');
  assert.ok(!article.text.includes(caption.trim()), 'caption residue kept');
  let from = 0;
  for (const paragraph of paragraphs) {
    const at = article.text.indexOf(paragraph, from);
    assert.ok(at >= 0, `paragraph missing or out of order: ${JSON.stringify(paragraph.slice(0, 60))}`);
    from = at + paragraph.length;
  }
});

test('linkedom as patched (patches/): event listeners still added, dispatched once and removed', async () => {
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body><div id="a"><p id="b">x</p></div></body></html>');
  const outer = document.getElementById('a')!;
  const inner = document.getElementById('b')!;
  const seen: string[] = [];
  const listener = (event: { currentTarget: unknown }): void => { seen.push(event.currentTarget === inner ? 'inner' : 'outer'); };
  inner.addEventListener('ping', listener);
  outer.addEventListener('ping', listener);
  // A node that never had a listener: removing one and dispatching to it are no-ops, not errors.
  document.body.removeEventListener('ping', listener);
  document.body.dispatchEvent(new document.defaultView.Event('ping'));
  inner.dispatchEvent(new document.defaultView.Event('ping', { bubbles: true }));
  assert.deepEqual(seen, ['inner', 'outer']);
  inner.removeEventListener('ping', listener);
  inner.dispatchEvent(new document.defaultView.Event('ping', { bubbles: true }));
  assert.deepEqual(seen, ['inner', 'outer', 'outer']);
});

test('linkedom is patched in this checkout: no listener map is made per node', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const target = join(root, 'node_modules', 'linkedom', 'esm', 'interface', 'event-target.js');
  if (!existsSync(join(root, 'patches')) || !existsSync(target)) return;
  const source = readFileSync(target, 'utf8');
  const constructorBody = /constructor\(\) \{([^}]*)\}/.exec(source)?.[1] ?? '';
  assert.doesNotMatch(constructorBody, /wm\.set/, 'run `npm ci` (its postinstall applies patches/)');
});
