/**
 * `npm run bench -- scale`: batch throughput of the full pipeline as a user runs it, one fresh
 * `lede analyze` process per setting, with 1, 2 and N worker threads over the shared articles
 * repeated to at least 20,000 JSONL inputs (`--inputs N` to change), and each process's peak RSS
 * (all threads, as the kernel counts it). The baseline row is the same batch analysed in the main
 * thread (`--workers 0`). When LEDE_REDIS_URL and LEDE_PG_URL are set, the same inputs go through
 * the Redis queue to 1 and 2 `lede worker` processes writing to PostgreSQL (`--queue-inputs N`,
 * default 2,000). `--only 0,2,2u` picks the thread settings (`2i`: two separate one-worker processes
 * on half the inputs each, the ideal of two workers with nothing shared; `2u`: 2 workers with the pool unsplit,
 * each running the whole pipeline; the pool is split by default only where its threads fill the
 * cores, see `splitsByDefault`; `1p`: 1 worker with the whole process held to one core by
 * `taskset`, the per-core figure: unpinned, one worker's process also runs its main thread and
 * V8's garbage-collection and compiler threads on the other cores, about a sixth of its CPU time,
 * which a machine whose every core runs a worker does not have to spare).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { splitsByDefault } from '../src/pipeline/worker-pool.js';
import { command, commandPath, compile, hasTaskset, root, runCli, writeInputs } from './cli-runs.js';
import type { BenchResult, BenchRow } from './harness.js';

async function queueRows(input: string, count: number, redis: string, postgres: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { clearQueue, queueStatus } = await import('../src/queue/queue.js');
  let oneWorker = 0;
  for (const processes of [1, 2]) {
    await clearQueue(redis);
    await runCli(['enqueue', input, '--input-format', 'jsonl', '--queue', redis]);
    const started = performance.now();
    const children = Array.from({ length: processes }, () =>
      spawn(command, ['worker', '--queue', redis, '--db', postgres], { cwd: root, env: { ...process.env, PATH: commandPath }, stdio: ['ignore', 'ignore', 'pipe'] }),
    );
    const exits = children.map((child) => once(child, 'exit'));
    let status = await queueStatus(redis);
    for (;;) {
      const counts = status.counts;
      const left = (counts['waiting'] ?? 0) + (counts['active'] ?? 0) + (counts['delayed'] ?? 0) + (counts['prioritized'] ?? 0);
      if (left === 0) break;
      if (performance.now() - started > 3_600_000) throw new Error('queue bench: the workers did not finish within an hour');
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await queueStatus(redis);
    }
    const seconds = (performance.now() - started) / 1000;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(exits);
    const rate = count / seconds;
    if (processes === 1) oneWorker = rate;
    rows.push({
      system: `Lede through the Redis queue, ${processes} worker process${processes > 1 ? 'es' : ''} → PostgreSQL`,
      metrics: { inputs: count, 'articles/s': rate, 'vs 1 worker': processes > 1 ? rate / oneWorker : 1, 'vs 1 worker on 1 core': '', 'peak RSS MB': '', 'CPU s': '', errors: status.deadLetters.length },
    });
  }
  await clearQueue(redis);
  return rows;
}

/**
 * The `2i` row: the inputs split in halves between two separate `lede analyze --workers 1`
 * processes started together, sharing nothing (no pool, no main thread, no heap), the most two
 * workers can gain over one on this machine without coordination costs. Its wall time runs from
 * the start to the later exit; peak RSS and CPU are the two processes' sums.
 */
async function independentRow(folder: string, target: number, oneWorker: number, oneCore: number): Promise<BenchRow> {
  const halves = [Math.ceil(target / 2), Math.floor(target / 2)];
  const inputs = halves.map((_, index) => join(folder, `half-${index}.jsonl`));
  await Promise.all(halves.map((count, index) => writeInputs(inputs[index]!, count)));
  const started = performance.now();
  const outcomes = await Promise.all(inputs.map((input, index) => runCli(['analyze', '--input-format', 'jsonl', input, '--output', join(folder, `out-2i-${index}.jsonl`), '--workers', '1'])));
  const seconds = (performance.now() - started) / 1000;
  for (const [index, input] of inputs.entries()) {
    rmSync(input, { force: true });
    rmSync(join(folder, `out-2i-${index}.jsonl`), { force: true });
  }
  const rate = target / seconds;
  return {
    system: 'baseline: 2 separate processes of 1 worker, half the inputs each, run at once',
    metrics: {
      inputs: target,
      'articles/s': rate,
      'vs 1 worker': oneWorker ? rate / oneWorker : '',
      'vs 1 worker on 1 core': oneCore ? rate / oneCore : '',
      'peak RSS MB': outcomes.reduce((sum, outcome) => sum + outcome.peakRssMb, 0),
      'CPU s': outcomes.reduce((sum, outcome) => sum + outcome.cpuSeconds, 0),
      errors: 0,
    },
  };
}

export async function run(args: string[]): Promise<BenchResult> {
  const option = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const target = Number(option('--inputs') ?? 20_000);
  // `2u`: 2 workers, each running the whole pipeline (the pool unsplit), the baseline of the split pool.
  const only = option('--only')?.split(',');
  compile();
  const folder = mkdtempSync(join(tmpdir(), 'lede-scale-'));
  try {
    const input = join(folder, 'input.jsonl');
    const { bytes, articles } = await writeInputs(input, target);
    const rows: BenchRow[] = [];
    const pinning = hasTaskset();
    const settings = (only ?? [...new Set(['0', '1', ...(pinning ? ['1p'] : []), '2', '2u', String(cpus().length)])]).filter((setting) => pinning || !setting.endsWith('p'));
    let oneWorker = 0;
    let oneCore = 0;
    for (const setting of settings) {
      if (setting === '2i') {
        rows.push(await independentRow(folder, target, oneWorker, oneCore));
        continue;
      }
      const workers = Number.parseInt(setting, 10);
      const unsplit = setting.endsWith('u');
      // `1p`: one worker with the whole process held to one core, as `--workers N` has one core per worker.
      const pinned = setting.endsWith('p');
      const env = unsplit ? { ...process.env, LEDE_SPLIT_WORKERS: '0' } : process.env;
      const outcome = await runCli(['analyze', '--input-format', 'jsonl', input, '--output', join(folder, `out-${setting}.jsonl`), '--workers', String(workers)], env, pinned ? { cpuList: '0' } : {});
      const errors = /errors: ([^,]+(?:, E_[A-Z_]+ \d+)*)/.exec(outcome.stderr)?.[1] ?? '';
      const errorCount = [...errors.matchAll(/E_[A-Z_]+ (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
      const rate = target / outcome.seconds;
      if (workers === 1 && !pinned) oneWorker = rate;
      if (workers === 1 && pinned) oneCore = rate;
      const split = !unsplit && splitsByDefault(workers);
      rows.push({
        system: workers === 0 ? 'Lede, main thread (baseline)' : pinned ? 'Lede, 1 worker, the process held to one core (taskset)' : `Lede, ${workers} worker${workers > 1 ? 's' : ''}${split ? ' (pool split in halves)' : workers > 1 ? ', each the whole pipeline (baseline)' : ''}`,
        metrics: {
          inputs: target,
          'articles/s': rate,
          'vs 1 worker': workers > 0 && oneWorker && !pinned ? rate / oneWorker : '',
          'vs 1 worker on 1 core': workers > 1 && oneCore ? rate / oneCore : '',
          'peak RSS MB': outcome.peakRssMb,
          'CPU s': outcome.cpuSeconds,
          errors: errorCount,
        },
      });
      rmSync(join(folder, `out-${setting}.jsonl`), { force: true });
    }
    const redis = process.env['LEDE_REDIS_URL'];
    const postgres = process.env['LEDE_PG_URL'];
    if (redis && postgres) {
      const queueCount = Number(option('--queue-inputs') ?? Math.min(target, 2000));
      const queueInput = join(folder, 'queue.jsonl');
      await writeInputs(queueInput, queueCount);
      rows.push(...(await queueRows(queueInput, queueCount, redis, postgres)));
    }
    return {
      task: 'scale',
      dataset: `${target} JSONL inputs (${(bytes / 1048576).toFixed(0)} MB): the ${articles} shared articles repeated (text and HTML)`,
      rows,
      notes: [
        `Each row is a fresh \`lede analyze --input-format jsonl … --workers N\` process (wall time from spawn to exit, model loading included), run as installed: \`bin/lede\`, which sets MALLOC_ARENA_MAX=2 (glibc) unless the caller set it; ${cpus().length} cores.`,
        'peak RSS = the process\'s maxRSS (main thread and all worker threads), CPU s = its user + system time.',
        redis && postgres ? 'Queue rows: `lede enqueue`, then 1 or 2 `lede worker` processes (one job at a time each) analysing and storing into PostgreSQL until the queue is empty.' : 'Queue rows need LEDE_REDIS_URL and LEDE_PG_URL (`eval "$(bash scripts/ci-services.sh)"`).',
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
