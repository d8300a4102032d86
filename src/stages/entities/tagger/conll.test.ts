import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunksOf, readConll, scoreConllOutput, scoreTags, tagConll, writeConll } from './conll.js';

const sample = [
  '-DOCSTART- O ',
  '',
  'EU B-ORG ',
  'rejects O ',
  'German B-MISC ',
  'call O ',
  '',
  'Peter B-PER ',
  'Blackburn I-PER ',
  '',
  '-DOCSTART- O',
  '',
  'BRUSSELS B-LOC',
  '1996-08-22 O',
].join('\n');

test('readConll splits documents at -DOCSTART- and sentences at blank lines', () => {
  const documents = readConll(sample);
  assert.equal(documents.length, 2);
  assert.deepEqual(documents[0]!.sentences.map((sentence) => sentence.tokens.join(' ')), ['EU rejects German call', 'Peter Blackburn']);
  assert.deepEqual(documents[1]!.sentences[0]!.tags, ['B-LOC', 'O']);
});

test('readConll takes the last column as the gold tag', () => {
  const [document] = readConll('Robyn NNP B-NP B-PER\nMack NNP I-NP I-PER\n');
  assert.deepEqual(document!.sentences[0]!.tags, ['B-PER', 'I-PER']);
});

test('readConll reads text without -DOCSTART- as one document', () => {
  assert.equal(readConll('Libya B-LOC\n\nSirte B-LOC\n').length, 1);
});

const chunkCases: [string, string][] = [
  ['B-PER I-PER O B-LOC', 'PER[0,2) LOC[3,4)'],
  ['B-PER B-PER', 'PER[0,1) PER[1,2)'],
  ['I-ORG I-ORG O', 'ORG[0,2)'], // IOB1 / conlleval: I- after O starts a chunk
  ['B-ORG I-PER', 'ORG[0,1) PER[1,2)'],
  ['O O', ''],
];
for (const [tags, expected] of chunkCases) {
  test(`chunksOf ${tags} → ${expected || 'nothing'}`, () => {
    const chunks = chunksOf(tags.split(' '));
    assert.equal(chunks.map((chunk) => `${chunk.type}[${chunk.start},${chunk.end})`).join(' '), expected);
  });
}

test('scoreTags counts exact matches only', () => {
  const score = scoreTags([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']]);
  assert.equal(score.overall.correct, 1);
  assert.equal(score.overall.gold, 2);
  assert.equal(score.overall.predicted, 2);
  assert.equal(score.overall.f1, 50);
  assert.equal(score.byType['LOC']!.f1, 100);
  assert.equal(score.byType['PER']!.f1, 0);
});

test('scoreTags gives 0 without predictions and 100 for a perfect run', () => {
  assert.equal(scoreTags([['B-ORG']], [['O']]).overall.f1, 0);
  assert.equal(scoreTags([['B-ORG', 'I-ORG']], [['B-ORG', 'I-ORG']]).overall.f1, 100);
});

test('writeConll output scores the same as scoreTags', () => {
  const documents = readConll(sample);
  const predicted = documents.map((document) => document.sentences.map((sentence) => sentence.tags.map((tag) => (tag === 'B-MISC' ? 'O' : tag))));
  const text = writeConll(documents, predicted);
  assert.match(text, /^EU B-ORG B-ORG$/m);
  assert.match(text, /^German B-MISC O$/m);
  const score = scoreConllOutput(text);
  assert.equal(score.overall.correct, 3);
  assert.equal(score.overall.gold, 4);
});

test('tagConll tags each document whole and writes TOKEN GOLD PRED', () => {
  const seen: number[] = [];
  const tagger = {
    tagDocument(sentences: readonly (readonly string[])[]) {
      seen.push(sentences.length);
      return sentences.map((tokens) => tokens.map((token) => (/^[A-Z]/.test(token) ? 'B-LOC' : 'O')));
    },
  };
  const text = tagConll(sample, tagger);
  assert.deepEqual(seen, [2, 1]);
  assert.match(text, /^BRUSSELS B-LOC B-LOC$/m);
  assert.match(text, /^rejects O O$/m);
});
