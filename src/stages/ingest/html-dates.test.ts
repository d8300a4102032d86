import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, findTextDate, findVisibleDate, normalizeDateValue } from './html-dates.js';

const machineValues: [input: string, expected: string][] = [
  ['2018-03-28T13:23:00Z', '2018-03-28T13:23:00Z'],
  ['2018-03-28T13:23:00.000-04:00', '2018-03-28T13:23:00-04:00'],
  ['2018-03-28 13:23:00', '2018-03-28T13:23:00'],
  ['2018-03-28T13:23+0100', '2018-03-28T13:23:00+01:00'],
  ['2018-03-28', '2018-03-28'],
  ['20180328', '2018-03-28'],
  ['1522243380', '2018-03-28T13:23:00Z'],
  ['Wed, 28 Mar 2018 13:23:00 GMT', '2018-03-28'],
  ['March 28, 2018', '2018-03-28'],
  ['03/28/2018', '2018-03-28'],
  ['28/03/2018', '2018-03-28'],
];
for (const [input, expected] of machineValues) {
  test(`normalizeDateValue reads ${JSON.stringify(input)}`, () => {
    assert.equal(normalizeDateValue(input), expected);
  });
}

const notDates = ['', 'yesterday', 'March 28', '2018-02-30', '2018-13-01', '12345', 'version 2.1.3', '1850-01-01'];
for (const input of notDates) {
  test(`normalizeDateValue finds no date in ${JSON.stringify(input)}`, () => {
    assert.equal(normalizeDateValue(input), undefined);
  });
}

const proseDates: [input: string, expected: string][] = [
  ['Wed March 28, 2018', '2018-03-28'],
  ['Mar. 28th 2018', '2018-03-28'],
  ['28 March 2018', '2018-03-28'],
  ['the 28th of March, 2018', '2018-03-28'],
  ['Sept. 3, 2019 and Oct. 1, 2019', '2019-09-03'],
];
for (const [input, expected] of proseDates) {
  test(`findTextDate reads ${JSON.stringify(input)}`, () => {
    assert.equal(findTextDate(input), expected);
  });
}

const visibleLines: [input: string, expected: string][] = [
  ['Updated 1:23 PM ET, Wed March 28, 2018', '2018-03-28'],
  ['PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 20, 2019', '2019-11-19'],
  ['Updated Nov 19, 2019 9:41 AM; Posted Nov 18, 2019 8:19 PM', '2019-11-18'],
  ['Posted on 2015-04-08 by admin', '2015-04-08'],
];
for (const [input, expected] of visibleLines) {
  test(`findVisibleDate reads ${JSON.stringify(input)}`, () => {
    assert.equal(findVisibleDate(input)?.date, expected);
  });
}

const notVisibleDates = [
  'The law was passed on March 28, 2018, by the state senate.',
  'Updated figures are expected next week.',
  'Published by the university press in 2018.',
];
for (const input of notVisibleDates) {
  test(`findVisibleDate finds no date line in ${JSON.stringify(input)}`, () => {
    assert.equal(findVisibleDate(input), undefined);
  });
}

const urls: [input: string, expected: string | undefined][] = [
  ['https://news.example/2015/04/08/storm-hits-coast/', '2015-04-08'],
  ['https://news.example/world/2015/4/8/storm.html', '2015-04-08'],
  ['https://news.example/2015-04-08/storm', '2015-04-08'],
  ['https://news.example/archive/20150408/storm', '2015-04-08'],
  ['/2015/04/08/storm', '2015-04-08'],
  ['https://news.example/2015/04/storm', undefined],
  ['https://news.example/story/565107452.html', undefined],
  ['https://news.example/2015/13/40/bad', undefined],
];
for (const [input, expected] of urls) {
  test(`dateFromUrl reads ${input}`, () => {
    assert.equal(dateFromUrl(input), expected);
  });
}
