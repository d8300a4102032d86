/**
 * Shared shape of a benchmark: each `bench/<task>.ts` exports `run(args)` returning a result whose
 * rows compare Lede with a named peer or baseline measured in the same run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One system's figures in one benchmark run. */
export interface BenchRow {
  /** `Lede` or the peer / baseline name. */
  readonly system: string;
  /** Metric name → value (numbers are printed with up to 3 decimals). */
  readonly metrics: Readonly<Record<string, number | string>>;
}

export interface BenchResult {
  readonly task: string;
  /** Dataset and split, e.g. `CoNLL-2003 valid`. */
  readonly dataset: string;
  readonly rows: readonly BenchRow[];
  /** Free text printed under the table (what was left out, caveats). */
  readonly notes?: readonly string[];
}

/** Absolute path of the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of `../shared/data` (override with `LEDE_SHARED`). */
export function sharedDataDir(): string {
  const shared = process.env['LEDE_SHARED'] ?? join(repoRoot, '..', 'shared');
  const data = join(shared, 'data');
  if (!existsSync(data)) throw new Error(`benchmark data not found at ${data}: put ../shared beside the checkout or set LEDE_SHARED`);
  return data;
}

function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
}

/** Renders a result as markdown table lines (one per row), prefixed with date and command. */
export function formatResult(result: BenchResult, command: string): string {
  const metricNames = [...new Set(result.rows.flatMap((row) => Object.keys(row.metrics)))];
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores, Node ${process.version}`;
  const header = `| date | system | ${metricNames.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(metricNames.length + 2)}`;
  const lines = result.rows.map(
    (row) => `| ${date} | ${row.system} | ${metricNames.map((name) => formatValue(row.metrics[name] ?? '')).join(' | ')} |`,
  );
  const notes = (result.notes ?? []).map((note) => `- ${note}`);
  return [`### ${result.task}: ${result.dataset}`, '', `\`${command}\` (${machine})`, '', header, rule, ...lines, ...(notes.length ? ['', ...notes] : []), ''].join('\n');
}

/** Appends a formatted result to BENCHMARKS.md, newest last. */
export function recordResult(formatted: string): void {
  const path = join(repoRoot, 'BENCHMARKS.md');
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\nRows are appended by `npm run bench -- <task>`; newest last.\n\n';
  writeFileSync(path, `${before.trimEnd()}\n\n${formatted}`);
}
