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
  // Image and video embeds between paragraphs ("InlineImage-imageEmbed") hold captions and credits.
  ['media', /(?:^|[^a-z])(?:inline-?image|image-?embed|media-?embed|video-?embed|embed-?image|image-?container|image-?wrap(?:per)?|photo-?wrap(?:per)?|gallery)(?:$|[^a-z])/i],
  // Story rails and carousels ("sun-row", "rail__item swiper-slide") hold other stories' teasers.
  ['carousel', /(?:^|[^a-z])(?:carousel|slider|swiper|rail(?:$|[^a-z]))/i],
  ['byline', /(?:^|[^a-z])(?:byline|author|contributor)/i],
  ['tags', /(?:^|[^a-z])(?:tags?(?:$|[^a-z])|tag-?list|keywords|topics)/i],
  ['comments', /(?:^|[^a-z])(?:comments?(?:$|[^a-z])|disqus|discussion)/i],
];

// Furniture is removed only while it holds under this share of the article's words: without the
// guard a wrapper such as `<div class="story-body author-bio">` would take the whole story.
const FURNITURE_WORD_SHARE = 0.3;

const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  // Surrogate pairs and the rest of Unicode: ask the regex about this one character.
  return NON_ASCII_WORD_CHARACTER.test(text[index] ?? '');
}

/**
 * Number of words (runs of letters, digits, `_`, as the extraction benchmark counts them) in a
 * text. A loop over character codes: it runs on every block of every article, and a regex match
 * that builds an array of all the words was most of the clean-up's time.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const word = isWordCharacter(text.charCodeAt(index), text, index);
    if (word && !inWord) count += 1;
    inWord = word;
  }
  return count;
}

function collapsed(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function furnitureReason(element: Element): string | undefined {
  const name = elementName(element);
  if (name === 'figure' || name === 'figcaption' || name === 'picture') return 'figure';
  // camelCase class names count as separate words: "newsCaption" is a caption.
  const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.trim().replace(/([a-z])([A-Z])/g, '$1-$2');
  if (label === '') return undefined;
  for (const [reason, pattern] of FURNITURE_CLASSES) if (pattern.test(label)) return reason;
  return undefined;
}

// Blocks judged on link density.
const LINK_BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'table']);
// Share of a block's characters inside links above which the block is a list of links, not prose.
const LINK_TEXT_SHARE = 0.8;
// A heading with this share of link text is a link to another story.
const LINK_HEADING_SHARE = 0.9;
// Elements that wrap a teaser card, and the most words a card holds.
const TEASER_CONTAINERS = new Set(['article', 'li', 'div', 'header', 'section']);
const TEASER_WORDS = 80;
// Links that make an inline cluster (fewer are ordinary links in prose).
const LINK_CLUSTER_SIZE = 3;

/** Share of the element's characters inside links, and how many links count. */
function linkShare(element: Element): { share: number; links: number } {
  const text = collapsed(element.textContent);
  if (text === '') return { share: 0, links: 0 };
  let linked = 0;
  let links = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) {
    const linkText = collapsed(link.textContent);
    // A link written as its address is a citation the author typed ("http://syiahali.wordpress.com/..."), not navigation.
    if (linkText === '' || /^(?:https?:\/\/|www\.)/i.test(linkText)) continue;
    linked += linkText.length;
    links += 1;
  }
  return { share: linked / text.length, links };
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
  // A cluster of links inside a paragraph: a hover card that lists a person's other stories
  // ("Rep. <span>Alexandria Ocasio-Cortez … Sanders doubles down on Bolivia 'coup' … MORE</span> (D-N.Y.)").
  for (const element of Array.from(article.querySelectorAll('p span, p div, li span, li div'))) {
    if (!article.contains(element)) continue;
    const { share, links } = linkShare(element);
    if (links < LINK_CLUSTER_SIZE || share < LINK_TEXT_SHARE) continue;
    const text = collapsed(element.textContent);
    element.remove();
    removed.push({ text, reason: 'links' });
  }
  // A teaser card: a heading that is all link, with a kicker or a blurb around it ("'A NATIONAL
  // TRAGEDY' / Watching This Koala Get Rescued … / Dozens of bushfires are spreading …"). None of the
  // 16 such headings Readability keeps on the benchmark pages belongs to the article.
  for (const heading of Array.from(article.querySelectorAll('h2, h3, h4'))) {
    if (!article.contains(heading) || linkShare(heading).share < LINK_HEADING_SHARE) continue;
    let card: Element = heading;
    for (let parent = heading.parentElement; parent && parent !== article; parent = parent.parentElement) {
      if (!TEASER_CONTAINERS.has(elementName(parent)) || parent.querySelectorAll('h1, h2, h3, h4').length > 1) break;
      // A card holds a kicker and a blurb at most; more paragraphs are a section of the story.
      if (countWords(parent.textContent ?? '') > TEASER_WORDS || parent.querySelectorAll('p').length > 2) break;
      card = parent;
    }
    const text = collapsed(card.textContent);
    if (text === '' || countWords(text) >= FURNITURE_WORD_SHARE * articleWords) continue;
    card.remove();
    removed.push({ text, reason: 'teaser' });
  }
  for (const element of Array.from(article.querySelectorAll('p, li, ul, ol, div, h2, h3, h4, h5, h6, dl, table'))) {
    if (!LINK_BLOCKS.has(elementName(element)) || !article.contains(element) || element.querySelector('a') === null) continue;
    const text = collapsed(element.textContent);
    if (text === '' || countWords(text) >= FURNITURE_WORD_SHARE * articleWords) continue;
    if (linkShare(element).share < LINK_TEXT_SHARE) continue;
    element.remove();
    removed.push({ text, reason: 'links' });
  }
  return removed;
}

// Whole lines that are page furniture in any article: ad labels, sign-in links, section rails,
// gallery counters. Compared after trimming punctuation, case-insensitively.
const FURNITURE_PHRASES = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advertisements', 'advert', 'ads?', 'sponsored(?: content)?', 'paid content', 'publicidade', 'publicidad',
      'anzeige', 'publicité', 'pubblicità', 'iklan', 'sign in', 'log ?in', 'register', 'breaking news', 'latest news',
      'top stories', "don'?t miss", 'must read', 'most (?:popular|read|viewed)', 'you (?:may|might) also like', 'trending(?: now)?',
      'recommended(?: for you)?', 'related(?: (?:stories|articles|content|coverage|news|links))?', 'more (?:\\S+ ){0,3}(?:news|stories|articles|videos)',
      'image \\d+ of(?: /)? ?\\d+', 'photo \\d+ of \\d+', 'this slideshow requires javascript', 'post (?:a )?comment(?: \\(\\+\\))?',
      'leave a (?:comment|reply)', 'tell us what you think', 'skip to (?:main )?content', 'back to top', 'click to expand',
      'continue reading', 'show more', 'view comments', 'comments', 'print', 'email', 'share', 'share this(?: article| story)?',
      'want more stories like this', 'subscribe', 'sign up', 'watch', 'more', 'by', 'recent (?:articles|posts|stories|news)',
      'popular (?:this week|today|now|posts|articles|stories)',
    ].join('|') +
    ')$',
  'i',
);

// "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
// "Published 1 day ago", "October 06, 2018 |": the story's own date line, already read as metadata.
const DATE_LINE_WORD =
  /^(?:first|last|published|updated|posted|modified|on|at|and|ago|an?|(?:\d+(?:st|nd|rd|th)?)|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|a\.?m|p\.?m|[apm]|[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|jst|aest|hours?|mins?|minutes?|days?|weeks?|months?|years?|hrs?)$/i;
const DATE_LINE_ANCHOR = /\b(?:published|updated|posted|modified|ago|(?:19|20)\d{2})\b/i;

function isDateLine(text: string, words: number): boolean {
  if (words > 16 || !DATE_LINE_ANCHOR.test(text)) return false;
  const pieces = text.split(/[\s,;:|/.()\-–—]+/).filter((piece) => piece !== '');
  return pieces.length > 0 && pieces.every((piece) => DATE_LINE_WORD.test(piece));
}

// Words a byline may hold beside names: "By Paul Takahashi, Staff writer".
const BYLINE_WORDS = /^(?:and|staff|(?:writer|reporter|correspondent|editor|contributor)s?|senior|chief|for|the|of|in|with|at|on|de|da|van|von|der|le|la|y|e|special|to|from|associated|press|news|service)$/i;
// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const UPPER_START = /^\p{Lu}/u;

/** "By Justine Coleman - 11/18/19 11:04 PM EST": "By" and names, perhaps a date; not "By the end of 2016, ...". */
function isBylineLine(text: string, wordCount: number): boolean {
  if (wordCount > 16) return false;
  const match = /^by\s+(.+)$/i.exec(text);
  if (!match) return false;
  const words = (match[1] ?? '')
    .split(/[\s,;:|/()\-–—]+/)
    .map((word) => word.replace(/\.$/, ''))
    .filter((word) => word !== '' && !DATE_LINE_WORD.test(word) && !/^[\d.:]+$/.test(word));
  return words.length > 0 && UPPER_START.test(words[0] ?? '') && words.every((word) => UPPER_START.test(word) || BYLINE_WORDS.test(word));
}

// "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters."
const NEWSLETTER_START = /^(?:subscribe|sign up|join our|get (?:our|the latest)|want more|don't miss)\b/i;
const NEWSLETTER_WORDS = /\b(?:newsletters?|inbox|subscribe|sign up|delivered|email)\b/gi;

function isNewsletterLine(text: string, words: number): boolean {
  if (words > 40) return false;
  const cues = new Set(Array.from(text.matchAll(NEWSLETTER_WORDS), (match) => match[0].toLowerCase()));
  // "email" and "delivered" alone are prose ("The threat was delivered by email, police said.").
  const strong = [...cues].some((cue) => cue !== 'email' && cue !== 'delivered');
  return strong && ((NEWSLETTER_START.test(text) && cues.size >= 1) || cues.size >= 2);
}

// "Have a tip? Amy Kuperinsky may be reached at akuperinsky@…", "twitter.com/paultakahashi",
// "Reach the reporters on Twitter at http://twitter.com/…", "Follow him on Twitter @michaeldwall."
const CONTACT_CUE = /\b(?:reach(?:ed)?|contact|follow (?:us|him|her|me|them)|e-?mail (?:us|him|her|me|them)|write to|tips?)\b/i;
const CONTACT_ADDRESS = /[\w.+-]+@[\w-]+\.[a-z]{2,}|(?<!pic\.)(?:twitter|facebook|instagram)\.com\/\w/i;
const HANDLE = /(?:^|\s)@\w{2,}/;

function isContactLine(text: string, words: number): boolean {
  if (words > 40) return false;
  // An embedded tweet ("… pic.twitter.com/s96jjh8AlD") or a mention in prose is article text.
  // The address pattern is slow on long text: look for its anchors first.
  if ((text.includes('@') || text.includes('.com/')) && CONTACT_ADDRESS.test(text)) return CONTACT_CUE.test(text) || words <= 4;
  return text.includes('@') && HANDLE.test(text) && /\bfollow (?:us|him|her|me|them)\b/i.test(text);
}

// "(AP Photo/Alan Diaz, File)", "Natalie Naccache | Bloomberg | Getty Images", "(Image: © NASA/ESA)"
const CREDIT_PATTERN = /\((?:[\w\s.]*\s)?photo\b[^)]*\)|\bgetty images\)?\s*$|\((?:image|photo|picture)(?: credit)?:[^)]*\)|^(?:image|photo|picture)(?: credit)?:|\bphotos? ©/i;

// "READ MORE: Pentagon confirms strike", "Related: ...", "See also ..."
const READ_MORE = /^(?:read (?:more|next|also)|related(?: posts?| stories| articles| coverage| content)?|see also|also read|more from|recommended|more on this)\s*[:.|»>-]/i;
// "Filed under: Syi'ah |", "Tags: transit, council"
const TAG_LINE = /^(?:filed under|tags?|tagged(?: with)?|topics?|categor(?:y|ies))\s*:/i;
// "5 min read", "Reading time: 3 minutes", "Tempo de leitura: 2 minutos"
const READING_TIME = /^(?:(?:estimated )?read(?:ing)? time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\s*:?\s*\d+|^\d+\s*min(?:ute)?s?\.?\s+read$/i;
// "Posted on Maret 30, 2015 by Admin": a cue, a date in any language, perhaps an author.
const CUED_DATE_LINE = /^(?:first |last )?(?:published|updated|posted|modified)\b(?=.*\d)/i;
// "Keith Bradsher contributed reporting from Hong Kong."
const CONTRIBUTOR_LINE = /^\p{Lu}[\p{L}.'’ -]+(?:,? and \p{Lu}[\p{L}.'’ -]+)? contributed (?:reporting|research|to this (?:report|article|story))/u;
// "1625 K Street, NW Suite 900 Washington DC 20006 | 202-628-8500 tel | 202-628-8503 fax"
// Only the abbreviations of a letterhead count: "asked to phone police at 555-0100" is prose.
const PHONE_LINE = /\b(?:tel|fax|phone:)(?:\W.*)?\d{3}[-. ]\d{3,4}|\d{3}[-. ]\d{3,4}.*\b(?:tel|fax)\b/i;
// "© 2018 Cable News Network. All Rights Reserved.", "The contents of this site are ©2019 …"
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|©\s*(?:\d{4}|\p{Lu})|all rights reserved\.?$/iu;
// "Share this: Facebook Twitter Email"
const SHARE_LINE = /^(?:share(?: this(?: article| story)?)?|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|comments?)(?:[\s:|·•/,]+(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|copy link|comments?))*[\s:]*$/i;

// "This website uses cookies to improve your experience. … Accept Read More"
const COOKIE_NOTICE = /\b(?:uses? cookies|use of cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b/i;
// A WordPress shortcode the site failed to expand: "[button link=… type=”big”] Send us YOUR kit review[/button]".
const SHORTCODE = /^\[(\w+)[^\]]*\].*\[\/\1\]$/;

// "Like this story? Share it with a friend!", "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube."
const SOCIAL_PROMPT = /^(?:(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\b.*\bshare\b|follow (?:us|\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*) on (?:instagram|facebook|twitter|youtube|tiktok|linkedin)\b)/iu;
// "(Reporting by Greg Roumeliotis; editing by Martin Howell)": the wire's production credits.
const WIRE_CREDITS = /^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b.*\bby\b/i;
// "This post may contain affiliate and/or referral links.", "Microsoft may earn an Affiliate Commission …"
// The page speaking about itself: "may contain", "may earn", "if you buy".
const DISCLOSURE_CUE = /\b(?:may (?:contain|earn|receive|include)|(?:we|i) (?:may )?(?:earn|receive)|if you (?:buy|purchase|click)|disclosure)\b/i;
const AFFILIATE_DISCLOSURE = /\baffiliate (?:and\/or referral )?(?:links?|commissions?|partnerships?|programs?)\b/i;

// A furniture line is short: a long paragraph that starts with "Related" is prose.
const FURNITURE_LINE_WORDS = 25;
// The headline repeated inside the article is looked for among the first lines only.
const TITLE_LINES = 5;

// No furniture rule takes a line of more than 60 words; 60 long words fit in this many characters.
const LONGEST_FURNITURE_LINE = 800;

/** What the line filter knows about the page. */
export interface LineContext {
  /** Titles the page gives (meta, JSON-LD, `<title>`, Readability's); a first line equal to one is the headline. */
  readonly titles: readonly string[];
  /** The page's URL; a line that is just this URL is furniture. */
  readonly url?: string;
}

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function into
// `new RegExp(…)`, rebuilt on every call.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function comparable(text: string): string {
  return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

function isTitleLine(text: string, titles: readonly string[]): boolean {
  const line = comparable(text);
  if (line === '') return false;
  return titles.some((title) => {
    const candidate = comparable(title);
    // "Deval Patrick takes nascent 2020 campaign to South Carolina" vs the <title> with " | CT Post" after it.
    return candidate === line || (line.split(' ').length >= 4 && candidate.startsWith(`${line} `));
  });
}

/** The reason a line of article text is furniture, or undefined for article text. */
export function furnitureLineReason(text: string, index: number, context: LineContext): string | undefined {
  // Every rule below is for short lines; most article lines are long paragraphs.
  if (text.length > LONGEST_FURNITURE_LINE) return undefined;
  const trimmed = text.replace(/^[\s|•·:;,.\-–—]+|[\s|•·:;,\-–—]+$/g, '');
  if (trimmed === '') return undefined;
  if (index < TITLE_LINES && isTitleLine(trimmed, context.titles)) return 'headline';
  if (context.url !== undefined && trimmed === context.url.trim()) return 'url';
  const words = countWords(trimmed);
  if (words <= 12 && FURNITURE_PHRASES.test(trimmed.replace(/[.!?…:]+$/, ''))) return 'furniture';
  if (isDateLine(trimmed, words)) return 'date line';
  if (isBylineLine(trimmed, words)) return 'byline';
  if (isNewsletterLine(trimmed, words)) return 'newsletter';
  if (isContactLine(trimmed, words)) return 'contact';
  if (words > 60) return undefined;
  if (SHORTCODE.test(trimmed)) return 'shortcode';
  if (words <= 30 && SOCIAL_PROMPT.test(trimmed)) return 'share';
  if (WIRE_CREDITS.test(trimmed)) return 'credits';
  if (words <= 40 && AFFILIATE_DISCLOSURE.test(trimmed) && DISCLOSURE_CUE.test(trimmed)) return 'affiliate disclosure';
  if (COOKIE_NOTICE.test(trimmed)) return 'cookie notice';
  if (words > FURNITURE_LINE_WORDS) return undefined;
  if (READ_MORE.test(trimmed)) return 'read more';
  if (TAG_LINE.test(trimmed)) return 'tags';
  if (READING_TIME.test(trimmed)) return 'reading time';
  if (words <= 12 && CUED_DATE_LINE.test(trimmed)) return 'date line';
  if (trimmed.includes(' contributed ') && CONTRIBUTOR_LINE.test(trimmed)) return 'credits';
  if (PHONE_LINE.test(trimmed)) return 'contact';
  if (COPYRIGHT.test(trimmed)) return 'copyright';
  if (SHARE_LINE.test(trimmed)) return 'share';
  if (CREDIT_PATTERN.test(trimmed)) return 'caption';
  return undefined;
}

/** Drops furniture lines (`Read more`, copyright, share, date and byline lines, …); returns the kept lines and what went. */
export function removeFurnitureLines(lines: readonly TextLine[], context: LineContext): { lines: TextLine[]; removed: RemovedText[] } {
  const kept: TextLine[] = [];
  const removed: RemovedText[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const reason = furnitureLineReason(line.text, index, context);
    if (reason === undefined) kept.push(line);
    else removed.push({ text: line.text, reason });
  }
  return { lines: kept, removed };
}
