/**
 * Guards for hostile HTML before it reaches the DOM: a cap on size and on nesting depth.
 * Readability slows down sharply with nesting (measured with linkedom: 100 nested `<div>`s take
 * 0.3 s, 1,000 take 11 s), while the deepest of the 120 benchmark pages nests 51 elements.
 */

/** Tags that never hold children, so they do not nest. */
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command',
]);
// Elements whose content is raw text: a `<div>` inside a script string is not an element.
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

// Elements that an opening tag of the same kind closes implicitly: `<p>one<p>two` is two
// paragraphs side by side, not one inside the other.
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
// How far up the open elements a stray closing tag is looked for before it is ignored.
const CLOSE_SEARCH_LIMIT = 64;

const SLASH = 47; // "/" before ">" closes a self-closing tag: <div/>

// A comment (skipped: tags inside it are not elements) or a tag with its name.
const TAG_PATTERN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/g;

// Raw-text elements whose content no reader of the page uses: scripts (but JSON-LD, which the
// metadata reads) and style sheets.
const EMPTIED_ELEMENTS = new Set(['script', 'style']);
const JSON_LD = /ld\+json/i;

/** The closing tag of each raw-text element, any case, made once. */
const CLOSING_TAGS = new Map([...RAW_TEXT_ELEMENTS].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

/** The end of raw-text element `name`'s content (its closing tag) from `from`, or -1. */
function rawTextEnd(html: string, name: string, from: number): number {
  const pattern = CLOSING_TAGS.get(name)!;
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/**
 * Drops the tags (not the text) of elements nested deeper than `maxDepth`, so the text they hold
 * stays readable, and with `emptyScripts` the content of `<script>` (JSON-LD kept) and `<style>`
 * elements. Returns the HTML unchanged (the same string) when there was nothing to do.
 *
 * Emptying: scripts and style sheets are half of a news page's bytes (120 scraped pages: 20.6 MB,
 * 9.7 MB without them), which the HTML parser read character by character into text nodes that
 * were then removed unread; the extracted article and metadata are the same on all 120 pages, and
 * extraction took 14 % less time.
 */
export function limitNesting(html: string, maxDepth: number, emptyScripts = false): string {
  const open: { name: string; dropped: boolean }[] = [];
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let changed = false;
  let endsWithSpace = false;
  const pattern = new RegExp(TAG_PATTERN.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(html)) !== null) {
    if (match[2] === undefined) continue; // a comment
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    let drop = false;
    if (closing) {
      const lowest = Math.max(0, open.length - CLOSE_SEARCH_LIMIT);
      for (let index = open.length - 1; index >= lowest; index -= 1) {
        if (open[index]?.name !== name) continue;
        drop = open[index]?.dropped ?? false;
        open.length = index;
        break;
      }
    } else if (RAW_TEXT_ELEMENTS.has(name)) {
      const end = rawTextEnd(html, name, pattern.lastIndex);
      if (end < 0) {
        pattern.lastIndex = html.length;
        continue;
      }
      if (emptyScripts && end > pattern.lastIndex && EMPTIED_ELEMENTS.has(name) && !(name === 'script' && JSON_LD.test(match[0]))) {
        pieces.push(html.slice(copiedUpTo, pattern.lastIndex));
        copiedUpTo = end;
        changed = true;
        endsWithSpace = false;
      }
      pattern.lastIndex = end;
      continue;
    } else if (!VOID_ELEMENTS.has(name) && html.charCodeAt(pattern.lastIndex - 2) !== SLASH) {
      if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1]?.name === name) open.pop();
      drop = open.length >= maxDepth;
      open.push({ name, dropped: drop });
    }
    if (drop) {
      // One space stands for any run of dropped tags: `<div>a</div><div>b</div>` must not read `ab`,
      // and 100,000 spaces in one text node slow Readability down as much as the nesting did.
      const between = html.slice(copiedUpTo, match.index);
      if (between !== '') pieces.push(between);
      if (between === '' ? !endsWithSpace : !/\s$/.test(between)) pieces.push(' ');
      endsWithSpace = true;
      copiedUpTo = pattern.lastIndex;
      changed = true;
    }
  }
  if (!changed) return html;
  pieces.push(html.slice(copiedUpTo));
  return pieces.join('');
}
