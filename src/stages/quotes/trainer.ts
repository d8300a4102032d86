/**
 * Training the attribution tagger: gold BIO tags from annotated attributions, and a structured
 * averaged perceptron over paragraph sequences (seeded shuffling, so the same data and seed give
 * the same model).
 */
import type { Span, Token } from '../../doc/schema.js';
import type { FeatureRows } from './features.js';
import { decodeSequence, makeDecodeScratch, quoteTagCount, Tag } from './tagger.js';
import { createRandom } from '../../util/random.js';
import { firstTokenEndingAfter } from '../../doc/token-search.js';

/** An annotated attribution in pieces (content, cue, source). */
export interface AttributionSpans {
  readonly content: readonly Span[];
  readonly cue: readonly Span[];
  readonly source: readonly Span[];
}

/**
 * Gold tags of the tokens: content painted first, then sources, then cues (a nested
 * attribution's cue and source win over the outer content they sit in). A token belongs to a span
 * when its middle lies inside it.
 */
export function goldTags(tokens: readonly Token[], attributions: readonly AttributionSpans[]): Uint8Array {
  const kind = new Uint8Array(tokens.length); // 0 none, 1 content, 2 cue, 3 source
  const owner = new Int32Array(tokens.length).fill(-1);
  const paint = (spans: readonly Span[], value: number, id: number): void => {
    for (const span of spans) {
      for (let index = firstTokenEndingAfter(tokens, span.start); index < tokens.length; index++) {
        const token = tokens[index]!;
        if (token.start >= span.end) break;
        const middle = (token.start + token.end) / 2;
        if (middle < span.start || middle > span.end) continue;
        kind[index] = value;
        owner[index] = id;
      }
    }
  };
  attributions.forEach((attribution, index) => paint(attribution.content, 1, index * 4));
  attributions.forEach((attribution, index) => paint(attribution.source, 3, index * 4 + 2));
  attributions.forEach((attribution, index) => paint(attribution.cue, 2, index * 4 + 1));
  const tags = new Uint8Array(tokens.length);
  for (let index = 0; index < tokens.length; index++) {
    const value = kind[index]!;
    if (value === 0) continue;
    // A content run may cross sentences (a multi-sentence quote); a cue or source may not.
    const continues = index > 0 && kind[index - 1] === value && owner[index - 1] === owner[index] && (value === 1 || tokens[index - 1]!.sentence === tokens[index]!.sentence);
    const begin = value === 1 ? Tag.BeginContent : value === 2 ? Tag.BeginCue : Tag.BeginSource;
    tags[index] = continues ? begin + 1 : begin;
  }
  return tags;
}

/** One training document: its feature rows and gold tags. */
export interface TrainingDocument {
  readonly features: FeatureRows;
  readonly gold: Uint8Array;
}

/** Options of {@link trainQuoteTagger}. */
export interface TrainingOptions {
  readonly rowBits: number;
  /** Passes over the data; default 8. */
  readonly epochs?: number;
  /** Shuffling seed; default 1. */
  readonly seed?: number;
  /** Called after each epoch with the averaged weights so far. */
  readonly onEpoch?: (epoch: number, weights: { emission: Float32Array; transition: Float32Array }, mistakes: number) => void;
}


/** Trains the tagger; returns averaged emission and transition weights. */
export function trainQuoteTagger(documents: readonly TrainingDocument[], options: TrainingOptions): { emission: Float32Array; transition: Float32Array } {
  const tagCount = quoteTagCount;
  const rowCount = 1 << options.rowBits;
  const emission = new Float64Array(rowCount * tagCount);
  const emissionTotals = new Float64Array(rowCount * tagCount);
  const transition = new Float64Array((tagCount + 1) * tagCount);
  const transitionTotals = new Float64Array((tagCount + 1) * tagCount);
  const random = createRandom(options.seed ?? 1);
  const order: { document: number; first: number; end: number }[] = [];
  documents.forEach((document, index) => {
    for (const sequence of document.features.sequences) order.push({ document: index, first: sequence.first, end: sequence.end });
  });
  let clock = 1;
  const predicted = new Uint8Array(Math.max(1, ...documents.map((document) => document.gold.length)));
  const scratch = makeDecodeScratch(Math.max(1, ...order.map((item) => item.end - item.first)));
  const averaged = (): { emission: Float32Array; transition: Float32Array } => ({
    emission: Float32Array.from(emission, (weight, index) => weight - emissionTotals[index]! / clock),
    transition: Float32Array.from(transition, (weight, index) => weight - transitionTotals[index]! / clock),
  });
  const epochs = options.epochs ?? 8;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap]!, order[index]!];
    }
    let mistakes = 0;
    for (const item of order) {
      const document = documents[item.document]!;
      const { rows, stride } = document.features;
      decodeSequence(rows, stride, item.first, item.end, emission, transition, predicted, scratch);
      let differs = false;
      for (let token = item.first; token < item.end; token++) if (predicted[token] !== document.gold[token]) differs = true;
      if (differs) {
        mistakes++;
        for (let token = item.first; token < item.end; token++) {
          const gold = document.gold[token]!;
          const guess = predicted[token]!;
          const previousGold = token === item.first ? tagCount : document.gold[token - 1]!;
          const previousGuess = token === item.first ? tagCount : predicted[token - 1]!;
          if (gold !== guess) {
            const base = token * stride;
            for (let feature = 0; feature < stride; feature++) {
              const offset = rows[base + feature]! * tagCount;
              emission[offset + gold] = emission[offset + gold]! + 1;
              emissionTotals[offset + gold] = emissionTotals[offset + gold]! + clock;
              emission[offset + guess] = emission[offset + guess]! - 1;
              emissionTotals[offset + guess] = emissionTotals[offset + guess]! - clock;
            }
          }
          if (gold !== guess || previousGold !== previousGuess) {
            const goldIndex = previousGold * tagCount + gold;
            const guessIndex = previousGuess * tagCount + guess;
            transition[goldIndex] = transition[goldIndex]! + 1;
            transitionTotals[goldIndex] = transitionTotals[goldIndex]! + clock;
            transition[guessIndex] = transition[guessIndex]! - 1;
            transitionTotals[guessIndex] = transitionTotals[guessIndex]! - clock;
          }
        }
      }
      clock++;
    }
    options.onEpoch?.(epoch, averaged(), mistakes);
  }
  return averaged();
}
