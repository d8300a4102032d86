/**
 * English pronoun lexicons shared by the stages.
 */

/** Possessive determiners (`his supporters`, `her lawyer`, `their homes`), lower case. */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
