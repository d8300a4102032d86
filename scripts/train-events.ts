/**
 * Trains the event type models (`models/events/event-types.json.gz`) from `../shared/data/event-coding`:
 * the ACLED sub-type ensemble on all 509 CASE 2021 task 2 dev snippets, the PLOVER type ensemble on the
 * PLOVER gold records plus the CAMEO → PLOVER definitions, the CASE snippets (weight 0.1) and news sentences
 * from `../shared/data/summarization-cnndm/train` weakly labelled by the trigger lexicon (weight 0.2).
 * Deterministic (fixed seeds). Scores are measured by `npm run bench -- events` with 5-fold cross-validation,
 * never on the data trained on.
 *
 *   nice -n 10 npx tsx scripts/train-events.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedDataDir } from '../bench/harness.js';
import { defaultEventModelPath, loadEventWordClasses, type EventTypeModelsJson } from '../src/stages/events/event-classifier.js';
import { linearModelToJson } from '../src/stages/events/linear-model.js';
import { PRUNE_THRESHOLD, readCameoDefinitions, readCaseSnippets, readPloverRecords, readWeakPloverSentences, trainAcledModels, trainPloverModels } from '../src/stages/events/training.js';

// No word-cluster features: they did not help under cross-validation (see EventTypeModelsJson.clusterLevel).
const clusterLevel = 0;
const directory = join(sharedDataDir(), 'event-coding');
const snippets = readCaseSnippets(join(directory, 'case2021-task2/dev.tsv'));
const records = readPloverRecords(join(directory, 'plover-gsr/plover-gsr-dev.json'));
const definitions = readCameoDefinitions(join(directory, 'plover-gsr/CAMEO2PLOVER-2021.txt'));
const wordClasses = clusterLevel > 0 ? loadEventWordClasses(clusterLevel) : undefined;
if (clusterLevel > 0 && !wordClasses) throw new Error('models/ner/word-clusters.tsv.gz is missing: build it first (scripts/build-word-clusters.ts)');
const started = Date.now();
const acled = trainAcledModels(snippets, wordClasses);
// Weak supervision: news sentences labelled by the non-violent trigger lexicon (first 1,500 CNN training articles).
const weak = readWeakPloverSentences([join(sharedDataDir(), 'summarization-cnndm/train/cnndm-train-cnn-00.jsonl')]);
const plover = trainPloverModels(records, definitions, snippets, wordClasses, undefined, weak);
const json: EventTypeModelsJson = { version: 2, clusterLevel, acled: acled.map((model) => linearModelToJson(model, PRUNE_THRESHOLD)), plover: plover.map((model) => linearModelToJson(model, PRUNE_THRESHOLD)) };
const path = defaultEventModelPath();
mkdirSync(dirname(path), { recursive: true });
const bytes = gzipSync(JSON.stringify(json), { level: 9 });
writeFileSync(path, bytes);
console.log(`trained on ${snippets.length} CASE snippets, ${records.length} PLOVER records, ${definitions.length} CAMEO definitions, ${weak.length} weakly labelled news sentences in ${Date.now() - started} ms; wrote ${path} (${(bytes.length / 1024).toFixed(0)} KiB)`);
