import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TypedArena } from './typed-arena.js';

test('arena views are zeroed, disjoint within a round and reused after a reset', () => {
  const arena = new TypedArena(64);
  const a = arena.int32(4);
  const b = arena.uint8(5);
  const c = arena.uint16(3);
  a.fill(-1);
  b.fill(255);
  c.fill(7);
  // Larger than the buffer: fresh memory, earlier views untouched.
  const big = arena.int32(100);
  big.fill(9);
  assert.deepEqual([...a], [-1, -1, -1, -1]);
  assert.deepEqual([...b], [255, 255, 255, 255, 255]);
  assert.deepEqual([...c], [7, 7, 7]);
  arena.reset();
  const again = arena.int32(100);
  assert.deepEqual([...again], new Array(100).fill(0));
  // The round's total now fits: the next round shares one buffer.
  assert.equal(again.buffer, arena.uint8(8).buffer);
});
