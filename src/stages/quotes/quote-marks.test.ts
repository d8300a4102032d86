import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findParagraphs } from '../segment/segment.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';

function quoted(text: string): string[] {
  return findQuotedSpans(text, findParagraphs(text)).spans.map((span) => text.slice(span.start, span.end));
}

const positive: [string, string, string[]][] = [
  ['curly double quotes', '“We will win,” she said.', ['“We will win,”']],
  ['straight double quotes', '"We will win," she said.', ['"We will win,"']],
  ['guillemets', '«Nous allons gagner», a-t-elle dit.', ['«Nous allons gagner»']],
  ['low-high German quotes', 'Er sagte: „Wir gewinnen“ und ging.', ['„Wir gewinnen“']],
  ['single quotes around several words', "He called it 'a total disgrace' on Monday.", ["'a total disgrace'"]],
  ['curly single quotes in a headline', 'Trump Was ‘Mocking’ the ‘Clinton Camp tonight’', ['‘Clinton Camp tonight’']],
  ['a quote split around its cue', '“It’s finished,” she said. “In my head, anyway.”', ['“It’s finished,”', '“In my head, anyway.”']],
  ['curly quotes nested in straight ones', '"The question: “Do you agree?” Yes," he said.', ['"The question: “Do you agree?” Yes,"']],
  ['a reversed mark that opens a quote (bad input)', '”Fear is everywhere,” one reader wrote.', ['”Fear is everywhere,”']],
  ['two apostrophes as a double mark', "''That makes me smart,'' he said.", ["''That makes me smart,''"]],
  ['a quote of the same style nested inside', '“I’d rather live in what he calls “hell” than here,” she wrote.', ['“I’d rather live in what he calls “hell” than here,”']],
  ['a quote continued in the next paragraph', '“The first part of it.\n\n“The second part.”', ['“The first part of it.', '“The second part.”']],
  ['an opening mark typed as the closing one (bad input)', '“Rents rose by a third. Wages did not move.“', ['“Rents rose by a third. Wages did not move.“']],
  ['a straight mark closed by a curly one (bad input)', 'She sorted the "urgent” files from the “routine ones” today.', ['"urgent”', '“routine ones”']],
  ['a stray straight closing mark pairs with nothing', 'He gave a quick tour of [the] site" before lunch. The "new wing" opens in May.', ['"new wing"']],
];

const negative: [string, string][] = [
  ['apostrophes inside words', 'The group’s leader and al-Qa’ida’s men don’t agree.'],
  ['a plural possessive', 'The students’ union met the teachers’ union.'],
  ['a single-word scare quote in single marks', "It was a 'success' by any measure."],
  ['no quote marks', 'The strike killed two people, officials said.'],
];

for (const [name, text, expected] of positive) {
  test(`quote marks: ${name}`, () => assert.deepEqual(quoted(text), expected));
}

for (const [name, text] of negative) {
  test(`quote marks, none: ${name}`, () => assert.deepEqual(quoted(text), []));
}

test('quote marks: an unclosed quote yields a diagnostic and runs to the paragraph end', () => {
  const text = '“This never closes, he said.\n\nThe next paragraph is plain.';
  const result = findQuotedSpans(text, findParagraphs(text));
  assert.deepEqual(result.spans.map((span) => text.slice(span.start, span.end)), ['“This never closes, he said.']);
  assert.equal(result.spans[0]?.unclosed, true);
  assert.deepEqual(result.diagnostics.map((item) => item.rule), ['quote-marks/unclosed']);
});

test('quote marks: a closing mark with no opening mark yields a diagnostic', () => {
  const text = 'He said it was over.” Then he left.';
  const result = findQuotedSpans(text, findParagraphs(text));
  assert.deepEqual(result.spans, []);
  assert.deepEqual(result.diagnostics.map((item) => item.rule), ['quote-marks/unopened']);
});

test('quote marks: a reversed closing mark yields a diagnostic', () => {
  const text = '“We are done here.“';
  assert.deepEqual(findQuotedSpans(text, findParagraphs(text)).diagnostics.map((item) => item.rule), ['quote-marks/reversed']);
});

test('quote marks: thousands of unbalanced marks are fast and never throw', () => {
  const text = `${'“a ” ” “ " \' ‘ ’ « '.repeat(20000)}\n\n${'"'.repeat(50000)}`;
  const started = performance.now();
  const result = findQuotedSpans(text, findParagraphs(text));
  assert.ok(performance.now() - started < 2000);
  assert.ok(result.spans.length > 0);
});

const lineCases: [string, string, string[]][] = [
  ['one line per single line break', '“We are scared.” ― Ana Ruiz\n“He lies.” ― Tom Lee', ['“We are scared.” ― Ana Ruiz', '“He lies.” ― Tom Lee']],
  ['blank lines and spaces dropped', 'First line.  \n\n  Second line.', ['First line.', 'Second line.']],
];

for (const [name, text, expected] of lineCases) {
  test(`lines: ${name}`, () => {
    const lines = splitAtLineBreaks(text, [{ start: 0, end: text.length }]);
    assert.deepEqual(lines.map((line) => text.slice(line.start, line.end)), expected);
  });
}
