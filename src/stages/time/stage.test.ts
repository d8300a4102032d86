import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mention, Timex } from '../../doc/schema.js';
import { outsideNames } from './stage.js';

const timex = (text: string, words: string, value: string): Timex => {
  const start = text.indexOf(words);
  return { id: `t${start}`, start, end: start + words.length, type: 'DATE', value } as Timex;
};
const mention = (text: string, words: string, type: Mention['type']): Mention => {
  const start = text.indexOf(words);
  return { id: `m${start}`, start, end: start + words.length, type, kind: 'name', entity: null, rule: 'tagger' } as unknown as Mention;
};

test('time stage: a time expression inside an organisation or person name is dropped, others stay', () => {
  const text = 'Gary Black of the Future Fund said on Monday that Black Friday sales on Breitbart News Daily rose.';
  const timexes = [timex(text, 'Future', 'FUTURE_REF'), timex(text, 'Monday', '2026-11-23'), timex(text, 'Black Friday', '2026-11-27'), timex(text, 'Daily', 'P1D')];
  const mentions = [mention(text, 'Future Fund', 'ORG'), mention(text, 'Black Friday', 'MISC'), mention(text, 'Breitbart News Daily', 'ORG')];
  assert.deepEqual(outsideNames(text, timexes, mentions).map((found) => text.slice(found.start, found.end)), ['Monday', 'Black Friday']);
});

test('time stage: a date a name runs over stays (digits, or a weekday or month at either end of the name)', () => {
  const text = "The debate at St. Anselm College February 6, 2016 followed MSNBC's Morning Joe Monday, back in November West Brom lost.";
  const timexes = [timex(text, 'February 6, 2016', '2016-02-06'), timex(text, 'Monday', '2016-02-08'), timex(text, 'November', '2015-11')];
  const mentions = [mention(text, 'St. Anselm College February 6, 2016', 'ORG'), mention(text, 'Morning Joe Monday', 'ORG'), mention(text, 'November West Brom', 'ORG')];
  assert.equal(outsideNames(text, timexes, mentions).length, 3);
});
