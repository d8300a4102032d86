// AssemblyScript source of Lede's WebAssembly kernels (compiled by `npm run build:kernels` into
// src/kernels/linear-tagger-wasm.ts). Not part of the TypeScript build.

/**
 * Viterbi over one sequence of a first-order linear tagger whose emission weights are 8-bit rows
 * of 8 slots (`tagCount` ≤ 8 tags, padding after). Each token has `stride` row indices at
 * `rows + 4 * (index * stride + k)`; its emission score for a tag is the sum of that tag's slot
 * over its rows (16-bit lanes: up to 258 rows of ±127 never overflow). Transitions are f64,
 * `transition[previous * tagCount + next]`, row `tagCount` for the start. Ties go to the lower
 * tag, as in the JavaScript decoder. `work` needs 144 + 8 × length bytes; the best tag of each
 * token is written to `out` (one byte per token).
 */
export function decodeInt8(table: usize, transition: usize, tagCount: i32, rows: usize, stride: i32, length: i32, work: usize, out: usize): void {
  if (length <= 0) return;
  let previous = work;
  let next = work + 64;
  const emission = work + 128;
  const back = work + 144;
  const rowBytes = (<usize>stride) << 2;
  for (let index = 0; index < length; index++) {
    let sum = i16x8.splat(0);
    const base = rows + <usize>index * rowBytes;
    for (let feature = 0; feature < stride; feature++) {
      const row = load<u32>(base + ((<usize>feature) << 2));
      sum = i16x8.add(sum, v128.load8x8_s(table + ((<usize>row) << 3)));
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
