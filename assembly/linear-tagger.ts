// AssemblyScript source of Lede's WebAssembly kernels (compiled by `npm run build:kernels` into
// src/kernels/linear-tagger-wasm.ts). Not part of the TypeScript build.
//
// Weight tables hold 8-bit rows of 8 slots (`tagCount` ≤ 8 tags, padding after). A one-pass table
// has 8-byte rows; a two-pass table interleaves the passes, 16-byte rows [first | second], so that
// reading a first-pass row brings the second pass's row at the same index into cache with it.
// Emission scores are summed in 16-bit lanes (up to 258 rows of ±127 never overflow).

/**
 * Viterbi over one sequence of `length` tokens. Token `index` has `stride` row indices at
 * `rows + 4 * (index * stride + k)`; rows `[0, skip)` are not read, and the sums at
 * `partial + 16 * index` (8 lanes of i16) are added instead when `skip` > 0. The table's rows
 * are `rowBytes` apart and this pass's slots start `slotOffset` bytes into a row. When `keep` is
 * not 0, the sums of the other half of each row (offset `8 - slotOffset`) over the same rows are
 * written to `keep + 16 * index`. Transitions are f64 in rows of 8 (`transition[previous * 8 +
 * next]`, columns from `tagCount` on unused), row 8 for the start. Ties go to the lower
 * tag, as in the JavaScript decoder. `work` needs 160 + 24 × length bytes; the best tag of each
 * token is written to `out`.
 *
 * The step from one token to the next runs over all 8 next tags at once in four f64x2 vectors,
 * without branches: for each previous tag, a candidate per next tag, kept where strictly
 * greater (so the lowest previous tag wins a tie). The scalar loop before it (a branch per comparison,
 * often mispredicted) took 69 ns a token on the shared articles, this one 28 (the first pass's
 * emission sums: 54).
 */
export function decodeInt8(
  table: usize,
  rowBytes: i32,
  slotOffset: i32,
  transition: usize,
  tagCount: i32,
  rows: usize,
  stride: i32,
  skip: i32,
  partial: usize,
  keep: usize,
  length: i32,
  work: usize,
  out: usize,
): void {
  if (length <= 0) return;
  // work: the previous token's 8 scores (64 bytes), then 8 back-pointer bytes per token.
  const previous = work;
  const back = work + 144;
  const rowStride = (<usize>stride) << 2;
  const shift: u32 = rowBytes == 16 ? 4 : 3;
  const slots = table + <usize>slotOffset;
  const other = table + <usize>(8 - slotOffset);
  // First every token's emission sums (independent random reads, as many in flight as the core
  // allows), then the Viterbi steps over them.
  const sums = (back + ((<usize>length) << 3) + 15) & ~(<usize>15);
  for (let index = 0; index < length; index++) {
    let sum = skip > 0 ? v128.load(partial + ((<usize>index) << 4)) : i16x8.splat(0);
    const base = rows + <usize>index * rowStride;
    if (keep != 0 && slotOffset == 0 && rowBytes == 16) {
      // Both halves of each 16-byte row in one load: this pass's the low 8 bytes, the other's the high.
      let kept = i16x8.splat(0);
      for (let feature = skip; feature < stride; feature++) {
        const row = v128.load(table + ((<usize>load<u32>(base + ((<usize>feature) << 2))) << 4));
        sum = i16x8.add(sum, i16x8.extend_low_i8x16_s(row));
        kept = i16x8.add(kept, i16x8.extend_high_i8x16_s(row));
      }
      v128.store(keep + ((<usize>index) << 4), kept);
    } else if (keep != 0) {
      let kept = i16x8.splat(0);
      for (let feature = skip; feature < stride; feature++) {
        const at = (<usize>load<u32>(base + ((<usize>feature) << 2))) << shift;
        sum = i16x8.add(sum, v128.load8x8_s(slots + at));
        kept = i16x8.add(kept, v128.load8x8_s(other + at));
      }
      v128.store(keep + ((<usize>index) << 4), kept);
    } else {
      for (let feature = skip; feature < stride; feature++) {
        const at = (<usize>load<u32>(base + ((<usize>feature) << 2))) << shift;
        sum = i16x8.add(sum, v128.load8x8_s(slots + at));
      }
    }
    v128.store(sums + ((<usize>index) << 4), sum);
  }
  let score0 = f64x2.splat(0);
  let score1 = f64x2.splat(0);
  let score2 = f64x2.splat(0);
  let score3 = f64x2.splat(0);
  for (let index = 0; index < length; index++) {
    const sum = v128.load(sums + ((<usize>index) << 4));
    // The 8 emission sums as f64, two per vector.
    const low = i32x4.extend_low_i16x8_s(sum);
    const high = i32x4.extend_high_i16x8_s(sum);
    const emission0 = f64x2.convert_low_i32x4_s(low);
    const emission1 = f64x2.convert_low_i32x4_s(i8x16.shuffle(low, low, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    const emission2 = f64x2.convert_low_i32x4_s(high);
    const emission3 = f64x2.convert_low_i32x4_s(i8x16.shuffle(high, high, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    if (index == 0) {
      const start = transition + 512;
      score0 = f64x2.add(emission0, v128.load(start));
      score1 = f64x2.add(emission1, v128.load(start, 16));
      score2 = f64x2.add(emission2, v128.load(start, 32));
      score3 = f64x2.add(emission3, v128.load(start, 48));
      continue;
    }
    v128.store(previous, score0);
    v128.store(previous, score1, 16);
    v128.store(previous, score2, 32);
    v128.store(previous, score3, 48);
    // From previous tag 0, then each next one where strictly better.
    let from = v128.load64_splat(previous);
    let best0 = f64x2.add(from, v128.load(transition));
    let best1 = f64x2.add(from, v128.load(transition, 16));
    let best2 = f64x2.add(from, v128.load(transition, 32));
    let best3 = f64x2.add(from, v128.load(transition, 48));
    let argument0 = i64x2.splat(0);
    let argument1 = i64x2.splat(0);
    let argument2 = i64x2.splat(0);
    let argument3 = i64x2.splat(0);
    for (let tag = 1; tag < tagCount; tag++) {
      from = v128.load64_splat(previous + ((<usize>tag) << 3));
      const row = transition + ((<usize>tag) << 6);
      const which = i64x2.splat(<i64>tag);
      const candidate0 = f64x2.add(from, v128.load(row));
      const candidate1 = f64x2.add(from, v128.load(row, 16));
      const candidate2 = f64x2.add(from, v128.load(row, 32));
      const candidate3 = f64x2.add(from, v128.load(row, 48));
      const better0 = f64x2.gt(candidate0, best0);
      const better1 = f64x2.gt(candidate1, best1);
      const better2 = f64x2.gt(candidate2, best2);
      const better3 = f64x2.gt(candidate3, best3);
      best0 = v128.bitselect(candidate0, best0, better0);
      best1 = v128.bitselect(candidate1, best1, better1);
      best2 = v128.bitselect(candidate2, best2, better2);
      best3 = v128.bitselect(candidate3, best3, better3);
      argument0 = v128.bitselect(which, argument0, better0);
      argument1 = v128.bitselect(which, argument1, better1);
      argument2 = v128.bitselect(which, argument2, better2);
      argument3 = v128.bitselect(which, argument3, better3);
    }
    score0 = f64x2.add(best0, emission0);
    score1 = f64x2.add(best1, emission1);
    score2 = f64x2.add(best2, emission2);
    score3 = f64x2.add(best3, emission3);
    // The low byte of each of the 8 back pointers, in tag order.
    const first = i8x16.shuffle(argument0, argument1, 0, 8, 16, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const second = i8x16.shuffle(argument2, argument3, 0, 8, 16, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const pointers = i8x16.shuffle(first, second, 0, 1, 2, 3, 16, 17, 18, 19, 0, 0, 0, 0, 0, 0, 0, 0);
    store<u64>(back + (<usize>index << 3), i64x2.extract_lane(pointers, 0));
  }
  v128.store(previous, score0);
  v128.store(previous, score1, 16);
  v128.store(previous, score2, 32);
  v128.store(previous, score3, 48);
  let last = 0;
  for (let tag = 1; tag < tagCount; tag++) {
    if (load<f64>(previous + ((<usize>tag) << 3)) > load<f64>(previous + ((<usize>last) << 3))) last = tag;
  }
  store<u8>(out + <usize>(length - 1), <u8>last);
  for (let index = length - 1; index > 0; index--) {
    last = <i32>load<u8>(back + ((<usize>index) << 3) + <usize>last);
    store<u8>(out + <usize>(index - 1), <u8>last);
  }
}

export { quoteFeatureRows, quoteStackedPass } from './quote-features';
export { quoteWordColumns, quoteDocumentColumns } from './quote-columns';
