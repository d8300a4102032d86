/**
 * Training the two-pass tagger: structured averaged perceptron (Collins 2002) over the features of
 * `features.ts`, decoded with constrained Viterbi.
 *
 * Pass 1 is trained document by document in a seeded random order, and its document memory is filled
 * from its own predictions, as at tagging time. Pass 2 is stacked on pass 1: to give it realistic
 * pass-1 tags on the training data, pass 1 is re-trained on `folds - 1` folds and tags the held-out
 * fold (jackknifing); otherwise pass 2 would learn to trust pass-1 tags that are near perfect on
 * data pass 1 has seen. Epoch counts are chosen on the validation documents.
 */
import { startState, type LinearWeights, type SentenceRows } from './decode.js';
import { firstPass, secondPass } from './document.js';
import { AttributeTable, documentAttributes, extractSentence, TokenDescriber, type DocumentAttributes, type FeatureResources, type SentenceFeatures } from './features.js';
import { scoreTags } from './conll.js';
import type { TaggerModel } from './model.js';
import { tagCount as importedTagCount, tagIndex, tagNames } from './tags.js';
import { createRandom as createSeededRandom } from '../../../util/random.js';

// A local copy: module bindings cost a getter call per use in hot loops under tsx.
const tagCount = importedTagCount;

/** One training or validation document: token strings and gold tag names per sentence. */
export interface LabelledDocument {
  readonly sentences: readonly { readonly tokens: readonly string[]; readonly tags: readonly string[] }[];
}

/** Training options. */
export interface TrainOptions {
  /** Most epochs per pass (default 20); the best on validation is kept. */
  readonly maxEpochs?: number;
  /** Seed of the document order (default 1). */
  readonly seed?: number;
  /** Jackknife folds for pass 2 (default 4); 0 trains a one-pass model. */
  readonly folds?: number;
  /** Documents to choose epochs on (default: none, then `maxEpochs` is used). */
  readonly validation?: readonly LabelledDocument[];
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/** Seeded random numbers for the document order (shared generator). */
export { createRandom } from '../../../util/random.js';

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/** Growing key → row index shared by both passes. */
class FeatureIndex {
  readonly rows = new Map<number, number>();
  readonly keys: number[] = [];
  /** How often each row fired in training sentences (to lay out the saved rows hot-first). */
  uses = new Float64Array(1024);
  growing = true;

  /** Counts one use of every row of a sentence. */
  countUses(rows: SentenceRows): void {
    if (this.uses.length < this.keys.length) {
      const grown = new Float64Array(Math.max(this.keys.length, this.uses.length * 2));
      grown.set(this.uses);
      this.uses = grown;
    }
    for (let at = 0; at < rows.starts[rows.length]!; at++) {
      const row = rows.rows[at]!;
      if (row >= 0) this.uses[row] = this.uses[row]! + 1;
    }
  }

  readonly rowOf = (key: number): number => {
    const row = this.rows.get(key);
    if (row !== undefined) return row;
    if (!this.growing) return -1;
    const created = this.keys.length;
    this.rows.set(key, created);
    this.keys.push(key);
    return created;
  };
}

/** Averaged perceptron weights with the "update × time" averaging trick. */
class AveragedPerceptron {
  emission = new Float64Array(0);
  emissionSum = new Float64Array(0);
  readonly transition = new Float64Array((tagCount + 1) * tagCount);
  readonly transitionSum = new Float64Array((tagCount + 1) * tagCount);
  time = 1;

  constructor(readonly index: FeatureIndex) {}

  /**
   * Current (not averaged) weights as a live view: rows added while a document is decoded
   * (document features seen for the first time) are covered once `ensure` grows the arrays.
   */
  current(): LinearWeights {
    this.#ensure();
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const perceptron = this;
    return {
      get emission() {
        perceptron.#ensure();
        return perceptron.emission;
      },
      transition: this.transition,
    };
  }

  #ensure(): void {
    const needed = this.index.keys.length * tagCount;
    if (needed <= this.emission.length) return;
    const size = Math.max(needed, Math.ceil(this.emission.length * 1.5));
    const emission = new Float64Array(size);
    emission.set(this.emission);
    const sum = new Float64Array(size);
    sum.set(this.emissionSum);
    this.emission = emission;
    this.emissionSum = sum;
  }

  #emit(rows: SentenceRows, position: number, tag: number, delta: number): void {
    for (let at = rows.starts[position]!; at < rows.starts[position + 1]!; at++) {
      const row = rows.rows[at]!;
      if (row < 0) continue;
      this.emission[row * tagCount + tag] = this.emission[row * tagCount + tag]! + delta;
      this.emissionSum[row * tagCount + tag] = this.emissionSum[row * tagCount + tag]! + delta * this.time;
    }
  }

  /** One perceptron step on a sentence. */
  update(rows: SentenceRows, gold: Int32Array, predicted: Int32Array): void {
    this.#ensure();
    this.index.countUses(rows);
    for (let index = 0; index < rows.length; index++) {
      const previousGold = index === 0 ? startState : gold[index - 1]!;
      const previousPredicted = index === 0 ? startState : predicted[index - 1]!;
      if (gold[index] !== predicted[index]) {
        this.#emit(rows, index, gold[index]!, 1);
        this.#emit(rows, index, predicted[index]!, -1);
      }
      if (gold[index] !== predicted[index] || previousGold !== previousPredicted) {
        const goldCell = previousGold * tagCount + gold[index]!;
        const predictedCell = previousPredicted * tagCount + predicted[index]!;
        this.transition[goldCell] = this.transition[goldCell]! + 1;
        this.transitionSum[goldCell] = this.transitionSum[goldCell]! + this.time;
        this.transition[predictedCell] = this.transition[predictedCell]! - 1;
        this.transitionSum[predictedCell] = this.transitionSum[predictedCell]! - this.time;
      }
    }
    this.time++;
  }

  /** Averaged weights as float32 copies. */
  averaged(): LinearWeights {
    this.#ensure();
    const emission = new Float32Array(this.index.keys.length * tagCount);
    for (let cell = 0; cell < emission.length; cell++) emission[cell] = this.emission[cell]! - this.emissionSum[cell]! / this.time;
    const transition = new Float32Array(this.transition.length);
    for (let cell = 0; cell < transition.length; cell++) transition[cell] = this.transition[cell]! - this.transitionSum[cell]! / this.time;
    return { emission, transition };
  }
}

interface Prepared {
  readonly document: readonly SentenceFeatures[];
  readonly gold: readonly Int32Array[];
  readonly goldNames: readonly (readonly string[])[];
}

function prepare(documents: readonly LabelledDocument[], describer: TokenDescriber): Prepared[] {
  return documents.map((document) => {
    return {
      document: document.sentences.map((sentence) => extractSentence(sentence.tokens, describer)),
      gold: document.sentences.map((sentence) => Int32Array.from(sentence.tags, tagIndex)),
      goldNames: document.sentences.map((sentence) => sentence.tags),
    };
  });
}

function f1Of(documents: readonly Prepared[], predicted: readonly Int32Array[][]): number {
  const gold = documents.flatMap((document) => document.goldNames);
  const names = predicted.flatMap((sentences) => sentences.map((tags) => Array.from(tags, (tag) => tagNames[tag]!)));
  return scoreTags(gold, names).overall.f1;
}

interface PassResult {
  readonly weights: LinearWeights;
  readonly epochs: number;
  readonly validationF1: number | null;
}

/**
 * Trains one pass for up to `maxEpochs`, keeping the averaged weights of the epoch that scores best
 * on validation (or the last epoch without validation).
 */
function trainPass(
  training: readonly Prepared[],
  index: FeatureIndex,
  attributes: DocumentAttributes,
  maxEpochs: number,
  random: () => number,
  runPass: (document: readonly SentenceFeatures[], documentIndex: number, weights: LinearWeights, visit?: (sentence: number, rows: SentenceRows, predicted: Int32Array) => void) => Int32Array[],
  validate: ((weights: LinearWeights) => number) | null,
  log: (line: string) => void,
  label: string,
): PassResult {
  const perceptron = new AveragedPerceptron(index);
  let best: PassResult | null = null;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const started = Date.now();
    index.growing = true;
    for (const documentIndex of shuffled(training.length, random)) {
      const prepared = training[documentIndex]!;
      runPass(prepared.document, documentIndex, perceptron.current(), (sentence, rows, predicted) => {
        perceptron.update(rows, prepared.gold[sentence]!, predicted);
      });
    }
    index.growing = false;
    const weights = perceptron.averaged();
    const validationF1 = validate ? validate(weights) : null;
    log(`${label} epoch ${epoch}: ${((Date.now() - started) / 1000).toFixed(1)} s, ${index.keys.length} rows${validationF1 === null ? '' : `, valid F1 ${validationF1.toFixed(2)}`}`);
    if (!best || validationF1 === null || (best.validationF1 !== null && validationF1 > best.validationF1)) best = { weights, epochs: epoch, validationF1 };
  }
  return best!;
}

/** Trains the tagger and returns its model (pruned to rows with a non-zero weight). */
export function trainTagger(documents: readonly LabelledDocument[], resources: FeatureResources, options: TrainOptions = {}): TaggerModel {
  const maxEpochs = options.maxEpochs ?? 20;
  const folds = options.folds ?? 4;
  const log = options.log ?? (() => {});
  const random = createSeededRandom(options.seed ?? 1);
  const table = new AttributeTable([], true);
  const attributes = documentAttributes(table);
  const index = new FeatureIndex();
  const training = prepare(documents, new TokenDescriber(table, resources, index.rowOf, Number.MAX_SAFE_INTEGER));
  index.growing = false;
  // A describer of its own: cached rows of validation tokens must not be reused while the index grows.
  const validation = options.validation ? prepare(options.validation, new TokenDescriber(table, resources, index.rowOf, Number.MAX_SAFE_INTEGER)) : null;
  log(`prepared ${documents.length} documents, ${table.names().length} attributes, ${index.keys.length} static rows`);

  const runFirst = (document: readonly SentenceFeatures[], _documentIndex: number, weights: LinearWeights, visit?: (sentence: number, rows: SentenceRows, predicted: Int32Array) => void) =>
    firstPass(document, weights, index.rowOf, attributes, visit);
  const validateFirst = validation
    ? (weights: LinearWeights) => f1Of(validation, validation.map((prepared) => firstPass(prepared.document, weights, index.rowOf, attributes)))
    : null;
  const first = trainPass(training, index, attributes, maxEpochs, random, runFirst, validateFirst, log, 'pass 1');
  log(`pass 1: best epoch ${first.epochs}${first.validationF1 === null ? '' : `, valid F1 ${first.validationF1.toFixed(2)}`}`);

  let second: PassResult | null = null;
  if (folds >= 2) {
    // Jackknife: pass-1 tags for each training document from a pass 1 that never saw it.
    const foldOf = shuffled(training.length, random).map((position) => position % folds);
    const jackknifed: Int32Array[][] = new Array(training.length);
    for (let fold = 0; fold < folds; fold++) {
      const inFold = training.filter((_, documentIndex) => foldOf[documentIndex] !== fold);
      const held = training.map((_, documentIndex) => documentIndex).filter((documentIndex) => foldOf[documentIndex] === fold);
      const foldResult = trainPass(inFold, index, attributes, first.epochs, random, runFirst, null, () => {}, `fold ${fold}`);
      for (const documentIndex of held) jackknifed[documentIndex] = firstPass(training[documentIndex]!.document, foldResult.weights, index.rowOf, attributes);
      log(`fold ${fold + 1}/${folds} done`);
    }
    const validationFirstTags = validation?.map((prepared) => firstPass(prepared.document, first.weights, index.rowOf, attributes));
    const runSecond = (document: readonly SentenceFeatures[], documentIndex: number, weights: LinearWeights, visit?: (sentence: number, rows: SentenceRows, predicted: Int32Array) => void) =>
      secondPass(document, jackknifed[documentIndex]!, weights, index.rowOf, attributes, visit);
    const validateSecond = validation
      ? (weights: LinearWeights) =>
          f1Of(validation, validation.map((prepared, documentIndex) => secondPass(prepared.document, validationFirstTags![documentIndex]!, weights, index.rowOf, attributes)))
      : null;
    second = trainPass(training, index, attributes, maxEpochs, random, runSecond, validateSecond, log, 'pass 2');
    log(`pass 2: best epoch ${second.epochs}${second.validationF1 === null ? '' : `, valid F1 ${second.validationF1.toFixed(2)}`}`);
  }
  return pruneModel(table, index, first.weights, second?.weights ?? null, {
    seed: options.seed ?? 1,
    firstEpochs: first.epochs,
    firstValidationF1: first.validationF1,
    secondEpochs: second?.epochs ?? null,
    secondValidationF1: second?.validationF1 ?? null,
    trainingDocuments: documents.length,
  });
}

/** Keeps only rows with a non-zero weight and the attributes their keys use. */
function pruneModel(table: AttributeTable, index: FeatureIndex, first: LinearWeights, second: LinearWeights | null, info: Record<string, unknown>): TaggerModel {
  const attributeSpace = 4_194_304;
  const keptRows: number[] = [];
  const rowCount = index.keys.length;
  const nonZero = (weights: LinearWeights, row: number) => {
    for (let tag = 0; tag < tagCount; tag++) if (Math.abs(weights.emission[row * tagCount + tag] ?? 0) > 1e-4) return true;
    return false;
  };
  for (let row = 0; row < rowCount; row++) if (nonZero(first, row) || (second !== null && nonZero(second, row))) keptRows.push(row);
  // Hot rows first: the weights of frequent features then share cache lines when tagging.
  keptRows.sort((a, b) => (index.uses[b] ?? 0) - (index.uses[a] ?? 0) || a - b);
  const names = table.names();
  const attributeMap = new Map<number, number>();
  const keptNames: string[] = [];
  const remap = (attribute: number) => {
    let mapped = attributeMap.get(attribute);
    if (mapped === undefined) {
      mapped = keptNames.length;
      attributeMap.set(attribute, mapped);
      keptNames.push(names[attribute]!);
    }
    return mapped;
  };
  const keys = new Float64Array(keptRows.length);
  keptRows.forEach((row, position) => {
    const key = index.keys[row]!;
    const secondPlusOne = key % attributeSpace;
    const rest = (key - secondPlusOne) / attributeSpace;
    const firstAttribute = rest % attributeSpace;
    const slot = (rest - firstAttribute) / attributeSpace;
    const newFirst = remap(firstAttribute);
    const newSecond = secondPlusOne === 0 ? 0 : remap(secondPlusOne - 1) + 1;
    keys[position] = (slot * attributeSpace + newFirst) * attributeSpace + newSecond;
  });
  const select = (weights: LinearWeights): LinearWeights => {
    const emission = new Float32Array(keptRows.length * tagCount);
    keptRows.forEach((row, position) => emission.set(weights.emission.subarray(row * tagCount, (row + 1) * tagCount), position * tagCount));
    return { emission, transition: Float32Array.from(weights.transition) };
  };
  // Attributes the document features need at tagging time even when pruning would drop them.
  for (const name of names) if (/^(D|P|M|X)=\d$/.test(name) || name === 'headline' || name === 'bias' || name === 'lower-seen' || name === 'first') remap(table.id(name));
  return { attributes: keptNames, keys, first: select(first), second: second ? select(second) : null, info };
}
