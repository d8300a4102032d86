/**
 * Sentence features for the summary model. Every feature survives lower-casing and tokenisation,
 * because the model is trained on the lower-cased, tokenised CNN/Daily Mail training files and
 * applied to raw articles: position, length, how central the sentence is to the article, how much
 * of its vocabulary recurs, and cues for numbers, quotes, attributions and dangling openings.
 */

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

/** One sentence as the feature code sees it: its text and its lower-cased `[a-z0-9]` tokens. */
export interface FeatureSentence {
  readonly text: string;
  readonly words: readonly string[];
}

/** Lower-cased `[a-z0-9]+` tokens of a text (the ROUGE tokenisation without stemming). */
export function featureWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
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
];

/** Number of features per sentence. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

function cosine(left: ReadonlyMap<string, number>, leftNorm: number, right: ReadonlyMap<string, number>, rightNorm: number): number {
  if (leftNorm === 0 || rightNorm === 0) return 0;
  let dot = 0;
  const [small, large] = left.size < right.size ? [left, right] : [right, left];
  for (const [word, count] of small) dot += count * (large.get(word) ?? 0);
  return dot / (leftNorm * rightNorm);
}

function norm(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count * count;
  return Math.sqrt(sum);
}

/**
 * Feature vectors, one per sentence, concatenated in one array of `sentences.length × FEATURE_COUNT`.
 */
export function sentenceFeatures(sentences: readonly FeatureSentence[]): Float64Array {
  const count = sentences.length;
  const features = new Float64Array(count * FEATURE_COUNT);
  const contentCounts: Map<string, number>[] = [];
  const documentCounts = new Map<string, number>();
  for (const sentence of sentences) {
    const counts = new Map<string, number>();
    for (const word of sentence.words) {
      if (STOP_WORDS.has(word) || word.length < 2) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      documentCounts.set(word, (documentCounts.get(word) ?? 0) + 1);
    }
    contentCounts.push(counts);
  }
  const leadCounts = contentCounts[0] ?? new Map<string, number>();
  const leadNorm = norm(leadCounts);
  let maxDocumentCount = 1;
  for (const value of documentCounts.values()) maxDocumentCount = Math.max(maxDocumentCount, value);
  const logSentences = Math.log1p(count);
  for (let index = 0; index < count; index += 1) {
    const sentence = sentences[index] as FeatureSentence;
    const counts = contentCounts[index] as Map<string, number>;
    const rest = new Map<string, number>();
    let recurring = 0;
    let contentTokens = 0;
    let maxFrequency = 0;
    for (const [word, value] of counts) {
      const elsewhere = (documentCounts.get(word) ?? 0) - value;
      if (elsewhere > 0) {
        rest.set(word, elsewhere);
        recurring += value;
      }
      contentTokens += value;
      maxFrequency = Math.max(maxFrequency, (documentCounts.get(word) ?? 0) / maxDocumentCount);
    }
    // Centrality against the rest of the article: sum over shared words, normalised by both sides.
    let restNormSquared = 0;
    for (const [word, value] of documentCounts) {
      const elsewhere = value - (counts.get(word) ?? 0);
      restNormSquared += elsewhere * elsewhere;
    }
    const centrality = cosine(counts, norm(counts), rest, Math.sqrt(restNormSquared));
    const leadSimilarity = index === 0 ? 0 : cosine(counts, norm(counts), leadCounts, leadNorm);
    const length = sentence.words.length;
    const lead = index < 3 ? 1 : 0;
    const recurringShare = contentTokens === 0 ? 0 : recurring / contentTokens;
    const text = sentence.text;
    const first = sentence.words[0] ?? '';
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
  }
  return features;
}
