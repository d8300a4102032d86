/**
 * The named-entity tagger's public surface for the entities stage and the CLI.
 *
 * ```ts
 * const tagger = loadTagger();                       // once per process (~0.3 s)
 * const tags = tagger.tagDocument([['Robyn', 'Mack', 'told', 'CNN', '.']]);
 * // [['B-PER', 'I-PER', 'O', 'B-ORG', 'O']]
 * process.stdout.write(tagConll(conllText, tagger)); // `lede ner --conll FILE`
 * ```
 */
export { defaultModelDirectory, loadTagger, packageRoot, type Tagger } from './tagger.js';
export {
  chunksOf,
  formatScore,
  readConll,
  scoreConllOutput,
  scoreTags,
  tagConll,
  writeConll,
  type Chunk,
  type ConllDocument,
  type ConllScore,
  type ConllSentence,
  type Score,
} from './conll.js';
export { entityTypes, tagNames, type EntityType } from './tags.js';
