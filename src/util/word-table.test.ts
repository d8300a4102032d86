import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordTable } from './word-table.js';

const words = ['the', 'said', 'told', 'según', 'istanbul', 'i̇stanbul', 'o’neill', 'x', 'straße'];
const table = new WordTable(words);

test('ids of words found in text, whatever their case', () => {
  const cases: [string, number][] = [
    ['the', 1],
    ['The', 1],
    ['SAID', 2],
    ['Told', 3],
    ['Según', 4],
    ['SEGÚN', 4],
    ['Istanbul', 5],
    // `İ` lower-cases to two code units, as String.prototype.toLowerCase does.
    ['İstanbul', 6],
    ['O’Neill', 7],
    ['X', 8],
    ['STRASSE', 0],
    ['Straße', 9],
    ['thee', 0],
    ['th', 0],
    ['', 0],
  ];
  for (const [word, id] of cases) {
    const text = `«${word}»`;
    assert.equal(table.idOf(text, 1, 1 + word.length), id, word);
    assert.equal(table.idOfWord(word), id, word);
  }
});

test('agrees with a Map of the lower-case words on every word and its variants', () => {
  const many = Array.from({ length: 5000 }, (_, index) => `w${index.toString(36)}x`);
  const big = new WordTable(many);
  const map = new Map(many.map((word, index) => [word, index + 1]));
  for (const probe of [...many, ...many.map((word) => word.toUpperCase()), ...many.map((word) => `${word}y`)]) {
    assert.equal(big.idOf(probe, 0, probe.length), map.get(probe.toLowerCase()) ?? 0, probe);
  }
  assert.equal(big.size, 5000);
});

test('a repeated word keeps its last id, as a Map would', () => {
  const repeated = new WordTable(['a', 'b', 'a']);
  assert.equal(repeated.idOfWord('a'), 3);
  assert.equal(repeated.idOfWord('b'), 2);
});

test('exact keys (feature names) and words back from their ids', () => {
  const features = new WordTable(['b:0_caus', 'W=Bernabeu', 'w:colleen']);
  assert.equal(features.idOfExact('W=Bernabeu'), 2);
  assert.equal(features.idOfExact('w=bernabeu'), 0);
  assert.equal(features.wordOf(2), 'W=Bernabeu');
  assert.equal(features.wordOf(3), 'w:colleen');
  assert.throws(() => features.wordOf(4), /no word with id 4/);
});
