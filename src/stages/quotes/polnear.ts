/**
 * Reader for PolNeAR (Political News Attribution Relations, BRAT standoff) as used by the quote
 * tagger's training script and the quotes benchmark. BRAT offsets count Unicode code points;
 * everything returned here is in UTF-16 units, like the rest of Lede.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../doc/schema.js';

/** One attribution relation: content (in pieces), cue (in pieces), and source when annotated. */
export interface GoldAttribution {
  readonly content: readonly Span[];
  readonly cue: readonly Span[];
  readonly source: readonly Span[];
}

/** One annotated article. */
export interface PolnearArticle {
  readonly name: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

/** Maps code-point offsets of `text` to UTF-16 offsets (identity when the text is all BMP). */
export function codePointToUtf16(text: string): (offset: number) => number {
  const table: number[] = [];
  let unit = 0;
  for (const character of text) {
    table.push(unit);
    unit += character.length;
  }
  table.push(unit);
  if (unit === table.length - 1) return (offset) => offset;
  return (offset) => table[Math.min(offset, table.length - 1)] ?? unit;
}

/** Parses one `.ann` file into attributions with UTF-16 spans of `text`. */
export function parseBrat(text: string, ann: string): GoldAttribution[] {
  const toUnit = codePointToUtf16(text);
  const spans = new Map<string, Span[]>();
  const relations: string[][] = [];
  for (const line of ann.split('\n')) {
    const fields = line.split('\t');
    const id = fields[0] ?? '';
    if (id.startsWith('T')) {
      const header = fields[1] ?? '';
      const firstSpace = header.indexOf(' ');
      const ranges = header.slice(firstSpace + 1).split(';');
      const pieces: Span[] = [];
      for (const range of ranges) {
        const [start, end] = range.trim().split(' ').map(Number);
        if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) continue;
        pieces.push({ start: toUnit(start), end: toUnit(end) });
      }
      spans.set(id, pieces);
    } else if (id.startsWith('E')) {
      relations.push((fields[1] ?? '').split(' '));
    }
  }
  const attributions: GoldAttribution[] = [];
  for (const parts of relations) {
    const roles = new Map<string, string>();
    for (const part of parts) {
      const colon = part.indexOf(':');
      if (colon > 0) roles.set(part.slice(0, colon), part.slice(colon + 1));
    }
    const of = (role: string): Span[] => spans.get(roles.get(role) ?? '') ?? [];
    const content = of('Content');
    if (content.length === 0) continue;
    attributions.push({ content, cue: of('Cue'), source: of('Source') });
  }
  return attributions;
}

/**
 * Reads one split (`train`, `dev`) of PolNeAR from `directory` (the `quotes-polnear` folder),
 * one annotation file per article: the first annotator `metadata.tsv` lists, or with
 * `allAnnotators` one entry per annotation file (the same text once per annotator).
 */
export function readPolnear(directory: string, split: string, allAnnotators = false): PolnearArticle[] {
  const articles: PolnearArticle[] = [];
  const metadata = readFileSync(join(directory, 'metadata.tsv'), 'utf8').split('\n');
  for (const line of metadata) {
    const fields = line.split('\t');
    if (fields[0] !== split) continue;
    const name = fields[1] ?? '';
    const textPath = join(directory, split, 'text', `${name}.txt`);
    if (!existsSync(textPath)) continue;
    const annotators = (fields[3] ?? '').split('|');
    const text = readFileSync(textPath, 'utf8');
    for (const annotator of allAnnotators ? annotators : annotators.slice(0, 1)) {
      const annPath = join(directory, split, 'attributions', `${name}_${annotator}.ann`);
      if (existsSync(annPath)) articles.push({ name, text, attributions: parseBrat(text, readFileSync(annPath, 'utf8')) });
    }
  }
  return articles;
}
