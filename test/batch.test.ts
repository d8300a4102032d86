/**
 * Streaming batches: order kept, one line per input, and a batch killed mid-run resumes with
 * `--resume` to hold every id exactly once with the same results as a clean run.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'lede-batch-'));
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8' });

function story(index: number): string {
  return `KESTREL BAY (Lede Wire) — Storm number ${index} cut power to ${index * 10 + 3} homes on Monday, the utility said.\n\n“Crews are out,” spokesperson Lena Ortiz${index} said. Schools will stay closed until Thursday.`;
}

function writeBatch(name: string, count: number): string {
  const path = join(work, name);
  const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ id: `s${index}`, text: story(index), published: '2025-03-03' }));
  lines.splice(7, 0, 'this line is not JSON');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function outputLines(path: string): { id: string; error?: { code: string } }[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; error?: { code: string } });
}

test('a worker-pool batch keeps input order and writes one line per input', () => {
  const input = writeBatch('ordered.jsonl', 30);
  const output = join(work, 'ordered.out.jsonl');
  const result = cli(['analyze', input, '-o', output, '--workers', '2']);
  assert.equal(result.status, 0, result.stderr);
  const ids = outputLines(output).map((line) => line.id);
  assert.deepEqual(ids, [...Array.from({ length: 7 }, (_, k) => `s${k}`), `${input}:8`, ...Array.from({ length: 23 }, (_, k) => `s${k + 7}`)]);
  assert.match(result.stderr, /31 articles written, errors: E_BAD_RECORD 1/);
});

test('a batch killed mid-run resumes to every id exactly once, identical to a clean run', { timeout: 240_000 }, async () => {
  const input = writeBatch('resume.jsonl', 400);
  const clean = join(work, 'clean.out.jsonl');
  assert.equal(cli(['analyze', input, '-o', clean, '--workers', '0']).status, 0);
  const output = join(work, 'resume.out.jsonl');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'analyze', input, '-o', output, '--workers', '2'], { cwd: root, stdio: 'ignore' });
  // Kill it once some output exists but well before the end.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !(existsSync(output) && statSync(output).size > 20_000)) await new Promise((resolve) => setTimeout(resolve, 50));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const partial = readFileSync(output, 'utf8').split('\n').filter(Boolean).length;
  assert.ok(partial > 0 && partial < 401, `killed after ${partial} lines`);
  const resumed = cli(['analyze', input, '-o', output, '--workers', '2', '--resume']);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.match(resumed.stderr, /already done \(skipped\)/);
  const lines = readFileSync(output, 'utf8').trim().split('\n');
  const ids = lines.map((line) => (JSON.parse(line) as { id: string }).id);
  assert.equal(new Set(ids).size, ids.length, 'an id appears twice');
  assert.equal(ids.length, 401);
  const cleanById = new Map(readFileSync(clean, 'utf8').trim().split('\n').map((line) => [(JSON.parse(line) as { id: string }).id, line]));
  for (const line of lines) assert.equal(line, cleanById.get((JSON.parse(line) as { id: string }).id), 'a resumed result differs from the clean run');
});

test('--resume without --output is a usage error', () => {
  const result = cli(['analyze', writeBatch('x.jsonl', 3), '--resume']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--resume needs --output/);
});
