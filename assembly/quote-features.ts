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

/** Number of columns {@link quoteStackedRows} reads, in this order. */
export const stackedColumnCount = 16;

const TAG: usize = 0;
const S_WORD: usize = 1;
const S_SHAPE: usize = 2;
const S_LEVEL: usize = 3;
const S_QUOTE: usize = 4;
const LEFT_CUE: usize = 5;
const RIGHT_CUE: usize = 6;
const CONTENT_SINCE_CUE: usize = 7;
const BOUNDARY_SINCE_CONTENT: usize = 8;
const LAST_KIND: usize = 9;
const LAST_KIND_DISTANCE: usize = 10;
const NEXT_KIND: usize = 11;
const NEXT_KIND_DISTANCE: usize = 12;
const RUN_START: usize = 13;
const RUN_END: usize = 14;
const S_SENTENCE_FLAGS: usize = 15;

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

/**
 * The stacked pass's own 15 rows (the templates of src/stages/quotes/stacked-features.ts) for
 * tokens `[first, end)` of a document of `count` tokens, written to
 * `out + 4 * (token * stride + offset + k)`. Columns as for {@link quoteFeatureRows}.
 */
export function quoteStackedRows(columns: usize, width: i32, count: i32, first: i32, end: i32, mask: i32, out: usize, stride: i32, offset: i32): void {
  const columnBytes = (<usize>width) << 2;
  const tags = columns + TAG * columnBytes + 8;
  const words = columns + S_WORD * columnBytes + 8;
  const levels = columns + S_LEVEL * columnBytes + 8;
  for (let index = first; index < end; index++) {
    const at = columns + ((<usize>index) << 2);
    const tag = load<i32>(tags + ((<usize>index) << 2));
    const previousTag = index > 0 ? load<i32>(tags + ((<usize>(index - 1)) << 2)) : 7;
    const nextTag = index + 1 < count ? load<i32>(tags + ((<usize>index) << 2), 4) : 7;
    const word = load<i32>(at + S_WORD * columnBytes, 8);
    const shape = load<i32>(at + S_SHAPE * columnBytes, 8);
    const quote = load<i32>(at + S_QUOTE * columnBytes, 8);
    const left = load<i32>(at + LEFT_CUE * columnBytes, 8);
    const right = load<i32>(at + RIGHT_CUE * columnBytes, 8);
    const contentSinceCue = load<i32>(at + CONTENT_SINCE_CUE * columnBytes, 8);
    const lastKind = load<i32>(at + LAST_KIND * columnBytes, 8);
    const nextKind = load<i32>(at + NEXT_KIND * columnBytes, 8);
    const runStart = load<i32>(at + RUN_START * columnBytes, 8);
    const runEnd = load<i32>(at + RUN_END * columnBytes, 8);
    const leftDistance = left >= 0 ? bucket(index - left) : 8;
    const rightDistance = right >= 0 ? bucket(right - index) : 8;
    const inRun = runStart >= 0;
    const fromStart = inRun ? bucket(index - runStart) : 8;
    const toEnd = inRun && runEnd >= 0 ? bucket(runEnd - index) : 8;
    const shapeTag = shape * 8 + tag;
    const row = out + ((<usize>(index * stride + offset)) << 2);
    store<i32>(row, mix(templateSeed(100), previousTag * 64 + tag * 8 + nextTag, 0, mask));
    store<i32>(row, mix(templateSeed(101), tag, word, mask), 4);
    store<i32>(row, mix(templateSeed(102), leftDistance * 16 + contentSinceCue * 8 + tag, shape, mask), 8);
    store<i32>(row, mix(templateSeed(103), rightDistance * 8 + tag, shape, mask), 12);
    store<i32>(row, mix(templateSeed(104), fromStart * 16 + toEnd, tag * 16 + shape, mask), 16);
    store<i32>(row, mix(templateSeed(105), lastKind * 16 + load<i32>(at + LAST_KIND_DISTANCE * columnBytes, 8), shapeTag, mask), 20);
    store<i32>(row, mix(templateSeed(106), nextKind * 16 + load<i32>(at + NEXT_KIND_DISTANCE * columnBytes, 8), shapeTag, mask), 24);
    store<i32>(row, mix(templateSeed(107), left >= 0 ? load<i32>(words + ((<usize>left) << 2)) : 0, leftDistance * 2 + contentSinceCue, mask), 28);
    store<i32>(row, mix(templateSeed(108), load<i32>(at + BOUNDARY_SINCE_CONTENT * columnBytes, 8) * 8 + lastKind, shapeTag, mask), 32);
    store<i32>(row, mix(templateSeed(109), load<i32>(at + S_SENTENCE_FLAGS * columnBytes, 8) * 8 + tag, quote, mask), 36);
    store<i32>(row, mix(templateSeed(110), lastKind * 8 + nextKind, tag * 16 + quote, mask), 40);
    store<i32>(row, mix(templateSeed(111), right >= 0 ? load<i32>(words + ((<usize>right) << 2)) : 0, rightDistance * 8 + tag, mask), 44);
    const leftLevel = left >= 0 ? load<i32>(levels + ((<usize>left) << 2)) : 4;
    const rightLevel = right >= 0 ? load<i32>(levels + ((<usize>right) << 2)) : 4;
    store<i32>(row, mix(templateSeed(112), leftLevel * 8 + rightLevel, tag * 16 + contentSinceCue * 8 + quote, mask), 48);
    const afterSource = left > 0 && kindOf(load<i32>(tags + ((<usize>(left - 1)) << 2))) == 3 ? 1 : 0;
    store<i32>(row, mix(templateSeed(113), afterSource, leftDistance * 8 + tag, mask), 52);
    store<i32>(row, mix(templateSeed(114), load<i32>(at + S_LEVEL * columnBytes, 8) * 8 + lastKind, tag * 8 + nextKind, mask), 56);
  }
}
