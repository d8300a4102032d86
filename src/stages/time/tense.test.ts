import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTense, type Tense } from './tense.js';

/** [behaviour, sentence, expression, expected tense]. */
const CASES: ReadonlyArray<readonly [string, string, string, Tense]> = [
  ['simple past', 'The US military conducted its first airstrike Saturday.', 'Saturday', 'past'],
  ['reporting verb in the past', 'Africa Command said in a statement Wednesday that it struck.', 'Wednesday', 'past'],
  ['will', 'The ministers will meet Friday.', 'Friday', 'future'],
  ['contracted will', "They'll vote Monday.", 'Monday', 'future'],
  ['is scheduled to', 'The deal is scheduled to close Monday.', 'Monday', 'future'],
  ['planned to, an intention', 'The team planned to leave Nairobi on Thursday.', 'Thursday', 'future'],
  ['had been due to, a past intention', 'It had been due to expire Friday evening.', 'Friday', 'past'],
  ['nearest cue decides: "said Friday it will"', 'The company said Friday it will close the plant.', 'Friday', 'past'],
  ['nearest cue decides: "will close ... Friday"', 'The company said it will close the plant Friday.', 'Friday', 'future'],
  ['no verb', 'Friday, at last.', 'Friday', 'none'],
  ['an intention verb after the expression is the verb it modifies', 'President Clinton Saturday vowed to hunt down those responsible.', 'Saturday', 'past'],
  ['"plan" the noun says nothing', 'The presidents signed an economic cooperation plan Friday.', 'Friday', 'past'],
  ['a sentence end the segmenter missed bounds the clause', "They voted to support the republic Friday. ``This convention will be seen as a turning point.''", 'Friday', 'past'],
  ['"is to" is an arrangement ahead', 'The stock is to resume trading in Paris Tuesday.', 'Tuesday', 'future'],
  ['"might" looks ahead', 'The group might come as soon as Tuesday.', 'Tuesday', 'future'],
  ['a verb beyond a comma governs another clause', 'Erdogan, who is due to visit the area on Wednesday, said the state would rebuild.', 'Wednesday', 'future'],
  ['a verb beyond a comma still counts when the clause has none', 'On Tuesday, the company said it had sold the unit.', 'Tuesday', 'past'],
  ['"might have" looks back', 'The wells might have been set afire Tuesday.', 'Tuesday', 'past'],
  ['a participle after a bare "be" is passive: the auxiliary tells', 'The vote will be held in February.', 'February', 'future'],
  ['"could" before a verb looks ahead, whatever form the verb has', 'Famine could spread to 13 more areas by February.', 'February', 'future'],
  ['"could not" says nothing ahead', 'Police could not confirm the attack on Tuesday.', 'Tuesday', 'none'],
  ['"could be located" is no possibility ahead', 'The grandparents could be located Wednesday in Cardenas.', 'Wednesday', 'none'],
  ['a participle after a verb of remaining is an adjective: the modal tells', 'He added that the border crossings would stay closed until Sunday.', 'Sunday', 'future'],
  ['a timetable verb in the present looks ahead', 'The president, who leaves office on Monday, praised the deal.', 'Monday', 'future'],
  ['a past verb of remaining still looks back', 'The border crossings remained closed on Sunday.', 'Sunday', 'past'],
];

for (const [behaviour, sentence, expression, expected] of CASES) {
  test(`tense: ${behaviour}`, () => {
    const start = sentence.indexOf(expression);
    assert.equal(detectTense(sentence, 0, sentence.length, start, start + expression.length), expected, `"${sentence}" around "${expression}"`);
  });
}
