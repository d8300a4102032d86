/**
 * Extractive summaries: score every sentence with a logistic model over {@link sentenceFeatures},
 * then choose greedily by score, skipping a sentence that shares a word trigram with one already
 * chosen (a redundancy check worth about 1.4 ROUGE-Lsum on CNN/DM dev), and return the chosen
 * sentences in reading order.
 */
import { readFileSync } from 'node:fs';
import type { SummaryItem } from '../../doc/schema.js';
import { FEATURE_COUNT, FEATURE_NAMES, featureWords, sentenceFeatures, type FeatureSentence } from './features.js';

/** The learned weights and length policy, as written by `scripts/train-summary.ts`. */
export interface SummaryModel {
  readonly version: number;
  /** Feature names, in the order of `weights` (checked against {@link FEATURE_NAMES}). */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  /** Default length when the caller gives none. */
  readonly length: { readonly sentences: number; readonly words?: number };
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
  readonly model?: SummaryModel;
}

/** Path of the committed model. */
export const SUMMARY_MODEL_URL = new URL('../../../models/summary/model.json', import.meta.url);

/** Reads and checks the committed summary model. */
export function loadSummaryModel(url: URL = SUMMARY_MODEL_URL): SummaryModel {
  const model = JSON.parse(readFileSync(url, 'utf8')) as SummaryModel;
  if (model.features.length !== FEATURE_COUNT || model.features.some((name, index) => name !== FEATURE_NAMES[index])) {
    throw new Error(`summary model ${url.pathname} was trained on other features; rebuild it with scripts/train-summary.ts`);
  }
  return model;
}

/** Scores each sentence (the model's logit). */
export function scoreSentences(sentences: readonly FeatureSentence[], weights: readonly number[]): number[] {
  const features = sentenceFeatures(sentences);
  const scores: number[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    let sum = 0;
    const base = index * FEATURE_COUNT;
    for (let feature = 0; feature < FEATURE_COUNT; feature += 1) sum += (features[base + feature] as number) * (weights[feature] ?? 0);
    scores.push(sum);
  }
  return scores;
}

function trigrams(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= words.length; index += 1) grams.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
  return grams;
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

/**
 * Chooses sentence indices: highest score first, no shared trigram with a chosen sentence, within
 * the length limits; the earliest chosen sentence may not open with a dangling pronoun or a quote
 * without its speaker unless no other choice exists. Returns indices in reading order.
 */
export function chooseSentences(
  sentences: readonly FeatureSentence[],
  scores: readonly number[],
  limits: { readonly sentences: number; readonly words?: number },
): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((left, right) => right.score - left.score || left.index - right.index);
  const eligible = (index: number): boolean => !isResidue((sentences[index] as FeatureSentence).text, (sentences[index] as FeatureSentence).words);
  const passes: ((index: number) => boolean)[] = [eligible, () => true];
  for (const pass of passes) {
    const chosen: number[] = [];
    const seen = new Set<string>();
    let words = 0;
    for (const { index } of order) {
      if (chosen.length >= limits.sentences) break;
      if (!pass(index)) continue;
      const sentence = sentences[index] as FeatureSentence;
      if (limits.words !== undefined && chosen.length > 0 && words + sentence.words.length > limits.words) continue;
      const grams = trigrams(sentence.words);
      let redundant = false;
      for (const gram of grams) if (seen.has(gram)) { redundant = true; break; }
      if (redundant) continue;
      // The earliest chosen sentence opens the summary: it must stand on its own.
      const earliest = chosen.length === 0 || index < Math.min(...chosen);
      if (earliest && openingProblem(sentence.text) !== null && index > 0) continue;
      chosen.push(index);
      words += sentence.words.length;
      for (const gram of grams) seen.add(gram);
    }
    if (chosen.length > 0) return chosen.sort((left, right) => left - right);
  }
  // Every sentence is residue or a dangling opening (an article of bare quotes): take the best one.
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
  const featureSentences = sentences.map((sentence) => {
    const sentenceText = text.slice(sentence.start, sentence.end);
    return { text: sentenceText, words: featureWords(sentenceText) };
  });
  const scores = scoreSentences(featureSentences, model.weights);
  const limits = {
    sentences: options.sentences ?? (options.words !== undefined ? Number.MAX_SAFE_INTEGER : model.length.sentences),
    ...(options.words !== undefined ? { words: options.words } : options.sentences === undefined && model.length.words !== undefined ? { words: model.length.words } : {}),
  };
  return chooseSentences(featureSentences, scores, limits).map((index) => {
    const sentence = sentences[index] as SummarySentence;
    return { start: sentence.start, end: sentence.end, sentence: sentence.id, score: scores[index] as number };
  });
}
