/**
 * A learned literal-or-not decision over toponym candidates. The rules in `toponym-use.ts` read
 * one pattern at a time and trade one error for another (`China continued to lead` is a place
 * for GeoWebNews' annotators, `China said` is not; `the West Wing` is a place, `the White House
 * said` is not). A logistic regression over the words around each candidate, the head noun after
 * it, its shape, what the gazetteer knows of it, the tagger's type and the rules' own reading
 * weighs all of them at once. Trained on GeoWebNews by `scripts/train-toponyms.ts` into
 * `models/places/toponym-classifier.json.gz`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Gazetteer } from './gazetteer.js';
import { defaultGazetteerDir } from './gazetteer.js';
import { placeKey } from './normalize.js';
import { PLACE_WORD, type FoundToponym, type ToponymCandidate } from './toponym-finder.js';
import { headReading } from './toponym-use.js';
import { firstTokenEndingAfter } from '../../doc/token-search.js';
import { itemOr } from '../../util/arrays.js';
import { WordTable } from '../../util/word-table.js';

/** A trained classifier: feature weights and the probability from which a candidate is literal. */
export interface ToponymClassifier {
  readonly weights: ReadonlyMap<string, number>;
  /** Cluster id (of 256) of each frequent lower-case word, shipped with the model (see {@link frequentWordClusters}). */
  readonly clusters: ReadonlyMap<string, number>;
  /** Default 0.5. */
  readonly threshold: number;
  /** The same weights by the hashes of their names, for inference: built by {@link makeToponymClassifier}. */
  readonly table: WeightTable;
}

/** One training example: a candidate's features and whether it is a literal toponym in the gold data. */
export interface ToponymExample {
  readonly features: readonly string[];
  readonly literal: boolean;
}

/** Options of {@link trainToponymClassifier}. */
export interface TrainToponymOptions {
  /** Passes over the examples (default 20). */
  readonly epochs?: number;
  /** L2 penalty per example (default 1e-4). */
  readonly l2?: number;
  /** AdaGrad step (default 0.015). */
  readonly rate?: number;
  /** Features seen fewer times are dropped (default 2). */
  readonly minCount?: number;
  /** Seed of the example order (default 1). */
  readonly seed?: number;
  /** Decision threshold stored in the model (default 0.35). */
  readonly threshold?: number;
}

/**
 * The 256-way cluster id of every lower-case word among the `maxRank` most frequent words of the
 * NER word-cluster table (`models/ner/word-clusters.tsv.gz`, built from word vectors): context
 * words in classes, so `continued` and `kept` share a weight. Training-time only; the model file
 * carries the map it was trained with.
 */
export function frequentWordClusters(path: string, maxRank = 20_000): Map<string, number> {
  const clusters = new Map<string, number>();
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    const parts = line.split('\t'); const [word, rank] = parts; const c256 = parts[3];
    if (word && /^[a-z][a-z'-]*$/.test(word) && Number(rank) < maxRank && c256 !== undefined) clusters.set(word, Number(c256));
  }
  return clusters;
}

/**
 * A token of the article: a run of letters and digits (joined by `'`, `’`, `.` or `-` between
 * two of them: `U.S`, `al-Assad`, `China's`) or one other non-space character. Its lower-case
 * form (curly apostrophes straightened) is made when a feature first reads it.
 */
interface Token { readonly start: number; readonly end: number; lower?: string }

const WORD_CHARACTER = /[\p{L}\p{M}\d]/u;
const SPACE = /\s/;

// Character tests, compiled once (inline literals with \p{…} are rebuilt at each call once
// esbuild has lowered them for tsx).
const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const ALL_UPPER = /^\p{Lu}+$/u;
const LOWER_WORD = /^\p{Ll}{3,}$/u;
const ACRONYM = /^(?:\p{Lu}\.?)+$/u;
const TITLE = /^\p{Lu}[\p{Ll}\p{M}'’.-]/u;
const CAPITAL_AFTER = /^\s\p{Lu}/u;

/** The character at `at`, or '' past either end (checked before the read: an out-of-bounds read sends optimised code back to the interpreter). */
function charAt(text: string, at: number): string {
  return at >= 0 && at < text.length ? text[at]! : '';
}

/** Code units of the character at `at`: 2 for a surrogate pair. */
function codeUnits(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code < 0xdc00 ? 2 : 1;
}

/** True for a letter, mark or digit (ASCII answered without a regular expression). */
function isWordCode(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && SPACE.test(String.fromCharCode(code)));
}

/** Tokens of `text` from `from` to `to` (see {@link Token}); one pass over the characters. */
function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    if (isSpaceCode(code)) { at++; continue; }
    const start = at;
    if (!isWordCode(code, text, at)) {
      at += codeUnits(text, at);
      tokens.push({ start, end: at });
      continue;
    }
    for (;;) {
      at += codeUnits(text, at);
      if (at >= to) break;
      const next = text.charCodeAt(at);
      if (isWordCode(next, text, at)) continue;
      // A joiner between two word characters stays inside the token.
      if ((next === 39 || next === 0x2019 || next === 46 || next === 45) && at + 1 < to && isWordCode(text.charCodeAt(at + 1), text, at + 1)) continue;
      break;
    }
    tokens.push({ start, end: at });
  }
  return tokens;
}

/**
 * True when a capitalised word and one space end right before `start` (`Agnes [Jones House]`,
 * `the U.S. [Virgin Islands]`): a scan back over letters and periods for a capital.
 */
function capitalisedWordBefore(text: string, start: number): boolean {
  if (start < 2 || !isSpaceCode(text.charCodeAt(start - 1))) return false;
  for (let at = start - 2; at >= Math.max(0, start - 20); at--) {
    const character = text[at]!;
    if (character === '.') continue;
    if (!LETTER.test(character)) return false;
    if (character !== character.toLowerCase() && UPPER_START.test(character)) return true;
  }
  return false;
}

/** The lower-case form of a token, made once. */
function lowerOf(text: string, token: Token): string {
  token.lower ??= text.slice(token.start, token.end).toLowerCase().replace(/’/g, "'");
  return token.lower;
}


const shapeOf = (word: string): string => ALL_UPPER.test(word) ? 'X' : UPPER_START.test(word) ? 'Xx' : LOWER_START.test(word) ? 'x' : /^\d/.test(word) ? 'd' : word;

/** The population of the biggest entry, as an order of magnitude (`0` when unknown). */
function populationBand(population: number): string {
  return population <= 0 ? '0' : String(Math.min(8, Math.floor(Math.log10(population))));
}

/** What the gazetteer knows of a name: its kinds (`demonym`, `unknown` included) and population band. */
interface NameFacts { readonly kinds: readonly string[]; readonly population: string }

function nameFacts(gazetteer: Gazetteer, key: string): NameFacts {
  const exact = gazetteer.lookupKey(key);
  const entries = exact.length > 0 || !key.startsWith('the ') ? exact : gazetteer.lookupKey(key.slice(4));
  const kinds = new Set<string>();
  let population = 0;
  // The first entries are enough to tell the kinds apart; parsing every `Springfield` is not.
  for (const index of entries.slice(0, 8)) {
    const entry = gazetteer.entry(index);
    kinds.add(entry.kind);
    population = Math.max(population, entry.population);
  }
  if (gazetteer.lookupDemonym(key).length > 0) kinds.add('demonym');
  if (kinds.size === 0) kinds.add('unknown');
  return { kinds: [...kinds], population: populationBand(population) };
}

/** Cluster ids as feature values, made once. */
const CLUSTER_NAMES: readonly string[] = Array.from({ length: 4096 }, (_, id) => String(id));

/** A locative preposition (`in Cavan Institute`, `at the Dubai World Cup`). */
const LOCATIVE_WORDS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'into', 'near', 'to', 'inside', 'outside', 'across', 'throughout', 'around', 'within']);

/** Lower-case words that do occur inside place names (`Bosnia and Herzegovina`, `Isle of Man`). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['and', 'of', 'the', 'de', 'del', 'la', 'le', 'du', 'da', 'do', 'dos', 'das', 'al', 'el', 'on', 'upon', 'en', 'sur', 'am', 'im', 'an', 'der', 'y', 'e', 'i']);

/**
 * Words of a sports report, looked up straight from the text (counting them lower-cased every
 * token of the article: a fifth of the feature time).
 */
const SPORTS_WORDS = new WordTable('match matches season league championship coach goal goals scored score scoring striker midfielder defender goalkeeper win wins victory defeat beat playoff playoffs tournament semifinal semifinals quarterfinal final finals innings wicket pitcher inning touchdown quarterback referee fixture fixtures squad'.split(' '));

/** True when at least `enough` tokens of 4 characters or more are sports words (a token with `’` or other marks inside is none). */
function hasSportsWords(text: string, tokens: readonly Token[], enough: number): boolean {
  let found = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.end - token.start >= 4 && SPORTS_WORDS.idOf(text, token.start, token.end) > 0 && ++found >= enough) return true;
  }
  return false;
}

/** Words that carry no meaning of their own for {@link emitArticleFeatures}' `pred` feature. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set('the and for from with into onto over under after before since until near via are was were been being has have had will would could should can may might must does did this that these those which who whom whose where when while because than then also its their his her our your about across along around between among during within without against toward towards through throughout upon'.split(' '));

/** Last words of institutions that stand in a place (`Cavan Institute`, `Belfast Magistrate's Court`). */
const INSTITUTION_WORD = /\b(?:Institute|Academy|Court|Club|Centre|Center|Theatre|Theater|Racecourse|Circuit|Raceway|Studio|Studios|Farms?|Hotel|Inn|Restaurant|Bar|Pub|Cafe|Café|Store|Shop|Shops|Elementary|High|Middle|NS)$/u;

/**
 * Classes of the word that governs a name's phrase: a transfer (`sell arms to`, `permission
 * from`) or a game's result (`a loss to`) make a party of the place; a motion (`flew to`) or a
 * stay (`lives in`) keep it on the map.
 */
const PREDICATE_CLASSES: ReadonlyMap<string, string> = new Map([
  ...'sell sells sold selling sale sales give gives gave given giving send sends sent request requests requested questions question explained explain letter message permission independence backing support supported aid loan loans apology offer offered deliver delivered delivering threat threats pressure sanctions tariffs demands demand ties relations ally allies appeal appealed'.split(' ').map((word) => [word, 'transfer'] as const),
  ...'defeat defeats defeated loss losses lost win wins won beat beating victory draw drew match game fixture'.split(' ').map((word) => [word, 'game'] as const),
  ...'go goes went gone going travel travels travelled traveled traveling travelling fly flew flown flying move moved moving return returned returning arrive arrived arriving trip trips visit visited visiting flights flight route routes deported fled flee migrated moved drive drove driving walk walked road'.split(' ').map((word) => [word, 'motion'] as const),
  ...'live lives lived living born based located situated stay stayed staying held hold hosted host work worked working died killed injured arrested'.split(' ').map((word) => [word, 'stay'] as const),
]);

/** What joins two names of one list: a comma, `and`, `or`. */
const LIST_JOINER = /^(?:,\s*|\s+(?:and|or|&)\s+|,\s+(?:and|or)\s+)(?:the\s+)?$/;

/**
 * Where {@link emitArticleFeatures} sends each feature of candidate `index`: its template (`w-1`,
 * `kind+rule`, `possessive`), its value (`''` for a flag) and, for a conjunction, its second
 * value. The feature's name is `template=value second`.
 */
interface FeatureSink {
  add(index: number, template: string, value: string, second?: string): void;
}

/** The feature names of each candidate (training). */
class FeatureLists implements FeatureSink {
  constructor(readonly lists: string[][]) {}
  add(index: number, template: string, value: string, second?: string): void {
    this.lists[index]!.push(featureName(template, value, second));
  }
}

/** The summed weights of each candidate's features, looked up by the hashes of their names. */
class WeightSums implements FeatureSink {
  readonly #hashes = new Int32Array(2);
  constructor(readonly table: WeightTable, readonly sums: Float64Array) {}
  add(index: number, template: string, value: string, second?: string): void {
    const hashes = this.#hashes;
    featureHashes(template, value, second, hashes);
    this.sums[index]! += tableWeight(this.table, hashes[0]!, hashes[1]!);
  }
}

/**
 * One article's words for {@link emitArticleFeatures}: its tokens, the words around a
 * candidate, and each word's class and each name's gazetteer facts asked once per article. (A
 * class, not closures made per article: V8 keeps a closure's optimised code only while one of
 * its closures lives, so closures made per article were compiled again after every full
 * garbage collection.)
 */
class ArticleWords {
  readonly tokens: Token[];
  readonly #facts = new Map<string, NameFacts>();
  /** Each word's class once per article: the article's few hundred words, not the 20,000 of the table. */
  readonly #classes = new Map<string, string>();

  constructor(readonly text: string, readonly gazetteer: Gazetteer, readonly clusters: ReadonlyMap<string, number>) {
    this.tokens = tokenize(text);
  }

  factsOf(surface: string): NameFacts {
    let known = this.#facts.get(surface);
    if (!known) {
      known = nameFacts(this.gazetteer, placeKey(surface));
      this.#facts.set(surface, known);
    }
    return known;
  }

  cluster(word: string): string {
    let name = this.#classes.get(word);
    if (name === undefined) {
      const id = this.clusters.get(word);
      name = id !== undefined ? CLUSTER_NAMES[id] ?? String(id) : isWordCode(word.charCodeAt(0), word, 0) && !/^\d/.test(word) ? '?' : word;
      this.#classes.set(word, name);
    }
    return name;
  }

  // Tokens before and after a candidate; a token that runs across the candidate's edge
  // (`China's`, `Calgary-based`) is cut there and its outer piece tokenised alone.
  before(candidate: ToponymCandidate): string[] {
    const { text, tokens } = this;
    let index = firstTokenEndingAfter(tokens, candidate.start);
    const words: string[] = [];
    const edge = tokens[index];
    if (edge && edge.start < candidate.start) {
      const pieces = tokenize(text, edge.start, candidate.start);
      for (let piece = pieces.length - 1; piece >= 0; piece--) words.push(lowerOf(text, pieces[piece]!));
    }
    for (index--; index >= 0 && words.length < 4 && tokens[index]!.end > candidate.start - 40; index--) words.push(lowerOf(text, tokens[index]!));
    return words.reverse();
  }

  after(candidate: ToponymCandidate): Token[] {
    const { text, tokens } = this;
    let index = firstTokenEndingAfter(tokens, candidate.end);
    const found: Token[] = [];
    const edge = tokens[index];
    if (edge && edge.start < candidate.end) {
      for (const piece of tokenize(text, candidate.end, edge.end)) found.push(piece);
      index++;
    }
    for (; index < tokens.length && found.length < 4 && tokens[index]!.start < candidate.end + 40; index++) found.push(tokens[index]!);
    return found;
  }
}

/** Whether candidate `index` lies inside another (`inside`), holds one (`holds`) or neither; sorted by start. */
function overlapOf(candidates: readonly ToponymCandidate[], index: number): { readonly relation: string; readonly container?: number } | undefined {
  const candidate = candidates[index]!;
  let found: { relation: string; container?: number } | undefined;
  for (let other = Math.max(0, index - 6); other < candidates.length && candidates[other]!.start < candidate.end; other++) {
    const neighbour = candidates[other]!;
    if (other === index || neighbour.end <= candidate.start) continue;
    if (neighbour.start <= candidate.start && neighbour.end >= candidate.end && (neighbour.start !== candidate.start || neighbour.end !== candidate.end)) return { relation: 'inside', container: other };
    found = { relation: neighbour.start >= candidate.start && neighbour.end <= candidate.end ? 'holds' : 'crosses' };
  }
  return found;
}

/** What the article says of one name (lower-cased surface) across its candidates. */
interface SurfaceStats { count: number; locative: number; loc: number; metonymic: number; literal: number }

/**
 * Emits the features of every candidate of one article: the rules' reading and source, the
 * tagger's type, the words before and after (with their shapes and word classes), the head
 * noun's reading, the name's own words and shape, the gazetteer's kinds of the name, and what
 * the article says of the same name elsewhere (`Cavan Institute` placed by `in` once is a place
 * each time; a name the tagger calls LOC elsewhere; a name the rules read as metonymic
 * elsewhere). The text is tokenised once and the gazetteer asked once per name: a candidate
 * costs a few map lookups, not a pass of regular expressions over its neighbourhood.
 */
function emitArticleFeatures(text: string, candidates: readonly ToponymCandidate[], gazetteer: Gazetteer, clusters: ReadonlyMap<string, number>, sentenceStarts: ReadonlySet<number> | undefined, sink: FeatureSink): void {
  const article = new ArticleWords(text, gazetteer, clusters);
  const tokens = article.tokens;
  const surfaces: string[] = new Array(candidates.length);
  const lowerSurfaces: string[] = new Array(candidates.length);
  const lefts: string[][] = new Array(candidates.length);
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    surfaces[index] = text.slice(candidate.start, candidate.end);
    lowerSurfaces[index] = surfaces[index]!.toLowerCase();
    lefts[index] = article.before(candidate);
  }
  // "Bulgaria, Luxembourg, Malta, Portugal and Slovakia", "Brazil and China continued": names in
  // one list share the words before its first name and after its last.
  const listFirst = new Int32Array(candidates.length);
  const listLast = new Int32Array(candidates.length);
  for (let index = 0; index < candidates.length; index++) listFirst[index] = listLast[index] = index;
  for (let index = 1; index < candidates.length; index++) {
    const left = candidates[index - 1]!;
    const right = candidates[index]!;
    if (left.end <= right.start && right.start - left.end <= 8 && LIST_JOINER.test(text.slice(left.end, right.start))) listFirst[index] = listFirst[index - 1]!;
  }
  for (let index = candidates.length - 2; index >= 0; index--) if (listFirst[index + 1] === listFirst[index]) listLast[index] = listLast[index + 1]!;
  const bySurface = new Map<string, SurfaceStats>();
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    const surface = lowerSurfaces[index]!;
    const stats = bySurface.get(surface) ?? { count: 0, locative: 0, loc: 0, metonymic: 0, literal: 0 };
    stats.count++;
    const left = lefts[index]!;
    const previous = left[left.length - 1];
    const governor = previous === 'the' ? left[left.length - 2] : previous;
    if (governor !== undefined && LOCATIVE_WORDS.has(governor)) stats.locative++;
    if (candidate.mentionType === 'LOC') stats.loc++;
    if (candidate.ruleUse === 'metonymic') stats.metonymic++;
    if (candidate.ruleUse === 'literal') stats.literal++;
    bySurface.set(surface, stats);
  }

  // The article's bent: the share of its place names the rules read as governments, people or
  // teams, and whether it reports a game (where a city is often its team: `a loss to San Antonio`).
  let metonymic = 0;
  let read = 0;
  for (const candidate of candidates) {
    if (candidate.ruleUse === 'rejected') continue;
    read++;
    if (candidate.ruleUse === 'metonymic' || candidate.ruleUse === 'modifier') metonymic++;
  }
  const metonymyBand = String(Math.round((4 * metonymic) / Math.max(1, read)));
  const sports = hasSportsWords(text, tokens, 3);

  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    const { start, end } = candidate;
    const surface = surfaces[index]!;
    const type = candidate.mentionType ?? 'none';
    // A name read as metonymic only for its neighbour in a list (`China, India and Latin America were`) keeps its own reading here: the list is a feature of its own.
    const rule = candidate.ruleReason === 'list' ? 'literal' : candidate.ruleUse;
    sink.add(index, 'bias', '');
    sink.add(index, 'rule', rule);
    sink.add(index, 'source', candidate.source);
    sink.add(index, 'type', type);
    sink.add(index, 'type+rule', type, rule);
    sink.add(index, 'source+rule', candidate.source, rule);
    sink.add(index, 'source+type', candidate.source, type);
    const reason = candidate.ruleReason ?? rule;
    sink.add(index, 'reason', reason);

    const left = lefts[index]!;
    const rightTokens = article.after(candidate);
    const right: string[] = [];
    for (const token of rightTokens) right.push(lowerOf(text, token));
    const previous = itemOr(left, left.length - 1, '<s>');
    const previous2 = itemOr(left, left.length - 2, '<s>');
    // "at the Dubai World Cup": the word before an article says more than the article.
    const governor = previous === 'the' || previous === 'a' ? previous2 : previous;
    const next = itemOr(right, 0, '</s>');
    const next2 = itemOr(right, 1, '</s>');
    const nextToken = rightTokens.length > 0 ? rightTokens[0] : undefined;
    const nextWord = nextToken ? text.slice(nextToken.start, nextToken.end) : '';
    sink.add(index, 'w-1', previous);
    sink.add(index, 'w-2', previous2);
    sink.add(index, 'w-2,w-1', previous2, previous);
    sink.add(index, 'gov', governor);
    sink.add(index, 'gov+rule', governor, rule);
    sink.add(index, 'w+1', next);
    sink.add(index, 'w+2', next2);
    sink.add(index, 'w+1,w+2', next, next2);
    sink.add(index, 'w+1+type', next, type);
    sink.add(index, 'shape+1', shapeOf(nextWord || next));
    sink.add(index, 'w-1,w+1', previous, next);
    if (LOWER_WORD.test(nextWord)) {
      sink.add(index, 'suffix+1', nextWord.slice(-2));
      sink.add(index, 'suffix+1+rule', nextWord.slice(-2), rule);
    }
    const clusterNext = article.cluster(next);
    const clusterGovernor = article.cluster(governor);
    sink.add(index, 'c-1', article.cluster(previous));
    sink.add(index, 'cgov', clusterGovernor);
    sink.add(index, 'c+1', clusterNext);
    sink.add(index, 'c+2', article.cluster(next2));
    sink.add(index, 'c+1,c+2', clusterNext, article.cluster(next2));
    sink.add(index, 'c+1+rule', clusterNext, rule);
    sink.add(index, 'cgov+rule', clusterGovernor, rule);
    for (let position = 0; position < right.length; position++) {
      const word = right[position]!;
      if (right.indexOf(word) !== position) continue;
      sink.add(index, 'right', word);
      sink.add(index, 'cright', article.cluster(word));
    }
    for (let position = 0; position < left.length; position++) {
      const word = left[position]!;
      if (left.indexOf(word) !== position) continue;
      sink.add(index, 'left', word);
      sink.add(index, 'cleft', article.cluster(word));
    }
    // (The rules' own metonymy test is in `rule`: computing it again per candidate doubled the time.)
    sink.add(index, 'head', headReading(text, end) ?? 'none');
    // The content word that governs the phrase: `sell ... to [Saudi Arabia]`, `permission from
    // [Georgia]`, `a loss to [San Antonio]` (the word before the preposition).
    const predicate = [...left].reverse().find((word) => word.length > 2 && !FUNCTION_WORDS.has(word) && LOWER_START.test(word));
    if (predicate !== undefined) {
      sink.add(index, 'pred', predicate);
      sink.add(index, 'cpred', article.cluster(predicate));
      sink.add(index, 'cpred+gov', article.cluster(predicate), governor);
      const predicateClass = PREDICATE_CLASSES.get(predicate);
      if (predicateClass) sink.add(index, 'pred-class+gov', predicateClass, governor);
    }
    if (listFirst[index] !== index || listLast[index] !== index) {
      const headLeft = lefts[listFirst[index]!]!;
      const headPrevious = itemOr(headLeft, headLeft.length - 1, '<s>');
      const headGovernor = headPrevious === 'the' || headPrevious === 'a' ? itemOr(headLeft, headLeft.length - 2, '<s>') : headPrevious;
      let tailNext = next;
      if (listLast[index] !== index) {
        const tail = article.after(candidates[listLast[index]!]!);
        tailNext = tail.length > 0 ? lowerOf(text, tail[0]!) : '</s>';
      }
      sink.add(index, 'list-gov', headGovernor);
      sink.add(index, 'list-cgov', article.cluster(headGovernor));
      sink.add(index, 'list-cgov+rule', article.cluster(headGovernor), rule);
      sink.add(index, 'list-w+1', tailNext);
      sink.add(index, 'list-c+1', article.cluster(tailNext));
      sink.add(index, 'list-c+1+rule', article.cluster(tailNext), rule);
    }

    const words = surface.split(/\s+/);
    // "United States via NAFTA": a lower-case word inside a name is a tagger slip more often than
    // a name (`Bosnia and Herzegovina`, `Isle of Man` aside).
    const inner = words.slice(1).find((word) => LOWER_START.test(word));
    if (inner !== undefined) sink.add(index, 'inner-lower', NAME_JOINERS.has(inner) ? inner : '?', rule);
    // "Gilgit-Baltistan", "Miami-Dade" are one name; "London-based" is a modifier.
    const following = charAt(text, end);
    if (following === '-' || following === '–') sink.add(index, 'hyphen+1', shapeOf(charAt(text, end + 1)));
    const preceding = charAt(text, start - 1);
    if (preceding === '-' || preceding === '–') sink.add(index, 'hyphen-1', shapeOf(charAt(text, start - 2)));
    // Overlapping candidates compete (`Calgary-based` and `Calgary`): say which one this is.
    const outer = overlapOf(candidates, index);
    if (outer) {
      sink.add(index, 'overlap', outer.relation, candidate.source);
      // "[Washington], D.C." inside a name the gazetteer knows whole is not a name of its own.
      if (outer.container !== undefined) sink.add(index, 'inside-known', String(article.factsOf(surfaces[outer.container]!).kinds[0] !== 'unknown'), candidate.source);
    }
    sink.add(index, 'first', (words[0] ?? '').toLowerCase());
    sink.add(index, 'last', (words[words.length - 1] ?? '').toLowerCase());
    sink.add(index, 'words', String(Math.min(4, words.length)));
    // "Percy French Hotel", "Meydan Racecourse", "Cavan Institute": a place or building word.
    const placeWord = PLACE_WORD.test(surface) ? 'place' : INSTITUTION_WORD.test(surface) ? 'institution' : 'none';
    sink.add(index, 'place-word', placeWord, type);
    sink.add(index, 'name', lowerSurfaces[index]!);
    const shape = ACRONYM.test(surface) ? 'acronym' : /\d/.test(surface) ? 'digit' : TITLE.test(surface) ? 'title' : 'other';
    sink.add(index, 'shape', shape);
    sink.add(index, 'shape+type', shape, type);
    if (sentenceStarts?.has(start) || /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, start - 3), start))) sink.add(index, 'sentence-initial', '');
    if (/^['’]s?\s/u.test(text.slice(end, end + 3))) sink.add(index, 'possessive', '');
    if (/["“”‘’']\s*$/u.test(text.slice(Math.max(0, start - 2), start))) sink.add(index, 'quoted', '');

    const known = article.factsOf(surface);
    for (const kind of known.kinds) {
      sink.add(index, 'kind', kind);
      sink.add(index, 'kind+type', kind, type);
      sink.add(index, 'kind+rule', kind, rule);
      sink.add(index, 'kind+source', kind, candidate.source);
    }
    sink.add(index, 'population', known.population);
    // Inside a longer capitalised name (`the Winnipeg Fire Paramedic Service`).
    if (CAPITAL_AFTER.test(text.slice(end, end + 2))) sink.add(index, 'capital-after', '');
    if (capitalisedWordBefore(text, start)) sink.add(index, 'capital-before', '');

    const stats = bySurface.get(lowerSurfaces[index]!)!;
    sink.add(index, 'doc-count', String(Math.min(3, stats.count)));
    if (stats.locative > 0) {
      sink.add(index, 'doc-locative', '');
      sink.add(index, 'doc-locative+type', type);
    }
    if (stats.loc > 0 && type !== 'LOC') sink.add(index, 'doc-loc+type', type);
    if (stats.metonymic > 0) sink.add(index, 'doc-metonymic+rule', rule);
    if (stats.literal > 0) sink.add(index, 'doc-literal+rule', rule);
    sink.add(index, 'doc-metonymy+rule', metonymyBand, rule);
    if (sports) sink.add(index, 'doc-sports+rule', rule);
  }
}

/** A feature's name in the model: `template=value second`, or the bare template for a flag (empty value). */
const featureName = (template: string, value: string, second?: string): string => (second !== undefined ? `${template}=${value} ${second}` : value === '' ? template : `${template}=${value}`);

/**
 * A feature name's two 32-bit hashes (FNV-1a with two primes), fed piece by piece so that
 * `template`, `=`, `value`, ` `, `second` hash as their concatenation without building it.
 */
function featureHashes(template: string, value: string, second: string | undefined, out: Int32Array): void {
  out[0] = -2128831035;
  out[1] = 0x2545f491;
  feedHashes(template, out);
  if (value !== '' || second !== undefined) {
    feedHashes('=', out);
    feedHashes(value, out);
    if (second !== undefined) {
      feedHashes(' ', out);
      feedHashes(second, out);
    }
  }
}

function feedHashes(piece: string, state: Int32Array): void {
  let first = state[0]!;
  let other = state[1]!;
  for (let at = 0; at < piece.length; at++) {
    const code = piece.charCodeAt(at);
    first = Math.imul(first ^ code, 16777619);
    other = Math.imul(other ^ code, 0x5bd1e995);
  }
  state[0] = first;
  state[1] = other;
}

/**
 * Weights by the two hashes of their feature names: an open-addressing table whose slot (chosen
 * by the first hash) holds the second hash and the weight side by side, 8 bytes in all, so a
 * probe reads one cache line; a second hash of 0 marks an empty slot (a real 0 is stored as 1).
 * A feature the model lacks (a rare word, a pair never seen) was found missing by a read of the
 * 256 KB table, which the other stages keep pushing out of the cache (half the time of a lookup
 * went to that read): a 32 KB bit set by the second hash answers most of those first (the places
 * stage 3 % faster with this and the sports-word count of {@link hasSportsWords}, same output).
 */
export interface WeightTable { readonly mask: number; readonly keys: Int32Array; readonly weights: Float32Array; readonly filter: Int32Array }

/** Bits of {@link WeightTable.filter}: 2^18, for a false positive rate of about 8 % at 20,000 weights. */
const FILTER_MASK = (1 << 18) - 1;

function weightTable(weights: ReadonlyMap<string, number>): WeightTable {
  let size = 16;
  while (size < weights.size * 1.5) size *= 2;
  const buffer = new ArrayBuffer(size * 8);
  const table: WeightTable = { mask: size - 1, keys: new Int32Array(buffer), weights: new Float32Array(buffer), filter: new Int32Array((FILTER_MASK + 1) >>> 5) };
  const hashes = new Int32Array(2);
  for (const [feature, weight] of weights) {
    featureHashes(feature, '', undefined, hashes);
    const check = hashes[1] || 1;
    let slot = hashes[0]! & table.mask;
    while (table.keys[2 * slot] !== 0 && table.keys[2 * slot] !== check) slot = (slot + 1) & table.mask;
    table.keys[2 * slot] = check;
    table.weights[2 * slot + 1] = weight;
    const bit = check & FILTER_MASK;
    table.filter[bit >>> 5] = table.filter[bit >>> 5]! | (1 << (bit & 31));
  }
  return table;
}

function tableWeight(table: WeightTable, first: number, second: number): number {
  const check = second || 1;
  const bit = check & FILTER_MASK;
  if ((table.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
  const { keys, mask } = table;
  for (let slot = first & mask; ; slot = (slot + 1) & mask) {
    const key = keys[2 * slot]!;
    if (key === check) return table.weights[2 * slot + 1]!;
    if (key === 0) return 0;
  }
}

/** Features of every candidate of one article, as `template=value` strings (training and cross-validation). */
export function articleToponymFeatures(text: string, candidates: readonly ToponymCandidate[], gazetteer: Gazetteer, clusters: ReadonlyMap<string, number>, sentenceStarts?: ReadonlySet<number>): string[][] {
  const features: string[][] = candidates.map(() => []);
  emitArticleFeatures(text, candidates, gazetteer, clusters, sentenceStarts, new FeatureLists(features));
  return features;
}

/**
 * Probability that each candidate of one article is a literal toponym: the same features as
 * {@link articleToponymFeatures}, each looked up by the hashes of its name (no feature string is
 * built: joining and hashing strings was most of the time).
 */
export function literalProbabilities(text: string, candidates: readonly ToponymCandidate[], classifier: ToponymClassifier, gazetteer: Gazetteer, sentenceStarts?: ReadonlySet<number>): number[] {
  const sums = new Float64Array(candidates.length);
  emitArticleFeatures(text, candidates, gazetteer, classifier.clusters, sentenceStarts, new WeightSums(classifier.table, sums));
  const probabilities: number[] = new Array(candidates.length);
  for (let index = 0; index < candidates.length; index++) probabilities[index] = sigmoid(sums[index]!);
  return probabilities;
}

/** A classifier from its flat weights (see {@link ToponymClassifier}). */
export function makeToponymClassifier(weights: ReadonlyMap<string, number>, clusters: ReadonlyMap<string, number>, threshold: number): ToponymClassifier {
  return { weights, clusters, threshold, table: weightTable(weights) };
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/** Probability that the candidate with these features is a literal toponym. */
export function literalProbability(classifier: ToponymClassifier, features: readonly string[]): number {
  let sum = 0;
  for (const feature of features) sum += classifier.weights.get(feature) ?? 0;
  return sigmoid(sum);
}

/**
 * Which candidates are literal: those at or above the threshold, taken most probable first and
 * never overlapping one already taken (a mention and a place name inside it: `Calgary-based`).
 */
export function selectLiteral(candidates: readonly { readonly start: number; readonly end: number }[], probabilities: readonly number[], threshold: number): boolean[] {
  const chosen = candidates.map(() => false);
  const order = candidates.map((_, index) => index).filter((index) => (probabilities[index] ?? 0) >= threshold);
  order.sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
  const taken: { start: number; end: number }[] = [];
  for (const index of order) {
    const candidate = candidates[index]!;
    if (taken.some((span) => span.start < candidate.end && candidate.start < span.end)) continue;
    taken.push(candidate);
    chosen[index] = true;
  }
  return chosen;
}

/**
 * Trains an L2-regularised logistic regression with AdaGrad over the examples, in an order
 * shuffled by a fixed seed: the same examples give the same model.
 */
export function trainToponymClassifier(examples: readonly ToponymExample[], clusters: ReadonlyMap<string, number>, options: TrainToponymOptions = {}): ToponymClassifier {
  const { epochs = 20, l2 = 1e-4, rate = 0.015, minCount = 2, seed = 1, threshold = 0.35 } = options;
  const counts = new Map<string, number>();
  for (const example of examples) for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [feature, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= minCount || feature === 'bias') ids.set(feature, ids.size);
  const encoded = examples.map((example) => ({ ids: [...new Set(example.features)].flatMap((feature) => ids.get(feature) ?? []), literal: example.literal }));
  const weights = new Float64Array(ids.size);
  const squares = new Float64Array(ids.size).fill(1e-8);
  const order = encoded.map((_, index) => index);
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const position of order) {
      const example = encoded[position]!;
      let sum = 0;
      for (const id of example.ids) sum += weights[id]!;
      const gradient = sigmoid(sum) - (example.literal ? 1 : 0);
      for (const id of example.ids) {
        const step = gradient + l2 * weights[id]!;
        squares[id]! += step * step;
        weights[id]! -= (rate * step) / Math.sqrt(squares[id]!);
      }
    }
  }
  const kept = new Map<string, number>();
  for (const [feature, id] of ids) {
    const weight = Math.round(weights[id]! * 1e4) / 1e4;
    // Weights this small change no decision and only bloat the model file.
    if (Math.abs(weight) >= 1e-3) kept.set(feature, weight);
  }
  return makeToponymClassifier(kept, clusters, threshold);
}

/** The model as JSON (features sorted, so a rebuild gives the same bytes). */
export function serializeToponymClassifier(classifier: ToponymClassifier): string {
  const weights = Object.fromEntries([...classifier.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  // Only the clusters some weight reads: a word's class matters only when its class has a weight.
  const used = new Set<string>();
  for (const feature of classifier.weights.keys()) {
    const match = /^c[^=]*=(.*)$/.exec(feature);
    if (match?.[1]) for (const part of match[1].split(/[ +]/)) used.add(part);
  }
  const clusters = Object.fromEntries([...classifier.clusters].filter(([, id]) => used.has(String(id))).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return `${JSON.stringify({ format: 'lede-toponym-classifier', version: 1, threshold: classifier.threshold, clusters, weights })}\n`;
}

/** Default model path: `models/places/toponym-classifier.json.gz` at the package root. */
export function defaultToponymClassifierPath(): string {
  return join(defaultGazetteerDir(), '..', 'places', 'toponym-classifier.json.gz');
}

/** Loads a classifier written by {@link serializeToponymClassifier} (gzipped), or undefined when the file is absent. */
export function loadToponymClassifier(path: string = defaultToponymClassifierPath()): ToponymClassifier | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { format?: string; threshold?: number; clusters?: Record<string, number>; weights?: Record<string, number> };
  if (parsed.format !== 'lede-toponym-classifier' || !parsed.weights) throw new Error(`places: ${path} is not a toponym classifier; rebuild it with npx tsx scripts/train-toponyms.ts`);
  return makeToponymClassifier(new Map(Object.entries(parsed.weights)), new Map(Object.entries(parsed.clusters ?? {})), parsed.threshold ?? 0.5);
}

/**
 * Decides the candidates with the classifier: a literal one keeps the rules' `literal-modifier`
 * reading or becomes `literal`; a rejected one the rules read as a `modifier` stays a modifier
 * (`the US military` still names the US, off the map); the rest are dropped.
 */
export function classifyToponyms(text: string, candidates: readonly ToponymCandidate[], classifier: ToponymClassifier, gazetteer: Gazetteer, sentenceStarts?: ReadonlySet<number>): FoundToponym[] {
  const found: FoundToponym[] = [];
  const probabilities = literalProbabilities(text, candidates, classifier, gazetteer, sentenceStarts);
  const chosen = selectLiteral(candidates, probabilities, classifier.threshold);
  for (const [index, candidate] of candidates.entries()) {
    const literal = chosen[index] === true;
    if (!literal && candidate.source === 'embedded') continue;
    const use = literal ? (candidate.ruleUse === 'literal-modifier' ? 'literal-modifier' : 'literal') : candidate.ruleUse === 'modifier' ? 'modifier' : undefined;
    if (use) found.push({ start: candidate.start, end: candidate.end, source: candidate.source, use, ...(candidate.mentionId ? { mentionId: candidate.mentionId } : {}) });
  }
  return found;
}
export { emitArticleFeatures as __emit };
