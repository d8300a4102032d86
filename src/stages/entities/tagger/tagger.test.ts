import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chunksOf } from './conll.js';
import { defaultModelDirectory, loadTagger, modelFiles, packageRoot } from './tagger.js';

const hasModel = existsSync(join(defaultModelDirectory(), modelFiles.model));

test('packageRoot finds the folder with package.json', () => assert.ok(existsSync(join(packageRoot(), 'package.json'))));

/** Entities of one tokenised sentence as `text TYPE` strings. */
function entities(tagger: ReturnType<typeof loadTagger>, sentences: string[][]): string[] {
  const tags = tagger.tagDocument(sentences);
  return sentences.flatMap((tokens, index) => chunksOf(tags[index]!).map((chunk) => `${tokens.slice(chunk.start, chunk.end).join(' ')} ${chunk.type}`));
}

// Hand-written sentences in the style of wire copy (not from any dataset).
const cases: [string, string[]][] = [
  ['Africa Command spokesperson Robyn Mack told CNN on Friday .', ['Africa Command ORG', 'Robyn Mack PER', 'CNN ORG']],
  ['The strike took place near Sirte , Libya .', ['Sirte LOC', 'Libya LOC']],
  ['German Chancellor Helmut Kohl met French officials in Paris .', ['German MISC', 'Helmut Kohl PER', 'French MISC', 'Paris LOC']],
  ['Shares of Microsoft Corp rose 2 percent on Tuesday .', ['Microsoft Corp ORG']],
];
for (const [sentence, expected] of cases) {
  test(`trained model: ${sentence}`, { skip: !hasModel }, () => {
    const tagger = loadTagger();
    assert.deepEqual(entities(tagger, [sentence.split(' ')]), expected);
  });
}

const negativeCases: string[] = ['the official added that it was not an ideal solution .', 'He said on Saturday that 500 airstrikes were carried out .'];
for (const sentence of negativeCases) {
  test(`trained model finds no entity in: ${sentence}`, { skip: !hasModel }, () => {
    assert.deepEqual(entities(loadTagger(), [sentence.split(' ')]), []);
  });
}

test('loadTagger names the missing file', () => {
  assert.throws(() => loadTagger('/nonexistent/ner'), /NER model not found at \/nonexistent\/ner\/tagger\.bin\.gz/);
});
