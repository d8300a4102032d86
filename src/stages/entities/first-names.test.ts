import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFirstNames, parseFirstNames, serializeFirstNames } from './first-names.js';

test('first names: a serialised table is searched by halves, in any case', () => {
  const table = parseFirstNames(serializeFirstNames([['zoe', 'f'], ['adam', 'm'], ['maria', 'f'], ['john', 'm']]));
  assert.deepEqual(['Adam', 'JOHN', 'maria', 'Zoe', 'Zed', 'aa', ''].map((name) => table.genderOf(name)), ['m', 'm', 'f', 'f', null, null, null]);
  assert.equal(parseFirstNames('').genderOf('adam'), null);
});

test('first names: the shipped table knows common names and leaves out family names written first', () => {
  const names = loadFirstNames();
  assert.equal(names.genderOf('Hillary'), 'f');
  assert.equal(names.genderOf('Bernie'), 'm');
  // (`Xi Jinping`, `Kim Jong Un`: family names first, which the lists have as women's names.)
  assert.equal(names.genderOf('Xi'), null);
  assert.equal(names.genderOf('Kim'), null);
  // (Both genders in the lists: unknown.)
  assert.equal(names.genderOf('Andrea'), null);
});
