import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startState, viterbi } from './decode.js';
import { allowedTransition, tagCount, tagIndex, tagNames } from './tags.js';

/** Emission scores from one preferred tag per token (score 1, all others 0). */
function scoresFor(preferred: readonly string[]): Float64Array {
  const scores = new Float64Array(preferred.length * tagCount);
  preferred.forEach((tag, index) => (scores[index * tagCount + tagIndex(tag)] = 1));
  return scores;
}

function decode(preferred: readonly string[], transition = new Float64Array((tagCount + 1) * tagCount)): string[] {
  return Array.from(viterbi(scoresFor(preferred), preferred.length, transition), (tag) => tagNames[tag]!);
}

const transitionCases: [string, string, boolean][] = [
  ['start', 'I-PER', false],
  ['O', 'I-PER', false],
  ['B-ORG', 'I-PER', false],
  ['B-PER', 'I-PER', true],
  ['I-PER', 'I-PER', true],
  ['start', 'B-LOC', true],
  ['I-MISC', 'O', true],
  ['B-PER', 'B-PER', true],
];
for (const [previous, next, expected] of transitionCases) {
  test(`transition ${previous} → ${next} is ${expected ? 'allowed' : 'forbidden'}`, () => {
    assert.equal(allowedTransition(previous === 'start' ? -1 : tagIndex(previous), tagIndex(next)), expected);
  });
}

test('viterbi keeps the preferred tags when they form a valid sequence', () => {
  assert.deepEqual(decode(['B-PER', 'I-PER', 'O', 'B-LOC']), ['B-PER', 'I-PER', 'O', 'B-LOC']);
});

test('viterbi never starts a sentence with I-X', () => {
  const tags = decode(['I-PER', 'O']);
  assert.notEqual(tags[0], 'I-PER');
});

test('viterbi never puts I-X after O or another type', () => {
  for (const tags of [decode(['O', 'I-ORG']), decode(['B-PER', 'I-ORG'])]) {
    assert.ok(tags[1] !== 'I-ORG' || tags[0] === 'B-ORG' || tags[0] === 'I-ORG', `got ${tags.join(' ')}`);
  }
});

test('a strong I-X after a weak B-X pulls the B-X in', () => {
  const scores = scoresFor(['O', 'I-ORG']);
  scores[0 * tagCount + tagIndex('B-ORG')] = 0.5;
  scores[1 * tagCount + tagIndex('I-ORG')] = 3;
  const tags = Array.from(viterbi(scores, 2, new Float64Array((tagCount + 1) * tagCount)), (tag) => tagNames[tag]!);
  assert.deepEqual(tags, ['B-ORG', 'I-ORG']);
});

test('transition weights change the best path', () => {
  const transition = new Float64Array((tagCount + 1) * tagCount);
  transition[startState * tagCount + tagIndex('B-PER')] = 5;
  assert.deepEqual(decode(['O', 'O'], transition), ['B-PER', 'O']);
});

test('an empty sentence decodes to no tags', () => assert.deepEqual(decode([]), []));
