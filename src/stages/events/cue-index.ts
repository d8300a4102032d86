/**
 * A token-level index over cue regular expressions: each cue is filed under the few first letters
 * its matches can start with, so a sentence only runs the cues whose first letters it contains.
 *
 * Running ~270 cue patterns over every sentence took 0.05–0.1 ms a sentence; with the index a
 * sentence runs the handful of cues its words can start, and the hits are exactly the same (the
 * full pattern still decides, the index only skips cues that cannot match).
 */

/** Length of the word prefix cues are filed under. */
export const ANCHOR_LENGTH = 3;

/** Give up on a pattern (always run it) beyond this many distinct prefixes. */
const MAX_ANCHORS = 400;

type Item =
  | { readonly kind: 'chars'; readonly chars: readonly string[]; readonly min: number; readonly max: number }
  | { readonly kind: 'group'; readonly alternatives: readonly (readonly Item[])[]; readonly min: number; readonly max: number }
  | { readonly kind: 'any'; readonly min: number; readonly max: number }
  | { readonly kind: 'empty' };

interface Parsed {
  readonly alternatives: Item[][];
  readonly end: number;
}

/** Parses the subset of regular-expression syntax the cue tables use; anything else reads as "any character". */
function parseAlternatives(source: string, start: number): Parsed {
  const alternatives: Item[][] = [[]];
  let position = start;
  while (position < source.length) {
    const char = source[position]!;
    if (char === ')') break;
    if (char === '|') { alternatives.push([]); position++; continue; }
    let item: Item;
    if (char === '(') {
      let inner = position + 1;
      if (source.startsWith('?:', inner)) inner += 2;
      else if (source[inner] === '?') {
        // Look-arounds are zero-width: skip them whole.
        const parsed = parseAlternatives(source, source.indexOf(':', inner) >= 0 ? inner + 2 : inner + 1);
        position = parsed.end + 1;
        alternatives[alternatives.length - 1]!.push({ kind: 'empty' });
        continue;
      }
      const parsed = parseAlternatives(source, inner);
      position = parsed.end + 1;
      item = { kind: 'group', alternatives: parsed.alternatives, min: 1, max: 1 };
    } else if (char === '[') {
      const close = source.indexOf(']', position + 1);
      const body = source.slice(position + 1, close);
      position = close + 1;
      item = /\\|^\^|.-./u.test(body) ? { kind: 'any', min: 1, max: 1 } : { kind: 'chars', chars: [...new Set([...body.toLowerCase()])], min: 1, max: 1 };
    } else if (char === '\\') {
      const escaped = source[position + 1] ?? '';
      position += 2;
      if (escaped === 'b' || escaped === 'B') { alternatives[alternatives.length - 1]!.push({ kind: 'empty' }); continue; }
      item = /[a-zA-Z0-9]/.test(escaped) ? { kind: 'any', min: 1, max: 1 } : { kind: 'chars', chars: [escaped], min: 1, max: 1 };
    } else if (char === '.' || char === '^' || char === '$') {
      position++;
      if (char !== '.') { alternatives[alternatives.length - 1]!.push({ kind: 'empty' }); continue; }
      item = { kind: 'any', min: 1, max: 1 };
    } else {
      position++;
      item = { kind: 'chars', chars: [char.toLowerCase()], min: 1, max: 1 };
    }
    // Quantifier.
    const quantifier = /^(?:\?|\*|\+|\{(\d*)(?:,(\d*))?\})\??/.exec(source.slice(position));
    if (quantifier) {
      position += quantifier[0].length;
      const symbol = quantifier[0][0];
      const min = symbol === '?' || symbol === '*' ? 0 : symbol === '+' ? 1 : Number(quantifier[1] || 0);
      const max = symbol === '?' ? 1 : symbol === '*' || symbol === '+' ? Infinity : quantifier[2] === undefined ? min : quantifier[2] === '' ? Infinity : Number(quantifier[2]);
      item = { ...item, min, max } as Item;
    }
    alternatives[alternatives.length - 1]!.push(item);
  }
  return { alternatives, end: position };
}

interface Continuation {
  readonly items: readonly Item[];
  readonly index: number;
  /** Times the item at `index` has been taken already. */
  readonly taken: number;
  readonly next: Continuation | null;
}

/**
 * The word prefixes (lower case, at most {@link ANCHOR_LENGTH} letters or digits, shorter when the match
 * is a shorter word) that a match of `source` can start with; `null` when it cannot tell (a pattern
 * starting with `\w`, `.`, a space or too many alternatives), and then the cue is always run.
 */
export function cueAnchors(source: string): string[] | null {
  const parsed = parseAlternatives(source, 0);
  const anchors = new Set<string>();
  let failed = false;
  const finish = (accumulated: string): void => {
    if (accumulated.length === 0) { failed = true; return; }
    anchors.add(accumulated);
    if (anchors.size > MAX_ANCHORS) failed = true;
  };
  const walk = (continuation: Continuation | null, accumulated: string): void => {
    if (failed) return;
    if (accumulated.length >= ANCHOR_LENGTH) { finish(accumulated); return; }
    if (!continuation) { finish(accumulated); return; }
    const item = continuation.items[continuation.index];
    if (!item) { walk(continuation.next, accumulated); return; }
    const after: Continuation = { ...continuation, index: continuation.index + 1, taken: 0 };
    if (item.kind === 'empty') { walk(after, accumulated); return; }
    if (continuation.taken >= item.min) walk(after, accumulated);
    if (continuation.taken >= item.max) return;
    const again: Continuation = { ...continuation, taken: continuation.taken + 1 };
    if (item.kind === 'any') { failed = true; return; }
    if (item.kind === 'chars') {
      for (const char of item.chars) {
        // A match is a word start followed by word characters; a space or hyphen ends the anchor.
        if (/[\p{L}\p{N}]/u.test(char)) walk(again, accumulated + char);
        else finish(accumulated);
      }
      return;
    }
    for (const alternative of item.alternatives) walk({ items: alternative, index: 0, taken: 0, next: again }, accumulated);
  };
  for (const alternative of parsed.alternatives) walk({ items: alternative, index: 0, taken: 0, next: null }, '');
  return failed ? null : [...anchors].sort();
}

/** Cues filed by anchor; cues without anchors are always run. */
export interface CueIndex<Cue> {
  readonly byAnchor: ReadonlyMap<string, readonly Cue[]>;
  readonly always: readonly Cue[];
  /** Position of each cue in the original list (candidates are returned in that order). */
  readonly order: ReadonlyMap<Cue, number>;
}

/** Files each cue under the anchors of its pattern source. */
export function buildCueIndex<Cue>(cues: readonly Cue[], source: (cue: Cue) => string): CueIndex<Cue> {
  const byAnchor = new Map<string, Cue[]>();
  const always: Cue[] = [];
  for (const cue of cues) {
    const anchors = cueAnchors(source(cue));
    if (!anchors) { always.push(cue); continue; }
    for (const anchor of anchors) {
      const list = byAnchor.get(anchor) ?? [];
      list.push(cue);
      byAnchor.set(anchor, list);
    }
  }
  return { byAnchor, always, order: new Map(cues.map((cue, index) => [cue, index])) };
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Code units of the letter or number at `at` (2 for one beyond the Basic Multilingual Plane), 0 when there is none. */
function letterOrNumberAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  const point = text.codePointAt(at)!;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** The cues that may match somewhere in `text`, in their original order (no duplicates). */
export function candidateCues<Cue>(index: CueIndex<Cue>, text: string): Cue[] {
  const found = new Set<Cue>(index.always);
  const lower = text.toLowerCase();
  // The runs of letters and numbers (`[\p{L}\p{N}]+`), found by one scan.
  for (let at = 0; at < lower.length;) {
    let units = letterOrNumberAt(lower, at);
    if (units === 0) { at++; continue; }
    const start = at;
    while (units > 0) {
      at += units;
      units = at < lower.length ? letterOrNumberAt(lower, at) : 0;
    }
    const key = lower.slice(start, Math.min(at, start + ANCHOR_LENGTH));
    // An anchor shorter than ANCHOR_LENGTH is a whole word ("co" of "co-operate"), so the word itself is its key.
    for (const cue of index.byAnchor.get(key) ?? []) found.add(cue);
  }
  return [...found].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}


/** Top-level alternatives of a pattern source (`a|b(?:c|d)` → `a`, `b(?:c|d)`). */
export function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let position = 0; position < source.length; position++) {
    const char = source[position];
    if (char === '\\') { position++; continue; }
    if (inClass) { if (char === ']') inClass = false; continue; }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) { out.push(source.slice(start, position)); start = position + 1; }
  }
  out.push(source.slice(start));
  return out;
}

/** One match of a {@link TokenMatcher}: where, what, and the tag of the pattern that matched. */
export interface TokenMatch<Tag> {
  readonly index: number;
  readonly text: string;
  readonly tag: Tag;
}

interface Alternative<Tag> {
  readonly order: number;
  readonly tag: Tag;
  readonly pattern: RegExp;
}

/**
 * A long alternation (`\b(?:p1|p2|…)\b`, case-insensitive) matched word by word: each alternative is filed
 * under its anchors and tried, sticky, only where a word starts with one of them. Same matches as the
 * global regular expression (leftmost, then the first alternative in order, then on after the match),
 * at a fraction of the cost: V8 tries every alternative at every position of a 200-alternative pattern.
 */
export interface TokenMatcher<Tag> {
  readonly byAnchor: ReadonlyMap<string, readonly Alternative<Tag>[]>;
  readonly always: readonly Alternative<Tag>[];
}

/** Builds a {@link TokenMatcher} from tagged pattern sources (each may be an alternation itself). */
export function buildTokenMatcher<Tag>(entries: readonly { readonly source: string; readonly tag: Tag }[]): TokenMatcher<Tag> {
  const byAnchor = new Map<string, Alternative<Tag>[]>();
  const always: Alternative<Tag>[] = [];
  let order = 0;
  for (const { source, tag } of entries) {
    for (const alternative of splitAlternatives(source)) {
      const entry = { order: order++, tag, pattern: new RegExp(`\\b(?:${alternative})\\b`, 'iy') };
      const anchors = cueAnchors(alternative);
      if (!anchors) { always.push(entry); continue; }
      for (const anchor of anchors) {
        const list = byAnchor.get(anchor) ?? [];
        list.push(entry);
        byAnchor.set(anchor, list);
      }
    }
  }
  return { byAnchor, always };
}

// ASCII words (`[a-z0-9]`), as the `\b` of the patterns sees them (and faster than a Unicode scan).
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** The matches in `text`, left to right, not overlapping; at most `limit` (default all). */
export function matchTokens<Tag>(matcher: TokenMatcher<Tag>, text: string, limit = Infinity): TokenMatch<Tag>[] {
  const out: TokenMatch<Tag>[] = [];
  const lower = text.toLowerCase();
  let after = 0;
  // The runs of `[a-z0-9]` in the lower-cased text, found by one scan (no match object per word).
  for (let index = 0; index < lower.length; index++) {
    if (!isWordCode(lower.charCodeAt(index))) continue;
    let end = index + 1;
    while (end < lower.length && isWordCode(lower.charCodeAt(end))) end++;
    const start = index;
    // On from `end`, which holds no word character.
    index = end;
    if (start < after) continue;
    const key = lower.slice(start, Math.min(end, start + ANCHOR_LENGTH));
    const candidates = matcher.byAnchor.get(key);
    if (!candidates && matcher.always.length === 0) continue;
    let best: Alternative<Tag> | undefined;
    let bestText = '';
    for (const list of [candidates, matcher.always]) {
      if (!list) continue;
      for (const alternative of list) {
        if (best && alternative.order > best.order) continue;
        alternative.pattern.lastIndex = start;
        const match = alternative.pattern.exec(text);
        if (match) { best = alternative; bestText = match[0]; }
      }
    }
    if (!best) continue;
    out.push({ index: start, text: bestText, tag: best.tag });
    if (out.length >= limit) break;
    after = start + bestText.length;
  }
  return out;
}
