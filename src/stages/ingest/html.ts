/**
 * HTML ingest: the article body of a news page with `@mozilla/readability` over `linkedom`, made
 * more precise by removing the furniture Readability keeps, plus the article's metadata (title,
 * byline, publication date, site name, language) from meta tags, JSON-LD, `<time>`, the visible
 * date line and the URL.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeFurniture, removeFurnitureLines, type RemovedText } from './html-cleanup.js';
import { dateFromUrl } from './html-dates.js';
import { cleanByline, extractHtmlMetadata, fallbackPublished, type HtmlMetadata, type PublishedSource } from './html-metadata.js';
import { limitNesting } from './html-nesting.js';
import { blockLines, joinLines } from './html-text.js';

export type { PublishedSource } from './html-metadata.js';
export type { RemovedText } from './html-cleanup.js';

/** What `extractHtml` read from a page. Absent fields: the page did not say. */
export interface HtmlArticle {
  /** The article body: a newline at every block boundary, a blank line between paragraphs. Empty when no article was found. */
  text: string;
  title?: string;
  byline?: string;
  /** Publication date, `YYYY-MM-DD`, or a full ISO timestamp when the page gives one. */
  published?: string;
  publishedSource?: PublishedSource;
  siteName?: string;
  /** BCP 47 language tag (`en`, `en-US`). */
  language?: string;
  /** Text taken out of the article Readability chose (captions, share bars, `Read more` lines), with the reason. */
  removed: RemovedText[];
}

/** Options of `extractHtml`. */
export interface ExtractHtmlOptions {
  /** The page's URL, used for a date in the path (`/2015/04/08/`). Default: the page's canonical link, if any. */
  url?: string;
}

// Beyond this many characters the rest of the page is not read (the largest benchmark page is
// under 2 MB; a larger input is almost surely not one article).
const MAX_HTML_LENGTH = 5_000_000;
// Deeper elements lose their tags (their text stays); the deepest benchmark page nests 51.
const MAX_NESTING_DEPTH = 80;
// Readability gives up (throws) on pages with more elements than this.
const MAX_ELEMENTS = 200_000;

/** Parses HTML into a document that always has `<html>`, `<head>` and `<body>`. */
function parseDocument(html: string): Document {
  // linkedom builds no <body> for a fragment ("<p>x</p>" or plain text), unlike a browser.
  const complete = /<body[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html.replace(/<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi, '')}</body></html>`;
  return parseHTML(complete).document as unknown as Document;
}

function removeAll(root: ParentNode, selector: string): void {
  for (const element of Array.from(root.querySelectorAll(selector))) element.remove();
}

/** Body text of a whole page, for the visible date line or when Readability finds no article. */
function pageLines(document: Document): ReturnType<typeof blockLines> {
  const body = document.body ?? document.documentElement;
  return body ? blockLines(body) : [];
}

interface ReadabilityResult {
  readonly element?: Element;
  readonly title?: string;
  readonly byline?: string;
  readonly siteName?: string;
  readonly language?: string;
}

function runReadability(document: Document): ReadabilityResult {
  try {
    const reader = new Readability<Element>(document, {
      // Classes stay so that the furniture clean-up can read them.
      keepClasses: true,
      // The scripts that hold JSON-LD are gone by now (metadata read them first).
      disableJSONLD: true,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node as Element,
    });
    const article = reader.parse();
    if (!article) return {};
    return {
      element: article.content ?? undefined,
      title: article.title ?? undefined,
      byline: article.byline ?? undefined,
      siteName: article.siteName ?? undefined,
      language: article.lang ?? undefined,
    };
  } catch {
    // Readability throws on pages over MAX_ELEMENTS and on some malformed trees: no article.
    return {};
  }
}

/**
 * Extracts the article and its metadata from one HTML page. Never throws: empty, non-HTML,
 * deeply nested or huge input gives whatever could be read (possibly empty `text`).
 *
 * @example
 * extractHtml('<html><body><article><p>Body.</p></article></body></html>').text // "Body."
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): HtmlArticle {
  const removed: RemovedText[] = [];
  if (typeof html !== 'string' || html.trim() === '') return { text: '', removed };
  let source = html;
  if (source.length > MAX_HTML_LENGTH) {
    removed.push({ text: `[${source.length - MAX_HTML_LENGTH} characters]`, reason: `page over ${MAX_HTML_LENGTH} characters: the rest was not read` });
    source = source.slice(0, MAX_HTML_LENGTH);
  }
  if (!/<[a-zA-Z!/?]/.test(source)) {
    // No markup at all: plain text handed in as HTML keeps its blank-line paragraphs, which an HTML
    // parser would collapse into one line.
    const paragraphs = source.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const article: HtmlArticle = { text: paragraphs.join('\n\n'), removed };
    const fromUrl = options.url === undefined ? undefined : dateFromUrl(options.url);
    if (fromUrl) Object.assign(article, { published: fromUrl, publishedSource: 'url' });
    return article;
  }
  source = limitNesting(source, MAX_NESTING_DEPTH, true);

  let document: Document;
  try {
    document = parseDocument(source);
  } catch {
    return { text: '', removed };
  }

  let metadata: HtmlMetadata = {};
  try {
    metadata = extractHtmlMetadata(document, options.url);
  } catch {
    // Metadata is a bonus: a page that breaks it may still have a body.
  }
  const url = options.url ?? metadata.url;

  let readability: ReadabilityResult = {};
  let lines: ReturnType<typeof blockLines> = [];
  try {
    removeAll(document, 'script, style, template');
    try {
      if (metadata.published === undefined) Object.assign(metadata, fallbackPublished(document, joinLines(pageLines(document)), url));
    } catch {
      // The date is a bonus: the body is still read.
    }
    // Menus are never article text, and Readability sometimes keeps one that sits inside the story's container.
    removeAll(document, 'nav');
    readability = runReadability(document);
    if (readability.element) {
      removed.push(...removeFurniture(readability.element));
      lines = blockLines(readability.element);
    } else {
      // No article found (a short page, plain text given as HTML): the whole body is the best answer.
      const fallback = parseDocument(source);
      removeAll(fallback, 'script, style, template, nav, noscript');
      lines = pageLines(fallback);
    }
    const titles = [metadata.title, readability.title, metadata.documentTitle].filter((title): title is string => typeof title === 'string');
    const filtered = removeFurnitureLines(lines, { titles, ...(url === undefined ? {} : { url }) });
    removed.push(...filtered.removed);
    lines = filtered.lines;
  } catch {
    // A page that breaks the DOM code gives what was read before it broke.
  }

  const article: HtmlArticle = { text: joinLines(lines), removed };
  const title = metadata.title ?? readability.title ?? metadata.documentTitle;
  if (title) article.title = title;
  const byline = metadata.byline ?? cleanByline(readability.byline);
  if (byline && byline.length <= 100) article.byline = byline;
  if (metadata.published) {
    article.published = metadata.published;
    if (metadata.publishedSource) article.publishedSource = metadata.publishedSource;
  }
  const siteName = metadata.siteName ?? readability.siteName ?? undefined;
  if (siteName) article.siteName = siteName;
  const language = metadata.language ?? readability.language ?? undefined;
  if (language) article.language = language;
  return article;
}
