/**
 * Features of the second tagging pass. The first pass labels tokens from local evidence and
 * often stops a long content early or breaks it (`whether then-rival Barack Obama` | `was
 * prepared to face emergencies`); the second pass sees the first pass's spans: where the
 * predicted cues are in the sentence, whether a content has begun since the cue, how far the
 * token is from the ends of its predicted run, and what comes next on the line. Stacking like
 * this is trained on first-pass output for text the first pass did not learn from (two folds).
 */
import type { Token } from '../../doc/schema.js';
import { freshArrays, type TypedArena } from '../../util/typed-arena.js';
import { stackedRowsPerToken } from '../../kernels/linear-tagger.js';
import { distanceBucket, featuresPerToken, hashRow, SHAPE_COLON, SHAPE_COMMA, SHAPE_DASH, SHAPE_TERMINATOR, type FeatureRows } from './features.js';

/**
 * Rows per token in the second pass: every first-pass row, in order, then 15 stacked ones (the
 * WebAssembly decoder relies on that order: it sums the copied rows while decoding the first pass).
 */
export const stackedFeaturesPerToken = featuresPerToken + stackedRowsPerToken;

// Tag kinds: 0 none, 1 content, 2 cue, 3 source (from BIO tag ids 0..6).
function kindOf(tag: number): number {
  return tag === 0 ? 0 : tag <= 2 ? 1 : tag <= 4 ? 2 : 3;
}

function isBoundary(shape: number): boolean {
  return shape === SHAPE_COMMA || shape === SHAPE_COLON || shape === SHAPE_DASH || shape === SHAPE_TERMINATOR;
}

/**
 * Second-pass rows from the first pass's rows and tags, for the tokens of `sequences` (default
 * every line; rows of other tokens stay 0). The result's sequences are those given. Without
 * `copyFirstRows` the copied first-pass rows are left 0 (for a decoder that has their sums).
 * The reference for, and the fallback of, {@link kernelStackedRows}.
 */
export function stackedRows(
  tokens: readonly Token[],
  first: FeatureRows,
  firstTags: Uint8Array,
  rowBits: number,
  sequences: FeatureRows['sequences'] = first.sequences,
  arrays: Pick<TypedArena, 'int32' | 'uint16' | 'uint8'> = freshArrays,
  copyFirstRows = true,
): FeatureRows {
  const count = tokens.length;
  const mask = (1 << rowBits) - 1;
  const stride = stackedFeaturesPerToken;
  const copied = first.stride;
  const { wordIds, shapes, levels } = first;
  const leftCue = arrays.int32(count).fill(-1);
  const contentSinceCue = arrays.uint8(count);
  const boundarySinceContent = arrays.uint8(count);
  const lastKind = arrays.uint8(count);
  const lastKindDistance = arrays.uint8(count);
  const nextKind = arrays.uint8(count);
  const nextKindDistance = arrays.uint8(count);
  const rightCue = arrays.int32(count).fill(-1);
  const runStart = arrays.int32(count);
  const runEnd = arrays.int32(count);
  const sentenceFlags = arrays.uint8(count);
  for (const sequence of sequences) {
    // Left to right: the nearest predicted cue before (same sentence), content since it, the
    // last non-O kind and whether a clause boundary follows the last content.
    let cue = -1;
    let sawContent = 0;
    let boundary = 0;
    let last = 0;
    let lastAt = -1;
    let runFirst = -1;
    for (let index = sequence.first; index < sequence.end; index++) {
      if (index > sequence.first && tokens[index]!.sentence !== tokens[index - 1]!.sentence) {
        cue = -1;
        sawContent = 0;
      }
      const kind = kindOf(firstTags[index]!);
      leftCue[index] = cue;
      contentSinceCue[index] = sawContent;
      boundarySinceContent[index] = boundary;
      lastKind[index] = last;
      lastKindDistance[index] = lastAt >= 0 ? distanceBucket(index - lastAt) : 7;
      const tag = firstTags[index]!;
      if (tag === 1 || (tag === 2 && runFirst < 0)) runFirst = index;
      else if (kind !== 1) runFirst = -1;
      runStart[index] = runFirst;
      if (kind === 2) {
        cue = index;
        sawContent = 0;
      } else if (kind === 1) {
        sawContent = 1;
        boundary = 0;
      }
      if (kind !== 1 && isBoundary(shapes[index + 2]!)) boundary = 1;
      if (kind !== 0) {
        last = kind;
        lastAt = index;
      }
    }
    // Right to left: the nearest predicted cue after, the next non-O kind, content run ends.
    cue = -1;
    let next = 0;
    let nextAt = -1;
    let runLast = -1;
    for (let index = sequence.end - 1; index >= sequence.first; index--) {
      if (index + 1 < sequence.end && tokens[index]!.sentence !== tokens[index + 1]!.sentence) cue = -1;
      const kind = kindOf(firstTags[index]!);
      rightCue[index] = cue;
      nextKind[index] = next;
      nextKindDistance[index] = nextAt >= 0 ? distanceBucket(nextAt - index) : 7;
      // A content token ends its run unless the next token continues it (I-CON).
      if (kind === 1 && !(index + 1 < sequence.end && firstTags[index + 1] === 2)) runLast = index;
      runEnd[index] = kind === 1 ? runLast : -1;
      if (kind === 2) cue = index;
      if (kind !== 0) {
        next = kind;
        nextAt = index;
      }
    }
    // Sentence flags: a predicted cue or content anywhere in the token's sentence.
    let sentenceCue = 0;
    let sentenceContent = 0;
    let sentenceFirst = sequence.first;
    for (let index = sequence.first; index <= sequence.end; index++) {
      if (index < sequence.end && tokens[index]!.sentence === tokens[sentenceFirst]!.sentence) {
        const kind = kindOf(firstTags[index]!);
        if (kind === 2) sentenceCue = 1;
        if (kind === 1) sentenceContent = 2;
        continue;
      }
      for (let position = sentenceFirst; position < index; position++) sentenceFlags[position] = sentenceCue | sentenceContent;
      sentenceCue = 0;
      sentenceContent = 0;
      sentenceFirst = index;
      if (index < sequence.end) {
        const kind = kindOf(firstTags[index]!);
        if (kind === 2) sentenceCue = 1;
        if (kind === 1) sentenceContent = 2;
      }
    }
  }
  const rows = arrays.int32(count * stride);
  const firstRows = first.rows;
  const firstStride = first.stride;
  for (const sequence of sequences) for (let index = sequence.first; index < sequence.end; index++) {
    const base = index * stride;
    const from = index * firstStride;
    if (copyFirstRows) for (let k = 0; k < copied; k++) rows[base + k] = firstRows[from + k]!;
    const at = index + 2;
    const tag = firstTags[index]!;
    const previousTag = index > 0 ? firstTags[index - 1]! : 7;
    const nextTag = index + 1 < count ? firstTags[index + 1]! : 7;
    const word = wordIds[at]!;
    const shape = shapes[at]!;
    const quote = first.quoteState[index]!;
    const left = leftCue[index]!;
    const right = rightCue[index]!;
    const leftDistance = left >= 0 ? distanceBucket(index - left) : 8;
    const rightDistance = right >= 0 ? distanceBucket(right - index) : 8;
    const inRun = runStart[index]! >= 0;
    const fromStart = inRun ? distanceBucket(index - runStart[index]!) : 8;
    const toEnd = inRun && runEnd[index]! >= 0 ? distanceBucket(runEnd[index]! - index) : 8;
    let k = base + copied;
    rows[k++] = hashRow(100, previousTag * 64 + tag * 8 + nextTag, 0, mask);
    rows[k++] = hashRow(101, tag, word, mask);
    rows[k++] = hashRow(102, leftDistance * 16 + contentSinceCue[index]! * 8 + tag, shape, mask);
    rows[k++] = hashRow(103, rightDistance * 8 + tag, shape, mask);
    rows[k++] = hashRow(104, fromStart * 16 + toEnd, tag * 16 + shape, mask);
    rows[k++] = hashRow(105, lastKind[index]! * 16 + lastKindDistance[index]!, shape * 8 + tag, mask);
    rows[k++] = hashRow(106, nextKind[index]! * 16 + nextKindDistance[index]!, shape * 8 + tag, mask);
    rows[k++] = hashRow(107, left >= 0 ? wordIds[left + 2]! : 0, leftDistance * 2 + contentSinceCue[index]!, mask);
    rows[k++] = hashRow(108, boundarySinceContent[index]! * 8 + lastKind[index]!, shape * 8 + tag, mask);
    rows[k++] = hashRow(109, sentenceFlags[index]! * 8 + tag, quote, mask);
    rows[k++] = hashRow(110, lastKind[index]! * 8 + nextKind[index]!, tag * 16 + quote, mask);
    rows[k++] = hashRow(111, right >= 0 ? wordIds[right + 2]! : 0, rightDistance * 8 + tag, mask);
    // How cue-like the predicted cues on either side are: a weak one inside a content (`Secret
    // Service protocol called for …, sources said`) yields to a strong one after it.
    const leftLevel = left >= 0 ? levels[left + 2]! : 4;
    const rightLevel = right >= 0 ? levels[right + 2]! : 4;
    rows[k++] = hashRow(112, leftLevel * 8 + rightLevel, tag * 16 + contentSinceCue[index]! * 8 + quote, mask);
    rows[k++] = hashRow(113, left >= 0 && left > 0 && kindOf(firstTags[left - 1]!) === 3 ? 1 : 0, leftDistance * 8 + tag, mask);
    rows[k++] = hashRow(114, levels[at]! * 8 + lastKind[index]!, tag * 8 + nextKind[index]!, mask);
  }
  return { rows, stride, wordIds, shapes, levels, sequences, quoteState: first.quoteState };
}

/**
 * {@link stackedRows} in the kernel that computed `first` and still holds its document (see
 * `Int8ViterbiKernel.quoteStackedPass`): the same rows, in a view of the kernel's memory that
 * holds only those (the first-pass rows' sums are the kernel's, so the copied rows are left unset). With `onlyTagged`, the sequences the first pass
 * left all O get no rows and are left out of the result's sequences (the stacked pass has never
 * been seen to find a content there on PolNeAR dev, so the tagger does not decode them again).
 */
export function kernelStackedRows(first: FeatureRows, firstTags: Uint8Array, rowBits: number, sequences: FeatureRows['sequences'], onlyTagged: boolean): FeatureRows {
  const held = first.kernelDocument;
  if (held === undefined) throw new Error('the first pass’s rows were not computed by a kernel');
  const stride = stackedFeaturesPerToken;
  const stacked = held.kernel.quoteStackedPass(held.document, firstTags, sequences, (1 << rowBits) - 1, stride, first.stride, onlyTagged);
  const { wordIds, shapes, levels, quoteState } = first;
  return { rows: stacked.rows, stride, wordIds, shapes, levels, sequences: stacked.sequences, quoteState };
}
