import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, formatWeek, isoWeekOf, parseCalendarDay, weekdayOf } from './calendar.js';

const CASES: ReadonlyArray<readonly [string, () => unknown, unknown]> = [
  ['reads a date', () => parseCalendarDay('2018-03-28'), { year: 2018, month: 3, day: 28 }],
  ['reads the date part of a timestamp', () => parseCalendarDay('2018-03-28T14:05:00Z'), { year: 2018, month: 3, day: 28 }],
  ['rejects an impossible day', () => parseCalendarDay('2018-02-30'), undefined],
  ['rejects a word', () => parseCalendarDay('yesterday'), undefined],
  ['Wednesday is weekday 3', () => weekdayOf({ year: 2018, month: 3, day: 28 }), 3],
  ['adds days across a month end', () => addDays({ year: 2018, month: 3, day: 28 }, 4), { year: 2018, month: 4, day: 1 }],
  ['subtracts days across a year end', () => addDays({ year: 2018, month: 1, day: 2 }, -3), { year: 2017, month: 12, day: 30 }],
  ['a month back from March 31 clamps to February 28', () => addMonths({ year: 2018, month: 3, day: 31 }, -1), { year: 2018, month: 2, day: 28 }],
  ['ISO week of 2018-03-28', () => formatWeek({ year: 2018, month: 3, day: 28 }), '2018-W13'],
  ['ISO week year of 2021-01-01 is 2020', () => isoWeekOf({ year: 2021, month: 1, day: 1 }), { year: 2020, week: 53 }],
];

for (const [behaviour, run, expected] of CASES) test(behaviour, () => assert.deepEqual(run(), expected));
