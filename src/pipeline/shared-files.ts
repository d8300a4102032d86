/**
 * The default pipeline's large model files that a worker pool's threads share
 * (`util/shared-bytes.ts`): the places gazetteer (`loadGazetteer`) and the NER word-cluster table
 * (`loadTagger`). Listed here by path rather than asked of the stages, so that the pool's thread
 * does not import the stages' code (about 20 MB of its memory) to learn two file names;
 * `shared-files.test.ts` checks that the stages read these very files.
 */
import { join } from 'node:path';
import { modelsDirectory } from '../util/package-root.js';

export function defaultSharedFiles(): string[] {
  const models = modelsDirectory();
  return [join(models, 'gazetteer', 'gazetteer.tsv.gz'), join(models, 'ner', 'word-clusters.tsv.gz')];
}
