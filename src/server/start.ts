/**
 * `lede serve`: opens the store, builds the default pipeline once and listens (127.0.0.1 by
 * default; anything wider needs an API token).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { LedeError } from '../errors.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { openStore } from '../store/open-store.js';
import { DEFAULT_SQLITE_PATH } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { buildServer } from './server.js';

/** Options of {@link startServer}. */
export interface StartOptions {
  /** SQLite file or `postgres://` URL; default `./lede.db`. */
  readonly dbPath?: string;
  /** Port; default 8080 (0 picks a free one). */
  readonly port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  readonly host?: string;
  /** API token (`Authorization: Bearer …`); required when `host` is not a loopback address. */
  readonly token?: string;
  /** Web reader folder; default `dist/web` of the package when it exists. */
  readonly webRoot?: string;
  /** Pipeline to run; default the default stages. */
  readonly pipeline?: Pipeline;
  /** Largest request body in bytes; default 10 MiB. */
  readonly bodyLimit?: number;
  /** fastify request logging; default off. */
  readonly logger?: boolean;
}

/** A listening server. */
export interface RunningServer {
  /** `http://127.0.0.1:8080` */
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The web reader's build folder inside the package (`dist/web`), whether run from `src/` or `dist/`. */
export function defaultWebRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'dist', 'web');
}

/** Opens the store, builds the pipeline and listens. Throws E_USAGE for a wide bind without a token, E_DB when the store fails. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.token) {
    throw new LedeError('E_USAGE', `refusing to listen on ${host} without an API token: give --token (or LEDE_TOKEN), or bind 127.0.0.1`);
  }
  const store = await openStore(options.dbPath ?? DEFAULT_SQLITE_PATH);
  try {
    const pipeline = options.pipeline ?? (await createPipeline(defaultStages()));
    const webRoot = options.webRoot ?? defaultWebRoot();
    const app = buildServer({
      store, pipeline,
      ...(options.token ? { token: options.token } : {}),
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
      ...(existsSync(join(webRoot, 'index.html')) ? { webRoot } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    await app.listen({ port: options.port ?? 8080, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      app,
      store,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    if (error instanceof LedeError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new LedeError('E_USAGE', `cannot listen on ${host}:${options.port ?? 8080} (${code})`);
    }
    throw error;
  }
}
