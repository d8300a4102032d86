import assert from 'node:assert/strict';
import { test } from 'node:test';
import { porterStem } from './porter-stemmer.js';
import { rougeScores, rougeTokens } from './rouge.js';

// Stems as NLTK's default PorterStemmer gives them (the one rouge-score uses).
const STEM_CASES: ReadonlyArray<readonly [string, string]> = [
  ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'tie'], ['cats', 'cat'], ['feed', 'feed'], ['agreed', 'agre'],
  ['plastered', 'plaster'], ['motoring', 'motor'], ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'],
  ['sized', 'size'], ['hopping', 'hop'], ['falling', 'fall'], ['filing', 'file'], ['happy', 'happi'], ['sky', 'sky'],
  ['relational', 'relat'], ['conditional', 'condit'], ['rational', 'ration'], ['digitizer', 'digit'],
  ['generalization', 'gener'], ['electrical', 'electr'], ['hopefulness', 'hope'], ['adjustment', 'adjust'],
  ['dying', 'die'], ['skies', 'sky'], ['news', 'news'], ['generously', 'gener'], ['controlling', 'control'],
  ['said', 'said'], ['officials', 'offici'], ['killed', 'kill'], ['running', 'run'], ['cried', 'cri'], ['died', 'die'],
];
for (const [word, stem] of STEM_CASES) {
  test(`porter: ${word} → ${stem}`, () => assert.equal(porterStem(word), stem));
}

test('rouge tokens: lower-case, non-alphanumerics split, stems only for words over three letters', () => {
  assert.deepEqual(rougeTokens("The U.S. Senators' votes didn't pass."), ['the', 'u', 's', 'senat', 'vote', 'didn', 't', 'pass']);
});

const SCORE_CASES: ReadonlyArray<readonly [string, string, string, number, number, number]> = [
  // name, candidate, reference, R1, R2, RLsum (F1)
  ['identical', 'the cat sat on the mat', 'the cat sat on the mat', 1, 1, 1],
  ['disjoint', 'dogs bark', 'the cat sat', 0, 0, 0],
  ['half overlap', 'the cat', 'the cat sat on', 2 / 3, 1 / 2, 2 / 3],
  ['stemming matches inflections', 'officials killed', 'official kills', 1, 1, 1],
];
for (const [name, candidate, reference, one, two, lsum] of SCORE_CASES) {
  test(`rouge: ${name}`, () => {
    const scores = rougeScores(candidate, reference);
    assert.ok(Math.abs(scores.rouge1.f1 - one) < 1e-9, `R1 ${scores.rouge1.f1}`);
    assert.ok(Math.abs(scores.rouge2.f1 - two) < 1e-9, `R2 ${scores.rouge2.f1}`);
    assert.ok(Math.abs(scores.rougeLsum.f1 - lsum) < 1e-9, `RLsum ${scores.rougeLsum.f1}`);
  });
}

test('rouge-Lsum: union LCS over sentences counts each token once', () => {
  // rouge-score example: reference "w1 w2 w3 w4 w5\nw6 w7 w8 w9 w10", two candidate sentences.
  const reference = 'a b c d e\nf g h i j';
  const candidate = 'a b x d y\na z c h i';
  // Union LCS of the first reference sentence: a b c d (4); of the second: h i (2). P = R = 6/10.
  const scores = rougeScores(candidate, reference);
  assert.ok(Math.abs(scores.rougeLsum.recall - 0.6) < 1e-9, `recall ${scores.rougeLsum.recall}`);
  assert.ok(Math.abs(scores.rougeLsum.precision - 0.6) < 1e-9, `precision ${scores.rougeLsum.precision}`);
});

test('rouge-Lsum differs from one-line ROUGE-L when order crosses sentences', () => {
  const reference = 'police arrested the man\nthe man was charged';
  assert.ok(rougeScores('the man was charged\npolice arrested the man', reference).rougeLsum.f1 > 0.99);
});
