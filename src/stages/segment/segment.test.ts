import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findParagraphs, segment } from './segment.js';

function sentencesOf(text: string): string[] {
  return segment(text).sentences.map((sentence) => text.slice(sentence.start, sentence.end));
}

function tokensOf(text: string): string[] {
  return segment(text).tokens.map((token) => text.slice(token.start, token.end));
}

const SENTENCE_CASES: ReadonlyArray<readonly [string, string, string[]]> = [
  ['rank before a name', 'Pentagon spokesperson Maj. Sheryll Klinkel told CNN. She declined to comment.', ['Pentagon spokesperson Maj. Sheryll Klinkel told CNN.', 'She declined to comment.']],
  ['Gen. and Sen.', 'Gen. Mark Ray met Sen. Ann Lee. They talked.', ['Gen. Mark Ray met Sen. Ann Lee.', 'They talked.']],
  ['U.S. inside a sentence', 'The U.S. military said it struck. Officials agreed.', ['The U.S. military said it struck.', 'Officials agreed.']],
  ['U.S. at the end of a sentence', 'The aid came from the U.S. The shipment arrived Monday.', ['The aid came from the U.S.', 'The shipment arrived Monday.']],
  ['initials', 'J. R. Smith scored 3.5 points. He left.', ['J. R. Smith scored 3.5 points.', 'He left.']],
  ['closing quote after the period', '“We are ready.” The minister left.', ['“We are ready.”', 'The minister left.']],
  ['question inside a quote, lower-case cue', '“Why now?” she asked. Nobody answered.', ['“Why now?” she asked.', 'Nobody answered.']],
  ['decimal and money', 'Shares fell 12.53% to $1.35 on Monday. Trading was thin.', ['Shares fell 12.53% to $1.35 on Monday.', 'Trading was thin.']],
  ['exclamation', 'Stop! The road is closed.', ['Stop!', 'The road is closed.']],
  ['Treebank-style opening quote', "He spoke Friday. ``This convention will pass,'' he said.", ['He spoke Friday.', "``This convention will pass,'' he said."]],
  ['Inc. before a lower-case word', 'Apple Inc. said on Monday it would buy it.', ['Apple Inc. said on Monday it would buy it.']],
  ['a clock time ending a sentence', 'It burst into flames after 11 a.m. Television footage showed smoke.', ['It burst into flames after 11 a.m.', 'Television footage showed smoke.']],
  ['a clock time before a day, a zone or a city\'s time', 'They met at 10 a.m. Friday, at 3 p.m. EDT and at 9 a.m. Moscow time.', ['They met at 10 a.m. Friday, at 3 p.m. EDT and at 9 a.m. Moscow time.']],
  ['Inc. ending a sentence', 'He works at Apple Inc. The company declined comment.', ['He works at Apple Inc.', 'The company declined comment.']],
];

for (const [name, text, expected] of SENTENCE_CASES) {
  test(`sentences: ${name}`, () => assert.deepEqual(sentencesOf(text), expected));
}

test('sentences never cross paragraphs, and a quote left open continues in the next paragraph', () => {
  const text = '“The first part of the quote runs on.\n\n“And the second paragraph ends it,” he said.';
  assert.deepEqual(sentencesOf(text), ['“The first part of the quote runs on.', '“And the second paragraph ends it,” he said.']);
  assert.deepEqual(segment(text).sentences.map((sentence) => sentence.paragraph), ['p1', 'p2']);
});

const TOKEN_CASES: ReadonlyArray<readonly [string, string, string[]]> = [
  ['possessive clitic', 'the group’s leaders', ['the', 'group', '’s', 'leaders']],
  ['apostrophe inside a name stays', 'al-Qa’ida in the Lands', ['al-Qa’ida', 'in', 'the', 'Lands']],
  ['negation clitic', "they don't know", ['they', 'do', "n't", 'know']],
  ['acronym with dots', 'the U.S. military', ['the', 'U.S.', 'military']],
  ['rank keeps its period', 'Maj. Sheryll Klinkel', ['Maj.', 'Sheryll', 'Klinkel']],
  ['numbers', 'over 1,500 people, 3.5%', ['over', '1,500', 'people', ',', '3.5', '%']],
  ['quotes and punctuation', '“Yes,” he said.', ['“', 'Yes', ',', '”', 'he', 'said', '.']],
  ['hyphenated compound', 'an al Qaeda-affiliate', ['an', 'al', 'Qaeda-affiliate']],
  ['URL', 'see https://example.org/a/b. Then', ['see', 'https://example.org/a/b', '.', 'Then']],
];

for (const [name, text, expected] of TOKEN_CASES) {
  test(`tokens: ${name}`, () => assert.deepEqual(tokensOf(text), expected));
}

test('tokens carry the index of their sentence and exact offsets', () => {
  const text = 'One two. Three.';
  const { tokens } = segment(text);
  assert.deepEqual(tokens.map((token) => [text.slice(token.start, token.end), token.sentence]), [['One', 0], ['two', 0], ['.', 0], ['Three', 1], ['.', 1]]);
});

test('paragraphs: blank lines separate; without blank lines every line is a paragraph', () => {
  const blank = 'First line\ncontinues.\n\nSecond.';
  assert.deepEqual(findParagraphs(blank).map((span) => blank.slice(span.start, span.end)), ['First line\ncontinues.', 'Second.']);
  const lines = 'First.\nSecond.\n';
  assert.deepEqual(findParagraphs(lines).map((span) => lines.slice(span.start, span.end)), ['First.', 'Second.']);
});

test('empty and whitespace-only text give no segments', () => {
  assert.deepEqual(segment('  \n\n '), { paragraphs: [], sentences: [], tokens: [] });
});
