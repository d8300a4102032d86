/**
 * Cleans a scraped story: leftover photo captions and credits, `Story highlights`, `Read More`,
 * share and copyright lines, and the wire dateline, which becomes metadata. Everything removed is
 * recorded with its reason; the kept text is aligned to the source.
 */
import type { AlignmentPiece, Meta, Removal } from '../../doc/schema.js';
import { TextBuilder } from '../../doc/text-builder.js';
import { agencyLine, matchDateline } from './dateline.js';
import { findVisibleDate } from './visible-date.js';

/** What normalisation produces. */
export interface Normalized {
  readonly text: string;
  readonly alignment: AlignmentPiece[];
  readonly removals: Removal[];
  readonly meta: Partial<Meta>;
}

interface Line {
  /** Start of the line in the source. */
  readonly start: number;
  /** End of the line content (before `\n`). */
  readonly end: number;
  /** Trimmed content. */
  readonly content: string;
}

// "01 pentagon aerial FILE", "(AP Photo/Hadi Mizban)", "Photo: Getty Images": credits and photo
// file names left over from the page's picture, above the story.
const CREDIT_MARKER = /\b(?:FILE|File photo|PHOTO|Photo|Photograph|Photos|Image|Images|Getty|AP Photo|Credit|Courtesy|Handout|Illustration|Pool)\b|©|\b(?:Reuters|AFP|EPA|AP)\//;
const SLUG = /^\d+[ _-]+[a-z][\w -]*$/;
const STORY_HIGHLIGHTS = /^(?:Story highlights|Key points|Highlights)\s*:?$/i;
// Whole lines that are page furniture, never story text.
const BOILERPLATE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Read more\b.{0,120}$/i, 'read-more link'],
  [/^(?:Share|Share this(?: article| story)?|Share on (?:Facebook|Twitter|X)|Tweet|Email|Print|Comments?)$/i, 'share line'],
  [/^(?:Follow|Like) (?:us|\w+(?: \w+)?) on (?:Twitter|Facebook|Instagram|X|LinkedIn)\b.{0,80}$/i, 'share line'],
  [/^Chat with us in Facebook Messenger.{0,120}$/i, 'share line'],
  [/^(?:Sign up|Subscribe)\b.{0,120}(?:newsletter|email|inbox|subscribe).{0,60}$/i, 'newsletter promotion'],
  [/^(?:Click here|Tap here)\b.{0,120}$/i, 'link line'],
  [/^(?:Advertisement|ADVERTISEMENT|Sponsored|Skip Ad)$/, 'advertisement'],
  [/^(?:Copyright|©)\b.{0,160}$|^.{0,160}All rights reserved\.?$/i, 'copyright line'],
  [/^(?:RELATED|Related|MORE|More|Watch|WATCH|READ|Read)(?: STORIES| stories| coverage)?:.{0,160}$/, 'related link'],
  [/^(?:Listen to this article|Story highlights)$/i, 'page furniture'],
];
// `… the region. Read More` at the end of a paragraph.
const TRAILING_READ_MORE = /\s*\bRead More$/;

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    lines.push({ start, end, content: source.slice(start, end).trim() });
    start = end + 1;
  }
  return lines;
}

/** `By Jane Doe`, `By Jane Doe and John Roe`, `By Tom Hughes, Sports Correspondent`. */
const BYLINE = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*)\s*,?/u;
/** A part of a byline that gives the writer's job or desk, not a name. */
const BYLINE_ROLE = /\b(?:Correspondent|Editor|Reporter|Writer|Staff|Columnist|Contributor|Bureau|Chief|Analyst|Producer|Desk|Critic)s?\b/;
/** What may follow a byline's names on its line: nothing in lower case but a job (`, staff writer`). */
const BYLINE_REST = /^[\s,]*(?:(?:[\p{L}-]+\s+){0,2}(?:writer|reporter|correspondent|editor|columnist)s?\.?)?\s*$/iu;

/** The names of a byline, its job titles left out (`Tom Hughes, Sports Correspondent` → `Tom Hughes`). */
function bylineNames(byline: string): string {
  const parts = byline.split(/\s*,\s*/);
  const names = parts.filter((part) => !BYLINE_ROLE.test(part));
  return names.length > 0 ? names.join(', ') : byline;
}

function wordCount(content: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < content.length; index++) {
    const code = content.charCodeAt(index);
    const space = code === 32 || code === 9 || code === 0xa0 || code === 10 || code === 13;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function isCaption(content: string): boolean {
  if (wordCount(content) > 30) return false;
  if (CREDIT_MARKER.test(content)) return true;
  return SLUG.test(content);
}

function isBoilerplate(content: string): string | undefined {
  if (content.length > 240) return undefined;
  for (const [pattern, reason] of BOILERPLATE) if (pattern.test(content)) return reason;
  return undefined;
}

/**
 * Normalises a plain-text story.
 * @param source the story as received (already decoded)
 */
export function normalizeText(source: string): Normalized {
  const lines = splitLines(source);
  const removals: Removal[] = [];
  // Metadata in the order the head gives it (the order its keys keep): a Map, not an object grown
  // field by field, whose shapes (one per combination of fields) made this function deoptimise.
  const meta = new Map<keyof Meta, Meta[keyof Meta]>();
  // keepFrom[i] / keepTo[i]: the part of line i kept (relative to line start); removed lines get -1.
  const keepFrom = new Int32Array(lines.length);
  const keepTo = new Int32Array(lines.length);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    keepFrom[index] = 0;
    keepTo[index] = line.end - line.start;
  }
  const remove = (index: number, reason: string): void => {
    const line = lines[index];
    if (!line || keepFrom[index] === -1) return;
    removals.push({ start: line.start, end: line.end, reason, text: source.slice(line.start, line.end) });
    keepFrom[index] = -1;
  };

  // 1. The head of the story: captions, highlights, headline, timestamp and dateline, in the first lines.
  const headLimit = Math.min(lines.length, 40);
  let datelineLine = -1;
  for (let index = 0; index < headLimit; index++) {
    const line = lines[index];
    if (!line || !line.content) continue;
    const offset = line.end - line.start - source.slice(line.start, line.end).trimStart().length;
    const dateline = matchDateline(source.slice(line.start + offset, line.end));
    if (dateline) {
      datelineLine = index;
      if (dateline.place) meta.set('dateline', dateline.place);
      if (dateline.publisher) meta.set('publisher', dateline.publisher);
      const cut = offset + dateline.length;
      removals.push({ start: line.start, end: line.start + cut, reason: 'dateline', text: source.slice(line.start, line.start + cut) });
      if (cut >= line.end - line.start || !source.slice(line.start + cut, line.end).trim()) keepFrom[index] = -1;
      else keepFrom[index] = cut;
      break;
    }
    // Stop looking once real story text starts: a long line that reads as prose.
    if (wordCount(line.content) > 30 && /[.!?”"]$/.test(line.content)) break;
  }
  // No dateline: a byline among the first lines, before the prose starts, ends the head the same way
  // (`Headline` / `By Tom Hughes, Sports Correspondent` / story).
  let bylineLine = -1;
  if (datelineLine < 0) {
    for (let index = 0; index < Math.min(lines.length, 6); index++) {
      const content = lines[index]?.content;
      if (!content) continue;
      // Prose has begun: a long line, or a sentence.
      if (wordCount(content) > 25 || (wordCount(content) > 8 && /[.!?”"]$/.test(content))) break;
      const byline = BYLINE.exec(content);
      // The whole line is the byline (`By Friday the coach had gone.` is a sentence).
      if (byline && wordCount(content) <= 12 && BYLINE_REST.test(content.slice(byline[0].length))) {
        bylineLine = index;
        break;
      }
    }
  }
  // Neither: a first line that reads as a title (short, no closing punctuation) set off by a blank
  // line from the prose under it is the headline (`Man charged with murder after woman found dead in Leeds flat`).
  let titleLine = -1;
  if (datelineLine < 0 && bylineLine < 0) {
    const first = lines.findIndex((line) => Boolean(line.content));
    const next = first >= 0 ? lines.findIndex((line, index) => index > first && Boolean(line.content)) : -1;
    const firstContent = first >= 0 ? lines[first]!.content : '';
    const nextContent = next >= 0 ? lines[next]!.content : '';
    if (next > first + 1 && wordCount(firstContent) >= 3 && wordCount(firstContent) <= 20 && !/[.!?…:;,"”’'»)]$/.test(firstContent) && /^\p{Lu}/u.test(firstContent)
      && wordCount(nextContent) > 12 && /[.!?”"]$/.test(nextContent) && !isBoilerplate(firstContent) && !isCaption(firstContent)) titleLine = first;
  }
  if (titleLine >= 0) {
    meta.set('title', lines[titleLine]!.content);
    remove(titleLine, 'headline');
  }
  const headEnd = datelineLine >= 0 ? datelineLine : bylineLine >= 0 ? bylineLine + 1 : Math.min(lines.length, 6);
  let inHighlights = false;
  for (let index = 0; index < headEnd; index++) {
    const line = lines[index];
    if (!line || !line.content || keepFrom[index] === -1) continue;
    const content = line.content;
    if (STORY_HIGHLIGHTS.test(content)) {
      remove(index, 'story highlights');
      inHighlights = datelineLine >= 0;
      continue;
    }
    if (inHighlights) {
      remove(index, 'story highlights');
      continue;
    }
    const visible = findVisibleDate(content);
    if (visible && visible.wholeLine) {
      if (!meta.has('published')) {
        meta.set('published', visible.date);
        meta.set('publishedSource', 'visible-text');
      }
      remove(index, 'timestamp line');
      continue;
    }
    const boilerplate = isBoilerplate(content);
    if (boilerplate) {
      remove(index, boilerplate);
      continue;
    }
    if (isCaption(content)) {
      remove(index, 'photo caption or credit');
      continue;
    }
    // Above a dateline (or down to a byline), what is left is the headline (or a byline).
    if (datelineLine >= 0 || bylineLine >= 0) {
      // `By Lisa Mascaro` / `Associated Press`: the agency the byline writes for.
      const agency = agencyLine(content);
      if (agency) {
        if (!meta.has('publisher')) meta.set('publisher', agency);
        remove(index, 'publisher credit');
        continue;
      }
      const byline = BYLINE.exec(content);
      if (byline && byline[1] && wordCount(content) <= 12) {
        meta.set('byline', bylineNames(byline[1]));
        remove(index, 'byline');
      } else if (!meta.has('title') && wordCount(content) <= 25) {
        meta.set('title', content);
        remove(index, 'headline');
      }
    }
  }

  // 2. Page furniture anywhere in the story.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line || !line.content || keepFrom[index] === -1) continue;
    // `By Evelyne Musambi` on a line of its own under the first paragraph, as pages put it: the
    // byline, not a sentence of the story (whose names would read as its people, even speakers).
    const byline = BYLINE.exec(line.content);
    if (byline && byline[1] && wordCount(line.content) <= 12 && BYLINE_REST.test(line.content.slice(byline[0].length)) && !lines[index - 1]?.content && !lines[index + 1]?.content) {
      if (!meta.has('byline')) meta.set('byline', bylineNames(byline[1]));
      remove(index, 'byline');
      continue;
    }
    if (wordCount(line.content) <= 25) {
      const boilerplate = isBoilerplate(line.content);
      if (boilerplate) {
        remove(index, boilerplate);
        continue;
      }
    }
    if (!line.content.endsWith('Read More')) continue;
    const lineText = source.slice(line.start, line.end).trimEnd();
    const trailing = TRAILING_READ_MORE.exec(lineText);
    if (trailing && trailing.index > 0) {
      const cutStart = line.start + trailing.index;
      removals.push({ start: cutStart, end: line.start + lineText.length, reason: 'read-more link', text: source.slice(cutStart, line.start + lineText.length) });
      keepTo[index] = trailing.index;
    }
  }

  // 3. Build the text: kept lines with their newlines, without leading and trailing blank space.
  const builder = new TextBuilder(source);
  let started = false;
  let pendingNewlines: number[] = [];
  let removedSince = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const from = keepFrom[index] ?? -1;
    if (!line) continue;
    if (from === -1 || !line.content) {
      if (from === -1) removedSince = true;
      else if (started && line.end < source.length) pendingNewlines.push(line.end);
      continue;
    }
    let start = line.start + from;
    const end = line.start + (keepTo[index] ?? 0);
    if (!started) {
      while (start < end && /\s/.test(source[start] ?? '')) start++;
      started = true;
    } else {
      // Where a removed line sat between two kept ones, keep at most one blank line.
      const newlines = removedSince ? pendingNewlines.slice(0, 2) : pendingNewlines;
      for (const newline of newlines) builder.keep(newline, newline + 1);
    }
    pendingNewlines = [];
    removedSince = false;
    let trimmedEnd = end;
    while (trimmedEnd > start && /[ \t\u00a0\r]/.test(source[trimmedEnd - 1] ?? '')) trimmedEnd--;
    builder.keep(start, trimmedEnd);
    if (line.end < source.length) pendingNewlines.push(line.end);
  }
  const { text, alignment } = builder.finish();
  removals.sort((a, b) => a.start - b.start);
  return { text, alignment, removals, meta: Object.fromEntries(meta) as Partial<Meta> };
}
