/**
 * `postinstall`: applies `patches/` to the installed dependencies with `patch-package`, in a checkout
 * of this repository (where `npm ci` installed the dev dependencies). The one patch today makes
 * linkedom create a node's event-listener map on its first `addEventListener` instead of in every
 * node's constructor: a news page builds thousands of nodes and adds no listeners, and the per-node
 * WeakMap entry and Map were about a third of parsing it (HTML ingest 24 → 16 ms a page).
 * Installed as a package elsewhere (no `patches/` or no `patch-package` beside it) nothing is
 * patched and Lede runs the same, slower on HTML.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let cli;
try {
  cli = createRequire(join(root, 'package.json')).resolve('patch-package/index.js');
} catch {
  cli = undefined;
}
if (!existsSync(join(root, 'patches')) || !existsSync(join(root, 'node_modules')) || cli === undefined) {
  console.log('lede: dependency patches not applied (not a development checkout); HTML ingest runs unpatched');
  process.exit(0);
}
const result = spawnSync(process.execPath, [cli, '--error-on-fail'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
