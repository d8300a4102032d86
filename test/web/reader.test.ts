/**
 * The web reader in headless Chromium (Debian's `chromium`, driven by playwright-core): the app is
 * built by Vite, served with the real pipeline behind `POST /analyze`, and each case loads it in
 * one shared browser. Screenshots go to `test-artifacts/`. Skips when `/usr/bin/chromium` is absent.
 *
 * `LEDE_UPDATE_DOCS=1` also rewrites `docs/reader-seed.png` (the README screenshot), which is
 * otherwise written only when missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Doc } from '../../src/doc/schema.js';
import { buildReader, ROOT, startReaderServer, type ReaderServer } from './reader-server.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = join(ROOT, '../shared/examples/seed-article.txt');
const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Launch flags: no network beyond loopback, nothing from a previous profile (playwright gives each launch a fresh `--user-data-dir`). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whitespace-insensitive form of a span's text: the source view keeps the original line breaks. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every annotation key in the rendered article with the text of all its pieces, in order. */
async function highlights(page: Page): Promise<Record<string, { text: string; classes: string[]; title: string }>> {
  return page.evaluate(() => {
    const found: Record<string, { text: string; classes: string[]; title: string }> = {};
    for (const node of document.querySelectorAll<HTMLElement>('.article-text [data-keys]')) {
      for (const key of (node.dataset['keys'] ?? '').split(' ')) {
        const entry = found[key] ?? { text: '', classes: [...node.classList], title: node.title };
        entry.text += node.textContent ?? '';
        entry.classes = entry.classes.filter((name) => node.classList.contains(name));
        found[key] = entry;
      }
    }
    return found;
  });
}

/** Spans of a Doc that must show up highlighted, keyed as the reader keys them. */
function expectedSpans(doc: Doc): { key: string; layer: string; start: number; end: number }[] {
  const spans = [
    ...doc.mentions.map((mention) => ({ key: mention.id, layer: 'mention', start: mention.start, end: mention.end })),
    ...doc.timexes.map((timex) => ({ key: timex.id, layer: 'timex', start: timex.start, end: timex.end })),
    ...doc.places.map((place) => ({ key: place.id, layer: 'place', start: place.start, end: place.end })),
    ...doc.quotes.flatMap((quote) => quote.content.map((piece, index) => ({ key: `${quote.id}:${index}`, layer: 'quote', start: piece.start, end: piece.end }))),
    ...doc.events.map((event) => ({ key: `${event.id}:trigger`, layer: 'event', start: event.trigger.start, end: event.trigger.end })),
  ];
  return spans.filter((span) => span.start < span.end);
}

/** Asserts that every span of the Doc is highlighted with exactly its words and its layer's class. */
async function assertAllHighlighted(page: Page, doc: Doc): Promise<void> {
  const shown = await highlights(page);
  const problems: string[] = [];
  for (const span of expectedSpans(doc)) {
    const expected = doc.text.slice(span.start, span.end);
    const got = shown[span.key];
    if (!got) problems.push(`[${span.start},${span.end}) "${expected}" ${span.layer} ${span.key}: not highlighted`);
    else if (squash(got.text) !== squash(expected)) problems.push(`[${span.start},${span.end}) "${expected}" ${span.layer} ${span.key}: highlighted as "${got.text}"`);
    else if (!got.classes.includes(span.layer)) problems.push(`[${span.start},${span.end}) "${expected}" ${span.key}: missing class ${span.layer} (${got.classes.join(' ')})`);
  }
  assert.deepEqual(problems, []);
}

/** Pastes an article, sets the date, presses Analyse and returns the Doc the server answered. */
async function analyse(page: Page, text: string, published: string): Promise<Doc> {
  await page.fill('#article-input', text);
  await page.fill('#published-input', published);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => new URL(answer.url()).pathname === '/analyze'),
    page.click('#analyze-button'),
  ]);
  assert.equal(response.status(), 200, await response.text());
  await page.waitForSelector('body[data-state="doc"]');
  return (await response.json()) as Doc;
}

/**
 * A hand-built Doc where the layers nest: a quote holds a place that is also a LOC mention, a
 * time expression and an event trigger; a summary sentence holds the quote; a dateline place has
 * an empty span. Offsets are computed from the text, so the fixture cannot drift from it.
 */
function nestedDoc(): Doc {
  const text = 'Ali Hassan said: “Troops shelled Sirte on 3 March 2018 and killed four.”\n\nThe strike hit Sirte again.';
  const at = (needle: string, from = 0): { start: number; end: number } => {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture: no "${needle}"`);
    return { start, end: start + needle.length };
  };
  const sirte = at('Sirte');
  const sirteAgain = at('Sirte', sirte.end);
  const quote = at('“Troops shelled Sirte on 3 March 2018 and killed four.”');
  const firstSentence = at('Ali Hassan said: “Troops shelled Sirte on 3 March 2018 and killed four.”');
  return {
    schemaVersion: '0.1.0', source: text, text, alignment: [{ textStart: 0, sourceStart: 0, length: text.length }],
    meta: { id: 'nested-fixture', published: '2018-03-05', publishedSource: 'caller', title: 'Nested layers', dateline: 'Tripoli', format: 'text', language: 'en' },
    removals: [], paragraphs: [], sentences: [], tokens: [],
    mentions: [
      { id: 'm1', ...at('Ali Hassan'), type: 'PER', kind: 'name', entity: 'e1', rule: 'test' },
      { id: 'm2', ...at('Troops'), type: 'ORG', kind: 'nominal', entity: null, rule: 'test' },
      { id: 'm3', ...sirte, type: 'LOC', subtype: 'city', kind: 'name', entity: 'e2', rule: 'test' },
      { id: 'm4', ...sirteAgain, type: 'LOC', subtype: 'city', kind: 'name', entity: 'e2', rule: 'test' },
    ],
    entities: [
      { id: 'e1', type: 'PER', name: 'Ali Hassan', aliases: ['Ali Hassan', 'Hassan'], mentions: ['m1'], roles: [{ role: 'spokesman', start: 0, end: 10 }] },
      { id: 'e2', type: 'LOC', subtype: 'city', name: 'Sirte', aliases: ['Sirte'], mentions: ['m3', 'm4'], roles: [] },
    ],
    timexes: [{ id: 't1', ...at('3 March 2018'), type: 'DATE', value: '2018-03-03', anchor: 'absolute', precision: 'day', resolved: true, rule: 'test' }],
    places: [
      { id: 'pl0', start: 0, end: 0, name: 'Tripoli', kind: 'city', countryCode: 'LY', lat: 32.8872, lon: 13.1913, precision: 'city', confidence: 0.5, rule: 'dateline' },
      { id: 'pl1', mention: 'm3', ...sirte, name: 'Sirte', kind: 'city', countryCode: 'LY', lat: 31.2089, lon: 16.5887, precision: 'city', confidence: 0.9, rule: 'test' },
      { id: 'pl2', mention: 'm4', ...sirteAgain, name: 'Sirte', kind: 'city', countryCode: 'LY', lat: 31.2089, lon: 16.5887, precision: 'city', confidence: 0.9, rule: 'test' },
    ],
    quotes: [{ id: 'q1', ...quote, kind: 'direct', content: [quote], cue: at('said'), speaker: at('Ali Hassan'), speakerEntity: 'e1', medium: null, rule: 'test' }],
    events: [{
      id: 'ev1', ...firstSentence, ploverType: 'ASSAULT', mode: 'artillery', acledType: 'Explosions/Remote violence', acledSubType: 'Shelling/artillery/missile attack',
      actors: [{ entity: null, name: 'Troops', kind: 'military' }], targets: [], place: 'pl1', date: { value: '2018-03-03', timex: 't1', fromPublication: false },
      casualties: [{ kind: 'killed', count: 4, qualifier: 'exact', start: at('killed four').start, end: at('killed four').end }],
      source: { quote: 'q1', entity: 'e1', name: 'Ali Hassan' }, flags: { historical: false, negated: false, hypothetical: false, aggregate: false },
      evidence: [firstSentence], trigger: at('shelled'), rule: 'test',
    }],
    summary: [{ ...firstSentence, sentence: 's1', score: 1 }],
    diagnostics: [],
  };
}

test('web reader in headless Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'lede-reader-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  let server: ReaderServer | undefined;
  let browser: Browser | undefined;
  try {
    const webRoot = join(work, 'web');
    await buildReader(webRoot);
    server = await startReaderServer(webRoot, join(work, 'reader.db'));
    if (server.note) t.diagnostic(server.note);
    const running = server;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    const base = server.url;
    const open = async (path = '/'): Promise<Page> => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Only the local server may be asked for anything: the reader works offline.
      await page.route((url) => !url.href.startsWith(base), (route) => {
        errors.push(`request outside the local server: ${route.request().url()}`);
        return route.abort();
      });
      await page.goto(`${base}${path}`);
      await page.waitForSelector('body[data-state]');
      (page as Page & { errors?: string[] }).errors = errors;
      return page;
    };
    const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

    await t.test('a hand-written article is highlighted layer by layer in its original wording', async () => {
      const page = await open();
      const doc = await analyse(page, readFileSync(join(ROOT, 'test/web/fixtures/reader-article.txt'), 'utf8'), '2024-11-05');
      assert.ok(doc.mentions.length > 0 && doc.timexes.length > 0 && doc.places.length > 0, 'the pipeline found mentions, times and places');
      await assertAllHighlighted(page, doc);
      const shown = await highlights(page);
      const monday = doc.timexes.find((timex) => doc.text.slice(timex.start, timex.end) === 'Monday');
      assert.ok(monday, 'the pipeline found "Monday"');
      assert.match(shown[monday.id]?.title ?? '', /2024-11-04/, 'the hover text of "Monday" gives its resolved date');
      // The dateline was removed from the analysed text; the original wording still shows it, struck out.
      assert.match(await page.locator('.article-text .removed').first().textContent() ?? '', /LISBON/);
      await page.screenshot({ path: join(ARTIFACTS, 'reader-article.png'), fullPage: true });
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });

    await t.test('the map draws the countries offline and a marker per placed location', async () => {
      const page = await open();
      const doc = await analyse(page, readFileSync(join(ROOT, 'test/web/fixtures/reader-article.txt'), 'utf8'), '2024-11-05');
      assert.ok(await page.locator('#map svg.world-map path.country').count() > 100, 'country shapes drawn');
      const markerRefs = (await page.locator('#map .place-marker').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-refs') ?? ''))).join(' ').split(' ');
      const placed = doc.places.filter((place) => place.lat !== undefined && place.lon !== undefined).map((place) => place.id);
      assert.ok(placed.length > 0, 'the pipeline placed something');
      assert.deepEqual([...markerRefs].sort(), [...placed].sort());
      await page.click('#map-extent');
      assert.ok(await page.locator('#map .place-marker').count() > 0, 'markers stay on the whole-world map');
      await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'reader-map.png') });
      await page.close();
    });

    await t.test('nested and overlapping layers each keep their own highlight', async () => {
      const page = await open();
      const doc = nestedDoc();
      await page.route('**/analyze', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
      await analyse(page, 'anything', '2018-03-05');
      await assertAllHighlighted(page, doc);
      const shown = await highlights(page);
      assert.match(shown['q1:0']?.title ?? '', /speaker: Ali Hassan/);
      assert.match(shown['t1']?.title ?? '', /2018-03-03/);
      // "Sirte" inside the quote carries every layer that covers it.
      const sirteClasses = await page.locator('.article-text [data-keys~="m3"]').getAttribute('class');
      for (const layer of ['mention', 'type-LOC', 'place', 'quote', 'summary']) assert.ok(sirteClasses?.split(' ').includes(layer), `"Sirte" has ${layer}: ${sirteClasses}`);
      assert.equal(await page.locator('.article-text [data-keys~="m3"]').getAttribute('data-keys'), 'sum-s1 q1:0 m3 pl1', 'outermost first');
      // The events table, the timeline and the map show the event.
      const row = page.locator('.events-table tbody tr');
      assert.equal(await row.count(), 1);
      const rowText = await row.textContent() ?? '';
      for (const part of ['ASSAULT', 'artillery', 'Sirte', '2018-03-03', '4 killed', 'Troops', 'Ali Hassan', 'shelled']) assert.ok(rowText.includes(part), `events row has "${part}": ${rowText}`);
      assert.deepEqual(await page.locator('.timeline .timeline-item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-ref'))), ['ev1', 't1'], 'the event before the time expression of its day');
      assert.equal(await page.locator('#map .event-marker').count(), 1);
      assert.equal(await page.locator('#map .place-marker').count(), 2, 'Sirte once (both mentions) and the dateline city');
      assert.match(await page.locator('.record [data-section="quotes"]').textContent() ?? '', /Ali Hassan.*Troops shelled Sirte/);
      assert.match(await page.locator('.record [data-section="entities"]').textContent() ?? '', /also: Hassan/);
      await page.click('.article-text [data-keys~="m3"]');
      assert.equal(await page.locator('.record .flash').getAttribute('data-ref'), 'pl1', 'a click on "Sirte" shows its place in the record');
      await page.screenshot({ path: join(ARTIFACTS, 'reader-nested.png'), fullPage: true });
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });

    await t.test('an HTML page is read through the server and its title shown', async () => {
      const page = await open();
      const html = '<!doctype html><html><head><title>Storm in Lisbon</title></head><body><nav>Home | World</nav><article><h1>Storm floods Lisbon</h1>'
        + '<p>Heavy rain flooded parts of Lisbon on Monday, forcing hundreds of people from their homes, the civil protection agency said.</p>'
        + '<p>Firefighters rescued 40 people in Coimbra on Tuesday, according to local police, and the storm moved towards Madrid.</p></article></body></html>';
      const doc = await analyse(page, html, '2024-11-05');
      assert.equal(doc.meta.format, 'html');
      assert.doesNotMatch(await page.locator('.article-text').textContent() ?? '', /<p>|Home \| World/);
      await assertAllHighlighted(page, doc);
      await page.close();
    });

    await t.test('an uploaded JSON record is analysed with its own date', async () => {
      const page = await open();
      const record = { id: 'upload-1', text: 'Forecasters in Madrid said the storm would reach France on Friday.', published: '2024-11-05' };
      await page.setInputFiles('#article-file', { name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
      await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#article-input')?.value ?? '').includes('Madrid'));
      assert.equal(await page.locator('#format-input').inputValue(), 'json');
      const [response] = await Promise.all([page.waitForResponse((answer) => new URL(answer.url()).pathname === '/analyze'), page.click('#analyze-button')]);
      const doc = (await response.json()) as Doc;
      await page.waitForSelector('body[data-state="doc"]');
      assert.deepEqual([doc.meta.id, doc.meta.published], ['upload-1', '2024-11-05']);
      const friday = doc.timexes.find((timex) => doc.text.slice(timex.start, timex.end) === 'Friday');
      assert.equal(friday?.value, '2024-11-08', 'resolved from the record\'s own date');
      await assertAllHighlighted(page, doc);
      await page.close();
    });

    await t.test('a Doc with only text and empty layers renders without errors', async () => {
      const page = await open();
      const text = 'Nothing happened here.';
      await page.route('**/analyze', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ text, meta: {} }) }));
      await analyse(page, text, '2020-01-01');
      assert.equal(await page.locator('.article-text').textContent(), text);
      assert.equal(await page.locator('.events-empty').count(), 1);
      assert.equal(await page.locator('.timeline-empty').count(), 1);
      assert.equal(await page.locator('.map-empty').count(), 1);
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });

    await t.test('an error answer of the server is shown with its code', async () => {
      const page = await open();
      await page.fill('#article-input', JSON.stringify({ text: 'A short story.', published: '2018-13-45' }));
      await page.click('#analyze-button');
      await page.waitForSelector('body[data-state="error"]');
      assert.match(await page.locator('#status').textContent() ?? '', /E_BAD_DATE/);
      await page.close();
    });

    await t.test('the seed article renders with every layer highlighted', { skip: existsSync(SEED) ? false : 'no ../shared/examples/seed-article.txt' }, async () => {
      const page = await open();
      const doc = await analyse(page, readFileSync(SEED, 'utf8'), '2018-03-28');
      await assertAllHighlighted(page, doc);
      assert.ok(await page.locator('#map .place-marker').count() > 0, 'the seed places are on the map');
      await page.screenshot({ path: join(ARTIFACTS, 'reader-seed-full.png'), fullPage: true });
      const screenshot = join(ROOT, 'docs/reader-seed.png');
      const update = process.env['LEDE_UPDATE_DOCS'] === '1' || !existsSync(screenshot);
      await page.screenshot({ path: update ? screenshot : join(ARTIFACTS, 'reader-seed.png') });
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });

    await t.test('search: a stored article is found by a word and opens from the results', { skip: server.kind === 'lede' ? false : 'src/server/ is not there yet' }, async () => {
      const page = await open();
      await page.fill('#article-input', readFileSync(join(ROOT, 'test/web/fixtures/reader-article.txt'), 'utf8'));
      await page.fill('#published-input', '2024-11-05');
      await page.click('#store-button');
      await page.waitForSelector('body[data-state="doc"]');
      await page.click('.tab[data-tab="search"]');
      await page.fill('.search-form input[name="q"]', 'Setúbal');
      await page.click('.search-form button[type="submit"]');
      await page.waitForSelector('.article-hits li a');
      await page.click('.article-hits li a');
      await page.waitForSelector('body[data-state="doc"]');
      assert.match(page.url(), /\?article=/);
      assert.match(await page.locator('.article-text').textContent() ?? '', /Setúbal/);
      await page.close();
    });

    await t.test('search facets: entity, place and date range narrow the stored articles (from the URL)', { skip: server.kind === 'lede' ? false : 'src/server/ is not there yet' }, async () => {
      const cases: readonly [string, number][] = [
        ['entity=Helena%20Sousa', 1],
        ['place=Coimbra', 1],
        ['q=Setúbal&from=2024-11-01&to=2024-11-30', 1],
        ['q=Setúbal&from=2025-01-01', 0],
        ['entity=Nobody%20Atall', 0],
      ];
      const page = await open();
      for (const [query, hits] of cases) {
        await page.goto(`${base}/?search&${query}`);
        await page.waitForSelector('.search-results .hits-count');
        assert.equal(await page.locator('.article-hits li').count(), hits, `?${query}`);
        assert.equal(await page.locator('.search-form input[name="' + query.split('=')[0] + '"]').inputValue(), decodeURIComponent(query.split('=')[1]?.split('&')[0] ?? ''), 'the form shows the facet');
      }
      await page.goto(`${base}/?search&entity=Helena%20Sousa`);
      await page.waitForSelector('.search-results .hits-count');
      assert.match(await page.locator('.entity-card h4').first().textContent() ?? '', /PER.*Helena Sousa/, 'the entity facet shows what the store knows of her');
      await page.screenshot({ path: join(ARTIFACTS, 'reader-search.png'), fullPage: true });
      await page.close();
    });

    await t.test('a server with an API token: the reader asks for it once and then works', { skip: server.kind === 'lede' ? false : 'src/server/ is not there yet' }, async () => {
      const guarded = await startReaderServer(join(work, 'web'), join(work, 'guarded.db'), { token: 'reader-secret', pipeline: running.pipeline });
      try {
        const page = await context.newPage();
        const asked: string[] = [];
        page.on('dialog', (dialog) => {
          asked.push(dialog.message());
          void dialog.accept('reader-secret');
        });
        await page.goto(guarded.url);
        await page.fill('#article-input', 'Troops entered Sirte on Monday.');
        await page.fill('#published-input', '2018-03-28');
        const analysed = (): Promise<unknown> => page.waitForResponse((answer) => new URL(answer.url()).pathname === '/analyze' && answer.status() === 200);
        await Promise.all([analysed(), page.click('#analyze-button')]);
        await page.waitForSelector('body[data-state="doc"]');
        assert.deepEqual(asked, ['This Lede server needs an API token:']);
        await Promise.all([analysed(), page.click('#analyze-button')]);
        assert.equal(asked.length, 1, 'the token is kept for the tab');
        await page.close();
      } finally {
        await guarded.close();
      }
    });
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
});
