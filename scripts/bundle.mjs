// Bundles the compiled `lede` command and its threads (`dist/`, from tsc) into `dist/bundle/`
// with esbuild, for `bin/lede`.
//
// Compiled, the command and each analysis thread load about 550 modules (our ~110 and those of
// zod, linkedom, chrono-node, htmlparser2…), and Node resolves, reads and compiles each of them
// per thread: 0.37 s before an analysis thread could read its first model. Bundled, a thread
// loads three files in 0.15 s, and `lede ingest` reaches its first article that much sooner
// on every thread (`bundle` entries below). Packages that find files of their own at run time
// (a native addon, Lua scripts, a worker script) stay outside and load from node_modules as
// before; so do the web server's, which only `lede serve` loads.
//
// The entries keep the names the code looks for next to itself: the pool starts `./worker.js`
// and the SQLite writer `./sqlite-writer-thread.js`, relative to the module that starts them,
// which in the bundle is a file of `dist/bundle/`. Dynamic imports become chunks of their own,
// loaded when asked for, as before.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'bundle');

/** Packages loaded from node_modules at run time, not bundled. */
export const external = [
  'better-sqlite3', // a native addon found through `bindings`
  'pg', 'pg-native', // pg asks for the optional native driver by name
  'piscina', // starts its threads from a script of its own
  'bullmq', 'ioredis', // bullmq reads its Lua scripts from its folder
  'fastify', '@fastify/*', // the web server: loaded by `lede serve` alone
  'playwright-core',
];

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    lede: join(dist, 'cli', 'main.js'),
    worker: join(dist, 'pipeline', 'worker.js'),
    'sqlite-writer-thread': join(dist, 'store', 'sqlite-writer-thread.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // CommonJS packages inside an ES module bundle call `require` for Node's own modules.
  banner: { js: "import { createRequire as __ledeCreateRequire } from 'node:module'; const require = __ledeCreateRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});
