/**
 * The default pipeline's large model files that a worker pool's threads share
 * (`util/shared-bytes.ts`): the places gazetteer (`loadGazetteer`) and the NER word-cluster table
 * (`loadTagger`). Listed here by path rather than asked of the stages, so that the pool's thread
 * does not import the stages' code (about 20 MB of its memory) to learn two file names;
 * `shared-files.test.ts` checks that the stages read these very files.
 */
import { join } from 'node:path';
import { modelsDirectory } from '../util/package-root.js';
import type { SharedFile } from '../util/shared-bytes.js';

export function defaultSharedFiles(): SharedFile[] {
  const models = modelsDirectory();
  return [{ path: join(models, 'gazetteer', 'gazetteer.tsv.gz') }, { path: join(models, 'ner', 'word-clusters.tsv.gz') }];
}
