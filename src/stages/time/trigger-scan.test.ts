import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIME_PATTERNS } from './timex-finder.js';
import { TriggerIndex, triggeredPattern, triggerVocabulary, type TriggeredPattern } from './trigger-scan.js';

/** Every match of a whole-text global scan, as `index:match` with its groups. */
function globalMatches(text: string, pattern: RegExp): string[] {
  const global = new RegExp(pattern.source, pattern.flags.replace('y', '') + 'g');
  const found: string[] = [];
  for (let match = global.exec(text); match; match = global.exec(text)) found.push(`${match.index}:${JSON.stringify([...match])}${JSON.stringify(match.groups ?? null)}`);
  return found;
}

function triggeredMatches(text: string, patterns: readonly TriggeredPattern[], index: number): string[] {
  const triggers = new TriggerIndex(text, patterns, triggerVocabulary(patterns));
  const found: string[] = [];
  triggers.scan(index, (match) => found.push(`${match.index}:${JSON.stringify([...match])}${JSON.stringify(match.groups ?? null)}`));
  return found;
}

const TIME_LIST = TIME_PATTERNS.map(([, pattern]) => pattern);

function assertSameAsGlobal(text: string): void {
  TIME_PATTERNS.forEach(([name, pattern], index) => {
    assert.deepEqual(triggeredMatches(text, TIME_LIST, index), globalMatches(text, pattern.sticky), `${name} on ${JSON.stringify(text)}`);
  });
}

test('a pattern is tried only near its trigger word and finds the global matches', () => {
  const pattern = triggeredPattern(/\b(?:last\s+)?year\b/gi, { words: ['year'], lead: 1, start: 'word' });
  assert.deepEqual(triggeredMatches('Last year, and last  year; no yearly.', [pattern], 0), globalMatches('Last year, and last  year; no yearly.', pattern.sticky));
  assert.equal(triggeredMatches('Last year, and last  year; no yearly.', [pattern], 0).length, 2);
});

test('a text without a trigger yields no match', () => {
  const pattern = triggeredPattern(/\bnow\b/gi, { words: ['now'], lead: 0, start: 'word' });
  assert.deepEqual(triggeredMatches('Nothing known.', [pattern], 0), []);
});

// Cases where a window could see less than the whole text: lookbehinds, starts inside a word,
// long whitespace, paragraph breaks, apostrophes, overlapping candidates.
const TRICKY = [
  'He said it in the blast year\'s third quarter, on behalf of headquarters.',
  'the this year\'s fiscal year-ago year-earlier-fiscal quarter of 1990 rose',
  'Sales in the \'80s, the mid-1990s and 1990\'s boom; $1990 and 1,990 and 2011.',
  'It lasted no more than nineteen and a half\n\n  years ago, then 2.5 1/2 years, then a couple of   days later.',
  'The day before yesterday. Later the day before, the day after tomorrow night.',
  'last\n\nyear, LAST YEAR, yEaR-end, the year two thousand, nineteen ninety-six, the spring of nineteen eighty',
  'Mondays and Tuesday nights; every Friday; last New Year\'s Eve week; Christmas Day.',
  'in Jan. and Sept. 5, since March, the beginning of May last year, each July',
  'now and then, at the moment, right now, these days, the near future, soon after, in the past',
  'the 20th century, early the twenties, the late nineties, mid-\'80s, early-the 1970s',
  'over the past two quarters and the next three-quarters, daily, every other week, annual',
  'quarterquarter halfhalf period. periodical thehalf the quarter ended Sept. 30 ',
  'for no more than 2.5 1/2 more years ago and about nineteen and a half more days, 1,000 years',
  'later the day before. in the this year\'s quarter, the 1990\'s fourth quarter, the first half',
  'early the \'80s. The year two thousand. The spring of nineteen ninety. The early-twenties. Last New Year\'s',
  'the beginning of March. the late 20th century. in the past. at the moment. the near future. the same day',
  'the past twenty-five years, the following fiscal year, the first few days, this past early spring',
  'earlier the day before yesterday; every other week; the fiscal third-quarter; the year-ago period',
  'in fiscal 1990, mid-1996, the early the 1970s, the full fiscal year, by the year-end, the year-earlier rise, the weekend',
];

test('the time patterns find the whole-text matches on tricky texts', () => {
  for (const text of TRICKY) assertSameAsGlobal(text);
});

test('the time patterns find the whole-text matches on random texts', () => {
  const words = [
    'the', 'this', 'that', 'last', 'next', 'past', 'early', 'late', 'mid', 'fiscal', 'calendar', 'year', 'years', "year's", 'year-ago', 'year-earlier',
    'quarter', 'quarters', 'period', 'half', 'behalf', 'blast', 'first', 'third', 'same', 'following', 'previous', 'day', 'days', 'week', 'weekend',
    'month', 'months', 'decade', 'century', 'centuries', 'a', 'an', 'one', 'two', 'five', 'twenty', 'nineteen', 'ninety-six', 'couple', 'of', 'and',
    'more', 'than', 'about', 'some', 'few', 'ago', 'later', 'earlier', 'before', 'after', 'from', 'now', 'current', 'recent', 'soon', 'future', 'present',
    'moment', 'at', 'in', 'every', 'each', 'daily', 'weekly', 'Monday', 'Mondays', 'night', 'morning', 'March', 'May', 'Sept.', 'Jan.', 'spring', 'fall',
    'Christmas', 'New', "Year's", 'Eve', 'Day', 'today', 'yesterday', 'tomorrow', 'thousand', 'hundred', 'twenties', 'nineties', '20th', '1990', '1990s',
    "'80s", '2011', '5', '1/2', '2.5', '$', '1,000', 'earnings', 'share', 'per',
  ];
  const separators = [' ', ' ', ' ', '  ', '\n\n', '-', ', ', '. ', "'", '’', '$', ''];
  let seed = 20_180_328;
  const random = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  for (let round = 0; round < 1500; round += 1) {
    let text = '';
    for (let index = 0; index < 24; index += 1) {
      let word = words[random(words.length)] ?? '';
      const casing = random(8);
      if (casing === 0) word = word.toUpperCase();
      else if (casing === 1) word = word.charAt(0).toUpperCase() + word.slice(1);
      text += word + (separators[random(separators.length)] ?? ' ');
    }
    assertSameAsGlobal(text);
  }
});
