import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSourceOffset } from '../../doc/text-builder.js';
import { matchDateline } from './dateline.js';
import { normalizeText } from './normalize.js';
import { findVisibleDate } from './visible-date.js';

const DATELINES: ReadonlyArray<readonly [string, string | undefined, string | undefined]> = [
  ['Washington CNN \u00a0—\u00a0 The army said', 'Washington', 'CNN'],
  ['(CNN) -- The army said', undefined, 'CNN'],
  ['(CNN)The army said', undefined, 'CNN'],
  ['LONDON (Reuters) - Britain said', 'London', 'Reuters'],
  ['WASHINGTON, March 28 (AP) — The Senate', 'Washington', 'AP'],
  ['ST. LOUIS (AP) — Police said', 'St. Louis', 'AP'],
  ['NEW YORK — Stocks fell', 'New York', undefined],
  ['Sept 27 (Reuters) - Hurricane Helene killed', undefined, 'Reuters'],
  ['NAIROBI, Kenya (AP) _ Suspected bombs exploded', 'Nairobi', 'AP'],
  ['HAVANA (AP ) -- The father said', 'Havana', 'AP'],
];
for (const [paragraph, place, publisher] of DATELINES) {
  test(`dateline: ${JSON.stringify(paragraph.slice(0, 30))}`, () => {
    const found = matchDateline(paragraph);
    assert.ok(found, 'no dateline found');
    assert.equal(found.place, place);
    assert.equal(found.publisher, publisher);
  });
}

const NOT_DATELINES = ['May 5 was the day (they said) it rained.', 'The US military — said to be ready — struck.', 'Smith - the lawyer - spoke.', 'US aircraft carried out strikes.', 'In 2016 — the year of the vote — turnout rose.'];
for (const paragraph of NOT_DATELINES) {
  test(`not a dateline: ${JSON.stringify(paragraph.slice(0, 30))}`, () => assert.equal(matchDateline(paragraph), undefined));
}

test('caption residue and a standalone dateline leave the body, recorded with reasons', () => {
  const source = '07 harbor fire FILE\nPORTMERE (Reuters) — \n\nThe fire spread overnight.\n\nNobody was hurt.';
  const result = normalizeText(source);
  assert.equal(result.text, 'The fire spread overnight.\n\nNobody was hurt.');
  assert.deepEqual(result.removals.map((removal) => removal.reason), ['photo caption or credit', 'dateline']);
  assert.equal(result.meta.dateline, 'Portmere');
  assert.equal(result.meta.publisher, 'Reuters');
});

test('an inline dateline is cut from its paragraph and offsets still map to the source', () => {
  const source = 'LONDON (Reuters) - Britain said on Monday it would act.';
  const result = normalizeText(source);
  assert.equal(result.text, 'Britain said on Monday it would act.');
  const start = result.text.indexOf('Monday');
  assert.equal(source.slice(toSourceOffset(result.alignment, start), toSourceOffset(result.alignment, start + 6, 'end')), 'Monday');
});

test('headline and byline above the dateline become metadata', () => {
  const source = 'Floods force thousands from homes\nBy Jane Doe and John Roe\nPORTMERE (AP) — Water rose fast.';
  const result = normalizeText(source);
  assert.equal(result.meta.title, 'Floods force thousands from homes');
  assert.equal(result.meta.byline, 'Jane Doe and John Roe');
  assert.equal(result.text, 'Water rose fast.');
});

test('without a dateline, a byline near the top ends the head; its job title is no name', () => {
  const source = 'City go top after late winner\n\nBy Tom Hughes, Sports Correspondent\n\nThe home side scored twice in the last ten minutes to win the game.';
  const result = normalizeText(source);
  assert.equal(result.meta.title, 'City go top after late winner');
  assert.equal(result.meta.byline, 'Tom Hughes');
  assert.equal(result.text, 'The home side scored twice in the last ten minutes to win the game.');
  // A line starting `By` deep in the story is story text.
  const story = 'The home side scored twice in the last ten minutes to win a game that had looked lost for most of the afternoon.\n\nBy Friday the coach had gone.';
  assert.equal(normalizeText(story).text, story);
});

test('a byline on a paragraph of its own under the first paragraph is metadata, not story text', () => {
  const source = 'PORTMERE (AP) — Police fired tear gas at protesters on Thursday, a rights group said.\n\nBy Evelyne Qarnawat\n\nProtesters blocked roads, chanting "Go home."\n\nBy Friday the streets were calm.';
  const result = normalizeText(source);
  assert.equal(result.meta.byline, 'Evelyne Qarnawat');
  assert.equal(result.text, 'Police fired tear gas at protesters on Thursday, a rights group said.\n\nProtesters blocked roads, chanting "Go home."\n\nBy Friday the streets were calm.');
});

test('story highlights, Read More, share and copyright lines are removed', () => {
  const source = 'Story highlights\nTown evacuated\nNo deaths reported\n(CNN) The river rose. Read More\n\nShare this article\n\nOfficials said more rain is due.\n\n© 2025 Lede Wire. All rights reserved.';
  const result = normalizeText(source);
  assert.equal(result.text, 'The river rose.\n\nOfficials said more rain is due.');
  assert.deepEqual(
    result.removals.map((removal) => removal.reason),
    ['story highlights', 'story highlights', 'story highlights', 'dateline', 'read-more link', 'share line', 'copyright line'],
  );
});

test('a visible timestamp line sets the publication date', () => {
  const result = normalizeText('Updated 1:23 PM ET, Wed March 28, 2018\nWASHINGTON (CNN) — The strike came.');
  assert.equal(result.meta.published, '2018-03-28');
  assert.equal(result.text, 'The strike came.');
});

test('no-break spaces become spaces and zero-width characters go, without moving other offsets', () => {
  const source = 'A\u00a0B\u200bC and "D".';
  const result = normalizeText(source);
  assert.equal(result.text, 'A BC and "D".');
  const index = result.text.indexOf('D');
  assert.equal(source[toSourceOffset(result.alignment, index)], 'D');
});

test('carriage returns are dropped', () => {
  assert.equal(normalizeText('One.\r\n\r\nTwo.\r\n').text, 'One.\n\nTwo.');
});

test('an agency\'s name on a line of its own under the byline is the publisher, not story text', () => {
  const source = 'Senate passes aid package\n\nBy Lisa Mascaro\nAssociated Press\n\nWASHINGTON (AP) — The Senate on Tuesday passed the aid package.';
  const result = normalizeText(source);
  assert.equal(result.meta.byline, 'Lisa Mascaro');
  assert.equal(result.meta.publisher, 'AP');
  assert.equal(result.text, 'The Senate on Tuesday passed the aid package.');
});

test('without a dateline or byline, a short first line with no closing punctuation over a blank line is the headline', () => {
  const source = 'Man charged with murder after woman found dead in Leeds flat\n\nA 34-year-old man has been charged with murder after the body of a woman was found at a flat in Leeds, police said.';
  const result = normalizeText(source);
  assert.equal(result.meta.title, 'Man charged with murder after woman found dead in Leeds flat');
  assert.ok(result.text.startsWith('A 34-year-old man'), result.text);
  // A first line that is a sentence stays.
  const story = 'Prices rose sharply in May.\n\nAnalysts had expected a smaller rise in consumer prices after two months of falling energy costs.';
  assert.equal(normalizeText(story).text, story);
});

test('a plain story without head furniture is kept whole', () => {
  const source = 'Prices rose 3% in May, the agency said.\n\nAnalysts expected 2%.';
  const result = normalizeText(source);
  assert.equal(result.text, source);
  assert.deepEqual(result.removals, []);
});

const VISIBLE_DATES: ReadonlyArray<readonly [string, string | undefined, boolean]> = [
  ['Updated 1:23 PM ET, Wed March 28, 2018', '2018-03-28', true],
  ['Published 28 March 2018', '2018-03-28', true],
  ['Posted: 2019-11-05 14:02 GMT', '2019-11-05', true],
  ['The deal was signed on March 28, 2018 in Paris by both sides.', '2018-03-28', false],
  ['February 30, 2018', undefined, false],
];
for (const [line, date, wholeLine] of VISIBLE_DATES) {
  test(`visible date: ${JSON.stringify(line)}`, () => {
    const found = findVisibleDate(line);
    assert.equal(found?.date, date);
    if (found) assert.equal(found.wholeLine, wholeLine);
  });
}
