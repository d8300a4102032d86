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
import type { FoundToponym, ToponymCandidate } from './toponym-finder.js';
import { headReading } from './toponym-use.js';

/** A trained classifier: feature weights and the probability from which a candidate is literal. */
export interface ToponymClassifier {
  readonly weights: ReadonlyMap<string, number>;
  /** Cluster id (of 256) of each frequent lower-case word, shipped with the model (see {@link frequentWordClusters}). */
  readonly clusters: ReadonlyMap<string, number>;
  /** Default 0.5. */
  readonly threshold: number;
}

/** One training example: a candidate's features and whether it is a literal toponym in the gold data. */
export interface ToponymExample {
  readonly features: readonly string[];
  readonly literal: boolean;
}

/** Options of {@link trainToponymClassifier}. */
export interface TrainToponymOptions {
  /** Passes over the examples (default 12). */
  readonly epochs?: number;
  /** L2 penalty per example (default 1e-4). */
  readonly l2?: number;
  /** AdaGrad step (default 0.03). */
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
    const [word, rank, , c256] = line.split('\t');
    if (word && /^[a-z][a-z'-]*$/.test(word) && Number(rank) < maxRank && c256 !== undefined) clusters.set(word, Number(c256));
  }
  return clusters;
}

/** Lower-case words of a stretch of text, with punctuation marks as their own tokens. */
function tokens(stretch: string): string[] {
  return (stretch.match(/[\p{L}\p{M}\d]+(?:['’.-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/gu) ?? []).map((token) => token.toLowerCase().replace(/’/g, "'"));
}

const shapeOf = (word: string): string => /^\p{Lu}+$/u.test(word) ? 'X' : /^\p{Lu}/u.test(word) ? 'Xx' : /^\p{Ll}/u.test(word) ? 'x' : /^\d/.test(word) ? 'd' : word;

/** The population of the biggest entry, as an order of magnitude (`0` when unknown). */
function populationBand(population: number): string {
  return population <= 0 ? '0' : String(Math.min(8, Math.floor(Math.log10(population))));
}

/**
 * Features of one candidate: the rules' reading and source, the tagger's type, the words before
 * and after (with their shapes), the head noun's reading, the name's own words and shape, and
 * the gazetteer's kinds of the name.
 */
export function toponymFeatures(text: string, candidate: ToponymCandidate, gazetteer: Gazetteer, clusters: ReadonlyMap<string, number>, sentenceStarts?: ReadonlySet<number>): string[] {
  const { start, end } = candidate;
  const surface = text.slice(start, end);
  const type = candidate.mentionType ?? 'none';
  const rule = candidate.ruleUse;
  const features = ['bias', `rule=${rule}`, `source=${candidate.source}`, `type=${type}`, `type+rule=${type}+${rule}`, `source+rule=${candidate.source}+${rule}`];

  const before = tokens(text.slice(Math.max(0, start - 40), start));
  const afterRaw = text.slice(end, end + 40);
  const after = tokens(afterRaw);
  const previous = before[before.length - 1] ?? '<s>';
  const previous2 = before[before.length - 2] ?? '<s>';
  // "at the Dubai World Cup": the word before an article says more than the article.
  const governor = previous === 'the' || previous === 'a' ? previous2 : previous;
  const next = after[0] ?? '</s>';
  const next2 = after[1] ?? '</s>';
  const nextWord = /^\s*([\p{L}\p{M}'’-]+)/u.exec(afterRaw)?.[1] ?? '';
  features.push(
    `w-1=${previous}`, `w-2=${previous2}`, `w-2,w-1=${previous2} ${previous}`, `gov=${governor}`, `gov+rule=${governor}+${rule}`,
    `w+1=${next}`, `w+2=${next2}`, `w+1,w+2=${next} ${next2}`, `w+1+type=${next}+${type}`,
    `shape+1=${shapeOf(nextWord || next)}`, `w-1,w+1=${previous} ${next}`,
  );
  if (/^\p{Ll}{3,}$/u.test(nextWord)) features.push(`suffix+1=${nextWord.slice(-2)}`, `suffix+1+rule=${nextWord.slice(-2)}+${rule}`);
  const cluster = (word: string): string => String(clusters.get(word) ?? (/^\p{L}/u.test(word) ? '?' : word));
  features.push(`c-1=${cluster(previous)}`, `cgov=${cluster(governor)}`, `c+1=${cluster(next)}`, `c+2=${cluster(next2)}`, `c+1,c+2=${cluster(next)} ${cluster(next2)}`, `c+1+rule=${cluster(next)}+${rule}`, `cgov+rule=${cluster(governor)}+${rule}`);
  for (const word of new Set(after.slice(0, 4))) features.push(`right=${word}`, `cright=${cluster(word)}`);
  for (const word of new Set(before.slice(-4))) features.push(`left=${word}`, `cleft=${cluster(word)}`);
  // (The rules' own metonymy test is in `rule`: computing it again per candidate doubled the time.)
  features.push(`head=${headReading(text, end) ?? 'none'}`);

  const words = surface.split(/\s+/);
  const lowerWords = words.map((word) => word.toLowerCase());
  features.push(`first=${lowerWords[0] ?? ''}`, `last=${lowerWords[lowerWords.length - 1] ?? ''}`, `words=${Math.min(4, words.length)}`, `name=${surface.toLowerCase()}`);
  const shape = /^(?:\p{Lu}\.?)+$/u.test(surface) ? 'acronym' : /\d/.test(surface) ? 'digit' : /^\p{Lu}[\p{Ll}\p{M}'’.-]/u.test(surface) ? 'title' : 'other';
  features.push(`shape=${shape}`, `shape+type=${shape}+${type}`);
  if (sentenceStarts?.has(start) || /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, start - 3), start))) features.push('sentence-initial');
  if (/^['’]s?\s/u.test(afterRaw)) features.push('possessive');
  if (/["“”‘’']\s*$/u.test(text.slice(Math.max(0, start - 2), start))) features.push('quoted');

  const key = placeKey(surface);
  const entries = gazetteer.lookupKey(key).length > 0 ? gazetteer.lookupKey(key) : gazetteer.lookupKey(key.replace(/^the /, ''));
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
  for (const kind of kinds) features.push(`kind=${kind}`, `kind+type=${kind}+${type}`, `kind+rule=${kind}+${rule}`);
  features.push(`population=${populationBand(population)}`);
  // Inside a longer capitalised name (`the Winnipeg Fire Paramedic Service`).
  if (/^\s\p{Lu}/u.test(afterRaw)) features.push('capital-after');
  if (/\p{Lu}[\p{L}.]*\s$/u.test(text.slice(Math.max(0, start - 20), start))) features.push('capital-before');
  return features;
}

/** A locative preposition right before a name (`in Cavan Institute`, `at the Dubai World Cup`). */
const LOCATIVE = /\b(?:in|at|from|into|near|to|inside|outside|across|throughout|around|within)\s+(?:the\s+)?$/i;

/**
 * Features of every candidate of one article: {@link toponymFeatures} plus what the article says
 * of the same name elsewhere (`Cavan Institute` placed by `in` once is a place each time; a name
 * the tagger calls LOC elsewhere; a name the rules read as metonymic elsewhere).
 */
export function articleToponymFeatures(text: string, candidates: readonly ToponymCandidate[], gazetteer: Gazetteer, clusters: ReadonlyMap<string, number>, sentenceStarts?: ReadonlySet<number>): string[][] {
  const bySurface = new Map<string, { count: number; locative: number; loc: number; metonymic: number; literal: number }>();
  const surfaceOf = (candidate: ToponymCandidate): string => text.slice(candidate.start, candidate.end).toLowerCase();
  for (const candidate of candidates) {
    const surface = surfaceOf(candidate);
    const stats = bySurface.get(surface) ?? { count: 0, locative: 0, loc: 0, metonymic: 0, literal: 0 };
    stats.count++;
    if (LOCATIVE.test(text.slice(Math.max(0, candidate.start - 16), candidate.start))) stats.locative++;
    if (candidate.mentionType === 'LOC') stats.loc++;
    if (candidate.ruleUse === 'metonymic') stats.metonymic++;
    if (candidate.ruleUse === 'literal') stats.literal++;
    bySurface.set(surface, stats);
  }
  return candidates.map((candidate) => {
    const features = toponymFeatures(text, candidate, gazetteer, clusters, sentenceStarts);
    const stats = bySurface.get(surfaceOf(candidate))!;
    const type = candidate.mentionType ?? 'none';
    features.push(`doc-count=${Math.min(3, stats.count)}`);
    if (stats.locative > 0) features.push('doc-locative', `doc-locative+type=${type}`);
    if (stats.loc > 0 && type !== 'LOC') features.push(`doc-loc+type=${type}`);
    if (stats.metonymic > 0) features.push(`doc-metonymic+rule=${candidate.ruleUse}`);
    if (stats.literal > 0) features.push(`doc-literal+rule=${candidate.ruleUse}`);
    return features;
  });
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
  const { epochs = 12, l2 = 1e-4, rate = 0.03, minCount = 2, seed = 1, threshold = 0.35 } = options;
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
  return { weights: kept, clusters, threshold };
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
  return { weights: new Map(Object.entries(parsed.weights)), clusters: new Map(Object.entries(parsed.clusters ?? {})), threshold: parsed.threshold ?? 0.5 };
}

/**
 * Decides the candidates with the classifier: a literal one keeps the rules' `literal-modifier`
 * reading or becomes `literal`; a rejected one the rules read as a `modifier` stays a modifier
 * (`the US military` still names the US, off the map); the rest are dropped.
 */
export function classifyToponyms(text: string, candidates: readonly ToponymCandidate[], classifier: ToponymClassifier, gazetteer: Gazetteer, sentenceStarts?: ReadonlySet<number>): FoundToponym[] {
  const found: FoundToponym[] = [];
  const probabilities = articleToponymFeatures(text, candidates, gazetteer, classifier.clusters, sentenceStarts).map((features) => literalProbability(classifier, features));
  const chosen = selectLiteral(candidates, probabilities, classifier.threshold);
  for (const [index, candidate] of candidates.entries()) {
    const literal = chosen[index] === true;
    if (!literal && candidate.source === 'embedded') continue;
    const use = literal ? (candidate.ruleUse === 'literal-modifier' ? 'literal-modifier' : 'literal') : candidate.ruleUse === 'modifier' ? 'modifier' : undefined;
    if (use) found.push({ start: candidate.start, end: candidate.end, source: candidate.source, use, ...(candidate.mentionId ? { mentionId: candidate.mentionId } : {}) });
  }
  return found;
}
