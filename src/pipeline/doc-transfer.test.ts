import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../doc/schema.js';
import { deserializeDoc, serializeDoc } from './doc-transfer.js';

test('a Doc crosses with its tokens packed and comes back the same, key order included', () => {
  const doc = {
    schemaVersion: 1,
    text: 'Rebels said so. Then left.',
    sentences: [{ start: 0, end: 15 }, { start: 16, end: 26 }],
    tokens: [
      { start: 0, end: 6, sentence: 0 },
      { start: 7, end: 11, sentence: 0 },
      { start: 12, end: 14, sentence: 0 },
      { start: 14, end: 15, sentence: 0 },
      { start: 16, end: 20, sentence: 1 },
      { start: 21, end: 25, sentence: 1 },
      { start: 25, end: 26, sentence: 1 },
    ],
    mentions: [],
  } as unknown as Doc;
  const bytes = serializeDoc(doc);
  assert.equal(bytes.byteOffset, 0);
  assert.equal(bytes.byteLength, bytes.buffer.byteLength, 'a buffer of its own, transferable');
  const back = deserializeDoc(bytes);
  assert.equal(JSON.stringify(back), JSON.stringify(doc));
  assert.ok(Array.isArray(back.tokens));
});

test('a Doc without tokens crosses unchanged', () => {
  const doc = { schemaVersion: 1, text: '' } as unknown as Doc;
  assert.equal(JSON.stringify(deserializeDoc(serializeDoc(doc))), JSON.stringify(doc));
});
