import type { Mention, Timex } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { FULL_MONTH, WEEKDAY_NAME } from '../../lang/en/calendar.js';
import { findTimexes } from './timex-finder.js';

/** A weekday or month name: at either end of a name it is more often a date the tagger took in ("MSNBC's Morning Joe Monday", "back in November West Brom"). */
const DAY_OR_MONTH = new RegExp(`^(?:${WEEKDAY_NAME}|${FULL_MONTH})$`);

/**
 * Time expressions that are words of an organisation's or a person's name ("the Future Fund",
 * "Breitbart News Daily", "Sunday Morning Futures") name no time: those inside such a mention go.
 * Names of other kinds stay (`Black Friday`, `Ramadan` are MISC and are times), and so do
 * expressions with digits ("St. Anselm College February 6, 2016", "the 2010 Dodd-Frank law": a
 * tagger's name running over a date is likelier than a date in a name) and a weekday or month
 * at either end of the name.
 */
export function outsideNames(text: string, timexes: readonly Timex[], mentions: readonly Mention[]): Timex[] {
  const names = mentions.filter((mention) => mention.kind === 'name' && (mention.type === 'ORG' || mention.type === 'PER'));
  if (names.length === 0) return [...timexes];
  return timexes.filter((timex) => {
    const words = text.slice(timex.start, timex.end);
    if (/\d/.test(words)) return true;
    const name = names.find((mention) => mention.start <= timex.start && timex.end <= mention.end);
    return !name || ((timex.end === name.end || timex.start === name.start) && DAY_OR_MONTH.test(words));
  });
}

export const timeStage: Stage = {
  name: 'time',
  // Reads `mentions` when an entities stage ran before it (empty otherwise): not required.
  requires: ['text', 'sentences', 'meta'],
  assigns: ['timexes', 'diagnostics'],
  run(doc, _resource, context) {
    const { timexes, diagnostics } = findTimexes(doc.text, doc.sentences, context.published ?? doc.meta.published);
    return { timexes: outsideNames(doc.text, timexes, doc.mentions), diagnostics };
  },
};
