/**
 * The compiled gazetteer (`models/gazetteer/gazetteer.tsv.gz`, built by
 * `scripts/build-gazetteer.ts`): entries in columns, and an index from lookup key to entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeKey } from './normalize.js';

/** What an entry is. `landmark` is a named building or street the team table adds. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'region' | 'water' | 'continent' | 'landmark';

/** One gazetteer entry, as handed out by {@link Gazetteer.entry}. */
export interface GazetteerEntry {
  /** Index of the entry in this gazetteer (stable for one build). */
  readonly index: number;
  readonly name: string;
  /** `name` folded by {@link placeKey}. */
  readonly key: string;
  readonly kind: PlaceKind;
  /** GeoNames feature code (`PPLC` for a capital, `ADM1`, `SEA`, ...), or `TEAM` for the team table. */
  readonly featureCode: string;
  /** ISO 3166-1 alpha-2; `''` for continents, oceans and multi-country regions. */
  readonly countryCode: string;
  /** GeoNames admin1 code within the country (`CA` for California), or `''`. */
  readonly admin1: string;
  readonly admin2: string;
  readonly lat: number;
  readonly lon: number;
  /** Inhabitants; for a region, the sum over its cities500 places; 0 when unknown. */
  readonly population: number;
  /** GeoNames id, or undefined for the team's own entries. */
  readonly geonameId: number | undefined;
}

/** Loaded gazetteer: read-only after loading, shared by every article. */
export interface Gazetteer {
  /** Number of entries. */
  readonly size: number;
  /** The entry at an index. */
  entry(index: number): GazetteerEntry;
  /** Entries whose name or alias folds to the same key as `name` (see {@link placeKey}). */
  lookup(name: string): readonly number[];
  /** Same, by an already folded key. */
  lookupKey(key: string): readonly number[];
  /** Entries for which `name` is a demonym or people-noun (`Libyan`, `Europeans`). */
  lookupDemonym(name: string): readonly number[];
  /** The country entry for an ISO code. */
  country(countryCode: string): number | undefined;
  /** The admin1 entry for a country and admin1 code. */
  admin1(countryCode: string, admin1: string): number | undefined;
  /** Longest name in words, to bound phrase matching. */
  readonly maxNameWords: number;
}

const KINDS: readonly PlaceKind[] = ['country', 'admin1', 'admin2', 'city', 'region', 'water', 'continent', 'landmark'];
const EMPTY: readonly number[] = [];

/**
 * The package root: the nearest folder above this module that holds `package.json`, so the
 * default path works from `src/` (tsx) and from `dist/` alike.
 */
function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`places: no package.json above ${fileURLToPath(import.meta.url)}; pass the gazetteer folder to loadGazetteer(dir)`);
    directory = parent;
  }
}

/** Default folder of the compiled gazetteer: `models/gazetteer` in the package root. */
export function defaultGazetteerDir(): string {
  return join(packageRoot(), 'models', 'gazetteer');
}

/**
 * Loads the compiled gazetteer from `dir` (default {@link defaultGazetteerDir}).
 * Throws when the index is missing: run `npm run build:gazetteer`.
 */
export function loadGazetteer(dir: string = defaultGazetteerDir()): Gazetteer {
  const path = join(dir, 'gazetteer.tsv.gz');
  if (!existsSync(path)) throw new Error(`places: gazetteer index not found at ${path}; run npm run build:gazetteer`);
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  if (header[0] !== '#lede-gazetteer') throw new Error(`places: ${path} is not a Lede gazetteer index; rebuild it with npm run build:gazetteer`);
  const maxNameWords = Number(header[2]) || 4;
  const section = (name: string, from: number): [number, number] => {
    const [tag, count] = (lines[from] ?? '').split('\t');
    if (tag !== `#${name}`) throw new Error(`places: ${path} lacks its ${name} section; rebuild it with npm run build:gazetteer`);
    return [from + 1, from + 1 + Number(count)];
  };
  const [entriesStart, entriesEnd] = section('entries', 1);
  const [namesStart, namesEnd] = section('names', entriesEnd);
  const [demonymsStart, demonymsEnd] = section('demonyms', namesEnd);
  const size = entriesEnd - entriesStart;

  // Entry lines stay unparsed until asked for (most are never asked for); the name and demonym
  // keys go into maps, since a lookup per capitalised word is the finder's hot path.
  const indexKeys = (start: number, end: number): Map<string, number> => {
    const map = new Map<string, number>();
    for (let line = start; line < end; line++) {
      const text = lines[line] ?? '';
      map.set(text.slice(0, text.indexOf('\t')), line);
    }
    return map;
  };
  const nameLines = indexKeys(namesStart, namesEnd);
  const demonymLines = indexKeys(demonymsStart, demonymsEnd);
  // Parsed id lists and entries, filled as articles ask for them: a name is parsed once per process.
  const idLists = new Map<number, readonly number[]>();
  const search = (keys: Map<string, number>, key: string): readonly number[] => {
    const lineNumber = keys.get(key);
    if (lineNumber === undefined) return EMPTY;
    let ids = idLists.get(lineNumber);
    if (!ids) {
      const line = lines[lineNumber] ?? '';
      ids = Object.freeze(line.slice(line.indexOf('\t') + 1).split(',').map(Number));
      idLists.set(lineNumber, ids);
    }
    return ids;
  };
  const parsed = new Map<number, GazetteerEntry>();
  const entry = (index: number): GazetteerEntry => {
    const known = parsed.get(index);
    if (known) return known;
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`places: no gazetteer entry ${index}`);
    const [geonameId, kind, featureCode, countryCode, admin1, admin2, lat, lon, population, name, key] = (lines[entriesStart + index] ?? '').split('\t');
    const value: GazetteerEntry = Object.freeze({
      index,
      name: name ?? '',
      key: key || (name ?? '').toLowerCase(),
      kind: (KINDS.includes(kind as PlaceKind) ? kind : 'city') as PlaceKind,
      featureCode: featureCode ?? '',
      countryCode: countryCode ?? '',
      admin1: admin1 ?? '',
      admin2: admin2 ?? '',
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population) || 0,
      geonameId: Number(geonameId) || undefined,
    });
    parsed.set(index, value);
    return value;
  };
  // Countries and admin1 regions: a few thousand lines, found once at load.
  const countries = new Map<string, number>();
  const admins = new Map<string, number>();
  for (let index = 0; index < size; index++) {
    const line = lines[entriesStart + index] ?? '';
    const kindStart = line.indexOf('\t') + 1;
    if (line.startsWith('country\t', kindStart)) countries.set(line.split('\t')[3] ?? '', index);
    else if (line.startsWith('admin1\t', kindStart)) {
      const fields = line.split('\t');
      admins.set(`${fields[3]}.${fields[4]}`, index);
    }
  }
  return {
    size,
    maxNameWords,
    entry,
    lookup: (name) => search(nameLines, placeKey(name)),
    lookupKey: (key) => search(nameLines, key),
    lookupDemonym: (name) => search(demonymLines, placeKey(name)),
    country: (countryCode) => countries.get(countryCode),
    admin1: (countryCode, admin1) => admins.get(`${countryCode}.${admin1}`),
  };
}
