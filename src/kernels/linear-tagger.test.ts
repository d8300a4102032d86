import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../util/random.js';
import { decodeQuantised, makeDecodeScratch, quoteTagCount, type QuantisedPass } from '../stages/quotes/tagger.js';
import { Int8ViterbiKernel } from './linear-tagger.js';

function randomPass(random: () => number, rowCount: number): QuantisedPass {
  const emission = new Int8Array(rowCount * 8);
  for (let index = 0; index < emission.length; index++) emission[index] = Math.floor(random() * 255) - 127;
  const transition = new Float64Array((quoteTagCount + 1) * quoteTagCount);
  // Some forbidden transitions (far below any path), the rest small scores.
  for (let index = 0; index < transition.length; index++) transition[index] = random() < 0.15 ? -1e30 : (random() - 0.5) * 200;
  return { emission, transition };
}

test('the WebAssembly decoder gives the JavaScript decoder’s tags', () => {
  const random = createRandom(7);
  const rowCount = 1 << 10;
  const passes = [randomPass(random, rowCount), randomPass(random, rowCount)];
  const kernel = new Int8ViterbiKernel(passes, quoteTagCount);
  for (let trial = 0; trial < 40; trial++) {
    const stride = trial % 2 === 0 ? 31 : 46;
    const tokenCount = 1 + Math.floor(random() * 300);
    const rows = Int32Array.from({ length: tokenCount * stride }, () => Math.floor(random() * rowCount));
    const sequences: { first: number; end: number }[] = [];
    for (let first = 0; first < tokenCount; ) {
      const end = Math.min(tokenCount, first + 1 + Math.floor(random() * 60));
      // Leave some sequences out: their tokens must stay 0.
      if (random() < 0.8) sequences.push({ first, end });
      first = end;
    }
    const pass = trial % 2;
    const expected = new Uint8Array(tokenCount);
    const scratch = makeDecodeScratch(tokenCount);
    for (const { first, end } of sequences) decodeQuantised(rows, stride, first, end, passes[pass]!, expected, scratch);
    const got = new Uint8Array(tokenCount).fill(9);
    kernel.decode(pass, rows, stride, sequences, got);
    assert.deepEqual(got, expected, `trial ${trial}`);
  }
});

test('the second pass reuses the first pass’s sums over the rows it copies, with the same tags', () => {
  const random = createRandom(11);
  const rowCount = 1 << 9;
  const passes = [randomPass(random, rowCount), randomPass(random, rowCount)];
  const kernel = new Int8ViterbiKernel(passes, quoteTagCount);
  for (let trial = 0; trial < 20; trial++) {
    const tokenCount = 1 + Math.floor(random() * 400);
    const first = Int32Array.from({ length: tokenCount * 31 }, () => Math.floor(random() * rowCount));
    // Stacked rows: the first pass's 31, then 15 of their own.
    const second = new Int32Array(tokenCount * 46);
    for (let token = 0; token < tokenCount; token++) {
      second.set(first.subarray(token * 31, token * 31 + 31), token * 46);
      for (let k = 31; k < 46; k++) second[token * 46 + k] = Math.floor(random() * rowCount);
    }
    const all = [{ first: 0, end: tokenCount }];
    const some = all[0]!.end > 10 ? [{ first: 3, end: Math.floor(tokenCount / 2) }] : all;
    const tags = new Uint8Array(tokenCount);
    kernel.decode(0, first, 31, all, tags);
    const expectedFirst = new Uint8Array(tokenCount);
    decodeQuantised(first, 31, 0, tokenCount, passes[0]!, expectedFirst, makeDecodeScratch(tokenCount));
    assert.deepEqual(tags, expectedFirst, `trial ${trial}, first pass`);
    const got = new Uint8Array(tokenCount);
    kernel.decode(1, second, 46, some, got, 31);
    const expected = new Uint8Array(tokenCount);
    for (const { first: start, end } of some) decodeQuantised(second, 46, start, end, passes[1]!, expected, makeDecodeScratch(tokenCount));
    assert.deepEqual(got, expected, `trial ${trial}, second pass`);
  }
  assert.throws(() => kernel.decode(0, new Int32Array(31), 31, [], new Uint8Array(1), 31), /only the second pass/);
});

test('the kernel grows its memory for a long document and refuses bad shapes', () => {
  const random = createRandom(3);
  const pass = randomPass(random, 64);
  const kernel = new Int8ViterbiKernel([pass], quoteTagCount);
  const tokenCount = 200_000;
  const rows = Int32Array.from({ length: tokenCount * 2 }, (_, index) => index % 64);
  const out = new Uint8Array(tokenCount);
  kernel.decode(0, rows, 2, [{ first: 0, end: tokenCount }], out);
  const expected = new Uint8Array(tokenCount);
  decodeQuantised(rows, 2, 0, tokenCount, pass, expected, makeDecodeScratch(tokenCount));
  assert.deepEqual(out, expected);
  assert.throws(() => kernel.decode(1, rows, 2, [], out), /no pass 1/);
  assert.throws(() => new Int8ViterbiKernel([pass], 9), /1 to 8 tags/);
  assert.throws(() => new Int8ViterbiKernel([{ emission: pass.emission, transition: new Float64Array(3) }], quoteTagCount), /56 transitions/);
  assert.throws(() => new Int8ViterbiKernel([pass, { emission: new Int8Array(16), transition: pass.transition }], quoteTagCount), /same size/);
});

test('a copy of a kernel decodes alike with its own memory', () => {
  const random = createRandom(5);
  const rowCount = 1 << 8;
  const passes = [randomPass(random, rowCount), randomPass(random, rowCount)];
  const kernel = new Int8ViterbiKernel(passes, quoteTagCount);
  const before = kernel.memoryBytes;
  const copy = new Int8ViterbiKernel(kernel, quoteTagCount);
  const tokenCount = 50_000;
  const rows = Int32Array.from({ length: tokenCount * 31 }, () => Math.floor(random() * rowCount));
  const all = [{ first: 0, end: tokenCount }];
  const fromCopy = new Uint8Array(tokenCount);
  copy.decode(0, rows, 31, all, fromCopy);
  assert.equal(kernel.memoryBytes, before, 'the original kept its memory');
  assert.ok(copy.memoryBytes > before);
  const expected = new Uint8Array(tokenCount);
  decodeQuantised(rows, 31, 0, tokenCount, passes[0]!, expected, makeDecodeScratch(tokenCount));
  assert.deepEqual(fromCopy, expected);
  assert.throws(() => new Int8ViterbiKernel(kernel, 5), /has 7 tags, not 5/);
});
