/**
 * `npm run bench -- time`: TempEval-3 style timex scoring on TimeBank + AQUAINT (TBAQ-cleaned).
 *
 * Each `.tml` file is read as TempEval-3 does: the text is the content of `<TEXT>` with tags
 * stripped (entities decoded), the gold timexes are the TIMEX3 elements inside `<TEXT>`, and the
 * document creation time (the header TIMEX3 with `functionInDocument="CREATION_TIME"`, outside
 * `<TEXT>`) is the publication date given to the systems, not a timex to find.
 *
 * Metrics (TempEval-3, `UzZaman et al. 2013`): strict span P/R/F1 (same start and end), relaxed
 * span P/R/F1 (any overlap, one-to-one), type accuracy over relaxed matches, and value F1, where a
 * relaxed match whose value equals the gold value counts (precision over all system timexes,
 * recall over all gold timexes). `chrono-node` as is is scored in the same run.
 *
 * Value equality is exact string equality, as in the TempEval-3 scorer (`evaluate_entities.py`
 * compares `g.value == s.value`; its TimeML-Normalizer step only aligns tids and eids): `1989-W7`
 * and `1989-W07` differ, and so do `1988` and `1988-XX`.
 *
 * Options: `--errors N` prints N errors of Lede to stderr (`--kind value,fp,fn,span` filters them);
 * `--summary` prints instead the error classes with counts (by rule, and by gold and system value
 * shape), the N largest.
 */
import * as chrono from 'chrono-node';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir, type BenchResult, type BenchRow } from './harness.js';
import { findTimexes } from '../src/stages/time/timex-finder.js';
import { segment } from '../src/stages/segment/segment.js';

/** A gold or system timex in the plain text of one document. */
interface ScoredTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
  /** Lede's rule, shown in `--errors` output. */
  readonly rule?: string;
}

/** One TimeML document read as plain text with its gold timexes. */
interface TimeMlDocument {
  readonly name: string;
  readonly corpus: string;
  readonly text: string;
  readonly published: string;
  readonly gold: readonly ScoredTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/(\w+)="([^"]*)"/g)) result[match[1] ?? ''] = match[2] ?? '';
  return result;
}

/** Strips the tags of the `<TEXT>` element, keeping offsets of TIMEX3 elements in the plain text. */
export function readTimeMl(xml: string, name: string, corpus: string): TimeMlDocument {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const published = attributes(dct?.[0] ?? '')['value']?.slice(0, 10) ?? '';
  const bodyStart = xml.indexOf('<TEXT>');
  const bodyEnd = xml.indexOf('</TEXT>');
  if (bodyStart < 0 || bodyEnd < 0) throw new Error(`${name}: no <TEXT> element`);
  const body = xml.slice(bodyStart + '<TEXT>'.length, bodyEnd);
  let text = '';
  const gold: ScoredTimex[] = [];
  let open: { start: number; type: string; value: string } | undefined;
  for (const piece of body.split(/(<[^>]+>)/)) {
    if (piece.startsWith('<')) {
      if (piece.startsWith('<TIMEX3')) {
        const attrs = attributes(piece);
        open = { start: text.length, type: attrs['type'] ?? '', value: attrs['value'] ?? '' };
      } else if (piece.startsWith('</TIMEX3') && open) {
        gold.push({ start: open.start, end: text.length, type: open.type, value: open.value });
        open = undefined;
      }
      continue;
    }
    text += piece.replace(/&(#?\w+);/g, (_, entity: string) => decodeEntity(entity));
  }
  return { name, corpus, text, published, gold };
}

/** Loads every `.tml` file of TimeBank and AQUAINT. */
export function loadTimeBankAquaint(root: string): TimeMlDocument[] {
  const documents: TimeMlDocument[] = [];
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    const folder = join(root, corpus);
    for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.tml')).sort()) {
      documents.push(readTimeMl(readFileSync(join(folder, file), 'utf8'), file, corpus));
    }
  }
  return documents;
}

/** Chrono-node as is: its parse with the DCT as reference, value from the start date at its known precision. */
function chronoTimexes(text: string, published: string): ScoredTimex[] {
  const [year, month, day] = published.split('-').map(Number);
  const reference = new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1, 12));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return chrono.parse(text, { instant: reference, timezone: 0 }).map((result) => {
    const start = result.start;
    const date = start.date();
    const certain = (component: string): boolean => start.isCertain(component as never);
    const ymd = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    let value = ymd;
    let type = 'DATE';
    if (certain('hour')) {
      value = `${ymd}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
      type = 'TIME';
    } else if (certain('day') || certain('weekday')) value = ymd;
    else if (certain('month')) value = ymd.slice(0, 7);
    else if (certain('year')) value = ymd.slice(0, 4);
    return { start: result.index, end: result.index + result.text.length, type, value };
  });
}

interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  typeCorrect: number;
  valueCorrect: number;
}

function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, typeCorrect: 0, valueCorrect: 0 };
}

/** Error lines for `--errors`; `group` is what `--summary` counts them by (the rule, the value shapes). */
interface ErrorLine {
  readonly kind: string;
  readonly line: string;
  readonly group: string;
}

/** A value's shape for grouping errors: digits as 9 (`1989-W43` → `9999-W99`). */
const shape = (value: string): string => value.replace(/\d/g, '9');

/** One-to-one relaxed matching as the TempEval-3 scorer does: each system timex takes the first unmatched overlapping gold. */
function score(document: TimeMlDocument, system: readonly ScoredTimex[], counts: Counts, errors: ErrorLine[]): void {
  counts.gold += document.gold.length;
  counts.system += system.length;
  const used = new Set<number>();
  const show = (timex: ScoredTimex): string => `"${document.text.slice(timex.start, timex.end)}" ${timex.type} ${timex.value}${timex.rule ? ` (${timex.rule})` : ''}`;
  const context = (timex: ScoredTimex): string =>
    document.text.slice(Math.max(0, timex.start - 60), Math.min(document.text.length, timex.end + 40)).replace(/\s+/g, ' ');
  for (const found of system) {
    const index = document.gold.findIndex((gold, position) => !used.has(position) && gold.start < found.end && found.start < gold.end);
    const gold = document.gold[index];
    if (!gold) {
      errors.push({ kind: 'fp', line: `FP ${document.name} [${document.published}] ${show(found)} | ${context(found)}`, group: `FP ${found.rule ?? '?'}` });
      continue;
    }
    used.add(index);
    counts.relaxed += 1;
    if (gold.start === found.start && gold.end === found.end) counts.strict += 1;
    else errors.push({ kind: 'span', line: `SPAN ${document.name} gold ${show(gold)} sys ${show(found)}`, group: `SPAN ${found.rule ?? '?'}` });
    if (gold.type === found.type) counts.typeCorrect += 1;
    if (gold.value === found.value) counts.valueCorrect += 1;
    else errors.push({ kind: 'value', line: `VALUE ${document.name} [${document.published}] gold ${show(gold)} sys ${show(found)} | ${context(found)}`, group: `VALUE ${found.rule ?? '?'}: ${shape(gold.value)} -> ${shape(found.value)}` });
  }
  document.gold.forEach((gold, position) => {
    if (!used.has(position)) errors.push({ kind: 'fn', line: `FN ${document.name} [${document.published}] ${show(gold)} | ${context(gold)}`, group: `FN ${gold.type} ${shape(gold.value)}` });
  });
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function metrics(counts: Counts): Record<string, number> {
  const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  const strictP = ratio(counts.strict, counts.system);
  const strictR = ratio(counts.strict, counts.gold);
  const relaxedP = ratio(counts.relaxed, counts.system);
  const relaxedR = ratio(counts.relaxed, counts.gold);
  const valueP = ratio(counts.valueCorrect, counts.system);
  const valueR = ratio(counts.valueCorrect, counts.gold);
  return {
    'strict F1': f1(strictP, strictR),
    'relaxed P': relaxedP,
    'relaxed R': relaxedR,
    'relaxed F1': f1(relaxedP, relaxedR),
    'type acc': ratio(counts.typeCorrect, counts.relaxed),
    'value P': valueP,
    'value R': valueR,
    'value F1': f1(valueP, valueR),
  };
}

/** Runs Lede's timex finder and chrono-node over TimeBank + AQUAINT. */
export async function run(args: string[]): Promise<BenchResult> {
  const root = join(sharedDataDir(), 'timex-timeml', 'TBAQ-cleaned');
  if (!existsSync(root)) throw new Error(`TimeML data not found at ${root}`);
  const errorLimit = Number(args[args.indexOf('--errors') + 1] ?? 0) || 0;
  const errorKinds = args.includes('--kind') ? (args[args.indexOf('--kind') + 1] ?? '').split(',') : undefined;
  const documents = loadTimeBankAquaint(root);
  const systems = ['Lede', 'chrono-node'] as const;
  const counts = new Map<string, Counts>();
  const errors: Record<string, ErrorLine[]> = { Lede: [], 'chrono-node': [] };
  const key = (system: string, corpus: string): string => `${system}|${corpus}`;
  let ledeMilliseconds = 0;
  for (const document of documents) {
    const started = performance.now();
    const lede = findTimexes(document.text, segment(document.text).sentences, document.published).timexes;
    ledeMilliseconds += performance.now() - started;
    const outputs: Record<string, readonly ScoredTimex[]> = { Lede: lede, 'chrono-node': chronoTimexes(document.text, document.published) };
    for (const system of systems) {
      for (const corpus of [document.corpus, 'all']) {
        const entry = counts.get(key(system, corpus)) ?? emptyCounts();
        counts.set(key(system, corpus), entry);
        score(document, outputs[system] ?? [], entry, corpus === 'all' ? (errors[system] ?? []) : []);
      }
    }
  }
  if (args.includes('--summary')) {
    // Error classes with their counts: a value error or a false hit costs value precision, a value
    // error or a miss costs value recall.
    const groups = new Map<string, number>();
    for (const error of errors['Lede'] ?? []) if (!errorKinds || errorKinds.includes(error.kind)) groups.set(error.group, (groups.get(error.group) ?? 0) + 1);
    console.error('--- Lede: error classes');
    for (const [group, count] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, errorLimit || 40)) console.error(`${String(count).padStart(4)} ${group}`);
  }
  if (errorLimit > 0 && !args.includes('--summary')) {
    for (const system of ['Lede']) {
      const lines = (errors[system] ?? []).filter((error) => !errorKinds || errorKinds.includes(error.kind));
      console.error(`--- ${system}: ${lines.length} errors`);
      for (const error of lines.slice(0, errorLimit)) console.error(error.line);
    }
  }
  const rows: BenchRow[] = [];
  for (const system of systems) {
    for (const corpus of ['TimeBank', 'AQUAINT', 'all']) {
      const entry = counts.get(key(system, corpus)) ?? emptyCounts();
      rows.push({ system: `${system} (${corpus === 'all' ? 'TimeBank+AQUAINT' : corpus})`, metrics: { gold: entry.gold, found: entry.system, ...metrics(entry) } });
    }
  }
  const words = documents.reduce((sum, document) => sum + document.text.split(/\s+/).length, 0);
  return {
    task: 'time',
    dataset: `TBAQ-cleaned (TimeBank ${documents.filter((d) => d.corpus === 'TimeBank').length} + AQUAINT ${documents.filter((d) => d.corpus === 'AQUAINT').length} docs, TIMEX3 in <TEXT>, DCT as publication date)`,
    rows,
    notes: [
      'TempEval-3 conventions: relaxed = any overlap (one-to-one); value F1 counts relaxed matches with the exact gold value; type accuracy over relaxed matches.',
      `Lede speed: ${Math.round(words / (ledeMilliseconds / 1000))} words/s. Sentences come from Lede's segmenter.`,
      'TBAQ-cleaned is the TempEval-3 training data and the rules were tuned on it: this is a dev score, not a held-out test.',
    ],
  };
}
