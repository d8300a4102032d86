/**
 * Event type classification of a sentence or snippet: ACLED sub-event type (CASE 2021 codes) and PLOVER
 * type + mode. Two linear models over words, word pairs and lexicon cue hits, and a pure lexicon baseline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACLED_CUES, ASSAULT_MODE_CUES, PLOVER_CUES, PLOVER_TYPES, type EventCode, type EventCue, type PloverType } from '../../lang/en/event-triggers.js';
import { porterStem } from '../summary/porter-stemmer.js';
import { clusterLevels, parseWordClusters, type WordClusters } from '../entities/tagger/word-clusters.js';
import { ALL_CODES, eventTypeInfo, type EventTypeInfo } from './event-types.js';
import { linearModelFromJson, predictProbabilities, type LinearModel, type LinearModelJson } from './linear-model.js';

/** A cue compiled to a global, case-insensitive regular expression. */
interface CompiledCue {
  readonly label: string;
  readonly index: number;
  readonly weight: number;
  readonly pattern: RegExp;
}

function compile<Label extends string>(table: Readonly<Record<Label, readonly EventCue[]>>): CompiledCue[] {
  const out: CompiledCue[] = [];
  for (const [label, cues] of Object.entries(table) as [Label, readonly EventCue[]][]) {
    cues.forEach((cue, index) => out.push({ label, index, weight: cue.weight ?? 1, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'i') }));
  }
  return out;
}

// Compiled once; read-only afterwards.
const ACLED_COMPILED = compile(ACLED_CUES);
const PLOVER_COMPILED = compile(PLOVER_CUES);
const MODE_COMPILED = ASSAULT_MODE_CUES.map((cue) => ({ mode: cue.mode, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'i') }));

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'that', 'this', 'it', 'its', 'which', 'who', 'are', 'or', 'but']);

/** Lower-cased, stemmed content words of a text (numbers folded to `0`). */
export function stemmedWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD_PATTERN)) {
    const word = match[0].replace(/['’]s$/u, '');
    if (STOP_WORDS.has(word)) continue;
    out.push(/^\p{N}/u.test(word) ? '0' : porterStem(word));
  }
  return out;
}

/** Which lexicon cues fire in a text: ACLED code and PLOVER type hits with their pattern index. */
export interface CueHits {
  readonly acled: readonly CompiledCue[];
  readonly plover: readonly CompiledCue[];
  /** PLOVER types in the order their first cue appears in the text (the main verb tends to come first). */
  readonly ploverOrder: readonly string[];
}

/** Runs both cue tables over a text. */
export function findCues(text: string): CueHits {
  const plover: CompiledCue[] = [];
  const firstPosition = new Map<string, number>();
  for (const cue of PLOVER_COMPILED) {
    const match = cue.pattern.exec(text);
    if (!match) continue;
    plover.push(cue);
    const known = firstPosition.get(cue.label);
    if (known === undefined || match.index < known) firstPosition.set(cue.label, match.index);
  }
  const ploverOrder = [...firstPosition].sort((a, b) => a[1] - b[1]).map(([label]) => label);
  return { acled: ACLED_COMPILED.filter((cue) => cue.pattern.test(text)), plover, ploverOrder };
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

/** Feature names of a text for the linear models: words, adjacent word pairs and cue hits. */
export function eventFeatures(text: string, hits: CueHits = findCues(text), wordClasses?: WordClasses): string[] {
  const words = stemmedWords(text);
  const features: string[] = [];
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
}

/** Average class probabilities of an ensemble (all members share one class order). */
export function ensembleProbabilities(models: readonly LinearModel[], features: readonly string[]): Float64Array {
  const sum = new Float64Array(models[0]?.classes.length ?? 0);
  for (const model of models) predictProbabilities(model, features).forEach((value, index) => { sum[index] = sum[index]! + value / models.length; });
  return sum;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

/** Classifies a sentence or snippet with the trained models. */
export function classifyEventText(text: string, models: EventTypeModels): EventTypeResult {
  const hits = findCues(text);
  const features = eventFeatures(text, hits, models.wordClasses);
  const acledProbabilities = ensembleProbabilities(models.acled, features);
  const acledIndex = argmax(acledProbabilities);
  const code = (models.acled[0]?.classes[acledIndex] ?? 'OTHER') as EventCode;
  const info = eventTypeInfo(code);
  const ploverProbabilities = ensembleProbabilities(models.plover, features);
  const ploverIndex = argmax(ploverProbabilities);
  const ploverType = (models.plover[0]?.classes[ploverIndex] ?? info.ploverType) as PloverType;
  const mode = ploverType === 'ASSAULT' ? (assaultMode(text) ?? info.mode) : ploverType === info.ploverType ? info.mode : undefined;
  return {
    code, info, confidence: acledProbabilities[acledIndex] ?? 0,
    ploverType, ploverConfidence: ploverProbabilities[ploverIndex] ?? 0,
    ...(mode ? { mode } : {}),
    cued: hits.acled.length > 0 || hits.plover.length > 0,
    acledOnly: bestAcled(models.acled[0]?.classes ?? [], acledProbabilities) ?? info,
  };
}

function bestAcled(classes: readonly string[], probabilities: Float64Array): EventTypeInfo | undefined {
  let best: EventTypeInfo | undefined;
  let bestProbability = -1;
  classes.forEach((code, index) => {
    const info = eventTypeInfo(code);
    if (info.acled && probabilities[index]! > bestProbability) { best = info; bestProbability = probabilities[index]!; }
  });
  return best;
}

/** JSON file form of the event type models (`models/events/event-types.json.gz`). */
export interface EventTypeModelsJson {
  readonly version: 1;
  readonly acled: readonly LinearModelJson[];
  readonly plover: readonly LinearModelJson[];
  /** Which column of the NER word-cluster table the `k:` features use (1 = 256 clusters). */
  readonly clusterLevel: number;
}

/** Path of the committed model file. */
export function defaultEventModelPath(): string {
  return join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'models/events/event-types.json.gz');
}

/** Path of the NER word-cluster table the event models share (`models/ner/word-clusters.tsv.gz`). */
export function defaultWordClusterPath(): string {
  return join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'models/ner/word-clusters.tsv.gz');
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
  return clusterWordClasses(parseWordClusters(gunzipSync(readFileSync(path)).toString('utf8')), level);
}

/** Loads the committed event type models (gzipped JSON) and the word clusters they were trained with. */
export function loadEventTypeModels(path: string = defaultEventModelPath(), clusterPath: string = defaultWordClusterPath()): EventTypeModels {
  const json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as EventTypeModelsJson;
  const wordClasses = loadEventWordClasses(json.clusterLevel, clusterPath);
  return { acled: json.acled.map(linearModelFromJson), plover: json.plover.map(linearModelFromJson), ...(wordClasses ? { wordClasses } : {}) };
}
