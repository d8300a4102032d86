/**
 * Plain text of an article element, built with a break at every block boundary. The traversal is
 * iterative, so a hostile, deeply nested page cannot overflow the call stack.
 */

/** One line of article text and the break before it: 1 = line break, 2 = paragraph break. */
export interface TextLine {
  readonly text: string;
  readonly gap: 1 | 2;
}

// Elements whose text is never article text.
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'button', 'select',
  'option', 'textarea', 'input', 'head', 'title', 'meta', 'link', 'canvas', 'video', 'audio', 'map',
]);
// Elements that stand as paragraphs: a blank line before and after.
const PARAGRAPH_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'dl',
  'table', 'figure', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'form', 'fieldset', 'details', 'center',
  'hgroup', 'body', 'html', 'dialog', 'menu', 'legend',
]);
// Elements that start a new line inside a paragraph-level block.
const LINE_ELEMENTS = new Set(['li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'summary', 'thead', 'tbody', 'tfoot']);
// Table cells: a space between them, so that `<td>3</td><td>4</td>` does not read `34`.
const CELL_ELEMENTS = new Set(['td', 'th']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Lower-case tag name of an element node (empty for other nodes). */
export function elementName(node: Node): string {
  return ((node as Element).localName ?? '').toLowerCase();
}

/**
 * Text of `root` as lines: a paragraph break around `p`, `div`, headings, lists, tables and other
 * blocks, a line break at `li`, `tr`, `br`; whitespace inside a line collapsed to one space.
 * `textContent` would glue `<p>end.</p><p>Next</p>` into `end.Next`.
 */
export function blockLines(root: Node): TextLine[] {
  const lines: TextLine[] = [];
  let current = '';
  let currentGap: 1 | 2 = 2;
  let pendingGap: 0 | 1 | 2 = 0;
  let pendingSpace = false;
  let preDepth = 0;

  const breakLine = (gap: 1 | 2): void => {
    if (gap > pendingGap) pendingGap = gap;
  };
  const appendText = (raw: string): void => {
    if (preDepth > 0 && raw.includes('\n')) {
      // Inside <pre> a source line break is a real line break.
      const pieces = raw.split('\n');
      for (let index = 0; index < pieces.length; index++) {
        const piece = pieces[index]!;
        if (index > 0) breakLine(1);
        appendText(piece);
      }
      return;
    }
    const collapsed = raw.replace(/\s+/g, ' ');
    const body = collapsed.trim();
    if (body === '') {
      if (collapsed !== '') pendingSpace = true;
      return;
    }
    if (pendingGap > 0) {
      if (current !== '') {
        lines.push({ text: current, gap: currentGap });
        current = '';
        currentGap = pendingGap as 1 | 2;
      } else if (lines.length > 0 && pendingGap > currentGap) {
        currentGap = pendingGap as 1 | 2;
      }
      pendingGap = 0;
    } else if ((pendingSpace || collapsed.startsWith(' ')) && current !== '') {
      current += ' ';
    }
    current += body;
    pendingSpace = collapsed.endsWith(' ');
  };

  // Iterative walk: a node popped from the stack is entered; `null` marks the exit of `exits.pop()`.
  const stack: (Node | null)[] = [root];
  const exits: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      const exited = exits.pop();
      if (!exited) continue;
      const name = elementName(exited);
      if (name === 'pre') preDepth -= 1;
      if (PARAGRAPH_ELEMENTS.has(name)) breakLine(2);
      else if (LINE_ELEMENTS.has(name)) breakLine(1);
      else if (CELL_ELEMENTS.has(name)) pendingSpace = true;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      appendText(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const name = elementName(node);
    if (SKIPPED_ELEMENTS.has(name)) continue;
    if (name === 'br') {
      breakLine(1);
      continue;
    }
    if (PARAGRAPH_ELEMENTS.has(name)) breakLine(2);
    else if (LINE_ELEMENTS.has(name)) breakLine(1);
    else if (CELL_ELEMENTS.has(name)) pendingSpace = true;
    if (name === 'pre') preDepth += 1;
    exits.push(node);
    stack.push(null);
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  if (current !== '') lines.push({ text: current, gap: currentGap });
  return lines;
}

/** Joins lines back into text: `\n` for a line break, `\n\n` between paragraphs. */
export function joinLines(lines: readonly TextLine[]): string {
  let text = '';
  for (const line of lines) {
    if (text !== '') text += line.gap === 2 ? '\n\n' : '\n';
    text += line.text;
  }
  return text;
}
