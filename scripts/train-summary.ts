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
import { chooseSentences, type ChoiceLimits, prepareSummaryModel, scoreSentences, SUMMARY_MODEL_URL, type SummaryModel } from '../src/stages/summary/summarize.js';
import { splitTokenizedSentences, storyStart } from '../src/stages/summary/tokenized-text.js';
import { createRandom } from '../src/util/random.js';

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
  shuffle(records, createRandom(seed));
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

function gramCounts(tokens: readonly string[]): [Map<string, number>, Map<string, number>] {
  return [ngramCounts(tokens, 1), ngramCounts(tokens, 2)];
}

/**
 * Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the highlights,
 * while it rises (n-grams counted within sentences, updated incrementally).
 */
function oracle(article: Article, most: number): Set<number> {
  const [referenceOne, referenceTwo] = gramCounts(article.reference.flat());
  const referenceTotals = [sumValues(referenceOne), sumValues(referenceTwo)];
  const sentenceGrams = article.stemmed.map(gramCounts);
  const chosenGrams = [new Map<string, number>(), new Map<string, number>()];
  const chosen = new Set<number>();
  const hits = [0, 0];
  const totals = [0, 0];
  let best = 0;
  const f1 = (hit: number, total: number, referenceTotal: number): number => (hit === 0 ? 0 : (2 * hit) / (total + referenceTotal));
  for (let step = 0; step < most; step += 1) {
    let bestIndex = -1;
    let bestHits = [0, 0];
    for (let index = 0; index < sentenceGrams.length; index += 1) {
      if (chosen.has(index)) continue;
      const grams = sentenceGrams[index] as Map<string, number>[];
      const candidateHits = [0, 1].map((order) => {
        const reference = order === 0 ? referenceOne : referenceTwo;
        const current = chosenGrams[order] as Map<string, number>;
        let value = hits[order] as number;
        for (const [gram, count] of grams[order] as Map<string, number>) {
          const available = reference.get(gram) ?? 0;
          if (available === 0) continue;
          const before = current.get(gram) ?? 0;
          value += Math.min(before + count, available) - Math.min(before, available);
        }
        return value;
      });
      const value = f1(candidateHits[0] as number, (totals[0] as number) + sumValues((grams[0]) as Map<string, number>), referenceTotals[0] as number)
        + f1(candidateHits[1] as number, (totals[1] as number) + sumValues((grams[1]) as Map<string, number>), referenceTotals[1] as number);
      if (value > best) { best = value; bestIndex = index; bestHits = candidateHits; }
    }
    if (bestIndex < 0) break;
    chosen.add(bestIndex);
    const grams = sentenceGrams[bestIndex] as Map<string, number>[];
    for (const order of [0, 1]) {
      const current = chosenGrams[order] as Map<string, number>;
      for (const [gram, count] of grams[order] as Map<string, number>) current.set(gram, (current.get(gram) ?? 0) + count);
      totals[order] = (totals[order] as number) + sumValues(grams[order] as Map<string, number>);
      hits[order] = bestHits[order] as number;
    }
  }
  return chosen;
}

/**
 * Each sentence's own ROUGE precision against the highlights, the mean of its unigram and bigram
 * precision: the share of its words a summary containing it would get credit for.
 */
function sentencePrecisions(article: Article): number[] {
  const [referenceOne, referenceTwo] = gramCounts(article.reference.flat());
  return article.stemmed.map((tokens) => {
    const [unigrams, bigrams] = gramCounts(tokens);
    let unigramHits = 0;
    for (const [gram, count] of unigrams) unigramHits += Math.min(count, referenceOne.get(gram) ?? 0);
    let bigramHits = 0;
    for (const [gram, count] of bigrams) bigramHits += Math.min(count, referenceTwo.get(gram) ?? 0);
    if (tokens.length === 0) return 0;
    return (unigramHits / tokens.length + bigramHits / Math.max(tokens.length - 1, 1)) / 2;
  });
}

function sumValues(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const value of counts.values()) sum += value;
  return sum;
}

/**
 * The word lexicon: for the `size` commonest words (seen at least 20 times), the log-odds of
 * occurring in an oracle sentence rather than elsewhere, shrunk toward 0 for rarer words, and idf.
 */
function buildLexicon(training: readonly Article[], labelSets: readonly Set<number>[], size: number): SummaryModel['lexicon'] {
  const positive = new Map<string, number>();
  const negative = new Map<string, number>();
  const documents = new Map<string, number>();
  let positiveTotal = 0;
  let negativeTotal = 0;
  training.forEach((article, articleIndex) => {
    const seen = new Set<string>();
    article.sentences.forEach((sentence, index) => {
      const chosen = (labelSets[articleIndex] as Set<number>).has(index);
      const target = chosen ? positive : negative;
      for (const word of sentence.words) {
        target.set(word, (target.get(word) ?? 0) + 1);
        seen.add(word);
      }
      if (chosen) positiveTotal += sentence.words.length;
      else negativeTotal += sentence.words.length;
    });
    for (const word of seen) documents.set(word, (documents.get(word) ?? 0) + 1);
  });
  const prior = positiveTotal / (positiveTotal + negativeTotal);
  const logit = (value: number): number => Math.log(value / (1 - value));
  const strength = 20;
  const words = [...documents.keys()]
    .map((word) => ({ word, total: (positive.get(word) ?? 0) + (negative.get(word) ?? 0) }))
    .filter(({ total }) => total >= 20)
    .sort((left, right) => right.total - left.total || (left.word < right.word ? -1 : 1))
    .slice(0, size)
    .map(({ word, total }): [string, number, number] => {
      const rate = ((positive.get(word) ?? 0) + strength * prior) / (total + strength);
      const idf = Math.log(training.length / ((documents.get(word) ?? 0) + 1));
      return [word, Number((logit(rate) - logit(prior)).toFixed(3)), Number(idf.toFixed(3))];
    });
  return { words, unknownIdf: Number(Math.log(training.length / 10).toFixed(3)) };
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

interface Network {
  mean: Float64Array;
  scale: Float64Array;
  hidden: Float64Array;
  hiddenBias: Float64Array;
  output: Float64Array;
  outputBias: Float64Array;
}

/**
 * A one-hidden-layer network (ReLU) trained with logistic loss by mini-batch Adam, on standardised
 * features; deterministic for a seed.
 */
function train(features: Float64Array, labels: Float32Array, units: number, epochs: number, seed: number): Network {
  const rows = labels.length;
  const width = FEATURE_COUNT;
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let row = 0; row < rows; row += 1) for (let feature = 0; feature < width; feature += 1) mean[feature] = (mean[feature] as number) + (features[row * width + feature] as number) / rows;
  for (let row = 0; row < rows; row += 1) for (let feature = 0; feature < width; feature += 1) scale[feature] = (scale[feature] as number) + ((features[row * width + feature] as number) - (mean[feature] as number)) ** 2 / rows;
  for (let feature = 0; feature < width; feature += 1) scale[feature] = Math.sqrt(scale[feature] as number) || 1;
  // The bias feature is constant: keep it at 1 instead of standardising it to 0.
  mean[0] = 0;
  scale[0] = 1;
  const next = createRandom(seed + 2);
  const network: Network = {
    mean,
    scale,
    hidden: Float64Array.from({ length: units * width }, () => (next() * 2 - 1) * Math.sqrt(3 / width)),
    hiddenBias: new Float64Array(units),
    output: Float64Array.from({ length: units }, () => (next() * 2 - 1) * Math.sqrt(3 / units)),
    outputBias: new Float64Array(1),
  };
  const parameters = [network.hidden, network.hiddenBias, network.output, network.outputBias];
  const gradients = parameters.map((parameter) => new Float64Array(parameter.length));
  const firstMoments = parameters.map((parameter) => new Float64Array(parameter.length));
  const secondMoments = parameters.map((parameter) => new Float64Array(parameter.length));
  const order = shuffle(Array.from({ length: rows }, (_, index) => index), createRandom(seed + 1));
  const input = new Float64Array(width);
  const activation = new Float64Array(units);
  const batch = 128;
  const rate = 0.003;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    let loss = 0;
    for (let start = 0; start < rows; start += batch) {
      for (const gradient of gradients) gradient.fill(0);
      const end = Math.min(start + batch, rows);
      for (let position = start; position < end; position += 1) {
        const row = order[position] as number;
        for (let feature = 0; feature < width; feature += 1) input[feature] = ((features[row * width + feature] as number) - (mean[feature] as number)) / (scale[feature] as number);
        let score = network.outputBias[0] as number;
        for (let unit = 0; unit < units; unit += 1) {
          let sum = network.hiddenBias[unit] as number;
          for (let feature = 0; feature < width; feature += 1) sum += (input[feature] as number) * (network.hidden[unit * width + feature] as number);
          activation[unit] = sum > 0 ? sum : 0;
          score += (activation[unit] as number) * (network.output[unit] as number);
        }
        const probability = sigmoid(score);
        const label = labels[row] as number;
        loss -= label * Math.log(probability + 1e-12) + (1 - label) * Math.log(1 - probability + 1e-12);
        const error = probability - label;
        const [hiddenGradient, hiddenBiasGradient, outputGradient, outputBiasGradient] = gradients as [Float64Array, Float64Array, Float64Array, Float64Array];
        outputBiasGradient[0] = (outputBiasGradient[0] as number) + error;
        for (let unit = 0; unit < units; unit += 1) {
          if ((activation[unit] as number) <= 0) continue;
          outputGradient[unit] = (outputGradient[unit] as number) + error * (activation[unit] as number);
          const back = error * (network.output[unit] as number);
          hiddenBiasGradient[unit] = (hiddenBiasGradient[unit] as number) + back;
          for (let feature = 0; feature < width; feature += 1) hiddenGradient[unit * width + feature] = (hiddenGradient[unit * width + feature] as number) + back * (input[feature] as number);
        }
      }
      step += 1;
      parameters.forEach((parameter, which) => {
        const gradient = gradients[which] as Float64Array;
        const first = firstMoments[which] as Float64Array;
        const second = secondMoments[which] as Float64Array;
        for (let index = 0; index < parameter.length; index += 1) {
          const value = (gradient[index] as number) / (end - start);
          first[index] = 0.9 * (first[index] as number) + 0.1 * value;
          second[index] = 0.999 * (second[index] as number) + 0.001 * value * value;
          parameter[index] = (parameter[index] as number) - (rate * (first[index] as number)) / (1 - 0.9 ** step) / (Math.sqrt((second[index] as number) / (1 - 0.999 ** step)) + 1e-8);
        }
      });
    }
    console.log(`epoch ${epoch + 1}: loss ${(loss / rows).toFixed(4)}`);
  }
  return network;
}

function rounded(values: Float64Array, digits = 5): number[] {
  return Array.from(values, (value) => Number(value.toFixed(digits)));
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
  const labelMode = process.argv.includes('--oracle-labels') ? 'oracle' : 'precision';
  let clock = Date.now();
  const articles = readArticles(limit, seed).filter((article) => article.sentences.length > 0 && article.reference.length > 0);
  console.log(`read ${articles.length} articles in ${Date.now() - clock} ms`);
  const heldOut = articles.slice(0, heldOutCount);
  const training = articles.slice(heldOutCount);
  clock = Date.now();
  const labelSets = training.map((article) => oracle(article, 4));
  const lexicon = buildLexicon(training, labelSets, argument('lexicon', 8000));
  const wordLexicon = prepareSummaryModel({ lexicon } as SummaryModel).wordLexicon;
  const rowCount = training.reduce((sum, article) => sum + article.sentences.length, 0);
  const features = new Float64Array(rowCount * FEATURE_COUNT);
  const labels = new Float32Array(rowCount);
  let row = 0;
  training.forEach((article, articleIndex) => {
    const labelSet = labelSets[articleIndex] as Set<number>;
    features.set(sentenceFeatures(article.sentences, wordLexicon), row * FEATURE_COUNT);
    const precisions = labelMode === 'precision' ? sentencePrecisions(article) : [];
    for (let index = 0; index < article.sentences.length; index += 1) labels[row + index] = labelMode === 'precision' ? (precisions[index] as number) : labelSet.has(index) ? 1 : 0;
    row += article.sentences.length;
  });
  console.log(`${rowCount} sentences labelled and featurised in ${Date.now() - clock} ms (${labels.reduce((a, b) => a + b, 0)} positive)`);
  clock = Date.now();
  const network = train(features, labels, argument('units', 16), epochs, seed);
  console.log(`trained in ${Date.now() - clock} ms`);
  const model: SummaryModel = {
    version: 2,
    features: FEATURE_NAMES,
    mean: rounded(network.mean),
    scale: rounded(network.scale),
    hidden: rounded(network.hidden),
    hiddenBias: rounded(network.hiddenBias),
    output: rounded(network.output),
    outputBias: Number((network.outputBias[0] as number).toFixed(5)),
    length: { sentences: 3 },
    lexicon,
  };
  const loaded = prepareSummaryModel(model);

  // Length policy chosen on the held-out training slice.
  const heldOutScores = heldOut.map((article) => scoreSentences(article.sentences, loaded));
  const lead = evaluate(heldOut, (article) => article.sentences.slice(0, 3).map((_, index) => index));
  console.log(`held-out Lead-3: ${lead.map((value) => value.toFixed(2)).join(' / ')}`);
  const policies: ChoiceLimits[] = [{ sentences: 3 }];
  for (const referenceWords of [10, 15, 20, 25, 30, 40, 60]) for (const sentences of [3, 4]) for (const minimumSentences of [1, 2, 3]) policies.push({ sentences, referenceWords, minimumSentences });
  let bestPolicy: ChoiceLimits = { sentences: 3 };
  let bestValue = -1;
  for (const policy of policies) {
    const result = evaluate(heldOut, (article, index) => chooseSentences(article.sentences, heldOutScores[index] as number[], policy));
    const value = result[0] + result[1] + result[2];
    console.log(`held-out Lede ${JSON.stringify(policy)}: ${result.map((x) => x.toFixed(2)).join(' / ')}`);
    if (value > bestValue) { bestValue = value; bestPolicy = policy; }
  }
  console.log(`chosen length policy ${JSON.stringify(bestPolicy)}`);
  writeFileSync(SUMMARY_MODEL_URL, `${JSON.stringify({ ...model, length: bestPolicy })}\n`);
  console.log(`wrote ${SUMMARY_MODEL_URL.pathname}`);
}

main();
