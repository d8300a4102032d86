// AssemblyScript source of the NER tagger's WebAssembly kernel (compiled by
// `npm run build:kernels -- ner-tagger` into src/kernels/ner-tagger-wasm.ts). Not part of the
// TypeScript build.
//
// The weight table holds both passes' 9 emission weights as i16, side by side: rows of 18 (36
// bytes), pass 1 at slot 0, pass 2 at slot 9 (see the tagger's packed weights). Scores are f64, 9
// a token, in five f64x2 vectors (lane 9 unused).

/**
 * Viterbi over one sentence of `length` tokens for one pass. Token `index` has the static emission
 * scores at `scores + 72 * index` (9 f64); the weights of its extra rows, `extraRows[extraStarts[
 * index] .. extraStarts[index + 1] - 1]` (i32 row numbers), times `scale`, are added to them one
 * row after the other, as the JavaScript decoder adds them. `slotOffset` is the pass's byte offset
 * into a row (0 or 18). Transitions are f64 in rows of 10 (`transition[previous * 10 + next]`,
 * -Infinity where forbidden and in column 9), row 9 for the sentence start. A start on a
 * forbidden tag scores -1e30, as in JavaScript. Ties go to the lower tag: the step keeps, per
 * next tag, the first previous tag of the best score (strictly greater replaces). `back` needs 16
 * bytes a token; the tags (i32) go to `out`.
 */
export function decodeSentence(
  table: usize,
  slotOffset: i32,
  scale: f64,
  transition: usize,
  scores: usize,
  length: i32,
  extraStarts: usize,
  extraRows: usize,
  back: usize,
  previous: usize,
  out: usize,
): void {
  if (length <= 0) return;
  const slots = table + <usize>slotOffset;
  const scaleVector = f64x2.splat(scale);
  const forbidden = f64x2.splat(-1e30);
  const minusInfinity = f64x2.splat(-Infinity);
  let score0 = f64x2.splat(0);
  let score1 = f64x2.splat(0);
  let score2 = f64x2.splat(0);
  let score3 = f64x2.splat(0);
  let score4 = f64x2.splat(0);
  for (let index = 0; index < length; index++) {
    const at = scores + <usize>index * 72;
    let emission0 = v128.load(at);
    let emission1 = v128.load(at, 16);
    let emission2 = v128.load(at, 32);
    let emission3 = v128.load(at, 48);
    let emission4 = v128.load64_zero(at, 64);
    const end = load<i32>(extraStarts + ((<usize>(index + 1)) << 2));
    for (let extra = load<i32>(extraStarts + ((<usize>index) << 2)); extra < end; extra++) {
      const row = slots + <usize>load<i32>(extraRows + ((<usize>extra) << 2)) * 36;
      const weights = v128.load(row);
      const low = i32x4.extend_low_i16x8_s(weights);
      const high = i32x4.extend_high_i16x8_s(weights);
      // Each weight times the scale, then added: the JavaScript order of operations.
      emission0 = f64x2.add(emission0, f64x2.mul(f64x2.convert_low_i32x4_s(low), scaleVector));
      emission1 = f64x2.add(emission1, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(low, low, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), scaleVector));
      emission2 = f64x2.add(emission2, f64x2.mul(f64x2.convert_low_i32x4_s(high), scaleVector));
      emission3 = f64x2.add(emission3, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(high, high, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), scaleVector));
      emission4 = f64x2.add(emission4, f64x2.mul(f64x2.splat(<f64>load<i16>(row, 16)), scaleVector));
    }
    if (index == 0) {
      const start = transition + 720;
      score0 = f64x2.add(emission0, v128.load(start));
      score1 = f64x2.add(emission1, v128.load(start, 16));
      score2 = f64x2.add(emission2, v128.load(start, 32));
      score3 = f64x2.add(emission3, v128.load(start, 48));
      score4 = f64x2.add(emission4, v128.load(start, 64));
      // Scores are finite: -Infinity marks a forbidden start.
      score0 = v128.bitselect(forbidden, score0, f64x2.eq(score0, minusInfinity));
      score1 = v128.bitselect(forbidden, score1, f64x2.eq(score1, minusInfinity));
      score2 = v128.bitselect(forbidden, score2, f64x2.eq(score2, minusInfinity));
      score3 = v128.bitselect(forbidden, score3, f64x2.eq(score3, minusInfinity));
      score4 = v128.bitselect(forbidden, score4, f64x2.eq(score4, minusInfinity));
      continue;
    }
    v128.store(previous, score0);
    v128.store(previous, score1, 16);
    v128.store(previous, score2, 32);
    v128.store(previous, score3, 48);
    v128.store(previous, score4, 64);
    let from = v128.load64_splat(previous);
    let best0 = f64x2.add(from, v128.load(transition));
    let best1 = f64x2.add(from, v128.load(transition, 16));
    let best2 = f64x2.add(from, v128.load(transition, 32));
    let best3 = f64x2.add(from, v128.load(transition, 48));
    let best4 = f64x2.add(from, v128.load(transition, 64));
    let argument0 = i64x2.splat(0);
    let argument1 = i64x2.splat(0);
    let argument2 = i64x2.splat(0);
    let argument3 = i64x2.splat(0);
    let argument4 = i64x2.splat(0);
    for (let tag = 1; tag < 9; tag++) {
      from = v128.load64_splat(previous + ((<usize>tag) << 3));
      const row = transition + <usize>tag * 80;
      const which = i64x2.splat(<i64>tag);
      const candidate0 = f64x2.add(from, v128.load(row));
      const candidate1 = f64x2.add(from, v128.load(row, 16));
      const candidate2 = f64x2.add(from, v128.load(row, 32));
      const candidate3 = f64x2.add(from, v128.load(row, 48));
      const candidate4 = f64x2.add(from, v128.load(row, 64));
      const better0 = f64x2.gt(candidate0, best0);
      const better1 = f64x2.gt(candidate1, best1);
      const better2 = f64x2.gt(candidate2, best2);
      const better3 = f64x2.gt(candidate3, best3);
      const better4 = f64x2.gt(candidate4, best4);
      best0 = v128.bitselect(candidate0, best0, better0);
      best1 = v128.bitselect(candidate1, best1, better1);
      best2 = v128.bitselect(candidate2, best2, better2);
      best3 = v128.bitselect(candidate3, best3, better3);
      best4 = v128.bitselect(candidate4, best4, better4);
      argument0 = v128.bitselect(which, argument0, better0);
      argument1 = v128.bitselect(which, argument1, better1);
      argument2 = v128.bitselect(which, argument2, better2);
      argument3 = v128.bitselect(which, argument3, better3);
      argument4 = v128.bitselect(which, argument4, better4);
    }
    score0 = f64x2.add(best0, emission0);
    score1 = f64x2.add(best1, emission1);
    score2 = f64x2.add(best2, emission2);
    score3 = f64x2.add(best3, emission3);
    score4 = f64x2.add(best4, emission4);
    // The low byte of each back pointer, in tag order.
    const first = i8x16.shuffle(argument0, argument1, 0, 8, 16, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const second = i8x16.shuffle(argument2, argument3, 0, 8, 16, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const four = i8x16.shuffle(first, second, 0, 1, 2, 3, 16, 17, 18, 19, 0, 0, 0, 0, 0, 0, 0, 0);
    v128.store(back + ((<usize>index) << 4), i8x16.shuffle(four, argument4, 0, 1, 2, 3, 4, 5, 6, 7, 16, 24, 0, 0, 0, 0, 0, 0));
  }
  v128.store(previous, score0);
  v128.store(previous, score1, 16);
  v128.store(previous, score2, 32);
  v128.store(previous, score3, 48);
  v128.store(previous, score4, 64);
  let last = 0;
  for (let tag = 1; tag < 9; tag++) {
    if (load<f64>(previous + ((<usize>tag) << 3)) > load<f64>(previous + ((<usize>last) << 3))) last = tag;
  }
  store<i32>(out + ((<usize>(length - 1)) << 2), last);
  for (let index = length - 1; index > 0; index--) {
    last = <i32>load<u8>(back + ((<usize>index) << 4) + <usize>last);
    store<i32>(out + ((<usize>(index - 1)) << 2), last);
  }
}

/**
 * Static emission scores of a document under both passes. Token `t` (in sentences from
 * `sentenceStarts[s]` to `sentenceStarts[s + 1]`, `sentenceCount` of them) adds, per cached
 * group g (offsets 0, -1, 1, -2, 2), the group's sums of the token at that offset (the stand-ins
 * at slots `beforeSlot` and `afterSlot` outside the sentence): `sums + 400 * slot + 80 * g`, 20
 * i32 (18 used); then the table rows `rows[rowStarts[t] .. rowStarts[t + 1] - 1]`. Sums are exact
 * in i32; each is converted to f64 and multiplied by its pass's scale, as in JavaScript, into
 * `first + 72 * t` (slots 0..8) and `second + 72 * t` (slots 9..17).
 */
export function staticScores(
  table: usize,
  sums: usize,
  slots: usize,
  sentenceStarts: usize,
  sentenceCount: i32,
  rowStarts: usize,
  rows: usize,
  beforeSlot: i32,
  afterSlot: i32,
  firstScale: f64,
  secondScale: f64,
  first: usize,
  second: usize,
): void {
  const firstVector = f64x2.splat(firstScale);
  const secondVector = f64x2.splat(secondScale);
  for (let sentence = 0; sentence < sentenceCount; sentence++) {
    const start = load<i32>(sentenceStarts + ((<usize>sentence) << 2));
    const end = load<i32>(sentenceStarts + ((<usize>(sentence + 1)) << 2));
    for (let token = start; token < end; token++) {
      const own = sums + <usize>load<i32>(slots + ((<usize>token) << 2)) * 400;
      const left = sums + <usize>(token - 1 >= start ? load<i32>(slots + ((<usize>(token - 1)) << 2)) : beforeSlot) * 400 + 80;
      const right = sums + <usize>(token + 1 < end ? load<i32>(slots + ((<usize>(token + 1)) << 2)) : afterSlot) * 400 + 160;
      const farLeft = sums + <usize>(token - 2 >= start ? load<i32>(slots + ((<usize>(token - 2)) << 2)) : beforeSlot) * 400 + 240;
      const farRight = sums + <usize>(token + 2 < end ? load<i32>(slots + ((<usize>(token + 2)) << 2)) : afterSlot) * 400 + 320;
      let sum0 = i32x4.add(i32x4.add(v128.load(own), v128.load(left)), i32x4.add(i32x4.add(v128.load(right), v128.load(farLeft)), v128.load(farRight)));
      let sum1 = i32x4.add(i32x4.add(v128.load(own, 16), v128.load(left, 16)), i32x4.add(i32x4.add(v128.load(right, 16), v128.load(farLeft, 16)), v128.load(farRight, 16)));
      let sum2 = i32x4.add(i32x4.add(v128.load(own, 32), v128.load(left, 32)), i32x4.add(i32x4.add(v128.load(right, 32), v128.load(farLeft, 32)), v128.load(farRight, 32)));
      let sum3 = i32x4.add(i32x4.add(v128.load(own, 48), v128.load(left, 48)), i32x4.add(i32x4.add(v128.load(right, 48), v128.load(farLeft, 48)), v128.load(farRight, 48)));
      let sum4 = i32x4.add(i32x4.add(v128.load(own, 64), v128.load(left, 64)), i32x4.add(i32x4.add(v128.load(right, 64), v128.load(farLeft, 64)), v128.load(farRight, 64)));
      const rowEnd = load<i32>(rowStarts + ((<usize>(token + 1)) << 2));
      for (let at = load<i32>(rowStarts + ((<usize>token) << 2)); at < rowEnd; at++) {
        const row = table + <usize>load<i32>(rows + ((<usize>at) << 2)) * 36;
        const low = v128.load(row);
        const high = v128.load(row, 16);
        sum0 = i32x4.add(sum0, i32x4.extend_low_i16x8_s(low));
        sum1 = i32x4.add(sum1, i32x4.extend_high_i16x8_s(low));
        sum2 = i32x4.add(sum2, i32x4.extend_low_i16x8_s(high));
        sum3 = i32x4.add(sum3, i32x4.extend_high_i16x8_s(high));
        sum4 = i32x4.add(sum4, i32x4.extend_low_i16x8_s(v128.load32_zero(row, 32)));
      }
      // Pass 1: lanes 0..8.
      const firstAt = first + <usize>token * 72;
      v128.store(firstAt, f64x2.mul(f64x2.convert_low_i32x4_s(sum0), firstVector));
      v128.store(firstAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum0, sum0, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), firstVector), 16);
      v128.store(firstAt, f64x2.mul(f64x2.convert_low_i32x4_s(sum1), firstVector), 32);
      v128.store(firstAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum1, sum1, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), firstVector), 48);
      store<f64>(firstAt, <f64>i32x4.extract_lane(sum2, 0) * firstScale, 64);
      // Pass 2: lanes 9..17.
      const secondAt = second + <usize>token * 72;
      v128.store(secondAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum2, sum2, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0)), secondVector));
      v128.store(secondAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum2, sum3, 12, 13, 14, 15, 16, 17, 18, 19, 0, 0, 0, 0, 0, 0, 0, 0)), secondVector), 16);
      v128.store(secondAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum3, sum3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0)), secondVector), 32);
      v128.store(secondAt, f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(sum3, sum4, 12, 13, 14, 15, 16, 17, 18, 19, 0, 0, 0, 0, 0, 0, 0, 0)), secondVector), 48);
      store<f64>(secondAt, <f64>i32x4.extract_lane(sum4, 1) * secondScale, 64);
    }
  }
}
