/**
 * English pronoun lexicons shared by the stages.
 */

/** Possessive determiners (`his supporters`, `her lawyer`, `their homes`), lower case. */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** A person's gender as a pronoun or a name says it. */
export type Gender = 'm' | 'f';

/** The gender a person pronoun says (`he`, `his` …; `she`, `her` …), lower case. */
export const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);
