import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemOr } from './arrays.js';

test('itemOr reads inside the array and gives the fallback past either end', () => {
  const words = ['the', 'strike'];
  assert.equal(itemOr(words, 0, '<s>'), 'the');
  assert.equal(itemOr(words, 1, '<s>'), 'strike');
  assert.equal(itemOr(words, 2, '</s>'), '</s>');
  assert.equal(itemOr(words, -1, '<s>'), '<s>');
  assert.equal(itemOr([], 0, 'none'), 'none');
  // A stored undefined is the item, not a miss.
  assert.equal(itemOr([undefined, 1], 0, 5 as number | undefined), undefined);
});
