import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCasualties, actorKind } from './event-extractor.js';
import { assaultMode, classifyAcledByLexicon } from './event-classifier.js';
import { eventsToCsv } from './events-csv.js';
import type { Doc } from '../../doc/schema.js';

const show = (text: string, span: { start: number; end: number }): string => `[${span.start},${span.end}) ${JSON.stringify(text.slice(span.start, span.end))}`;

const casualtyCases: readonly [string, string, number | null, string, string][] = [
  // [text, kind, count, qualifier, who]
  ['The raid killed five civilians in the market.', 'killed', 5, 'exact', 'civilians'],
  ['The blast killed at least 12 people on Monday.', 'killed', 12, 'minimum', 'people'],
  ['Officials said about 30 people were injured.', 'injured', 30, 'approximate', 'people'],
  ['The army assessed that no civilians were killed.', 'killed', 0, 'zero', 'civilians'],
  ['Gunmen stormed the hotel, killing several guests.', 'killed', null, 'minimum', 'guests'],
  ['An attack that killed our ambassador and several others.', 'killed', null, 'minimum', 'others'],
  // Count first: the verb after the count decides the kind (these read "injured" until 2026-11-27).
  ['Five civilians were killed in the attack on Tuesday.', 'killed', 5, 'exact', 'civilians'],
  ['At least 26 people died in Mamuju.', 'killed', 26, 'minimum', 'people'],
  ['Nearly 40 villagers were dead by nightfall.', 'killed', 40, 'approximate', 'villagers'],
  ['Two police officers were wounded.', 'injured', 2, 'exact', 'police officers'],
  ['Seventy-five people were wounded.', 'injured', 75, 'exact', 'people'],
  // A toll.
  ['The death toll from the missile strike on the building rose to 40 on Sunday.', 'killed', 40, 'exact', ''],
  ['The death toll stood at more than 1,200.', 'killed', 1200, 'minimum', ''],
  // The count alone, its noun left out.
  ['The shelling wounded nearly 600 on Saturday.', 'injured', 600, 'approximate', ''],
  ['Gunmen stormed the village, killing 12.', 'killed', 12, 'exact', ''],
];
for (const [text, kind, count, qualifier, who] of casualtyCases) {
  test(`casualty: ${text}`, () => {
    const found = findCasualties(text, { start: 0, end: text.length });
    assert.equal(found.length, 1, found.map((c) => show(text, c)).join(', '));
    const [casualty] = found;
    assert.equal(casualty!.kind, kind);
    assert.equal(casualty!.count, count, show(text, casualty!));
    assert.equal(casualty!.qualifier, qualifier);
    assert.equal(casualty!.who, who);
  });
}

const noCasualtyCases: readonly string[] = [
  'The death toll is not yet known.',
  // "1.5 million" is no count of 1.
  'Ottoman Turks killed approximately 1.5 million Armenians.',
  'US aircraft carried out over 500 airstrikes against ISIS.',
  'The killing of the journalist was condemned in 2012.',
  'Three people attended the meeting.',
];
for (const text of noCasualtyCases) {
  test(`no casualty: ${text}`, () => {
    const found = findCasualties(text, { start: 0, end: text.length });
    assert.equal(found.length, 0, found.map((c) => show(text, c)).join(', '));
  });
}

const kindCases: readonly [string, string | undefined][] = [
  ['US military', 'state military'], ['Nigerian police', 'police'], ['al Qaeda', 'armed group'], ['Boko Haram', 'armed group'],
  ['protesters', 'protesters'], ['villagers', 'civilians'], ['Libyan Government of National Accord', 'government'], ['Apple', undefined],
];
for (const [phrase, kind] of kindCases) test(`actor kind: ${phrase} → ${kind ?? 'none'}`, () => assert.equal(actorKind(phrase), kind));

const modeCases: readonly [string, string | undefined][] = [
  ['Warplanes bombed the village.', 'aerial'], ['A drone strike hit the car.', 'drone'], ['A suicide bomber blew himself up.', 'suicide-attack'],
  ['Rebels shelled the town with mortars.', 'heavy-weapons'], ['A roadside bomb exploded.', 'explosives'], ['Gunmen opened fire on the bus.', 'firearms'],
  ['The ministers met in Geneva.', undefined],
];
for (const [text, mode] of modeCases) test(`assault mode: ${text} → ${mode ?? 'none'}`, () => assert.equal(assaultMode(text), mode));

const lexiconCases: readonly [string, string][] = [
  ['Coalition warplanes carried out airstrikes on the town.', 'AIR_STRIKE'], ['A suicide bomber detonated his vest at a checkpoint.', 'SUIC_BOMB'],
  ['Police arrested 12 people.', 'ARREST'], ['Militants kidnapped two aid workers.', 'ABDUCT_DISSAP'], ['A magnitude 6 earthquake struck the region.', 'NATURAL_DISASTER'],
];
for (const [text, code] of lexiconCases) test(`lexicon baseline: ${text} → ${code}`, () => assert.equal(classifyAcledByLexicon(text), code));

test('CSV: one row per event with ACLED columns, quoted fields', () => {
  const text = 'Warplanes struck Ubari, killing two fighters.';
  const doc = {
    meta: { id: 'a1' }, text,
    places: [{ id: 'pl1', start: 17, end: 22, name: 'Ubari', kind: 'city', countryCode: 'LY', lat: 26.59, lon: 12.78, precision: 'city', confidence: 1, rule: 't' }],
    events: [{
      id: 'ev1', start: 0, end: text.length, ploverType: 'ASSAULT', mode: 'aerial', acledType: 'Explosions/Remote violence', acledSubType: 'Air/drone strike',
      actors: [{ entity: null, name: 'Warplanes', kind: 'state military' }], targets: [], place: 'pl1',
      date: { value: '2018-03-24', timex: 't1', fromPublication: false },
      casualties: [{ kind: 'killed', count: 2, qualifier: 'exact', who: 'fighters', start: 24, end: 44 }],
      source: null, flags: { historical: false, negated: false, hypothetical: false, aggregate: false },
      evidence: [{ start: 0, end: text.length }], trigger: { start: 10, end: 16 }, rule: 'trigger',
    }],
  } as unknown as Doc;
  const lines = eventsToCsv([doc]).trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^event_id,article_id,event_date,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,fatalities,source,notes,plover_type,mode/);
  assert.equal(lines[1], 'ev1,a1,2018-03-24,Explosions/Remote violence,Air/drone strike,Warplanes (state military),,LY,Ubari,26.59,12.78,2,,"Warplanes struck Ubari, killing two fighters.",ASSAULT,aerial,');
});

const seedPath = join(process.cwd(), '..', 'shared', 'examples', 'seed-article.txt');
test('seed article: the Ubari strike is one record with its participants, place, date, toll and source', { skip: !existsSync(seedPath) }, async () => {
  const { createPipeline } = await import('../../pipeline/pipeline.js');
  const { normalizeStage } = await import('../normalize/stage.js');
  const { segmentStage } = await import('../segment/stage.js');
  const { entitiesStage } = await import('../entities/stage.js');
  const { timeStage } = await import('../time/stage.js');
  const { placesStage } = await import('../places/stage.js');
  const { quotesStage } = await import('../quotes/stage.js');
  const { eventsStage } = await import('./stage.js');
  const pipeline = await createPipeline([normalizeStage, segmentStage, entitiesStage, timeStage, placesStage, quotesStage, eventsStage]);
  const doc = pipeline.analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28' });
  const main = doc.events[0]!;
  assert.equal(main.ploverType, 'ASSAULT');
  assert.equal(main.mode, 'aerial');
  assert.equal(main.acledSubType, 'Air/drone strike');
  assert.equal(main.date?.value, '2018-03-24');
  assert.equal(doc.places.find((place) => place.id === main.place)?.name, 'Ubari');
  assert.ok(main.actors.some((actor) => actor.kind === 'state military' && actor.countryCode === 'US'), JSON.stringify(main.actors));
  assert.ok(main.targets.some((target) => /qaeda/i.test(target.name) && target.kind === 'armed group'), JSON.stringify(main.targets));
  assert.ok(main.casualties.some((casualty) => casualty.kind === 'killed' && casualty.count === 2 && /Musa Abu Dawud/.test(casualty.who ?? '')));
  assert.ok(main.casualties.some((casualty) => casualty.qualifier === 'zero' && casualty.who === 'civilians'));
  assert.equal(main.source?.name, 'US Africa Command');
  assert.ok(main.evidence.length >= 4, main.evidence.map((span) => show(doc.text, span)).join('\n'));
  const background = doc.events.slice(1);
  assert.ok(background.every((event) => event.flags.historical || event.flags.aggregate), background.map((event) => show(doc.text, event.trigger)).join(', '));
  assert.ok(background.some((event) => event.date?.value === '2013' && event.casualties.some((casualty) => casualty.count === 3)));
  assert.ok(background.some((event) => event.date?.value === '2012-09'));
});
