/**
 * What the reader test runs against: the app built by Vite into a temporary folder, served by
 * the real Lede server (`src/server/`) with a temporary SQLite store when that module exists,
 * else by a small static server whose `POST /analyze` runs the real default pipeline.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Pipeline } from '../../src/pipeline/pipeline.js';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Builds the reader with the project's Vite config into `outDir`. */
export async function buildReader(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

/** A running server for the reader. */
export interface ReaderServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `lede` when the real server runs, `fallback` for the static stand-in. */
  readonly kind: 'lede' | 'fallback';
  /** Why the stand-in runs (the real server's import error), for the test log. */
  readonly note?: string;
  /** The pipeline behind `POST /analyze`, for another server to share. */
  readonly pipeline: Pipeline;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The stand-in: static files from `webRoot` and `POST /analyze` through the real pipeline. */
async function startFallback(webRoot: string): Promise<ReaderServer> {
  const { createPipeline } = await import('../../src/pipeline/pipeline.js');
  const { defaultStages } = await import('../../src/pipeline/default-stages.js');
  const pipeline = await createPipeline(defaultStages());
  const server: Server = createServer((request, response) => {
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'POST' && path === '/analyze') {
      void readBody(request).then((raw) => {
        try {
          const input = JSON.parse(raw) as { text?: string; html?: string; published?: string; url?: string; id?: string };
          send(200, 'application/json', JSON.stringify(pipeline.analyze(input)));
        } catch (error) {
          const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'E_BAD_REQUEST';
          send(400, 'application/json', JSON.stringify({ error: { code, message: error instanceof Error ? error.message : String(error) } }));
        }
      });
      return;
    }
    const file = normalize(join(webRoot, path === '/' ? 'index.html' : path));
    if (request.method === 'GET' && file.startsWith(webRoot) && existsSync(file)) {
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
      return;
    }
    send(404, 'application/json', JSON.stringify({ error: { code: 'E_NOT_FOUND', message: `no ${request.method} ${path}` } }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'fallback',
    pipeline,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

/** Options of {@link startReaderServer}. */
export interface ReaderServerOptions {
  /** API token the real server demands (the stand-in ignores it). */
  readonly token?: string;
  /** A pipeline already built (building one takes over a second). */
  readonly pipeline?: Pipeline;
}

/** Starts the real Lede server on port 0 with a SQLite store at `dbPath`, or the stand-in when `src/server/` cannot be loaded yet. */
export async function startReaderServer(webRoot: string, dbPath: string, options: ReaderServerOptions = {}): Promise<ReaderServer> {
  let serverModule: typeof import('../../src/server/server.js');
  try {
    serverModule = await import('../../src/server/server.js');
  } catch (error) {
    const fallback = await startFallback(webRoot);
    return { ...fallback, note: `src/server/server.ts did not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): static stand-in with the real pipeline` };
  }
  const { openStore } = await import('../../src/store/open-store.js');
  const { createPipeline } = await import('../../src/pipeline/pipeline.js');
  const { defaultStages } = await import('../../src/pipeline/default-stages.js');
  const store = await openStore(dbPath);
  const pipeline = options.pipeline ?? (await createPipeline(defaultStages()));
  const app = serverModule.buildServer({ store, pipeline, webRoot, ...(options.token ? { token: options.token } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    kind: 'lede',
    pipeline,
    close: async () => {
      const closing = app.close();
      // The browser may keep a connection open after its page has closed (one CI run waited 15
      // minutes on it): the test is over, so every connection ends now.
      app.server.closeAllConnections();
      await closing;
      await store.close();
    },
  };
}
