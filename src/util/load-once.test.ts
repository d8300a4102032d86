import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadOnce } from './load-once.js';

test('loadOnce loads a key once while its value is held', () => {
  let loads = 0;
  const load = () => ({ n: ++loads });
  const first = loadOnce('test:a', load);
  const second = loadOnce('test:a', load);
  assert.equal(first, second);
  assert.equal(loads, 1);
  assert.notEqual(loadOnce('test:b', load), first);
  assert.equal(loads, 2);
});
