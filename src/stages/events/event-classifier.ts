/**
 * Event type classification of a sentence or snippet: ACLED sub-event type (CASE 2021 codes) and PLOVER
 * type + mode. Two linear models over words, word pairs and lexicon cue hits, and a pure lexicon baseline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ACLED_CUES, ACTOR_KIND_CUES, ASSAULT_MODE_CUES, EVENT_TRIGGER_PATTERN, PLOVER_TRIGGER_PATTERNS, PLOVER_CUES, PLOVER_TYPES, type EventCode, type EventCue, type PloverType } from '../../lang/en/event-triggers.js';
import { modelsDirectory } from '../../util/package-root.js';
import { porterStem } from '../summary/porter-stemmer.js';
import { clusterLevels, loadWordClusters, type WordClusters } from '../entities/tagger/word-clusters.js';
import { defaultModelDirectory, modelFiles } from '../entities/tagger/tagger.js';
import { ALL_CODES, eventTypeInfo, type EventTypeInfo } from './event-types.js';
import { buildCueIndex, buildTokenMatcher, candidateCues, matchTokens } from './cue-index.js';
import { featureValues, linearModelFromJson, predictFromValues, type LinearModel, type LinearModelJson } from './linear-model.js';

/** A cue compiled to a global, case-insensitive regular expression. */
interface CompiledCue {
  readonly table: 'acled' | 'plover';
  readonly label: string;
  readonly index: number;
  readonly weight: number;
  readonly pattern: RegExp;
  readonly source: string;
}

function compile<Label extends string>(tableName: CompiledCue['table'], table: Readonly<Record<Label, readonly EventCue[]>>): CompiledCue[] {
  const out: CompiledCue[] = [];
  for (const [label, cues] of Object.entries(table) as [Label, readonly EventCue[]][]) {
    cues.forEach((cue, index) => out.push({ table: tableName, label, index, weight: cue.weight ?? 1, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'i'), source: cue.pattern }));
  }
  return out;
}

// Compiled once; read-only afterwards.
const ACLED_COMPILED = compile('acled', ACLED_CUES);
const PLOVER_COMPILED = compile('plover', PLOVER_CUES);
// Both tables filed by the first letters of their matches: a sentence runs only the cues its words can start.
const CUE_INDEX = buildCueIndex([...ACLED_COMPILED, ...PLOVER_COMPILED], (cue) => cue.source);
const MODE_COMPILED = ASSAULT_MODE_CUES.map((cue) => ({ mode: cue.mode, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'i') }));

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
// Module-level: under tsx a `\p{…}` literal inside a function is rebuilt on every call.
const NUMBER_START = /^\p{N}/u;
const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'that', 'this', 'it', 'its', 'which', 'who', 'are', 'or', 'but']);

/**
 * A light suffix stripper (plural, past, gerund, adverb): `attacks`, `attacked`, `attacking` → `attack`.
 * Ten times faster than Porter (2.5 µs a word, most of the events stage's time) and as good for the
 * event models, which see every inflection of a trigger in training anyway.
 */
export function lightStem(word: string): string {
  const length = word.length;
  if (length <= 3) return word;
  if (word.endsWith('ies') && length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && length > 4) return word.endsWith('ied') ? `${word.slice(0, -3)}y` : undouble(word.slice(0, -2));
  if (word.endsWith('ly') && length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('e') && length > 4) return word.slice(0, -1);
  return word;
}

// "kidnapped" → "kidnap", "shelling" → "shell" is kept (ll), "attacked" → "attack".
function undouble(stem: string): string {
  const last = stem.length - 1;
  return stem.length > 3 && stem[last] === stem[last - 1] && !/[lsz]/.test(stem[last]!) ? stem.slice(0, -1) : stem.endsWith('e') && stem.length > 4 ? stem.slice(0, -1) : stem;
}

/** Lower-cased, stemmed content words of a text (numbers folded to `0`); `porter` = the Porter stemmer. */
export function stemmedWords(text: string, stemmer: 'light' | 'porter' = 'light'): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD_PATTERN)) {
    const raw = match[0];
    const word = raw.length > 2 && (raw.endsWith("'s") || raw.endsWith('’s')) ? raw.slice(0, -2) : raw;
    if (STOP_WORDS.has(word)) continue;
    const first = word.charCodeAt(0);
    out.push(first >= 48 && first <= 57 || first > 127 && NUMBER_START.test(word[0]!) ? '0' : stemmer === 'porter' ? porterStem(word) : lightStem(word));
  }
  return out;
}

/** Which lexicon cues fire in a text: ACLED code and PLOVER type hits with their pattern index. */
export interface CueHits {
  readonly acled: readonly CompiledCue[];
  readonly plover: readonly CompiledCue[];
  /** PLOVER types in the order their first cue appears in the text (the main verb tends to come first). */
  readonly ploverOrder: readonly string[];
  /** Offset of the earliest ACLED cue hit (the main event word, as snippets tell it first), -1 if none. */
  readonly firstAcledAt: number;
  /** ACLED code of that earliest hit. */
  readonly firstAcled?: string;
}

/** Runs both cue tables over a text. */
export function findCues(text: string): CueHits {
  const acled: CompiledCue[] = [];
  const plover: CompiledCue[] = [];
  const firstPosition = new Map<string, number>();
  let firstAcledAt = -1;
  let firstAcled: string | undefined;
  for (const cue of candidateCues(CUE_INDEX, text)) {
    const match = cue.pattern.exec(text);
    if (!match) continue;
    if (cue.table === 'acled') {
      acled.push(cue);
      if (firstAcledAt < 0 || match.index < firstAcledAt) { firstAcledAt = match.index; firstAcled = cue.label; }
      continue;
    }
    plover.push(cue);
    const known = firstPosition.get(cue.label);
    if (known === undefined || match.index < known) firstPosition.set(cue.label, match.index);
  }
  const ploverOrder = [...firstPosition].sort((a, b) => a[1] - b[1]).map(([label]) => label);
  return { acled, plover, ploverOrder, firstAcledAt, ...(firstAcled ? { firstAcled } : {}) };
}

// Clause-level cues of stance: intent (`will`, `willing to`) marks PLOVER's AGREE, obligation (`must`) REQUEST.
const STANCE_CUES: readonly (readonly [string, RegExp])[] = [
  ['future', /\b(?:will|would|shall|to be)\b/i],
  ['intent', /\b(?:willing|ready to|intends?|intention|plans? to|promis\w*|pledg\w*|vow\w*|offer\w*|agreed to|decided to|committed to)\b/i],
  ['obligation', /\b(?:must|should|ought|has to|have to|needs? to)\b/i],
  ['negation', /\b(?:not|never|no)\b|n['’]t\b/i],
  ['said', /\b(?:said|says|told|announced|stated|reported)\b/i],
];

/** Word → class ids (for instance embedding clusters at two granularities), as extra generalising features. */
export type WordClasses = (word: string) => readonly string[];

/** Which feature groups {@link eventFeatures} adds (defaults: the shipped models' settings). */
export interface EventFeatureOptions {
  /** Stemmer of the word features. Default `light`. */
  readonly stemmer?: 'light' | 'porter';
  /**
   * Content words at the start that also get a lead feature (`l:`): a report tells its main event
   * first ("Gunmen attacked a packed mosque ... and set off a bomb" is an attack). Default 8
   * (5-fold CV on CASE 2021: +0.01 to +0.02 macro F1).
   */
  readonly lead?: number;
  /** Who acts and who is hit: actor-kind words before / after the first event cue (`r:`). Default true (CV: +0.015). */
  readonly roles?: boolean;
  /** The type of the first trigger words and whether they are said as intent or refusal (`mv`). Default true. */
  readonly mainVerb?: boolean;
}

// The trigger words of the extractor, one capture group per PLOVER type (violent and protest words as `EVENT`).
const MAIN_VERB = buildTokenMatcher([
  ...Object.entries(PLOVER_TRIGGER_PATTERNS).map(([type, source]) => ({ source, tag: type })), { source: EVENT_TRIGGER_PATTERN, tag: 'EVENT' },
]);
// "will withdraw … unless", "is prepared to impose martial law": said as intent; "will not accept": refused.
const INTENT_BEFORE = /\b(?:will|would|shall|may|might|could|to|plans?|intends?)\s+(?:\S+\s+)?$/i;
const REFUSAL_BEFORE = /\b(?:not|never|no|refus\w+|n['’]t)\s+(?:\S+\s+)?$/i;

/** Main-verb features: the type of the first two trigger words and how each is said (intent, refusal). */
function mainVerbFeatures(text: string, features: string[]): void {
  let rank = 0;
  for (const match of matchTokens(MAIN_VERB, text, 2)) {
    const type = match.tag;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const manner = INTENT_BEFORE.test(before) ? 'intent' : REFUSAL_BEFORE.test(before) ? 'refusal' : 'done';
    features.push(`mv${rank}:${type}`, `mv${rank}:${type}+${manner}`);
    if (++rank >= 2) break;
  }
}

const ACTOR_KIND_PATTERNS = ACTOR_KIND_CUES.map((cue) => ({ kind: cue.kind, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'gi') }));

/** Feature names of a text for the linear models: words, adjacent word pairs and cue hits. */
export function eventFeatures(text: string, hits: CueHits = findCues(text), wordClasses?: WordClasses, options: EventFeatureOptions = {}): string[] {
  const words = stemmedWords(text, options.stemmer);
  const features: string[] = [];
  const lead = Math.min(options.lead ?? 8, words.length);
  for (let index = 0; index < lead; index++) features.push(`l:${words[index]}`);
  if (hits.firstAcled) features.push(`fa:${hits.firstAcled}`);
  if (options.mainVerb ?? true) mainVerbFeatures(text, features);
  if (options.roles ?? true) {
    // "the terror group seized control of the city": an armed group before the event word takes territory;
    // "Police fired tear gas at protesters": protesters after it are the ones acted on.
    for (const { kind, pattern } of ACTOR_KIND_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const side = hits.firstAcledAt < 0 ? 'any' : match.index < hits.firstAcledAt ? 'subj' : 'obj';
        features.push(`r:${side}:${kind}`);
        if (hits.firstAcled) features.push(`r:${side}:${kind}+${hits.firstAcled}`);
      }
    }
  }
  if (wordClasses) {
    for (const match of text.toLowerCase().matchAll(WORD_PATTERN)) {
      if (STOP_WORDS.has(match[0])) continue;
      for (const id of wordClasses(match[0])) features.push(`k:${id}`);
    }
  }
  for (let index = 0; index < words.length; index++) {
    features.push(`w:${words[index]}`);
    if (index + 1 < words.length) features.push(`b:${words[index]}_${words[index + 1]}`);
  }
  const acledLabels = new Set<string>();
  for (const cue of hits.acled) { features.push(`c:${cue.label}:${cue.index}`); acledLabels.add(cue.label); }
  for (const label of acledLabels) features.push(`c:${label}`);
  // Pairs of cue classes: a protest cue with a dispersal cue is an intervention, with a shooting cue excessive force.
  const sortedLabels = [...acledLabels].sort();
  for (let i = 0; i < sortedLabels.length; i++) for (let j = i + 1; j < sortedLabels.length; j++) features.push(`cc:${sortedLabels[i]}+${sortedLabels[j]}`);
  const ploverLabels = new Set<string>();
  for (const cue of hits.plover) { features.push(`p:${cue.label}:${cue.index}`); ploverLabels.add(cue.label); }
  for (const label of ploverLabels) features.push(`p:${label}`);
  hits.ploverOrder.slice(0, 2).forEach((label, rank) => features.push(`first${rank}:${label}`));
  for (const [name, pattern] of STANCE_CUES) {
    if (!pattern.test(text)) continue;
    features.push(`s:${name}`);
    const first = hits.ploverOrder[0];
    if (first) features.push(`s:${name}+${first}`);
  }
  if (features.length === 0) features.push('empty');
  return features;
}

/** Lexicon vote per ACLED code: the summed weights of the code's cues that fire. */
export function lexiconScores(hits: CueHits): Map<string, number> {
  const scores = new Map<string, number>();
  for (const cue of hits.acled) scores.set(cue.label, (scores.get(cue.label) ?? 0) + cue.weight);
  return scores;
}

/** Lexicon baseline: the ACLED code with the highest cue vote (ties: catalogue order), or `OTHER` when nothing fires. */
export function classifyAcledByLexicon(text: string): EventCode {
  const scores = lexiconScores(findCues(text));
  let best: EventCode = 'OTHER';
  let bestScore = 0;
  for (const code of ALL_CODES) {
    const score = scores.get(code) ?? 0;
    if (score > bestScore) { best = code; bestScore = score; }
  }
  return best;
}

/** Lexicon baseline for PLOVER: the type with the highest cue vote, `null` when nothing fires. */
export function classifyPloverByLexicon(text: string): PloverType | null {
  const hits = findCues(text);
  const scores = new Map<string, number>();
  for (const cue of hits.plover) scores.set(cue.label, (scores.get(cue.label) ?? 0) + cue.weight);
  let best: PloverType | null = null;
  let bestScore = 0;
  for (const type of PLOVER_TYPES) {
    const score = scores.get(type) ?? 0;
    if (score > bestScore) { best = type; bestScore = score; }
  }
  return best;
}

/** PLOVER mode of violence named in a text (most specific first), if any. */
export function assaultMode(text: string): string | undefined {
  return MODE_COMPILED.find((cue) => cue.pattern.test(text))?.mode;
}

/** The trained models the classifier uses: ensembles whose probabilities are averaged. */
export interface EventTypeModels {
  readonly acled: readonly LinearModel[];
  readonly plover: readonly LinearModel[];
  /** Word classes (embedding clusters) the models were trained with. */
  readonly wordClasses?: WordClasses;
}

/** Classification of one sentence or snippet. */
export interface EventTypeResult {
  readonly code: EventCode;
  readonly info: EventTypeInfo;
  /** Probability of `code` under the ACLED models. */
  readonly confidence: number;
  readonly ploverType: PloverType;
  readonly ploverConfidence: number;
  readonly mode?: string;
  /** Whether any lexicon cue fired (a text without cues is rarely an event). */
  readonly cued: boolean;
  /** The most probable of the 25 ACLED sub-types (differs from `code` when a CASE extra class wins). */
  readonly acledOnly: EventTypeInfo;
  /**
   * The most probable class of PLOVER type `type` that the cues allow (undefined: no class has that
   * type, as for REQUEST or REJECT). The two models are trained apart and often disagree ("denied
   * involvement in the bombing": REJECT, and a bombing's sub-type); a record's ACLED sub-type must
   * be one of its PLOVER type's. Worked out when first asked (most records need no such choice).
   */
  readonly acledFor: (type: PloverType) => EventTypeInfo | undefined;
}

/** Average class probabilities of an ensemble (all members share one class order). */
export function ensembleProbabilities(models: readonly LinearModel[], features: readonly string[] | ReadonlyMap<string, number>): Float64Array {
  const values = Array.isArray(features) ? featureValues(features as readonly string[]) : features as ReadonlyMap<string, number>;
  if (models.length === 1) return predictFromValues(models[0]!, values);
  const sum = new Float64Array(models[0]?.classes.length ?? 0);
  for (const model of models) {
    const probabilities = predictFromValues(model, values);
    for (let index = 0; index < sum.length; index++) sum[index] = sum[index]! + probabilities[index]! / models.length;
  }
  return sum;
}

/** Index of the largest value among the indices `allowed` accepts (0 when none is accepted). */
function argmax(values: Float64Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

/**
 * Which sub-types a text allows: one defined by a weapon or manner the text does not name gives
 * way to the next most probable one, unless its context names it.
 */
class CueGate {
  #contextCodes: Set<string> | undefined;
  constructor(readonly cuedCodes: ReadonlySet<string>, readonly context: string | undefined) {}

  allows(code: string): boolean {
    if (!eventTypeInfo(code).needsCue || this.cuedCodes.has(code)) return true;
    if (!this.context) return false;
    this.#contextCodes ??= new Set(findCues(this.context).acled.map((cue) => cue.label));
    return this.#contextCodes.has(code);
  }
}

/** The most probable class the gate allows (with `acledOnly`, among ACLED's own sub-types); 0 when none is. */
function argmaxAllowed(values: Float64Array, classes: readonly string[], gate: CueGate, acledOnly: boolean): number {
  let best = -1;
  for (let index = 0; index < values.length; index++) {
    // The value first: the gate may read the context's cues, needed only for an index that would win.
    if (best >= 0 && !(values[index]! > values[best]!)) continue;
    const candidate = classes[index];
    if (acledOnly ? !!candidate && eventTypeInfo(candidate).acled && gate.allows(candidate) : gate.allows(candidate ?? 'OTHER')) best = index;
  }
  return best < 0 ? 0 : best;
}

/** {@link EventTypeResult.acledFor}: the most probable class of PLOVER type `type` that the gate allows. */
function bestOfPloverType(values: Float64Array, classes: readonly string[], gate: CueGate, type: PloverType): EventTypeInfo | undefined {
  let best = -1;
  for (let index = 0; index < values.length; index++) {
    const candidate = classes[index];
    // The value first: the gate may read the context's cues, needed only for an index that would win.
    if (!candidate || (best >= 0 && !(values[index]! > values[best]!)) || eventTypeInfo(candidate).ploverType !== type) continue;
    if (gate.allows(candidate)) best = index;
  }
  return best < 0 ? undefined : eventTypeInfo(classes[best]!);
}

/**
 * Classifies a sentence or snippet with the trained models. `context` (default none) is text around it
 * whose weapon words also count as evidence for a weapon sub-type: "The US has carried out additional
 * strikes against ISIS" follows "US aircraft carried out over 500 airstrikes" in the same paragraph.
 * `options.plover` false skips the PLOVER model (the type is then the sub-type's); default true.
 */
export function classifyEventText(text: string, models: EventTypeModels, context?: string, options: { readonly plover?: boolean } = {}): EventTypeResult {
  const hits = findCues(text);
  // Normalised once, shared by both models.
  const features = featureValues(eventFeatures(text, hits, models.wordClasses));
  const acledProbabilities = ensembleProbabilities(models.acled, features);
  const classes = models.acled[0]?.classes ?? [];
  const cuedCodes = new Set(hits.acled.map((cue) => cue.label));
  const gate = new CueGate(cuedCodes, context);
  const acledIndex = argmaxAllowed(acledProbabilities, classes, gate, false);
  const code = (classes[acledIndex] ?? 'OTHER') as EventCode;
  const info = eventTypeInfo(code);
  const ploverProbabilities = options.plover ?? true ? ensembleProbabilities(models.plover, features) : new Float64Array(0);
  const ploverIndex = argmax(ploverProbabilities);
  const ploverType = (ploverProbabilities.length ? models.plover[0]?.classes[ploverIndex] ?? info.ploverType : info.ploverType) as PloverType;
  // A mode only from a weapon word, or from a sub-type defined by its weapon (air strike: aerial); an armed
  // clash told without weapons ("the 2013 attack against the In Amenas oil consortium") has none.
  const mode = ploverType === 'ASSAULT' ? (assaultMode(text) ?? (info.needsCue ? info.mode : undefined)) : ploverType === info.ploverType ? info.mode : undefined;
  const acledOnlyIndex = argmaxAllowed(acledProbabilities, classes, gate, true);
  return {
    code, info, confidence: acledProbabilities[acledIndex] ?? 0,
    ploverType, ploverConfidence: ploverProbabilities[ploverIndex] ?? 0,
    ...(mode ? { mode } : {}),
    cued: hits.acled.length > 0 || hits.plover.length > 0,
    acledOnly: classes[acledOnlyIndex] ? eventTypeInfo(classes[acledOnlyIndex]!) : info,
    acledFor: (type) => bestOfPloverType(acledProbabilities, classes, gate, type),
  };
}

/** JSON file form of the event type models (`models/events/event-types.json.gz`). */
export interface EventTypeModelsJson {
  /** 2: linear models in their packed file form (see `LinearModelJson`). */
  readonly version: 2;
  readonly acled: readonly LinearModelJson[];
  readonly plover: readonly LinearModelJson[];
  /**
   * Which column of the NER word-cluster table the `k:` features use (1 = 256 clusters); 0 = no cluster
   * features (the shipped setting: 5-fold CV on CASE 2021 showed no gain from them, and the lookups cost
   * a quarter of the stage's time).
   */
  readonly clusterLevel: number;
}

/** Path of the committed model file. */
export function defaultEventModelPath(): string {
  return join(modelsDirectory(), 'events', 'event-types.json.gz');
}

/** Path of the NER word-cluster table the event models share (`models/ner/word-clusters.tsv.gz`). */
export function defaultWordClusterPath(): string {
  return join(defaultModelDirectory(), modelFiles.clusters);
}

/** Word → cluster id at one granularity of a cluster table (`1` = 256 clusters). */
export function clusterWordClasses(clusters: WordClusters, level: number): WordClasses {
  return (word) => {
    const row = clusters.find(word);
    return row < 0 ? [] : [`${level}:${clusters.ids[row * clusterLevels + level]}`];
  };
}

/** Loads the word clusters the event models use (about 130 ms; once per process). */
export function loadEventWordClasses(level = 1, path: string = defaultWordClusterPath()): WordClasses | undefined {
  if (!existsSync(path)) return undefined;
  return clusterWordClasses(loadWordClusters(path), level);
}

/** Loads the committed event type models (gzipped JSON) and the word clusters they were trained with. */
export function loadEventTypeModels(path: string = defaultEventModelPath(), clusterPath: string = defaultWordClusterPath()): EventTypeModels {
  const json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as EventTypeModelsJson;
  if (json.version !== 2) throw new Error(`events: ${path} has model format ${String(json.version)}, not 2; rebuild it with npm run train:events`);
  const wordClasses = json.clusterLevel > 0 ? loadEventWordClasses(json.clusterLevel, clusterPath) : undefined;
  return { acled: json.acled.map(linearModelFromJson), plover: json.plover.map(linearModelFromJson), ...(wordClasses ? { wordClasses } : {}) };
}
