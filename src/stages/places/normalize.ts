/**
 * The one spelling key shared by the gazetteer build and the resolver, so that `U.S.`, `US`,
 * `Türkiye`, `Turkiye` and `St. Louis` / `St Louis` meet in the same index slot.
 */

/**
 * Folds a place name to its lookup key: accents removed, lower case, periods dropped (`D.C.` →
 * `dc`), curly apostrophes straightened, hyphens and other punctuation read as spaces, spaces
 * collapsed. Returns `''` when nothing of a Latin-script name remains.
 */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\./g, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a name is written in Latin script only (after accents are removed). */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}0-9 .,'’()\-&/]+$/u.test(name);
}
