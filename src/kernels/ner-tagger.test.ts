import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../util/random.js';
import { addEmissionScores, viterbi } from '../stages/entities/tagger/decode.js';
import { allowedTransition, tagCount } from '../stages/entities/tagger/tags.js';
import { NerViterbiKernel, type CachedEntry, type FlatRows } from './ner-tagger.js';

/** Small integer weights and scores, so that many paths tie. */
function randomTable(random: () => number, rowCount: number, spread: number): Int16Array {
  return Int16Array.from({ length: rowCount * 2 * tagCount }, () => Math.floor(random() * (2 * spread + 1)) - spread);
}

function randomTransition(random: () => number, spread: number): Float64Array {
  return Float64Array.from({ length: (tagCount + 1) * tagCount }, () => (Math.floor(random() * (2 * spread + 1)) - spread) / 2);
}

function randomExtra(random: () => number, length: number, rowCount: number, most: number): FlatRows {
  const starts = new Int32Array(length + 1);
  const rows: number[] = [];
  for (let index = 0; index < length; index++) {
    starts[index] = rows.length;
    const count = Math.floor(random() * (most + 1));
    for (let k = 0; k < count; k++) rows.push(Math.floor(random() * rowCount));
  }
  starts[length] = rows.length;
  return { length, starts, rows: Int32Array.from(rows) };
}

/** The JavaScript decoder's tags: extra rows added to a copy of the scores, then {@link viterbi}. */
function reference(table: Int16Array, pass: number, scale: number, transition: Float64Array, scores: Float64Array, extra: FlatRows): Int32Array {
  const own = Float64Array.from(scores.subarray(0, extra.length * tagCount));
  addEmissionScores(extra, { emission: table, stride: 2 * tagCount, offset: pass * tagCount, scale, transition }, own);
  return viterbi(own, extra.length, transition);
}

for (const [name, spread, scale] of [
  ['ties everywhere', 1, 0.5],
  ['small integers', 3, 1],
  ['an inexact scale', 200, 0.0123],
] as const) {
  test(`the WebAssembly decoder gives the JavaScript decoder’s tags: ${name}`, () => {
    const random = createRandom(spread * 31 + 7);
    const rowCount = 257;
    const table = randomTable(random, rowCount, spread);
    const transitions = [randomTransition(random, spread), randomTransition(random, spread)];
    const scales = [scale, scale * 3];
    const kernel = new NerViterbiKernel(table, transitions.map((transition, pass) => ({ scale: scales[pass]!, transition })), allowedTransition);
    for (let trial = 0; trial < 60; trial++) {
      const lengths = Array.from({ length: 1 + Math.floor(random() * 6) }, () => 1 + Math.floor(random() * 50));
      const tokenCount = lengths.reduce((sum, length) => sum + length, 0);
      const document = kernel.begin(tokenCount);
      assert.ok(document);
      for (const pass of [0, 1]) {
        const buffer = pass === 0 ? document.first : document.second;
        for (let cell = 0; cell < buffer.length; cell++) buffer[cell] = trial % 3 === 0 ? 0 : (Math.floor(random() * (2 * spread + 1)) - spread) * scales[pass]!;
        let offset = 0;
        for (const length of lengths) {
          const scores = buffer.subarray(offset * tagCount, (offset + length) * tagCount);
          const extra = randomExtra(random, length, rowCount, trial % 4 === 0 ? 0 : 11);
          const expected = reference(table, pass, scales[pass]!, transitions[pass]!, scores, extra);
          const got = new Int32Array(length).fill(-1);
          assert.ok(kernel.decode(pass, scores, extra, got));
          assert.deepEqual(got, expected, `trial ${trial}, pass ${pass}, sentence at ${offset}`);
          offset += length;
        }
      }
    }
  });
}

test('a sentence of equal scores decodes to O throughout, as in JavaScript', () => {
  const table = new Int16Array(2 * tagCount);
  const transition = new Float64Array((tagCount + 1) * tagCount);
  const kernel = new NerViterbiKernel(table, [{ scale: 1, transition }], allowedTransition);
  const document = kernel.begin(5)!;
  const extra: FlatRows = { length: 5, starts: new Int32Array(6), rows: new Int32Array(0) };
  const got = new Int32Array(5).fill(-1);
  assert.ok(kernel.decode(0, document.first, extra, got));
  assert.deepEqual(got, viterbi(new Float64Array(5 * tagCount), 5, transition));
  assert.deepEqual(Array.from(got), [0, 0, 0, 0, 0]);
});

test('the kernel declines what it cannot decode, and refuses bad shapes', () => {
  const random = createRandom(3);
  const table = randomTable(random, 8, 2);
  const transition = randomTransition(random, 2);
  const kernel = new NerViterbiKernel(table, [{ scale: 1, transition }], allowedTransition);
  assert.equal(kernel.begin(NerViterbiKernel.largestDocument + 1), null);
  const extra: FlatRows = { length: 2, starts: new Int32Array(3), rows: new Int32Array(0) };
  assert.equal(kernel.decode(0, new Float64Array(2 * tagCount), extra, new Int32Array(2)), false, 'scores outside its memory');
  const document = kernel.begin(2)!;
  assert.equal(kernel.decode(1, document.second, extra, new Int32Array(2)), false, 'a pass it does not have');
  assert.throws(() => new NerViterbiKernel(table, [], allowedTransition), /1 or 2 passes/);
  assert.throws(() => new NerViterbiKernel(table.subarray(1), [{ scale: 1, transition }], allowedTransition), /rows of 18/);
  assert.throws(() => new NerViterbiKernel(table, [{ scale: 1, transition: new Float64Array(3) }], allowedTransition), /90 transitions/);
});

/** A token string's unary rows per group (offsets 0, -1, 1, -2, 2), as the tagger's entries hold them. */
interface TestEntry extends CachedEntry {
  readonly groups: readonly (readonly number[])[];
}

test('the static scores are the sums of the neighbours’ group rows and the token’s rows, times each pass’s scale', () => {
  const random = createRandom(19);
  const rowCount = 300;
  const table = randomTable(random, rowCount, 32767);
  const scales = [0.000123, 0.0371];
  const transition = randomTransition(random, 2);
  const kernel = new NerViterbiKernel(table, scales.map((scale) => ({ scale, transition })), allowedTransition);
  let serial = 0;
  const makeEntry = (): TestEntry => ({
    serial: serial++,
    sumsSlot: -1,
    groups: Array.from({ length: 5 }, () => Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * rowCount))),
  });
  const vocabulary = Array.from({ length: 40 }, makeEntry);
  const [before, after] = [makeEntry(), makeEntry()];
  const sum = (entry: TestEntry, sums: Int32Array, at: number): void => {
    sums.fill(0, at, at + 100);
    entry.groups.forEach((rows, group) => {
      for (const row of rows) for (let cell = 0; cell < 18; cell++) sums[at + 20 * group + cell] = sums[at + 20 * group + cell]! + table[row * 18 + cell]!;
    });
  };
  const offsets = [0, -1, 1, -2, 2];
  for (let trial = 0; trial < 30; trial++) {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
      const length = Math.floor(random() * 12);
      const entries = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      const starts = new Int32Array(length + 1);
      const rows: number[] = [];
      for (let index = 0; index < length; index++) {
        starts[index] = rows.length;
        for (let k = Math.floor(random() * 15); k > 0; k--) rows.push(Math.floor(random() * rowCount));
      }
      starts[length] = rows.length;
      return { length, starts, rows: Int32Array.from(rows), entries };
    });
    const tokenCount = sentences.reduce((total, sentence) => total + sentence.length, 0);
    const rowTotal = sentences.reduce((total, sentence) => total + sentence.rows.length, 0);
    const document = kernel.begin(tokenCount, sentences.length, rowTotal)!;
    kernel.staticScores(sentences, before, after, sum);
    let token = 0;
    for (const sentence of sentences) {
      for (let index = 0; index < sentence.length; index++, token++) {
        const totals = new Array<number>(18).fill(0);
        offsets.forEach((offset, group) => {
          const position = index + offset;
          const entry = position < 0 ? before : position >= sentence.length ? after : sentence.entries[position]!;
          for (const row of entry.groups[group]!) for (let cell = 0; cell < 18; cell++) totals[cell]! += table[row * 18 + cell]!;
        });
        for (let at = sentence.starts[index]!; at < sentence.starts[index + 1]!; at++) {
          for (let cell = 0; cell < 18; cell++) totals[cell]! += table[sentence.rows[at]! * 18 + cell]!;
        }
        for (let tag = 0; tag < tagCount; tag++) {
          assert.equal(document.first[token * tagCount + tag], totals[tag]! * scales[0]!, `trial ${trial}, token ${token}, tag ${tag}, pass 1`);
          assert.equal(document.second[token * tagCount + tag], totals[tagCount + tag]! * scales[1]!, `trial ${trial}, token ${token}, tag ${tag}, pass 2`);
        }
      }
    }
  }
});
