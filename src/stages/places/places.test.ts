import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Place } from '../../doc/schema.js';
import { defaultGazetteerDir, loadGazetteer } from './gazetteer.js';
import { placeKey } from './normalize.js';
import { resolvePlaces, type ToponymSpan } from './place-resolver.js';
import { datelineRegion } from './stage.js';
import { findToponyms, isMetonymic, toponymUse, type LocationMention, type ToponymUse } from './toponym-finder.js';

const gazetteer = loadGazetteer();

/** Spans of the given names in the text (each name's first occurrence after the previous one). */
function spansOf(text: string, names: readonly string[]): ToponymSpan[] {
  let from = 0;
  return names.map((name) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`test setup: ${JSON.stringify(name)} not in ${JSON.stringify(text)}`);
    from = start + name.length;
    return { start, end: start + name.length };
  });
}

function describe(text: string, place: Place | undefined): string {
  if (!place) return 'no place';
  return `[${place.start},${place.end}) "${text.slice(place.start, place.end)}" → ${place.name} (${place.kind}, ${place.countryCode ?? '-'}, ${place.lat},${place.lon}, ${place.precision}, ${place.rule})`;
}

function distanceKm(latA: number, lonA: number, latB: number, lonB: number): number {
  const radians = Math.PI / 180;
  const h = Math.sin(((latB - latA) * radians) / 2) ** 2 + Math.cos(latA * radians) * Math.cos(latB * radians) * Math.sin(((lonB - lonA) * radians) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

test('placeKey folds periods, accents, case and curly apostrophes', () => {
  assert.equal(placeKey('U.S.'), 'us');
  assert.equal(placeKey('Türkiye'), 'turkiye');
  assert.equal(placeKey('St. Louis'), 'st louis');
  assert.equal(placeKey('Côte d’Ivoire'), "cote d'ivoire");
  assert.equal(placeKey('Guinea-Bissau'), 'guinea bissau');
});

test('the gazetteer loads from the committed index', { skip: !existsSync(join(defaultGazetteerDir(), 'gazetteer.tsv.gz')) }, () => {
  assert.ok(gazetteer.size > 200_000, `only ${gazetteer.size} entries`);
  const us = gazetteer.country('US');
  assert.ok(us !== undefined);
  // GeoNames' own point for the US, which the benchmarks use.
  assert.equal(gazetteer.entry(us).lat, 39.76);
  assert.equal(gazetteer.entry(us).lon, -98.5);
});

/** [behaviour, sentence, toponyms, which toponym to check, expected name, country, kind, near lat, near lon] */
type ResolveCase = readonly [string, string, readonly string[], number, string, string | undefined, string, number, number];

const RESOLVE_CASES: readonly ResolveCase[] = [
  ['a town placed by the country after a comma', 'The strike hit a camp near Ubari, Libya, on Saturday.', ['Ubari', 'Libya'], 0, 'Ubari', 'LY', 'city', 26.6, 12.8],
  ['a city placed by a country later in the article', 'Fighters fled Sirte. The war in Libya goes on.', ['Sirte', 'Libya'], 0, 'Sirte', 'LY', 'city', 31.2, 16.6],
  ['a country over its namesake towns', 'Trade with China grew, officials in China said.', ['China', 'China'], 0, 'China', 'CN', 'country', 35, 105],
  ['the capital over the state and the English town', 'Talks resumed in Washington on Monday.', ['Washington'], 0, 'Washington', 'US', 'city', 38.9, -77.04],
  ['English exonym Britain', 'Britain sent two ships.', ['Britain'], 0, 'United Kingdom', 'GB', 'country', 54.76, -2.7],
  // The index names the region `Zamfara State`; news writes `Zamfara state` or `Zamfara`.
  ['a region named without its kind word', 'Gunmen abducted 73 students in Zamfara state on Wednesday.', ['Zamfara'], 0, 'Zamfara State', 'NG', 'admin1', 12.2, 6.0],
  // GeoNames spells it `Hiiraan`; news and dr5hn's table `Hiran` (an alias the index build adds).
  ['a region by another spelling of its name', 'Militants attacked a base in the Hiran region of Somalia.', ['Hiran', 'Somalia'], 0, 'Hiiraan', 'SO', 'admin1', 4.0, 45.4],
  ['a name listed with other cities is a city, not its province', 'Power cuts hit Kyiv, Lviv and several other cities overnight.', ['Kyiv', 'Lviv'], 1, 'Lviv', 'UA', 'city', 49.84, 24.02],
  ['the US with its article', 'Troops from the US arrived.', ['the US'], 0, 'United States', 'US', 'country', 39.76, -98.5],
  ['U.S. with periods', 'The U.S. embassy reopened.', ['U.S.'], 0, 'United States', 'US', 'country', 39.76, -98.5],
  ['Turkey, which world-countries calls Türkiye', 'Flights to Turkey resumed.', ['Turkey'], 0, 'Turkey', 'TR', 'country', 39, 35],
  ['D.C. alone', 'She moved to D.C. last year.', ['D.C.'], 0, 'Washington', 'US', 'city', 38.9, -77.04],
  ['North Africa as a region', 'Drought spread across North Africa.', ['North Africa'], 0, 'Northern Africa', undefined, 'region', 33, 10],
  ['the Maghreb', 'Migrants crossed the Maghreb.', ['Maghreb'], 0, 'Al Maghrib', undefined, 'region', 30, 5],
  ['the Libyan Desert from the team table', 'Patrols searched the Libyan Desert.', ['Libyan Desert'], 0, 'Libyan Desert', undefined, 'region', 25, 25],
  ['a US state by its AP abbreviation', 'He grew up in Fresno, Calif., and left.', ['Fresno', 'Calif.'], 1, 'California', 'US', 'admin1', 37, -119],
  ['a city placed by its state after a comma', 'The plant in Springfield, Illinois, closed.', ['Springfield', 'Illinois'], 0, 'Springfield', 'US', 'city', 39.8, -89.64],
  ['the state of Georgia when a city in it comes first', 'Storms hit Atlanta, Georgia, overnight.', ['Atlanta', 'Georgia'], 1, 'Georgia', 'US', 'admin1', 32.7, -83.4],
  ['a demonym names its country', 'Libyan forces advanced.', ['Libyan'], 0, 'Libya', 'LY', 'country-demonym', 28, 17],
  ['a demonym over a namesake town (Canadian, Texas)', 'Canadian troops arrived.', ['Canadian'], 0, 'Canada', 'CA', 'country-demonym', 60.1, -113.6],
  ['an ocean, not a town, in an American story', 'Boston and Miami braced as the storm crossed the Atlantic.', ['Boston', 'Miami', 'Atlantic'], 2, 'Atlantic Ocean', undefined, 'water', 10, -25],
];

for (const [behaviour, text, names, which, name, countryCode, kind, lat, lon] of RESOLVE_CASES) {
  test(`resolve: ${behaviour}`, () => {
    const places = resolvePlaces(text, spansOf(text, names), { gazetteer });
    const span = spansOf(text, names)[which]!;
    const place = places.find((candidate) => candidate.start === span.start && candidate.end === span.end);
    const shown = describe(text, place);
    assert.ok(place, `${text.slice(span.start, span.end)}: ${shown}`);
    assert.equal(place.name, name, shown);
    assert.equal(place.countryCode, countryCode, shown);
    assert.equal(place.kind, kind, shown);
    assert.ok(distanceKm(place.lat ?? 0, place.lon ?? 0, lat, lon) < 161, shown);
  });
}

test('resolve: a place no gazetteer knows falls back to the country the sentence gives', () => {
  const text = 'The attack on the Qarnawat gas plant in Algeria killed three.';
  const places = resolvePlaces(text, spansOf(text, ['Qarnawat']), { gazetteer });
  const place = places[0];
  assert.ok(place, 'no place');
  assert.equal(place.name, 'Algeria', describe(text, place));
  assert.equal(place.precision, 'country', describe(text, place));
  assert.equal(place.rule, 'containing-unit', describe(text, place));
});

test('resolve: a name nothing knows lies in the place right after it, not in the country the article names most', () => {
  const text = 'Chinese rivals grow in China. Production will begin at the Qarnawat in Austin next month.';
  const places = resolvePlaces(text, spansOf(text, ['China', 'Qarnawat', 'Austin']), { gazetteer });
  const place = places.find((found) => text.slice(found.start, found.end) === 'Qarnawat');
  assert.ok(place, 'no place');
  assert.equal(place.name, 'Austin', describe(text, place));
  assert.equal(place.countryCode, 'US', describe(text, place));
  assert.equal(place.rule, 'containing-place', describe(text, place));
  assert.ok(place.confidence <= 0.4, describe(text, place));
});

test('resolve: a unit noun after a name asks for the unit, found under the name alone or with the noun', () => {
  const text = 'The quake hit Doganyol in Malatya province. Gunmen raided a school in Kaduna state.';
  const places = resolvePlaces(text, spansOf(text, ['Malatya', 'Kaduna']), { gazetteer });
  assert.deepEqual(places.map((place) => [place.name, place.kind, place.countryCode]), [['Malatya', 'admin1', 'TR'], ['Kaduna State', 'admin1', 'NG']], places.map((place) => describe(text, place)).join('; '));
});

test('resolve: a name the text once places is that place at its other mentions, against a namesake of the same kind', () => {
  const text = 'Gunmen killed 17 people in central Nigeria’s Plateau state. Plateau police said five were held. Plateau has seen years of violence.';
  const places = resolvePlaces(text, spansOf(text, ['Nigeria', 'Plateau', 'Plateau', 'Plateau']), { gazetteer });
  assert.deepEqual(places.filter((place) => place.name !== 'Nigeria').map((place) => [place.name, place.countryCode]), [['Plateau State', 'NG'], ['Plateau State', 'NG'], ['Plateau State', 'NG']], places.map((place) => describe(text, place)).join('; '));
});

test('resolve: the region a dateline names after its place picks among the place\'s namesakes', () => {
  const text = 'Nvidia forecast revenue above estimates.';
  const places = resolvePlaces(text, [{ start: 0, end: 0, source: 'dateline', surface: 'Santa Clara' }], { gazetteer, dateline: 'Santa Clara', datelineRegion: 'California' });
  assert.deepEqual(places.map((place) => [place.name, place.countryCode]), [['Santa Clara', 'US']], places.map((place) => describe(text, place)).join('; '));
  assert.equal(datelineRegion([{ reason: 'dateline', text: 'SANTA CLARA, California, Nov 20 (Reuters) - ' }], 'Santa Clara'), 'California');
  assert.equal(datelineRegion([{ reason: 'dateline', text: 'WASHINGTON, March 28 (AP) — ' }], 'Washington'), undefined);
  assert.equal(datelineRegion([{ reason: 'dateline', text: 'BALTIMORE, Maryland (AP) — ' }], 'Baltimore'), 'Maryland');
});

test('resolve: a country named in full stands for the short name it ends with', () => {
  const text = 'The outbreak in the Democratic Republic of Congo grew. Cases in Congo rose.';
  const places = resolvePlaces(text, spansOf(text, ['Democratic Republic of Congo', 'Congo']), { gazetteer });
  assert.deepEqual(places.map((place) => place.countryCode), ['CD', 'CD'], places.map((place) => describe(text, place)).join('; '));
});

test('resolve: a country named by any name stands for the end of its full name, but not for another country\'s own name', () => {
  const text = 'Cases rose in eastern DRC. Congo reported 524 deaths. South Sudan and Sudan closed borders.';
  const places = resolvePlaces(text, spansOf(text, ['DRC', 'Congo', 'South Sudan', 'Sudan']), { gazetteer });
  assert.deepEqual(places.map((place) => place.countryCode), ['CD', 'CD', 'SS', 'SD'], places.map((place) => describe(text, place)).join('; '));
});

test('gazetteer: `Northern Darfur` is found as `North Darfur`', () => {
  const found = gazetteer.lookup('North Darfur').map((index) => gazetteer.entry(index));
  assert.ok(found.some((entry) => entry.countryCode === 'SD' && entry.kind === 'admin1'), JSON.stringify(found));
});

test('resolve: names nothing knows are placed along a chain of containers, from the last', () => {
  const text = 'China sent aid. Gunmen stormed the Qarnawat Girls School in Kuriga, in Kaduna state.';
  const places = resolvePlaces(text, spansOf(text, ['China', 'Qarnawat Girls School', 'Kuriga', 'Kaduna']), { gazetteer });
  const school = places.find((place) => text.slice(place.start, place.end) === 'Qarnawat Girls School');
  const kuriga = places.find((place) => text.slice(place.start, place.end) === 'Kuriga');
  assert.equal(kuriga?.name, 'Kaduna State', describe(text, kuriga));
  assert.equal(school?.name, 'Kaduna State', describe(text, school));
});

test('resolve: a street or building nothing knows lies in the dateline city, not at the country\'s middle', () => {
  const text = 'Officers found seven victims on Castalia Street, police said.';
  const places = resolvePlaces(text, spansOf(text, ['Castalia Street']), { gazetteer, dateline: 'Memphis' });
  const street = places.find((place) => text.slice(place.start, place.end) === 'Castalia Street');
  assert.equal(street?.name, 'Memphis', describe(text, street));
  assert.equal(street?.rule, 'dateline-city', describe(text, street));
  const hall = 'Xi spoke after talks at the Great Hall of the People.';
  const inHall = resolvePlaces(hall, spansOf(hall, ['Great Hall of the People']), { gazetteer, dateline: 'Beijing' })[0];
  assert.equal(inHall?.name, 'Beijing', describe(hall, inHall));
  const house = 'Ruto spoke at Qarnawat House.';
  assert.equal(resolvePlaces(house, spansOf(house, ['Qarnawat House']), { gazetteer, dateline: 'Nairobi' })[0]?.name, 'Nairobi');
  const ground = 'India beat South Africa in the final at Qarnawat Oval.';
  const atGround = resolvePlaces(ground, spansOf(ground, ['Qarnawat Oval']), { gazetteer, dateline: 'Bridgetown' })[0];
  assert.equal(atGround?.name, 'Bridgetown', describe(ground, atGround));
});

test('resolve: a name nothing knows falls back to the dateline\'s country over a country named once in passing', () => {
  const text = 'A wildfire raced down the slopes of Mount Qarnawat near Varnavas. Most of the dead were migrants who had crossed from Turkey.';
  const places = resolvePlaces(text, spansOf(text, ['Mount Qarnawat', 'Varnavas', 'Turkey']), { gazetteer, dateline: 'Athens' });
  const mountain = places.find((place) => text.slice(place.start, place.end) === 'Mount Qarnawat');
  assert.equal(mountain?.countryCode, 'GR', describe(text, mountain));
});

test('resolve: an organisation or person read as a place stands only where the article is, unless a unit or a large city', () => {
  const text = 'Hamas freed four hostages in Gaza. They were handed over to the Red Cross and flown to Tel Aviv. Obama spoke.';
  const spans = spansOf(text, ['Gaza', 'Red Cross', 'Tel Aviv', 'Obama']).map((span, index) => (index === 0 ? span : { ...span, source: 'coerced' }));
  const places = resolvePlaces(text, spans, { gazetteer });
  const named = (surface: string) => places.find((place) => text.slice(place.start, place.end) === surface);
  assert.equal(named('Red Cross'), undefined, describe(text, named('Red Cross')));
  assert.equal(named('Obama'), undefined, describe(text, named('Obama')));
  assert.equal(named('Tel Aviv')?.countryCode, 'IL', describe(text, named('Tel Aviv')));
  // Nor a well-known body in a country the article names (`Red Cross`, North Carolina, with the US named).
  const cross = 'U.S. envoys watched as the hostages were handed over to the Red Cross in Gaza City.';
  const crossSpans = spansOf(cross, ['U.S.', 'Red Cross', 'Gaza City']).map((span, index) => (index === 1 ? { ...span, source: 'coerced' as const } : span));
  assert.equal(resolvePlaces(cross, crossSpans, { gazetteer }).find((place) => cross.slice(place.start, place.end) === 'Red Cross'), undefined);
  // One no gazetteer knows at all is not put in the article's country either.
  const store = 'Israel fined Apple. The App Store must change.';
  const storeSpans = spansOf(store, ['Israel', 'App Store']).map((span, index) => (index === 0 ? span : { ...span, source: 'coerced' as const }));
  assert.equal(resolvePlaces(store, storeSpans, { gazetteer }).find((place) => store.slice(place.start, place.end) === 'App Store'), undefined);
});

test('find: a body of the solar system is no place on the map', () => {
  const text = 'On Earth, the gas is made only by living things; on Mars it is not.';
  const found = findToponyms(text, mentionsOf(text, [['Earth', 'LOC'], ['Mars', 'LOC']]), { gazetteer });
  assert.deepEqual(found.map((candidate) => text.slice(candidate.start, candidate.end)), []);
});

test('resolve: an unknown name with no containing unit gets no coordinates', () => {
  const text = 'Qarnawat is quiet.';
  assert.deepEqual(resolvePlaces(text, spansOf(text, ['Qarnawat']), { gazetteer }), []);
});

test('resolve: the dateline pulls toward its country and resolves as a city', () => {
  const text = 'Officials met on Monday.';
  const places = resolvePlaces(text, [{ start: 0, end: 0, source: 'dateline', surface: 'Washington' }], { gazetteer, dateline: 'Washington' });
  assert.equal(places[0]?.name, 'Washington', describe(text, places[0]));
  assert.equal(places[0]?.countryCode, 'US', describe(text, places[0]));
  assert.equal(places[0]?.kind, 'city', describe(text, places[0]));
});

test('resolve: the population baseline ranks by population alone', () => {
  const text = 'Trade with China grew.';
  const places = resolvePlaces(text, spansOf(text, ['China']), { gazetteer, strategy: 'population' });
  assert.equal(places[0]?.name, 'China', describe(text, places[0]));
});

/** [behaviour, sentence, LOC/ORG/PER/MISC mentions as [text, type], expected toponyms as text] */
type FindCase = readonly [string, string, readonly (readonly [string, string])[], readonly string[]];

const FIND_CASES: readonly FindCase[] = [
  ['a LOC mention is a toponym', 'Officials in Libya said so.', [['Libya', 'LOC']], ['Libya']],
  ['a gazetteer country the tagger missed', 'Troops left Algeria in May.', [], ['Algeria']],
  ['a demonym', 'Libyan forces advanced.', [], ['Libyan']],
  ['a MISC mention that is a region name', 'Patrols crossed the Libyan Desert.', [['Libyan Desert', 'MISC']], ['Libyan Desert']],
  ['US in capitals', 'Troops from the US arrived.', [], ['US']],
  ['U.S. keeps its periods', 'Forces from the U.S. landed.', [], ['U.S.']],
  ['a big city mid-sentence', 'Protests spread to Chicago on Friday.', [], ['Chicago']],
  ['an organisation the sentence puts on the map', 'He was arrested at Barclays Center on Friday.', [['Barclays Center', 'ORG']], ['Barclays Center']],
  ['a well-known place the tagger called ORG', 'Round five: Brands Hatch, Kent.', [['Brands Hatch', 'LOC'], ['Kent', 'ORG']], ['Brands Hatch', 'Kent']],
  ['a wire dateline in capitals', 'HOUSTON (AP) - Chris Paul hit a late shot.', [['Chris Paul', 'PER']], ['HOUSTON']],
  ['a demonym modifying a located noun', 'They were found in the British city of Salisbury.', [['British', 'MISC'], ['Salisbury', 'LOC']], ['British', 'Salisbury']],
  ['an unknown name placed by its clause', 'the In Amenas oil consortium in Algeria', [['In Amenas', 'LOC'], ['Algeria', 'LOC']], ['In Amenas', 'Algeria']],
  ['a wire dateline after a byline', 'By Jane Roe. BOSTON (Reuters) - A judge ruled.', [['Jane Roe', 'PER']], ['BOSTON']],
  ['a dateline city vouched for by its state', 'CAMP HARLOW, Wash. - A colonel spoke.', [], ['CAMP HARLOW', 'Wash.']],
  ['an unknown region after a direction', 'Shelling hit eastern Velmora again.', [['Velmora', 'LOC']], ['Velmora']],
  ['an unknown name in a list of known places', 'The band plays Copenhagen, Hamburg, Velmora and Mannheim.', [['Copenhagen', 'LOC'], ['Hamburg', 'LOC'], ['Velmora', 'LOC'], ['Mannheim', 'LOC']], ['Copenhagen', 'Hamburg', 'Velmora', 'Mannheim']],
  ['a mention without its trailing exclamation mark', 'There are strong women in Asia! Believe it.', [['Asia!', 'LOC']], ['Asia']],
  ['two mentions that make one known name', 'Rule ended in Bosnia and Herzegovina that year.', [['Bosnia', 'LOC'], ['Herzegovina', 'LOC']], ['Bosnia and Herzegovina']],
  ['two known places joined by and stay two', 'She flew to Hawaii and Europe in May.', [['Hawaii', 'LOC'], ['Europe', 'LOC']], ['Hawaii', 'Europe']],
  ['a place name before -based', 'The London-based firm grew.', [], ['London']],
  ['a known name closing a place after a comma', 'Round six: Oulton Park, Cheshire.', [['Oulton Park', 'LOC'], ['Cheshire', 'ORG']], ['Oulton Park', 'Cheshire']],
  ['a street the tagger called an organisation', 'A man was seen on Kelvin Avenue late at night.', [['Kelvin Avenue', 'ORG']], ['Kelvin Avenue']],
  ['a MISC name ending in a place word', 'The parade reached Harbour Fields by noon.', [['Harbour Fields', 'MISC']], ['Harbour Fields']],
  ['a country after its city', 'He spoke in Moscow, Russia on Thursday.', [['Moscow', 'LOC'], ['Russia', 'LOC']], ['Moscow', 'Russia']],
];

const NEGATIVE_FIND_CASES: readonly FindCase[] = [
  ['metonymy: Washington said', 'Washington said the talks would resume.', [['Washington', 'LOC']], []],
  ['metonymy: Moscow denied', 'Moscow denied any role.', [], []],
  ['a person named after a place', 'George Washington crossed the river.', [['George Washington', 'PER']], []],
  ['an organisation with a demonym inside', 'The Libyan National Army advanced.', [['Libyan National Army', 'ORG']], []],
  ['a MISC adjective that names a Ghanaian region', 'Western interests were hit.', [['Western', 'MISC']], []],
  ['a city name opening a sentence', 'Reading the report, she frowned.', [], []],
  ['a two-letter word in capitals', 'IN the end, OR so they say.', [], []],
  ['a LOC slip that no gazetteer or context places', 'Fans love Wavepiston and its songs.', [['Wavepiston', 'LOC']], []],
  ['an acronym after in', 'He ran in the UNP ticket.', [['UNP', 'ORG']], []],
  ['a name joined to a metonymic one', 'China and Russia hope that talks resume.', [['China', 'LOC'], ['Russia', 'LOC']], []],
  ['a buyer: sold jets to a country', 'The firm sold forty jets to Qatar last year.', [['Qatar', 'LOC']], []],
  ['a standing: the image of a country', 'The image of Russia has suffered.', [['Russia', 'LOC']], []],
  ['an employer after `<role> at`', 'Stacy Rasgon, an analyst at Bernstein, agreed.', [['Stacy Rasgon', 'PER'], ['Bernstein', 'ORG']], []],
];

function mentionsOf(text: string, mentions: readonly (readonly [string, string])[]): LocationMention[] {
  const spans = spansOf(text, mentions.map(([name]) => name));
  return spans.map((span, index) => ({ ...span, type: mentions[index]![1], id: `m${index + 1}` }));
}

for (const [behaviour, text, mentions, expected] of [...FIND_CASES, ...NEGATIVE_FIND_CASES]) {
  test(`find: ${behaviour}`, () => {
    const found = findToponyms(text, mentionsOf(text, mentions), { gazetteer });
    const shown = found.map((toponym) => `[${toponym.start},${toponym.end}) "${text.slice(toponym.start, toponym.end)}" ${toponym.source}`);
    assert.deepEqual(found.map((toponym) => text.slice(toponym.start, toponym.end)), expected, shown.join('; '));
  });
}

test('isMetonymic keeps "in Washington said" a place', () => {
  const text = 'Officials in Washington said the talks would resume.';
  assert.equal(isMetonymic(text, spansOf(text, ['Washington'])[0]!), false);
});

const seedPath = join(process.cwd(), '..', 'shared', 'examples', 'seed-article.txt');
const taggerModel = join(process.cwd(), 'models', 'ner', 'tagger.bin.gz');

/** A text run through the stages up to places (normalize, segment, entities, places). */
async function throughPlaces(source: string): Promise<import('../../doc/schema.js').Doc> {
  const [{ SCHEMA_VERSION }, { normalizeStage }, { segmentStage }, { entitiesStage }, { placesStage }] = await Promise.all([
    import('../../doc/schema.js'),
    import('../normalize/stage.js'),
    import('../segment/stage.js'),
    import('../entities/stage.js'),
    import('./stage.js'),
  ]);
  let doc = { schemaVersion: SCHEMA_VERSION, source, text: '', alignment: [], meta: { format: 'text' as const }, removals: [], paragraphs: [], sentences: [], tokens: [], mentions: [], entities: [], timexes: [], places: [], quotes: [], events: [], summary: [], diagnostics: [] } as import('../../doc/schema.js').Doc;
  for (const stage of [normalizeStage, segmentStage, entitiesStage, placesStage]) {
    const resource = stage.load ? await stage.load() : undefined;
    const assigned = stage.run(doc, resource, {});
    doc = { ...doc, ...assigned, meta: { ...doc.meta, ...(assigned.meta ?? {}) } };
  }
  return doc;
}

test('seed article: places resolve as the story says', { skip: !existsSync(seedPath) || !existsSync(taggerModel) }, async () => {
  const doc = await throughPlaces(readFileSync(seedPath, 'utf8'));
  const shown = doc.places.map((place) => describe(doc.text, place)).join('\n');
  const named = (surface: string): Place[] => doc.places.filter((place) => doc.text.slice(place.start, place.end) === surface);
  const ubari = named('Ubari')[0];
  assert.ok(ubari && Math.abs((ubari.lat ?? 0) - 26.6) < 0.3 && Math.abs((ubari.lon ?? 0) - 12.8) < 0.3, shown);
  for (const [surface, countryCode] of [['Libya', 'LY'], ['Sirte', 'LY'], ['Benghazi', 'LY'], ['Algeria', 'DZ'], ['Mali', 'ML']] as const) {
    assert.ok(named(surface).length > 0 && named(surface).every((place) => place.countryCode === countryCode), `${surface}:\n${shown}`);
  }
  assert.ok(named('North Africa')[0]?.kind === 'region', shown);
  const amenas = doc.places.find((place) => doc.text.slice(place.start, place.end).includes('Amenas'));
  assert.ok(amenas && amenas.name === 'Algeria' && amenas.precision === 'country', shown);
  const dateline = doc.places.find((place) => place.rule.startsWith('dateline'));
  assert.ok(dateline && dateline.name === 'Washington' && dateline.countryCode === 'US' && dateline.kind === 'city', shown);
});

/** [sentence, place name, expected use] */
const USE_CASES: readonly (readonly [string, string, ToponymUse])[] = [
  ['Troops were sent to Libya in May.', 'Libya', 'literal'],
  ['Washington said the talks would resume.', 'Washington', 'metonymic'],
  ["Russia's foreign ministry issued a note.", 'Russia', 'metonymic'],
  ["Fighting spread along Libya's coast.", 'Libya', 'literal-modifier'],
  ['The US military conducted a strike.', 'US', 'modifier'],
  ['Tanks rolled into the Boston suburbs.', 'Boston', 'literal-modifier'],
  ['Libya and Algeria share a border.', 'Libya', 'literal'],
  ["She survived Syria's notorious jails.", 'Syria', 'literal-modifier'],
  ['The US on Tuesday said it would act.', 'US', 'metonymic'],
  ['Britain accuses Russia of the attack.', 'Russia', 'metonymic'],
  ['Troops patrol the border with Mexico.', 'Mexico', 'literal'],
  ['He met the President of Ukraine.', 'Ukraine', 'modifier'],
  ['Oklahoma Gov. Mary Fallin signed it.', 'Oklahoma', 'modifier'],
  ['Relations between Russia and the West soured.', 'West', 'metonymic'],
  ['Houston flooded again.', 'Houston', 'literal'],
];

for (const [text, name, use] of USE_CASES) {
  test(`use: "${name}" in "${text}" is ${use}`, () => {
    assert.equal(toponymUse(text, spansOf(text, [name])[0]!), use);
  });
}

test('resolve: an unknown name falls back to the dateline’s country, not to a nationality named by a demonym', () => {
  const text = 'City won at the Qarnawat Stadium. “We were better,” the Italian said.';
  const places = resolvePlaces(text, [{ start: 0, end: 0, source: 'dateline', surface: 'Manchester' }, ...spansOf(text, ['Qarnawat Stadium', 'Italian'])], { gazetteer, dateline: 'Manchester' });
  const stadium = places.find((place) => text.slice(place.start, place.end) === 'Qarnawat Stadium');
  assert.ok(stadium, places.map((place) => describe(text, place)).join('; '));
  assert.equal(stadium.countryCode, 'GB', describe(text, stadium));
  // A stadium: the dateline's city itself (see the street case below).
  assert.equal(stadium.rule, 'dateline-city', describe(text, stadium));
});

test('resolve: a village or town is a settlement, in its stated region or a country the article names', () => {
  const cases: readonly (readonly [string, readonly string[], string, string])[] = [
    // Bahrain the country is no village; the gazetteer has no village of that name in Pakistan.
    ['Floods hit Pakistan on Monday. A shopkeeper in the village of Bahrain lost his store.', ['Pakistan', 'Bahrain'], 'Bahrain', 'PK'],
    // A namesake town in Burkina Faso, a country the article never names, is no reading of it.
    ['Gunmen attacked Kaya village in Zamfara state on Monday.', ['Kaya', 'Zamfara'], 'Kaya', 'NG'],
    ['In Nigeria, gunmen attacked Kaya village on Monday.', ['Nigeria', 'Kaya'], 'Kaya', 'NG'],
    // A demonym before `town` is no town, and the town keeps its reading in the country it names.
    ['Russian forces shelled the Ukrainian town of Bakhmut overnight.', ['Russian', 'Ukrainian', 'Bakhmut'], 'Bakhmut', 'UA'],
  ];
  for (const [text, names, target, countryCode] of cases) {
    const places = resolvePlaces(text, spansOf(text, names), { gazetteer });
    const place = places.find((candidate) => text.slice(candidate.start, candidate.end) === target);
    assert.ok(place, `${text}: ${places.map((candidate) => describe(text, candidate)).join('; ')}`);
    assert.equal(place.countryCode, countryCode, describe(text, place));
  }
  const bakhmut = 'Russian forces shelled the Ukrainian town of Bakhmut overnight.';
  const ukrainian = resolvePlaces(bakhmut, spansOf(bakhmut, ['Ukrainian']), { gazetteer })[0];
  assert.equal(ukrainian?.kind, 'country-demonym', describe(bakhmut, ukrainian));
});

test('resolve: a river or valley no gazetteer knows lies at the place it is named after', () => {
  const text = 'Heavy rain sent the Swat River over its banks in Pakistan.';
  const places = resolvePlaces(text, spansOf(text, ['Swat River', 'Pakistan']), { gazetteer });
  const river = places.find((place) => text.slice(place.start, place.end) === 'Swat River');
  assert.ok(river, places.map((place) => describe(text, place)).join('; '));
  assert.equal(river.name, 'Swat', describe(text, river));
  assert.equal(river.rule, 'feature-namesake', describe(text, river));
  assert.ok(river.confidence <= 0.4, describe(text, river));
});

test('gazetteer: a unit GeoNames names with its kind is found by its bare name, and adjectives news uses are demonyms', () => {
  const palawan = gazetteer.lookup('Palawan').map((index) => gazetteer.entry(index));
  assert.ok(palawan.some((entry) => entry.countryCode === 'PH' && entry.kind === 'admin2'), JSON.stringify(palawan));
  for (const [adjective, code] of [['Philippine', 'PH'], ['Kazakh', 'KZ'], ['Serb', 'RS']] as const) {
    const found = gazetteer.lookupDemonym(adjective).map((index) => gazetteer.entry(index));
    assert.ok(found.some((entry) => entry.countryCode === code), `${adjective}: ${JSON.stringify(found)}`);
  }
});

test('resolve: a name after a unit\'s possessive lies in that unit, or is that unit when the gazetteer knows it only elsewhere', () => {
  const text = 'The storm slammed into Florida\'s Big Bend region late on Thursday.';
  const places = resolvePlaces(text, spansOf(text, ['Florida', 'Big Bend']), { gazetteer });
  const bend = places.find((place) => text.slice(place.start, place.end) === 'Big Bend');
  assert.equal(bend?.countryCode, 'US', bend && describe(text, bend));
  assert.equal(bend?.name, 'Florida', bend && describe(text, bend));
});

test('an event named like a contest or a convention is no place in the dateline’s country', { skip: !existsSync(taggerModel) }, async () => {
  const source = 'LONDON (AP) — Djokovic beat Alcaraz in straight sets.\n\nHe has said he plans to compete at the U.S. Open later this month, after fighting in Eastern Ghouta ended.\n';
  const doc = await throughPlaces(source);
  const shown = doc.places.map((place) => describe(doc.text, place)).join('\n');
  assert.ok(!doc.places.some((place) => doc.text.slice(place.start, place.end).includes('Open')), shown);
});

test('Sudan’s Gezira state goes by its English name', () => {
  const text = 'Fighters attacked a village in Sudan\'s central Gezira state.';
  const place = resolvePlaces(text, spansOf(text, ['Sudan', 'Gezira']), { gazetteer }).find((candidate) => text.slice(candidate.start, candidate.end) === 'Gezira');
  assert.ok(place && place.kind === 'admin1' && place.countryCode === 'SD', describe(text, place));
});
