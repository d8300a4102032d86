/**
 * Vite build of the Lede web reader: `web/` in, static files in `dist/web` out, which
 * `lede serve` ships through its `webRoot` option. Everything (the world map included) is
 * bundled, so the reader works with no network beyond the local server.
 *
 * Build: `vite build --config web/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDirectory = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDirectory,
  // Relative asset URLs: the reader keeps working when the server mounts it under a prefix.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The 110m world atlas is ~100 kB; one bundle is simpler to ship than split chunks.
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on `lede serve`.
    proxy: Object.fromEntries(['/analyze', '/articles', '/search', '/entities', '/events', '/openapi.json'].map((path) => [path, 'http://127.0.0.1:8080'])),
  },
});
