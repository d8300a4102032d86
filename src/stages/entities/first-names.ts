/**
 * First names and the gender the name lists give them (`models/ner/first-names.tsv.gz`, built by
 * `scripts/build-first-names.ts`), for the linker's pronouns: `she` is not `Bernie Sanders`.
 *
 * The table stays one string with its line starts beside it and is searched by halves: ~66,000
 * names in ~600 KB instead of a Map several times that size in every thread that links entities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadOnce } from '../../util/load-once.js';
import { modelsDirectory } from '../../util/package-root.js';

export type { Gender } from '../../lang/en/pronouns.js';
import type { Gender } from '../../lang/en/pronouns.js';

export interface FirstNames {
  /** The gender of a first name (any case), or null when the lists give none or both. */
  genderOf(name: string): Gender | null;
}

/** The table's text: `name TAB m|f` lines, lower-case, sorted by UTF-16 code units. */
export function serializeFirstNames(entries: Iterable<readonly [string, Gender]>): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.map(([name, gender]) => `${name}\t${gender}\n`).join('');
}

/** Reads a table written by {@link serializeFirstNames}. */
export function parseFirstNames(table: string): FirstNames {
  const starts: number[] = [];
  for (let at = 0; at < table.length; ) {
    starts.push(at);
    const end = table.indexOf('\n', at);
    if (end < 0) break;
    at = end + 1;
  }
  const lineStarts = Int32Array.from(starts);
  return {
    genderOf(name: string): Gender | null {
      const key = name.toLowerCase();
      let low = 0;
      let high = lineStarts.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const start = lineStarts[middle]!;
        const tab = table.indexOf('\t', start);
        const entry = table.slice(start, tab);
        if (entry === key) {
          const code = table.charAt(tab + 1);
          return code === 'm' || code === 'f' ? code : null;
        }
        if (entry < key) low = middle + 1;
        else high = middle - 1;
      }
      return null;
    },
  };
}

/** The shipped table, read once a process (`path` to read another). */
export function loadFirstNames(path: string = join(modelsDirectory(), 'ner', 'first-names.tsv.gz')): FirstNames {
  return loadOnce(`first-names:${path}`, () => parseFirstNames(gunzipSync(readFileSync(path)).toString('utf8')));
}
