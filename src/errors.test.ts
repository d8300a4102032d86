import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_KINDS, LedeError, toLedeError } from './errors.js';

test('every error code is documented in the README with its exit code and HTTP status', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  for (const kind of Object.values(ERROR_KINDS)) {
    assert.ok(readme.includes(`| \`${kind.code}\` | ${kind.exitCode} | ${kind.httpStatus} |`), `${kind.code} missing from the README table`);
  }
});

test('unexpected errors become E_INTERNAL and keep LedeErrors as they are', () => {
  assert.equal(toLedeError(new TypeError('boom'), 'a.txt').code, 'E_INTERNAL');
  const original = new LedeError('E_INPUT_EMPTY', 'a.txt: the input is empty', 'a.txt');
  assert.equal(toLedeError(original), original);
  assert.equal(original.exitCode, 4);
  assert.equal(original.httpStatus, 422);
});
