/**
 * Trains the literal-toponym classifier (`src/stages/places/toponym-classifier.ts`) on all 200
 * GeoWebNews articles in `../shared/data/geoparsing/GWN.xml`, over the candidates of the toponym
 * finder and the entity tagger's mentions, and writes `models/places/toponym-classifier.json.gz`.
 * Deterministic: a fixed example order seed, features sorted in the output. The shipped model has
 * seen every GeoWebNews article, so its recognition scores are only ever reported by 5-fold
 * cross-validation by article (`--cv` here, and the learned row of `npm run bench -- places`).
 *
 * Usage: `npx tsx scripts/train-toponyms.ts` (add `--cv` to print the 5-fold cross-validated
 * scores of a few settings instead of writing the model).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mentionTagger, readGeoWebNews, toponymExamples, type ArticleExamples } from '../bench/places.js';
import { repoRoot, sharedDataDir } from '../bench/harness.js';
import { loadGazetteer } from '../src/stages/places/gazetteer.js';
import { defaultToponymClassifierPath, frequentWordClusters, literalProbability, selectLiteral, serializeToponymClassifier, trainToponymClassifier, type TrainToponymOptions } from '../src/stages/places/toponym-classifier.js';

const FOLDS = 5;

/** Precision, recall and F1 of 5-fold cross-validation by article with these options. */
function crossValidate(perArticle: readonly ArticleExamples[], clusters: ReadonlyMap<string, number>, options: TrainToponymOptions): { precision: number; recall: number; f1: number } {
  let truePositives = 0;
  let predicted = 0;
  const gold = perArticle.reduce((sum, article) => sum + article.gold, 0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const classifier = trainToponymClassifier(perArticle.filter((_, index) => index % FOLDS !== fold).flatMap((article) => article.examples), clusters, options);
    for (const [index, article] of perArticle.entries()) {
      if (index % FOLDS !== fold) continue;
      const chosen = selectLiteral(article.candidates, article.examples.map((example) => literalProbability(classifier, example.features)), classifier.threshold);
      for (const [position, example] of article.examples.entries()) {
        if (!chosen[position]) continue;
        predicted++;
        if (example.literal) truePositives++;
      }
    }
  }
  const precision = truePositives / Math.max(1, predicted);
  const recall = truePositives / Math.max(1, gold);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

async function main(): Promise<void> {
  const tag = await mentionTagger();
  if (!tag) throw new Error('train-toponyms: the entity tagger model is missing (models/ner)');
  const gazetteer = loadGazetteer();
  const articles = readGeoWebNews(join(sharedDataDir(), 'geoparsing', 'GWN.xml'));
  const clusters = frequentWordClusters(join(repoRoot, 'models', 'ner', 'word-clusters.tsv.gz'));
  const perArticle = toponymExamples(articles, gazetteer, clusters, tag);
  const examples = perArticle.flatMap((article) => article.examples);
  const gold = perArticle.reduce((sum, article) => sum + article.gold, 0);
  const positives = examples.filter((example) => example.literal).length;
  console.error(`${articles.length} articles, ${examples.length} candidates, ${positives} literal (of ${gold} gold: candidate recall ${(positives / gold).toFixed(3)})`);
  if (process.argv.includes('--cv')) {
    const settings: TrainToponymOptions[] = JSON.parse(process.argv[process.argv.indexOf('--cv') + 1] ?? '[{}]') as TrainToponymOptions[];
    for (const options of settings) {
      const { precision, recall, f1 } = crossValidate(perArticle, clusters, options);
      console.log(`${JSON.stringify(options)}\tP ${precision.toFixed(3)}\tR ${recall.toFixed(3)}\tF1 ${f1.toFixed(4)}`);
    }
    return;
  }
  const classifier = trainToponymClassifier(examples, clusters);
  const path = defaultToponymClassifierPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(Buffer.from(serializeToponymClassifier(classifier)), { level: 9 }));
  console.error(`wrote ${path}: ${classifier.weights.size} weights`);
}

await main();
