/**
 * `npm run bench -- <task> [args]`: runs `bench/<task>.ts`, prints its table and, unless `--no-record`
 * is given, appends it to BENCHMARKS.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyV8Flags } from '../src/util/v8-flags.js';
import { formatResult, recordResult, repoRoot, type BenchResult } from './harness.js';

// The `lede` command's V8 settings, so that in-process figures match the command's.
applyV8Flags();

const [task, ...rest] = process.argv.slice(2);
if (!task || !/^[a-z][a-z0-9-]*$/.test(task) || !existsSync(join(repoRoot, 'bench', `${task}.ts`))) {
  console.error(`lede bench: unknown task ${JSON.stringify(task ?? '')}; give one of the files in bench/ (for example: npm run bench -- extraction)`);
  process.exit(2);
}
const record = !rest.includes('--no-record');
const args = rest.filter((arg) => arg !== '--no-record');
const module = (await import(`./${task}.ts`)) as { run: (args: string[]) => Promise<BenchResult> };
try {
  const result = await module.run(args);
  const formatted = formatResult(result, `npm run bench -- ${[task, ...args].join(' ')}`);
  console.log(formatted);
  if (record) recordResult(formatted);
} catch (error) {
  console.error(`lede bench ${task}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
