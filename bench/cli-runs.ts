/**
 * Runs of the `lede` command as installed (`bin/lede`), for the benches that measure it end to end
 * (`scale`, `store`): compiling the tree first, writing JSONL inputs, and reading each run's wall
 * time, peak RSS and CPU time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { once } from 'node:events';
import { loadSharedArticles } from './articles.js';

export const root = new URL('..', import.meta.url).pathname;
/** The `lede` command as installed (bin/lede: the CLI with glibc's allocator set for threads), run with this Node. */
export const command = join(root, 'bin', 'lede');
export const commandPath = `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`;

/** Compiles `src` into `dist` and bundles it (scripts/bundle.mjs), so that the command run is the current tree as `npm run build` makes it. */
export function compile(): void {
  for (const [name, args] of [['tsc', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')]], ['bundle', [join(root, 'scripts', 'bundle.mjs')]]] as const) {
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench: ${name} failed:\n${result.stdout}${result.stderr}`);
  }
}

export interface RunOutcome {
  readonly seconds: number;
  readonly stderr: string;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
}

/** Whether `taskset` (util-linux) can pin a process to cores on this machine. */
export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Runs the `lede` command in a child process (see {@link hasTaskset} for `cpuList`); peak RSS from the kernel's high-water mark of that process. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env, options: { readonly cpuList?: string } = {}): Promise<RunOutcome> {
  const started = performance.now();
  // `cpuList`: the cores the process may run on (util-linux `taskset -c`), all its threads included.
  const [file, argv] = options.cpuList ? ['taskset', ['-c', options.cpuList, command, ...args]] : [command, [...args]];
  const child = spawn(file, argv, { cwd: root, env: { ...env, PATH: commandPath }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`lede ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`);
  // The summary line of `analyze` and `ingest`: `… articles/s[ into …], peak RSS N MB, CPU S s`.
  const summary = /articles\/s[^\n]*?, peak RSS (\d+) MB, CPU ([\d.]+) s/.exec(stderr);
  return { seconds: (performance.now() - started) / 1000, stderr, peakRssMb: Number(summary?.[1] ?? 0), cpuSeconds: Number(summary?.[2] ?? 0) };
}

/** Writes `count` JSONL inputs cycling through the shared articles. */
export async function writeInputs(path: string, count: number): Promise<{ bytes: number; articles: number }> {
  const articles = loadSharedArticles();
  const out = createWriteStream(path);
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const line = `${JSON.stringify({ ...articles[index % articles.length]!, id: `${index}` })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { bytes, articles: articles.length };
}

