import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from '../segment/segment.js';
import { isResidue, loadSummaryModel, openingProblem, summarize } from './summarize.js';
import { featureWords } from './features.js';
import { summarizeText } from './stage.js';

const model = loadSummaryModel();

/** The chosen sentences as text, so a failure shows what was picked. */
function chosen(text: string, options: Parameters<typeof summarize>[2] = {}): string[] {
  const { sentences } = segment(text);
  return summarize(text, sentences, options, { model }).map((item) => `[${item.start},${item.end}) ${text.slice(item.start, item.end)}`);
}

const STORY = [
  'Floods swept through the river town of Marlow on Tuesday, forcing 2,000 residents from their homes.',
  'The river rose four metres in six hours after a week of heavy rain, the Environment Agency said.',
  'Emergency crews used boats to rescue 40 people trapped on rooftops in the old town.',
  'He said the water had never come so high.',
  'Schools and the main bridge will stay closed until Friday, the council said.',
  'Insurers expect claims to pass £30 million, according to the Association of British Insurers.',
  'The town last flooded in 1947, when the river rose three metres.',
  'Residents criticised the slow response of the authorities.',
].join(' ');

test('default summary: at most three sentences, in reading order, each with a score', () => {
  const { sentences } = segment(STORY);
  const items = summarize(STORY, sentences, {}, { model });
  assert.ok(items.length >= 1 && items.length <= 3, chosen(STORY).join('\n'));
  for (let index = 1; index < items.length; index += 1) assert.ok((items[index - 1]?.start ?? 0) < (items[index]?.start ?? 0));
  for (const item of items) assert.equal(typeof item.score, 'number');
});

// Asking for more sentences than the story has gives all but the redundant one: "The river rose
// four metres ..." shares the trigram "the river rose" with "... when the river rose three metres".
const SENTENCE_LIMITS: ReadonlyArray<readonly [number, number]> = [[1, 1], [2, 2], [4, 4], [20, 7]];
for (const [requested, expected] of SENTENCE_LIMITS) {
  test(`sentence limit ${requested} gives ${expected} sentences`, () => {
    assert.equal(chosen(STORY, { sentences: requested }).length, expected, chosen(STORY, { sentences: requested }).join('\n'));
  });
}

const WORD_LIMITS: readonly number[] = [20, 40, 60];
for (const words of WORD_LIMITS) {
  test(`word limit ${words} is kept (after the first sentence)`, () => {
    const picked = chosen(STORY, { words });
    const total = picked.reduce((sum, line) => sum + featureWords(line.replace(/^\[\d+,\d+\) /, '')).length, 0);
    assert.ok(picked.length === 1 || total <= words, `${total} words:\n${picked.join('\n')}`);
  });
}

test('a one-sentence article gives that sentence', () => {
  const text = 'The central bank raised its main interest rate by half a point on Thursday.';
  assert.deepEqual(chosen(text), [`[0,${text.length}) ${text}`]);
});

test('a two-sentence article gives no more than two sentences', () => {
  const text = 'The central bank raised rates on Thursday. Markets fell by two percent after the announcement.';
  assert.ok(chosen(text).length <= 2);
});

test('an empty sentence list gives an empty summary', () => {
  assert.deepEqual(summarize('', [], {}, { model }), []);
});

test('a list of short items is not mistaken for a story: story sentences are chosen', () => {
  const text = 'The council published its list of road closures for the holiday weekend on Monday, warning drivers of long delays.\n\n- High Street\n- Mill Lane\n- Station Road\n\nThe closures will last until Wednesday morning, the council said in a statement.';
  const picked = chosen(text);
  assert.ok(picked.every((line) => !/\) - /.test(line) && !/Lane$/.test(line)), picked.join('\n'));
});

test('an article of nothing but quotes still gives a summary', () => {
  const text = '“We will rebuild.” “Nobody will be left behind.” “This town has survived worse, and it will survive this.”';
  assert.ok(chosen(text).length >= 1);
});

test('a speakerless quote does not open the summary when a story sentence exists', () => {
  const text = '“We know where to look, and we know how to look for it.” NASA chief scientist Ellen Stofan said on Tuesday that signs of life beyond Earth will be found within a decade. The agency released a graphic of water on other worlds.';
  const first = chosen(text, { sentences: 2 })[0] ?? '';
  assert.ok(!first.includes('“We know'), first);
});

const OPENING_CASES: ReadonlyArray<readonly [string, ReturnType<typeof openingProblem>]> = [
  ['He said the water had never come so high.', 'dangling-pronoun'],
  ['They were rescued on Tuesday.', 'dangling-pronoun'],
  ['“We know where to look.', 'speakerless-quote'],
  ['“We know where to look,” NASA chief scientist Ellen Stofan said.', null],
  ['Floods swept through the town on Tuesday.', null],
  ['Theresa May said the talks would go on.', null],
];
for (const [text, expected] of OPENING_CASES) {
  test(`opening problem of "${text}" is ${String(expected)}`, () => assert.equal(openingProblem(text), expected));
}

const RESIDUE_CASES: ReadonlyArray<readonly [string, boolean]> = [
  ['Scroll down for video.', true],
  ['Emergency crews rescue residents in Marlow on Tuesday', true],
  ['Photo: a flooded street in the old town.', true],
  ['Emergency crews used boats to rescue 40 people.', false],
  ['“We will rebuild,” the mayor said.', false],
];
for (const [text, expected] of RESIDUE_CASES) {
  test(`residue: "${text}" → ${expected}`, () => assert.equal(isResidue(text, featureWords(text)), expected));
}

test('summarizeText returns one chosen sentence per line', () => {
  const lines = summarizeText(STORY, { sentences: 2 }, model).split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) assert.ok(STORY.includes(line), line);
});
