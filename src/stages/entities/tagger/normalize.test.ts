import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldPunctuation, isAllCaps, isCapitalised, longShape, lowerForm, shortShape } from './normalize.js';

const foldCases: [string, string][] = [
  ['al-Qa’ida', "al-Qa'ida"],
  ['’s', "'s"],
  ['“', '"'],
  ['”', '"'],
  ['–', '-'],
  ['Gadhafi', 'Gadhafi'],
];
for (const [input, expected] of foldCases) {
  test(`foldPunctuation: ${input} → ${expected}`, () => assert.equal(foldPunctuation(input), expected));
}

const shapeCases: [string, string, string][] = [
  ['Robyn', 'Xx', 'Xxxxx'],
  ['AQIM', 'X', 'XXXX'],
  ['CNN', 'X', 'XXX'],
  ['U.S.', 'X.X.', 'X.X.'],
  ["al-Qa'ida", "x-Xx'x", "xx-Xx'xxx"],
  ['1996-08-22', 'd-d-d', 'dddd-dd-dd'],
  ['McDonald', 'XxXx', 'XxXxxxx'],
];
for (const [input, short, long] of shapeCases) {
  test(`shapes of ${input}: ${short} / ${long}`, () => {
    assert.equal(shortShape(input), short);
    assert.equal(longShape(input), long);
  });
}

test('lowerForm maps digits to 0', () => assert.equal(lowerForm('March-2018'), 'march-0000'));

const capitalisedCases: [string, boolean][] = [['Libya', true], ['libya', false], ['1996', false], ['’s', false], ['Élysée', true]];
for (const [input, expected] of capitalisedCases) {
  test(`isCapitalised(${input}) is ${expected}`, () => assert.equal(isCapitalised(input), expected));
}

const allCapsCases: [string, boolean][] = [['AQIM', true], ['U.S.', true], ['Libya', false], ['1996', false], ['-', false]];
for (const [input, expected] of allCapsCases) {
  test(`isAllCaps(${input}) is ${expected}`, () => assert.equal(isAllCaps(input), expected));
}
