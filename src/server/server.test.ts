/**
 * The HTTP API in-process (`inject`) and on port 0, over a real SQLite store in a temp dir.
 * Storing routes use a stub pipeline that returns hand-built Docs (so the store has entities,
 * quotes and events whatever stages exist); `/analyze` also runs the real default pipeline.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Doc } from '../doc/schema.js';
import { LedeError } from '../errors.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { createPipeline, ingest, type Pipeline } from '../pipeline/pipeline.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { ACCENT_ARTICLE, buildDoc, PROTEST_ARTICLE, STRIKE_ARTICLE } from '../store/store-fixtures.js';
import { buildServer } from './server.js';
import { startServer } from './start.js';

const FIXTURES = [STRIKE_ARTICLE, PROTEST_ARTICLE, ACCENT_ARTICLE];

/** Real ingest (validation, HTML extraction, dates), then the hand-built layers of the fixture with that text. */
const stubPipeline: Pipeline = {
  stages: [],
  analyze(input, options = {}) {
    const doc = ingest(input, options);
    const spec = FIXTURES.find((fixture) => fixture.text === doc.source.trim());
    const built: Doc = spec ? buildDoc(spec) : { ...doc, text: doc.source };
    return { ...built, meta: { ...built.meta, ...doc.meta } };
  },
};

const tempDir = mkdtempSync(join(tmpdir(), 'lede-server-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

interface ErrorBody {
  error: { code: string; message: string };
}

function assertError(response: { statusCode: number; body: string }, status: number, code: string, messagePart?: RegExp): void {
  const body = JSON.parse(response.body) as ErrorBody;
  assert.equal(response.statusCode, status, response.body);
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  assert.equal(body.error.code, code, response.body);
  if (messagePart) assert.match(body.error.message, messagePart);
  assert.doesNotMatch(response.body, /\n\s+at |\.ts:\d+/, 'no stack trace');
}

describe('API in-process', () => {
  let store: Store;
  let app: FastifyInstance;
  let realApp: FastifyInstance;
  before(async () => {
    store = openSqliteStore(join(tempDir, 'api.db'));
    app = buildServer({ store, pipeline: stubPipeline, bodyLimit: 64 * 1024 });
    realApp = buildServer({ store, pipeline: await createPipeline(defaultStages()) });
    for (const spec of FIXTURES) {
      const response = await app.inject({ method: 'POST', url: '/articles', payload: { text: spec.text, ...(spec.id ? { id: spec.id } : {}), ...(spec.published ? { published: spec.published } : {}) } });
      assert.equal(response.statusCode, 201, response.body);
    }
  });
  after(async () => {
    await app?.close();
    await realApp?.close();
    await store?.close();
  });

  const ANALYZE_CASES: readonly { name: string; headers?: Record<string, string>; payload: string | object; check: (doc: Doc) => void }[] = [
    { name: 'JSON with text', payload: { text: 'Rain fell on Monday. Crowds stayed home.', published: '2024-05-06', id: 'a' }, check: (doc) => assert.deepEqual([doc.meta.id, doc.meta.published, doc.meta.format], ['a', '2024-05-06', 'text']) },
    { name: 'text/plain body', headers: { 'content-type': 'text/plain' }, payload: 'Rain fell on Monday.', check: (doc) => assert.equal(doc.text.trim(), 'Rain fell on Monday.') },
    { name: 'text/html body', headers: { 'content-type': 'text/html' }, payload: '<html><body><article><p>Rain fell on Monday across the whole region, and crowds stayed at home.</p></article></body></html>', check: (doc) => assert.equal(doc.meta.format, 'html') },
    { name: 'JSON with html', payload: { html: '<html><body><article><p>Rain fell on Monday across the whole region, and crowds stayed at home.</p></article></body></html>' }, check: (doc) => assert.match(doc.text, /Rain fell/) },
  ];
  for (const { name, headers, payload, check } of ANALYZE_CASES) {
    test(`POST /analyze reads ${name} and stores nothing`, async () => {
      const before = (await store.stats()).articles;
      const response = await realApp.inject({ method: 'POST', url: '/analyze', ...(headers ? { headers } : {}), payload });
      assert.equal(response.statusCode, 200, response.body);
      const doc = JSON.parse(response.body) as Doc;
      assert.ok(Array.isArray(doc.sentences) && doc.sentences.length > 0, 'sentences');
      check(doc);
      assert.equal((await store.stats()).articles, before);
    });
  }

  test('POST /analyze takes the date and id from the query for a text body', async () => {
    const response = await realApp.inject({ method: 'POST', url: '/analyze?published=2020-02-29&id=x1', headers: { 'content-type': 'text/plain' }, payload: 'It rained.' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([JSON.parse(response.body).meta.published, JSON.parse(response.body).meta.id], ['2020-02-29', 'x1']);
  });

  const BAD_REQUESTS: readonly { name: string; url?: string; headers?: Record<string, string>; payload?: string | object; status: number; code: string; message?: RegExp }[] = [
    { name: 'JSON without text or html', payload: { url: 'https://x.invalid' }, status: 400, code: 'E_BAD_REQUEST', message: /text.*html/ },
    { name: 'an unknown JSON field', payload: { text: 'a', colour: 'red' }, status: 400, code: 'E_BAD_REQUEST', message: /colour/ },
    { name: 'text of the wrong type', payload: { text: 42 }, status: 400, code: 'E_BAD_REQUEST', message: /text/ },
    { name: 'an impossible date', payload: { text: 'It rained.', published: '2019-02-30' }, status: 400, code: 'E_BAD_DATE', message: /2019-02-30/ },
    { name: 'empty text', payload: { text: '   ' }, status: 422, code: 'E_INPUT_EMPTY' },
    { name: 'an empty text/plain body', headers: { 'content-type': 'text/plain' }, payload: '', status: 422, code: 'E_INPUT_EMPTY' },
    { name: 'broken JSON', headers: { 'content-type': 'application/json' }, payload: '{"text": ', status: 400, code: 'E_BAD_REQUEST', message: /JSON/ },
    { name: 'a body over the size limit', payload: { text: 'x'.repeat(70 * 1024) }, status: 413, code: 'E_INPUT_TOO_LARGE', message: /65536-byte/ },
    { name: 'a content type it does not read', headers: { 'content-type': 'application/xml' }, payload: '<a/>', status: 415, code: 'E_MEDIA_TYPE' },
    { name: 'an unknown query parameter', url: '/analyze?colour=red', payload: { text: 'It rained.' }, status: 400, code: 'E_BAD_REQUEST', message: /colour/ },
  ];
  for (const { name, url, headers, payload, status, code, message } of BAD_REQUESTS) {
    test(`POST /analyze answers ${code} for ${name}`, async () => {
      const response = await app.inject({ method: 'POST', url: url ?? '/analyze', ...(headers ? { headers } : {}), ...(payload !== undefined ? { payload } : {}) });
      assertError(response, status, code, message);
    });
  }

  test('POST /articles stores, then updates the same article', async () => {
    const first = await app.inject({ method: 'POST', url: '/articles', payload: { id: 'new-1', text: 'A short note about nothing in particular.' } });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers.location, '/articles/new-1');
    assert.deepEqual(JSON.parse(first.body), { id: 'new-1', status: 'created', counts: { entities: 0, quotes: 0, places: 0, timexes: 0, events: 0 } });
    const again = await app.inject({ method: 'POST', url: '/articles', payload: { id: 'new-1', text: 'A short note about nothing in particular.' } });
    assert.equal(again.statusCode, 200);
    assert.equal(JSON.parse(again.body).status, 'updated');
  });

  test('GET /articles/:id gives the stored analysis; an unknown id is E_NOT_FOUND', async () => {
    const response = await app.inject({ url: '/articles/strike-2018' });
    assert.equal(response.statusCode, 200);
    const article = JSON.parse(response.body) as { id: string; doc: Doc };
    assert.equal(article.doc.events[0]?.acledSubType, 'Air/drone strike');
    assertError(await app.inject({ url: '/articles/nope' }), 404, 'E_NOT_FOUND', /nope/);
  });

  const SEARCHES: readonly { url: string; articles: readonly string[]; quotes?: readonly string[] }[] = [
    { url: '/search?q=Ubari', articles: ['strike-2018'] },
    { url: '/search?entity=AQIM&sort=date', articles: ['protest-2019', 'strike-2018'] },
    { url: '/search?type=Air%2Fdrone%20strike&place=Libya&from=2018-01-01&to=2018-12-31', articles: ['strike-2018'] },
    { url: '/search?entity=Robyn%20Mack', articles: ['strike-2018'], quotes: ['strike-2018/q1'] },
    { url: '/search?q=changed', articles: ['protest-2019'], quotes: ['protest-2019/q2'] },
  ];
  for (const { url, articles, quotes } of SEARCHES) {
    test(`GET ${decodeURIComponent(url)}`, async () => {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 200, response.body);
      const body = JSON.parse(response.body) as { total: number; articles: { id: string }[]; quotes: { articleId: string; quoteId: string }[] };
      assert.deepEqual(body.articles.map((hit) => hit.id), articles);
      if (quotes) assert.deepEqual(body.quotes.map((quote) => `${quote.articleId}/${quote.quoteId}`), quotes);
    });
  }

  const BAD_SEARCHES: readonly { url: string; message: RegExp }[] = [
    { url: '/search?from=2018-13', message: /from/ },
    { url: '/search?limit=0', message: /limit/ },
    { url: '/search?limit=ten', message: /limit/ },
    { url: '/search?colour=red', message: /colour/ },
    { url: '/events?format=xml', message: /format/ },
    { url: '/events?all=maybe', message: /all/ },
  ];
  for (const { url, message } of BAD_SEARCHES) {
    test(`GET ${url} is E_BAD_REQUEST naming the field`, async () => {
      assertError(await app.inject({ url }), 400, 'E_BAD_REQUEST', message);
    });
  }

  test('GET /entities/:id: mentions, quotes by them, events they take part in', async () => {
    const response = await app.inject({ url: '/entities/per-robyn-mack' });
    assert.equal(response.statusCode, 200, response.body);
    const body = JSON.parse(response.body) as { entity: { name: string }; mentions: unknown[]; quotes: { quoteId: string }[]; events: unknown[] };
    assert.equal(body.entity.name, 'Robyn Mack');
    assert.equal(body.mentions.length, 1);
    assert.deepEqual(body.quotes.map((quote) => quote.quoteId), ['q1']);
    assertError(await app.inject({ url: '/entities/per-nobody' }), 404, 'E_NOT_FOUND', /per-nobody/);
  });

  test('GET /entities?name= finds entities by name or alias', async () => {
    const body = JSON.parse((await app.inject({ url: '/entities?name=mack' })).body) as { entities: { id: string }[] };
    assert.deepEqual(body.entities.map((entity) => entity.id).sort(), ['per-mack', 'per-robyn-mack']);
  });

  test('GET /events as JSON, and as CSV by Accept or format', async () => {
    const json = JSON.parse((await app.inject({ url: '/events?type=assault' })).body) as { events: { articleId: string; eventId: string }[] };
    assert.deepEqual(json.events.map((event) => `${event.articleId}/${event.eventId}`), ['protest-2019/ev2', 'strike-2018/ev1']);
    for (const request of [{ url: '/events?type=assault', headers: { accept: 'text/csv' } }, { url: '/events?type=assault&format=csv' }]) {
      const response = await app.inject(request);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      const lines = response.body.trimEnd().split('\r\n');
      assert.equal(lines[0], 'event_date,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,fatalities,source,notes');
      assert.equal(lines.length, 3);
      assert.match(lines[2] ?? '', /^2018-03-24,Explosions\/Remote violence,Air\/drone strike,US Africa Command,AQIM,Libya,Ubari,/);
    }
  });

  test('GET /openapi.json describes every route', async () => {
    const document = JSON.parse((await app.inject({ url: '/openapi.json' })).body) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(Object.keys(document.paths).sort(), ['/analyze', '/articles', '/articles/{id}', '/entities', '/entities/{id}', '/events', '/openapi.json', '/search', '/stats'].sort());
  });

  test('an unknown route is E_NOT_FOUND', async () => {
    assertError(await app.inject({ url: '/nothing-here' }), 404, 'E_NOT_FOUND', /nothing-here/);
  });
});

describe('API errors from the store', () => {
  const failing = (error: Error): Store => {
    const fail = () => Promise.reject(error);
    return { kind: 'sqlite', location: 'x', putArticle: fail, putArticles: fail, putRows: fail, getArticle: fail, search: fail, getEntity: fail, findEntities: fail, listEvents: fail, schemaVersion: fail, stats: fail, close: async () => undefined };
  };

  test('an unexpected failure is E_INTERNAL with no detail leaked', async () => {
    const app = buildServer({ store: failing(new TypeError('secret internals at /home/x.ts:12')), pipeline: stubPipeline });
    try {
      const response = await app.inject({ url: '/search?q=x' });
      assertError(response, 500, 'E_INTERNAL');
      assert.doesNotMatch(response.body, /secret internals/);
    } finally {
      await app.close();
    }
  });

  test('a database failure is E_DB (503)', async () => {
    const app = buildServer({ store: failing(new LedeError('E_DB', 'lede.db: database error: disk I/O error')), pipeline: stubPipeline });
    try {
      assertError(await app.inject({ url: '/stats' }), 503, 'E_DB', /disk I\/O/);
    } finally {
      await app.close();
    }
  });
});

describe('API token', () => {
  let store: Store;
  let app: FastifyInstance;
  before(() => {
    store = openSqliteStore(join(tempDir, 'token.db'));
    app = buildServer({ store, pipeline: stubPipeline, token: 's3cret' });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const CASES: readonly { name: string; headers: Record<string, string>; status: number }[] = [
    { name: 'no token', headers: {}, status: 401 },
    { name: 'a wrong token', headers: { authorization: 'Bearer s3cre' }, status: 401 },
    { name: 'the token but not as Bearer', headers: { authorization: 's3cret' }, status: 401 },
    { name: 'the right token', headers: { authorization: 'Bearer s3cret' }, status: 200 },
  ];
  for (const { name, headers, status } of CASES) {
    test(`GET /stats with ${name} is ${status}`, async () => {
      const response = await app.inject({ url: '/stats', headers });
      if (status === 401) {
        assertError(response, 401, 'E_UNAUTHORIZED');
        assert.equal(response.headers['www-authenticate'], 'Bearer');
      } else assert.equal(response.statusCode, status);
    });
  }

  test('the OpenAPI document needs no token', async () => {
    assert.equal((await app.inject({ url: '/openapi.json' })).statusCode, 200);
  });
});

describe('static web reader files', () => {
  let store: Store;
  let app: FastifyInstance;
  before(() => {
    const web = join(tempDir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Lede</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tempDir, 'secret.txt'), 'outside the web root');
    store = openSqliteStore(join(tempDir, 'web.db'));
    app = buildServer({ store, pipeline: stubPipeline, webRoot: web, token: 't' });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test('/ is the reader, assets have their content type, with no token', async () => {
    const index = await app.inject({ url: '/' });
    assert.equal(index.statusCode, 200);
    assert.match(String(index.headers['content-type']), /^text\/html/);
    const script = await app.inject({ url: '/assets/app.js' });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
  });

  for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/missing.js']) {
    test(`${url} is E_NOT_FOUND`, async () => {
      assertError(await app.inject({ url }), 404, 'E_NOT_FOUND');
    });
  }
});

describe('server on port 0', () => {
  test('startServer listens on 127.0.0.1, answers over HTTP and closes', async () => {
    const server = await startServer({ dbPath: join(tempDir, 'port0.db'), port: 0, pipeline: stubPipeline, webRoot: join(tempDir, 'no-web') });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const stored = await fetch(`${server.url}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 's1', text: STRIKE_ARTICLE.text }) });
      assert.equal(stored.status, 201);
      const response = await fetch(`${server.url}/search?q=Ubari`);
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as { articles: { id: string }[] }).articles.map((hit) => hit.id), ['s1']);
    } finally {
      await server.close();
    }
  });

  test('startServer refuses a wide bind without a token', async () => {
    await assert.rejects(startServer({ dbPath: join(tempDir, 'wide.db'), host: '0.0.0.0', port: 0, pipeline: stubPipeline }), (error: unknown) => error instanceof LedeError && error.code === 'E_USAGE' && /token/.test(error.message));
  });
});
