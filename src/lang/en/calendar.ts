/**
 * English names of the days and months, as regular-expression sources, for the stages that
 * recognise dates (time) or must not take a date for a name (entities).
 */

/** The months written in full (`January` … `December`). */
export const FULL_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** The months' abbreviations news uses, without their period (`Jan`, `Sept`); `May` has none. */
export const SHORT_MONTH = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';

/** The days of the week (`Monday` … `Sunday`). */
export const WEEKDAY_NAME = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
