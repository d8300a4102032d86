/**
 * Sentence features for the summary model. Every feature survives lower-casing and tokenisation,
 * because the model is trained on the lower-cased, tokenised CNN/Daily Mail training files and
 * applied to raw articles: position, length, how central the sentence is to the article, how much
 * of its vocabulary recurs, and cues for numbers, quotes, attributions and dangling openings.
 */
import type { WordTable } from '../../util/word-table.js';

/** Words that carry no topic, left out of the centrality and frequency features. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the of to in on at by for with from into and or but nor so yet if then than that this these those ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'i me my we us our you your he him his she her it its they them their who whom whose which what when where why how ' +
    'not no all any some each every both few more most other such only own same too very just also s t d ll m re ve ' +
    'said says say told about after before over under up down out off again further once here there as while during ' +
    'because until against between through above below one two new mr mrs ms cnn').split(' '),
);

const PRONOUN_OPENERS = new Set(['he', 'she', 'they', 'it', 'his', 'her', 'their', 'its', 'this', 'these', 'those', 'that', 'him', 'them', 'we', 'i', 'you', 'there']);
const CONNECTIVE_OPENERS = new Set(['but', 'and', 'so', 'however', 'also', 'yet', 'or', 'then', 'still', 'meanwhile', 'instead', 'now']);
const ATTRIBUTION_WORDS = new Set(['said', 'says', 'told', 'according', 'added', 'claimed', 'stated', 'insisted', 'explained']);

/**
 * Word statistics learned on the training set: for each of the commonest words, how much more often
 * it occurs in oracle summary sentences than in the rest (smoothed log-odds), and its inverse
 * document frequency. Words outside the list count as rare (`unknownIdf`) and neutral (log-odds 0).
 */
export interface WordLexicon {
  readonly logOdds: ReadonlyMap<string, number>;
  readonly idf: ReadonlyMap<string, number>;
  readonly unknownIdf: number;
  /**
   * The same numbers by word id (one allocation-free lookup per word, in a table that stays in
   * cache); optional, the same values as the two maps.
   */
  readonly table?: { readonly words: WordTable; readonly logOdds: Float64Array; readonly idf: Float64Array };
}

/** An empty lexicon (every word neutral and rare), for callers without a model. */
export const EMPTY_LEXICON: WordLexicon = { logOdds: new Map(), idf: new Map(), unknownIdf: 1 };

/** One sentence as the feature code sees it: its text and its lower-cased `[a-z0-9]` tokens. */
export interface FeatureSentence {
  readonly text: string;
  readonly words: readonly string[];
}

/** Lower-cased `[a-z0-9]+` tokens of a text (the ROUGE tokenisation without stemming). */
export function featureWords(text: string): string[] {
  // One scan for the runs (what splitting on `[^a-z0-9]+` and dropping empty pieces gives).
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at <= lower.length; at += 1) {
    const code = at < lower.length ? lower.charCodeAt(at) : 0;
    const inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (inWord && start < 0) start = at;
    else if (!inWord && start >= 0) {
      words.push(lower.slice(start, at));
      start = -1;
    }
  }
  return words;
}

/** The words of an article's sentences as ids: `rows[s][i]` is the id of word `i` of sentence `s`, ids given in order of first use. */
export interface ArticleWordIds {
  readonly vocabulary: readonly string[];
  readonly rows: readonly Int32Array[];
}

/** Interns the words of an article's sentences (see {@link ArticleWordIds}). */
export function articleWordIds(sentences: readonly FeatureSentence[]): ArticleWordIds {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const rows: Int32Array[] = [];
  for (const sentence of sentences) {
    const row = new Int32Array(sentence.words.length);
    for (let position = 0; position < sentence.words.length; position++) {
      const word = sentence.words[position]!;
      let id = ids.get(word);
      if (id === undefined) {
        id = vocabulary.length;
        ids.set(word, id);
        vocabulary.push(word);
      }
      row[position] = id;
    }
    rows.push(row);
  }
  return { vocabulary, rows };
}

const POSITION_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 25];
const LENGTH_BUCKETS = [0, 5, 8, 11, 14, 17, 20, 24, 28, 33, 40, 55];

function bucketIndex(value: number, buckets: readonly number[]): number {
  let index = 0;
  while (index + 1 < buckets.length && value >= (buckets[index + 1] as number)) index += 1;
  return index;
}

/** Names of the features, in vector order (the model file stores weights in this order). */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  ...POSITION_BUCKETS.map((value) => `position>=${value}`),
  ...LENGTH_BUCKETS.map((value) => `length>=${value}`),
  'relative-position',
  'log-sentences',
  'centrality',
  'centrality×lead',
  'lead-similarity',
  'recurring-content',
  'recurring-content×lead',
  'content-ratio',
  'max-word-frequency',
  'has-number',
  'has-quote-mark',
  'starts-with-quote',
  'attribution',
  'pronoun-opener',
  'connective-opener',
  'question',
  'colon',
  'position×length',
  'short-article',
  'mean-log-odds',
  'max-log-odds',
  'min-log-odds',
  'first-word-log-odds',
  'tfidf-centrality',
  'keyword-coverage',
  'mean-idf',
];

/** Number of features per sentence. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

/**
 * Feature vectors, one per sentence, concatenated in one array of `sentences.length × FEATURE_COUNT`.
 */
export function sentenceFeatures(sentences: readonly FeatureSentence[], lexicon: WordLexicon = EMPTY_LEXICON, interned: ArticleWordIds = articleWordIds(sentences)): Float64Array {
  const count = sentences.length;
  const features = new Float64Array(count * FEATURE_COUNT);
  // Words interned to ids once per article so the per-sentence work is array arithmetic (≤ 1 ms budget).
  const { vocabulary, rows: wordIds } = interned;
  const size = vocabulary.length;
  const isContent = new Uint8Array(size);
  const logOdds = new Float64Array(size);
  const idf = new Float64Array(size);
  const { table } = lexicon;
  for (let id = 0; id < size; id += 1) {
    const word = vocabulary[id] as string;
    isContent[id] = word.length >= 2 && !STOP_WORDS.has(word) ? 1 : 0;
    if (table) {
      const listed = table.words.idOf(word, 0, word.length);
      logOdds[id] = listed > 0 ? table.logOdds[listed - 1]! : 0;
      idf[id] = listed > 0 ? table.idf[listed - 1]! : lexicon.unknownIdf;
    } else {
      logOdds[id] = lexicon.logOdds.get(word) ?? 0;
      idf[id] = lexicon.idf.get(word) ?? lexicon.unknownIdf;
    }
  }
  // Per sentence: its distinct content word ids and their counts.
  const sentenceWords: Int32Array[] = [];
  const sentenceCounts: Float64Array[] = [];
  const documentCounts = new Float64Array(size);
  const scratch = new Float64Array(size);
  for (const row of wordIds) {
    const distinct: number[] = [];
    for (const id of row) {
      if (!isContent[id]) continue;
      if (scratch[id] === 0) distinct.push(id);
      scratch[id] = (scratch[id] as number) + 1;
    }
    const counts = new Float64Array(distinct.length);
    for (let position = 0; position < distinct.length; position++) {
      const id = distinct[position]!;
      counts[position] = scratch[id] as number;
      documentCounts[id] = (documentCounts[id] as number) + (scratch[id] as number);
      scratch[id] = 0;
    }
    sentenceWords.push(Int32Array.from(distinct));
    sentenceCounts.push(counts);
  }
  // Document vector weighted by idf, and its five strongest words (the story's keywords).
  const weighted = new Float64Array(size);
  let weightedNormSquared = 0;
  let documentNormSquared = 0;
  let maxDocumentCount = 1;
  const keywords: number[] = [];
  const before = (left: number, right: number): boolean =>
    (weighted[left] as number) > (weighted[right] as number) || ((weighted[left] as number) === (weighted[right] as number) && (vocabulary[left] as string) < (vocabulary[right] as string));
  for (let id = 0; id < size; id += 1) {
    const value = documentCounts[id] as number;
    if (value === 0) continue;
    weighted[id] = value * (idf[id] as number);
    weightedNormSquared += (weighted[id] as number) ** 2;
    documentNormSquared += value * value;
    if (value > maxDocumentCount) maxDocumentCount = value;
    if (keywords.length < 5 || before(id, keywords[keywords.length - 1] as number)) {
      let position = keywords.length;
      while (position > 0 && before(id, keywords[position - 1] as number)) position -= 1;
      keywords.splice(position, 0, id);
      if (keywords.length > 5) keywords.pop();
    }
  }
  const isKeyword = new Uint8Array(size);
  for (const id of keywords) isKeyword[id] = 1;
  const leadCounts = new Float64Array(size);
  let leadNormSquared = 0;
  const leadWords = sentenceWords[0] ?? new Int32Array(0);
  for (let position = 0; position < leadWords.length; position++) {
    const id = leadWords[position]!;
    const value = (sentenceCounts[0] as Float64Array)[position] as number;
    leadCounts[id] = value;
    leadNormSquared += value * value;
  }
  const leadNorm = Math.sqrt(leadNormSquared);
  const logSentences = Math.log1p(count);
  for (let index = 0; index < count; index += 1) {
    const sentence = sentences[index] as FeatureSentence;
    const distinct = sentenceWords[index] as Int32Array;
    const counts = sentenceCounts[index] as Float64Array;
    let recurring = 0;
    let contentTokens = 0;
    let maxFrequency = 0;
    let normSquared = 0;
    let restDot = 0;
    let restNormSquared = documentNormSquared;
    let leadDot = 0;
    let idfSum = 0;
    let sentenceWeightedNorm = 0;
    let weightedDot = 0;
    let keywordHits = 0;
    for (let position = 0; position < distinct.length; position += 1) {
      const id = distinct[position] as number;
      const value = counts[position] as number;
      const total = documentCounts[id] as number;
      const elsewhere = total - value;
      if (elsewhere > 0) recurring += value;
      contentTokens += value;
      normSquared += value * value;
      restDot += value * elsewhere;
      // |rest|² = |doc|² minus what this sentence adds.
      restNormSquared += elsewhere * elsewhere - total * total;
      leadDot += value * (leadCounts[id] as number);
      const total01 = total / maxDocumentCount;
      if (total01 > maxFrequency) maxFrequency = total01;
      const weight = idf[id] as number;
      idfSum += weight * value;
      sentenceWeightedNorm += (value * weight) ** 2;
      weightedDot += value * weight * (weighted[id] as number);
      if (isKeyword[id]) keywordHits += 1;
    }
    const norm = Math.sqrt(normSquared);
    const restNorm = Math.sqrt(Math.max(restNormSquared, 0));
    const centrality = norm > 0 && restNorm > 0 ? restDot / (norm * restNorm) : 0;
    const leadSimilarity = index === 0 || norm === 0 || leadNorm === 0 ? 0 : leadDot / (norm * leadNorm);
    let logOddsSum = 0;
    let logOddsMax = -Infinity;
    let logOddsMin = Infinity;
    for (const id of wordIds[index] as Int32Array) {
      const value = logOdds[id] as number;
      logOddsSum += value;
      if (value > logOddsMax) logOddsMax = value;
      if (value < logOddsMin) logOddsMin = value;
    }
    const tfidfCentrality = sentenceWeightedNorm > 0 && weightedNormSquared > 0 ? weightedDot / Math.sqrt(sentenceWeightedNorm * weightedNormSquared) : 0;
    const length = sentence.words.length;
    const lead = index < 3 ? 1 : 0;
    const recurringShare = contentTokens === 0 ? 0 : recurring / contentTokens;
    const text = sentence.text;
    const first = sentence.words.length > 0 ? sentence.words[0]! : '';
    const base = index * FEATURE_COUNT;
    let offset = base;
    features[offset++] = 1;
    const positionBucket = bucketIndex(index, POSITION_BUCKETS);
    for (let bucket = 0; bucket < POSITION_BUCKETS.length; bucket += 1) features[offset++] = bucket === positionBucket ? 1 : 0;
    const lengthBucket = bucketIndex(length, LENGTH_BUCKETS);
    for (let bucket = 0; bucket < LENGTH_BUCKETS.length; bucket += 1) features[offset++] = bucket === lengthBucket ? 1 : 0;
    features[offset++] = count > 1 ? index / (count - 1) : 0;
    features[offset++] = logSentences;
    features[offset++] = centrality;
    features[offset++] = centrality * lead;
    features[offset++] = leadSimilarity;
    features[offset++] = recurringShare;
    features[offset++] = recurringShare * lead;
    features[offset++] = length === 0 ? 0 : contentTokens / length;
    features[offset++] = maxFrequency;
    features[offset++] = /[0-9]/.test(text) ? 1 : 0;
    features[offset++] = /["“”]|``|''/.test(text) ? 1 : 0;
    features[offset++] = /^\s*(?:["“‘]|``|' )/.test(text) ? 1 : 0;
    features[offset++] = sentence.words.some((word) => ATTRIBUTION_WORDS.has(word)) ? 1 : 0;
    features[offset++] = PRONOUN_OPENERS.has(first) ? 1 : 0;
    features[offset++] = CONNECTIVE_OPENERS.has(first) ? 1 : 0;
    features[offset++] = /\?\s*(?:["”’]|'')?\s*$/.test(text) ? 1 : 0;
    features[offset++] = text.includes(':') ? 1 : 0;
    features[offset++] = Math.log1p(index) * Math.log1p(length) / 10;
    features[offset++] = count <= 5 ? 1 : 0;
    const wordCount = Math.max(sentence.words.length, 1);
    features[offset++] = logOddsSum / wordCount;
    features[offset++] = sentence.words.length > 0 ? logOddsMax : 0;
    features[offset++] = sentence.words.length > 0 ? logOddsMin : 0;
    // The first word's log-odds (`first` is word 0 of the sentence).
    features[offset++] = sentence.words.length > 0 ? logOdds[(wordIds[index] as Int32Array)[0] as number] as number : lexicon.logOdds.get(first) ?? 0;
    features[offset++] = tfidfCentrality;
    features[offset++] = keywordHits / Math.max(keywords.length, 1);
    features[offset++] = contentTokens > 0 ? idfSum / contentTokens / lexicon.unknownIdf : 0;
  }
  return features;
}
