import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterLevels, parseWordClusters, serializeWordClusters } from './word-clusters.js';

const entries: [string, number, number[]][] = [
  ['zebra', 7, [1, 2, 3, 4]],
  ['über', 3, [5, 6, 7, 8]],
  ['ärger', 4, [9, 10, 11, 12]],
  ['apple', 1, [13, 14, 15, 16]],
  ['naïve', 9, [17, 18, 19, 20]],
  ['a', 0, [21, 22, 23, 24]],
  ['ab', 2, [25, 26, 27, 28]],
  ['東京', 5, [29, 30, 31, 32]],
];

test('word clusters: every word is found from the text and from its UTF-8 bytes, accents and CJK included', () => {
  const text = serializeWordClusters(entries);
  for (const table of [parseWordClusters(text), parseWordClusters(Buffer.from(text, 'utf8'))]) {
    assert.equal(table.size, entries.length);
    for (const [word, rank, ids] of entries) {
      const row = table.find(word);
      assert.ok(row >= 0, `${word} not found`);
      assert.equal(table.ranks[row], rank);
      assert.deepEqual(Array.from(table.ids.subarray(row * clusterLevels, (row + 1) * clusterLevels)), ids);
    }
  }
});

test('word clusters: unknown words, prefixes and extensions of known words are not found', () => {
  const table = parseWordClusters(serializeWordClusters(entries));
  for (const word of ['', 'abc', 'appl', 'apples', 'uber', 'zebras', 'naive', '東']) assert.equal(table.find(word), -1, word);
  assert.equal(parseWordClusters('').find('a'), -1);
});
