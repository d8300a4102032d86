/**
 * Direct quotations by their quote marks: pairs opening and closing marks of every style (curly
 * `“…”`, straight `"…"`, guillemets `«…»`, low-high `„…“`, single `‘…’` / `'…'` at the top
 * level) inside each paragraph, in one linear scan (no regular expression, so bad input cannot
 * make it slow). A quote left open at the end of a paragraph continues when the next paragraph
 * opens with a quote mark (the news convention for long quotes); otherwise it is unbalanced and
 * yields a diagnostic.
 */
import type { Diagnostic, Span } from '../../doc/schema.js';

/** A quoted stretch of text, marks included. */
export interface QuotedSpan extends Span {
  /** Index of the paragraph holding it. */
  readonly paragraph: number;
  /** Still open at the paragraph's end and continued by the next paragraph. */
  readonly continues: boolean;
  /** Opened with no closing mark and no continuation (bad input): runs to the paragraph's end. */
  readonly unclosed: boolean;
}

/** Result of {@link findQuotedSpans}. */
export interface QuotedSpans {
  readonly spans: QuotedSpan[];
  readonly diagnostics: Diagnostic[];
}

const DOUBLE_OPEN = new Set([0x201c /* “ */, 0xab /* « */, 0x201e /* „ */]);
const DOUBLE_CLOSE = new Set([0x201d /* ” */, 0xbb /* » */]);
const STRAIGHT_DOUBLE = 0x22;
const SINGLE_OPEN = 0x2018; // ‘
const SINGLE_CLOSE = 0x2019; // ’ (also the apostrophe)
const STRAIGHT_SINGLE = 0x27;
/** Style of `''…''` (two apostrophes as a double mark); not a character code. */
const DOUBLE_APOSTROPHE = 0x2727;

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code > 0x7f && LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isSpaceOrOpener(code: number): boolean {
  // NaN: the start of the paragraph.
  return Number.isNaN(code) || code === 0x20 || code === 0x0a || code === 0x09 || code === 0xa0 || code === 0x28 /* ( */ || code === 0x5b /* [ */ || code === 0x2014 || code === 0x2013 || code === 0x2d || code === 0x201c || code === 0x22;
}

function isQuoteMarkCode(code: number): boolean {
  return code === STRAIGHT_DOUBLE || code === STRAIGHT_SINGLE || DOUBLE_OPEN.has(code) || DOUBLE_CLOSE.has(code) || code === SINGLE_OPEN || code === SINGLE_CLOSE;
}

/** The first non-space character of a paragraph is an opening double mark. */
function opensWithQuote(text: string, start: number, end: number): boolean {
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code === 0x20 || code === 0x09) continue;
    return DOUBLE_OPEN.has(code) || code === STRAIGHT_DOUBLE || code === SINGLE_OPEN || (code === STRAIGHT_SINGLE && text.charCodeAt(position + 1) === STRAIGHT_SINGLE);
  }
  return false;
}

/** Number of `mark` characters in `text` between `from` and `to`. */
function closingMarksIn(text: string, from: number, to: number, mark: number): number {
  let count = 0;
  for (let position = from; position < to; position++) if (text.charCodeAt(position) === mark) count++;
  return count;
}

/** Every character the scan of {@link findQuotedSpans} acts on. */
const MARKS = /['"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/g;

/**
 * The position of the first match of `pattern` (global, one character) at or after a given one
 * (the text's length if none), for one text. A search is reused while it still answers (no match
 * between where it began and what it found), so a text with few matches is searched once, not
 * once per paragraph. (An object, not a closure made per text: V8 drops a closure's optimised
 * code at a full collection once none of its closures lives, and compiles it again.)
 */
class NextMatchFinder {
  #searchedFrom = 0;
  #found = -1;
  constructor(readonly text: string, readonly pattern: RegExp) {}

  next(from: number): number {
    if (from >= this.#searchedFrom && from <= this.#found) return this.#found;
    this.pattern.lastIndex = from;
    this.#searchedFrom = from;
    this.#found = this.pattern.exec(this.text)?.index ?? this.text.length;
    return this.#found;
  }
}

/** An open double mark on {@link findQuotedSpans}' stack. */
interface OpenMark { readonly position: number; readonly style: number }

/** The depth of the innermost open mark of style `style` or `other`, or -1. */
function deepestOpen(stack: readonly OpenMark[], style: number, other = style): number {
  for (let depth = stack.length - 1; depth >= 0; depth--) if (stack[depth]!.style === style || stack[depth]!.style === other) return depth;
  return -1;
}

/** Closes the mark at `depth` (and any inside it) at `position`; the outermost one makes a span. */
function closeOpen(stack: OpenMark[], depth: number, position: number, spans: QuotedSpan[], paragraph: number): void {
  const opened = stack[depth]!;
  stack.length = depth;
  if (depth === 0) spans.push({ start: opened.position, end: position + 1, paragraph, continues: false, unclosed: false });
}

/** Finds quoted spans in each paragraph of `text`. */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpans {
  const spans: QuotedSpan[] = [];
  const diagnostics: Diagnostic[] = [];
  const marks = new NextMatchFinder(text, MARKS);
  for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
    const paragraph = paragraphs[paragraphIndex]!;
    // Open double marks, outermost first: `"… “…” …"` nests one style inside another.
    const stack: OpenMark[] = [];
    let singleOpen = -1;
    // Closing marks still ahead in the paragraph, counted once and spent as the scan passes them (a
    // count per opening mark was quadratic: 100,000 opening marks took half a minute).
    let curlyClosersLeft = closingMarksIn(text, paragraph.start, paragraph.end, 0x201d);
    let guillemetClosersLeft = closingMarksIn(text, paragraph.start, paragraph.end, 0xbb);
    // Only quote marks act: the scan jumps from one to the next.
    for (let position = marks.next(paragraph.start); position < paragraph.end; position = marks.next(position + 1)) {
      const code = text.charCodeAt(position);
      if (code === 0x201d) curlyClosersLeft--;
      else if (code === 0xbb) guillemetClosersLeft--;
      if (code === STRAIGHT_SINGLE && position + 1 < paragraph.end && text.charCodeAt(position + 1) === STRAIGHT_SINGLE) {
        // `''That makes me smart,'' he said`: two apostrophes stand for a double mark in some
        // wire and archive text.
        const depth = deepestOpen(stack, DOUBLE_APOSTROPHE);
        position++;
        if (depth >= 0) closeOpen(stack, depth, position, spans, paragraphIndex);
        else stack.push({ position: position - 1, style: DOUBLE_APOSTROPHE });
        singleOpen = -1;
      } else if (code === STRAIGHT_DOUBLE) {
        const depth = deepestOpen(stack, STRAIGHT_DOUBLE);
        const before = position > paragraph.start ? text.charCodeAt(position - 1) : Number.NaN;
        const after = position + 1 < paragraph.end ? text.charCodeAt(position + 1) : Number.NaN;
        if (depth >= 0) closeOpen(stack, depth, position, spans, paragraphIndex);
        else if (stack.length === 0 && !isSpaceOrOpener(before) && !isLetterOrDigit(after) && !isQuoteMarkCode(after)) {
          // `a cursory review of [his] systems" including …`: a straight mark after a word and
          // before a space closes a quotation opened elsewhere (or nowhere); opening one here
          // would pair it with the next quotation's opening mark and turn the text inside out.
          diagnostics.push({ stage: 'quotes', rule: 'quote-marks/unopened', message: 'a closing quote mark with no opening mark', start: position, end: position + 1 });
        } else stack.push({ position, style: STRAIGHT_DOUBLE });
        singleOpen = -1;
      } else if (code === 0x201c || code === 0x201e || code === 0xab) {
        const top = stack[stack.length - 1];
        // `„…“` (German style) closes with `“`.
        if (code === 0x201c && top?.style === 0x201e) closeOpen(stack, stack.length - 1, position, spans, paragraphIndex);
        else {
          const style = code === 0xab ? 0xab : 0x201c;
          const before = position > paragraph.start ? text.charCodeAt(position - 1) : Number.NaN;
          const after = position + 1 < paragraph.end ? text.charCodeAt(position + 1) : Number.NaN;
          // `“… the rate is 51 percent.“`: an opening mark typed where the closing one belongs
          // (after a word or punctuation, before a space or the paragraph's end) closes the
          // quotation it faces when no closing mark of its own follows (bad input).
          const reversedClose =
            code === 0x201c && top !== undefined && top.style === 0x201c && !isSpaceOrOpener(before) && !isLetterOrDigit(after) && curlyClosersLeft < stack.length;
          if (reversedClose) {
            diagnostics.push({ stage: 'quotes', rule: 'quote-marks/reversed', message: 'an opening quote mark closes a quotation', start: position, end: position + 1 });
            closeOpen(stack, stack.length - 1, position, spans, paragraphIndex);
            singleOpen = -1;
            continue;
          }
          // `“… I’d rather live in what he calls “hell” than live in a world …”`: a mark of the
          // same style nests when enough closing marks follow in the paragraph to close both;
          // otherwise the open one was never closed (bad input).
          if (top && top.style === style && (code === 0xab ? guillemetClosersLeft : curlyClosersLeft) < stack.length + 1) {
            diagnostics.push({ stage: 'quotes', rule: 'quote-marks/reopened', message: 'a quote mark opens while another of the same style is still open', start: top.position, end: position + 1 });
            stack.pop();
          }
          stack.push({ position, style: code === 0x201e ? 0x201e : style });
        }
        singleOpen = -1;
      } else if (DOUBLE_CLOSE.has(code)) {
        const depth = code === 0xbb ? deepestOpen(stack, 0xab) : deepestOpen(stack, 0x201c, 0x201e);
        const before = position > paragraph.start ? text.charCodeAt(position - 1) : Number.NaN;
        const after = position + 1 < paragraph.end ? text.charCodeAt(position + 1) : Number.NaN;
        const straight = code === 0x201d ? deepestOpen(stack, STRAIGHT_DOUBLE) : -1;
        if (depth >= 0) closeOpen(stack, depth, position, spans, paragraphIndex);
        else if (straight >= 0 && !isSpaceOrOpener(before)) {
          // `Clinton’s "work-related” emails`: a curly mark closes a straight one (mixed styles in
          // bad input); left open, the straight mark would swallow the rest of the paragraph.
          closeOpen(stack, straight, position, spans, paragraphIndex);
        } else if (code === 0x201d && isSpaceOrOpener(before) && isLetterOrDigit(after)) {
          // `”Mr. Trump embodies the lasting legacy …”`: a closing mark typed where an opening
          // one belongs (bad input) still opens the quote.
          diagnostics.push({ stage: 'quotes', rule: 'quote-marks/reversed', message: 'a closing quote mark opens a quotation', start: position, end: position + 1 });
          stack.push({ position, style: 0x201c });
        } else diagnostics.push({ stage: 'quotes', rule: 'quote-marks/unopened', message: 'a closing quote mark with no opening mark', start: position, end: position + 1 });
      } else if (stack.length === 0 && (code === SINGLE_OPEN || code === STRAIGHT_SINGLE || code === SINGLE_CLOSE)) {
        const before = position > paragraph.start ? text.charCodeAt(position - 1) : Number.NaN;
        const after = position + 1 < paragraph.end ? text.charCodeAt(position + 1) : Number.NaN;
        // An apostrophe sits between letters (`Qa’ida`, `don't`) or after one (`students’`): only
        // a mark after a space that opens a word opens a single quote; only a pending one closes.
        if (singleOpen < 0 && code !== SINGLE_CLOSE && isSpaceOrOpener(before) && isLetterOrDigit(after)) singleOpen = position;
        else if (singleOpen >= 0 && code !== SINGLE_OPEN && !isLetterOrDigit(after) && !isSpaceOrOpener(before)) {
          // A single-quoted stretch counts when it holds several words (`'fake news'` is a
          // phrase; a possessive `s’` pairs with nothing).
          if (text.slice(singleOpen + 1, position).includes(' ')) spans.push({ start: singleOpen, end: position + 1, paragraph: paragraphIndex, continues: false, unclosed: false });
          singleOpen = -1;
        }
      }
    }
    const outer = stack[0];
    if (outer) {
      const next = paragraphs[paragraphIndex + 1];
      const continues = next !== undefined && opensWithQuote(text, next.start, next.end);
      if (!continues) {
        diagnostics.push({ stage: 'quotes', rule: 'quote-marks/unclosed', message: 'a quote mark opens and is never closed in its paragraph', start: outer.position, end: paragraph.end });
      }
      spans.push({ start: outer.position, end: paragraph.end, paragraph: paragraphIndex, continues, unclosed: !continues });
    }
  }
  return { spans, diagnostics };
}

/**
 * Paragraphs cut at every line break inside them: PolNeAR never lets a content span cross a line
 * break, and scraped text often holds one-line paragraphs the segmenter joins (`“…” ― Krystal
 * Correa⏎“He can’t even answer a question …”` is two testimonies, not one).
 */
export function splitAtLineBreaks(text: string, paragraphs: readonly Span[]): Span[] {
  const lines: Span[] = [];
  const lineBreaks = new NextMatchFinder(text, /\n/g);
  for (const paragraph of paragraphs) {
    let start = paragraph.start;
    for (let position = paragraph.start; position <= paragraph.end; position++) {
      position = Math.min(lineBreaks.next(position), paragraph.end);
      let end = position;
      while (end > start && /\s/.test(text.charAt(end - 1))) end--;
      let first = start;
      while (first < end && /\s/.test(text.charAt(first))) first++;
      if (end > first) lines.push({ start: first, end });
      start = position + 1;
    }
  }
  return lines;
}
