// The quotes tagger's first-pass feature rows (the templates of src/stages/quotes/features.ts,
// which stays the reference and the fallback): the same 31 hashed rows per token, from the same
// per-token columns. Exported through assembly/linear-tagger.ts (the module's entry).

/** Number of columns {@link quoteFeatureRows} reads, in this order. */
export const quoteColumnCount = 18;

// Column indices (quote-columns.ts writes them).
export const WORD: usize = 0;
export const SHAPE: usize = 1;
export const CLASS: usize = 2;
export const LEVEL: usize = 3;
export const COARSE: usize = 4;
export const FINE: usize = 5;
export const QUOTE: usize = 6;
export const SUFFIX: usize = 7;
export const DIRECTION: usize = 8;
export const DISTANCE: usize = 9;
export const ANCHOR: usize = 10;
export const SENTENCE_FLAGS: usize = 11;
export const SENTENCE_POSITION: usize = 12;
export const COMMAS: usize = 13;
export const THAT: usize = 14;
export const TO_SENTENCE_END: usize = 15;
export const OPENS_QUOTE: usize = 16;
export const COLON: usize = 17;

// hashRow of features.ts, in i32 arithmetic (Math.imul wraps the same way).
// @ts-ignore: decorator
@inline
function templateSeed(template: i32): i32 {
  return (template + 0x632be5ab) * <i32>0x9e3779b1;
}

// @ts-ignore: decorator
@inline
function mix(seed: i32, first: i32, second: i32, mask: i32): i32 {
  let hash = seed ^ ((first + 0x7f4a7c15) * <i32>0x85ebca6b);
  hash = ((hash ^ (hash >>> 15)) * 0x2c1b3c6d) ^ ((second + 0x165667b1) * <i32>0xc2b2ae35);
  hash ^= hash >>> 13;
  hash *= 0x297a2d39;
  hash ^= hash >>> 16;
  return hash & mask;
}

// mix for four tokens at once (lanes), the same i32 arithmetic.
// @ts-ignore: decorator
@inline
function mix4(seed: i32, first: v128, second: v128, mask: v128): v128 {
  let hash = v128.xor(i32x4.splat(seed), i32x4.mul(i32x4.add(first, i32x4.splat(0x7f4a7c15)), i32x4.splat(<i32>0x85ebca6b)));
  hash = v128.xor(i32x4.mul(v128.xor(hash, i32x4.shr_u(hash, 15)), i32x4.splat(0x2c1b3c6d)), i32x4.mul(i32x4.add(second, i32x4.splat(0x165667b1)), i32x4.splat(<i32>0xc2b2ae35)));
  hash = v128.xor(hash, i32x4.shr_u(hash, 13));
  hash = i32x4.mul(hash, i32x4.splat(0x297a2d39));
  hash = v128.xor(hash, i32x4.shr_u(hash, 16));
  return v128.and(hash, mask);
}

// Row `k` of four consecutive tokens from the lanes of `value` (rows 124 bytes apart).
// @ts-ignore: decorator
@inline
function store4(row: usize, k: usize, value: v128): void {
  store<i32>(row + (k << 2), i32x4.extract_lane(value, 0));
  store<i32>(row + (k << 2), i32x4.extract_lane(value, 1), 124);
  store<i32>(row + (k << 2), i32x4.extract_lane(value, 2), 248);
  store<i32>(row + (k << 2), i32x4.extract_lane(value, 3), 372);
}

// @ts-ignore: decorator
@inline
function shl(value: v128, bits: i32): v128 {
  return i32x4.shl(value, bits);
}

/**
 * Writes 31 rows per token for tokens `[0, count)` to `out + 4 * (token * 31 + k)`. Column `c` of
 * token `i` is the i32 at `columns + 4 * (c * width + i + 2)`; the two entries either side of the
 * tokens are 0 (`width` ≥ count + 4). Four tokens at a time in i32x4 lanes (the columns' entries of
 * consecutive tokens are adjacent), the last group too: its lanes past `count` read whatever
 * follows the columns and write rows past the document's, so `out` needs room for `count`
 * rounded up to 4 tokens and the 12 bytes after the columns must be readable.
 */
export function quoteFeatureRows(columns: usize, width: i32, count: i32, mask: i32, out: usize): void {
  const columnBytes = (<usize>width) << 2;
  const constantRow = mix(templateSeed(0), 0, 0, mask);
  const masks = i32x4.splat(mask);
  const zero = i32x4.splat(0);
  for (let first = 0; first < count; first += 4) {
    const at = columns + ((<usize>first) << 2);
    const word = at + WORD * columnBytes;
    const shape = at + SHAPE * columnBytes;
    const wordClass = at + CLASS * columnBytes;
    const level = at + LEVEL * columnBytes;
    const coarse = at + COARSE * columnBytes;
    const quotes = at + QUOTE * columnBytes;
    const w = v128.load(word, 8);
    const previousWord = v128.load(word, 4);
    const nextWord = v128.load(word, 12);
    const quote = v128.load(quotes, 8);
    const s = v128.load(shape, 8);
    const c = v128.load(wordClass, 8);
    const direction = v128.load(at + DIRECTION * columnBytes, 8);
    const distance = v128.load(at + DISTANCE * columnBytes, 8);
    const cue = i32x4.add(shl(direction, 4), distance);
    const flags = v128.load(at + SENTENCE_FLAGS * columnBytes, 8);
    const colon = v128.load(at + COLON * columnBytes, 8);
    const commas = v128.load(at + COMMAS * columnBytes, 8);
    const coarseHere = v128.load(coarse, 8);
    const row = out + <usize>first * 124;
    store<i32>(row, constantRow);
    store<i32>(row, constantRow, 124);
    store<i32>(row, constantRow, 248);
    store<i32>(row, constantRow, 372);
    store4(row, 1, mix4(templateSeed(1), w, zero, masks));
    store4(row, 2, mix4(templateSeed(2), previousWord, zero, masks));
    store4(row, 3, mix4(templateSeed(3), nextWord, zero, masks));
    store4(row, 4, mix4(templateSeed(4), v128.load(word), zero, masks));
    store4(row, 5, mix4(templateSeed(5), v128.load(word, 16), zero, masks));
    store4(row, 6, mix4(templateSeed(6), previousWord, w, masks));
    store4(row, 7, mix4(templateSeed(7), w, nextWord, masks));
    store4(row, 8, mix4(templateSeed(8), i32x4.add(i32x4.add(shl(v128.load(shape, 4), 8), shl(s, 4)), v128.load(shape, 12)), zero, masks));
    store4(row, 9, mix4(templateSeed(9), quote, s, masks));
    store4(row, 10, mix4(templateSeed(10), quote, w, masks));
    store4(row, 11, mix4(templateSeed(11), c, quote, masks));
    store4(row, 12, mix4(templateSeed(12), v128.load(wordClass, 4), v128.load(wordClass, 12), masks));
    store4(row, 13, mix4(templateSeed(13), cue, quote, masks));
    store4(row, 14, mix4(templateSeed(14), v128.load(at + SENTENCE_POSITION * columnBytes, 8), flags, masks));
    store4(row, 15, mix4(templateSeed(15), i32x4.add(shl(v128.load(at + OPENS_QUOTE * columnBytes, 8), 3), quote), flags, masks));
    store4(row, 16, mix4(templateSeed(16), previousWord, direction, masks));
    store4(row, 17, mix4(templateSeed(17), v128.load(at + SUFFIX * columnBytes, 8), s, masks));
    store4(row, 18, mix4(templateSeed(18), w, cue, masks));
    store4(row, 19, mix4(templateSeed(19), i32x4.add(shl(v128.load(shape), 4), v128.load(shape, 4)), v128.load(quotes, 4), masks));
    store4(row, 20, mix4(templateSeed(20), v128.load(at + TO_SENTENCE_END * columnBytes, 8), quote, masks));
    store4(row, 21, mix4(templateSeed(21), colon, s, masks));
    store4(row, 22, mix4(templateSeed(22), i32x4.add(shl(commas, 4), direction), distance, masks));
    store4(row, 23, mix4(templateSeed(23), w, flags, masks));
    store4(row, 24, mix4(templateSeed(24), i32x4.add(shl(v128.load(wordClass, 4), 4), s), colon, masks));
    store4(row, 25, mix4(templateSeed(25), v128.load(at + ANCHOR * columnBytes, 8), cue, masks));
    store4(row, 26, mix4(templateSeed(26), i32x4.add(i32x4.add(shl(v128.load(level, 4), 6), shl(v128.load(level, 8), 3)), v128.load(level, 12)), quote, masks));
    store4(row, 27, mix4(templateSeed(27), i32x4.add(shl(v128.load(at + THAT * columnBytes, 8), 3), commas), cue, masks));
    store4(row, 28, mix4(templateSeed(28), v128.load(at + FINE * columnBytes, 8), i32x4.add(shl(quote, 4), direction), masks));
    store4(row, 29, mix4(templateSeed(29), i32x4.add(shl(v128.load(coarse, 4), 9), coarseHere), zero, masks));
    store4(row, 30, mix4(templateSeed(30), i32x4.add(shl(coarseHere, 9), v128.load(coarse, 12)), cue, masks));
  }
}

// Shapes that end a clause (isBoundary of stacked-features.ts; the values of features.ts).
const SHAPE_COMMA = 7;
const SHAPE_TERMINATOR = 8;
const SHAPE_COLON = 9;
const SHAPE_DASH = 10;

// distanceBucket of features.ts (quote-columns.ts uses it too).
// @ts-ignore: decorator
@inline
export function bucket(distance: i32): i32 {
  if (distance <= 3) return distance;
  if (distance <= 6) return 4;
  if (distance <= 12) return 5;
  if (distance <= 25) return 6;
  return 7;
}

// kindOf of stacked-features.ts: 0 none, 1 content, 2 cue, 3 source.
// @ts-ignore: decorator
@inline
function kindOf(tag: i32): i32 {
  return tag == 0 ? 0 : tag <= 2 ? 1 : tag <= 4 ? 2 : 3;
}

// @ts-ignore: decorator
@inline
function isBoundary(shape: i32): bool {
  return shape == SHAPE_COMMA || shape == SHAPE_COLON || shape == SHAPE_DASH || shape == SHAPE_TERMINATOR;
}

// Where the per-token values of the first-pass spans are kept while a sequence is worked on: in
// the token's own stacked rows, which the hashing then overwrites.
const LEFT_CUE = 0;
const CONTENT_SINCE_CUE = 1;
const BOUNDARY_SINCE_CONTENT = 2;
const LAST_KIND = 3;
const LAST_KIND_DISTANCE = 4;
const RUN_START = 5;
const RIGHT_CUE = 6;
const NEXT_KIND = 7;
const NEXT_KIND_DISTANCE = 8;
const RUN_END = 9;
const SENTENCE_SPANS = 10;

// The stacked pass's hashing, four tokens at a time: row k's first arguments of the four tokens
// at `work + 32 * k`, its second ones 16 bytes on, the tokens' row addresses at STAGED_ROWS.
const STAGED_ROWS: usize = 32 * 15;

// @ts-ignore: decorator
@inline
function stage(lane: usize, k: usize, first: i32, second: i32): void {
  store<i32>(lane + (k << 5), first);
  store<i32>(lane + (k << 5), second, 16);
}

function hashStaged(work: usize, lanes: i32, mask: i32): void {
  const masks = i32x4.splat(mask);
  for (let k: usize = 0; k < 15; k++) {
    const hash = mix4(templateSeed(100 + <i32>k), v128.load(work + (k << 5)), v128.load(work + (k << 5), 16), masks);
    // Lanes past `lanes` hold an earlier group's values: hashed, not stored.
    store<i32>(<usize>load<i32>(work + STAGED_ROWS) + (k << 2), i32x4.extract_lane(hash, 0));
    if (lanes > 1) store<i32>(<usize>load<i32>(work + STAGED_ROWS, 4) + (k << 2), i32x4.extract_lane(hash, 1));
    if (lanes > 2) store<i32>(<usize>load<i32>(work + STAGED_ROWS, 8) + (k << 2), i32x4.extract_lane(hash, 2));
    if (lanes > 3) store<i32>(<usize>load<i32>(work + STAGED_ROWS, 12) + (k << 2), i32x4.extract_lane(hash, 3));
  }
}

/**
 * The stacked pass's own 15 rows (the templates of src/stages/quotes/stacked-features.ts) for the
 * sequences at `sequences` (`sequenceCount` pairs of i32 token indices, first and end) of a
 * document of `count` tokens: its first-pass columns at `columns` (as for {@link quoteFeatureRows};
 * word, shape, level and quote state are read), its tokens at `tokens` (i32 start, end and
 * sentence each), the first pass's tags at `tags` (a byte a token). Rows go to
 * `out + 4 * (token * stride + offset + k)`. With `onlyTagged` not 0, a sequence whose tokens the
 * first pass left all O is skipped and the pairs of the others are written back from the start of
 * `sequences`; returns the number of sequences given rows. `work` needs 512 bytes.
 */
export function quoteStackedPass(tokens: usize, tags: usize, columns: usize, width: i32, count: i32, sequences: usize, sequenceCount: i32, onlyTagged: i32, mask: i32, out: usize, stride: i32, offset: i32, work: usize): i32 {
  const columnBytes = (<usize>width) << 2;
  const words = columns + WORD * columnBytes + 8;
  const shapes = columns + SHAPE * columnBytes + 8;
  const levels = columns + LEVEL * columnBytes + 8;
  const quotes = columns + QUOTE * columnBytes + 8;
  const rowStride = (<usize>stride) << 2;
  const rowsFrom = out + ((<usize>offset) << 2);
  let kept = 0;
  for (let sequence = 0; sequence < sequenceCount; sequence++) {
    const first = load<i32>(sequences + ((<usize>sequence) << 3));
    const end = load<i32>(sequences + ((<usize>sequence) << 3), 4);
    if (onlyTagged != 0) {
      let tagged = false;
      for (let index = first; index < end; index++) {
        if (load<u8>(tags + <usize>index) != 0) {
          tagged = true;
          break;
        }
      }
      if (!tagged) continue;
    }
    store<i32>(sequences + ((<usize>kept) << 3), first);
    store<i32>(sequences + ((<usize>kept) << 3), end, 4);
    kept++;
    // Left to right: the nearest predicted cue before (same sentence), content since it, the
    // last non-O kind and whether a clause boundary follows the last content.
    let cue = -1;
    let sawContent = 0;
    let boundary = 0;
    let last = 0;
    let lastAt = -1;
    let runFirst = -1;
    for (let index = first; index < end; index++) {
      const row = rowsFrom + <usize>index * rowStride;
      const sentence = load<i32>(tokens + <usize>index * 12, 8);
      if (index > first && sentence != load<i32>(tokens + <usize>(index - 1) * 12, 8)) {
        cue = -1;
        sawContent = 0;
      }
      const tag = <i32>load<u8>(tags + <usize>index);
      const kind = kindOf(tag);
      store<i32>(row + (LEFT_CUE << 2), cue);
      store<i32>(row + (CONTENT_SINCE_CUE << 2), sawContent);
      store<i32>(row + (BOUNDARY_SINCE_CONTENT << 2), boundary);
      store<i32>(row + (LAST_KIND << 2), last);
      store<i32>(row + (LAST_KIND_DISTANCE << 2), lastAt >= 0 ? bucket(index - lastAt) : 7);
      if (tag == 1 || (tag == 2 && runFirst < 0)) runFirst = index;
      else if (kind != 1) runFirst = -1;
      store<i32>(row + (RUN_START << 2), runFirst);
      if (kind == 2) {
        cue = index;
        sawContent = 0;
      } else if (kind == 1) {
        sawContent = 1;
        boundary = 0;
      }
      if (kind != 1 && isBoundary(load<i32>(shapes + ((<usize>index) << 2)))) boundary = 1;
      if (kind != 0) {
        last = kind;
        lastAt = index;
      }
    }
    // Right to left: the nearest predicted cue after, the next non-O kind, content run ends.
    cue = -1;
    let next = 0;
    let nextAt = -1;
    let runLast = -1;
    for (let index = end - 1; index >= first; index--) {
      const row = rowsFrom + <usize>index * rowStride;
      if (index + 1 < end && load<i32>(tokens + <usize>index * 12, 8) != load<i32>(tokens + <usize>(index + 1) * 12, 8)) cue = -1;
      const kind = kindOf(<i32>load<u8>(tags + <usize>index));
      store<i32>(row + (RIGHT_CUE << 2), cue);
      store<i32>(row + (NEXT_KIND << 2), next);
      store<i32>(row + (NEXT_KIND_DISTANCE << 2), nextAt >= 0 ? bucket(nextAt - index) : 7);
      // A content token ends its run unless the next token continues it (I-CON).
      if (kind == 1 && !(index + 1 < end && load<u8>(tags + <usize>(index + 1)) == 2)) runLast = index;
      store<i32>(row + (RUN_END << 2), kind == 1 ? runLast : -1);
      if (kind == 2) cue = index;
      if (kind != 0) {
        next = kind;
        nextAt = index;
      }
    }
    // Sentence flags: a predicted cue (1) or content (2) anywhere in the token's sentence.
    let sentenceFirst = first;
    while (sentenceFirst < end) {
      const sentence = load<i32>(tokens + <usize>sentenceFirst * 12, 8);
      let sentenceEnd = sentenceFirst;
      let flags = 0;
      while (sentenceEnd < end && load<i32>(tokens + <usize>sentenceEnd * 12, 8) == sentence) {
        const kind = kindOf(<i32>load<u8>(tags + <usize>sentenceEnd));
        if (kind == 2) flags |= 1;
        if (kind == 1) flags |= 2;
        sentenceEnd++;
      }
      for (let index = sentenceFirst; index < sentenceEnd; index++) store<i32>(rowsFrom + <usize>index * rowStride + (SENTENCE_SPANS << 2), flags);
      sentenceFirst = sentenceEnd;
    }
    // The rows, from those values (read before the row overwrites them): each row's two
    // arguments staged per token, then hashed four tokens at a time.
    let lanes = 0;
    for (let index = first; index < end; index++) {
      const row = rowsFrom + <usize>index * rowStride;
      const left = load<i32>(row + (LEFT_CUE << 2));
      const contentSinceCue = load<i32>(row + (CONTENT_SINCE_CUE << 2));
      const boundarySinceContent = load<i32>(row + (BOUNDARY_SINCE_CONTENT << 2));
      const lastKind = load<i32>(row + (LAST_KIND << 2));
      const lastKindDistance = load<i32>(row + (LAST_KIND_DISTANCE << 2));
      const runStart = load<i32>(row + (RUN_START << 2));
      const right = load<i32>(row + (RIGHT_CUE << 2));
      const nextKind = load<i32>(row + (NEXT_KIND << 2));
      const nextKindDistance = load<i32>(row + (NEXT_KIND_DISTANCE << 2));
      const runEnd = load<i32>(row + (RUN_END << 2));
      const sentenceFlags = load<i32>(row + (SENTENCE_SPANS << 2));
      const tag = <i32>load<u8>(tags + <usize>index);
      const previousTag = index > 0 ? <i32>load<u8>(tags + <usize>(index - 1)) : 7;
      const nextTag = index + 1 < count ? <i32>load<u8>(tags + <usize>(index + 1)) : 7;
      const at = (<usize>index) << 2;
      const word = load<i32>(words + at);
      const shape = load<i32>(shapes + at);
      const quote = load<i32>(quotes + at);
      const leftDistance = left >= 0 ? bucket(index - left) : 8;
      const rightDistance = right >= 0 ? bucket(right - index) : 8;
      const inRun = runStart >= 0;
      const fromStart = inRun ? bucket(index - runStart) : 8;
      const toEnd = inRun && runEnd >= 0 ? bucket(runEnd - index) : 8;
      const shapeTag = shape * 8 + tag;
      const leftLevel = left >= 0 ? load<i32>(levels + ((<usize>left) << 2)) : 4;
      const rightLevel = right >= 0 ? load<i32>(levels + ((<usize>right) << 2)) : 4;
      const afterSource = left > 0 && kindOf(<i32>load<u8>(tags + <usize>(left - 1))) == 3 ? 1 : 0;
      const lane = work + ((<usize>lanes) << 2);
      stage(lane, 0, previousTag * 64 + tag * 8 + nextTag, 0);
      stage(lane, 1, tag, word);
      stage(lane, 2, leftDistance * 16 + contentSinceCue * 8 + tag, shape);
      stage(lane, 3, rightDistance * 8 + tag, shape);
      stage(lane, 4, fromStart * 16 + toEnd, tag * 16 + shape);
      stage(lane, 5, lastKind * 16 + lastKindDistance, shapeTag);
      stage(lane, 6, nextKind * 16 + nextKindDistance, shapeTag);
      stage(lane, 7, left >= 0 ? load<i32>(words + ((<usize>left) << 2)) : 0, leftDistance * 2 + contentSinceCue);
      stage(lane, 8, boundarySinceContent * 8 + lastKind, shapeTag);
      stage(lane, 9, sentenceFlags * 8 + tag, quote);
      stage(lane, 10, lastKind * 8 + nextKind, tag * 16 + quote);
      stage(lane, 11, right >= 0 ? load<i32>(words + ((<usize>right) << 2)) : 0, rightDistance * 8 + tag);
      stage(lane, 12, leftLevel * 8 + rightLevel, tag * 16 + contentSinceCue * 8 + quote);
      stage(lane, 13, afterSource, leftDistance * 8 + tag);
      stage(lane, 14, load<i32>(levels + at) * 8 + lastKind, tag * 8 + nextKind);
      store<i32>(work + STAGED_ROWS + ((<usize>lanes) << 2), <i32>row);
      lanes++;
      if (lanes == 4 || index == end - 1) {
        hashStaged(work, lanes, mask);
        lanes = 0;
      }
    }
  }
  return kept;
}
