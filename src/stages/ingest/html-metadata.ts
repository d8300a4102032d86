/**
 * Article metadata from an HTML page: title, byline, publication date, site name and language,
 * read from meta tags, JSON-LD, `<time datetime>`, the visible date line and the URL.
 */
import { dateFromUrl, findTextDate, findVisibleDate, normalizeDateValue } from './html-dates.js';

/** Where a publication date was found. */
export type PublishedSource = 'html-meta' | 'json-ld' | 'visible-text' | 'url';

/** Metadata read from a page; every field is absent when the page does not say. */
export interface HtmlMetadata {
  title?: string;
  byline?: string;
  published?: string;
  publishedSource?: PublishedSource;
  siteName?: string;
  language?: string;
  /** The `<title>` element's text, as written. */
  documentTitle?: string;
  /** The page's own URL (`<link rel=canonical>` or `og:url`) when the caller gave none. */
  url?: string;
}

// Meta names that carry the publication date, most specific first. Checked against `name`,
// `property`, `itemprop` and `http-equiv`, lower-cased.
const PUBLISHED_META_NAMES = [
  'article:published_time',
  'article:published',
  'og:article:published_time',
  'datepublished',
  'published_time',
  'published-date',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'date',
  'article.published',
  'displaydate',
  'og:pubdate',
  'og:published_time',
  'cxenseparse:recs:publishtime',
  'original-publish-date',
  'datecreated',
  'timestamp',
];

const TITLE_META_NAMES = ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title', 'headline'];
const AUTHOR_META_NAMES = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'byline', 'citation_author'];
const SITE_META_NAMES = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'];
const LANGUAGE_META_NAMES = ['content-language', 'language', 'dc.language', 'og:locale', 'inlanguage'];

// JSON-LD types that describe the article itself (schema.org and the common subtypes).
const ARTICLE_TYPE = /article|posting|report|newsarticle|liveblog|webpage|creativework|review/i;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collapses whitespace and trims; undefined for empty strings. */
function clean(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

/** Reads every `<meta>` into a lower-cased name → values map (a page may repeat a name). */
function readMetaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = clean(meta.getAttribute('content') ?? meta.getAttribute('value'));
    if (content === undefined) continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      const name = meta.getAttribute(attribute);
      if (!name) continue;
      // `property="og:title article:title"` lists several names in one attribute.
      for (const key of name.toLowerCase().split(/\s+/)) {
        if (key === '') continue;
        const values = tags.get(key);
        if (values) values.push(content);
        else tags.set(key, [content]);
      }
    }
  }
  return tags;
}

function firstMeta(tags: Map<string, string[]>, names: readonly string[], accept: (value: string) => boolean = () => true): string | undefined {
  for (const name of names) {
    for (const value of tags.get(name) ?? []) if (accept(value)) return value;
  }
  return undefined;
}

/** Parses the page's JSON-LD blocks into a flat list of objects (arrays and `@graph` opened). */
function readJsonLd(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]'))) {
    // Some sites wrap the JSON in an HTML comment or a CDATA section.
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .trim();
    if (source === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      continue; // Broken JSON-LD is common; the other sources still count.
    }
    const pending: unknown[] = [parsed];
    let budget = 500; // A hostile page cannot make this loop long.
    while (pending.length > 0 && budget > 0) {
      budget -= 1;
      const item = pending.pop();
      if (Array.isArray(item)) pending.push(...item);
      else if (isObject(item)) {
        objects.push(item);
        if (Array.isArray(item['@graph'])) pending.push(...item['@graph']);
        if (isObject(item['mainEntity'])) pending.push(item['mainEntity']);
      }
    }
  }
  return objects;
}

function typeNames(object: JsonObject): string {
  const type = object['@type'];
  return Array.isArray(type) ? type.filter((entry) => typeof entry === 'string').join(' ') : typeof type === 'string' ? type : '';
}

/** Names from a JSON-LD `author`: a string, a `{name}` object, or an array of either. */
function personNames(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const entry of values) {
    const name = typeof entry === 'string' ? clean(entry) : isObject(entry) && typeof entry['name'] === 'string' ? clean(entry['name']) : undefined;
    if (name && !/^https?:\/\//.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (typeof value === 'string') return clean(value);
  if (isObject(value) && typeof value['name'] === 'string') return clean(value['name']);
  return undefined;
}

const DATE_IN_BYLINE =
  /[\s,|·•\-–—]*(?:(?:updated|published|posted)\b.*|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.*|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}.*|\d{4}-\d{2}-\d{2}.*|\d{1,2}\/\d{1,2}\/\d{2,4}.*)$/i;

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
export function cleanByline(value: string | undefined): string | undefined {
  // "Associated Press November 19, 2019, 9:02", "FEDERICA LUSIARDI - 2019-04-10": the date is not the author.
  const withoutDate = value?.replace(DATE_IN_BYLINE, '');
  const cleaned = clean(withoutDate?.replace(/^\s*(?:written\s+)?by\s*:?\s+/i, '').replace(/[\s,|·•\-–—]+$/, ''));
  if (cleaned === undefined || /^https?:\/\//.test(cleaned) || cleaned.length > 200) return undefined;
  return cleaned;
}

/** A locale written `en_US` or `en-us` as a BCP 47 tag (`en-US`). */
function languageTag(value: string | undefined): string | undefined {
  const match = value ? /^([a-z]{2,3})(?:[-_]([a-z]{2,4}))?\b/i.exec(value.trim()) : null;
  if (!match) return undefined;
  const region = match[2];
  const base = (match[1] ?? '').toLowerCase();
  return region ? `${base}-${region.length === 2 ? region.toUpperCase() : region}` : base;
}

/**
 * Reads title, byline, publication date, site name, language and canonical URL from the page.
 * Must be called before Readability runs: Readability removes the `<script>` elements that hold
 * JSON-LD. Sources in order: meta tags, then JSON-LD, then `<time datetime>`; the visible date line
 * and the URL are read for the date only when those say nothing.
 */
export function extractHtmlMetadata(document: Document, url?: string): HtmlMetadata {
  const metadata: HtmlMetadata = {};
  const tags = readMetaTags(document);
  const jsonLd = readJsonLd(document);
  const articles = jsonLd.filter((object) => ARTICLE_TYPE.test(typeNames(object)));
  const candidates = [...articles, ...jsonLd.filter((object) => !articles.includes(object))];

  metadata.title =
    firstMeta(tags, TITLE_META_NAMES) ??
    candidates.map((object) => stringField(object, 'headline')).find(Boolean);
  // Without those, the `<title>` is the fallback; it often carries the site name ("Story - Site"),
  // which Readability's title takes off, so the caller prefers Readability's title to this one.
  metadata.documentTitle = clean(document.querySelector('title')?.textContent);

  const metaAuthor = firstMeta(tags, AUTHOR_META_NAMES, (value) => !/^https?:\/\//.test(value) && !/^@/.test(value));
  const ldAuthors = candidates.map((object) => personNames(object['author'] ?? object['creator'])).find((names) => names.length > 0);
  metadata.byline = cleanByline(metaAuthor) ?? cleanByline(ldAuthors?.join(', '));

  const metaDate = firstMeta(tags, PUBLISHED_META_NAMES, (value) => normalizeDateValue(value) !== undefined);
  if (metaDate !== undefined) {
    metadata.published = normalizeDateValue(metaDate);
    metadata.publishedSource = 'html-meta';
  }
  if (metadata.published === undefined) {
    for (const object of candidates) {
      const value = object['datePublished'] ?? object['dateCreated'] ?? object['uploadDate'];
      const date = typeof value === 'string' ? normalizeDateValue(value) : undefined;
      if (date) {
        metadata.published = date;
        metadata.publishedSource = 'json-ld';
        break;
      }
    }
  }
  if (metadata.published === undefined) {
    // `<time itemprop="datePublished">` or `<time class="pubdate">` first, then any `<time>`.
    const times = Array.from(document.querySelectorAll('time'));
    const preferred = times.filter((time) => /publish|pubdate|created/i.test(`${time.getAttribute('itemprop') ?? ''} ${time.getAttribute('class') ?? ''} ${time.hasAttribute('pubdate') ? 'pubdate' : ''}`));
    for (const time of [...preferred, ...times]) {
      const date = normalizeDateValue(time.getAttribute('datetime') ?? '');
      if (date) {
        metadata.published = date;
        metadata.publishedSource = 'html-meta';
        break;
      }
    }
  }

  metadata.siteName =
    firstMeta(tags, SITE_META_NAMES, (value) => !/^https?:\/\//.test(value)) ??
    candidates.map((object) => stringField(object, 'publisher')).find(Boolean);
  if (metadata.siteName?.startsWith('@')) metadata.siteName = metadata.siteName.slice(1);

  metadata.language =
    languageTag(document.documentElement?.getAttribute('lang') ?? undefined) ??
    languageTag(firstMeta(tags, LANGUAGE_META_NAMES)) ??
    languageTag(candidates.map((object) => stringField(object, 'inLanguage')).find(Boolean));

  if (url === undefined) {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? firstMeta(tags, ['og:url']);
    if (canonical && /^https?:\/\//i.test(canonical)) metadata.url = canonical.trim();
  }
  return metadata;
}

// Elements whose class or id says they hold the story's date: `<span class="post-date">19 Nov 2019</span>`.
const DATE_ELEMENTS =
  '[class*="date"], [class*="Date"], [id*="date"], [class*="publish"], [class*="Publish"], [class*="posted"], [class*="timestamp"], [itemprop="datePublished"]';
// A date element holds a short line; a longer text is a container that happens to carry the word.
const DATE_ELEMENT_LENGTH = 100;

/**
 * The publication date from what a reader sees, for pages whose markup carries no date: a cue line
 * (`Updated 1:23 PM ET, Wed March 28, 2018`), then a short element whose class says date
 * (`<span class="post-date">19 Nov 2019</span>`), then the URL path (`/2015/04/08/`).
 * `visibleText` is the page's text with a newline at each block boundary.
 */
export function fallbackPublished(document: Document, visibleText: string, url: string | undefined): Pick<HtmlMetadata, 'published' | 'publishedSource'> {
  const visible = findVisibleDate(visibleText);
  if (visible) return { published: visible.date, publishedSource: 'visible-text' };
  for (const element of Array.from(document.querySelectorAll(DATE_ELEMENTS))) {
    const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (/update|modif/i.test(label)) continue;
    const text = clean(element.textContent);
    if (text === undefined || text.length > DATE_ELEMENT_LENGTH) continue;
    const date = findTextDate(text);
    if (date) return { published: date, publishedSource: 'visible-text' };
  }
  const fromUrl = url === undefined ? undefined : dateFromUrl(url);
  if (fromUrl) return { published: fromUrl, publishedSource: 'url' };
  return {};
}
