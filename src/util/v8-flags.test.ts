import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagsToApply, v8Flags } from './v8-flags.js';

test('the flags set by default, none with LEDE_V8_FLAGS=0, and a replacement list', () => {
  assert.deepEqual(flagsToApply(undefined), v8Flags);
  assert.ok(v8Flags.includes('--no-turbo-inline-array-builtins'));
  assert.deepEqual(flagsToApply('0'), []);
  assert.deepEqual(flagsToApply(' --heap-growing-percent=30  --max-semi-space-size=8 '), ['--heap-growing-percent=30', '--max-semi-space-size=8']);
  assert.deepEqual(flagsToApply('nonsense'), []);
});

