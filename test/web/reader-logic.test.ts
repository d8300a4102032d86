/**
 * The reader's pure parts, without a browser: cutting overlapping spans into segments, reading
 * TIMEX3 values as days, mapping spans to the original wording, and what the analyse form sends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSegments, type Annotation } from '../../web/src/segments.js';
import { dayNumber, formatDay, timexDays } from '../../web/src/dates.js';
import { viewAnnotations, viewString } from '../../web/src/annotations.js';
import { requestFromForm } from '../../web/src/analyze-request.js';
import { withDefaults } from '../../web/src/api.js';
import type { Doc } from '../../src/doc/schema.js';

function span(key: string, start: number, end: number): Annotation {
  return { layer: 'mention', key, ref: key, start, end, classes: [], title: key };
}

/** Segments as `text[keys]` pieces, for readable failures. */
function show(text: string, annotations: readonly Annotation[]): string[] {
  return buildSegments(text.length, annotations).map((segment) => `${text.slice(segment.start, segment.end)}[${segment.annotations.map((annotation) => annotation.key).join(',')}]`);
}

const SEGMENT_CASES: readonly { name: string; text: string; spans: Annotation[]; expected: string[] }[] = [
  { name: 'no spans: one plain segment', text: 'plain text', spans: [], expected: ['plain text[]'] },
  { name: 'one span in the middle', text: 'in Sirte now', spans: [span('a', 3, 8)], expected: ['in []', 'Sirte[a]', ' now[]'] },
  { name: 'nested spans: the inner piece carries both, outer first', text: '"attack on Sirte"', spans: [span('inner', 11, 16), span('outer', 0, 17)], expected: ['"attack on [outer]', 'Sirte[outer,inner]', '"[outer]'] },
  { name: 'crossing spans: three pieces', text: 'abcdef', spans: [span('left', 0, 4), span('right', 2, 6)], expected: ['ab[left]', 'cd[left,right]', 'ef[right]'] },
  { name: 'identical spans share one segment, ordered by key', text: 'Sirte', spans: [span('pl1', 0, 5), span('m3', 0, 5)], expected: ['Sirte[m3,pl1]'] },
  { name: 'adjacent spans stay apart', text: 'abcd', spans: [span('one', 0, 2), span('two', 2, 4)], expected: ['ab[one]', 'cd[two]'] },
  { name: 'an empty span (dateline place) is left out', text: 'abc', spans: [span('empty', 1, 1)], expected: ['abc[]'] },
  { name: 'spans past the end are clamped', text: 'abc', spans: [span('long', 1, 99)], expected: ['a[]', 'bc[long]'] },
  { name: 'an inverted span is left out', text: 'abc', spans: [span('bad', 2, 1)], expected: ['abc[]'] },
  { name: 'a span ending where another starts inside a third', text: 'abcdef', spans: [span('all', 0, 6), span('x', 1, 3), span('y', 3, 5)], expected: ['a[all]', 'bc[all,x]', 'de[all,y]', 'f[all]'] },
];

for (const { name, text, spans, expected } of SEGMENT_CASES) {
  test(`segments: ${name}`, () => {
    assert.deepEqual(show(text, spans), expected);
  });
}

test('segments cover the string exactly, in order', () => {
  const text = 'x'.repeat(50);
  const spans = [span('a', 3, 40), span('b', 10, 20), span('c', 15, 45), span('d', 0, 1), span('e', 49, 50)];
  const segments = buildSegments(text.length, spans);
  assert.equal(segments[0]?.start, 0);
  assert.equal(segments.at(-1)?.end, 50);
  for (let index = 1; index < segments.length; index += 1) assert.equal(segments[index]?.start, segments[index - 1]?.end);
});

const DAY_CASES: readonly [string, string, string, string][] = [
  ['2018-03-24', '2018-03-24', '2018-03-24', 'day'],
  ['2018-03-24T10:30', '2018-03-24', '2018-03-24', 'day'],
  ['2018-02', '2018-02-01', '2018-02-28', 'month'],
  ['2016-02', '2016-02-01', '2016-02-29', 'month'],
  ['2016', '2016-01-01', '2016-12-31', 'year'],
  ['2018-Q3', '2018-07-01', '2018-09-30', 'quarter'],
  ['2018-W01', '2018-01-01', '2018-01-07', 'week'],
  ['2020-W53', '2020-12-28', '2021-01-03', 'week'],
  ['2018-SU', '2018-06-01', '2018-08-31', 'season'],
  ['2018-WI', '2018-12-01', '2019-02-28', 'season'],
  ['197', '1970-01-01', '1979-12-31', 'decade'],
  ['19', '1900-01-01', '1999-12-31', 'century'],
];

for (const [value, first, last, precision] of DAY_CASES) {
  test(`timex days: ${value} covers ${first} to ${last}`, () => {
    const range = timexDays(value);
    assert.ok(range, `${value} has days`);
    assert.deepEqual([formatDay(range.first), formatDay(range.last), range.precision], [first, last, precision]);
  });
}

for (const value of ['PRESENT_REF', 'PAST_REF', 'P3Y', 'XXXX-WXX-1', 'XXXX-03-24', '2018-13', '', 'tomorrow']) {
  test(`timex days: ${JSON.stringify(value)} is not on a calendar`, () => {
    assert.equal(timexDays(value), null);
  });
}

test('day numbers count from 1970-01-01', () => {
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.equal(formatDay(dayNumber(2018, 3, 28)), '2018-03-28');
});

function docWith(fields: Partial<Doc>): Doc {
  return withDefaults({ ...fields } as Record<string, unknown>);
}

test('original wording: a text span maps through the alignment to the same words in the source', () => {
  const source = 'CAPTION\nTRIPOLI — Troops entered Sirte.';
  const text = 'Troops entered Sirte.';
  const doc = docWith({
    source, text, alignment: [{ textStart: 0, sourceStart: source.indexOf('Troops'), length: text.length }],
    removals: [{ start: 0, end: 7, reason: 'photo caption or credit', text: 'CAPTION' }],
    mentions: [{ id: 'm1', start: 15, end: 20, type: 'LOC', kind: 'name', entity: null, rule: 'test' }],
  });
  assert.equal(viewString(doc, 'source'), source);
  const annotations = viewAnnotations(doc, 'source');
  const mention = annotations.find((annotation) => annotation.key === 'm1');
  assert.equal(mention && source.slice(mention.start, mention.end), 'Sirte');
  const removed = annotations.find((annotation) => annotation.layer === 'removed');
  assert.equal(removed && source.slice(removed.start, removed.end), 'CAPTION');
});

test('original wording: without an alignment the text itself is shown', () => {
  const doc = docWith({ text: 'Troops entered Sirte.', source: 'other' });
  assert.equal(viewString(doc, 'source'), 'Troops entered Sirte.');
});

test('a Doc with only text gets every layer as an empty list', () => {
  const doc = docWith({ text: 'Hello.' });
  assert.deepEqual([doc.mentions, doc.quotes, doc.events, doc.alignment], [[], [], [], []]);
  assert.equal(doc.source, 'Hello.');
});

const REQUEST_CASES: readonly { name: string; raw: string; format: string; published: string; url: string; expected: Record<string, string> }[] = [
  { name: 'plain text with a date', raw: 'Troops entered Sirte.', format: 'auto', published: '2018-03-28', url: '', expected: { text: 'Troops entered Sirte.', published: '2018-03-28' } },
  { name: 'HTML found by its tags', raw: '<html><body><p>Hi</p></body></html>', format: 'auto', published: '', url: 'https://example.org/a', expected: { html: '<html><body><p>Hi</p></body></html>', url: 'https://example.org/a' } },
  { name: 'text that mentions a tag word is still text when the format says so', raw: '<p> is a tag', format: 'text', published: '', url: '', expected: { text: '<p> is a tag' } },
  { name: 'a JSON record keeps its own date over the form', raw: '{"text":"A story.","published":"2018-01-02","id":"a1","extra":1}', format: 'auto', published: '2020-01-01', url: '', expected: { text: 'A story.', published: '2018-01-02', id: 'a1' } },
  { name: 'a JSON-looking text without text or html stays text', raw: '{"title":"x"}', format: 'auto', published: '', url: '', expected: { text: '{"title":"x"}' } },
];

for (const { name, raw, format, published, url, expected } of REQUEST_CASES) {
  test(`analyse form: ${name}`, () => {
    assert.deepEqual(requestFromForm(raw, format, published, url), expected);
  });
}

test('analyse form: invalid JSON in JSON format is refused', () => {
  assert.throws(() => requestFromForm('{oops', 'json', '', ''), /not valid JSON/);
});
