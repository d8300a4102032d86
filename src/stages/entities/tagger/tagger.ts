/**
 * Runtime API of the named-entity tagger: `loadTagger()` once per process, then
 * `tagger.tagDocument(sentences)` per article (whole documents, so the document-level passes work).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { firstPass, prepareDocument, secondPass } from './document.js';
import { AttributeTable, documentAttributes, extractSentence, TokenDescriber, type DocumentAttributes } from './features.js';
import { parseGazetteer, type PhraseGazetteer } from './gazetteer.js';
import { loadModel, type TaggerModel } from './model.js';
import { tagNames } from './tags.js';
import { emptyWordClusters, parseWordClusters, type WordClusters } from './word-clusters.js';

/** File names inside a model directory. */
export const modelFiles = {
  model: 'tagger.bin.gz',
  clusters: 'word-clusters.tsv.gz',
  gazetteer: 'gazetteer.tsv.gz',
} as const;

/** A loaded tagger. Read-only apart from a bounded cache of token descriptions. */
export interface Tagger {
  /**
   * BIO tags (`B-PER`, `I-ORG`, `O`, …) for every token of a document, given as sentences of
   * tokens that follow CoNLL conventions (`U.S.` one token, `group` + `’s`, punctuation split).
   */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
  /** Training facts stored with the model (epochs, validation F1, seed). */
  readonly info: Readonly<Record<string, unknown>>;
}

/** Finds the package root (the nearest folder above this file with a package.json). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let directory = resolve(from);
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${from}`);
    directory = parent;
  }
}

/** Default model directory: `models/ner` under the package root (works from `src/` and `dist/`). */
export function defaultModelDirectory(): string {
  return join(packageRoot(), 'models', 'ner');
}

/** Builds a tagger from already-loaded parts (tests and training use this directly). */
export function createTagger(model: TaggerModel, clusters: WordClusters, gazetteer: PhraseGazetteer): Tagger {
  const table = new AttributeTable(model.attributes, false);
  const describer = new TokenDescriber(table, { clusters, gazetteer });
  const attributes: DocumentAttributes = documentAttributes(table);
  const rows = new Map<number, number>();
  model.keys.forEach((key, row) => rows.set(key, row));
  const rowOf = (key: number): number => rows.get(key) ?? -1;
  return {
    info: model.info,
    tagDocument(sentences) {
      const features = sentences.map((tokens) => extractSentence(tokens, describer));
      const document = prepareDocument(features, rowOf);
      let tags = firstPass(document, model.first, rowOf, attributes);
      if (model.second) tags = secondPass(document, tags, model.second, rowOf, attributes);
      return tags.map((sentence) => Array.from(sentence, (tag) => tagNames[tag]!));
    },
  };
}

/**
 * Loads the tagger from `modelDir` (default: `models/ner` of this package). Throws when the model
 * file is missing; the cluster and gazetteer files are optional (features then fall back to forms).
 */
export function loadTagger(modelDir: string = defaultModelDirectory()): Tagger {
  const modelPath = join(modelDir, modelFiles.model);
  if (!existsSync(modelPath)) throw new Error(`NER model not found at ${modelPath}: run npm run train:ner`);
  const model = loadModel(readFileSync(modelPath));
  const clustersPath = join(modelDir, modelFiles.clusters);
  const clusters = existsSync(clustersPath) ? parseWordClusters(gunzipSync(readFileSync(clustersPath)).toString('utf8')) : emptyWordClusters();
  const gazetteerPath = join(modelDir, modelFiles.gazetteer);
  const gazetteer = parseGazetteer(existsSync(gazetteerPath) ? gunzipSync(readFileSync(gazetteerPath)).toString('utf8') : '');
  return createTagger(model, clusters, gazetteer);
}
