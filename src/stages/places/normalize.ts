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
  // Plain ASCII (nearly every name asked for) in one pass; the same key as the general path.
  let key = '';
  let space = false;
  for (let at = 0; at < name.length; at++) {
    let code = name.charCodeAt(at);
    if (code >= 128) return foldedKey(name);
    if (code >= 65 && code <= 90) code += 32;
    if (code === 46) continue;
    if (code === 96) code = 39;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39) {
      if (space && key !== '') key += ' ';
      space = false;
      key += String.fromCharCode(code);
    } else space = true;
  }
  return key;
}

/** {@link placeKey} for any script: accents folded by Unicode decomposition. */
function foldedKey(name: string): string {
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

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const LATIN_NAME = /^[\p{Script=Latin}\p{M}0-9 .,'’()\-&/]+$/u;

/** True when a name is written in Latin script only (after accents are removed). */
export function isLatinName(name: string): boolean {
  return LATIN_NAME.test(name);
}
