/**
 * A small multinomial logistic regression over sparse named features: trained with seeded,
 * shuffled Adagrad steps (deterministic), stored as a compact JSON table of feature → class weights.
 */

/** One training example: feature names (repeats allowed) and its class label. */
export interface LabelledFeatures {
  readonly features: readonly string[];
  readonly label: string;
  /** Weight of the example in the loss. Default 1. */
  readonly weight?: number;
}

/** Training options of {@link trainLinearModel}. */
export interface LinearTrainOptions {
  /** Passes over the data. Default 40. */
  readonly epochs?: number;
  /** Adagrad base learning rate. Default 0.5. */
  readonly learningRate?: number;
  /** L2 penalty per step on the touched weights. Default 1e-4. */
  readonly l2?: number;
  /** Seed of the shuffling. Default 7. */
  readonly seed?: number;
  /** Features seen fewer times than this are dropped. Default 1. */
  readonly minCount?: number;
}

/** A trained model: class names and, per feature, one weight per class. */
export interface LinearModel {
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  /** Dense weights per feature (built on first use for a model read from its file form). */
  readonly weights: ReadonlyMap<string, Float32Array>;
  /** The non-zero weights packed in flat arrays (models read from their file form): small and fast to score. */
  readonly packed?: PackedWeights;
}

/**
 * Non-zero weights of every feature in three flat arrays: feature `f`'s weights are at
 * `[starts[f], starts[f + 1])` of `classes` (class index) and `weights`.
 */
export interface PackedWeights {
  /** Feature names: feature `f` has id `f + 1` (exact lookups, {@link WordTable.idOfExact}). */
  readonly index: WordTable;
  readonly starts: Int32Array;
  readonly classes: Uint8Array;
  readonly weights: Float32Array;
}

/**
 * File form of a {@link LinearModel} (version 2): weights below the pruning threshold dropped, the
 * rest rounded to hundredths and stored as base64 arrays, so reading a model makes a handful of
 * strings instead of a million small arrays.
 */
export interface LinearModelJson {
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  /** Feature names in order, joined by newlines. */
  readonly features: string;
  /** Base64 Uint16Array (little-endian): number of non-zero weights of each feature. */
  readonly counts: string;
  /** Base64 Uint8Array: class index of each non-zero weight. */
  readonly classIndex: string;
  /** Base64 Int16Array (little-endian): each non-zero weight times 100. */
  readonly hundredths: string;
}

/** Seeded random numbers (the shared mulberry32 generator). */
export { createRandom as seededRandom } from '../../util/random.js';
import { createRandom as seededRandom } from '../../util/random.js';
import { WordTable } from '../../util/word-table.js';

/** Feature name → value, each example scaled to unit length so long snippets do not dominate. */
export function featureValues(features: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of features) counts.set(feature, 1);
  const norm = Math.sqrt(counts.size) || 1;
  for (const [feature, value] of counts) counts.set(feature, value / norm);
  return counts;
}

/** Trains a multinomial logistic regression; `classes` fixes the class order (defaults to sorted labels). */
export function trainLinearModel(examples: readonly LabelledFeatures[], options: LinearTrainOptions = {}, classes?: readonly string[]): LinearModel {
  const epochs = options.epochs ?? 40;
  const learningRate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const minCount = options.minCount ?? 1;
  const classList = classes ?? [...new Set(examples.map((example) => example.label))].sort();
  const classIndex = new Map(classList.map((name, index) => [name, index]));
  const classCount = classList.length;
  const featureCounts = new Map<string, number>();
  for (const example of examples) for (const feature of new Set(example.features)) featureCounts.set(feature, (featureCounts.get(feature) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [feature, count] of featureCounts) if (count >= minCount) featureIndex.set(feature, featureIndex.size);
  const weights = new Float64Array(featureIndex.size * classCount);
  const squares = new Float64Array(featureIndex.size * classCount).fill(1e-8);
  const bias = new Float64Array(classCount);
  const biasSquares = new Float64Array(classCount).fill(1e-8);
  const encoded = examples.map((example) => {
    const values = featureValues(example.features);
    const ids: number[] = [];
    const amounts: number[] = [];
    for (const [feature, value] of values) {
      const id = featureIndex.get(feature);
      if (id !== undefined) { ids.push(id); amounts.push(value); }
    }
    return { ids, amounts, label: classIndex.get(example.label) ?? -1, weight: example.weight ?? 1 };
  }).filter((example) => example.label >= 0);
  const random = seededRandom(options.seed ?? 7);
  const order = encoded.map((_, index) => index);
  const scores = new Float64Array(classCount);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      const swap = order[index]!; order[index] = order[other]!; order[other] = swap;
    }
    for (const position of order) {
      const example = encoded[position]!;
      for (let k = 0; k < classCount; k++) scores[k] = bias[k]!;
      for (let f = 0; f < example.ids.length; f++) {
        const base = example.ids[f]! * classCount;
        const value = example.amounts[f]!;
        for (let k = 0; k < classCount; k++) scores[k] = scores[k]! + weights[base + k]! * value;
      }
      softmaxInPlace(scores);
      for (let k = 0; k < classCount; k++) {
        const gradient = (scores[k]! - (k === example.label ? 1 : 0)) * example.weight;
        biasSquares[k] = biasSquares[k]! + gradient * gradient;
        bias[k] = bias[k]! - (learningRate * gradient) / Math.sqrt(biasSquares[k]!);
        for (let f = 0; f < example.ids.length; f++) {
          const slot = example.ids[f]! * classCount + k;
          const step = gradient * example.amounts[f]! + l2 * weights[slot]!;
          squares[slot] = squares[slot]! + step * step;
          weights[slot] = weights[slot]! - (learningRate * step) / Math.sqrt(squares[slot]!);
        }
      }
    }
  }
  const table = new Map<string, Float32Array>();
  for (const [feature, id] of featureIndex) table.set(feature, Float32Array.from(weights.subarray(id * classCount, (id + 1) * classCount)));
  return { classes: classList, bias: [...bias], weights: table };
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let total = 0;
  for (let k = 0; k < scores.length; k++) { scores[k] = Math.exp(scores[k]! - max); total += scores[k]!; }
  for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! / total;
}

/** Class probabilities for one feature list, in `model.classes` order. */
export function predictProbabilities(model: LinearModel, features: readonly string[]): Float64Array {
  return predictFromValues(model, featureValues(features));
}

/** Class probabilities from already normalised feature values ({@link featureValues}), to share them between models. */
export function predictFromValues(model: LinearModel, values: ReadonlyMap<string, number>): Float64Array {
  const scores = Float64Array.from(model.bias);
  const packed = model.packed;
  if (packed) {
    const { index, starts, classes, weights } = packed;
    for (const [feature, value] of values) {
      const row = index.idOfExact(feature) - 1;
      if (row < 0) continue;
      for (let at = starts[row]!; at < starts[row + 1]!; at++) scores[classes[at]!] = scores[classes[at]!]! + weights[at]! * value;
    }
    softmaxInPlace(scores);
    return scores;
  }
  for (const [feature, value] of values) {
    const row = model.weights.get(feature);
    if (!row) continue;
    for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! + row[k]! * value;
  }
  softmaxInPlace(scores);
  return scores;
}

/** Converts a model to its file form, dropping weights whose magnitude is below `threshold` (default 0.01). */
export function linearModelToJson(model: LinearModel, threshold = 0.01): LinearModelJson {
  const features: string[] = [];
  const counts: number[] = [];
  const classIndex: number[] = [];
  const hundredths: number[] = [];
  for (const feature of [...model.weights.keys()].sort()) {
    const row = model.weights.get(feature)!;
    let count = 0;
    row.forEach((value, index) => {
      const rounded = Math.round(value * 100);
      if (Math.abs(value) < threshold || rounded === 0) return;
      classIndex.push(index);
      hundredths.push(Math.max(-32768, Math.min(32767, rounded)));
      count++;
    });
    if (count === 0) continue;
    features.push(feature);
    counts.push(count);
  }
  if (features.some((feature) => feature.includes('\n'))) throw new Error('linear model: a feature name contains a newline');
  const base64 = (array: ArrayBufferView): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    classes: model.classes,
    bias: model.bias.map((value) => Math.round(value * 1000) / 1000),
    features: features.join('\n'),
    counts: base64(Uint16Array.from(counts)),
    classIndex: base64(Uint8Array.from(classIndex)),
    hundredths: base64(Int16Array.from(hundredths)),
  };
}

/** Reads the file form back into a {@link LinearModel} (packed; dense weights built only if asked for). */
export function linearModelFromJson(json: LinearModelJson): LinearModel {
  if (typeof json.features !== 'string' || typeof json.counts !== 'string') throw new Error('linear model: old file format; rebuild the model with npm run train:events');
  const bytes = (text: string): Buffer => Buffer.from(text, 'base64');
  const countBytes = bytes(json.counts);
  const counts = new Uint16Array(countBytes.buffer.slice(countBytes.byteOffset, countBytes.byteOffset + countBytes.byteLength));
  const classes = Uint8Array.from(bytes(json.classIndex));
  const hundredthBytes = bytes(json.hundredths);
  const hundredths = new Int16Array(hundredthBytes.buffer.slice(hundredthBytes.byteOffset, hundredthBytes.byteOffset + hundredthBytes.byteLength));
  const names = json.features ? json.features.split('\n') : [];
  if (names.length !== counts.length || classes.length !== hundredths.length) throw new Error('linear model: the file\'s arrays do not agree in length');
  // Feature names as one UTF-16 array and a hash table (no string per feature kept in the heap).
  const index = new WordTable(names);
  const starts = new Int32Array(names.length + 1);
  for (let row = 0; row < names.length; row++) starts[row + 1] = starts[row]! + counts[row]!;
  const weights = new Float32Array(hundredths.length);
  for (let at = 0; at < weights.length; at++) weights[at] = hundredths[at]! / 100;
  const packed: PackedWeights = { index, starts, classes, weights };
  let dense: Map<string, Float32Array> | undefined;
  // The getter below must not refer to `json`: that would keep the file's base64 strings (about
  // 5 MB for the event models) alive for as long as the model.
  const classNames = json.classes;
  return {
    classes: classNames,
    bias: json.bias,
    packed,
    get weights(): ReadonlyMap<string, Float32Array> {
      if (!dense) {
        dense = new Map();
        for (let row = 0; row < index.size; row++) {
          const values = new Float32Array(classNames.length);
          for (let at = starts[row]!; at < starts[row + 1]!; at++) values[classes[at]!] = weights[at]!;
          dense.set(index.wordOf(row + 1), values);
        }
      }
      return dense;
    },
  };
}

/** The model whose weights are the mean of several models' weights (same classes, same order). */
export function averageLinearModels(models: readonly LinearModel[]): LinearModel {
  const first = models[0];
  if (!first) throw new Error('averageLinearModels needs at least one model');
  const weights = new Map<string, Float32Array>();
  for (const model of models) {
    for (const [feature, row] of model.weights) {
      const sum = weights.get(feature) ?? new Float32Array(first.classes.length);
      row.forEach((value, index) => { sum[index] = sum[index]! + value / models.length; });
      weights.set(feature, sum);
    }
  }
  const bias = first.bias.map((_, index) => models.reduce((total, model) => total + (model.bias[index] ?? 0), 0) / models.length);
  return { classes: first.classes, bias, weights };
}
