/**
 * The seed article (a real scraped CNN story in ../shared, never copied here) must come out right.
 * Skipped when ../shared is not beside the checkout.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';

const seedPath = join(import.meta.dirname, '..', '..', '..', 'shared', 'examples', 'seed-article.txt');
const skip = !existsSync(seedPath) && 'needs ../shared/examples/seed-article.txt';

test('seed: metadata, clean body and exactly 18 sentences', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28', id: 'seed' });
  assert.equal(doc.meta.publisher, 'CNN');
  assert.equal(doc.meta.dateline, 'Washington');
  assert.equal(doc.meta.published, '2018-03-28');
  assert.ok(doc.text.startsWith('The US military conducted'), `body starts ${JSON.stringify(doc.text.slice(0, 40))}`);
  assert.ok(!doc.text.includes('FILE'), 'caption residue left in the body');
  assert.equal(doc.sentences.length, 18, doc.sentences.map((s) => doc.text.slice(s.start, s.end)).join('\n'));
  assert.ok(doc.sentences.some((s) => doc.text.slice(s.start, s.end).includes('Maj. Sheryll Klinkel')), 'split after Maj.');
  assert.deepEqual(doc.removals.map((removal) => removal.reason), ['photo caption or credit', 'dateline']);
});

test('seed: time expressions resolve from the publication date', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28', id: 'seed' });
  const values = new Map(doc.timexes.map((timex) => [doc.text.slice(timex.start, timex.end), timex]));
  const expected: ReadonlyArray<readonly [string, string]> = [
    ['Saturday', '2018-03-24'], ['Wednesday', '2018-03-28'], ['last month', '2018-02'], ['2011', '2011'],
    ['the end of 2016', '2016'], ['2013', '2013'], ['September 2012', '2012-09'], ['2012', '2012'],
  ];
  for (const [phrase, value] of expected) assert.equal(values.get(phrase)?.value, value, `${phrase}: ${JSON.stringify(values.get(phrase))}`);
  assert.equal(values.get('the end of 2016')?.mod, 'END');
  assert.equal(values.get('the end of 2016')?.precision, 'year');
});

test('seed: without a publication date, relative times stay unresolved and say why', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { id: 'seed-undated' });
  const byText = new Map(doc.timexes.map((timex) => [doc.text.slice(timex.start, timex.end), timex]));
  assert.equal(byText.get('2011')?.value, '2011');
  assert.equal(byText.get('September 2012')?.value, '2012-09');
  for (const phrase of ['Saturday', 'Wednesday', 'last month']) assert.equal(byText.get(phrase)?.resolved, false, phrase);
  assert.ok(doc.diagnostics.some((diagnostic) => diagnostic.stage === 'time'), 'no diagnostic about the missing date');
});

test('seed: places resolve with coordinates', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28', id: 'seed' });
  const place = (phrase: string) => doc.places.find((entry) => doc.text.slice(entry.start, entry.end) === phrase);
  const ubari = place('Ubari');
  assert.equal(ubari?.countryCode, 'LY');
  assert.ok(Math.abs((ubari?.lat ?? 0) - 26.6) < 0.3 && Math.abs((ubari?.lon ?? 0) - 12.8) < 0.3, JSON.stringify(ubari));
  for (const [phrase, code] of [['Libya', 'LY'], ['Sirte', 'LY'], ['Benghazi', 'LY'], ['Algeria', 'DZ'], ['Mali', 'ML']] as const) {
    assert.equal(place(phrase)?.countryCode, code, phrase);
  }
  assert.ok(place('North Africa')?.lat !== undefined, 'North Africa unresolved');
  const amenas = doc.places.find((entry) => doc.text.slice(entry.start, entry.end).includes('Amenas'));
  assert.equal(amenas?.countryCode, 'DZ');
  assert.equal(amenas?.precision, 'country');
  const dateline = doc.places.find((entry) => entry.rule.startsWith('dateline'));
  assert.equal(dateline?.name, 'Washington');
  assert.ok(Math.abs((dateline?.lat ?? 0) - 38.9) < 0.2, 'dateline is not Washington, D.C.');
});

test('seed: entities, their types, aliases and roles', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28', id: 'seed' });
  const entityNamed = (name: string) => doc.entities.find((entity) => entity.aliases.includes(name) || entity.name === name);
  const expectations: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['Robyn Mack', 'PER', []], ['Musa Abu Dawud', 'PER', ['Dawud']], ['Sheryll Klinkel', 'PER', ['Klinkel']], ['Moammar Gadhafi', 'PER', []],
    ['US Africa Command', 'ORG', ['Africa Command']], ['AQIM', 'ORG', ['al-Qa’ida in the Lands of the Islamic Maghreb']],
    ['al Qaeda', 'ORG', ['Al Qaeda']], ['ISIS', 'ORG', []], ['CNN', 'ORG', []], ['Libyan Government of National Accord', 'ORG', []], ['Pentagon', 'ORG', []],
    ['Libya', 'LOC', []], ['Ubari', 'LOC', []], ['Sirte', 'LOC', []], ['Benghazi', 'LOC', []], ['Algeria', 'LOC', []], ['Mali', 'LOC', []],
    ['In Amenas', 'LOC', []], ['North Africa', 'LOC', []], ['Libyan Desert', 'LOC', []],
  ];
  for (const [name, type, aliases] of expectations) {
    const entity = entityNamed(name);
    assert.ok(entity, `${name} is not an entity`);
    assert.equal(entity.type, type, `${name} typed ${entity.type}`);
    for (const alias of aliases) assert.ok(entity.aliases.includes(alias), `${name} lacks alias ${alias}: ${entity.aliases.join(', ')}`);
  }
  const mack = entityNamed('Robyn Mack');
  assert.equal(mack?.roles[0]?.role, 'spokesperson');
  assert.equal(mack?.roles[0]?.affiliation, entityNamed('US Africa Command')?.id);
  const klinkel = entityNamed('Sheryll Klinkel');
  assert.equal(klinkel?.roles[0]?.rank, 'Maj.');
  assert.equal(klinkel?.roles[0]?.affiliation, entityNamed('Pentagon')?.id);
  assert.equal(entityNamed('Moammar Gadhafi')?.roles[0]?.role, 'dictator');
  for (const word of ['FILE', 'Washington']) assert.ok(!doc.entities.some((entity) => entity.aliases.includes(word)), `${word} (caption or dateline) became an entity`);
  const official = doc.mentions.find((mention) => doc.text.slice(mention.start, mention.end) === 'the official');
  assert.ok(official?.entity, '"the official" is not linked');
  assert.equal(doc.entities.find((entity) => entity.id === official.entity)?.roles[0]?.affiliation, entityNamed('US Africa Command')?.id);
});
