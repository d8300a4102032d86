/**
 * Many machines, for real: a Redis server and a PostgreSQL server (started by scripts/ci-services.sh
 * in CI), several `lede worker` processes, one of them killed mid-batch. After retries every
 * article is in the store exactly once, its analysis is the same as a clean in-process run, and
 * an unreadable article is in the dead-letter list with its reason.
 * Skips when Redis or PostgreSQL is not reachable.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { clearQueue, queueStatus } from '../src/queue/queue.js';
import { openStore } from '../src/store/open-store.js';

const root = join(import.meta.dirname, '..');
const redisUrl = process.env['LEDE_REDIS_URL'] ?? 'redis://127.0.0.1:63799';
const adminUrl = process.env['LEDE_PG_URL'] ?? 'postgres://lede@127.0.0.1:54329/lede';

function reachable(): string | false {
  const redis = new URL(redisUrl);
  const ping = spawnSync('redis-cli', ['-h', redis.hostname, '-p', redis.port || '6379', 'ping'], { encoding: 'utf8' });
  if (ping.stdout?.trim() !== 'PONG') return `no Redis at ${redisUrl} (run scripts/ci-services.sh)`;
  const postgres = new URL(adminUrl);
  const ready = spawnSync('pg_isready', ['-h', postgres.hostname, '-p', postgres.port || '5432'], { encoding: 'utf8' });
  if (ready.status !== 0) return `no PostgreSQL at ${adminUrl} (run scripts/ci-services.sh)`;
  return false;
}
const skip = reachable();

const PLACES = ['Portmere', 'Saltby', 'Arden', 'Northfield', 'Kestrel Bay', 'Marrow', 'Linton', 'Vale'];
function article(index: number): string {
  const place = PLACES[index % PLACES.length]!;
  return `${place.toUpperCase()} (Lede Wire) — Officials in ${place} said on Tuesday that ${index + 2} people were injured when a storm hit the town, the ${index}th such storm this year.\n\n“We are doing what we can,” Mayor Anna Berg${index} told reporters. The Red Cross opened ${index % 5 + 1} shelters.`;
}

function worker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'worker', '--queue', redisUrl, '--db', databaseUrl, '--lock-ms', '2000'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('workers on a Redis queue survive a killed worker: every article stored exactly once, same results', { skip, timeout: 300_000 }, async () => {
  const databaseName = `lede_queue_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${databaseName}`);
  const workers: ChildProcess[] = [];
  try {
    await clearQueue(redisUrl);
    const count = 40;
    const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ id: `story-${index}`, text: article(index), published: '2025-06-10' }));
    lines.push(JSON.stringify({ id: 'story-empty', text: '   ' }));
    const folder = mkdtempSync(join(tmpdir(), 'lede-queue-'));
    const batch = join(folder, 'batch.jsonl');
    writeFileSync(batch, `${lines.join('\n')}\n`);
    const enqueue = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'enqueue', batch, '--queue', redisUrl], { cwd: root, encoding: 'utf8' });
    assert.equal(enqueue.status, 0, enqueue.stderr);
    assert.match(enqueue.stderr, /41 articles queued/);

    for (let k = 0; k < 3; k++) workers.push(worker(databaseUrl));
    const store = await openStore(databaseUrl);
    try {
      // Kill one worker once work is under way.
      await waitFor(async () => (await store.stats()).articles >= 5, 120_000, 'the first stored articles');
      workers[0]!.kill('SIGKILL');
      workers.push(worker(databaseUrl));
      await waitFor(async () => {
        const status = await queueStatus(redisUrl);
        return (status.counts['waiting'] ?? 0) + (status.counts['active'] ?? 0) + (status.counts['delayed'] ?? 0) + (status.counts['prioritized'] ?? 0) === 0;
      }, 180_000, 'the queue to drain');

      const status = await queueStatus(redisUrl);
      assert.deepEqual(status.deadLetters.map((letter) => [letter.id, letter.code]), [['story-empty', 'E_INPUT_EMPTY']]);
      assert.equal((await store.stats()).articles, count, 'articles stored');
      const pipeline = await createPipeline(defaultStages());
      for (let index = 0; index < count; index++) {
        const stored = await store.getArticle(`story-${index}`);
        assert.ok(stored, `story-${index} missing`);
        const clean = pipeline.analyze({ id: `story-${index}`, text: article(index), published: '2025-06-10' });
        assert.deepEqual(stored.doc, clean, `story-${index} differs from a clean run`);
      }
    } finally {
      await store.close();
    }
  } finally {
    for (const child of workers) child.kill('SIGTERM');
    await Promise.all(workers.map((child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)))));
    await clearQueue(redisUrl).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
});
