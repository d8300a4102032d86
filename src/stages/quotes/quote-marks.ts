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

function isLetterOrDigit(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function isSpaceOrOpener(code: number): boolean {
  // NaN: the start of the paragraph.
  return Number.isNaN(code) || code === 0x20 || code === 0x0a || code === 0x09 || code === 0xa0 || code === 0x28 /* ( */ || code === 0x5b /* [ */ || code === 0x2014 || code === 0x2013 || code === 0x2d || code === 0x201c || code === 0x22;
}

/** The first non-space character of a paragraph is an opening double mark. */
function opensWithQuote(text: string, start: number, end: number): boolean {
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code === 0x20 || code === 0x09) continue;
    return DOUBLE_OPEN.has(code) || code === STRAIGHT_DOUBLE || code === SINGLE_OPEN;
  }
  return false;
}

/** Finds quoted spans in each paragraph of `text`. */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpans {
  const spans: QuotedSpan[] = [];
  const diagnostics: Diagnostic[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    let doubleOpen = -1;
    let singleOpen = -1;
    for (let position = paragraph.start; position < paragraph.end; position++) {
      const code = text.charCodeAt(position);
      let opens = false;
      let closes = false;
      let single = false;
      if (DOUBLE_OPEN.has(code)) {
        // `„…“` (German style) closes with `“`: an opener while a `„` is open closes it.
        if (code === 0x201c && doubleOpen >= 0 && text.charCodeAt(doubleOpen) === 0x201e) closes = true;
        else opens = true;
      } else if (DOUBLE_CLOSE.has(code)) closes = true;
      else if (code === STRAIGHT_DOUBLE) {
        if (doubleOpen < 0) opens = true;
        else closes = true;
      } else if (doubleOpen < 0 && (code === SINGLE_OPEN || code === STRAIGHT_SINGLE || code === SINGLE_CLOSE)) {
        const before = position > paragraph.start ? text.charCodeAt(position - 1) : Number.NaN;
        const after = position + 1 < paragraph.end ? text.charCodeAt(position + 1) : Number.NaN;
        single = true;
        // An apostrophe sits between letters (`Qa’ida`, `don't`) or after one (`students’`): only
        // a mark after a space that opens a word opens a single quote; only a pending one closes.
        if (singleOpen < 0 && code !== SINGLE_CLOSE && isSpaceOrOpener(before) && isLetterOrDigit(after)) opens = true;
        else if (singleOpen >= 0 && code !== SINGLE_OPEN && !isLetterOrDigit(after) && !isSpaceOrOpener(before)) closes = true;
      }
      if (single) {
        if (opens) singleOpen = position;
        else if (closes && singleOpen >= 0) {
          // A single-quoted stretch counts when it holds several words (`'fake news'` is a
          // phrase; a possessive `s’` pairs with nothing).
          const inner = text.slice(singleOpen + 1, position);
          if (inner.includes(' ')) spans.push({ start: singleOpen, end: position + 1, paragraph: paragraphIndex, continues: false, unclosed: false });
          singleOpen = -1;
        }
        continue;
      }
      if (opens) {
        if (doubleOpen >= 0) {
          diagnostics.push({ stage: 'quotes', rule: 'quote-marks/reopened', message: 'a quote mark opens while another is still open', start: doubleOpen, end: position + 1 });
        }
        doubleOpen = position;
        singleOpen = -1;
      } else if (closes) {
        if (doubleOpen >= 0) {
          spans.push({ start: doubleOpen, end: position + 1, paragraph: paragraphIndex, continues: false, unclosed: false });
          doubleOpen = -1;
        } else {
          diagnostics.push({ stage: 'quotes', rule: 'quote-marks/unopened', message: 'a closing quote mark with no opening mark', start: position, end: position + 1 });
        }
      }
    }
    if (doubleOpen >= 0) {
      const next = paragraphs[paragraphIndex + 1];
      const continues = next !== undefined && opensWithQuote(text, next.start, next.end);
      if (!continues) {
        diagnostics.push({ stage: 'quotes', rule: 'quote-marks/unclosed', message: 'a quote mark opens and is never closed in its paragraph', start: doubleOpen, end: paragraph.end });
      }
      spans.push({ start: doubleOpen, end: paragraph.end, paragraph: paragraphIndex, continues, unclosed: !continues });
    }
  });
  return { spans, diagnostics };
}
