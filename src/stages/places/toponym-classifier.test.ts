import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadGazetteer } from './gazetteer.js';
import { findToponymCandidates, type LocationMention } from './toponym-finder.js';
import { articleToponymFeatures, defaultToponymClassifierPath, literalProbabilities, literalProbability, loadToponymClassifier, selectLiteral, serializeToponymClassifier, trainToponymClassifier } from './toponym-classifier.js';
import { toponymReading } from './toponym-use.js';

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
  ['a town before another kind of suffix is no place; a country is', 'Owners of Siri-enabled and Iran-backed devices.', 'Siri-enabled', 'MISC', []],
  ['a country before another kind of suffix', 'The Iran-backed militia fired.', 'Iran-backed', 'MISC', ['Iran']],
];

for (const [behaviour, text, name, type, expected] of EMBEDDED_CASES) {
  test(`embedded candidates: ${behaviour}`, () => {
    const embedded = findToponymCandidates(text, [mentionOf(text, name, type)], { gazetteer }).filter((candidate) => candidate.source === 'embedded');
    assert.deepEqual(embedded.map((candidate) => text.slice(candidate.start, candidate.end)), expected, embedded.map((candidate) => `[${candidate.start},${candidate.end}) "${text.slice(candidate.start, candidate.end)}"`).join('; '));
  });
}

/** [behaviour, sentence, mentions, source, expected candidates of that source] */
const CLASSIFIER_ONLY_CASES: readonly (readonly [string, string, readonly (readonly [string, string])[], string, readonly string[]])[] = [
  ['a road number', 'The A417 closed at noon.', [], 'road', ['A417']],
  ['a US interstate', 'Traffic on I-95 slowed.', [], 'road', ['I-95']],
  ['a lower-case place noun after a name', 'Police in Benue state said so.', [['Benue', 'LOC']], 'extended', ['Benue state']],
  ['a building split at its possessive', "Shows at Caesar's Palace sold out.", [['Caesar', 'LOC'], ['Palace', 'LOC']], 'merged', ["Caesar's Palace"]],
  ['no merge of a person and a place', 'Paula Kealey of Macmillan spoke.', [['Paula Kealey', 'PER'], ['Macmillan', 'ORG']], 'merged', []],
];

for (const [behaviour, text, mentions, source, expected] of CLASSIFIER_ONLY_CASES) {
  test(`classifier candidates: ${behaviour}`, () => {
    const found = findToponymCandidates(text, mentions.map(([name, type], index) => ({ ...mentionOf(text, name, type), id: `m${index + 1}` })), { gazetteer }).filter((candidate) => candidate.source === source);
    assert.deepEqual(found.map((candidate) => text.slice(candidate.start, candidate.end)), expected, found.map((candidate) => `[${candidate.start},${candidate.end}) "${text.slice(candidate.start, candidate.end)}" ${candidate.source}`).join('; '));
  });
}

/** [sentence, name, expected reason] */
const REASON_CASES: readonly (readonly [string, string, string])[] = [
  ['Moscow said it would respond.', 'Moscow', 'agent-verb'],
  ['Europe added more ships.', 'Europe', 'verb'],
  ['Troops stayed in Libya.', 'Libya', 'locative'],
  ["Russia's ministry denied it.", 'Russia', 'possessive'],
  ["Libya's coast is long.", 'Libya', 'possessive-located'],
];

for (const [text, name, reason] of REASON_CASES) {
  test(`rules reading says why: ${reason}`, () => {
    const start = text.indexOf(name);
    assert.equal(toponymReading(text, { start, end: start + name.length }).reason, reason);
  });
}

test('hashed inference gives the probabilities of the feature strings', { skip: !existsSync(defaultToponymClassifierPath()) }, () => {
  const classifier = loadToponymClassifier()!;
  const text = 'Moscow said on Friday that troops in Velmora, near the Caspian Sea, would stay. The A417 closed.';
  const candidates = findToponymCandidates(text, [mentionOf(text, 'Moscow', 'LOC'), mentionOf(text, 'Velmora', 'LOC')], { gazetteer });
  const hashed = literalProbabilities(text, candidates, classifier, gazetteer);
  const viaStrings = articleToponymFeatures(text, candidates, gazetteer, classifier.clusters).map((features) => literalProbability(classifier, features));
  assert.equal(hashed.length, candidates.length);
  hashed.forEach((probability, index) => assert.ok(Math.abs(probability - viaStrings[index]!) < 1e-5, `${text.slice(candidates[index]!.start, candidates[index]!.end)}: ${probability} vs ${viaStrings[index]}`));
});

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
