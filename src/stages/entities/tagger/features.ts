/**
 * Feature extraction for the NER tagger.
 *
 * Two levels keep tagging fast: every distinct token string is described once by a fixed list of
 * *attributes* (form, lower case, shapes, affixes, word clusters, frequency band, lexicon
 * membership), each interned to an integer; a *feature* is then a template slot applied to one or two
 * attribute ids (`lower at -1` & `lower at 0`), packed into one exact integer key. The model maps keys
 * to weight rows.
 */
import { gazetteerKey, hasCapital, markGazetteerMatches, type PhraseGazetteer } from './gazetteer.js';
import { organisationWords, personTitles } from './lexicon.js';
import { foldPunctuation, isAllCaps, isCapitalised, longShape, lowerForm, shortShape } from './normalize.js';
import { detached } from '../../../util/strings.js';
import { clusterLevels, type WordClusters } from './word-clusters.js';

/** Attribute kinds computed once per token string, in the order of {@link describeToken}'s output. */
export const attributeKinds = [
  'W', 'L', 'SS', 'LS', 'P1', 'P2', 'P3', 'P4', 'S1', 'S2', 'S3', 'S4', 'C0', 'C1', 'C2', 'C3', 'R', 'T', 'O', 'H',
] as const;

const kind = Object.fromEntries(attributeKinds.map((name, index) => [name, index])) as Record<(typeof attributeKinds)[number], number>;

/** Number of attribute kinds. */
export const attributeKindCount = attributeKinds.length;

/** Attribute ids must stay below this (keys pack slot and two ids into one exact double). */
const attributeSpace = 4_194_304; // 2^22

/**
 * String ↔ id table for attributes. While `growing`, unknown names get new ids (training); frozen
 * tables answer -1 for names the model never saw.
 */
export class AttributeTable {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  /**
   * The ids again by kind (the name's part before its first `=`) and value (the rest), so that
   * {@link AttributeTable.valueId} looks a value up without building `kind=value` (a string made,
   * flattened and hashed per lookup was most of {@link describeToken}'s time).
   */
  readonly #byKind = new Map<string, Map<string, number>>();
  /** Per kind, the ids of the values `0`, `1`, … asked by {@link AttributeTable.numberId} (-2 not asked yet). */
  readonly #numbers = new Map<string, Int32Array>();
  /** Whether unknown names are added (training) or answered with -1 (tagging). */
  growing: boolean;

  /** @param names Initial names in id order (from a saved model). @param growing Default false. */
  constructor(names: readonly string[] = [], growing = false) {
    for (const name of names) this.#add(name);
    this.growing = growing;
  }

  #add(name: string): number {
    const id = this.#names.length;
    if (id >= attributeSpace) throw new Error(`attribute table full (${attributeSpace} names)`);
    this.#ids.set(name, id);
    this.#names.push(name);
    const equals = name.indexOf('=');
    if (equals > 0) this.#kindIds(name.slice(0, equals)).set(name.slice(equals + 1), id);
    return id;
  }

  #kindIds(kind: string): Map<string, number> {
    let ids = this.#byKind.get(kind);
    if (ids === undefined) this.#byKind.set(kind, (ids = new Map()));
    return ids;
  }

  /** Id of a name, adding it when growing; -1 for an unknown name in a frozen table. */
  id(name: string): number {
    const id = this.#ids.get(name);
    if (id !== undefined) return id;
    return this.growing ? this.#add(name) : -1;
  }

  /** {@link AttributeTable.id} of `${kind}=${value}` (`kind` without `=`). */
  valueId(kind: string, value: string): number {
    const id = this.#kindIds(kind).get(value);
    if (id !== undefined) return id;
    return this.growing ? this.#add(`${kind}=${value}`) : -1;
  }

  /** {@link AttributeTable.id} of `${kind}=${value}` for a small whole number `value` (cluster ids, bands). */
  numberId(kind: string, value: number): number {
    let ids = this.#numbers.get(kind);
    if (ids === undefined) this.#numbers.set(kind, (ids = new Int32Array(4096).fill(-2)));
    if (value >= ids.length) return this.valueId(kind, String(value));
    let id = ids[value]!;
    // An unknown value (-1) is unknown only while the table is frozen.
    if (id === -2 || (id === -1 && this.growing)) ids[value] = id = this.valueId(kind, String(value));
    return id;
  }

  /** All names in id order. */
  names(): readonly string[] {
    return this.#names;
  }
}

/** Resources the features read (all read-only). */
export interface FeatureResources {
  readonly clusters: WordClusters;
  readonly gazetteer: PhraseGazetteer;
}

function rankBand(rank: number): number {
  // Frequency band of the lower-cased word in the vectors' corpus: common words (`the`, `said`) are
  // rarely names; an all-caps headline word that is common is probably not an entity either.
  return Math.min(18, Math.floor(Math.log2(rank + 1)));
}

function lexiconKey(lower: string): string {
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

function clusterRow(clusters: WordClusters, lower: string): number {
  const direct = clusters.find(lower);
  if (direct >= 0) return direct;
  // `group's` never reaches here (the tokenizer splits it) but `U.S.`-style and dotted forms do.
  if (lower.includes('.')) {
    const undotted = clusters.find(lower.replace(/\./g, ''));
    if (undotted >= 0) return undotted;
  }
  // Transliterations write the Arabic ʿayn and hamza as apostrophes: `al-Qa'ida` is `al-qaida` in the vectors.
  if (lower.includes("'") && !lower.startsWith("'")) {
    const bare = clusters.find(lower.replace(/'/g, ''));
    if (bare >= 0) return bare;
  }
  return -1;
}

/** The attribute kinds of prefixes and suffixes by length (index 1 to 4), and of clusters by level. */
const prefixKinds = ['', 'P1', 'P2', 'P3', 'P4'];
const suffixKinds = ['', 'S1', 'S2', 'S3', 'S4'];
const clusterKinds = ['C0', 'C1', 'C2', 'C3'];

/**
 * Describes one token string by its attribute ids (one per kind in {@link attributeKinds}, -1 when a
 * kind does not apply or is unknown to a frozen table).
 */
export function describeToken(token: string, table: AttributeTable, resources: FeatureResources): Int32Array {
  const attributes = new Int32Array(attributeKindCount).fill(-1);
  const folded = foldPunctuation(token);
  const lower = lowerForm(folded);
  const plainLower = folded.toLowerCase();
  attributes[kind.W] = table.valueId('W', folded);
  attributes[kind.L] = table.valueId('L', lower);
  attributes[kind.SS] = table.valueId('SS', shortShape(folded));
  attributes[kind.LS] = table.valueId('LS', longShape(folded));
  for (let length = 1; length <= 4; length++) {
    if (lower.length < length) break;
    attributes[kind.P1 + length - 1] = table.valueId(prefixKinds[length]!, lower.slice(0, length));
    attributes[kind.S1 + length - 1] = table.valueId(suffixKinds[length]!, lower.slice(-length));
  }
  const { clusters } = resources;
  const row = clusterRow(clusters, plainLower);
  if (row >= 0) {
    for (let level = 0; level < clusterLevels; level++) {
      attributes[kind.C0 + level] = table.numberId(clusterKinds[level]!, clusters.ids[row * clusterLevels + level]!);
    }
    attributes[kind.R] = table.numberId('R', rankBand(clusters.ranks[row]!));
  } else {
    attributes[kind.C0] = table.id('C0=none');
    attributes[kind.R] = table.id('R=none');
    // `al-Qa'ida`, `Qaeda-linked`: an unknown hyphenated word is described by its last part's cluster.
    const hyphen = plainLower.lastIndexOf('-');
    if (hyphen > 0 && hyphen < plainLower.length - 1) {
      const partRow = clusterRow(clusters, plainLower.slice(hyphen + 1));
      if (partRow >= 0) attributes[kind.H] = table.numberId('H', clusters.ids[partRow * clusterLevels + 2]!);
    }
  }
  const key = lexiconKey(plainLower);
  if (personTitles.has(key)) attributes[kind.T] = table.id('T=title');
  if (organisationWords.has(key)) attributes[kind.O] = table.id('O=organisation');
  return attributes;
}

/** Unary templates: `[offset, kind]` read from the token at that offset. */
const unaryTemplates: readonly (readonly [number, number])[] = [
  ...attributeKinds.map((_, index) => [0, index] as const),
  ...[-1, 1].flatMap((offset) => [kind.L, kind.SS, kind.LS, kind.C0, kind.C1, kind.C2, kind.C3, kind.T, kind.O, kind.H].map((attribute) => [offset, attribute] as const)),
  ...[-2, 2].flatMap((offset) => [kind.L, kind.SS, kind.C1, kind.C2].map((attribute) => [offset, attribute] as const)),
];

/** Pair templates: `[offsetA, kindA, offsetB, kindB]`. */
const pairTemplates: readonly (readonly [number, number, number, number])[] = [
  [-1, kind.L, 0, kind.L],
  [0, kind.L, 1, kind.L],
  [-1, kind.SS, 0, kind.SS],
  [0, kind.SS, 1, kind.SS],
  [-1, kind.C2, 0, kind.C2],
  [0, kind.C2, 1, kind.C2],
  [-1, kind.C1, 0, kind.C1],
  [0, kind.C1, 1, kind.C1],
  [-1, kind.T, 0, kind.SS],
  [0, kind.SS, 1, kind.O],
  [-1, kind.L, 0, kind.SS],
  [0, kind.SS, 1, kind.L],
];

/** The templates as flat typed arrays: `for…of` with destructuring was a third of extraction time. */
const unaryOffsets = Int32Array.from(unaryTemplates, ([offset]) => offset);
const unaryKinds = Int32Array.from(unaryTemplates, ([, attributeKind]) => attributeKind);
/** Per pair template, where its two attributes are relative to a token's row of a sentence's attribute window (`offset * attributeKindCount + kind`). */
const pairDeltas = Int32Array.from(pairTemplates.flatMap(([offsetA, kindA, offsetB, kindB]) => [offsetA * attributeKindCount + kindA, offsetB * attributeKindCount + kindB]));

function copyAttributes(entry: TokenEntry, window: Int32Array, at: number): void {
  const data = entry.data;
  const from = entry.at;
  for (let attribute = 0; attribute < attributeKindCount; attribute++) window[at + attribute] = data[from + attribute]!;
}

/** Slot numbers of the context and document templates (after the unary and pair ones). */
const slot = (() => {
  let next = unaryTemplates.length + pairTemplates.length;
  return {
    bias: next++,
    gazetteer: next++,
    gazetteerPrevious: next++,
    gazetteerNext: next++,
    gazetteerShape: next++,
    firstShape: next++,
    headlineLower: next++,
    headlineShape: next++,
    headlineCluster: next++,
    document: next++,
    documentShape: next++,
    documentHeadline: next++,
    secondSelf: next++,
    secondPrevious: next++,
    secondNext: next++,
    secondMajority: next++,
    secondMajorityShape: next++,
    secondContaining: next++,
    secondContainingShape: next++,
    secondSelfMajority: next++,
    lowerElsewhere: next++,
    lowerElsewhereShape: next++,
    lowerElsewhereFirst: next++,
    count: next,
  };
})();

/** Packs a template slot and one or two attribute ids into one exact integer key. */
export function featureKey(templateSlot: number, first: number, second = -1): number {
  return (templateSlot * attributeSpace + first) * attributeSpace + (second + 1);
}

/** Maps a feature key to its weight row, or -1 (may add keys while training). */
export type RowLookup = (key: number) => number;

/** Everything about one sentence that does not depend on predictions. */
export interface SentenceFeatures {
  /** Token count. */
  readonly length: number;
  /** Weight rows of token i are `rows[starts[i]] .. rows[starts[i+1]-1]` (features the model lacks are left out). */
  readonly starts: Int32Array;
  readonly rows: Int32Array;
  /** Per token: its description (attributes and cached unary rows). */
  readonly entries: readonly TokenEntry[];
  /** Per token: the document-memory key (lower-cased folded form) or '' when the token is not capitalised. */
  readonly memoryKeys: readonly string[];
  /** Per token: the gazetteer key of an all-lower-case word, else ''. */
  readonly lowerKeys: readonly string[];
  /** Per token: short-shape attribute id (for document-feature conjunctions). */
  readonly shapes: Int32Array;
  /** Whether the sentence is an all-caps headline. */
  readonly headline: boolean;
}

const letterPattern = /[A-Za-z]/;

/** Relative positions whose unary templates are cached per token string, in group order. */
export const cachedOffsets = [0, -1, 1, -2, 2] as const;

/** Where an entry's block keeps its group bounds (after the attributes) and its rows (after the bounds). */
export const entryBoundsAt = attributeKindCount;
export const entryRowsAt = attributeKindCount + cachedOffsets.length + 1;

/**
 * A token string's attributes and the weight rows of its unary features at each relative position,
 * as a block of ints in a chunk shared with other entries (`data` from `at`): the attributes (one
 * per kind), then `cachedOffsets.length + 1` group bounds relative to the rows, then the rows; the
 * rows of the unary templates with offset `cachedOffsets[g]` are
 * `data[at + entryRowsAt + data[at + entryBoundsAt + g]]` up to the next bound. Tens of thousands of
 * entries live in a batch's cache: one typed array (and its backing store) each cost about 400
 * bytes more than the block itself.
 */
export interface TokenEntry {
  /** The chunk holding the block; the cache moves a block it keeps into a newer chunk (same contents). */
  data: Int32Array;
  at: number;
  /** Lower-cased folded form for gazetteer lookups. */
  readonly gazetteerKey: string;
  /** Document-memory key: the gazetteer key of a capitalised word, else ''. */
  readonly memoryKey: string;
  /** The gazetteer key of an all-lower-case word, else ''. */
  readonly lowerKey: string;
  /** 1 when the token has a capital letter (gazetteer matches start and end on one), else 0. */
  readonly capital: number;
  /** Longest gazetteer phrase starting with this token when it has a capital, else 0. */
  readonly gazetteerLongest: number;
  /** What the token says about an all-caps headline: {@link headlineNeutral}, {@link headlineBreaks} or {@link headlineCaps}. */
  readonly headlineClass: number;
  /**
   * Cache slot for a tagger without the WebAssembly kernel: the summed weights of each group's rows, so
   * tagging adds one vector per neighbour instead of reading every unary row. Unset in training.
   */
  sums: Int32Array | undefined;
  /** Number of the entry, unique within its describer (names it in the tagger kernel's cache of sums). */
  readonly serial: number;
  /** Slot of the tagger kernel's cache of sums last given to this entry, -1 before any (valid while the slot's owner is `serial`). */
  sumsSlot: number;
}

/** Ints per chunk of the describer's entry blocks (an entry is about 60). */
const chunkInts = 65_536;

/**
 * Per-tagger cache of token descriptions and of their unary feature rows (a token's unary features
 * at offsets -2..2 depend only on its own string, so they are looked up once per string, not once
 * per occurrence). Two generations keep memory bounded on long batches without losing the frequent
 * words: when the young map holds `limit` strings it becomes the old one, and a string found only
 * in the old map moves back to the young one.
 */
export class TokenDescriber {
  #cache = new Map<string, TokenEntry>();
  #old = new Map<string, TokenEntry>();
  #boundary: TokenEntry[] | null = null;
  #scratch = new Int32Array(4096);
  #fixed: FixedAttributes | null = null;
  /** Attribute id of `G=<mark>` per gazetteer mark, -2 until asked (a growing table adds names only when asked). */
  readonly #markIds = new Int32Array(64).fill(-2);
  /** Per-sentence buffers of {@link extractSentence}. */
  readonly buffers = { capital: new Uint8Array(256), longest: new Int32Array(256), marks: new Int32Array(256), keyStarts: new Int32Array(257) };
  #keys = new Float64Array(4096);
  #window = new Int32Array(64 * attributeKindCount);
  #serial = 0;
  /** The chunk new blocks go into, and its first free int. */
  #chunk = new Int32Array(chunkInts);
  #chunkUsed = 0;
  /** Room for one entry's rows while they are looked up. */
  #rowScratch = new Int32Array(64);

  /** A reusable buffer of at least `size` rows, keeping its contents when it grows (extraction copies out what it keeps). */
  scratch(size: number): Int32Array {
    if (this.#scratch.length < size) {
      const grown = new Int32Array(Math.max(size, this.#scratch.length * 2));
      grown.set(this.#scratch);
      this.#scratch = grown;
    }
    return this.#scratch;
  }

  /**
   * @param table Attribute table. @param resources Clusters and gazetteer.
   * @param rowOf Feature key → weight row. @param limit Strings per cache generation (default
   * 40,000: a worker thread's largest cache). On the shared articles, 20,000 made tagging about
   * 15 % slower than 200,000; 40,000 was within measurement noise of 200,000.
   */
  constructor(
    readonly table: AttributeTable,
    readonly resources: FeatureResources,
    readonly rowOf: RowLookup,
    readonly limit = 40_000,
  ) {}

  /** Attributes and unary rows of a token string. */
  describe(token: string): TokenEntry {
    let entry = this.#cache.get(token);
    if (entry === undefined) {
      // Kept as a key (and in a new entry's keys): a copy that does not hold the article's text.
      token = detached(token);
      entry = this.#old.get(token);
      // A kept entry's block moves to the current chunk, so that the old generation's chunks are
      // freed with it instead of being pinned by the few entries that live on.
      if (entry !== undefined) this.#move(entry);
      else entry = this.#entry(describeToken(token, this.table, this.resources), token, true);
      if (this.#cache.size >= this.limit) {
        this.#old = this.#cache;
        this.#cache = new Map();
      }
      this.#cache.set(token, entry);
    }
    return entry;
  }

  /** Ids of the fixed attributes (boundaries, bias), looked up once. */
  fixed(): FixedAttributes {
    return (this.#fixed ??= fixedAttributes(this.table));
  }

  /** Attribute id of the gazetteer mark `mark` (`G=<mark>`), or -1. */
  markId(mark: number): number {
    if (mark >= this.#markIds.length) return this.table.id(`G=${mark}`);
    let id = this.#markIds[mark]!;
    if (id === -2) this.#markIds[mark] = id = this.table.id(`G=${mark}`);
    return id;
  }

  /** Grows the per-sentence buffers to hold `length` tokens. */
  reserve(length: number): void {
    const buffers = this.buffers;
    if (buffers.marks.length >= length) return;
    const size = Math.max(length, buffers.marks.length * 2);
    buffers.capital = new Uint8Array(size);
    buffers.longest = new Int32Array(size);
    buffers.marks = new Int32Array(size);
    buffers.keyStarts = new Int32Array(size + 1);
  }

  /** A reusable buffer for the attributes of a sentence of `length` tokens and its two boundaries (contents not kept when it grows). */
  attributeWindow(length: number): Int32Array {
    const size = (length + 2) * attributeKindCount;
    if (this.#window.length < size) this.#window = new Int32Array(Math.max(size, this.#window.length * 2));
    return this.#window;
  }

  /** A reusable buffer of at least `size` feature keys (contents not kept when it grows). */
  keyScratch(size: number): Float64Array {
    if (this.#keys.length < size) this.#keys = new Float64Array(Math.max(size, this.#keys.length * 2));
    return this.#keys;
  }

  /** Rows of the stand-in for positions before (`side` 0) or after (`side` 1) the sentence. */
  boundary(side: 0 | 1): TokenEntry {
    if (this.#boundary === null) {
      const fixed = this.fixed();
      const make = (lower: number, shape: number) => {
        const attributes = new Int32Array(attributeKindCount).fill(-1);
        attributes[kind.L] = lower;
        attributes[kind.SS] = shape;
        return this.#entry(attributes, '', false);
      };
      this.#boundary = [make(fixed.beginLower, fixed.beginShape), make(fixed.endLower, fixed.endShape)];
    }
    return this.#boundary[side]!;
  }

  /** Room for a block of `size` ints: in the current chunk (`shared`), or a block of its own (the boundary stand-ins, which live as long as the describer). */
  #allocate(size: number, shared: boolean): { data: Int32Array; at: number } {
    if (!shared) return { data: new Int32Array(size), at: 0 };
    if (this.#chunkUsed + size > this.#chunk.length) {
      this.#chunk = new Int32Array(Math.max(chunkInts, size));
      this.#chunkUsed = 0;
    }
    const at = this.#chunkUsed;
    this.#chunkUsed += size;
    return { data: this.#chunk, at };
  }

  #move(entry: TokenEntry): void {
    const { data, at } = entry;
    const size = entryRowsAt + data[at + entryBoundsAt + cachedOffsets.length]!;
    const target = this.#allocate(size, true);
    target.data.set(data.subarray(at, at + size), target.at);
    entry.data = target.data;
    entry.at = target.at;
  }

  #entry(attributes: Int32Array, token: string, shared: boolean): TokenEntry {
    let rows = this.#rowScratch;
    let rowCount = 0;
    const bounds = new Int32Array(cachedOffsets.length + 1);
    for (let group = 0; group < cachedOffsets.length; group++) {
      const offset = cachedOffsets[group]!;
      bounds[group] = rowCount;
      for (let template = 0; template < unaryOffsets.length; template++) {
        if (unaryOffsets[template] !== offset) continue;
        const attribute = attributes[unaryKinds[template]!]!;
        if (attribute < 0) continue;
        const row = this.rowOf(featureKey(template, attribute));
        if (row < 0) continue;
        if (rowCount === rows.length) {
          const grown = new Int32Array(rows.length * 2);
          grown.set(rows);
          this.#rowScratch = rows = grown;
        }
        rows[rowCount++] = row;
      }
    }
    bounds[cachedOffsets.length] = rowCount;
    const { data, at } = this.#allocate(entryRowsAt + rowCount, shared);
    data.set(attributes, at);
    data.set(bounds, at + entryBoundsAt);
    data.set(rows.subarray(0, rowCount), at + entryRowsAt);
    const key = gazetteerKey(token);
    const memoryKey = isCapitalised(token) && letterPattern.test(token) ? key : '';
    const lowerKey = letterPattern.test(token) && token === token.toLowerCase() ? key : '';
    const capital = hasCapital(token) ? 1 : 0;
    const gazetteerLongest = capital === 1 ? (this.resources.gazetteer.longestByFirst.get(key) ?? 0) : 0;
    // `sums` present from the start keeps one object shape when the tagger fills it.
    return {
      data,
      at,
      gazetteerKey: key,
      memoryKey,
      lowerKey,
      capital,
      gazetteerLongest,
      headlineClass: headlineClass(token),
      sums: undefined,
      serial: this.#serial++,
      sumsSlot: -1,
    };
  }
}

/** Ids of the fixed attributes used for sentence boundaries and contexts. */
interface FixedAttributes {
  readonly beginLower: number;
  readonly endLower: number;
  readonly beginShape: number;
  readonly endShape: number;
  readonly bias: number;
}

function fixedAttributes(table: AttributeTable): FixedAttributes {
  return {
    beginLower: table.id('L=<s>'),
    endLower: table.id('L=</s>'),
    beginShape: table.id('SS=<s>'),
    endShape: table.id('SS=</s>'),
    bias: table.id('bias'),
  };
}

/** {@link TokenEntry.headlineClass}: a token without letters, or a one-letter capital, says nothing. */
const headlineNeutral = 0;
/** A token with a lower-case letter: the sentence is not an all-caps headline. */
const headlineBreaks = 1;
/** An all-caps token of two characters or more. */
const headlineCaps = 2;

function headlineClass(token: string): number {
  if (token === token.toLowerCase()) return /[a-z]/.test(token) ? headlineBreaks : headlineNeutral;
  if (!isAllCaps(token)) return headlineBreaks;
  return token.length > 1 ? headlineCaps : headlineNeutral;
}

function isHeadline(entries: readonly TokenEntry[]): boolean {
  // CoNLL and wire copy: all-capitals headlines such as "SPORT - TEAM WINS OPENER ."
  let caps = 0;
  for (let index = 0; index < entries.length; index++) {
    const headline = entries[index]!.headlineClass;
    if (headline === headlineBreaks) return false;
    if (headline === headlineCaps) caps++;
  }
  return caps >= 2;
}

/** Most static features one token can have (unary + pair templates + context slots). */
const maxFeaturesPerToken = unaryTemplates.length + pairTemplates.length + 16;
/** Most static features one token can have besides the unary ones. */
const maxContextFeaturesPerToken = pairTemplates.length + 16;

/**
 * Extracts the static features of one sentence and resolves them to weight rows with `describer.rowOf`.
 * With `withUnaryRows` false (tagging), the rows of unary templates are left out of `rows`: the
 * tagger adds them from per-token sums (`TokenEntry.sums`) instead.
 * `describer.table` decides whether unseen attributes are added (training) or skipped (tagging).
 */
export function extractSentence(tokens: readonly string[], describer: TokenDescriber, withUnaryRows = true): SentenceFeatures {
  const part = extractInto(tokens, describer, withUnaryRows, new Int32Array(tokens.length + 1), new Int32Array(tokens.length), 0);
  return withRows(part, describer.scratch(0).slice(part.rowOffset, part.rowEnd));
}

/**
 * {@link extractSentence} for every sentence of a document, the sentences' arrays being views of
 * a few arrays for the whole document (typed arrays over 64 bytes cost a microsecond each to allocate).
 */
export function extractDocument(sentences: readonly (readonly string[])[], describer: TokenDescriber, withUnaryRows = true): SentenceFeatures[] {
  let tokenCount = 0;
  for (const tokens of sentences) tokenCount += tokens.length;
  const starts = new Int32Array(tokenCount + sentences.length);
  const shapes = new Int32Array(tokenCount);
  const parts: ExtractedSentence[] = new Array(sentences.length);
  let tokenOffset = 0;
  let rowOffset = 0;
  for (let index = 0; index < sentences.length; index++) {
    const tokens = sentences[index]!;
    const length = tokens.length;
    const part = extractInto(tokens, describer, withUnaryRows, starts.subarray(tokenOffset + index, tokenOffset + index + length + 1), shapes.subarray(tokenOffset, tokenOffset + length), rowOffset);
    parts[index] = part;
    tokenOffset += length;
    rowOffset = part.rowEnd;
  }
  const rows = describer.scratch(0).slice(0, rowOffset);
  const features: SentenceFeatures[] = new Array(sentences.length);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    features[index] = withRows(part, rows.subarray(part.rowOffset, part.rowEnd));
  }
  return features;
}

function withRows(part: ExtractedSentence, rows: Int32Array): SentenceFeatures {
  const { length, starts, entries, memoryKeys, lowerKeys, shapes, headline } = part;
  return { length, starts, rows, entries, memoryKeys, lowerKeys, shapes, headline };
}

/** A sentence's features before its rows are copied out of the describer's scratch buffer. */
interface ExtractedSentence extends Omit<SentenceFeatures, 'rows'> {
  /** Its rows are `scratch[rowOffset, rowEnd)`. */
  readonly rowOffset: number;
  readonly rowEnd: number;
}

/** Extracts one sentence into `starts` and `shapes` and the describer's scratch rows from `rowOffset` on. */
function extractInto(tokens: readonly string[], describer: TokenDescriber, withUnaryRows: boolean, starts: Int32Array, shapes: Int32Array, rowOffset: number): ExtractedSentence {
  const rowOf = describer.rowOf;
  const fixed = describer.fixed();
  const length = tokens.length;
  describer.reserve(length);
  const { capital, longest, marks } = describer.buffers;
  const entries: TokenEntry[] = new Array(length);
  const gazetteerKeys: string[] = new Array(length);
  const memoryKeys: string[] = new Array(length);
  const lowerKeys: string[] = new Array(length);
  for (let index = 0; index < length; index++) {
    const entry = describer.describe(tokens[index]!);
    entries[index] = entry;
    gazetteerKeys[index] = entry.gazetteerKey;
    memoryKeys[index] = entry.memoryKey;
    lowerKeys[index] = entry.lowerKey;
    capital[index] = entry.capital;
    longest[index] = entry.gazetteerLongest;
  }
  const before = describer.boundary(0);
  const after = describer.boundary(1);
  markGazetteerMatches(describer.resources.gazetteer, gazetteerKeys, capital, longest, length, marks);
  // Marks become attribute ids in place: marks of the previous and next token are read below.
  for (let index = 0; index < length; index++) marks[index] = marks[index] === 0 ? -1 : describer.markId(marks[index]!);
  const headline = isHeadline(entries);
  // Two steps: every feature key of the sentence first, then their rows in one tight loop, where
  // the table's cache misses overlap (interleaved with the key building they did not).
  const keys = describer.keyScratch(length * maxContextFeaturesPerToken);
  const keyStarts = describer.buffers.keyStarts;
  let keyCount = 0;
  const bias = fixed.bias;
  const biasKey = featureKey(slot.bias, bias);
  // The sentence's attributes side by side, row i + 1 for token i; rows 0 and length + 1 are the
  // stand-ins for the sentence boundaries (the `<s>`/`</s>` forms). The pair templates read a
  // token's row and its neighbours' at fixed distances.
  const window = describer.attributeWindow(length);
  copyAttributes(before, window, 0);
  for (let index = 0; index < length; index++) copyAttributes(entries[index]!, window, (index + 1) * attributeKindCount);
  copyAttributes(after, window, (length + 1) * attributeKindCount);
  for (let index = 0; index < length; index++) {
    keyStarts[index] = keyCount;
    const own = (index + 1) * attributeKindCount;
    let templateSlot = unaryOffsets.length;
    for (let template = 0; template < pairDeltas.length; template += 2) {
      const first = window[own + pairDeltas[template]!]!;
      if (first >= 0) {
        const second = window[own + pairDeltas[template + 1]!]!;
        if (second >= 0) keys[keyCount++] = featureKey(templateSlot, first, second);
      }
      templateSlot++;
    }
    const shape = window[own + kind.SS]!;
    shapes[index] = shape;
    if (bias >= 0) keys[keyCount++] = biasKey;
    const mark = marks[index]!;
    if (mark >= 0) {
      keys[keyCount++] = featureKey(slot.gazetteer, mark);
      if (shape >= 0) keys[keyCount++] = featureKey(slot.gazetteerShape, mark, shape);
    }
    const previousMark = index > 0 ? marks[index - 1]! : -1;
    if (previousMark >= 0) keys[keyCount++] = featureKey(slot.gazetteerPrevious, previousMark);
    const nextMark = index + 1 < length ? marks[index + 1]! : -1;
    if (nextMark >= 0) keys[keyCount++] = featureKey(slot.gazetteerNext, nextMark);
    if (index === 0 && window[own + kind.LS]! >= 0) keys[keyCount++] = featureKey(slot.firstShape, window[own + kind.LS]!);
    if (headline) {
      const lower = window[own + kind.L]!;
      if (lower >= 0) keys[keyCount++] = featureKey(slot.headlineLower, lower);
      if (shape >= 0) keys[keyCount++] = featureKey(slot.headlineShape, shape);
      const cluster = window[own + kind.C2]!;
      if (cluster >= 0) keys[keyCount++] = featureKey(slot.headlineCluster, cluster);
    }
  }
  keyStarts[length] = keyCount;
  const rows = describer.scratch(rowOffset + length * (withUnaryRows ? maxFeaturesPerToken : maxContextFeaturesPerToken));
  let count = rowOffset;
  for (let index = 0; index < length; index++) {
    starts[index] = count - rowOffset;
    for (let group = 0; withUnaryRows && group < cachedOffsets.length; group++) {
      const position = index + cachedOffsets[group]!;
      const entry = position < 0 ? before : position >= length ? after : entries[position]!;
      const data = entry.data;
      const bounds = entry.at + entryBoundsAt + group;
      const end = entry.at + entryRowsAt + data[bounds + 1]!;
      for (let at = entry.at + entryRowsAt + data[bounds]!; at < end; at++) rows[count++] = data[at]!;
    }
    const end = keyStarts[index + 1]!;
    for (let at = keyStarts[index]!; at < end; at++) {
      const row = rowOf(keys[at]!);
      if (row >= 0) rows[count++] = row;
    }
  }
  starts[length] = count - rowOffset;
  return { length, starts, entries, memoryKeys, lowerKeys, shapes, headline, rowOffset, rowEnd: count };
}

/** Attribute ids for the document features, interned once per table. */
export interface DocumentAttributes {
  /** `D=<type>` for types 0..3 and 4 = seen capitalised but tagged O. */
  readonly memory: Int32Array;
  /** `P=<tag>` for the first-pass tag of a token (0..8) and 9 = outside the sentence. */
  readonly firstPassTag: Int32Array;
  /** `M=<type>` majority first-pass type of a form elsewhere in the document (0..4). */
  readonly majority: Int32Array;
  /** `X=<type>` type of a first-pass entity elsewhere in the document that contains this form (0..3). */
  readonly containing: Int32Array;
  readonly headline: number;
  /** Marks a capitalised word whose lower-case form occurs elsewhere in the document. */
  readonly lowerSeen: number;
  /** Sentence-initial position (conjoined with `lowerSeen`). */
  readonly first: number;
}

/** Interns the document-feature attributes. */
export function documentAttributes(table: AttributeTable): DocumentAttributes {
  const range = (prefix: string, count: number) => Int32Array.from({ length: count }, (_, index) => table.id(`${prefix}=${index}`));
  return {
    memory: range('D', 5),
    firstPassTag: range('P', 10),
    majority: range('M', 5),
    containing: range('X', 4),
    headline: table.id('headline'),
    lowerSeen: table.id('lower-seen'),
    first: table.id('first'),
  };
}

/**
 * Keys of the first-pass document feature for token `index`: the type its capitalised form got
 * most recently earlier in the document (`memoryType`, -1 when unseen).
 */
export function memoryFeatureKeys(features: SentenceFeatures, index: number, memoryType: number, attributes: DocumentAttributes, out: number[]): void {
  if (memoryType < 0) return;
  const memory = attributes.memory[memoryType]!;
  if (memory < 0) return;
  out.push(featureKey(slot.document, memory));
  const shape = features.shapes[index]!;
  if (shape >= 0) out.push(featureKey(slot.documentShape, memory, shape));
  if (features.headline && attributes.headline >= 0) out.push(featureKey(slot.documentHeadline, memory, attributes.headline));
}

/**
 * Keys of the document feature both passes share: a capitalised word whose lower-case form the
 * document also uses ("Police said …" when "police" occurs later) is probably a common word.
 */
export function lowerElsewhereFeatureKeys(features: SentenceFeatures, index: number, attributes: DocumentAttributes, out: number[]): void {
  if (attributes.lowerSeen < 0) return;
  out.push(featureKey(slot.lowerElsewhere, attributes.lowerSeen));
  const shape = features.shapes[index]!;
  if (shape >= 0) out.push(featureKey(slot.lowerElsewhereShape, attributes.lowerSeen, shape));
  if (index === 0 && attributes.first >= 0) out.push(featureKey(slot.lowerElsewhereFirst, attributes.lowerSeen, attributes.first));
}

/**
 * Key of a second-pass (stacked) feature on a first-pass tag: `position` 0 reads the token's own
 * tag, 1 the previous token's, 2 the next token's; `tag` is 0..8, or 9 outside the sentence.
 */
export function firstPassTagKey(position: 0 | 1 | 2, tag: number, attributes: DocumentAttributes): number {
  // secondSelf, secondPrevious and secondNext are consecutive slots.
  return featureKey(slot.secondSelf + position, attributes.firstPassTag[tag]!);
}

/**
 * Keys of the other second-pass features of token `index`: `ownTag` is its first-pass tag,
 * `majority` the majority first-pass type (0..3, 4 = O) of its form at the form's other capitalised
 * occurrences (-1 none), `containing` the type of the longest multi-token first-pass entity elsewhere
 * in the document (not this occurrence's own) that contains the form (-1 none).
 */
export function secondPassContextKeys(
  features: SentenceFeatures,
  index: number,
  ownTag: number,
  majorityType: number,
  containingType: number,
  attributes: DocumentAttributes,
  out: number[],
): void {
  const shape = features.shapes[index]!;
  if (majorityType >= 0) {
    const majority = attributes.majority[majorityType]!;
    out.push(featureKey(slot.secondMajority, majority));
    if (shape >= 0) out.push(featureKey(slot.secondMajorityShape, majority, shape));
    out.push(featureKey(slot.secondSelfMajority, majority, attributes.firstPassTag[ownTag]!));
  }
  if (containingType >= 0) {
    const containing = attributes.containing[containingType]!;
    out.push(featureKey(slot.secondContaining, containing));
    if (shape >= 0) out.push(featureKey(slot.secondContainingShape, containing, shape));
  }
}

/** Number of template slots (for tests and model headers). */
export const templateSlotCount = slot.count;
