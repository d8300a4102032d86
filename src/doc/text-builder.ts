/**
 * Builds a normalised text out of pieces of a source string while recording the alignment, so
 * every offset of the result maps back to the source.
 */
import type { AlignmentPiece } from './schema.js';

/** Characters replaced one-for-one in the normalised text (offsets do not move). */
const SAME_LENGTH_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u00a0': ' ', // no-break space
  '\u2007': ' ', // figure space
  '\u202f': ' ', // narrow no-break space
  '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200a': ' ',
  '\t': ' ',
};
const REPLACE_PATTERN = /[\u00a0\u2007\u202f\u2002\u2003\u2009\u200a\t]/g;
/** Characters dropped from the normalised text: zero-width ones, soft hyphen and carriage return. */
const DROP_PATTERN = /[\u200b\u200c\u200d\u2060\ufeff\u00ad\r]/g;
const DROP_TEST = /[\u200b\u200c\u200d\u2060\ufeff\u00ad\r]/;
const REPLACE_TEST = /[\u00a0\u2007\u202f\u2002\u2003\u2009\u200a\t]/;

/** Accumulates kept source ranges into text plus alignment. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly pieces: AlignmentPiece[] = [];
  private length = 0;

  constructor(private readonly source: string) {}

  /** Copies `source[start, end)`, dropping invisible characters and replacing odd spaces. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    const slice = this.source.slice(start, end);
    if (!DROP_TEST.test(slice)) {
      this.copy(slice, 0, slice.length, start);
      return;
    }
    DROP_PATTERN.lastIndex = 0;
    let from = 0;
    for (const match of slice.matchAll(DROP_PATTERN)) {
      this.copy(slice, from, match.index, start);
      from = match.index + match[0].length;
    }
    this.copy(slice, from, slice.length, start);
  }

  private copy(slice: string, from: number, to: number, sliceSourceStart: number): void {
    if (to <= from) return;
    const raw = slice.slice(from, to);
    const piece = REPLACE_TEST.test(raw) ? raw.replace(REPLACE_PATTERN, (char) => SAME_LENGTH_REPLACEMENTS[char] ?? ' ') : raw;
    const last = this.pieces[this.pieces.length - 1];
    const sourceStart = sliceSourceStart + from;
    if (last && last.textStart + last.length === this.length && last.sourceStart + last.length === sourceStart) {
      last.length += piece.length;
    } else {
      this.pieces.push({ textStart: this.length, sourceStart, length: piece.length });
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** The text built so far and its alignment. */
  finish(): { text: string; alignment: AlignmentPiece[] } {
    return { text: this.parts.join(''), alignment: this.pieces };
  }
}

/**
 * Maps an offset of the normalised text to the source. An offset at the end of a piece maps to the
 * end of that piece's source range, so a half-open span maps to a half-open span.
 */
export function toSourceOffset(alignment: readonly AlignmentPiece[], offset: number, side: 'start' | 'end' = 'start'): number {
  let low = 0;
  let high = alignment.length - 1;
  let found: AlignmentPiece | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const piece = alignment[middle];
    if (!piece) break;
    if (piece.textStart <= offset) {
      found = piece;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (!found) return offset;
  if (side === 'end' && offset === found.textStart && found !== alignment[0]) {
    const index = alignment.indexOf(found);
    const previous = alignment[index - 1];
    if (previous) return previous.sourceStart + previous.length;
  }
  return found.sourceStart + Math.min(offset - found.textStart, found.length);
}

/**
 * A copy of `text` of the same length with typographic variants folded for matching:
 * curly quotes and apostrophes to straight ones, dashes to `-`.
 */
export function foldForMatching(text: string): string {
  return text.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[‐‑‒–—―]/g, '-');
}
