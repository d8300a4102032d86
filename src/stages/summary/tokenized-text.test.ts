import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitTokenizedSentences, storyStart } from './tokenized-text.js';

function split(text: string): string[] {
  return splitTokenizedSentences(text).map((span) => text.slice(span.start, span.end));
}

const SPLIT_CASES: ReadonlyArray<readonly [string, string, string[]]> = [
  ['plain periods', 'the man left . police came .', ['the man left .', 'police came .']],
  ['closing quote stays with its sentence', 'it is the " forgotten floor . " here , inmates wait .', ['it is the " forgotten floor . "', 'here , inmates wait .']],
  ['PTB closing quote', "he said `` we know . '' then he left .", ["he said `` we know . ''", 'then he left .']],
  ['line-break period after a function word is not a boundary', 'the . new series will include a . telescope .', ['the . new series will include a . telescope .']],
  ['question and exclamation', 'why now ? stop ! ok .', ['why now ?', 'stop !', 'ok .']],
  ['no final period', 'the last caption has no period', ['the last caption has no period']],
];
for (const [name, text, expected] of SPLIT_CASES) {
  test(`tokenised sentences: ${name}`, () => assert.deepEqual(split(text), expected));
}

const START_CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['byline', 'by . deni kirkova . lego will launch a series .', 'lego will launch a series .'],
  ['byline and time stamps', 'by . daily mail reporter . published : . 12:00 est , 1 may 2014 | . updated : . 13:00 est , 1 may 2014 . the story begins .', 'the story begins .'],
  ['no furniture', 'a man was arrested on tuesday .', 'a man was arrested on tuesday .'],
];
for (const [name, text, expected] of START_CASES) {
  test(`story start: ${name}`, () => assert.equal(text.slice(storyStart(text)), expected));
}
