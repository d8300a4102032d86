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
 * written to `keep + 16 * index`. Transitions are f64, `transition[previous * tagCount + next]`,
 * row `tagCount` for the start. Ties go to the lower tag, as in the JavaScript decoder. `work`
 * needs 144 + 8 × length bytes; the best tag of each token is written to `out`.
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
  let previous = work;
  let next = work + 64;
  const emission = work + 128;
  const back = work + 144;
  const rowStride = (<usize>stride) << 2;
  const shift: u32 = rowBytes == 16 ? 4 : 3;
  const slots = table + <usize>slotOffset;
  const other = table + <usize>(8 - slotOffset);
  for (let index = 0; index < length; index++) {
    let sum = skip > 0 ? v128.load(partial + ((<usize>index) << 4)) : i16x8.splat(0);
    const base = rows + <usize>index * rowStride;
    if (keep != 0) {
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
    v128.store(emission, sum);
    if (index == 0) {
      const start = transition + ((<usize>(tagCount * tagCount)) << 3);
      for (let tag = 0; tag < tagCount; tag++) {
        store<f64>(previous + ((<usize>tag) << 3), <f64>load<i16>(emission + ((<usize>tag) << 1)) + load<f64>(start + ((<usize>tag) << 3)));
      }
      continue;
    }
    const backRow = back + (<usize>index << 3);
    for (let tag = 0; tag < tagCount; tag++) {
      let bestScore = load<f64>(previous) + load<f64>(transition + ((<usize>tag) << 3));
      let bestPrevious = 0;
      for (let from = 1; from < tagCount; from++) {
        const score = load<f64>(previous + ((<usize>from) << 3)) + load<f64>(transition + ((<usize>(from * tagCount + tag)) << 3));
        if (score > bestScore) {
          bestScore = score;
          bestPrevious = from;
        }
      }
      store<f64>(next + ((<usize>tag) << 3), bestScore + <f64>load<i16>(emission + ((<usize>tag) << 1)));
      store<u8>(backRow + <usize>tag, <u8>bestPrevious);
    }
    const swap = previous;
    previous = next;
    next = swap;
  }
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
