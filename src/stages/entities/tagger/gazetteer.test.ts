import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer, gazetteerBit, gazetteerKey, matchGazetteer, parseGazetteer, serializeGazetteer } from './gazetteer.js';

const gazetteer = buildGazetteer([
  ['Libya', gazetteerBit('country')],
  ['Libyan', gazetteerBit('demonym')],
  ['North Africa', gazetteerBit('region')],
  ['Africa', gazetteerBit('continent')],
  ['In Amenas', gazetteerBit('city')],
  ['Of', gazetteerBit('city')],
  ['Georgia', gazetteerBit('country') | gazetteerBit('region')],
]);

/** Matched phrases of a sentence as `text:mask` strings, for readable failures. */
function matches(sentence: string): string[] {
  const tokens = sentence.split(' ');
  const marks = matchGazetteer(gazetteer, tokens, tokens.map(gazetteerKey));
  const found: { words: string[]; mask: number }[] = [];
  tokens.forEach((token, index) => {
    const mark = marks[index]!;
    if (mark === 0) return;
    if (mark % 2 === 0) found.push({ words: [token], mask: mark >> 1 });
    else found[found.length - 1]!.words.push(token);
  });
  return found.map(({ words, mask }) => `${words.join(' ')}:${mask}`);
}

const positive: [string, string[]][] = [
  ['strike near Ubari , Libya', [`Libya:${gazetteerBit('country')}`]],
  ['affiliate in North Africa .', [`North Africa:${gazetteerBit('region')}`]],
  ['the In Amenas oil consortium', [`In Amenas:${gazetteerBit('city')}`]],
  ['LIBYA SAYS', [`LIBYA:${gazetteerBit('country')}`]],
  ['in Georgia', [`Georgia:${gazetteerBit('country') | gazetteerBit('region')}`]],
];
for (const [sentence, expected] of positive) {
  test(`gazetteer matches in "${sentence}"`, () => assert.deepEqual(matches(sentence), expected));
}

const negative: string[] = [
  'one of the leaders', // `Of` (a town) only matches capitalised
  'the libyan desert',
  'North Korea',
];
for (const sentence of negative) {
  test(`gazetteer finds nothing in "${sentence}"`, () => assert.deepEqual(matches(sentence), []));
}

test('longest match wins: North Africa, not Africa', () => assert.deepEqual(matches('North Africa'), [`North Africa:${gazetteerBit('region')}`]));

test('serialised gazetteer parses back to the same phrases', () => {
  const again = parseGazetteer(serializeGazetteer(gazetteer));
  assert.deepEqual([...again.phrases].sort(), [...gazetteer.phrases].sort());
});
