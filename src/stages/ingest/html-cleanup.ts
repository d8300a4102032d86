/**
 * Takes page furniture out of the article element Readability chose: figures and captions, share
 * bars, related-story boxes, newsletter and promo blocks, bylines, tag lists, comment sections,
 * paragraphs that are mostly links, and `Read more` / copyright lines. Readability's weakness on
 * news pages is precision (boilerplate kept inside the article), not recall.
 * Every removal is returned with its reason so that nothing disappears silently.
 */
import { elementName, type TextLine } from './html-text.js';

/** Something taken out of the article, with the reason. */
export interface RemovedText {
  readonly text: string;
  readonly reason: string;
}

// Class or id words that name furniture, by reason. A word matches at the start of a class token
// or after `-`/`_` (`social-share`, `share_bar`, `relatedStories`), never inside another word.
const FURNITURE_CLASSES: readonly (readonly [reason: string, pattern: RegExp])[] = [
  ['share', /(?:^|[^a-z])(?:share|sharing|social|sociable|addthis|sharethis)/i],
  ['related', /(?:^|[^a-z])(?:related|recommend|more-?stories|read-?more|also-?read|more-?from|trending|popular|outbrain|taboola)/i],
  ['newsletter', /(?:^|[^a-z])(?:newsletter|subscribe|subscription|sign-?up|paywall|registration)/i],
  ['promo', /(?:^|[^a-z])(?:promo|advert|sponsor|ads?(?:$|[^a-z])|ad-|banner)/i],
  ['caption', /(?:^|[^a-z])(?:caption|credit|photo-?credit)/i],
  ['byline', /(?:^|[^a-z])(?:byline|author|contributor)/i],
  ['tags', /(?:^|[^a-z])(?:tags?(?:$|[^a-z])|tag-?list|keywords|topics)/i],
  ['comments', /(?:^|[^a-z])(?:comments?(?:$|[^a-z])|disqus|discussion)/i],
];

// Furniture is removed only while it holds under this share of the article's words: without the
// guard a wrapper such as `<div class="story-body author-bio">` would take the whole story.
const FURNITURE_WORD_SHARE = 0.3;

const WORD_PATTERN = /[\p{L}\p{N}_]+/gu;

/** Number of words (runs of letters, digits, `_`) in a text. */
export function countWords(text: string): number {
  let count = 0;
  for (const _match of text.matchAll(WORD_PATTERN)) count += 1;
  return count;
}

function collapsed(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function furnitureReason(element: Element): string | undefined {
  const name = elementName(element);
  if (name === 'figure' || name === 'figcaption' || name === 'picture') return 'figure';
  const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.trim();
  if (label === '') return undefined;
  for (const [reason, pattern] of FURNITURE_CLASSES) if (pattern.test(label)) return reason;
  return undefined;
}

// Blocks judged on link density.
const LINK_BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'table']);
// Share of a block's characters inside links above which the block is a list of links, not prose.
const LINK_TEXT_SHARE = 0.8;

function linkShare(element: Element): number {
  const text = collapsed(element.textContent);
  if (text === '') return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += collapsed(link.textContent).length;
  return linked / text.length;
}

/**
 * Removes furniture from `article` in place and returns what it removed. Elements are visited in
 * document order; once an element goes, its descendants go with it and are not reported twice.
 */
export function removeFurniture(article: Element): RemovedText[] {
  const removed: RemovedText[] = [];
  const articleWords = Math.max(1, countWords(article.textContent ?? ''));
  for (const element of Array.from(article.querySelectorAll('*'))) {
    if (element === article || !article.contains(element)) continue;
    const reason = furnitureReason(element);
    if (reason === undefined) continue;
    const text = collapsed(element.textContent);
    if (countWords(text) >= FURNITURE_WORD_SHARE * articleWords) continue;
    element.remove();
    if (text !== '') removed.push({ text, reason });
  }
  for (const element of Array.from(article.querySelectorAll('p, li, ul, ol, div, h2, h3, h4, h5, h6, dl, table'))) {
    if (!LINK_BLOCKS.has(elementName(element)) || !article.contains(element)) continue;
    const text = collapsed(element.textContent);
    if (text === '' || countWords(text) >= FURNITURE_WORD_SHARE * articleWords) continue;
    if (linkShare(element) < LINK_TEXT_SHARE) continue;
    element.remove();
    removed.push({ text, reason: 'links' });
  }
  return removed;
}

// Lines that are furniture whatever element holds them.
const FURNITURE_LINES: readonly (readonly [reason: string, pattern: RegExp])[] = [
  // "READ MORE: Pentagon confirms strike", "Related: ...", "See also ..."
  ['read more', /^(?:read (?:more|next|also)|related(?: stories| articles| coverage)?|see also|also read|more from|recommended|more on this|click here)\b\s*[:.|»>-]?/i],
  // "© 2018 Cable News Network. All Rights Reserved."
  ['copyright', /^(?:©|\(c\)\s|copyright\b)|all rights reserved\.?$/i],
  // "Share this: Facebook Twitter Email"
  ['share', /^(?:share(?: this(?: article| story)?)?|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|comments?)(?:[\s:|·•/,]+(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|copy link|comments?))*[\s:]*$/i],
];
// A furniture line is short: a long paragraph that starts with "Related" is prose.
const FURNITURE_LINE_WORDS = 25;

/** Drops `Read more`, copyright and share lines; returns the kept lines and what went. */
export function removeFurnitureLines(lines: readonly TextLine[]): { lines: TextLine[]; removed: RemovedText[] } {
  const kept: TextLine[] = [];
  const removed: RemovedText[] = [];
  for (const line of lines) {
    const reason = countWords(line.text) <= FURNITURE_LINE_WORDS ? FURNITURE_LINES.find(([, pattern]) => pattern.test(line.text))?.[0] : undefined;
    if (reason === undefined) {
      // A paragraph break lost with a removed line stays a paragraph break.
      kept.push(kept.length === 0 && removed.length > 0 ? { text: line.text, gap: 2 } : line);
    } else {
      removed.push({ text: line.text, reason });
    }
  }
  return { lines: kept, removed };
}
