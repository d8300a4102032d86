import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortedUtf8Finder } from './sorted-utf8.js';

/** A finder over `words` written one per line (as the model files keep them), and each word's line. */
function finderOf(words: readonly string[], hashed = true): (key: string) => number {
  const bytes = new TextEncoder().encode(words.join('\n'));
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (let offset = 0; offset <= bytes.length; offset++) {
    if (offset === bytes.length || bytes[offset] === 10) {
      starts.push(start);
      ends.push(offset);
      start = offset + 1;
    }
  }
  return sortedUtf8Finder(bytes, words.length, (index) => starts[index]!, (index) => ends[index]!, hashed);
}

for (const hashed of [false, true]) {
  test(`sorted UTF-8 finder${hashed ? ', hashed' : ''}: every entry is found at its index, other keys are not`, () => {
    const words = ['', 'a', 'al-qaida', 'an', 'bu’aale', 'kabul', 'kābul', 'libya', 'ubari', 'zürich'].sort();
    const find = finderOf(words, hashed);
    words.forEach((word, index) => assert.equal(find(word), index, word));
    for (const absent of ['b', 'lib', 'libyan', 'ubar', 'kabu', 'al qaida', 'zurich']) assert.equal(find(absent), -1, absent);
  });
}

test('sorted UTF-8 finder: thousands of entries, found the same as by binary search', () => {
  const words = Array.from({ length: 5000 }, (_, index) => `w${(index * 7919) % 100000}`).sort();
  const unique = [...new Set(words)];
  const find = finderOf(unique);
  unique.forEach((word, index) => assert.equal(find(word), index));
  assert.equal(find('w100001'), -1);
});

test('sorted UTF-8 finder: repeated entries still find one of them (by binary search)', () => {
  const words = ['a', 'b', 'b', 'c'];
  const find = finderOf(words);
  assert.equal(find('a'), 0);
  assert.ok([1, 2].includes(find('b')));
  assert.equal(find('c'), 3);
  assert.equal(find('d'), -1);
});
