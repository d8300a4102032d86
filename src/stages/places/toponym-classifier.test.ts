import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadGazetteer } from './gazetteer.js';
import { findToponymCandidates, type LocationMention } from './toponym-finder.js';
import { defaultToponymClassifierPath, loadToponymClassifier, selectLiteral, serializeToponymClassifier, trainToponymClassifier } from './toponym-classifier.js';

const gazetteer = loadGazetteer();

function mentionOf(text: string, name: string, type: string): LocationMention {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type, id: 'm1' };
}

/** [behaviour, sentence, mention, its type, expected embedded names] */
const EMBEDDED_CASES: readonly (readonly [string, string, string, string, readonly string[]])[] = [
  ['a city before -based', 'The Calgary-based firm grew.', 'Calgary-based', 'MISC', ['Calgary']],
  ['both ends of a route', 'The Amsterdam-London leg ends.', 'Amsterdam-London', 'MISC', ['Amsterdam', 'London']],
  ['a city leading an organisation name', 'The Winnipeg Fire Paramedic Service came.', 'Winnipeg Fire Paramedic Service', 'ORG', ['Winnipeg']],
  ['nothing inside a person name', 'Then Mary Smith spoke.', 'Mary Smith', 'PER', []],
];

for (const [behaviour, text, name, type, expected] of EMBEDDED_CASES) {
  test(`embedded candidates: ${behaviour}`, () => {
    const embedded = findToponymCandidates(text, [mentionOf(text, name, type)], { gazetteer }).filter((candidate) => candidate.source === 'embedded');
    assert.deepEqual(embedded.map((candidate) => text.slice(candidate.start, candidate.end)), expected, embedded.map((candidate) => `[${candidate.start},${candidate.end}) "${text.slice(candidate.start, candidate.end)}"`).join('; '));
  });
}

test('rejected mentions stay candidates with the rules reading', () => {
  const text = 'Fans love Wavepiston and its songs.';
  const candidates = findToponymCandidates(text, [mentionOf(text, 'Wavepiston', 'LOC')], { gazetteer });
  assert.deepEqual(candidates.map((candidate) => [text.slice(candidate.start, candidate.end), candidate.ruleUse]), [['Wavepiston', 'rejected']]);
});

test('selectLiteral takes the likelier of two overlapping spans', () => {
  const chosen = selectLiteral([{ start: 0, end: 13 }, { start: 0, end: 7 }, { start: 20, end: 25 }], [0.6, 0.8, 0.2], 0.5);
  assert.deepEqual(chosen, [false, true, false]);
});

test('training is deterministic and the model survives serialisation', () => {
  const examples = [
    { features: ['bias', 'w-1=in'], literal: true },
    { features: ['bias', 'w-1=in'], literal: true },
    { features: ['bias', 'w+1=said'], literal: false },
    { features: ['bias', 'w+1=said'], literal: false },
  ];
  const first = serializeToponymClassifier(trainToponymClassifier(examples, new Map()));
  const second = serializeToponymClassifier(trainToponymClassifier(examples, new Map()));
  assert.equal(first, second);
  assert.ok(JSON.parse(first).weights['w-1=in'] > 0);
});

test('the shipped model loads', { skip: !existsSync(defaultToponymClassifierPath()) }, () => {
  const classifier = loadToponymClassifier();
  assert.ok(classifier && classifier.weights.size > 1000 && classifier.clusters.size > 0);
});
