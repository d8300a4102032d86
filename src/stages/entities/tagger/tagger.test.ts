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

test('an empty document and empty sentences tag to empty arrays', { skip: !hasModel }, () => {
  const tagger = loadTagger();
  assert.deepEqual(tagger.tagDocument([]), []);
  assert.deepEqual(tagger.tagDocument([[], ['Libya'], []]).map((tags) => tags.length), [0, 1, 0]);
});

test('a very long sentence and unusual characters tag without error', { skip: !hasModel }, () => {
  const tokens = Array.from({ length: 5000 }, (_, index) => ['Libya', 'said', '’s', '—', '😀', 'ÉLYSÉE', ''][index % 7]!);
  const [tags] = loadTagger().tagDocument([tokens]);
  assert.equal(tags!.length, tokens.length);
});

test('curly and straight apostrophes tag alike', { skip: !hasModel }, () => {
  const tagger = loadTagger();
  const curly = tagger.tagDocument([['a', 'high', 'ranking', 'al-Qa’ida', 'official']]);
  const straight = tagger.tagDocument([['a', 'high', 'ranking', "al-Qa'ida", 'official']]);
  assert.deepEqual(curly, straight);
});

test('loadTagger names the missing file', () => {
  assert.throws(() => loadTagger('/nonexistent/ner'), /NER model not found at \/nonexistent\/ner\/tagger\.bin\.gz/);
});
