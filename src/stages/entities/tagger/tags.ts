/**
 * The BIO tag set of the tagger (CoNLL-2003 types) and the transition constraint of decoding.
 */

/** Entity types, in the order their B-/I- tags are numbered. */
export const entityTypes = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** One CoNLL entity type. */
export type EntityType = (typeof entityTypes)[number];

/** All tags: `O` is 0, then `B-T` = 1 + 2·t and `I-T` = 2 + 2·t for the t-th type. */
export const tagNames: readonly string[] = ['O', ...entityTypes.flatMap((type) => [`B-${type}`, `I-${type}`])];

/** Number of tags (9). */
export const tagCount = tagNames.length;

/** Tag index of a tag name; unknown names (other schemes' types) read as `O`. */
export function tagIndex(name: string): number {
  const index = tagNames.indexOf(name);
  return index < 0 ? 0 : index;
}

/** Type index (0..3) of a tag index, or -1 for `O`. */
export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 1;
}

/** Whether a tag index is an `I-` tag. */
export function isInside(tag: number): boolean {
  return tag !== 0 && (tag - 1) % 2 === 1;
}

/**
 * Whether `next` may follow `previous` (-1 = sentence start): `I-X` only after `B-X` or `I-X`.
 */
export function allowedTransition(previous: number, next: number): boolean {
  if (!isInside(next)) return true;
  return previous >= 0 && previous !== 0 && tagType(previous) === tagType(next);
}
