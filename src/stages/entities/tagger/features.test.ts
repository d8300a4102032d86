import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeTable, attributeKinds, describeToken, extractSentence, TokenDescriber, type FeatureResources } from './features.js';
import { buildGazetteer, gazetteerBit } from './gazetteer.js';
import { parseWordClusters, serializeWordClusters } from './word-clusters.js';

const clusters = parseWordClusters(
  serializeWordClusters([
    ['the', 0, [1, 2, 3, 4]],
    ['libya', 900, [5, 6, 7, 8]],
    ['us', 50, [9, 10, 11, 12]],
    ['qaida', 3000, [13, 14, 15, 16]],
  ]),
);
const resources: FeatureResources = { clusters, gazetteer: buildGazetteer([['Libya', gazetteerBit('country')]]) };

/** Attribute names of a token, by kind, for readable assertions. */
function describe(token: string): Record<string, string> {
  const table = new AttributeTable([], true);
  const attributes = describeToken(token, table, resources);
  const names = table.names();
  const result: Record<string, string> = {};
  attributeKinds.forEach((kind, index) => {
    const id = attributes[index]!;
    if (id >= 0) result[kind] = names[id]!;
  });
  return result;
}

const attributeCases: [string, string, string][] = [
  ['Libya', 'W', 'W=Libya'],
  ['Libya', 'L', 'L=libya'],
  ['Libya', 'SS', 'SS=Xx'],
  ['Libya', 'C2', 'C2=7'],
  ['Libya', 'S3', 'S3=bya'],
  ['Libya', 'P2', 'P2=li'],
  ['LIBYA', 'C0', 'C0=5'], // all-caps headlines share the lower-case word's clusters
  ['U.S.', 'C1', 'C1=10'], // dotted abbreviation falls back to the undotted word
  ['1996', 'L', 'L=0000'],
  ['’s', 'W', "W='s"], // curly apostrophe folded
  ['Maj.', 'T', 'T=title'],
  ['spokesperson', 'T', 'T=title'],
  ['Command', 'O', 'O=organisation'],
  ['al-Qaida', 'H', 'H=15'], // unknown hyphenated word: cluster of its last part
  ['Zzyzx', 'C0', 'C0=none'],
  ['the', 'R', 'R=0'],
];
for (const [token, kind, expected] of attributeCases) {
  test(`attribute ${kind} of ${token} is ${expected}`, () => assert.equal(describe(token)[kind], expected));
}

const absentCases: [string, string][] = [
  ['Libya', 'T'],
  ['Libya', 'O'],
  ['Libya', 'H'],
  ['Robyn', 'C1'],
  ['a', 'P2'],
];
for (const [token, kind] of absentCases) {
  test(`attribute ${kind} of ${token} is absent`, () => assert.equal(describe(token)[kind], undefined));
}

test('extractSentence is deterministic and gives every token features', () => {
  const run = () => {
    const table = new AttributeTable([], true);
    const keys = new Map<number, number>();
    const rowOf = (key: number) => {
      let row = keys.get(key);
      if (row === undefined) keys.set(key, (row = keys.size));
      return row;
    };
    return extractSentence(['Strike', 'near', 'Ubari', ',', 'Libya', '.'], new TokenDescriber(table, resources, rowOf));
  };
  const first = run();
  const second = run();
  assert.deepEqual(Array.from(first.rows), Array.from(second.rows));
  for (let index = 0; index < first.length; index++) assert.ok(first.starts[index + 1]! - first.starts[index]! > 20, `token ${index} has few features`);
});

test('a frozen table leaves unknown features out', () => {
  const table = new AttributeTable(['L=libya'], false);
  const sentence = extractSentence(['Libya'], new TokenDescriber(table, resources, () => 0));
  assert.ok(sentence.rows.length < 5, `got ${sentence.rows.length} rows`);
});

const headlineCases: [string, boolean][] = [
  ['SOCCER - JAPAN GET LUCKY WIN .', true],
  ['AQIM is the local affiliate', false],
  ['U.S. SAYS', true],
  ['CNN', false],
];
for (const [sentence, expected] of headlineCases) {
  test(`"${sentence}" is ${expected ? '' : 'not '}an all-caps headline`, () => {
    const table = new AttributeTable([], true);
    assert.equal(extractSentence(sentence.split(' '), new TokenDescriber(table, resources, () => -1)).headline, expected);
  });
}

const memoryCases: [string, string][] = [
  ['Libya', 'libya'],
  ['LIBYA', 'libya'],
  ['libya', ''],
  ['1996', ''],
];
for (const [token, expected] of memoryCases) {
  test(`document-memory key of ${token} is "${expected}"`, () => {
    const table = new AttributeTable([], true);
    assert.equal(extractSentence([token], new TokenDescriber(table, resources, () => -1)).memoryKeys[0], expected);
  });
}

test('attribute table: values by kind give the ids of their full names, frozen and growing', () => {
  const frozen = new AttributeTable(['bias', 'W=Libya', 'C1=7', 'W=a=b', 'R=3'], false);
  assert.equal(frozen.valueId('W', 'Libya'), frozen.id('W=Libya'));
  assert.equal(frozen.valueId('W', 'a=b'), 3, 'a value holding "=" is split at the first one');
  assert.equal(frozen.valueId('W', 'Tripoli'), -1);
  assert.equal(frozen.valueId('bias', ''), -1, 'a name without "=" has no kind');
  assert.equal(frozen.numberId('C1', 7), 2);
  assert.equal(frozen.numberId('C1', 8), -1);
  assert.equal(frozen.numberId('R', 3), 4);
  assert.equal(frozen.names().length, 5, 'a frozen table adds nothing');

  const growing = new AttributeTable([], true);
  assert.equal(growing.numberId('C2', 9), 0, 'unknown while growing: added');
  assert.equal(growing.numberId('C2', 9), 0);
  assert.equal(growing.valueId('L', 'the'), 1);
  assert.equal(growing.id('L=the'), 1);
  assert.equal(growing.id('C2=9'), 0);
  assert.deepEqual(growing.names(), ['C2=9', 'L=the']);
  growing.growing = false;
  assert.equal(growing.numberId('C2', 10), -1);
  growing.growing = true;
  assert.equal(growing.numberId('C2', 10), 2, 'a value unknown while frozen is added once the table grows again');
});
