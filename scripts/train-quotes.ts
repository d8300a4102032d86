/**
 * `npx tsx scripts/train-quotes.ts [--epochs 10] [--bits 15] [--seed 1] [--fold-epochs 6] [--stacked-epochs 10] [--passes 2] [--out FILE]`: trains the attribution
 * tagger of the quotes stage on PolNeAR train (`../shared/data/quotes-polnear`) and writes
 * `models/quotes/tagger.bin.gz`. Deterministic for the same data, options and seed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { sharedDataDir } from '../bench/harness.js';
import { segment } from '../src/stages/segment/segment.js';
import { clusterLevels, emptyWordClusters, parseWordClusters } from '../src/stages/entities/tagger/word-clusters.js';
import { cueLevelOf, featureRows, makeVocabulary } from '../src/stages/quotes/features.js';
import { readPolnear } from '../src/stages/quotes/polnear.js';
import { findQuotedSpans, splitAtLineBreaks } from '../src/stages/quotes/quote-marks.js';
import { stackedRows } from '../src/stages/quotes/stacked-features.js';
import { defaultQuoteModelPath, saveQuoteModel, tagPass } from '../src/stages/quotes/tagger.js';
import { goldTags, trainQuoteTagger, type TrainingDocument } from '../src/stages/quotes/trainer.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const epochs = option('epochs', 10);
// 2^15 rows: both passes' tables fit a core's L2 cache (see QuantisedPass in tagger.ts).
const rowBits = option('bits', 15);
const seed = option('seed', 1);
const minimumCount = option('min-count', 2);
// Frequent words (by rank in the cluster table) kept for their clusters alone.
const clusterWordCount = option('cluster-words', 30000);
// 1: train on every annotator's file of an article, 0: on the first annotator's only.
const allAnnotators = option('all-annotators', 1);
// Epochs of the two fold models that tag training text for the stacked pass, and of that pass (0: none).
const foldEpochs = option('fold-epochs', 6);
const stackedEpochs = option('stacked-epochs', 10);
// Tagging passes: the first, then stacked ones.
const passCount = option('passes', 2);

const started = performance.now();
// Every annotator's file: articles annotated twice or more teach the tagger their disagreements too.
const articles = readPolnear(join(sharedDataDir(), 'quotes-polnear'), 'train', allAnnotators === 1);
const segmented = articles.map((article) => {
  const segmentation = segment(article.text);
  return { article, segmentation, lines: splitAtLineBreaks(article.text, segmentation.paragraphs) };
});

// Vocabulary: lower-case words seen at least `minimumCount` times, most frequent first.
// Cue counts: how often each word sits inside an annotated cue span (its middle inside).
const counts = new Map<string, number>();
const cueCounts = new Map<string, number>();
for (const { article, segmentation } of segmented) {
  const cueSpans = article.attributions.flatMap((attribution) => attribution.cue);
  for (const token of segmentation.tokens) {
    const word = article.text.slice(token.start, token.end).toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    const middle = (token.start + token.end) / 2;
    if (cueSpans.some((span) => middle >= span.start && middle <= span.end)) cueCounts.set(word, (cueCounts.get(word) ?? 0) + 1);
  }
}
const words = [...counts].filter(([, count]) => count >= minimumCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
const cueLevels = Uint8Array.from(words, (word) => cueLevelOf(cueCounts.get(word) ?? 0, counts.get(word) ?? 0));
// Word clusters from the entity tagger's table (read-only): every training word, and the most
// frequent English words training never saw, keep their coarse (256) and fine (1024) cluster.
const clusterPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'models', 'ner', 'word-clusters.tsv.gz');
const clusters = existsSync(clusterPath) ? parseWordClusters(gunzipSync(readFileSync(clusterPath)).toString('utf8')) : emptyWordClusters();
const vocabularySize = words.length;
const known = new Set(words);
const clusterOnly: [string, number][] = [];
for (const line of existsSync(clusterPath) ? gunzipSync(readFileSync(clusterPath)).toString('utf8').split('\n') : []) {
  const tab = line.indexOf('\t');
  if (tab <= 0) continue;
  const word = line.slice(0, tab);
  const rank = Number(line.slice(tab + 1, line.indexOf('\t', tab + 1)));
  if (rank < clusterWordCount && !known.has(word)) clusterOnly.push([word, rank]);
}
clusterOnly.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
const allWords = [...words, ...clusterOnly.map(([word]) => word)];
const clusterOf = (word: string, level: number): number => {
  const row = clusters.find(word);
  return row < 0 ? 0 : clusters.ids[row * clusterLevels + level]! + 1;
};
const coarseClusters = allWords.map((word) => clusterOf(word, 1));
const fineClusters = allWords.map((word) => clusterOf(word, 2));
const vocabulary = makeVocabulary({ words: allWords, size: vocabularySize, cueLevels, coarseClusters, fineClusters });

const documents: TrainingDocument[] = segmented.map(({ article, segmentation, lines }) => {
  const quoted = findQuotedSpans(article.text, lines).spans;
  return {
    features: featureRows(article.text, segmentation.tokens, lines, quoted, vocabulary, rowBits),
    gold: goldTags(segmentation.tokens, article.attributions),
  };
});
const tokenCount = documents.reduce((total, document) => total + document.gold.length, 0);
console.log(`${articles.length} articles, ${tokenCount} tokens, ${words.length} words; features ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
const weights = trainQuoteTagger(documents, {
  rowBits,
  epochs,
  seed,
  onEpoch: (epoch, _weights, mistakes) => console.log(`first pass, epoch ${epoch}: ${mistakes} paragraphs wrong (${seconds()} s)`),
});

// Each stacked pass learns from the previous pass's tags on articles that pass did not train on:
// two folds (even and odd articles), each tagged by a model trained on the other fold.
const passes: { emission: Float32Array; transition: Float32Array }[] = [weights];
// Folds by article, so that the copies of a text annotated twice fall in the same fold.
const articleOrder = new Map<string, number>();
for (const article of articles) if (!articleOrder.has(article.name)) articleOrder.set(article.name, articleOrder.size);
const foldOf = articles.map((article) => articleOrder.get(article.name)! % 2);
let levelDocuments = documents;
for (let level = 2; level <= passCount && stackedEpochs > 0; level++) {
  const foldTags: Uint8Array[] = new Array<Uint8Array>(documents.length);
  for (const fold of [0, 1]) {
    const foldWeights = trainQuoteTagger(
      levelDocuments.filter((_, index) => foldOf[index] !== fold),
      { rowBits, epochs: foldEpochs, seed },
    );
    levelDocuments.forEach((document, index) => {
      if (foldOf[index] === fold) foldTags[index] = tagPass(foldWeights, document.features);
    });
    console.log(`pass ${level - 1}, fold ${fold} tagged (${seconds()} s)`);
  }
  levelDocuments = documents.map((document, index) => ({
    features: stackedRows(segmented[index]!.segmentation.tokens, document.features, foldTags[index]!, rowBits),
    gold: document.gold,
  }));
  passes.push(
    trainQuoteTagger(levelDocuments, {
      rowBits,
      epochs: stackedEpochs,
      seed,
      onEpoch: (epoch, _weights, mistakes) => console.log(`pass ${level}, epoch ${epoch}: ${mistakes} paragraphs wrong (${seconds()} s)`),
    }),
  );
}
const outAt = process.argv.indexOf('--out');
const path = outAt >= 0 ? process.argv[outAt + 1]! : defaultQuoteModelPath();
mkdirSync(dirname(path), { recursive: true });
const bytes = saveQuoteModel({
  rowBits,
  words: allWords,
  vocabularySize,
  cueLevels,
  coarseClusters,
  fineClusters,
  passes,
  info: { data: allAnnotators === 1 ? 'PolNeAR train (every annotator)' : 'PolNeAR train (first annotator per article)', articles: articles.length, tokens: tokenCount, epochs, foldEpochs, stackedEpochs, passCount, seed, minimumCount },
});
writeFileSync(path, bytes);
console.log(`wrote ${path} (${(bytes.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
