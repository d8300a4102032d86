/**
 * One suite, run against a real SQLite file in a temp dir and against a real PostgreSQL server
 * (`LEDE_PG_URL`, default the cluster `scripts/ci-services.sh` starts; skipped with a message when
 * none answers). Every case asserts the same answer on both back ends.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Doc } from '../doc/schema.js';
import { LedeError } from '../errors.js';
import { eventsToCsv } from './events-csv.js';
import { DEFAULT_POSTGRES_URL, openPostgresStore, POSTGRES_MIGRATIONS } from './postgres-store.js';
import { articleSearch, numberPlaceholders, POSTGRES_DIALECT, searchTotal, SQLITE_DIALECT } from './queries.js';
import { openSqliteStore, SQLITE_MIGRATIONS } from './sqlite-store.js';
import type { EventFilter, Filter, Store } from './store.js';
import { ACCENT_ARTICLE, buildDoc, PROTEST_ARTICLE, STRIKE_ARTICLE } from './store-fixtures.js';

const PG_URL = process.env['LEDE_PG_URL'] ?? DEFAULT_POSTGRES_URL;

/** A fresh schema on the PostgreSQL server for this run (so parallel runs never meet), or why not. */
async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> } | { skip: string }> {
  const schema = `lede_test_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    return { skip: `PostgreSQL not reachable at ${PG_URL} (${error instanceof Error ? error.message : String(error)}): run scripts/ci-services.sh or set LEDE_PG_URL` };
  }
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: PG_URL });
      await cleaner.connect();
      await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleaner.end();
    },
  };
}

const postgres = await postgresSchema();
const tempDir = mkdtempSync(join(tmpdir(), 'lede-store-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

interface Backend {
  readonly name: string;
  readonly skip: string | false;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

const backends: Backend[] = [
  { name: 'SQLite', skip: false, open: async () => openSqliteStore(join(tempDir, 'suite.db')), cleanup: async () => undefined },
  'skip' in postgres
    ? { name: 'PostgreSQL', skip: postgres.skip, open: () => Promise.reject(new Error(postgres.skip)), cleanup: async () => undefined }
    : { name: 'PostgreSQL', skip: false, open: () => openPostgresStore(postgres.url), cleanup: postgres.drop },
];

const strike = buildDoc(STRIKE_ARTICLE);
const protest = buildDoc(PROTEST_ARTICLE);
const accent = buildDoc(ACCENT_ARTICLE);

/** Search cases: filter → ids of the articles found (in order), with the total. */
const SEARCH_CASES: readonly { name: string; filter: Filter; articles: readonly string[] }[] = [
  { name: 'full text: one word', filter: { q: 'Ubari' }, articles: ['strike-2018'] },
  { name: 'full text: all words must occur', filter: { q: 'strike Tripoli' }, articles: [] },
  { name: 'full text: a phrase', filter: { q: '"air strike"' }, articles: ['strike-2018'] },
  { name: 'full text: words out of order are not the phrase', filter: { q: '"strike air"' }, articles: [] },
  { name: 'full text: a hyphenated name is a phrase', filter: { q: 'al-Qaeda' }, articles: ['strike-2018'] },
  { name: 'full text: a prefix', filter: { q: 'protest*' }, articles: ['protest-2019'] },
  { name: 'full text: accents and case are ignored', filter: { q: 'ZURICH cafe' }, articles: [accent.meta.id ?? 'sha'] },
  { name: 'full text: the title counts', filter: { q: 'Ubari strike', sort: 'date' }, articles: ['strike-2018'] },
  { name: 'full text: a word in both, by date', filter: { q: 'Libya', sort: 'date' }, articles: ['protest-2019', 'strike-2018'] },
  { name: 'entity by alias: every article that mentions AQIM', filter: { entity: 'AQIM' }, articles: ['protest-2019', 'strike-2018'] },
  { name: 'entity by store id', filter: { entity: 'org-us-africa-command' }, articles: ['strike-2018'] },
  { name: 'entity unknown', filter: { entity: 'Nobody Known' }, articles: [] },
  { name: 'event type in a place in a date range', filter: { type: 'Air/drone strike', place: 'Libya', from: '2018-01-01', to: '2018-12-31' }, articles: ['strike-2018'] },
  { name: 'event type: PLOVER, any case', filter: { type: 'assault' }, articles: ['protest-2019', 'strike-2018'] },
  { name: 'event type and place must hold for the same event', filter: { type: 'protest', place: 'Mali' }, articles: [] },
  { name: 'event dates: a year-precision date overlaps the range', filter: { type: 'ASSAULT', place: 'ML', from: '2018-06-01', to: '2018-06-30' }, articles: ['protest-2019'] },
  { name: 'place by country code without a type', filter: { place: 'LY' }, articles: ['protest-2019', 'strike-2018'] },
  { name: 'place by city name', filter: { place: 'tripoli' }, articles: ['protest-2019'] },
  { name: 'publication dates without a type', filter: { from: '2019-01-01' }, articles: ['protest-2019'] },
  { name: 'no filter: everything, newest first, undated last', filter: {}, articles: ['protest-2019', 'strike-2018', accent.meta.id ?? 'sha'] },
  { name: 'paging', filter: { limit: 1, offset: 1 }, articles: ['strike-2018'] },
];

/** Event cases: filter → `articleId/eventId` in order. */
const EVENT_CASES: readonly { name: string; filter: EventFilter; events: readonly string[] }[] = [
  { name: 'every event, by date, negated left out', filter: {}, events: ['protest-2019/ev2', 'strike-2018/ev1', 'protest-2019/ev1'] },
  { name: 'negated and hypothetical on request', filter: { all: true }, events: ['protest-2019/ev2', 'strike-2018/ev1', 'protest-2019/ev1', 'protest-2019/ev3'] },
  { name: 'air strikes in Libya in 2018', filter: { type: 'air/drone strike', place: 'Libya', from: '2018-01-01', to: '2018-12-31' }, events: ['strike-2018/ev1'] },
  { name: 'a place by city', filter: { place: 'Ubari' }, events: ['strike-2018/ev1'] },
  { name: 'an entity takes part (by alias)', filter: { entity: 'AQIM' }, events: ['protest-2019/ev2', 'strike-2018/ev1'] },
  { name: 'full text of the article', filter: { q: 'protesters' }, events: ['protest-2019/ev2', 'protest-2019/ev1'] },
  { name: 'a range with nothing in it', filter: { from: '2020-01-01' }, events: [] },
];

for (const backend of backends) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
      for (const doc of [strike, protest, accent]) await store.putArticle(doc);
    });
    after(async () => {
      await store?.close();
      await backend.cleanup();
    });

    test('the schema is migrated to the latest version, and reopening keeps the data', async () => {
      assert.equal(await store.schemaVersion(), store.kind === 'sqlite' ? SQLITE_MIGRATIONS.length : POSTGRES_MIGRATIONS.length);
      const again = await backend.open();
      try {
        assert.equal((await again.stats()).articles, 3);
      } finally {
        await again.close();
      }
    });

    test('an article comes back with its full analysis', async () => {
      const stored = await store.getArticle('strike-2018');
      assert.ok(stored);
      assert.deepEqual(stored.doc, strike);
      assert.equal(stored.title, 'US air strike near Ubari');
      assert.equal(stored.published, '2018-03-26');
      assert.equal(await store.getArticle('no-such-article'), null);
    });

    test('an article without an id is stored under its content hash', async () => {
      const [hit] = (await store.search({ q: 'Limmat' })).articles;
      assert.match(hit?.id ?? '', /^sha-[0-9a-f]{16}$/);
      assert.equal(hit?.title, ACCENT_ARTICLE.text);
    });

    for (const { name, filter, articles } of SEARCH_CASES) {
      test(`search: ${name}`, async () => {
        const result = await store.search(filter);
        const expected = articles.map((id) => (id === 'sha' ? result.articles.find((hit) => hit.id.startsWith('sha-'))?.id : id));
        const found = result.articles.map((hit) => hit.id);
        assert.deepEqual(found.map((id) => (id.startsWith('sha-') ? 'sha' : id)), expected.map((id) => (id?.startsWith('sha-') ? 'sha' : id)), `${JSON.stringify(filter)} found ${JSON.stringify(found)}`);
        if (filter.limit === undefined) assert.equal(result.total, articles.length);
      });
    }

    test('search: a snippet shows the words found', async () => {
      const [hit] = (await store.search({ q: 'pressure' })).articles;
      assert.match(hit?.snippet ?? '', /keep up the pressure/);
    });

    test('every statement by a person: quotes by speaker entity', async () => {
      const quotes = (await store.search({ entity: 'Robyn Mack' })).quotes;
      assert.deepEqual(quotes.map((quote) => [quote.articleId, quote.text, quote.speaker, quote.speakerEntity]), [
        ['strike-2018', '"We will keep up the pressure,"', 'Robyn Mack', 'per-robyn-mack'],
      ]);
    });

    test('quotes by their words', async () => {
      const quotes = (await store.search({ q: 'nothing changed' })).quotes;
      assert.deepEqual(quotes.map((quote) => `${quote.articleId}/${quote.quoteId}`), ['protest-2019/q2']);
    });

    test('entities merge across articles by name and alias, not by a bare surname', async () => {
      const aqim = await store.findEntities('AQIM');
      assert.deepEqual(aqim.map((entity) => [entity.id, entity.articles, [...entity.aliases]]), [['org-al-qaeda-in-the-islamic-maghreb', 2, ['AQIM']]]);
      const mack = await store.findEntities('Mack');
      assert.deepEqual(mack.map((entity) => entity.id).sort(), ['per-mack', 'per-robyn-mack']);
    });

    test('an entity with its mentions, quotes and events', async () => {
      const record = await store.getEntity('org-al-qaeda-in-the-islamic-maghreb');
      assert.ok(record);
      assert.deepEqual(record.mentions.map((mention) => `${mention.articleId} [${mention.start},${mention.end}) "${mention.text}"`), [
        'protest-2019 [72,76) "AQIM"',
        'strike-2018 [93,124) "al-Qaeda in the Islamic Maghreb"',
        'strike-2018 [126,130) "AQIM"',
      ]);
      assert.deepEqual(record.events.map((event) => `${event.articleId}/${event.eventId} ${event.role}`), ['protest-2019/ev2 actor', 'strike-2018/ev1 target', 'protest-2019/ev3 actor']);
      assert.deepEqual(record.quotes, []);
      const speaker = await store.getEntity('PER-ROBYN-MACK');
      assert.deepEqual(speaker?.quotes.map((quote) => quote.quoteId), ['q1']);
      assert.equal(await store.getEntity('per-nobody'), null);
    });

    for (const { name, filter, events } of EVENT_CASES) {
      test(`events: ${name}`, async () => {
        const found = (await store.listEvents(filter)).map((event) => `${event.articleId}/${event.eventId}`);
        assert.deepEqual(found, events, JSON.stringify(filter));
      });
    }

    test('events carry ACLED-like fields and export as CSV', async () => {
      const [event] = await store.listEvents({ type: 'Air/drone strike' });
      assert.ok(event);
      assert.deepEqual(
        [event.date, event.actor1, event.actor2, event.country, event.location, event.latitude, event.longitude, event.fatalities],
        ['2018-03-24', 'US Africa Command', 'AQIM', 'Libya', 'Ubari', 26.59, 12.78, 2],
      );
      const csv = eventsToCsv([event]).split('\r\n');
      assert.equal(csv[0], 'event_date,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,fatalities,source,notes');
      assert.match(csv[1] ?? '', /^2018-03-24,Explosions\/Remote violence,Air\/drone strike,US Africa Command,AQIM,Libya,Ubari,26\.59,12\.78,2,,"US forces carried out/);
    });

    test('an event without a date of its own takes the publication date', async () => {
      const [event] = await store.listEvents({ type: 'Attack', all: true });
      assert.deepEqual([event?.eventId, event?.date, event?.dateStart], ['ev3', '2019-07-02', '2019-07-02']);
    });

    test('re-ingesting the same id updates in place and drops what the new analysis no longer has', async () => {
      const before = await store.stats();
      const revised: Doc = { ...strike, quotes: [], meta: { ...strike.meta, title: 'Revised title' } };
      assert.deepEqual(await store.putArticle(revised), { id: 'strike-2018', status: 'updated' });
      const afterRevision = await store.stats();
      assert.equal(afterRevision.articles, before.articles);
      assert.equal(afterRevision.quotes, before.quotes - 1);
      assert.equal((await store.getArticle('strike-2018'))?.title, 'Revised title');
      assert.deepEqual((await store.search({ q: 'Revised' })).articles.map((hit) => hit.id), ['strike-2018']);
      assert.deepEqual(await store.putArticle(strike), { id: 'strike-2018', status: 'updated' });
      assert.deepEqual(await store.stats(), before);
    });

    test('re-ingesting the same text under another id updates the stored copy', async () => {
      const before = await store.stats();
      const copy: Doc = { ...protest, meta: { ...protest.meta, id: 'protest-copy' } };
      assert.deepEqual(await store.putArticle(copy), { id: 'protest-2019', status: 'updated' });
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.getArticle('protest-copy'), null);
    });

    test('an entity only one article mentioned goes when that article no longer names it', async () => {
      const before = (await store.stats()).entities;
      const revised: Doc = { ...protest, entities: protest.entities.filter((entity) => entity.name !== 'Ahmed Salem'), quotes: protest.quotes.filter((quote) => quote.speakerEntity !== 'e3') };
      await store.putArticle(revised);
      assert.equal((await store.stats()).entities, before - 1);
      assert.equal(await store.getEntity('per-ahmed-salem'), null);
      await store.putArticle(protest);
      assert.equal((await store.stats()).entities, before);
    });

    test('counts of everything stored', async () => {
      assert.deepEqual(await store.stats(), { articles: 3, entities: 5, mentions: 7, quotes: 3, places: 4, timexes: 3, events: 4 });
    });
  });
}

/** An article naming `count` different organisations, each once (`Zq00001` … : same length, none inside another). */
function manyEntities(count: number, id: string): Doc {
  const names = Array.from({ length: count }, (_, index) => `Zq${String(index + 1).padStart(5, '0')}`);
  return buildDoc({ id, text: `${names.join(' met ')}.`, entities: names.map((name) => ({ name, type: 'ORG', mentions: [name] })) });
}

test('an article naming more entities than a statement may bind (SQLite: 32,766) is stored, and stored again without duplicates', { timeout: 120_000 }, async () => {
  const store = await openSqliteStore(join(tempDir, 'many-entities.db'));
  try {
    const doc = manyEntities(33_000, 'many-entities');
    await store.putArticle(doc);
    await store.putArticle(doc);
    const stats = await store.stats();
    assert.equal(stats.articles, 1);
    assert.equal(stats.entities, 33_000);
    assert.equal(stats.mentions, 33_000);
  } finally {
    await store.close();
  }
});

test('a SQLite file that cannot be created is an E_DB error naming it', () => {
  const blocker = join(tempDir, 'a-file');
  writeFileSync(blocker, 'not a directory');
  const path = join(blocker, 'store.db');
  assert.throws(() => openSqliteStore(path), (error: unknown) => error instanceof LedeError && error.code === 'E_DB' && error.message.includes(path));
});

test('a PostgreSQL server that does not answer is an E_DB error naming it (password hidden)', async () => {
  await assert.rejects(openPostgresStore('postgres://lede:secret@127.0.0.1:1/lede', { connectTimeoutMs: 1000 }), (error: unknown) =>
    error instanceof LedeError && error.code === 'E_DB' && error.message.includes('127.0.0.1:1') && !error.message.includes('secret'));
});

test('both back ends give the same answers to the same queries', { skip: 'skip' in postgres ? postgres.skip : false }, async () => {
  if ('skip' in postgres) return;
  const sqlite = openSqliteStore(join(tempDir, 'compare.db'));
  const schema = await postgresSchema();
  assert.ok(!('skip' in schema));
  const server = await openPostgresStore(schema.url);
  try {
    for (const store of [sqlite, server]) for (const doc of [strike, protest, accent]) await store.putArticle(doc);
    const ask = async (store: Store): Promise<unknown> => ({
      searches: await Promise.all(SEARCH_CASES.map((c) => store.search({ ...c.filter, sort: 'date' }))),
      events: await Promise.all(EVENT_CASES.map((c) => store.listEvents(c.filter))),
      entities: await Promise.all(['org-al-qaeda-in-the-islamic-maghreb', 'per-robyn-mack', 'per-mack', 'org-us-africa-command'].map((id) => store.getEntity(id))),
      names: await Promise.all(['AQIM', 'Mack', 'Ahmed Salem'].map((name) => store.findEntities(name))),
      stats: await store.stats(),
    });
    assert.deepEqual(await ask(server), await ask(sqlite));
  } finally {
    await sqlite.close();
    await server.close();
    await schema.drop();
  }
});

test('relevance: an older article with the words in its headline ranks above many newer ones that only mention them, on both back ends', { skip: 'skip' in postgres ? postgres.skip : false }, async () => {
  if ('skip' in postgres) return;
  const headline = buildDoc({ id: 'drought-2010', title: 'Drought grips Somalia', published: '2010-05-01', text: 'Drought grips Somalia. The drought is the worst in decades.' });
  // More newer mentions than PostgreSQL ranks by date alone (its rankCandidates).
  const newer = Array.from({ length: 120 }, (_, index) => {
    const day = new Date(Date.UTC(2015, 0, 1 + index)).toISOString().slice(0, 10);
    return buildDoc({ id: `market-${index}`, title: `Market report ${index}`, published: day, text: `Shares rose on day ${index}. Farmers worried about drought.` });
  });
  const sqlite = openSqliteStore(join(tempDir, 'relevance.db'));
  const schema = await postgresSchema();
  assert.ok(!('skip' in schema));
  const server = await openPostgresStore(schema.url);
  try {
    for (const store of [sqlite, server]) {
      await store.putArticles([headline, ...newer]);
      const result = await store.search({ q: 'drought', limit: 3 });
      assert.equal(result.total, 121, store.kind);
      assert.equal(result.articles[0]?.id, 'drought-2010', `${store.kind}: ${result.articles.map((hit) => hit.id).join(', ')}`);
      assert.equal(result.totalExact, true);
    }
    // A count past the cap stops there and says so (the stores count up to SEARCH_COUNT_CAP).
    const countWith = async (cap: number): Promise<unknown[]> => {
      const { count: sqliteCount } = articleSearch(SQLITE_DIALECT, { q: 'drought' }, cap);
      const file = new Database(join(tempDir, 'relevance.db'), { readonly: true });
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        const { count: postgresCount } = articleSearch(POSTGRES_DIALECT, { q: 'drought' }, cap);
        const fromPostgres = (await client.query(numberPlaceholders(postgresCount.sql), [...postgresCount.params])).rows as Record<string, unknown>[];
        return [searchTotal(file.prepare(sqliteCount.sql).all(...sqliteCount.params) as Record<string, unknown>[], cap), searchTotal(fromPostgres, cap)];
      } finally {
        file.close();
        await client.end();
      }
    };
    assert.deepEqual(await countWith(100), [{ total: 100, totalExact: false }, { total: 100, totalExact: false }]);
    assert.deepEqual(await countWith(121), [{ total: 121, totalExact: true }, { total: 121, totalExact: true }]);
  } finally {
    await sqlite.close();
    await server.close();
    await schema.drop();
  }
});
