/**
 * The HTTP API (fastify): a thin adapter over the pipeline and the store. Input is validated with
 * zod at the edge; every error leaves as `{error: {code, message}}` with the catalogue's HTTP
 * status, never a stack trace.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LedeError, errorRecord } from '../errors.js';
import type { AnalyzeOptions, ArticleInput, Pipeline } from '../pipeline/pipeline.js';
import { DEFAULT_MAX_BYTES } from '../stages/ingest/inputs.js';
import { eventsToCsv } from '../store/events-csv.js';
import { parseEventFilter, parseFilter } from '../store/filters.js';
import type { Store } from '../store/store.js';
import { openApiDocument } from './openapi.js';
import { ArticleBodySchema, ArticleQuerySchema } from './requests.js';

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** Where `POST /articles` stores and the GET routes read. */
  readonly store: Store;
  /** The pipeline `POST /analyze` and `POST /articles` run (built once, shared). */
  readonly pipeline: Pipeline;
  /** When set, every API route needs `Authorization: Bearer <token>` (the web reader's files do not). */
  readonly token?: string;
  /** Largest request body in bytes; default 10 MiB (the per-article limit of `lede analyze`). */
  readonly bodyLimit?: number;
  /** Folder of the built web reader (`dist/web`), served at `/` when it exists. */
  readonly webRoot?: string;
  /** fastify's logger option (default off; errors answered with E_INTERNAL are still logged when on). */
  readonly logger?: boolean;
}

const ContentIdSchema = z.object({ id: z.string().min(1).max(1000) });

function badRequest(error: z.ZodError, where: string): LedeError {
  return new LedeError('E_BAD_REQUEST', error.issues.map((issue) => `${where} ${issue.path.join('.') || 'value'}: ${issue.message}`).join('; '));
}

/** Turns a request (JSON, text/plain or text/html body) into a pipeline input and options. */
function articleInput(request: FastifyRequest): { input: string | ArticleInput; options: AnalyzeOptions } {
  const query = ArticleQuerySchema.safeParse(request.query ?? {});
  if (!query.success) throw badRequest(query.error, 'query parameter');
  const { id, published, url } = query.data;
  const options: AnalyzeOptions = { ...(id ? { id } : {}), ...(published ? { published } : {}), ...(url ? { url } : {}) };
  const body = request.body;
  if (typeof body === 'string') {
    if (!body.trim()) throw new LedeError('E_INPUT_EMPTY', `${id ?? 'request body'}: the input is empty`, id);
    const html = (request.headers['content-type'] ?? '').startsWith('text/html');
    return { input: body, options: { ...options, inputFormat: html ? 'html' : 'auto' } };
  }
  if (body === undefined || body === null) throw new LedeError('E_BAD_REQUEST', 'the request has no body: send JSON {"text": …} or {"html": …}, or text/plain or text/html');
  const parsed = ArticleBodySchema.safeParse(body);
  if (!parsed.success) throw badRequest(parsed.error, 'body field');
  const record = parsed.data;
  const input: ArticleInput = {
    ...(record.id !== undefined ? { id: String(record.id) } : {}),
    ...(record.text !== undefined ? { text: record.text } : {}),
    ...(record.html !== undefined ? { html: record.html } : {}),
    ...(record.published ? { published: record.published } : {}),
    ...(record.url ? { url: record.url } : {}),
  };
  if (!(input.text ?? input.html ?? '').trim()) throw new LedeError('E_INPUT_EMPTY', `${input.id ?? 'request body'}: the input is empty`, input.id);
  return { input, options };
}

function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Answers an error as `{error: {code, message}}` with the catalogue's status. */
function toHttpError(error: FastifyError | Error, bodyLimit: number): LedeError {
  if (error instanceof LedeError) return error;
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new LedeError('E_INPUT_TOO_LARGE', `the request body is larger than the ${bodyLimit}-byte limit`);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new LedeError('E_MEDIA_TYPE', `${error.message}: send application/json, text/plain or text/html`);
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new LedeError('E_BAD_REQUEST', 'the JSON body is empty');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return new LedeError('E_BAD_REQUEST', `the body is not valid JSON (${error.message})`);
  if (status !== undefined && status >= 400 && status < 500) return new LedeError('E_BAD_REQUEST', error.message);
  return new LedeError('E_INTERNAL', 'internal error: the server failed to answer this request (see the server log)');
}

const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

/** Resolves a URL path inside `root` (null when it escapes the folder or names no file). */
function staticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded).replace(/^([/\\])+/, '');
  const path = join(root, relativePath || 'index.html');
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      const index = join(path, 'index.html');
      return existsSync(index) ? index : null;
    }
    return stats.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Builds the fastify app (not listening: call `listen`, or `inject` in tests). */
export function buildServer(options: ServerOptions): FastifyInstance {
  const { store, pipeline } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_MAX_BYTES;
  const app = Fastify({ bodyLimit, logger: options.logger ?? false, return503OnClosing: true });
  const webRoot = options.webRoot && existsSync(options.webRoot) ? resolve(options.webRoot) : undefined;

  app.addContentTypeParser(['text/html'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const expected = options.token ? tokenDigest(options.token) : undefined;
  const isApi = (url: string): boolean => /^\/(analyze|articles|search|entities|events|stats)(\/|\?|$)/.test(url);
  app.addHook('onRequest', async (request) => {
    if (!expected || !isApi(request.url)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests so the time taken does not depend on how much of the token was right.
    if (!match?.[1] || !timingSafeEqual(tokenDigest(match[1].trim()), expected)) {
      throw new LedeError('E_UNAUTHORIZED', 'this server needs an API token: send "Authorization: Bearer <token>"');
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lede = toHttpError(error, bodyLimit);
    if (lede.code === 'E_INTERNAL') request.log.error(error);
    const headers: Record<string, string> = lede.code === 'E_UNAUTHORIZED' ? { 'www-authenticate': 'Bearer' } : {};
    void reply.status(lede.httpStatus).headers(headers).send({ error: errorRecord(lede) });
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (webRoot && (request.method === 'GET' || request.method === 'HEAD') && !isApi(request.url)) {
      const path = staticFile(webRoot, request.url);
      if (path) {
        return reply.type(STATIC_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream').send(createReadStream(path));
      }
    }
    throw new LedeError('E_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
  });

  app.post('/analyze', async (request) => {
    const { input, options: analyzeOptions } = articleInput(request);
    return pipeline.analyze(input, analyzeOptions);
  });

  app.post('/articles', async (request, reply) => {
    const { input, options: analyzeOptions } = articleInput(request);
    const doc = pipeline.analyze(input, analyzeOptions);
    const result = await store.putArticle(doc);
    const counts = { entities: doc.entities.length, quotes: doc.quotes.length, places: doc.places.length, timexes: doc.timexes.length, events: doc.events.length };
    void reply.status(result.status === 'created' ? 201 : 200).header('location', `/articles/${encodeURIComponent(result.id)}`);
    return { ...result, counts };
  });

  app.get('/articles/:id', async (request) => {
    const params = ContentIdSchema.safeParse(request.params);
    if (!params.success) throw badRequest(params.error, 'path parameter');
    const article = await store.getArticle(params.data.id);
    if (!article) throw new LedeError('E_NOT_FOUND', `no stored article has the id ${JSON.stringify(params.data.id)}`);
    return article;
  });

  app.get('/search', async (request) => store.search(parseFilter(request.query)));

  app.get('/entities', async (request) => {
    const query = z.object({ name: z.string().trim().min(1).max(200) }).strict().safeParse(request.query ?? {});
    if (!query.success) throw badRequest(query.error, 'query parameter');
    return { entities: await store.findEntities(query.data.name) };
  });

  app.get('/entities/:id', async (request) => {
    const params = ContentIdSchema.safeParse(request.params);
    if (!params.success) throw badRequest(params.error, 'path parameter');
    const record = await store.getEntity(params.data.id);
    if (!record) throw new LedeError('E_NOT_FOUND', `no stored entity has the id ${JSON.stringify(params.data.id)} (ids look like "org-aqim"; GET /entities?name=… finds them)`);
    return record;
  });

  app.get('/events', async (request, reply: FastifyReply) => {
    const { format, ...query } = (request.query ?? {}) as Record<string, unknown>;
    const events = await store.listEvents(parseEventFilter(query));
    const wantsCsv = format === 'csv' || (format === undefined && (request.headers.accept ?? '').includes('text/csv'));
    if (format !== undefined && format !== 'csv' && format !== 'json') throw new LedeError('E_BAD_REQUEST', `query parameter format: must be "json" or "csv", not ${JSON.stringify(format)}`);
    if (wantsCsv) return reply.type('text/csv; charset=utf-8').header('content-disposition', 'inline; filename="events.csv"').send(eventsToCsv(events));
    return { events };
  });

  app.get('/stats', async () => ({ ...(await store.stats()), schemaVersion: await store.schemaVersion(), store: store.kind }));

  let openApi: Record<string, unknown> | undefined;
  app.get('/openapi.json', async () => (openApi ??= openApiDocument()));

  return app;
}
