/**
 * Trains the summary model (`models/summary/model.json`) on the CNN/Daily Mail training pairs in
 * `../shared/data/summarization-cnndm/train` and picks its default length on a held-out slice of
 * that training set (the dev files are for reporting only).
 *
 * Labels: each article's greedy ROUGE oracle (sentences added while ROUGE-1 + ROUGE-2 F1 against
 * the highlights rises). Model: logistic regression, Adam, fixed seed.
 *
 * Run: `nice -n 10 npx tsx scripts/train-summary.ts [--limit N] [--held-out N] [--epochs N]`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../bench/harness.js';
import { FEATURE_COUNT, FEATURE_NAMES, featureWords, sentenceFeatures, type FeatureSentence } from '../src/stages/summary/features.js';
import { porterStem } from '../src/stages/summary/porter-stemmer.js';
import { ngramCounts, rougeLsumTokens, rougeN } from '../src/stages/summary/rouge.js';
import { chooseSentences, SUMMARY_MODEL_URL, type SummaryModel } from '../src/stages/summary/summarize.js';
import { splitTokenizedSentences, storyStart } from '../src/stages/summary/tokenized-text.js';

interface Article {
  readonly sentences: FeatureSentence[];
  /** Stemmed ROUGE tokens of each sentence. */
  readonly stemmed: string[][];
  readonly reference: string[][];
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Mulberry32: a small seeded generator so every run shuffles and samples the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

const stemCache = new Map<string, string>();
function stemmedTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length === 0) continue;
    if (raw.length <= 3) { tokens.push(raw); continue; }
    let stem = stemCache.get(raw);
    if (stem === undefined) { stem = porterStem(raw); stemCache.set(raw, stem); }
    tokens.push(stem);
  }
  return tokens;
}

function readArticles(limit: number, seed: number): Article[] {
  const directory = join(sharedDataDir(), 'summarization-cnndm', 'train');
  const records: { article: string; highlights: string }[] = [];
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(directory, name), 'utf8').split('\n')) if (line.trim()) records.push(JSON.parse(line) as { article: string; highlights: string });
  }
  shuffle(records, random(seed));
  return records.slice(0, limit).map(({ article, highlights }) => {
    const body = article.slice(storyStart(article));
    const sentences = splitTokenizedSentences(body).map((span) => {
      const text = body.slice(span.start, span.end);
      return { text, words: featureWords(text) };
    });
    return {
      sentences,
      stemmed: sentences.map((sentence) => stemmedTokens(sentence.text)),
      reference: highlights.split('\n').filter((line) => line.trim()).map(stemmedTokens),
    };
  });
}

/** Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1, while it rises. */
function oracle(article: Article, most: number): Set<number> {
  const reference = article.reference.flat();
  const chosen: number[] = [];
  let best = 0;
  for (let step = 0; step < most; step += 1) {
    let bestIndex = -1;
    for (let index = 0; index < article.stemmed.length; index += 1) {
      if (chosen.includes(index)) continue;
      const candidate = [...chosen, index].sort((a, b) => a - b).flatMap((i) => article.stemmed[i] as string[]);
      const value = rougeN(candidate, reference, 1).f1 + rougeN(candidate, reference, 2).f1;
      if (value > best) { best = value; bestIndex = index; }
    }
    if (bestIndex < 0) break;
    chosen.push(bestIndex);
  }
  return new Set(chosen);
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** Logistic regression by mini-batch Adam with L2, deterministic for a seed. */
function train(features: Float64Array, labels: Uint8Array, epochs: number, seed: number): number[] {
  const rows = labels.length;
  const weights = new Float64Array(FEATURE_COUNT);
  const first = new Float64Array(FEATURE_COUNT);
  const second = new Float64Array(FEATURE_COUNT);
  const gradient = new Float64Array(FEATURE_COUNT);
  const order = shuffle(Array.from({ length: rows }, (_, index) => index), random(seed + 1));
  const batch = 256;
  const rate = 0.01;
  const l2 = 1e-5;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    let loss = 0;
    for (let start = 0; start < rows; start += batch) {
      gradient.fill(0);
      const end = Math.min(start + batch, rows);
      for (let position = start; position < end; position += 1) {
        const row = order[position] as number;
        const base = row * FEATURE_COUNT;
        let sum = 0;
        for (let feature = 0; feature < FEATURE_COUNT; feature += 1) sum += (features[base + feature] as number) * (weights[feature] as number);
        const probability = sigmoid(sum);
        const label = labels[row] as number;
        loss -= label ? Math.log(probability + 1e-12) : Math.log(1 - probability + 1e-12);
        const error = probability - label;
        for (let feature = 0; feature < FEATURE_COUNT; feature += 1) gradient[feature] = (gradient[feature] as number) + error * (features[base + feature] as number);
      }
      step += 1;
      for (let feature = 0; feature < FEATURE_COUNT; feature += 1) {
        const value = (gradient[feature] as number) / (end - start) + l2 * (weights[feature] as number);
        first[feature] = 0.9 * (first[feature] as number) + 0.1 * value;
        second[feature] = 0.999 * (second[feature] as number) + 0.001 * value * value;
        const corrected = (first[feature] as number) / (1 - 0.9 ** step);
        const scale = Math.sqrt((second[feature] as number) / (1 - 0.999 ** step)) + 1e-8;
        weights[feature] = (weights[feature] as number) - (rate * corrected) / scale;
      }
    }
    console.log(`epoch ${epoch + 1}: loss ${(loss / rows).toFixed(4)}`);
  }
  return Array.from(weights, (value) => Number(value.toFixed(5)));
}

/** Mean ROUGE-1/2/Lsum F1 × 100 of a selection rule over articles. */
function evaluate(articles: readonly Article[], pick: (article: Article, index: number) => number[]): [number, number, number] {
  let one = 0;
  let two = 0;
  let lsum = 0;
  articles.forEach((article, index) => {
    const chosen = pick(article, index);
    const candidate = chosen.map((i) => article.stemmed[i] as string[]);
    const flat = candidate.flat();
    const reference = article.reference.flat();
    one += rougeN(flat, reference, 1).f1;
    two += rougeN(flat, reference, 2).f1;
    lsum += rougeLsumTokens(candidate, article.reference).f1;
  });
  const scale = 100 / articles.length;
  return [one * scale, two * scale, lsum * scale];
}

function main(): void {
  const seed = 13;
  const limit = argument('limit', 30000);
  const heldOutCount = argument('held-out', 2000);
  const epochs = argument('epochs', 3);
  let clock = Date.now();
  const articles = readArticles(limit, seed).filter((article) => article.sentences.length > 0 && article.reference.length > 0);
  console.log(`read ${articles.length} articles in ${Date.now() - clock} ms`);
  const heldOut = articles.slice(0, heldOutCount);
  const training = articles.slice(heldOutCount);
  clock = Date.now();
  const rowCount = training.reduce((sum, article) => sum + article.sentences.length, 0);
  const features = new Float64Array(rowCount * FEATURE_COUNT);
  const labels = new Uint8Array(rowCount);
  let row = 0;
  for (const article of training) {
    const labelSet = oracle(article, 4);
    features.set(sentenceFeatures(article.sentences), row * FEATURE_COUNT);
    for (let index = 0; index < article.sentences.length; index += 1) labels[row + index] = labelSet.has(index) ? 1 : 0;
    row += article.sentences.length;
  }
  console.log(`${rowCount} sentences labelled and featurised in ${Date.now() - clock} ms (${labels.reduce((a, b) => a + b, 0)} positive)`);
  clock = Date.now();
  const weights = train(features, labels, epochs, seed);
  console.log(`trained in ${Date.now() - clock} ms`);
  FEATURE_NAMES.forEach((name, index) => console.log(`  ${name.padEnd(26)} ${weights[index]}`));

  // Length policy chosen on the held-out training slice.
  const heldOutScores = heldOut.map((article) => {
    const values = sentenceFeatures(article.sentences);
    return article.sentences.map((_, index) => {
      let sum = 0;
      for (let feature = 0; feature < FEATURE_COUNT; feature += 1) sum += (values[index * FEATURE_COUNT + feature] as number) * (weights[feature] as number);
      return sum;
    });
  });
  const lead = evaluate(heldOut, (article) => article.sentences.slice(0, 3).map((_, index) => index));
  console.log(`held-out Lead-3: ${lead.map((value) => value.toFixed(2)).join(' / ')}`);
  const policies: { sentences: number; words?: number }[] = [{ sentences: 2 }, { sentences: 3 }, { sentences: 4 }];
  for (const words of [50, 60, 70, 80, 90, 100]) for (const sentences of [3, 4, 5]) policies.push({ sentences, words });
  let bestPolicy = { sentences: 3 } as { sentences: number; words?: number };
  let bestValue = -1;
  for (const policy of policies) {
    const result = evaluate(heldOut, (article, index) => chooseSentences(article.sentences, heldOutScores[index] as number[], policy));
    const value = result[0] + result[1] + result[2];
    console.log(`held-out Lede ${JSON.stringify(policy)}: ${result.map((x) => x.toFixed(2)).join(' / ')}`);
    if (value > bestValue) { bestValue = value; bestPolicy = policy; }
  }
  console.log(`chosen length policy ${JSON.stringify(bestPolicy)}`);
  const model: SummaryModel = { version: 1, features: FEATURE_NAMES, weights, length: bestPolicy };
  writeFileSync(SUMMARY_MODEL_URL, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${SUMMARY_MODEL_URL.pathname}`);
}

main();
