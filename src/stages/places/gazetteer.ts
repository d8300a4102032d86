/**
 * The compiled gazetteer (`models/gazetteer/gazetteer.tsv.gz`, built by
 * `scripts/build-gazetteer.ts`): entries in columns, and an index from lookup key to entries.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { placeKey } from './normalize.js';
import { modelsDirectory } from '../../util/package-root.js';
import { gzippedFileBytes } from '../../util/shared-bytes.js';
import { sortedUtf8Finder } from '../../util/sorted-utf8.js';

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
// Frozen like the id lists it stands in for: every answer has one array shape (V8 threw away
// code optimised for one when it met the other).
const EMPTY: readonly number[] = Object.freeze([]);

/** Default folder of the compiled gazetteer: `models/gazetteer` in the package root. */
export function defaultGazetteerDir(): string {
  return join(modelsDirectory(), 'gazetteer');
}

/** Byte offset just past the end of each line (the newline), so line `n` is `[ends[n-1]+1, ends[n])`. */
function lineEnds(bytes: Uint8Array): Int32Array {
  let count = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) count++;
  const ends = new Int32Array(count);
  let line = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) ends[line++] = at;
  if (line < count) ends[line] = bytes.length;
  return ends;
}

/** The compiled gazetteer's file in `dir`. */
export function gazetteerFile(dir: string = defaultGazetteerDir()): string {
  return join(dir, 'gazetteer.tsv.gz');
}

/** The kind word a region's name ends with (`zamfara state`), as {@link loadGazetteer} strips it. */
const ADMIN_SUFFIX = / (?:state|province|region|department|district|municipality|oblast|parish|governorate|prefecture|division|county)$/;

/**
 * Loads the compiled gazetteer from `dir` (default {@link defaultGazetteerDir}).
 * Throws when the index is missing: run `npm run build:gazetteer`.
 *
 * The index stays one UTF-8 buffer with line offsets (about 23 MB for 229,000 entries and 330,000
 * names, a quarter of what maps of strings took): name lookups binary-search the sorted `#names`
 * and `#demonyms` sections, and an entry line is parsed the first time it is asked for.
 */
export function loadGazetteer(dir: string = defaultGazetteerDir()): Gazetteer {
  const path = gazetteerFile(dir);
  if (!existsSync(path)) throw new Error(`places: gazetteer index not found at ${path}; run npm run build:gazetteer`);
  const bytes = gzippedFileBytes(path);
  const ends = lineEnds(bytes);
  const lineStart = (line: number): number => (line === 0 ? 0 : ends[line - 1]! + 1);
  const lineText = (line: number): string => (line < ends.length ? bytes.toString('utf8', lineStart(line), ends[line]) : '');
  const header = lineText(0).split('\t');
  if (header[0] !== '#lede-gazetteer') throw new Error(`places: ${path} is not a Lede gazetteer index; rebuild it with npm run build:gazetteer`);
  const maxNameWords = Number(header[2]) || 4;
  const section = (name: string, from: number): [number, number] => {
    const [tag, count] = lineText(from).split('\t');
    if (tag !== `#${name}`) throw new Error(`places: ${path} lacks its ${name} section; rebuild it with npm run build:gazetteer`);
    return [from + 1, from + 1 + Number(count)];
  };
  const [entriesStart, entriesEnd] = section('entries', 1);
  const [namesStart, namesEnd] = section('names', entriesEnd);
  const [demonymsStart, demonymsEnd] = section('demonyms', namesEnd);
  const size = entriesEnd - entriesStart;

  // Name keys end at the line's tab.
  const keyEnd = (line: number): number => {
    const tab = bytes.indexOf(9, lineStart(line));
    return tab < 0 || tab > ends[line]! ? ends[line]! : tab;
  };
  const sections = [[namesStart, namesEnd], [demonymsStart, demonymsEnd]].map(([first, end]) => ({
    first: first!,
    find: sortedUtf8Finder(bytes, end! - first!, (index) => lineStart(first! + index), (index) => keyEnd(first! + index)),
  }));
  // Parsed id lists and entries, filled as articles ask for them: a name is parsed once per process.
  const idLists = new Map<number, readonly number[]>();
  // Recent answers by key (most capitalised words of news text recur), bounded so memory stays flat.
  const recent = [new Map<string, readonly number[]>(), new Map<string, readonly number[]>()];
  const search = (section: 0 | 1, key: string): readonly number[] => {
    const cache = recent[section]!;
    const cached = cache.get(key);
    if (cached) return cached;
    const { first, find } = sections[section]!;
    const found = find(key);
    const lineNumber = found < 0 ? -1 : first + found;
    let ids = EMPTY;
    if (lineNumber >= 0) {
      ids = idLists.get(lineNumber) ?? EMPTY;
      if (ids === EMPTY) {
        const line = lineText(lineNumber);
        const list: number[] = [];
        for (const id of line.slice(line.indexOf('\t') + 1).split(',')) list.push(Number(id));
        ids = Object.freeze(list);
        if (idLists.size >= 50_000) idLists.clear();
        idLists.set(lineNumber, ids);
      }
    }
    if (cache.size >= 50_000) cache.clear();
    cache.set(key, ids);
    return ids;
  };
  const parsed = new Map<number, GazetteerEntry>();
  const entry = (index: number): GazetteerEntry => {
    const known = parsed.get(index);
    if (known) return known;
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`places: no gazetteer entry ${index}`);
    const [geonameId, kind, featureCode, countryCode, admin1, admin2, lat, lon, population, name, key] = lineText(entriesStart + index).split('\t');
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
    // Bounded like the other caches: a long batch must not end up holding the whole gazetteer parsed.
    if (parsed.size >= 50_000) parsed.clear();
    parsed.set(index, value);
    return value;
  };
  // Countries and admin1 regions: a few thousand lines, found once at load by their kind column.
  const countries = new Map<string, number>();
  const bareAdmins = new Map<string, readonly number[]>();
  const admins = new Map<string, number>();
  const countryTag = Buffer.from('country\t');
  const admin1Tag = Buffer.from('admin1\t');
  const startsWithAt = (tag: Uint8Array, at: number): boolean => {
    for (let offset = 0; offset < tag.length; offset++) if (bytes[at + offset] !== tag[offset]) return false;
    return true;
  };
  for (let index = 0; index < size; index++) {
    const start = lineStart(entriesStart + index);
    const kindStart = bytes.indexOf(9, start) + 1;
    const isCountry = startsWithAt(countryTag, kindStart);
    if (!isCountry && !startsWithAt(admin1Tag, kindStart)) continue;
    const fields = lineText(entriesStart + index).split('\t');
    if (isCountry) countries.set(fields[3] ?? '', index);
    else {
      admins.set(`${fields[3]}.${fields[4]}`, index);
      // `Zamfara state`, `Helmand province`: news writes the kind after the name in lower case, or leaves
      // it out; the index names the region `Zamfara State`. The bare name reaches the region when
      // nothing else bears it.
      const key = fields[10] || (fields[9] ?? '').toLowerCase();
      const bare = ADMIN_SUFFIX.exec(key);
      if (bare && bare.index > 0) {
        const short = key.slice(0, bare.index);
        if (sections[0]!.find(short) < 0) bareAdmins.set(short, [...(bareAdmins.get(short) ?? []), index]);
      }
    }
  }
  const lookupKey = (key: string): readonly number[] => {
    const ids = search(0, key);
    return ids.length > 0 ? ids : (bareAdmins.get(key) ?? EMPTY);
  };
  return {
    size,
    maxNameWords,
    entry,
    lookup: (name) => lookupKey(placeKey(name)),
    lookupKey,
    lookupDemonym: (name) => search(1, placeKey(name)),
    country: (countryCode) => countries.get(countryCode),
    admin1: (countryCode, admin1) => admins.get(`${countryCode}.${admin1}`),
  };
}
