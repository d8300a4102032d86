/**
 * Training and evaluation helpers for the event type models, shared by `scripts/train-events.ts` and
 * `bench/events.ts`: dataset readers, model training, stratified k-fold cross-validation, macro F1.
 */
import { readFileSync } from 'node:fs';
import { PLOVER_TRIGGER_PATTERNS, PLOVER_TYPES, type EventCode, type PloverType } from '../../lang/en/event-triggers.js';
import { eventFeatures, findCues, type WordClasses } from './event-classifier.js';
import { ALL_CODES, PLOVER_2016_TO_2021, eventTypeInfo } from './event-types.js';
import { averageLinearModels, linearModelFromJson, linearModelToJson, seededRandom, trainLinearModel, type LabelledFeatures, type LinearModel, type LinearTrainOptions as BaseTrainOptions } from './linear-model.js';

/** Training options: the linear model's, plus how strongly rare labels are up-weighted (`balance`, default 0.5). */
export interface LinearTrainOptions extends BaseTrainOptions {
  readonly balance?: number;
}

/** One labelled text. */
export interface LabelledText {
  readonly id: string;
  readonly text: string;
  readonly label: string;
}

/** A PLOVER gold record reduced to what the benchmark scores. */
export interface PloverRecord extends LabelledText {
  /** Label in the 2016 ontology the file uses. */
  readonly originalLabel: string;
  readonly sources: readonly { readonly text: string; readonly code: string }[];
  readonly targets: readonly { readonly text: string; readonly code: string }[];
}

/** Reads CASE 2021 task 2 TSV (`id TAB snippet TAB label`, a header line, no quoting). */
export function readCaseSnippets(path: string): LabelledText[] {
  return readFileSync(path, 'utf8').split('\n').slice(1).filter((line) => line.trim()).map((line) => {
    const [id = '', text = '', label = ''] = line.split('\t');
    return { id, text, label: label.trim() };
  });
}

interface RawPloverActor { readonly actorText?: string; readonly code?: string }
interface RawPloverRecord { readonly id: string; readonly event: string; readonly text?: string; readonly source?: RawPloverActor[] | string | null; readonly target?: RawPloverActor[] | string | null }

/** Reads PLOVER gold records, skipping DOCUMENT headers; labels mapped to the 2021 ontology. */
export function readPloverRecords(path: string): PloverRecord[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawPloverRecord[];
  return raw.filter((record) => record.event !== 'DOCUMENT' && record.text).map((record) => ({
    id: record.id,
    text: record.text ?? '',
    originalLabel: record.event,
    label: PLOVER_2016_TO_2021[record.event] ?? record.event,
    sources: (Array.isArray(record.source) ? record.source : []).map((actor) => ({ text: actor.actorText ?? '', code: actor.code ?? '' })),
    targets: (Array.isArray(record.target) ? record.target : []).map((actor) => ({ text: actor.actorText ?? '', code: actor.code ?? '' })),
  }));
}

/** Default training options of both models (chosen by 5-fold cross-validation on the CASE 2021 dev set). */
export const DEFAULT_TRAIN_OPTIONS: LinearTrainOptions = { epochs: 20, learningRate: 0.3, l2: 1e-4, balance: 1 };

/**
 * Weights below this magnitude are dropped from saved models (and from the models cross-validation scores).
 * Softmax weights are dense: 0.2 still keeps 29.6 of 30 ACLED weights per feature and costs PLOVER 0.01 (CV).
 */
export const PRUNE_THRESHOLD = 0.08;

/**
 * Seeds of the ensemble: single models swing by ±0.03 macro F1 with the shuffling seed on 400 snippets;
 * the average of five is steadier.
 */
export const DEFAULT_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Per-label example weights `(mean count / label count) ^ power`: rare labels weigh more, since every
 * label counts the same in macro F1 (power 0 = unweighted, 1 = fully balanced).
 */
export function balancingWeights(examples: readonly LabelledText[], power: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const example of examples) counts.set(example.label, (counts.get(example.label) ?? 0) + 1);
  const mean = examples.length / (counts.size || 1);
  return new Map([...counts].map(([label, count]) => [label, (mean / count) ** power]));
}

/** A labelled text with a weight of its own (extra, out-of-domain training material). */
export interface WeightedText extends LabelledText {
  readonly weight: number;
}

/** Trains one model per seed on balanced examples plus weighted extras; `classes` fixes the class order. */
export function trainEnsemble(
  examples: readonly LabelledText[], classes: readonly string[], wordClasses?: WordClasses,
  extra: readonly WeightedText[] = [], options: LinearTrainOptions = DEFAULT_TRAIN_OPTIONS, seeds: readonly number[] = DEFAULT_SEEDS,
): LinearModel[] {
  const weights = balancingWeights(examples, options.balance ?? 1);
  const data: LabelledFeatures[] = [
    ...examples.map((example) => ({ features: eventFeatures(example.text, findCues(example.text), wordClasses), label: example.label, weight: weights.get(example.label) ?? 1 })),
    ...extra.map((example) => ({ features: eventFeatures(example.text, findCues(example.text), wordClasses), label: example.label, weight: example.weight })),
  ];
  // One model whose weights average the seeds' models (compact; as steady as averaging their outputs),
  // scored as shipped: the pruned, rounded form that the model file holds.
  const members = seeds.map((seed) => trainLinearModel(data, { ...options, seed }, classes));
  return [linearModelFromJson(linearModelToJson(averageLinearModels(members), PRUNE_THRESHOLD))];
}

/** Trains the ACLED sub-type ensemble (30 classes: 25 ACLED sub-types and the CASE 2021 extras). */
export function trainAcledModels(examples: readonly LabelledText[], wordClasses?: WordClasses, seeds?: readonly number[]): LinearModel[] {
  return trainEnsemble(examples, ALL_CODES, wordClasses, [], DEFAULT_TRAIN_OPTIONS, seeds);
}

/**
 * Trains the PLOVER type ensemble on PLOVER gold sentences, with the CAMEO definitions (weight 1),
 * the CASE 2021 snippets under their sub-type's PLOVER type (weight 0.1) and weakly labelled news
 * sentences ({@link readWeakPloverSentences}, their own weight) as extra material.
 */
export function trainPloverModels(
  examples: readonly LabelledText[], definitions: readonly LabelledText[], acledSnippets: readonly LabelledText[],
  wordClasses?: WordClasses, seeds?: readonly number[], weak: readonly WeightedText[] = [],
): LinearModel[] {
  const extra: WeightedText[] = [
    ...definitions.map((definition) => ({ ...definition, weight: 1 })),
    ...acledSnippets.filter((snippet) => ALL_CODES.includes(snippet.label as EventCode)).map((snippet) => ({ ...snippet, label: eventTypeInfo(snippet.label).ploverType, weight: 0.1 })),
    ...weak,
  ];
  return trainEnsemble(examples, PLOVER_TYPES, wordClasses, extra, DEFAULT_TRAIN_OPTIONS, seeds);
}

/** Options of {@link readWeakPloverSentences}. */
export interface WeakSentenceOptions {
  /** Articles read, in file order. Default 1500. */
  readonly articles?: number;
  /** Sentences kept per PLOVER type at most. Default 300. */
  readonly perType?: number;
  /** Example weight. Default 0.2 (5-fold CV on PLOVER gold: 0.61 without, 0.66 with; 0.05 and 0.5 score lower). */
  readonly weight?: number;
}

/**
 * Weak supervision from unlabelled news (the CNN/DailyMail training articles, JSON lines with an `article`
 * field, lower-cased and tokenised): a sentence of 8–40 words in which the trigger words of exactly one
 * non-violent PLOVER type occur is an example of that type. The labels are the lexicon's, so they teach
 * the model the words that come with each kind of verb ("urged … to", "talks … on") rather than new verbs.
 */
export function readWeakPloverSentences(paths: readonly string[], options: WeakSentenceOptions = {}): WeightedText[] {
  const articleLimit = options.articles ?? 1500;
  const perType = options.perType ?? 300;
  const weight = options.weight ?? 0.2;
  const types = Object.entries(PLOVER_TRIGGER_PATTERNS).map(([type, pattern]) => [type, new RegExp(`\\b(?:${pattern})\\b`, 'i')] as const);
  const counts = new Map<string, number>();
  const out: WeightedText[] = [];
  let articles = 0;
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim() || articles >= articleLimit) continue;
      articles++;
      const article = (JSON.parse(line) as { article?: string }).article ?? '';
      article.split(/ \. /).forEach((sentence, index) => {
        const words = sentence.split(' ').length;
        if (words < 8 || words > 40) return;
        const hits = types.filter(([, pattern]) => pattern.test(sentence));
        if (hits.length !== 1) return;
        const type = hits[0]![0];
        if ((counts.get(type) ?? 0) >= perType) return;
        counts.set(type, (counts.get(type) ?? 0) + 1);
        out.push({ id: `weak-${articles}-${index}`, text: sentence, label: type, weight });
      });
    }
  }
  return out;
}

/**
 * The CAMEO → PLOVER conversion table's lines (`0311: AGREE, , economic # Express intent to cooperate economically`)
 * as short labelled definitions: the description is the text, the PLOVER type the label.
 */
export function readCameoDefinitions(path: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^(\d+):\s*([A-Z]+)\s*,[^#]*#\s*(.+)$/.exec(line.trim());
    if (!match || !PLOVER_TYPES.includes(match[2] as PloverType)) continue;
    out.push({ id: `cameo-${match[1]}`, text: match[3]!.trim(), label: match[2]! });
  }
  return out;
}

/** Stratified fold index per example: each label's examples are shuffled (seeded) and dealt round-robin. */
export function stratifiedFolds(labels: readonly string[], folds: number, seed = 13): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, index) => { const list = byLabel.get(label) ?? []; list.push(index); byLabel.set(label, list); });
  const assignment = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!;
    for (let index = members.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      const swap = members[index]!; members[index] = members[other]!; members[other] = swap;
    }
    members.forEach((member, position) => { assignment[member] = (position + offset) % folds; });
    offset += members.length;
  }
  return assignment;
}

/** Predictions for every example from a model trained on the other folds. */
export function crossValidate<Example extends LabelledText, Prediction>(
  examples: readonly Example[], folds: number,
  train: (training: readonly Example[]) => (example: Example) => Prediction,
): Prediction[] {
  const assignment = stratifiedFolds(examples.map((example) => example.label), folds);
  const predictions = new Array<Prediction>(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const predict = train(examples.filter((_, index) => assignment[index] !== fold));
    examples.forEach((example, index) => { if (assignment[index] === fold) predictions[index] = predict(example); });
  }
  return predictions;
}

/** Accuracy and macro F1 over `labels` (a label never gold nor predicted counts as F1 0 only if listed). */
export function scoreClassification(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): { accuracy: number; macroF1: number; perLabel: Map<string, number> } {
  let correct = 0;
  gold.forEach((label, index) => { if (label === predicted[index]) correct++; });
  const perLabel = new Map<string, number>();
  for (const label of labels) {
    let truePositive = 0; let goldCount = 0; let predictedCount = 0;
    gold.forEach((goldLabel, index) => {
      if (goldLabel === label) goldCount++;
      if (predicted[index] === label) predictedCount++;
      if (goldLabel === label && predicted[index] === label) truePositive++;
    });
    perLabel.set(label, truePositive === 0 ? 0 : (2 * truePositive) / (goldCount + predictedCount));
  }
  const macroF1 = [...perLabel.values()].reduce((sum, value) => sum + value, 0) / (labels.length || 1);
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1, perLabel };
}

