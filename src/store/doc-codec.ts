/**
 * How a Doc is kept in the store's `doc` column: JSON, with the bulky parts written compactly or
 * left out where the row already holds them. Tokens were 49 % of an analysed article's JSON
 * (`{"start":823,"end":824,"sentence":7}` for every word); they are stored as numbers only (the
 * gap before each token and its length, and the sentence index as runs), about a seventh of the
 * size. `text` is in the row's own `text` column and `source` is often the text itself.
 *
 * Why not leave tokens out and rebuild them with `segment(doc.text)` on read: the segmenter
 * changes. Of 1,650 articles analysed at 17:00, 193 had other tokens than the segmenter of 17:03
 * gave (Treebank `''` quotes); an article stored before such a change would have come back with
 * tokens it was never analysed with, and its mentions would no longer line up with them. The
 * compact form is exact whatever the segmenter does later, and cheaper to write than a check.
 */
import type { Doc, Token } from '../doc/schema.js';

/** Key of the storage header (first key of the stored JSON; absent in rows stored before the codec). */
export const STORED_KEY = '$stored';

/** What {@link encodeDoc} changed, so {@link decodeDoc} can undo it. */
interface StoredHeader {
  /** Fields left out (their place kept as `null`): `text` (always), `source` (when it is the text). */
  readonly omitted: readonly ('text' | 'source')[];
  /** Tokens as `[gap, length, gap, length, …]`: gap = start − the previous token's end (0 before the first). */
  readonly tokenSpans?: readonly number[];
  /** Sentence indices of the tokens as runs: `[sentence, count, sentence, count, …]`. */
  readonly tokenSentences?: readonly number[];
}

/** True when every token is exactly `{start, end, sentence}` (in that key order) with integer values. */
function compactable(tokens: readonly Token[]): boolean {
  for (const token of tokens) {
    const keys = Object.keys(token);
    if (keys.length !== 3 || keys[0] !== 'start' || keys[1] !== 'end' || keys[2] !== 'sentence') return false;
    if (!Number.isInteger(token.start) || !Number.isInteger(token.end) || !Number.isInteger(token.sentence)) return false;
  }
  return true;
}

function encodeTokens(tokens: readonly Token[]): { tokenSpans: number[]; tokenSentences: number[] } {
  const tokenSpans: number[] = [];
  const tokenSentences: number[] = [];
  let previousEnd = 0;
  for (const token of tokens) {
    tokenSpans.push(token.start - previousEnd, token.end - token.start);
    previousEnd = token.end;
    const last = tokenSentences.length - 2;
    if (last >= 0 && tokenSentences[last] === token.sentence) tokenSentences[last + 1] = (tokenSentences[last + 1] ?? 0) + 1;
    else tokenSentences.push(token.sentence, 1);
  }
  return { tokenSpans, tokenSentences };
}

function decodeTokens(spans: readonly number[], sentences: readonly number[]): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let run = 0;
  let left = sentences[1] ?? 0;
  for (let index = 0; index + 1 < spans.length; index += 2) {
    while (left === 0 && run + 2 < sentences.length) {
      run += 2;
      left = sentences[run + 1] ?? 0;
    }
    const start = previousEnd + (spans[index] ?? 0);
    const end = start + (spans[index + 1] ?? 0);
    tokens.push({ start, end, sentence: sentences[run] ?? 0 });
    previousEnd = end;
    left--;
  }
  return tokens;
}

/**
 * The JSON to store for `doc`. `text` is always left out (the caller stores `doc.text` beside it
 * and passes it back to {@link decodeDoc}), `source` when it equals the text; tokens are written
 * compactly when they have the usual shape. Changed fields stay in place as `null`, so a decoded
 * Doc has its keys in the original order.
 */
export function encodeDoc(doc: Doc): string {
  const omitted: ('text' | 'source')[] = ['text'];
  if (doc.source === doc.text) omitted.push('source');
  const header: StoredHeader = compactable(doc.tokens) ? { omitted, ...encodeTokens(doc.tokens) } : { omitted };
  const stored: Record<string, unknown> = { [STORED_KEY]: header, ...doc };
  for (const field of omitted) stored[field] = null;
  if (header.tokenSpans) stored['tokens'] = null;
  return JSON.stringify(stored);
}

/** The Doc stored as `json` (from {@link encodeDoc}, or plain Doc JSON from before it), given its `text`. */
export function decodeDoc(json: string, text: string): Doc {
  const stored = JSON.parse(json) as Record<string, unknown>;
  const header = stored[STORED_KEY] as StoredHeader | undefined;
  if (!header || typeof header !== 'object') return stored as unknown as Doc;
  delete stored[STORED_KEY];
  for (const field of header.omitted) stored[field] = text;
  if (header.tokenSpans) stored['tokens'] = decodeTokens(header.tokenSpans, header.tokenSentences ?? []);
  return stored as unknown as Doc;
}
