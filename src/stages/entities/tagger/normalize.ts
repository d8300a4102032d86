/**
 * Token normalisation for features. Lede's tokenizer keeps the article's own characters, while the
 * training data (Reuters 1996) is ASCII: `group’s` arrives as `group` + `’s`, and `al-Qa’ida` keeps its
 * curly apostrophe. Features are computed on the ASCII-folded form so both read the same.
 */

const foldTable: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2012': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u2026': '...', '\u00a0': ' ',
};
const foldPattern = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2013\u2014\u2012\u2010\u2011\u2212\u2026\u00a0]/g;

/** Maps curly quotes, primes, dashes and ellipses to their ASCII forms (`al-Qa’ida` → `al-Qa'ida`). */
export function foldPunctuation(token: string): string {
  return token.replace(foldPattern, (character) => foldTable[character] ?? character);
}

/** Lower case with every digit mapped to `0`, so `1996-08-22` and `2018-03-28` share one form. */
export function lowerForm(folded: string): string {
  return folded.toLowerCase().replace(/[0-9]/g, '0');
}

/** Character class used by shapes: `X` upper, `x` lower, `d` digit, else the character itself. */
function shapeClass(code: number, character: string): string {
  if (code >= 48 && code <= 57) return 'd';
  const lower = character.toLowerCase();
  const upper = character.toUpperCase();
  if (lower !== upper) return character === upper ? 'X' : 'x';
  return character;
}

/**
 * Collapsed word shape: runs of one class become one symbol (`Robyn` → `Xx`, `U.S.` → `X.X.`,
 * `AQIM` → `X`, `al-Qa'ida` → `x-Xx'x`, `1996-08-22` → `d-d-d`).
 */
export function shortShape(folded: string): string {
  let shape = '';
  let last = '';
  for (let index = 0; index < folded.length; index++) {
    const symbol = shapeClass(folded.charCodeAt(index), folded[index]!);
    if (symbol !== last) shape += symbol;
    last = symbol;
  }
  return shape;
}

/**
 * Longer shape that keeps run lengths up to 4 (`AQIM` → `XXXX`, `Robyn` → `Xxxxx`, `CNN` → `XXX`):
 * tells short acronyms from all-caps words.
 */
export function longShape(folded: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (let index = 0; index < folded.length; index++) {
    const symbol = shapeClass(folded.charCodeAt(index), folded[index]!);
    if (symbol === last) run++;
    else run = 1;
    last = symbol;
    if (run <= 4) shape += symbol;
  }
  return shape;
}

/** Whether the token starts with an upper-case letter. */
export function isCapitalised(token: string): boolean {
  const first = token[0];
  if (first === undefined) return false;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether the token has letters and none of them is lower case (`AQIM`, `U.S.`, `SOCCER`). */
export function isAllCaps(token: string): boolean {
  return token !== token.toLowerCase() && token === token.toUpperCase();
}
