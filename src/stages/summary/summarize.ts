/**
 * Extractive summaries: score every sentence with a logistic model over {@link sentenceFeatures},
 * then choose greedily by score, skipping a sentence that shares a word trigram with one already
 * chosen (a redundancy check worth about 1.4 ROUGE-Lsum on CNN/DM dev), and return the chosen
 * sentences in reading order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SummaryItem } from '../../doc/schema.js';
import { modelsDirectory } from '../../util/package-root.js';
import { WordTable } from '../../util/word-table.js';
import { articleWordIds, FEATURE_COUNT, FEATURE_NAMES, featureWords, sentenceFeatures, type ArticleWordIds, type FeatureSentence, type WordLexicon } from './features.js';

/**
 * The learned scorer and length policy, as written by `scripts/train-summary.ts`: features are
 * standardised (`(x - mean) / scale`), then a one-hidden-layer network with ReLU units gives the
 * score `output · relu(hidden · x + hiddenBias) + outputBias`.
 */
export interface SummaryModel {
  readonly version: number;
  /** Feature names, in vector order (checked against {@link FEATURE_NAMES}). */
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** Hidden weights, row-major: `hidden[unit * features + feature]`. */
  readonly hidden: readonly number[];
  readonly hiddenBias: readonly number[];
  readonly output: readonly number[];
  readonly outputBias: number;
  /** Default length when the caller gives none. */
  readonly length: ChoiceLimits;
  /** Word statistics: `[word, log-odds, idf]` rows, and the idf of a word not listed. */
  readonly lexicon: { readonly words: readonly (readonly [string, number, number])[]; readonly unknownIdf: number };
}

/** A model ready to score: the JSON plus its lexicon as maps. */
export interface LoadedSummaryModel extends SummaryModel {
  readonly wordLexicon: WordLexicon;
  /** The network's numbers as typed arrays, for speed. */
  readonly packed: { readonly mean: Float64Array; readonly scale: Float64Array; readonly hidden: Float64Array; readonly hiddenBias: Float64Array; readonly output: Float64Array };
}

/** Builds the lookup maps of a model's lexicon. */
export function prepareSummaryModel(model: SummaryModel): LoadedSummaryModel {
  return {
    ...model,
    packed: {
      mean: Float64Array.from(model.mean ?? []),
      scale: Float64Array.from(model.scale ?? []),
      hidden: Float64Array.from(model.hidden ?? []),
      hiddenBias: Float64Array.from(model.hiddenBias ?? []),
      output: Float64Array.from(model.output ?? []),
    },
    wordLexicon: {
      logOdds: new Map(model.lexicon.words.map(([word, logOdds]) => [word, logOdds])),
      idf: new Map(model.lexicon.words.map(([word, , idf]) => [word, idf])),
      unknownIdf: model.lexicon.unknownIdf,
      table: {
        words: new WordTable(model.lexicon.words.map(([word]) => word)),
        logOdds: Float64Array.from(model.lexicon.words, ([, logOdds]) => logOdds),
        idf: Float64Array.from(model.lexicon.words, ([, , idf]) => idf),
      },
    },
  };
}

/** How long a summary should be. */
export interface SummaryOptions {
  /** Most sentences to choose (default: the model's, 3). */
  readonly sentences?: number;
  /** Most words (`[A-Za-z0-9]` runs) in all; at least one sentence is always returned. */
  readonly words?: number;
}

/** A sentence handed to {@link summarize}: its span in `text` and its paragraph id. */
export interface SummarySentence {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: string;
}

/** Resources {@link summarize} may be given. */
export interface SummaryExtras {
  /** The model (default: loaded from `models/summary/model.json` on each call). */
  readonly model?: LoadedSummaryModel;
}

/** Path of the committed model. */
export const SUMMARY_MODEL_URL = pathToFileURL(join(modelsDirectory(), 'summary', 'model.json'));

/** Reads and checks the committed summary model. */
export function loadSummaryModel(url: URL = SUMMARY_MODEL_URL): LoadedSummaryModel {
  const model = JSON.parse(readFileSync(url, 'utf8')) as SummaryModel;
  if (model.features.length !== FEATURE_COUNT || model.features.some((name, index) => name !== FEATURE_NAMES[index])) {
    throw new Error(`summary model ${url.pathname} was trained on other features; rebuild it with scripts/train-summary.ts`);
  }
  return prepareSummaryModel(model);
}

/** Scores each sentence with the model (higher: more worth including). */
export function scoreSentences(sentences: readonly FeatureSentence[], model: LoadedSummaryModel, interned: ArticleWordIds = articleWordIds(sentences)): number[] {
  const features = sentenceFeatures(sentences, model.wordLexicon, interned);
  const { mean, scale, hidden, hiddenBias, output } = model.packed;
  const units = hiddenBias.length;
  // A local copy: an imported binding read in the inner loop costs a getter call under some loaders.
  const width = FEATURE_COUNT;
  const input = new Float64Array(width);
  const scores: number[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    const base = index * width;
    for (let feature = 0; feature < width; feature += 1) input[feature] = ((features[base + feature] as number) - (mean[feature] as number)) / (scale[feature] as number);
    let score = model.outputBias;
    for (let unit = 0; unit < units; unit += 1) {
      let sum = hiddenBias[unit] as number;
      const row = unit * width;
      for (let feature = 0; feature < width; feature += 1) sum += (input[feature] as number) * (hidden[row + feature] as number);
      if (sum > 0) score += sum * (output[unit] as number);
    }
    scores.push(score);
  }
  return scores;
}

/** Trigram keys of a sentence, from per-article word ids (exact in a double while ids < 2^17). */
function trigramKeys(ids: readonly number[]): Set<number> {
  const keys = new Set<number>();
  for (let index = 0; index + 3 <= ids.length; index += 1) keys.add(((ids[index] as number) * 131072 + (ids[index + 1] as number)) * 131072 + (ids[index + 2] as number));
  return keys;
}

function trigramSets(interned: ArticleWordIds): Set<number>[] {
  // Ids in order of first use, folded below 2^17.
  return interned.rows.map((row) => trigramKeys(Array.from(row, (id) => id % 131072)));
}

const PRONOUN_START = /^\s*(?:["“‘'`]+\s*)?(?:he|she|they|it|his|her|their|its|him|them|this|these|those)\b/i;
const ATTRIBUTION = /\b(?:said|says|say|told|tells|according|added|adds|asked|claimed|explained|insisted|stated|wrote|writes)\b/i;
const QUOTE_START = /^\s*(?:["“‘]|``|'(?=\s*\w))/;
const TERMINAL = /[.!?]["”’')\]]*\s*$|["”’]\s*$|''\s*$/;

/** Why a sentence may not open a summary, or null when it may. */
export function openingProblem(text: string): 'dangling-pronoun' | 'speakerless-quote' | null {
  if (PRONOUN_START.test(text)) return 'dangling-pronoun';
  if (QUOTE_START.test(text) && !ATTRIBUTION.test(text)) return 'speakerless-quote';
  return null;
}

/** True for residue that is not a story sentence: captions without final punctuation, "scroll down for video". */
export function isResidue(text: string, words: readonly string[]): boolean {
  if (words.length < 4) return true;
  if (!TERMINAL.test(text)) return true;
  return /^(?:scroll down|click here|watch the video|video courtesy|photo|pictured|read more)\b/i.test(text.trim());
}

/** Length limits and the length policy of one choice. */
export interface ChoiceLimits {
  /** Most sentences. */
  readonly sentences: number;
  /** Most words in all (the first sentence is always allowed). */
  readonly words?: number;
  /**
   * Expected reference length in words. When set, sentences are added while they raise the
   * expected ROUGE F1, `2 × hits / (words + referenceWords)`, with `hits` the sentence's predicted
   * precision × its words; when absent, the best-scored sentences are taken up to the limits.
   */
  readonly referenceWords?: number;
  /** Fewest sentences to take when `referenceWords` is set (default 1). */
  readonly minimumSentences?: number;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/**
 * Chooses sentence indices: best first, no shared trigram with a chosen sentence, within the
 * length limits; the earliest chosen sentence may not open with a dangling pronoun or a quote
 * without its speaker, and residue is skipped, unless nothing else is left. Returns indices in
 * reading order.
 */
export function chooseSentences(sentences: readonly FeatureSentence[], scores: readonly number[], limits: ChoiceLimits, interned: ArticleWordIds = articleWordIds(sentences)): number[] {
  const order: { score: number; index: number }[] = [];
  const hits: number[] = [];
  // Residue (bylines, credits) is passed over in the first, strict round.
  const residue = new Uint8Array(sentences.length);
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] as number;
    const sentence = sentences[index] as FeatureSentence;
    order.push({ score, index });
    hits.push(sigmoid(score) * sentence.words.length);
  }
  for (let index = 0; index < sentences.length; index++) residue[index] = isResidue((sentences[index] as FeatureSentence).text, (sentences[index] as FeatureSentence).words) ? 1 : 0;
  order.sort((left, right) => right.score - left.score || left.index - right.index);
  const grams = trigramSets(interned);
  for (const strict of [true, false]) {
    const chosen: number[] = [];
    const seen = new Set<number>();
    let words = 0;
    let matched = 0;
    let current = 0;
    while (chosen.length < limits.sentences) {
      const earliestChosen = chosen.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...chosen);
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (const { index } of order) {
        if (chosen.includes(index) || (strict && residue[index] === 1)) continue;
        const sentence = sentences[index] as FeatureSentence;
        if (limits.words !== undefined && chosen.length > 0 && words + sentence.words.length > limits.words) continue;
        let redundant = false;
        for (const gram of grams[index] as Set<number>) if (seen.has(gram)) { redundant = true; break; }
        if (redundant) continue;
        // The earliest chosen sentence opens the summary: it must stand on its own.
        if (index < earliestChosen && openingProblem(sentence.text) !== null) continue;
        if (limits.referenceWords === undefined) { best = index; break; }
        const value = (2 * (matched + (hits[index] as number))) / (words + sentence.words.length + limits.referenceWords);
        if (value > bestValue) { bestValue = value; best = index; }
      }
      if (best < 0) break;
      if (limits.referenceWords !== undefined && chosen.length >= (limits.minimumSentences ?? 1) && bestValue <= current) break;
      chosen.push(best);
      words += (sentences[best] as FeatureSentence).words.length;
      matched += hits[best] as number;
      current = bestValue;
      for (const gram of grams[best] as Set<number>) seen.add(gram);
    }
    if (chosen.length > 0) return chosen.sort((left, right) => left - right);
  }
  // Nothing qualifies (every sentence is residue or a dangling opening): take the best one.
  return order.length > 0 ? [(order[0] as { index: number }).index] : [];
}

/**
 * Summarises one article: the chosen sentences in reading order, each with its model score.
 * @param text the article text the sentence spans point into
 * @param sentences the sentence layer (`{id, start, end, paragraph}`)
 * @param options length limits (default: the model's length policy, 3 sentences)
 */
export function summarize(text: string, sentences: readonly SummarySentence[], options: SummaryOptions = {}, extras: SummaryExtras = {}): SummaryItem[] {
  if (sentences.length === 0) return [];
  const model = extras.model ?? loadSummaryModel();
  const featureSentences: FeatureSentence[] = [];
  for (const sentence of sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    featureSentences.push({ text: sentenceText, words: featureWords(sentenceText) });
  }
  // Words interned once for the features and the trigram check.
  const interned = articleWordIds(featureSentences);
  const scores = scoreSentences(featureSentences, model, interned);
  // A caller's limits replace the learned policy; an exact sentence count is taken in full.
  const limits: ChoiceLimits = options.sentences !== undefined
    ? {
      sentences: options.sentences,
      minimumSentences: options.sentences,
      ...(options.words !== undefined ? { words: options.words } : {}),
      ...(model.length.referenceWords !== undefined ? { referenceWords: model.length.referenceWords } : {}),
    }
    : options.words !== undefined ? { sentences: Number.MAX_SAFE_INTEGER, words: options.words } : model.length;
  const summary: SummaryItem[] = [];
  for (const index of chooseSentences(featureSentences, scores, limits, interned)) {
    const sentence = sentences[index] as SummarySentence;
    summary.push({ start: sentence.start, end: sentence.end, sentence: sentence.id, score: scores[index] as number });
  }
  return summary;
}
