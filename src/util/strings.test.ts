import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detached } from './strings.js';

test('detached gives an equal string', () => {
  const article = `${'x'.repeat(1000)} internationalisation ${'y'.repeat(1000)}`;
  const word = article.slice(1001, 1021);
  assert.equal(word, 'internationalisation');
  assert.equal(detached(word), word);
  assert.equal(detached('short'), 'short');
  assert.equal(detached(''), '');
});
