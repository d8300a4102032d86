import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Timex } from '../../doc/schema.js';
import { segment } from '../segment/segment.js';
import { findTimexes } from './timex-finder.js';

/** Timexes of `text` as `[start,end) "text" TYPE value` lines, so a failure shows the spans as text. */
function describe(text: string, timexes: readonly Timex[]): string[] {
  return timexes.map((timex) => `[${timex.start},${timex.end}) "${text.slice(timex.start, timex.end)}" ${timex.type} ${timex.value}${timex.mod ? ` ${timex.mod}` : ''}`);
}

function find(text: string, published: string | undefined): Timex[] {
  return findTimexes(text, segment(text).sentences, published).timexes;
}

// Wednesday 2018-03-28, the seed article's publication day.
const PUBLISHED = '2018-03-28';

/** [behaviour, sentence, expression as written, TYPE, value, mod?] with PUBLISHED as the reference. */
const POSITIVE: ReadonlyArray<readonly [string, string, string, Timex['type'], string, string?]> = [
  ['past-tense weekday is the one before publication', 'The US military conducted an airstrike Saturday.', 'Saturday', 'DATE', '2018-03-24'],
  ['weekday equal to the publication day is that day', 'The command said in a statement Wednesday that it struck.', 'Wednesday', 'DATE', '2018-03-28'],
  ['future-tense weekday is the next one', 'The ministers will meet Friday in Brussels.', 'Friday', 'DATE', '2018-03-30'],
  ['"is scheduled to" is future', 'The vote is scheduled to take place Monday.', 'Monday', 'DATE', '2018-04-02'],
  ['no tense of its own: the direction of a day ahead named before it in its sentence', 'Arsenal travel to Newcastle next Saturday, while Liverpool host City on Sunday.', 'Sunday', 'DATE', '2018-04-01'],
  ['last month', 'An official told CNN last month that the group was weak.', 'last month', 'DATE', '2018-02'],
  ['a day counted from a month names no day', 'The summit is planned for mid-April. The minister had arrived the day before.', 'the day before', 'DATE', 'XXXX-XX-XX'],
  ['a day counted from a day', 'The talks collapsed on Monday. Negotiators met again the following day.', 'the following day', 'DATE', '2018-03-27'],
  ['next week', 'The talks resume next week.', 'next week', 'DATE', '2018-W14'],
  ['this year', 'Sales rose this year.', 'this year', 'DATE', '2018'],
  ['earlier this year', 'The plant closed earlier this year.', 'earlier this year', 'DATE', '2018', 'START'],
  ['bare year after "in"', 'The dictator was ousted in 2011.', '2011', 'DATE', '2011'],
  ['the end of a year, "by" left out', 'They drove ISIS out by the end of 2016.', 'the end of 2016', 'DATE', '2016', 'END'],
  ['the month placed by "the end of"', 'A deal could come by the end of the month.', 'the month', 'DATE', '2018-03'],
  ['the week placed by "later in"', 'Later in the week, talks resumed.', 'the week', 'DATE', '2018-W13'],
  ['year before a noun', 'It was responsible for the 2013 attack.', '2013', 'DATE', '2013'],
  ['month and year', 'The consulate attack in September 2012 killed four.', 'September 2012', 'DATE', '2012-09'],
  ['full date', 'The treaty was signed on Aug. 7, 1998, in Nairobi.', 'Aug. 7, 1998', 'DATE', '1998-08-07'],
  ['month and day, nearest year', 'Results are due March 12.', 'March 12', 'DATE', '2018-03-12'],
  ['a day of the month alone, in the publication month', 'The deal closed on the 12th, the company said.', 'the 12th', 'DATE', '2018-03-12'],
  ['a day of the month before publication in a future sentence is the month after', 'The team will return on the 2nd.', 'the 2nd', 'DATE', '2018-04-02'],
  ['a quarter of a year named relative to publication is one expression', 'Sales should rise in the first quarter of next year.', 'the first quarter of next year', 'DATE', '2019-Q1'],
  ['a day a happening began is before publication, however near the next', 'Aid has been cut since the war began on April 20.', 'April 20', 'DATE', '2017-04-20'],
  ['a day after `since` is before publication, however near the next', 'Hezbollah has fired thousands of rockets into Israel since April 8.', 'April 8', 'DATE', '2017-04-08'],
  ['... and a day ahead stays ahead', 'The talks will begin on April 20.', 'April 20', 'DATE', '2018-04-20'],
  ['bare month after "in"', 'The election was held in January.', 'January', 'DATE', '2018-01'],
  ['"since" a month is the last one begun, however near the next', 'The rate has been unchanged since April.', 'April', 'DATE', '2017-04'],
  ['decade', 'Prices were low in the 1990s.', '1990s', 'DATE', '199'],
  ['quarter', 'Profit fell in the third quarter of 2017.', 'the third quarter of 2017', 'DATE', '2017-Q3'],
  ['quarter adjective from the publication year', 'The company reported first-quarter earnings.', 'first-quarter', 'DATE', '2018-Q1'],
  ['season', 'The offensive began last summer.', 'last summer', 'DATE', '2017-SU'],
  ['counted duration', 'The war lasted three years.', 'three years', 'DURATION', 'P3Y'],
  ['duration with "the past"', 'Prices rose over the past two weeks.', 'the past two weeks', 'DURATION', 'P2W'],
  ['duration with a modifier', 'The siege lasted more than four hours.', 'more than four hours', 'DURATION', 'PT4H', 'MORE_THAN'],
  ['half hours', 'The flight took 5 1/2 hours.', '5 1/2 hours', 'DURATION', 'PT5H30M'],
  ['"ago" from publication', 'The group formed two years ago.', 'two years ago', 'DATE', '2016'],
  ['"later" from the previous date', 'Talks began on March 1. Two days later they collapsed.', 'Two days later', 'DATE', '2018-03-03'],
  ['set: every week', 'The council meets every week.', 'every week', 'SET', 'P1W'],
  ['set: weekly adverb', 'The report is published weekly.', 'weekly', 'SET', 'P1W'],
  ['now', 'The town is now under curfew.', 'now', 'DATE', 'PRESENT_REF'],
  ['recently', 'The army recently withdrew.', 'recently', 'DATE', 'PAST_REF'],
  ['soon', 'The results will be known soon.', 'soon', 'DATE', 'FUTURE_REF'],
  ['yesterday', 'The bomb exploded yesterday.', 'yesterday', 'DATE', '2018-03-27'],
  ['clock time with a weekday', 'The blast came at 10 p.m. Tuesday.', '10 p.m. Tuesday', 'TIME', '2018-03-27T22:00'],
  ['this morning', 'Troops moved in this morning.', 'this morning', 'TIME', '2018-03-28TMO'],
  ['holiday', 'The ceasefire held through Christmas.', 'Christmas', 'DATE', '2017-12-25'],
  ['last with a month', 'He resigned last November.', 'last November', 'DATE', '2017-11'],
  ['month with "last year"', 'Exports fell in June last year.', 'June last year', 'DATE', '2017-06'],
  ['a year ago', 'A year ago the town was empty.', 'A year ago', 'DATE', '2017'],
  ['spoken year', 'The bombing happened in nineteen ninety-six.', 'nineteen ninety-six', 'DATE', '1996'],
  ['bare month in a past clause, the nearest months ahead: the one before', 'The company was founded in August.', 'August', 'DATE', '2017-08'],
  ['bare month in a future clause, the nearest months back: the one ahead', 'Collins will command a shuttle mission in December.', 'December', 'DATE', '2018-12'],
  ['a date weeks ahead in a past-tense sentence stays ahead', 'The company said it expects to close the deal by April 20.', 'April 20', 'DATE', '2018-04-20'],
  ['possessive weekday is past', 'They will appeal Monday\'s ruling.', 'Monday', 'DATE', '2018-03-26'],
  ['weekday before an intention verb is past', 'President Clinton Saturday vowed to hunt down those responsible.', 'Saturday', 'DATE', '2018-03-24'],
  ['"plan" the noun does not make a future', 'The presidents signed an economic cooperation plan Friday.', 'Friday', 'DATE', '2018-03-23'],
  ['a postponement points ahead', 'Officials postponed until Tuesday morning any action on the case.', 'Tuesday morning', 'DATE', '2018-04-03'],
  ['an extension points ahead past a long object', 'The mayor extended the emergency order that bans demonstrations in the city until Sunday.', 'Sunday', 'DATE', '2018-04-01'],
  ['`would have` the verb looks ahead', 'The coach said the defender would have a scan on Monday.', 'Monday', 'DATE', '2018-04-02'],
  ['`would have` the auxiliary looks back', 'The coach said the defender would have played on Monday.', 'Monday', 'DATE', '2018-03-26'],
  ['what a warning is of lies ahead', 'Forecasters warned of more storms on Sunday in Georgia.', 'Sunday', 'DATE', '2018-04-01'],
  ['the day of a warning is its own', 'Forecasters warned on Sunday that storms would come.', 'Sunday', 'DATE', '2018-03-25'],
  ['"is to" points ahead', 'The stock is to resume trading in Paris Tuesday.', 'Tuesday', 'DATE', '2018-04-03'],
  ['a weekday in the present tense is the nearest one, here ahead', 'The final is on Saturday.', 'Saturday', 'DATE', '2018-03-31'],
  ['a weekday in the present tense is the nearest one, here behind', 'The team is back home after its defeat on Monday.', 'Monday', 'DATE', '2018-03-26'],
  ['clock deadline with a weekday', 'The relatives have until 9 a.m. Tuesday to sign.', '9 a.m. Tuesday', 'TIME', '2018-04-03T09:00'],
  ['year end as the year with END', 'The deal should close by year\'s end.', 'year\'s end', 'DATE', '2018', 'END'],
  ['"since year-end" is the end of the year before', 'The percentage change is since year-end.', 'year-end', 'DATE', '2017', 'END'],
  ['TIMEX3 quarter unit in a duration', 'The company lost money in the past two quarters.', 'the past two quarters', 'DURATION', 'P2Q'],
  ['"and a half" duration', 'The talks lasted two and a half hours.', 'two and a half hours', 'DURATION', 'PT2H30M'],
  ['minutes "later" are a duration without "later"', 'But a minute and a half later, a pilot landed.', 'a minute and a half', 'DURATION', 'PT1M30S'],
  ['first two quarters as a half', 'Earnings will fall in the first two quarters of 2019.', 'the first two quarters of 2019', 'DATE', '2019-H1'],
  ['the week of a date', 'A hearing is set for the week of April 9.', 'the week of April 9', 'DATE', '2018-W15'],
  ['each with a month is a set', 'Orangemen march each July from their church.', 'each July', 'SET', 'XXXX-07'],
  ['month with a spoken year', 'One person is killed. January nineteen ninety-seven. Atlanta again.', 'January nineteen ninety-seven', 'DATE', '1997-01'],
  ['season with a spoken year', 'Oil fell to the level of the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', 'DATE', '1994-WI'],
  ['"this past spring" is the last one', 'The unit was scrapped this past spring.', 'this past spring', 'DATE', '2017-SP'],
  ['a holiday week', 'Protesters prayed as Easter week began.', 'Easter week', 'DATE', '2018-W13'],
  ['"the past decade" is a span', 'Threats became routine over the past decade.', 'the past decade', 'DURATION', 'P10Y'],
  ['"will one day" is the future', 'Islam will one day be the largest religion in the country.', 'one day', 'DATE', 'FUTURE_REF'],
  ['"then current" is past', 'Holders may buy shares at half the then current market price.', 'then current', 'DATE', 'PAST_REF'],
  ['a month ahead of publication that a verb in the simple past governs is last year\'s', 'Sanctions were imposed on the general in May.', 'May', 'DATE', '2017-05'],
  ['a month ahead of publication opening a past clause is last year\'s', 'In May, the firm hired a new chief.', 'May', 'DATE', '2017-05'],
  ['a month ahead in a past clause that reports a plan stays ahead', 'It said the dividend would be paid on a still unspecified date in May.', 'May', 'DATE', '2018-05'],
  ['a weekday after "said" is the day of the saying, a "would" after it aside', 'Microsoft said on Thursday it would buy the firm.', 'Thursday', 'DATE', '2018-03-22'],
  ['a weekday after a verb of a fixture list lies ahead', 'Chelsea, sixth, host Liverpool on Saturday.', 'Saturday', 'DATE', '2018-03-31'],
  ['a forecast told in the past looks ahead', 'Forecasters said more rain was expected over the weekend.', 'the weekend', 'DATE', '2018-W13-WE'],
  ['a half of next year', 'The deal is expected to close in the second half of next year.', 'the second half of next year', 'DATE', '2019-H2'],
  ['a clock time takes the day named right after it, a zone and an aside between', 'The quake hit at 8:55 pm local time (1755 GMT) on Tuesday.', '8:55 pm', 'TIME', '2018-03-27T20:55'],
  ['a deadline asked for in the past lies ahead', 'The bank had asked the court for more time, until June 30, to compile the details.', 'June 30', 'DATE', '2018-06-30'],
  ['a season of a year named relative to publication', 'She was arrested in the spring of last year.', 'the spring of last year', 'DATE', '2017-SP'],
  ['a 24-hour clock time with its zone takes the day named after it', 'Talks resumed at 1400 GMT on Monday.', '1400 GMT', 'TIME', '2018-03-26T14:00'],
  ['a clock time before a zone clock in brackets takes the day named after both', 'The attack began at 9:40 p.m. (1940 GMT) on Friday.', '9:40 p.m.', 'TIME', '2018-03-23T21:40'],
  ['"a year ago" in an earnings story is the first-named quarter a year back', 'Third-quarter net income rose. It fell in the second quarter. Net was $5 million a year ago.', 'a year ago', 'DATE', '2016-Q3'],
];

for (const [behaviour, sentence, expression, type, value, mod] of POSITIVE) {
  test(`finds ${behaviour}: "${expression}"`, () => {
    const timexes = find(sentence, PUBLISHED);
    const start = sentence.indexOf(expression);
    const expected = `[${start},${start + expression.length}) "${expression}" ${type} ${value}${mod ? ` ${mod}` : ''}`;
    assert.ok(describe(sentence, timexes).includes(expected), `expected ${expected}\n   got ${JSON.stringify(describe(sentence, timexes))}`);
  });
}

/** [behaviour, sentence]: nothing in it is a time expression. */
const NEGATIVE: ReadonlyArray<readonly [string, string]> = [
  ['a percentage', 'Shares fell 12.53% in heavy trading.'],
  ['a unit joined to the word before it', 'Shares fell 4% in after-hours trading.'],
  ['money per share', 'The company earned $1.35 a share.'],
  ['money amount that looks like a year', 'The house sold for $2,016 more than the asking price.'],
  ['a count that looks like a year', 'The army sent 2000 troops to the border.'],
  ['"may" the verb', 'The ruling may change how the law is applied.'],
  ['"May" the verb at a sentence start', 'May the best team win.'],
  ['"March" as a surname', 'Peggy March said the show was over.'],
  ['"march" the noun', 'Thousands joined the march through the capital.'],
  ['"Sun" the company', 'Sun Microsystems cut its workforce.'],
  ['lower-case "sun"', 'The sun rose over the desert.'],
  ['"fall" the verb', 'Prices could fall sharply.'],
  ['"the fall" a decline', 'The fall was driven by lower energy bills.'],
  ['"Sunday Times" the newspaper', 'The Sunday Times reported the story.'],
  ['an age', 'A 40-year-old man was arrested.'],
  ['"as soon as" the conjunction', 'Leave as soon as you can.'],
  ['a flight number', 'Passengers boarded Flight 1549 in New York.'],
  ['a money rate "a year"', 'Unisys said that should help it save $500 million a year in costs.'],
  ['a count rate "a week"', 'Qantas will run four flights a week to Bombay.'],
  ['a "per" rate', 'Intel clocks the chip at 15 million instructions per second.'],
  ['a fraction "three-quarters"', 'Iraq imports about three-quarters of its food.'],
  ['"March of the ..." a name', 'Elian led the March of the Combatant Mothers.'],
  ['"quarter-to-quarter"', 'Net income rose. The quarter-to-quarter comparison was enhanced by charges.'],
];

/** [behaviour, sentence, expression]: the expression is not a timex, though others in the sentence may be. */
const NOT_A_TIMEX: ReadonlyArray<readonly [string, string, string]> = [
  ['"the day before" opening a clause', 'He was last seen Nov. 3, the day before authorities issued a warrant.', 'the day before'],
  ['"the past" before a count', 'Violence flared for the past three summers.', 'the past'],
  ['a zone clock that restates the local time before it, nor its digits as a year', 'The attack began at 9:40 p.m. (1940 GMT) on Friday.', '1940'],
];

for (const [behaviour, sentence, expression] of NOT_A_TIMEX) {
  test(`does not read ${behaviour} as a timex: "${expression}"`, () => {
    const lines = describe(sentence, find(sentence, PUBLISHED));
    assert.ok(!lines.some((line) => line.includes(`"${expression}"`)), `unexpected "${expression}" in ${JSON.stringify(lines)}`);
  });
}

for (const [behaviour, sentence] of NEGATIVE) {
  test(`does not find ${behaviour}`, () => {
    assert.deepEqual(describe(sentence, find(sentence, PUBLISHED)), []);
  });
}

test('ids follow text order and every span is inside the text', () => {
  const text = 'On Monday the talks began. Three days later, in March 2018, they ended.';
  const timexes = find(text, PUBLISHED);
  assert.deepEqual(timexes.map((timex) => timex.id), timexes.map((_, index) => `t${index + 1}`));
  for (const timex of timexes) assert.ok(timex.start >= 0 && timex.end <= text.length && timex.start < timex.end);
  assert.deepEqual(timexes.map((timex) => timex.start), [...timexes.map((timex) => timex.start)].sort((a, b) => a - b));
});

test('"two days later" names the timex it was anchored on', () => {
  const text = 'Talks began on March 1. Two days later they collapsed.';
  const timexes = find(text, PUBLISHED);
  const later = timexes.find((timex) => text.slice(timex.start, timex.end) === 'Two days later');
  assert.equal(later?.anchor, timexes[0]?.id);
});

test('without a publication date absolute values stay and relative ones are unresolved with a diagnostic', () => {
  const text = 'The strike took place Saturday. The dictator was ousted in 2011. An official spoke last month.';
  const result = findTimexes(text, segment(text).sentences, undefined);
  assert.deepEqual(describe(text, result.timexes), [
    '[22,30) "Saturday" DATE XXXX-WXX-6',
    '[59,63) "2011" DATE 2011',
    '[83,93) "last month" DATE XXXX-XX',
  ]);
  assert.deepEqual(result.timexes.map((timex) => timex.resolved), [false, true, false]);
  assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.start]), [['no-publication-date', 22], ['no-publication-date', 83]]);
});

test('an unreadable publication date is reported, not guessed', () => {
  const result = findTimexes('It happened last week.', [{ start: 0, end: 22 }], 'yesterday');
  assert.equal(result.timexes[0]?.resolved, false);
  assert.ok(result.diagnostics.some((diagnostic) => diagnostic.rule === 'bad-publication-date'));
});

const SEED = new URL('../../../../shared/examples/seed-article.txt', import.meta.url);

test('seed article, published 2018-03-28', { skip: !existsSync(SEED) }, () => {
  const text = readFileSync(SEED, 'utf8');
  const lines = describe(text, find(text, PUBLISHED)).map((line) => line.replace(/^\[\d+,\d+\) /, ''));
  for (const expected of [
    '"Saturday" DATE 2018-03-24',
    '"Wednesday" DATE 2018-03-28',
    '"last month" DATE 2018-02',
    '"2011" DATE 2011',
    '"the end of 2016" DATE 2016 END',
    '"2013" DATE 2013',
    '"September 2012" DATE 2012-09',
    '"2012" DATE 2012',
  ]) {
    assert.ok(lines.includes(expected), `missing ${expected} in ${JSON.stringify(lines)}`);
  }
});

test('seed article without a publication date keeps absolute values and leaves relative ones unresolved', { skip: !existsSync(SEED) }, () => {
  const text = readFileSync(SEED, 'utf8');
  const result = findTimexes(text, segment(text).sentences, undefined);
  const byText = new Map(result.timexes.map((timex) => [text.slice(timex.start, timex.end), timex]));
  for (const absolute of ['2011', '2013', 'September 2012', '2012']) assert.equal(byText.get(absolute)?.resolved, true, absolute);
  assert.equal(byText.get('the end of 2016')?.value, '2016');
  for (const relative of ['Saturday', 'Wednesday', 'last month']) {
    const timex = byText.get(relative);
    assert.equal(timex?.resolved, false, relative);
    assert.ok(result.diagnostics.some((diagnostic) => diagnostic.start === timex?.start), `no diagnostic for ${relative}`);
  }
});

test('"the following weekend" resolves from the previous date', () => {
  const text = 'The storm hit on March 3, 2018. Crews returned the following weekend.';
  const { timexes } = findTimexes(text, [{ start: 0, end: 31 }, { start: 32, end: text.length }], '2018-03-28');
  const weekend = timexes.find((timex) => text.slice(timex.start, timex.end).includes('weekend'));
  assert.ok(weekend && typeof weekend.value === 'string' && weekend.value.endsWith('-WE'), JSON.stringify(weekend));
});

test('a clock time belongs to the day the story names, not to the day a statement was made', () => {
  // Published Wednesday 2018-03-28: Friday is 03-23, Saturday 03-24.
  const first = 'Gunmen attacked a market on Friday, residents said Saturday.';
  const second = 'They arrived around noon.';
  const text = `${first} ${second}`;
  const { timexes } = findTimexes(text, [{ start: 0, end: first.length }, { start: first.length + 1, end: text.length }], '2018-03-28');
  const noon = timexes.find((timex) => text.slice(timex.start, timex.end) === 'noon');
  assert.equal(noon?.value, '2018-03-23T12:00', JSON.stringify(timexes));
});

test('a long article with thousands of dates keeps every one, and overlapping readings still yield to the longest', () => {
  const text = 'The council met on Monday and again on Tuesday, March 4. '.repeat(3000);
  const { sentences } = segment(text);
  const { timexes } = findTimexes(text, sentences, '2025-03-07');
  assert.equal(timexes.length, 6000);
  assert.deepEqual(
    timexes.slice(0, 2).map((timex) => text.slice(timex.start, timex.end)),
    ['Monday', 'Tuesday, March 4'],
  );
});

test('an ordinal that is no day of the month is no date', () => {
  assert.deepEqual(find('It marked the 25th anniversary of the war, and the 3rd Infantry Division left.', PUBLISHED), []);
});
