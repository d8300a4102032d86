/**
 * `npm run bench -- events`: event type classification and extraction.
 * - CASE 2021 task 2 dev (509 snippets): ACLED sub-type accuracy and macro F1 over the 25 ACLED sub-types
 *   (the 5 extra CASE classes are learned as classes of their own and count as errors when predicted for an
 *   ACLED snippet or missed), 5-fold cross-validated; the lexicon baseline in the same run.
 * - PLOVER gold records (215 sentences, 2016 labels mapped to PLOVER 2021): type accuracy, 5-fold
 *   cross-validated; actor/target agreement of the extraction stage; the lexicon baseline.
 * - Milliseconds per article of the events stage alone.
 */
import { join } from 'node:path';
import { sharedDataDir, type BenchResult, type BenchRow } from './harness.js';
import { PLOVER_TYPES } from '../src/lang/en/event-triggers.js';
import { classifyAcledByLexicon, classifyEventText, classifyPloverByLexicon, loadEventWordClasses } from '../src/stages/events/event-classifier.js';
import { ACLED_CODES, ALL_CODES } from '../src/stages/events/event-types.js';
import { crossValidate, readCameoDefinitions, readCaseSnippets, readPloverRecords, scoreClassification, trainAcledModels, trainPloverModels } from '../src/stages/events/training.js';

/** Runs the benchmark; `--folds N` changes the fold count (default 5). */
export async function run(args: string[]): Promise<BenchResult> {
  const foldsArgument = args.indexOf('--folds');
  const folds = foldsArgument >= 0 ? Number(args[foldsArgument + 1]) : 5;
  const directory = join(sharedDataDir(), 'event-coding');
  const snippets = readCaseSnippets(join(directory, 'case2021-task2/dev.tsv'));
  const records = readPloverRecords(join(directory, 'plover-gsr/plover-gsr-dev.json'));
  const definitions = readCameoDefinitions(join(directory, 'plover-gsr/CAMEO2PLOVER-2021.txt'));
  const wordClasses = loadEventWordClasses(1);
  const caseGold = snippets.map((snippet) => snippet.label);
  const ploverGold = records.map((record) => record.label);

  const lexiconAcled = snippets.map((snippet) => classifyAcledByLexicon(snippet.text));
  const lexiconPlover = records.map((record) => classifyPloverByLexicon(record.text) ?? 'NONE');
  const lexiconCase = scoreClassification(caseGold, lexiconAcled, ACLED_CODES);
  const lexiconPloverScore = scoreClassification(ploverGold, lexiconPlover, PLOVER_TYPES);

  const caseStarted = performance.now();
  const acledPredictions = crossValidate(snippets, folds, (training) => {
    const models = { acled: trainAcledModels(training, wordClasses), plover: [], ...(wordClasses ? { wordClasses } : {}) };
    return (snippet) => classifyEventText(snippet.text, { ...models, plover: [] }).code;
  });
  const caseSeconds = (performance.now() - caseStarted) / 1000;
  const ploverPredictions = crossValidate(records, folds, (training) => {
    const plover = trainPloverModels(training, definitions, snippets, wordClasses);
    const models = { acled: [], plover, ...(wordClasses ? { wordClasses } : {}) };
    return (record) => classifyEventText(record.text, models).ploverType;
  });
  const learnedCase = scoreClassification(caseGold, acledPredictions, ACLED_CODES);
  const learnedCaseAll = scoreClassification(caseGold, acledPredictions, ALL_CODES);
  const learnedPlover = scoreClassification(ploverGold, ploverPredictions, PLOVER_TYPES);

  const rows: BenchRow[] = [
    {
      system: `Lede (linear ensemble, ${folds}-fold CV)`,
      metrics: {
        'CASE acc': learnedCase.accuracy, 'CASE macro F1 (25 ACLED)': learnedCase.macroF1, 'CASE macro F1 (30)': learnedCaseAll.macroF1,
        'PLOVER type acc': learnedPlover.accuracy,
      },
    },
    {
      system: 'lexicon baseline (same cues, no training)',
      metrics: {
        'CASE acc': lexiconCase.accuracy, 'CASE macro F1 (25 ACLED)': lexiconCase.macroF1, 'CASE macro F1 (30)': scoreClassification(caseGold, lexiconAcled, ALL_CODES).macroF1,
        'PLOVER type acc': lexiconPloverScore.accuracy,
      },
    },
  ];
  const weakest = [...learnedCase.perLabel].sort((a, b) => a[1] - b[1]).slice(0, 6).map(([label, f1]) => `${label} ${f1.toFixed(2)}`).join(', ');
  return {
    task: 'events',
    dataset: 'CASE 2021 task 2 dev (509 snippets), PLOVER gold records (215 sentences)',
    rows,
    notes: [
      `Learned scores are ${folds}-fold stratified cross-validation (models retrained per fold; CASE training took ${caseSeconds.toFixed(0)} s).`,
      'Macro F1 (25 ACLED) averages over the 25 ACLED sub-types on all 509 snippets; the 5 CASE extras (disasters, crime, diplomacy, attribution) are classes of the model too.',
      'PLOVER gold labels mapped to PLOVER 2021 (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT); the PLOVER model also trains on the CAMEO→PLOVER definitions and the CASE snippets (weight 0.1).',
      `Weakest ACLED sub-types: ${weakest}.`,
    ],
  };
}
