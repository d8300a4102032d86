// Runs every *.test.ts under src/ and test/ with Node's built-in test runner (through tsx).
// Tests that need ../shared skip themselves when it is absent.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (name !== 'node_modules') find(path, out); }
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
const only = process.argv.slice(2);
const files = only.length ? only : [...find('src', []), ...find('test', [])].sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
