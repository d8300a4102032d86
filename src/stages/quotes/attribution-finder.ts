/**
 * From tagged tokens to attributions: content, cue and source runs are read off the tags, each
 * content run is tied to the nearest cue in its line, a cue keeps at most its nearest content on
 * each side (both only for the halves of one quote, `“…,” he said. “…”`, or around a reporting
 * clause), a verb of saying left without content takes the clause it reports, and each cue gets
 * its nearest source. Quoted stretches the tagger left out become direct quotes of their own (the
 * speaker is then found from the context by the resolver). Contents are then fitted to PolNeAR's
 * conventions: transcript lines, `that` after a telling verb, prepositions with the cue, one
 * sentence outside quotation marks, the end of a quotation that closes a thought. */
import type { Mention, Span, Token } from '../../doc/schema.js';
import { COGNITION_VERBS, PASSIVE_BELIEF, SPEECH_NOUNS, SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import type { QuotedSpan } from './quote-marks.js';
import { Tag } from './tagger.js';
import { firstIndexWhere, firstTokenEndingAfter, firstTokenStartingFrom } from '../../doc/token-search.js';
import { WEEKDAY_NAME } from '../../lang/en/calendar.js';
import { POSSESSIVE_DETERMINERS } from '../../lang/en/pronouns.js';

/** A run of tokens with one tag type. */
export interface TagRun extends Span {
  readonly type: 'content' | 'cue' | 'source';
  readonly firstToken: number;
  /** Index of the last token, inclusive. */
  readonly lastToken: number;
}

/** An attribution before speaker resolution. */
export interface FoundAttribution {
  readonly content: Span[];
  readonly cue: Span | null;
  readonly source: Span | null;
  readonly kind: 'direct' | 'indirect' | 'mixed';
  /** What proposed it: `tagger`, `quote-marks`. */
  readonly rule: string;
  /** Token index of the first content token (for ordering and context). */
  readonly firstToken: number;
}



const LEADING_PUNCTUATION = /^[.,;:?!)\]]+$/u;

// Patterns with `\p{…}` live here, not in the functions: under tsx (tests, benches) esbuild
// compiles such a literal inside a function into `new RegExp(…)`, made again on every call.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A unit that ends a word or a quotation (`said`, `2013`, `kidding.”`). */
const WORD_OR_QUOTE_END = /[\p{L}\p{N}”"’]/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const WHOLE_WORD = /^[\p{L}\p{N}’'.-]+$/u;
/** `… as` or `… as a` right before a quotation (`described as “…”`). */
const AS_BEFORE = /(?:^|[^\p{L}])as(?:[ \t]+(?:a|an|the))?[ \t]+$/iu;

/** Reads runs off BIO tags. */
export function tagRuns(text: string, tokens: readonly Token[], tags: Uint8Array): TagRun[] {
  const runs: TagRun[] = [];
  let open: { type: TagRun['type']; first: number } | null = null;
  const close = (last: number): void => {
    if (open) {
      let first = open.first;
      // `push? “This is the period …”`: a content never starts at closing punctuation.
      if (open.type === 'content') while (first < last && LEADING_PUNCTUATION.test(text.slice(tokens[first]!.start, tokens[first]!.end))) first++;
      runs.push({ type: open.type, firstToken: first, lastToken: last, start: tokens[first]!.start, end: tokens[last]!.end });
    }
    open = null;
  };
  for (let index = 0; index < tokens.length; index++) {
    const tag = tags[index]!;
    if (tag === Tag.BeginContent || tag === Tag.BeginCue || tag === Tag.BeginSource) {
      close(index - 1);
      open = { type: tag === Tag.BeginContent ? 'content' : tag === Tag.BeginCue ? 'cue' : 'source', first: index };
    } else if (tag === Tag.O) close(index - 1);
    else if (open === null) open = { type: tag === Tag.InsideContent ? 'content' : tag === Tag.InsideCue ? 'cue' : 'source', first: index };
  }
  close(tokens.length - 1);
  return runs;
}

const QUOTE_MARK = /["“”«»„]/;

function isQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0x201c || code === 0x201d || code === 0xab || code === 0xbb || code === 0x201e || code === 0x2018 || code === 0x27;
}

/**
 * Direct when every piece starts at a quotation's opening mark, mixed when a quotation is inside,
 * else indirect. Marks that never close (`"The first time she had seen him, …` with no closing
 * mark, a stray in scraped text) make nothing direct.
 */
/** Running maximum of the quoted stretches' ends, per array (the stage builds one per document). */
const reachOf = new WeakMap<readonly QuotedSpan[], Float64Array>();

/**
 * Where a scan of `quoted` for a piece from `offset` on can start: every stretch before that index
 * ends at or before `offset`, so the scans below would skip it. A binary search over the running
 * maximum of ends, instead of a walk from the first stretch for every attribution (quadratic on
 * long texts). For an empty piece the scans start at 0.
 */
function firstReaching(quoted: readonly QuotedSpan[], piece: Span): number {
  if (piece.end <= piece.start) return 0;
  let reach = reachOf.get(quoted);
  if (reach === undefined || reach.length !== quoted.length) {
    reach = new Float64Array(quoted.length);
    let most = -Infinity;
    for (let index = 0; index < quoted.length; index++) {
      most = Math.max(most, quoted[index]!.end);
      reach[index] = most;
    }
    reachOf.set(quoted, reach);
  }
  let low = 0;
  let high = reach.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reach[middle]! <= piece.start) low = middle + 1;
    else high = middle;
  }
  return low;
}

function kindOf(pieces: readonly Span[], quoted: readonly QuotedSpan[]): FoundAttribution['kind'] {
  let quotedPieces = 0;
  let anyMark = false;
  for (const piece of pieces) {
    for (let index = firstReaching(quoted, piece); index < quoted.length; index++) {
      const span = quoted[index]!;
      if (span.start >= piece.end) break;
      if (span.unclosed || span.end <= piece.start) continue;
      anyMark = true;
      if (span.start === piece.start) {
        quotedPieces++;
        break;
      }
    }
  }
  if (quotedPieces === pieces.length) return 'direct';
  return anyMark ? 'mixed' : 'indirect';
}

/** Paragraph index of each token (tokens and paragraphs both sorted). */
function paragraphOfTokens(tokens: readonly Token[], paragraphs: readonly Span[]): Int32Array {
  const result = new Int32Array(tokens.length);
  let paragraph = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    while (paragraph + 1 < paragraphs.length && paragraphs[paragraph]!.end <= token.start) paragraph++;
    result[index] = paragraph;
  }
  return result;
}

/** Minimum number of words for a quoted stretch with no tagged content to count as a quote. */
const MINIMUM_QUOTE_WORDS = 4;
/** The words that say a verb was not used (`did not`, `declined to`, `hasn't`) and an adverb after them. */
const NEGATION = String.raw`(?:did\s+not|didn['’]t|would\s+not|wouldn['’]t|could\s+not|couldn['’]t|declined\s+to|refused\s+to|has\s+not|have\s+not|hasn['’]t|haven['’]t)\s+(?:\w+ly\s+)?`;
/** `did not say`, `declined to comment on`, `would not confirm`: a cue said not to have been used. */
const NOT_SAID_BEFORE = new RegExp(String.raw`\b${NEGATION}$`, 'i');
/**
 * A negated reply opening the cue itself (`did not respond to | a request for comment`): nothing
 * was said. (Other negated cues stay: PolNeAR keeps `didn't expect him to …`, `did not want …`.)
 */
const NOT_SAID_CUE = new RegExp(String.raw`^${NEGATION}(?:respond|reply|replied|return|answer)`, 'i');
/** A negated verb of telling, before a question (`did not say | what …`, `would not disclose | how many …`). */
const NOT_SAID_WH_CUE = new RegExp(String.raw`^${NEGATION}(?:say|said|disclose|reveal|specify|explain|elaborate|identify|confirm|give|provide|comment)`, 'i');
/** A cue of not knowing (`was not immediately clear`, `remains unclear`, `is unknown`). */
const UNKNOWN_CUE = /^(?:(?:it\s+)?(?:is|was|are|were|remains?|remained|has\s+not\s+been|had\s+not\s+been)\s+)?(?:not\s+)?(?:\w+ly\s+)?(?:clear|unclear|known|unknown)$/i;
/** A content that opens as a question (`what …`, `whether …`, `how many …`). */
const WH_OPENING = /^(?:what|whether|why|how|who|whom|whose|which|when|where|if)\b/i;
/** Cue words that also mean to shoot or launch. */
/** What an office issues that reports no words (`a temporary restraining order`, `an arrest warrant`, `bonds`). */
const ISSUED_THING = /^(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}(?:order|orders|warrants?|injunctions?|ban|decree|visas?|licen[cs]es?|bonds|shares|notes|debt|passports?|permits?|summons|fines?|tickets?|citations?|subpoenas?|pardons?|sanctions|tariffs|guidelines|regulations|rules)\b/i;
/** A verb of throwing or firing and what was thrown (`threw stones`, `hurled petrol bombs`). */
const PROJECTILE_CUE = /\b(?:threw|thrown|throwing|hurled|hurling|pelted|lobbed|fired|launched)\s+(?:[\w-]+\s+)?(?:stones?|rocks?|bottles?|bricks?|petrol\s+bombs?|molotov\s+cocktails?|firebombs?|tear\s*gas|projectiles?|objects|eggs|fireworks|flares?|grenades?)$/i;
const WEAPON_CUE = /\b(?:fire[sd]?|firing|launch(?:ed|es|ing)?|shot|shoot(?:s|ing)?)\b/i;
/** A content that is what was shot (`a barrage of rockets at …`, `tear gas at protesters`). */
const WEAPON_CONTENT = /^(?:at least\s+|more than\s+|about\s+|some\s+|\d[\d,]*\s+|(?:a|an|the|two|three|four|five|six|dozens|hundreds)\s+|(?:dozens|hundreds|thousands|scores|tens of thousands)\s+of\s+)?(?:(?:barrage|salvo|volley|hail|number|round)s?\s+of\s+)?(?:[\w-]+\s+)?(?:rockets?|missiles?|shells?|mortars?|bullets?|shots?|rounds|tear\s*gas|rubber bullets|drones?|projectiles?|grenades?|warning shots|artillery|flares?)\b/i;

/** Words in `span`, counted up to `limit` (the callers only ask whether there are a few). */
function wordCount(text: string, span: Span, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let position = span.start; position < span.end; position++) {
    const code = text.charCodeAt(position);
    const wordCharacter = code > 0x40 || (code >= 0x30 && code <= 0x39);
    if (wordCharacter && !inWord && ++count >= limit) return count;
    inWord = wordCharacter && code !== 0x201c && code !== 0x201d;
  }
  return count;
}

/**
 * Widens a content piece that starts or ends inside a quoted stretch to the stretch's marks: a
 * direct quote's content includes its quote marks, and the tagger often stops a word short
 * (`"The health issue overall is very much a partisan issue, but … which, I’m going to read`).
 */
export function snapToQuotes(piece: Span, quoted: readonly QuotedSpan[]): Span {
  let { start, end } = piece;
  for (let index = firstReaching(quoted, piece); index < quoted.length; index++) {
    const span = quoted[index]!;
    if (span.start >= end) break;
    // A mark that never closes (`"The first time she had seen him, …` with no closing mark) is
    // more likely a stray than a quotation: no widening to it.
    if (span.end <= start || span.unclosed) continue;
    if (start > span.start && start < span.end) start = span.start;
    if (end > span.start && end < span.end) end = span.end;
  }
  return start === piece.start && end === piece.end ? piece : { start, end };
}

// `WALLACE: Let’s start with breaking news …`, `PENCE: Well, look, …`: a transcript line opens
// with the speaker's name and a colon (after an optional quote mark).
const TRANSCRIPT_SPEAKER = /^(["“]?)(\p{Lu}[\p{L}.’'-]*(?:[ \t]\p{Lu}[\p{L}.’'-]*){0,2}):[ \t]+(?=\S)/u;

/**
 * Transcript lines, `PENCE: Gennifer Flowers will not be attending …`: the content starts after
 * the colon, the name is the source and the colon the cue (PolNeAR's convention for interviews).
 */
export function splitTranscriptSpeaker(text: string, attribution: FoundAttribution): FoundAttribution {
  const first = attribution.content[0];
  if (!first) return attribution;
  const lineStart = first.start === 0 || text.charAt(first.start - 1) === '\n';
  if (!lineStart) return attribution;
  const match = TRANSCRIPT_SPEAKER.exec(text.slice(first.start, Math.min(first.end, first.start + 60)));
  if (!match) return attribution;
  const nameStart = first.start + match[1]!.length;
  const colon = nameStart + match[2]!.length;
  const contentStart = first.start + match[0].length;
  if (contentStart >= first.end) return attribution;
  return {
    ...attribution,
    content: [{ start: contentStart, end: first.end }, ...attribution.content.slice(1)],
    source: attribution.source && attribution.source.start >= contentStart ? { start: nameStart, end: colon } : (attribution.source ?? { start: nameStart, end: colon }),
    cue: attribution.cue && attribution.cue.start >= contentStart ? { start: colon, end: colon + 1 } : (attribution.cue ?? { start: colon, end: colon + 1 }),
    rule: `${attribution.rule}+transcript`,
  };
}

// `told voters that a Hillary Clinton victory would …`, `told a veterans group that the United
// States’ military is “depleted”`: the addressee of a verb of telling is not what was said.
const TELLING = /^(?:told|tell|tells|telling|assured|reminded|warned|informed|convinced|promised)$/i;

/**
 * Starts an indirect content at `that` when the tagger let the addressee of a telling cue into it
 * (`told | voters that …` → `that …`), or the medium after `said on` (`said on | X that …`):
 * PolNeAR's indirect content starts at `that`.
 */
export function startAtThat(text: string, tokens: readonly Token[], attribution: FoundAttribution): FoundAttribution {
  const cue = attribution.cue;
  const first = attribution.content[0];
  if (!cue || !first || cue.end > first.start) return attribution;
  const cueWords = text.slice(cue.start, cue.end).split(/\s+/);
  // (Or a verb of saying and the preposition of a medium: `said on | X that …`, `said in a
  // statement on | Telegram that …`.)
  const medium = cueWords.length >= 2 && cueWords.length <= 6 && REPORTING_VERBS.has(cueWords[0]!.toLowerCase()) && TRAILING_OPENERS.has(cueWords[cueWords.length - 1]!.toLowerCase());
  if (!TELLING.test(cueWords[cueWords.length - 1] ?? '') && !TELLING.test(cueWords[0] ?? '') && !medium) return attribution;
  const index = firstTokenStartingFrom(tokens, first.start);
  for (let step = 0; step < 6 && index + step < tokens.length; step++) {
    const token = tokens[index + step]!;
    if (token.start >= first.end) break;
    const word = text.slice(token.start, token.end);
    if (!WHOLE_WORD.test(word)) break;
    if (word.toLowerCase() === 'that') {
      if (step === 0) break;
      return { ...attribution, content: [{ start: token.start, end: first.end }, ...attribution.content.slice(1)], rule: `${attribution.rule}+that` };
    }
  }
  return attribution;
}

/** The day of a saying as written after its verb (`on Thursday`, `Friday`, `late on Sunday`, `early Saturday`), a regular-expression source. */
const SAYING_DAY = String.raw`(?:(?:early|late)\s+)?(?:on\s+)?(?:${WEEKDAY_NAME}|yesterday|today|last\s+(?:week|month|night|year)|this\s+(?:week|month|morning|year))(?:\s+(?:morning|afternoon|evening|night))?`;

/** A day that closes a sentence after its verb of saying (`…, ESA said early Saturday.`). */
const CLOSING_TIME = new RegExp(String.raw`^${SAYING_DAY}(?:\s*[.!?]?["”’]?\s*|,\s+(?!(?:adding|saying|noting|citing|warning|calling|arguing|insisting|stressing|explaining|urging|asking|and|but|that)\b)\p{Ll}[^"“”]*)$`, 'iu');

/** Verbs of what figures or findings show, closing a reported clause like a verb of saying (`…, official results showed on Friday`). */
const SHOWING_VERBS: ReadonlySet<string> = new Set(['showed', 'shows', 'announced', 'confirmed', 'reported', 'estimated']);

/** The day of a saying and a comma, between a cue and a participle clause (` on Thursday, `). */
const DAY_THEN_COMMA = new RegExp(String.raw`^\s+${SAYING_DAY},\s*$`, 'i');

/** A cue that the tagger ran onto a day's preposition (`vowed on`). */
const CUE_DAY_PREPOSITION = /\s+on$/i;
/** A day (without its preposition) opening a content. */
const LEADING_DAY = new RegExp(String.raw`^(?:${WEEKDAY_NAME})(?:\s+(?:morning|afternoon|evening|night))?\s+`, 'i');

/** A day or time right after a verb of saying; a `that` after it stays with the content. */
const LEADING_TIME = new RegExp(String.raw`^${SAYING_DAY}\s+`, 'i');

/**
 * `Health officials said | on Thursday they had confirmed …`, `The ministry said | Friday the toll
 * had risen`: the day of the saying goes with the cue; the content starts after it.
 */
export function timeToCue(text: string, attribution: FoundAttribution): FoundAttribution {
  const first = attribution.content[0];
  const cue = attribution.cue;
  if (!first || !cue || attribution.kind !== 'indirect' || cue.end > first.start || !/^\s*$/.test(text.slice(cue.end, first.start))) return attribution;
  // `vowed on | Thursday to avenge the victims`: the tagger's cue took the day's preposition and
  // left the day to the content; both are the day of the saying, whatever the verb.
  const preposition = CUE_DAY_PREPOSITION.exec(text.slice(cue.start, cue.end));
  if (preposition) {
    const day = LEADING_DAY.exec(text.slice(first.start, Math.min(first.end, first.start + 40)));
    if (!day || !/^(?:to|that)\s/i.test(text.slice(first.start + day[0].length, first.end))) return attribution;
    return { ...attribution, cue: { start: cue.start, end: cue.end - preposition[0].length }, content: [{ start: first.start + day[0].length, end: first.end }, ...attribution.content.slice(1)], rule: `${attribution.rule}+time-to-cue` };
  }
  if (!REPORTING_VERBS.has(text.slice(cue.start, cue.end).toLowerCase().split(/\s+/).pop() ?? '')) return attribution;
  const lead = LEADING_TIME.exec(text.slice(first.start, Math.min(first.end, first.start + 60)));
  if (!lead) return attribution;
  const rest = text.slice(first.start + lead[0].length, first.end);
  // (Not the subject of the content: `saying this year will meet expectations`.)
  if ((rest.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 3 || /^(?:will|would|is|was|are|were|has|had|have|could|may|might|should|must|can)\b/i.test(rest)) return attribution;
  return { ...attribution, content: [{ start: first.start + lead[0].length, end: first.end }, ...attribution.content.slice(1)], rule: `${attribution.rule}+time-to-cue` };
}

// Prepositions that PolNeAR counts with the cue, almost never as the first word of a content (64
// of 19,832 train contents): `an outspoken supporter of | NATO …`, `more passionate about` …
const CUE_PREPOSITIONS = new Set(['of', 'than', 'against', 'from', 'into', 'over', 'with']);

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function into
// `new RegExp(…)`, rebuilt on every call.
const LEADING_WORD = /^([\p{L}]+)\s+/u;
const NON_WORD = /[^\p{L}’'-]+/u;

/** Moves a leading preposition of a content to the cue right before it (`of NATO …` → `NATO …`). */
export function prepositionToCue(text: string, attribution: FoundAttribution): FoundAttribution {
  const first = attribution.content[0];
  if (!first || attribution.kind !== 'indirect') return attribution;
  const match = LEADING_WORD.exec(text.slice(first.start, Math.min(first.end, first.start + 20)));
  if (!match || !CUE_PREPOSITIONS.has(match[1]!.toLowerCase())) return attribution;
  const contentStart = first.start + match[0].length;
  if (contentStart >= first.end) return attribution;
  const cue = attribution.cue && /^\s*$/.test(text.slice(attribution.cue.end, first.start)) ? { start: attribution.cue.start, end: first.start + match[1]!.length } : attribution.cue;
  return { ...attribution, cue, content: [{ start: contentStart, end: first.end }, ...attribution.content.slice(1)], rule: `${attribution.rule}+preposition` };
}

/**
 * Cuts a content at a sentence boundary that no quotation spans, keeping the sentence on the cue's
 * side: outside quote marks, reported speech is one sentence (only 1.7 % of PolNeAR train contents
 * cross a boundary outside quotes), and a run into the next sentence is the tagger running on
 * (`…, he said. | With thousands of vote counting systems, “there is no …”`). Transcript lines and
 * attributions without a cue are left whole.
 */
export function cutAtSentenceEnd(tokens: readonly Token[], quoted: readonly QuotedSpan[], attribution: FoundAttribution): FoundAttribution {
  const cue = attribution.cue;
  if (!cue || attribution.rule.includes('transcript') || attribution.content.length !== 1) return attribution;
  const piece = attribution.content[0]!;
  const index = firstTokenEndingAfter(tokens, piece.start);
  const boundaries: number[] = [];
  for (let next = index + 1; next < tokens.length && tokens[next]!.start < piece.end; next++) {
    if (tokens[next]!.sentence === tokens[next - 1]!.sentence) continue;
    const at = tokens[next]!.start;
    if (quoted.some((span) => !span.unclosed && span.start < at && span.end > at)) continue;
    boundaries.push(next);
  }
  if (boundaries.length === 0) return attribution;
  const content: Span =
    cue.end <= piece.start
      ? { start: piece.start, end: tokens[boundaries[0]! - 1]!.end }
      : { start: tokens[boundaries[boundaries.length - 1]!]!.start, end: piece.end };
  return { ...attribution, content: [content], rule: `${attribution.rule}+sentence` };
}

const ASIDE_MARK = /^[,–—-]$/u;

/**
 * Joins content runs of one sentence split by an aside the tagger left out: `that the strike |,
 * which was conducted near Ubari, | Libya, killed “two al Qaeda terrorists …”`. PolNeAR's content
 * is one span across such a comma- or dash-delimited aside (at most 12 tokens, no cue or source
 * in it). `runs` are sorted; the result is sorted too.
 */
export function mergeAcrossAsides(text: string, tokens: readonly Token[], tags: Uint8Array, runs: readonly TagRun[]): TagRun[] {
  const merged: TagRun[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous && tokens[previous.lastToken]!.sentence === tokens[run.firstToken]!.sentence && run.firstToken - previous.lastToken - 1 <= 12) {
      const gapFirst = tokens[previous.lastToken + 1]!;
      const gapLast = run.firstToken - 1;
      // `Ubari, | Libya,`: the aside may end just inside the next run, at its first comma.
      let closes = gapLast > previous.lastToken && ASIDE_MARK.test(text.slice(tokens[gapLast]!.start, tokens[gapLast]!.end));
      for (let index = run.firstToken; !closes && index <= Math.min(run.lastToken, run.firstToken + 3); index++) {
        if (ASIDE_MARK.test(text.slice(tokens[index]!.start, tokens[index]!.end))) closes = true;
      }
      let clean = true;
      for (let index = previous.lastToken + 1; index <= gapLast; index++) if (tags[index] !== Tag.O) clean = false;
      if (clean && closes && ASIDE_MARK.test(text.slice(gapFirst.start, gapFirst.end))) {
        merged[merged.length - 1] = { ...previous, lastToken: run.lastToken, end: run.end };
        continue;
      }
    }
    merged.push(run);
  }
  return merged;
}

/** `counts[i]`: tokens before `i` not tagged source (for gaps without the source in O(1)). */
function nonSourceCounts(tags: Uint8Array): Int32Array {
  const counts = new Int32Array(tags.length + 1);
  for (let index = 0; index < tags.length; index++) counts[index + 1] = counts[index]! + (tags[index] === Tag.BeginSource || tags[index] === Tag.InsideSource ? 0 : 1);
  return counts;
}

/** Removes the content runs `inside` a clause from every cue but `cue` and from the orphans. */
function yieldContents(byCue: Map<TagRun | null, TagRun[]>, orphanContents: TagRun[], cue: TagRun, inside: (run: TagRun) => boolean): void {
  for (const [other, runs] of byCue) {
    if (other === cue) continue;
    const kept = runs.filter((run) => !inside(run));
    if (kept.length === runs.length) continue;
    if (kept.length > 0) byCue.set(other, kept);
    else byCue.delete(other);
  }
  for (let index = orphanContents.length - 1; index >= 0; index--) if (inside(orphanContents[index]!)) orphanContents.splice(index, 1);
}

/**
 * Ends a content at a quotation that closes a thought: a closing mark after `.`, `?` or `!`
 * (`"What curfew?" | and kept going until nearly 2 a.m.`), or one followed by a dash (`the rules
 * to "burning the Constitution" | - a charge that might have stung`). What follows is the
 * writer's narration, not the reported words.
 */
export function endAtClosedQuote(text: string, quoted: readonly QuotedSpan[], attribution: FoundAttribution): FoundAttribution {
  const last = attribution.content[attribution.content.length - 1];
  if (!last) return attribution;
  // `“The situation is dire,” | the official |, who asked not to be named, told Reuters`: a quotation
  // closed on a comma and followed by a few words is the quote, those words its speaker.
  for (let index = firstReaching(quoted, last); index < quoted.length; index++) {
    const span = quoted[index]!;
    if (span.start > last.start) break;
    if (span.start !== last.start || span.unclosed || span.end >= last.end) continue;
    const rest = text.slice(span.end, last.end);
    // (Not a quotation that is the subject of a verb after it: `"Tell your story," is very thoughtful`.)
    if (text.charAt(span.end - 2) !== ',' || /["“”«»]/.test(rest) || (rest.match(/[\p{L}\p{N}’'-]+/gu)?.length ?? 0) > 5 || /\b(?:is|was|are|were|has|had|have|will|would|can|could)\b/i.test(rest)) continue;
    return { ...attribution, content: [...attribution.content.slice(0, -1), { start: last.start, end: span.end }], rule: `${attribution.rule}+closed-quote` };
  }
  // `Pressure is building on the mayor, who was greeted with chants of "Go home!" at a rally last
  // week, according to union leaders.`: a cue right after the content fixes its end.
  if (attribution.cue && attribution.cue.start >= last.end && !/[.?!]/.test(text.slice(last.end, attribution.cue.start))) return attribution;
  for (let index = firstReaching(quoted, last); index < quoted.length; index++) {
    const span = quoted[index]!;
    if (span.start >= last.end) break;
    if (span.unclosed || span.continues || span.end <= last.start || span.end >= last.end) continue;
    const inner = text.charAt(span.end - 2);
    const rest = text.slice(span.end, last.end);
    if (!LETTER_OR_DIGIT.test(rest)) continue;
    // `criticized the health law as a “crazy system” during a stop in Flint`: a quotation that
    // names what something is called, `as “…”`, ends the content when the time of the report
    // follows (`during …`, `Wednesday`); other phrases after it usually belong to the content.
    const naming =
      AS_BEFORE.test(text.slice(Math.max(last.start, span.start - 8), span.start)) &&
      /^[ \t]+(?:during|earlier|last|this|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u.test(rest);
    if (/[.?!]/.test(inner) || /^\s*[-–—]\s/u.test(rest) || naming) {
      const content = [...attribution.content.slice(0, -1), { start: last.start, end: span.end }];
      return { ...attribution, content, rule: `${attribution.rule}+closed-quote` };
    }
  }
  return attribution;
}

/**
 * Splits content runs at sentence boundaries no quotation spans, before they are tied to cues:
 * `… on Fox News’s “Fox and Friends.” | “I mean, there's a lot of frustration …”` is a medium and
 * the next half of a quote, not one content. Transcript lines (`PENCE: …`) keep their sentences.
 */
export function splitAtSentenceEnds(
  text: string,
  tokens: readonly Token[],
  lines: readonly Span[],
  lineOf: Int32Array,
  quoted: readonly QuotedSpan[],
  runs: readonly TagRun[],
): TagRun[] {
  const result: TagRun[] = [];
  for (const run of runs) {
    const line = lines[lineOf[run.firstToken]!];
    if (run.type !== 'content' || (line && TRANSCRIPT_SPEAKER.test(text.slice(line.start, Math.min(line.end, line.start + 60))))) {
      result.push(run);
      continue;
    }
    let first = run.firstToken;
    for (let index = run.firstToken + 1; index <= run.lastToken; index++) {
      if (tokens[index]!.sentence === tokens[index - 1]!.sentence) continue;
      const at = tokens[index]!.start;
      if (quoted.some((span) => !span.unclosed && span.start < at && span.end > at)) continue;
      result.push({ ...run, firstToken: first, lastToken: index - 1, start: tokens[first]!.start, end: tokens[index - 1]!.end });
      first = index;
    }
    result.push(first === run.firstToken ? run : { ...run, firstToken: first, start: tokens[first]!.start });
  }
  return result;
}

/** Whether a token is `and` in any case (read in place: this runs for every word of a content). */
function isAnd(text: string, token: Token): boolean {
  return token.end - token.start === 3 && (text.charCodeAt(token.start) | 0x20) === 0x61 && (text.charCodeAt(token.start + 1) | 0x20) === 0x6e && (text.charCodeAt(token.start + 2) | 0x20) === 0x64;
}

/**
 * Splits a content at `and` + a strong cue word (`Trump tweeted that Machado was “disgusting” and
 * “a con” | and encouraged | Americans to “check out” her …`): two coordinated reports, each with
 * its own cue and the same source. `cueLevel` gives a word's learned cue level.
 */
export function splitCoordinatedCues(text: string, tokens: readonly Token[], quoted: readonly QuotedSpan[], attribution: FoundAttribution, cueLevel: (word: string) => number): FoundAttribution[] {
  const cue = attribution.cue;
  const piece = attribution.content[0];
  if (!cue || !piece || attribution.content.length !== 1 || cue.end > piece.start) return [attribution];
  let index = firstTokenStartingFrom(tokens, piece.start);
  const first = index;
  for (; index + 2 < tokens.length && tokens[index + 2]!.end <= piece.end; index++) {
    const token = tokens[index]!;
    if (index - first < 3 || !isAnd(text, token)) continue;
    if (quoted.some((span) => span.start < token.start && span.end > token.end)) continue;
    const verb = tokens[index + 1]!;
    if (cueLevel(text.slice(verb.start, verb.end).toLowerCase()) < 3) continue;
    const before = tokens[index - 1]!;
    const after = tokens[index + 2]!;
    const left: Span = { start: piece.start, end: /^[,;]$/.test(text.slice(before.start, before.end)) ? tokens[index - 2]!.end : before.end };
    const right: Span = { start: after.start, end: piece.end };
    return [
      { ...attribution, content: [left], kind: kindOf([left], quoted), rule: `${attribution.rule}+coordinated` },
      { ...attribution, content: [right], cue: { start: verb.start, end: verb.end }, kind: kindOf([right], quoted), rule: `${attribution.rule}+coordinated`, firstToken: index + 2 },
    ];
  }
  return [attribution];
}

// `…, particularly in Mali.`: words that carry the content on past a comma.
const CONTINUING_FOCUS = new Set(['particularly', 'especially', 'notably', 'including', 'mainly', 'mostly', 'chiefly', 'primarily']);

/**
 * Extends a content over a trailing focus phrase that closes its sentence: `US military officials
 * have expressed concerns about the growing strength of al Qaeda-linked groups in northwest
 * Africa, particularly in Mali.` — the complement runs to the end, Mali included.
 */
export function extendOverFocusPhrase(text: string, tokens: readonly Token[], tags: Uint8Array, attribution: FoundAttribution): FoundAttribution {
  const last = attribution.content[attribution.content.length - 1];
  if (!last || (attribution.cue && attribution.cue.start >= last.end)) return attribution;
  const after = firstTokenStartingFrom(tokens, last.end);
  const comma = tokens[after];
  const focus = tokens[after + 1];
  if (!comma || !focus || text.slice(comma.start, comma.end) !== ',' || comma.sentence !== focus.sentence) return attribution;
  if (!CONTINUING_FOCUS.has(text.slice(focus.start, focus.end).toLowerCase())) return attribution;
  let end = after + 1;
  while (tokens[end + 1]?.sentence === focus.sentence && tags[end + 1] === Tag.O) end++;
  // Only to the sentence's end: a cue or source further on belongs to another attribution.
  if (tokens[end + 1]?.sentence === focus.sentence) return attribution;
  while (end > after + 1 && !WORD_OR_QUOTE_END.test(text.charAt(tokens[end]!.end - 1))) end--;
  const content = [...attribution.content.slice(0, -1), { start: last.start, end: tokens[end]!.end }];
  return { ...attribution, content, rule: `${attribution.rule}+focus` };
}

// Prepositions that open a phrase of circumstance: `…, the army said, in the third such strike`.
const ASIDE_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'amid', 'with', 'without', 'despite']);

// Articles: never a speaker on their own (possessives and quantifiers are: `his remarks`, `some
// argue`, `each said`).
const DETERMINERS = new Set(['a', 'an', 'the', 'any', 'every', 'no']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whom']);

function tokenText(text: string, token: Token): string {
  return text.slice(token.start, token.end).toLowerCase();
}

/** Whether a run is a lone determiner (`a`, `the`). */
function isDeterminerOnly(text: string, run: TagRun): boolean {
  return run.firstToken === run.lastToken && run.end - run.start <= 5 && DETERMINERS.has(text.slice(run.start, run.end).toLowerCase());
}

/**
 * `The elders, who spoke on condition of anonymity, said …`: a source that is a whole relative
 * clause, closed by its comma before the cue, speaks for the noun phrase it hangs on (the source
 * run that ends at the comma before it). In `X, who said …` the pronoun itself is the source
 * (PolNeAR's convention), and stays.
 */
function antecedentOf(text: string, tokens: readonly Token[], sources: readonly TagRun[], source: TagRun, cue: TagRun): TagRun {
  if (source.lastToken >= cue.firstToken) return source;
  // The relative pronoun that opens the clause: the source's first word, or one before it in the
  // same clause (`Steven Mnuchin, who has led negotiations for the White House, said`: the source
  // read inside the clause is not the speaker).
  let relative = source.firstToken;
  if (!RELATIVE_PRONOUNS.has(tokenText(text, tokens[relative]!))) {
    relative = -1;
    for (let index = source.firstToken - 1; index > Math.max(0, source.firstToken - 40) && tokens[index]!.sentence === tokens[source.firstToken]!.sentence; index--) {
      const word = tokenText(text, tokens[index]!);
      if (word === ',' || word === ';') break;
      if (RELATIVE_PRONOUNS.has(word)) {
        relative = index;
        break;
      }
    }
    if (relative < 0) return source;
  }
  const comma = tokens[relative - 1];
  if (!comma || text.slice(comma.start, comma.end) !== ',') return source;
  let closed = false;
  for (let index = relative + 2; index < cue.firstToken; index++) if (text.slice(tokens[index]!.start, tokens[index]!.end) === ',') closed = true;
  if (!closed) return source;
  const tagged = sources.find((candidate) => candidate.lastToken === relative - 2);
  if (tagged) return tagged;
  // Untagged: the words before the comma, back to the sentence's start or a punctuation mark
  // (`The fishermen, who declined to give their names, said …`), when that is a short phrase.
  const last = relative - 2;
  let first = last;
  while (first > 0 && last - first < 6 && tokens[first - 1]!.sentence === tokens[last]!.sentence && LETTER_OR_DIGIT.test(text.charAt(tokens[first - 1]!.start))) first--;
  const atBoundary = first === 0 || tokens[first - 1]!.sentence !== tokens[last]!.sentence || !LETTER_OR_DIGIT.test(text.charAt(tokens[first - 1]!.start));
  if (last < first || !atBoundary || !LETTER_OR_DIGIT.test(text.charAt(tokens[last]!.start))) return source;
  return { type: 'source', firstToken: first, lastToken: last, start: tokens[first]!.start, end: tokens[last]!.end };
}

/**
 * `…, a claim the army denied.`: a reduced relative clause the tagger read as determiner (source),
 * noun (cue) and clause (content). The clause's last word is the cue when it is a verb of saying
 * or a learned cue, the words before it the source, and the noun phrase the content. `cueLevel`
 * gives a lower-case word's learned cue level (0–3).
 */
export function reinterpretReducedRelatives(text: string, tokens: readonly Token[], runs: readonly TagRun[], cueLevel: (word: string) => number): TagRun[] {
  const result = [...runs];
  for (let index = 0; index + 2 < result.length; index++) {
    const source = result[index]!;
    const cue = result[index + 1]!;
    const content = result[index + 2]!;
    if (source.type !== 'source' || cue.type !== 'cue' || content.type !== 'content') continue;
    if (source.firstToken !== source.lastToken || !isDeterminerOnly(text, source)) continue;
    if (cue.firstToken !== source.lastToken + 1 || cue.firstToken !== cue.lastToken || content.firstToken !== cue.lastToken + 1) continue;
    const words = content.lastToken - content.firstToken + 1;
    if (words < 2 || words > 5) continue;
    // The clause ends the sentence or is set off by punctuation: `a claim the army denied.`
    const after = tokens[content.lastToken + 1];
    if (after && after.sentence === tokens[content.lastToken]!.sentence && LETTER_OR_DIGIT.test(text.charAt(after.start))) continue;
    const verb = tokenText(text, tokens[content.lastToken]!);
    if (!SPEECH_VERBS.has(verb) && cueLevel(verb) < 3) continue;
    if (!LOWER_START.test(text.slice(cue.start, cue.end))) continue;
    const last = content.lastToken - 1;
    result[index] = { type: 'content', firstToken: source.firstToken, lastToken: cue.lastToken, start: source.start, end: cue.end };
    result[index + 1] = { type: 'source', firstToken: content.firstToken, lastToken: last, start: content.start, end: tokens[last]!.end };
    result[index + 2] = { type: 'cue', firstToken: content.lastToken, lastToken: content.lastToken, start: tokens[content.lastToken]!.start, end: content.end };
  }
  return result;
}

/** Nouns that name a claim, in `…, a claim the army denied`. */
const CLAIM_NOUNS: ReadonlySet<string> = new Set(
  'claim claims allegation allegations accusation accusations charge charges assertion assertions account version contention suggestion characterization characterisation description report statement story'.split(' '),
);

/** An appositive claim: its attribution, where its comma is, where the clause before the comma ends, and its end. */
export interface ClaimAppositive {
  readonly attribution: FoundAttribution;
  readonly comma: number;
  readonly before: number;
  readonly end: number;
}

/** Words that start no source (`the story of the birther issue`: a complement, not a clause). */
const NOT_SOURCE_START: ReadonlySet<string> = new Set(
  'of in on at for from with by to about into over under after before as and or but nor is was were are be been being has have had do does did will would can could should may might must'.split(' '),
);

/**
 * A word of an appositive's clause (`Gowdy`, `’s`, `U.S.`). Module-level: under tsx (tests,
 * benches) esbuild compiles a `\p{…}` literal inside a function into a `new RegExp` per call.
 */
const CLAUSE_WORD = /^(?:[\p{L}\p{N}]|['’]\p{L})[\p{L}\p{N}’'.-]*$/u;

/** Most words of the source in {@link claimAppositives}. */
const MAXIMUM_APPOSITIVE_SOURCE = 5;

/**
 * `…, a claim the army denied.` and `…, a claim that Gowdy’s office strongly disputes.`: an
 * appositive noun of claiming whose relative clause is a source and a verb of saying closing the
 * clause. PolNeAR marks the relative pronoun as the content (`that`), else the noun phrase
 * (`a claim`); the verb (with an adverb before it) is the cue, the words between the source.
 * Found from the words alone, whatever the tagger made of them. `cueLevel` gives a lower-case
 * word's learned cue level (0–3): a verb of level 1 or more, or a verb of saying, closes one.
 */
export function claimAppositives(text: string, tokens: readonly Token[], quoted: readonly QuotedSpan[], cueLevel: (word: string) => number): ClaimAppositive[] {
  const found: ClaimAppositive[] = [];
  const isWord = (index: number): boolean => index < tokens.length && CLAUSE_WORD.test(tokenText(text, tokens[index]!));
  for (let comma = 0; comma + 4 < tokens.length; comma++) {
    const token = tokens[comma]!;
    if (token.end - token.start !== 1 || text.charCodeAt(token.start) !== 0x2c) continue;
    const sentence = token.sentence;
    const determiner = comma + 1;
    const noun = comma + 2;
    // `a`, `an`, `the` (any case), told by its units before any string is made.
    const article = tokens[determiner]!;
    const first = text.charCodeAt(article.start) | 0x20;
    if (article.end - article.start > 3 || (first !== 0x61 && first !== 0x74)) continue;
    if (!/^(?:a|an|the)$/u.test(tokenText(text, article).toLowerCase())) continue;
    if (!CLAIM_NOUNS.has(tokenText(text, tokens[noun]!).toLowerCase())) continue;
    // Inside a quotation it is the speaker's wording, not the report's.
    if (quoted.some((span) => span.start <= token.start && token.start < span.end)) continue;
    let clause = noun + 1;
    const pronoun = /^(?:that|which)$/u.test(tokenText(text, tokens[clause]!).toLowerCase()) ? clause : -1;
    if (pronoun >= 0) clause++;
    // The clause's words up to punctuation or the sentence's end; the last is the verb.
    let last = clause;
    while (isWord(last) && tokens[last]!.sentence === sentence && last - clause <= MAXIMUM_APPOSITIVE_SOURCE + 1) last++;
    if (last < tokens.length && tokens[last]!.sentence === sentence && isWord(last)) continue;
    last--;
    if (last - clause < 1) continue;
    // The noun already says a claim: a verb ever seen as a cue in training (`disputes`) will do.
    const verb = tokenText(text, tokens[last]!).toLowerCase();
    if (!SPEECH_VERBS.has(verb) && cueLevel(verb) < 1) continue;
    const cueFirst = last - 1 > clause && /ly$/u.test(tokenText(text, tokens[last - 1]!)) ? last - 1 : last;
    const sourceLast = cueFirst - 1;
    if (sourceLast - clause + 1 > MAXIMUM_APPOSITIVE_SOURCE || NOT_SOURCE_START.has(tokenText(text, tokens[clause]!).toLowerCase())) continue;
    const contentFirst = pronoun >= 0 ? pronoun : determiner;
    const contentLast = pronoun >= 0 ? pronoun : noun;
    const attribution: FoundAttribution = {
      content: [{ start: tokens[contentFirst]!.start, end: tokens[contentLast]!.end }],
      cue: { start: tokens[cueFirst]!.start, end: tokens[last]!.end },
      source: { start: tokens[clause]!.start, end: tokens[sourceLast]!.end },
      kind: 'indirect',
      rule: 'claim-appositive',
      firstToken: contentFirst,
    };
    found.push({ attribution, comma: token.start, before: tokens[comma - 1]?.end ?? token.start, end: tokens[last]!.end });
  }
  return found;
}

/** A count opening a phrase: `at least five people`, `31 people`, `dozens of`. */
const COUNT_OPENING = /^(?:at least|more than|at most|about|some|nearly|almost|over|up to|around|dozens|hundreds|thousands|scores|\d)/i;

/**
 * `…, killing | at least five people, a coalition of rights groups | said`: a source run right
 * before a verb of saying that holds a comma and opens with a count is the end of the clause
 * reported and then the source: the source starts after its last comma. (`his wife, Mariana,
 * wrote`, `Robyn Mack, a spokeswoman, said`: appositions, left alone.) Returns `tags` itself, or
 * a changed copy.
 */
export function sourcesAfterLastComma(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 0; index < tokens.length; index++) {
    if (tags[index] !== Tag.BeginSource) continue;
    let last = index;
    while (last + 1 < tokens.length && tags[last + 1] === Tag.InsideSource) last++;
    const next = last + 1;
    if (tags[next] !== Tag.BeginCue || !REPORTING_VERBS.has(tokenText(text, tokens[next]!)) || !COUNT_OPENING.test(text.slice(tokens[index]!.start, tokens[last]!.end))) {
      index = last;
      continue;
    }
    let comma = -1;
    for (let at = index; at < last - 1; at++) if (text.slice(tokens[at]!.start, tokens[at]!.end) === ',') comma = at;
    if (comma > index) {
      copy ??= Uint8Array.from(tags);
      for (let at = index; at <= comma; at++) copy[at] = Tag.O;
      copy[comma + 1] = Tag.BeginSource;
    }
    index = last;
  }
  return copy ?? tags;
}

/**
 * `The ECB lowered the rate, as economists had expected, and said …`: a source and a cue inside an
 * aside opened by `as` and closed by a comma are the aside's, and no source of a cue after it;
 * their tags are cleared, so that the later cue finds its own subject. Returns `tags` itself, or a
 * changed copy.
 */
export function asideOfExpectation(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 1; at + 2 < tokens.length; at++) {
    if (tags[at] !== Tag.BeginSource || tokenText(text, tokens[at - 1]!) !== 'as') continue;
    let end = at;
    while (end + 1 < tokens.length && tags[end + 1] === Tag.InsideSource) end++;
    let cueEnd = end + 1;
    if (tags[cueEnd] !== Tag.BeginCue) continue;
    while (cueEnd + 1 < tokens.length && tags[cueEnd + 1] === Tag.InsideCue) cueEnd++;
    if (!EXPECTATION_CUE.test(text.slice(tokens[end + 1]!.start, tokens[cueEnd]!.end)) || tokenText(text, tokens[cueEnd + 1]!) !== ',') continue;
    copy ??= Uint8Array.from(tags);
    for (let index = at; index <= cueEnd; index++) copy[index] = Tag.O;
    at = cueEnd;
  }
  return copy ?? tags;
}

/** A verb of expecting in an aside (`had expected`, `forecast`, `had predicted`). */
const EXPECTATION_CUE = /^(?:(?:had|have|has)\s+)?(?:widely\s+)?(?:expected|forecast|forecasted|predicted|anticipated|estimated|projected)$/i;

/** Verbs of saying whose source may follow them (`…, said Dr. Ahmed al-Farra`). */
const INVERTING_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes']);
/** Words no source phrase holds: pronouns and clause words. */
const NOT_IN_SOURCE = /^(?:that|who|which|whether|if|he|she|they|it|we|i|you|there|this|these|those|not|to)$/i;
/** A day or time word right after a verb of saying: the saying's time, not its source. */
const WEEKDAY_OR_TIME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|on|in|earlier|later|this)$/;
/** What opens the source of an inverted verb of saying: a determiner, a title or a capitalised word. */
const SOURCE_OPENING = /^(?:the|a|an|\p{Lu}[\p{L}.'’-]*)$/u;

/**
 * `One strike hit a house …, killing a father and eight children, | said | Dr. Ahmed al-Farra,
 * head of the ward …`: a verb of saying after the comma that closes a clause, with a noun phrase
 * after it, is an inverted attribution: the clause from the sentence's start is its content and
 * the phrase up to the next comma its source (an apposition after that is neither). The tagger
 * sometimes reads the end of the clause as a source there and the phrase after the verb as the
 * content; only such a source run right before the comma is repaired (with none there, the
 * tagger's reading stands). No sentence with quote marks is touched. Returns `tags` itself, or a
 * changed copy.
 */
export function invertedSaying(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let cue = 2; cue + 1 < tokens.length; cue++) {
    // (Not `told`: what follows it is whom it was told to.)
    if (tags[cue] !== Tag.BeginCue || tags[cue + 1] === Tag.InsideCue || !INVERTING_VERBS.has(tokenText(text, tokens[cue]!))) continue;
    const comma = cue - 1;
    if (tokenText(text, tokens[comma]!) !== ',' || tokens[comma]!.sentence !== tokens[cue]!.sentence) continue;
    // The signature of the misreading: a source run ending at the comma or right before it.
    const sourceBefore = (at: number): boolean => tags[at] === Tag.BeginSource || tags[at] === Tag.InsideSource;
    if (!sourceBefore(comma) && !sourceBefore(comma - 1)) continue;
    const first = sentenceFirstToken(tokens, cue);
    const last = sentenceLastToken(tokens, cue);
    if (comma - first < 4 || !SOURCE_OPENING.test(text.slice(tokens[cue + 1]!.start, tokens[cue + 1]!.end))) continue;
    const sentenceText = text.slice(tokens[first]!.start, tokens[last]!.end);
    if (QUOTE_MARK.test(sentenceText) || /''|``/.test(sentenceText)) continue;
    // No other cue in the sentence before this one.
    let otherCue = false;
    for (let at = first; at < comma; at++) if (tags[at] === Tag.BeginCue || tags[at] === Tag.InsideCue) otherCue = true;
    if (otherCue) continue;
    let sourceEnd = cue + 1;
    while (sourceEnd + 1 <= last && !/^[,;:.!?]$/.test(tokenText(text, tokens[sourceEnd + 1]!))) sourceEnd++;
    // A noun phrase: no verb, pronoun or clause word (`said Wednesday that he …`, `said Trump will …` are contents).
    let clause = sourceEnd - cue > 8 || WEEKDAY_OR_TIME.test(tokenText(text, tokens[cue + 1]!));
    for (let at = cue + 1; at <= sourceEnd && !clause; at++) {
      const word = text.slice(tokens[at]!.start, tokens[at]!.end);
      clause = (/^\p{Ll}/u.test(word) && FINITE_VERB.test(word)) || NOT_IN_SOURCE.test(word);
    }
    // After the source, an apposition at most: a verb only inside a relative clause (`, head of the
    // ward, where the bodies were taken`), not the rest of a clause the phrase began (`said the
    // divestiture of $300 million, low-profit businesses has been offset`).
    let relative = false;
    for (let at = sourceEnd + 1; at <= last && !clause; at++) {
      const word = text.slice(tokens[at]!.start, tokens[at]!.end);
      if (/^(?:who|which|where|that|whose|whom|when)$/i.test(word)) relative = true;
      else if (!relative && /^\p{Ll}/u.test(word) && FINITE_VERB.test(word)) clause = true;
    }
    // (A name or a title in it: `said the catch fell` is a clause however short.)
    let named = false;
    for (let at = cue + 1; at <= sourceEnd && !named; at++) named = /^\p{Lu}/u.test(text.slice(tokens[at]!.start, tokens[at]!.end));
    if (clause || !named || (sourceEnd < last && !/^[,.!?]$/.test(tokenText(text, tokens[sourceEnd + 1]!)))) continue;
    copy ??= Uint8Array.from(tags);
    for (let at = first; at < comma; at++) copy[at] = at === first ? Tag.BeginContent : Tag.InsideContent;
    copy[comma] = Tag.O;
    for (let at = cue + 1; at <= sourceEnd; at++) copy[at] = at === cue + 1 ? Tag.BeginSource : Tag.InsideSource;
    for (let at = sourceEnd + 1; at <= last; at++) copy[at] = Tag.O;
    cue = last;
  }
  return copy ?? tags;
}

/**
 * `Most of the deaths occurred in the Kathmandu valley, | where the Bagmati river burst its banks
 * …, | said Rishi Ram Tiwari`: a content that opens with a relative word after a comma continues
 * the clause before it; when that clause, from the sentence's start, is untagged and the content's
 * cue comes after it, the clause is the content's start. No sentence with quote marks is touched.
 * Returns `tags` itself, or a changed copy.
 */
export function relativeContentToClause(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 2; at < tokens.length; at++) {
    if (tags[at] !== Tag.BeginContent || !RELATIVE_OPENING.test(tokenText(text, tokens[at]!)) || tokenText(text, tokens[at - 1]!) !== ',') continue;
    const first = sentenceFirstToken(tokens, at);
    if (at - 1 - first < 3) continue;
    let untagged = true;
    for (let k = first; k < at && untagged; k++) untagged = tags[k] === Tag.O && !isQuoteMark(text.charCodeAt(tokens[k]!.start));
    if (!untagged) continue;
    // The cue after the content, in the same sentence.
    let next = at + 1;
    while (next < tokens.length && tags[next] === Tag.InsideContent) next++;
    while (next < tokens.length && tags[next] === Tag.O && tokens[next]!.sentence === tokens[at]!.sentence && /^[,;:]$/.test(tokenText(text, tokens[next]!))) next++;
    if (next >= tokens.length || tokens[next]!.sentence !== tokens[at]!.sentence || (tags[next] !== Tag.BeginCue && tags[next] !== Tag.BeginSource)) continue;
    copy ??= Uint8Array.from(tags);
    for (let k = first; k <= at; k++) copy[k] = k === first ? Tag.BeginContent : Tag.InsideContent;
  }
  return copy ?? tags;
}
const RELATIVE_OPENING = /^(?:where|which|who|whose|when|while)$/i;

/**
 * `Alcaraz told reporters, adding | that he wanted to play | in Los Angeles in four years.`: a
 * content after its cue that the tagger ended short of its sentence's end, with only a few
 * untagged words left there (no comma, quote mark or other tag among them), runs to the end.
 * Returns `tags` itself, or a changed copy.
 */
export function contentToSentenceEnd(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 1; at < tokens.length; at++) {
    if (tags[at] !== Tag.BeginContent) continue;
    // After its cue: the tag before the content's first word is the cue's.
    if (tags[at - 1] !== Tag.BeginCue && tags[at - 1] !== Tag.InsideCue && !(tokenText(text, tokens[at - 1]!) === ',' && (tags[at - 2] === Tag.BeginCue || tags[at - 2] === Tag.InsideCue))) continue;
    let end = at;
    while (end + 1 < tokens.length && tags[end + 1] === Tag.InsideContent) end++;
    const last = sentenceLastToken(tokens, at);
    if (end + 1 >= last || last - end > MAX_SHORT_TAIL || !/^[.!?]$/.test(tokenText(text, tokens[last]!))) continue;
    // A clause, not a short object (`has not mentioned | Machado | since the debate`): its words
    // after it are the narrator's.
    if (end - at < 3 && !CONTENT_CLAUSE_OPENING.test(tokenText(text, tokens[at]!))) continue;
    let plain = true;
    for (let k = end + 1; k < last && plain; k++) plain = tags[k] === Tag.O && !/^\p{P}/u.test(tokenText(text, tokens[k]!)) && !isQuoteMark(text.charCodeAt(tokens[k]!.start));
    if (!plain || tags[last] !== Tag.O) continue;
    copy ??= Uint8Array.from(tags);
    for (let k = end + 1; k < last; k++) copy[k] = Tag.InsideContent;
    at = last;
  }
  return copy ?? tags;
}
const CONTENT_CLAUSE_OPENING = /^(?:that|to|whether|if)$/i;
/**
 * `an October 26 election | that the opposition | says | was rigged`: in a relative clause whose
 * verb of saying has the clause's subject before it and what is said after it, the subject is
 * the source, not content (the relative word is neither). Returns `tags` itself, or a changed copy.
 */
export function sourceOfObjectRelative(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 1; at + 3 < tokens.length; at++) {
    if (tags[at] !== Tag.BeginContent || !/^(?:that|which)$/i.test(tokenText(text, tokens[at]!))) continue;
    let end = at;
    while (end + 1 < tokens.length && tags[end + 1] === Tag.InsideContent) end++;
    // A short noun phrase (`the opposition`, `U.S. officials`), then the cue, then a content.
    if (end - at < 1 || end - at > 5 || tags[end + 1] !== Tag.BeginCue) continue;
    let cueEnd = end + 1;
    while (cueEnd + 1 < tokens.length && tags[cueEnd + 1] === Tag.InsideCue) cueEnd++;
    if (tags[cueEnd + 1] !== Tag.BeginContent || !FINITE_SAYING.test(tokenText(text, tokens[end + 1]!))) continue;
    let phrase = true;
    for (let k = at + 1; k <= end && phrase; k++) {
      const word = tokenText(text, tokens[k]!);
      phrase = !/^\p{P}/u.test(word) && !NOT_IN_SOURCE.test(word) && !(/^\p{Ll}/u.test(word) && FINITE_VERB.test(word));
    }
    if (!phrase) continue;
    copy ??= Uint8Array.from(tags);
    copy[at] = Tag.O;
    for (let k = at + 1; k <= end; k++) copy[k] = k === at + 1 ? Tag.BeginSource : Tag.InsideSource;
  }
  return copy ?? tags;
}
/**
 * `Microsoft, Alphabet, | Amazon and Meta | have said …`: a source that closes a list with `and`
 * takes in the names listed before it, comma by comma, where nothing else is tagged. Returns
 * `tags` itself, or a changed copy.
 */
export function sourceListStart(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 2; at < tokens.length; at++) {
    if (tags[at] !== Tag.BeginSource || tokenText(text, tokens[at - 1]!) !== ',' || tags[at - 1] !== Tag.O) continue;
    let end = at;
    while (end + 1 < tokens.length && tags[end + 1] === Tag.InsideSource) end++;
    let joined = false;
    for (let k = at; k <= end && !joined; k++) joined = /^(?:and|&)$/.test(tokenText(text, tokens[k]!));
    if (!joined) continue;
    // Back over `Name ,` pairs (a name of one to three capitalised words).
    let start = at;
    for (;;) {
      if (start < 2 || tokenText(text, tokens[start - 1]!) !== ',' || tags[start - 1] !== Tag.O) break;
      let name = start - 2;
      while (name > 0 && start - 1 - name < 3 && tags[name - 1] === Tag.O && /^\p{Lu}/u.test(text.slice(tokens[name - 1]!.start, tokens[name - 1]!.end)) && tokens[name - 1]!.sentence === tokens[at]!.sentence) name--;
      if (tags[name] !== Tag.O || !/^\p{Lu}/u.test(text.slice(tokens[name]!.start, tokens[name]!.end)) || tokens[name]!.sentence !== tokens[at]!.sentence) break;
      start = name;
    }
    // Only a list of three names or more opening its sentence (`Microsoft, Alphabet, Amazon and
    // Meta`), not a word or a phrase set off before the source (`However, Trump and Cruz`, `On
    // Sunday, Mr. Rubio and …`).
    let commas = 0;
    for (let k = start; k < at; k++) if (tokenText(text, tokens[k]!) === ',') commas++;
    if (commas < 2 || (start > 0 && tokens[start - 1]!.sentence === tokens[at]!.sentence)) continue;
    copy ??= Uint8Array.from(tags);
    for (let k = start; k < at; k++) copy[k] = k === start ? Tag.BeginSource : Tag.InsideSource;
    copy[at] = Tag.InsideSource;
  }
  return copy ?? tags;
}

/**
 * `…, according to the government's latest | forecast`: a document's noun closing the source of
 * `according to` is the source's head, not a cue of its own. Returns `tags` itself, or a changed copy.
 */
export function documentNounInSource(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let at = 3; at < tokens.length; at++) {
    if (tags[at] !== Tag.BeginCue || tags[at + 1] === Tag.InsideCue || (tags[at - 1] !== Tag.BeginSource && tags[at - 1] !== Tag.InsideSource)) continue;
    if (!SOURCE_DOCUMENT_NOUNS.test(tokenText(text, tokens[at]!))) continue;
    // The source run's own cue is `according to`.
    let first = at - 1;
    while (first > 0 && tags[first] === Tag.InsideSource) first--;
    if (!/^to$/i.test(tokenText(text, tokens[first - 1]!)) || !/^according$/i.test(tokenText(text, tokens[first - 2]!))) continue;
    copy ??= Uint8Array.from(tags);
    copy[at] = Tag.InsideSource;
  }
  return copy ?? tags;
}
const SOURCE_DOCUMENT_NOUNS = /^(?:forecasts?|reports?|statements?|estimates?|surveys?|data|figures|polls?|projections?|analysis|study|studies|filings?|documents?|records?|tally|count)$/i;

/** A verb of saying in a present or past form (`says`, `claimed`). */
const FINITE_SAYING = /^(?:says|said|claims|claimed|believes|believed|thinks|thought|argues|argued|insists|insisted|alleges|alleged|contends|contended|maintains|maintained|estimates|estimated|suspects|suspected|fears|feared|hopes|hoped|expects|expected|considers|considered|describes|described|calls|called)$/i;

/** Most untagged words {@link contentToSentenceEnd} adds to a content. */
const MAX_SHORT_TAIL = 10;

/**
 * `The State Department said it had suspended its partnership with Georgia, and Washington
 * condemned what it called …`: a name after `, and` right before a cue is that cue's source,
 * not the end of the content before; the content ends at the comma.
 */
export function sourceOfCoordinatedCue(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  const isContent = (index: number): boolean => isContentTag(tags[index]!);
  for (let cue = 3; cue < tokens.length; cue++) {
    if (tags[cue] !== Tag.BeginCue || !isContent(cue - 1)) continue;
    const sentence = tokens[cue]!.sentence;
    const first = capitalisedRunBefore(text, tokens, tags, cue - 1, sentence, 3, isContentTag);
    if (!UPPER_START.test(text.charAt(tokens[first]!.start)) || !LETTER_OR_DIGIT.test(text.charAt(tokens[first]!.start))) continue;
    const and = first - 1;
    const comma = first - 2;
    if (comma < 1 || tokens[comma]!.sentence !== sentence || !isContent(and) || !isContent(comma) || !COORDINATORS.has(tokenText(text, tokens[and]!)) || text.slice(tokens[comma]!.start, tokens[comma]!.end) !== ',') continue;
    copy ??= Uint8Array.from(tags);
    copy[comma] = Tag.O;
    copy[and] = Tag.O;
    copy[first] = Tag.BeginSource;
    for (let index = first + 1; index < cue; index++) copy[index] = Tag.InsideSource;
  }
  return copy ?? tags;
}

const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but', 'while']);

/**
 * The first of the capitalised words right before token `at` (at most `most` of them, in
 * `sentence`, with a tag `accepts` takes): the start of a name the tagger split (`at` itself when
 * there is none).
 */
function capitalisedRunBefore(text: string, tokens: readonly Token[], tags: Uint8Array, at: number, sentence: number, most: number, accepts: (tag: number) => boolean): number {
  let first = at;
  while (first > 0 && at - first < most && accepts(tags[first - 1]!) && tokens[first - 1]!.sentence === sentence && UPPER_START.test(text.charAt(tokens[first - 1]!.start)) && LETTER_OR_DIGIT.test(text.charAt(tokens[first - 1]!.start))) first--;
  return first;
}

const isContentTag = (tag: number): boolean => tag === Tag.BeginContent || tag === Tag.InsideContent;

/** A document or figures after `according to` (`a statement from`, `data from`, `the latest figures`). */
const DOCUMENT_AFTER = /^(?:(?:a|an|the|its|their|his|her)\s+)?(?:\w+\s+)?(?:statements?|reports?|documents?|data|figures|survey|poll|study|filings?|release|estimates?|analysis|records|tally|count|census|forecasts?|projections?|results)\b/i;

/**
 * `…, to Pokhara for maintenance, Tribhuvan | International Airport spokesman Premnath Thakur said`:
 * a source whose name the tagger began inside the content takes back the capitalised words after
 * the comma.
 */
export function nameStartOutOfContent(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 1; index < tokens.length; index++) {
    if (tags[index] !== Tag.BeginSource || !isContentTag(tags[index - 1]!)) continue;
    const first = capitalisedRunBefore(text, tokens, tags, index, tokens[index]!.sentence, 3, isContentTag);
    const comma = first - 1;
    if (first === index || comma < 0 || text.slice(tokens[comma]!.start, tokens[comma]!.end) !== ',' || tokens[comma]!.sentence !== tokens[index]!.sentence) continue;
    copy ??= Uint8Array.from(tags);
    copy[comma] = Tag.O;
    copy[first] = Tag.BeginSource;
    for (let at = first + 1; at <= index; at++) copy[at] = Tag.InsideSource;
  }
  return copy ?? tags;
}

/**
 * `according to | a person familiar with the matter`: the tagger may run the cue over its source;
 * the cue is `according to`, the words after it that the cue took are the source's.
 */
export function sourceOutOfAccordingCue(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 0; index + 2 < tokens.length; index++) {
    if (tags[index] !== Tag.BeginCue || tags[index + 1] !== Tag.InsideCue || tags[index + 2] !== Tag.InsideCue) continue;
    if (tokenText(text, tokens[index]!) !== 'according' || tokenText(text, tokens[index + 1]!) !== 'to') continue;
    // (A document's issuer is read elsewhere: `according to a statement from the ministry`.)
    if (DOCUMENT_AFTER.test(text.slice(tokens[index + 2]!.start, tokens[index + 2]!.start + 40))) continue;
    copy ??= Uint8Array.from(tags);
    copy[index + 2] = Tag.BeginSource;
    // (Its source runs to the sentence's end: `a person familiar with the matter who asked not to
    // be identified`, the tagger's content there included.)
    let at = index + 3;
    const sentence = tokens[index]!.sentence;
    while (at < tokens.length && tokens[at]!.sentence === sentence && !/^[.!?,;:]$/.test(text.slice(tokens[at]!.start, tokens[at]!.end))) copy[at++] = Tag.InsideSource;
    index = at - 1;
  }
  return copy ?? tags;
}

/**
 * `that his "endorsement" of me was mentioned by | Yahoo News |.`: a content does not end on a
 * preposition; a name the tagger read as a source right after it, closing the sentence with no
 * cue of its own, is the preposition's object.
 */
export function objectOutOfSource(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 1; index < tokens.length; index++) {
    if (tags[index] !== Tag.BeginSource || tags[index - 1] !== Tag.InsideContent || !CONTENT_PREPOSITIONS.has(tokenText(text, tokens[index - 1]!))) continue;
    let last = index;
    while (tags[last + 1] === Tag.InsideSource) last++;
    const after = tokens[last + 1];
    if (after && after.sentence === tokens[index]!.sentence && !/^[.!?]$/.test(text.slice(after.start, after.end))) continue;
    copy ??= Uint8Array.from(tags);
    for (let at = index; at <= last; at++) copy[at] = Tag.InsideContent;
    index = last;
  }
  return copy ?? tags;
}

const CONTENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'of', 'to', 'from', 'with', 'for', 'against', 'about']);

/**
 * `Col. Ibrahim | Sow said`: a capitalised word after a source that opens a cue before a verb of
 * saying is the end of the name (a surname that is also a verb: Sow, Young, Bush), not the cue.
 */
export function nameOutOfCue(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 1; index + 1 < tokens.length; index++) {
    if (tags[index] !== Tag.BeginCue || tags[index + 1] !== Tag.InsideCue || tokens[index - 1]!.sentence !== tokens[index]!.sentence) continue;
    // (`Cleveland Fed President Beth | Hammack voted against`: any verb after the name.)
    if (!UPPER_START.test(text.charAt(tokens[index]!.start)) || !LOWER_START.test(text.charAt(tokens[index + 1]!.start))) continue;
    const sourced = tags[index - 1] === Tag.BeginSource || tags[index - 1] === Tag.InsideSource;
    // Untagged, the capitalised words before it are the rest of the name and its title.
    const first = sourced ? index : capitalisedRunBefore(text, tokens, tags, index, tokens[index]!.sentence, Number.POSITIVE_INFINITY, (tag) => tag === Tag.O);
    // (Not a word opening the sentence alone: `Smith | Warned …` is rare, `Critics | said` no name.)
    if (!sourced && first === index) continue;
    copy ??= Uint8Array.from(tags);
    if (!sourced) copy[first] = Tag.BeginSource;
    for (let at = sourced ? index : first + 1; at <= index; at++) copy[at] = Tag.InsideSource;
    copy[index + 1] = Tag.BeginCue;
  }
  return copy ?? tags;
}

/**
 * `Judge Inés Rojas said | Toledo |, who governed Peru …, had received $35 million`: a cue with its
 * source before it has no second source after it; a name the tagger read as one (as in `…, said
 * Toledo, who …`), followed by a comma and a content, opens that content.
 */
export function noSecondSource(text: string, tokens: readonly Token[], tags: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (let index = 1; index + 2 < tokens.length; index++) {
    if (tags[index] !== Tag.BeginCue || (tags[index - 1] !== Tag.BeginSource && tags[index - 1] !== Tag.InsideSource)) continue;
    let cueLast = index;
    while (tags[cueLast + 1] === Tag.InsideCue) cueLast++;
    const first = cueLast + 1;
    if (tags[first] !== Tag.BeginSource || tokens[first]!.sentence !== tokens[index]!.sentence) continue;
    let last = first;
    while (tags[last + 1] === Tag.InsideSource) last++;
    const comma = last + 1;
    if (text.slice(tokens[comma]?.start ?? 0, tokens[comma]?.end ?? 0) !== ',' || (tags[comma + 1] !== Tag.BeginContent && tags[comma + 1] !== Tag.InsideContent)) continue;
    copy ??= Uint8Array.from(tags);
    copy[first] = Tag.BeginContent;
    for (let at = first + 1; at <= comma + 1; at++) copy[at] = Tag.InsideContent;
    index = comma;
  }
  return copy ?? tags;
}

/**
 * `The quake hit … near Sivrice, about 550 kilometres east of Ankara, according to the agency.`:
 * the tagger ends a content before an `according to` at the last comma; the claim is the whole
 * clause the sentence opens with. A content that starts after a comma, with no cue, source, quotation
 * or verb of saying before it in its sentence, runs from the sentence's start.
 */
function clauseBeforeAccording(text: string, tokens: readonly Token[], tags: Uint8Array, cue: TagRun, run: TagRun): TagRun {
  const comma = cue.firstToken - 1;
  if (run.lastToken !== comma - 1 || text.slice(tokens[comma]!.start, tokens[comma]!.end) !== ',') return run;
  // (After a comma, or inside a clause whose subject the tagger left out: `Israel's military
  // campaign | has since killed more than 44,000 Palestinians, according to the ministry`.)
  const before = run.firstToken - 1;
  if (before < 0 || tokens[before]!.sentence !== tokens[run.firstToken]!.sentence) return run;
  const afterComma = text.slice(tokens[before]!.start, tokens[before]!.end) === ',';
  const sentence = tokens[run.firstToken]!.sentence;
  let first = before;
  while (first > 0 && tokens[first - 1]!.sentence === sentence) first--;
  // (Only narration and contents the tagger cut off: `towards El Fasher, | the state capital, |`;
  // a source with no cue there is the clause's subject: `The Palisades Fire, the largest, | has
  // burned …, according to Cal Fire`.)
  for (let index = first; index < (afterComma ? before : run.firstToken); index++) {
    const tag = tags[index]! === Tag.BeginSource || tags[index]! === Tag.InsideSource ? Tag.O : tags[index]!;
    const word = text.slice(tokens[index]!.start, tokens[index]!.end);
    if ((tag !== Tag.O && tag !== Tag.BeginContent && tag !== Tag.InsideContent) || /["“”«»]/.test(word) || ((SPEECH_VERBS.has(word.toLowerCase()) || COGNITION_VERBS.has(word.toLowerCase())) && /(?:ed|said|told|wrote|says|tells|states|expects|believes|thinks|estimates|predicts|forecasts)$/.test(word))) return run;
  }
  return first < before ? { ...run, firstToken: first, start: tokens[first]!.start } : run;
}

/** Tokens a content counts between itself and a cue in another sentence, beyond those it counts. */
const OTHER_SENTENCE_PENALTY = 4;

/**
 * The repairs of the tagger's tags, in the order they run (each reads the tags the one before
 * left): every one returns its input unchanged, or a changed copy.
 */
const TAG_REPAIRS: readonly ((text: string, tokens: readonly Token[], tags: Uint8Array) => Uint8Array)[] = [
  sourceOutOfAccordingCue,
  nameStartOutOfContent,
  nameOutOfCue,
  objectOutOfSource,
  sourcesAfterLastComma,
  noSecondSource,
  sourceOfCoordinatedCue,
  asideOfExpectation,
  invertedSaying,
  relativeContentToClause,
  contentToSentenceEnd,
  sourceOfObjectRelative,
  documentNounInSource,
  sourceListStart,
];

/** Groups tagged runs into attributions and adds untagged direct quotes. */
export function findAttributions(
  text: string,
  tokens: readonly Token[],
  paragraphs: readonly Span[],
  tags: Uint8Array,
  quoted: readonly QuotedSpan[],
  cueLevel: (word: string) => number = () => 0,
): FoundAttribution[] {
  for (const repair of TAG_REPAIRS) tags = repair(text, tokens, tags);
  const paragraphOf = paragraphOfTokens(tokens, paragraphs);
  const nonSource = nonSourceCounts(tags);
  const runs = reinterpretReducedRelatives(text, tokens, splitAtSentenceEnds(text, tokens, paragraphs, paragraphOf, quoted, tagRuns(text, tokens, tags)), cueLevel);
  const cues = runs.filter((run) => run.type === 'cue').map((run) => withoutTrailingPreposition(text, tokens, run));
  const sources = runs.filter((run) => run.type === 'source');
  const byCue = new Map<TagRun | null, TagRun[]>();
  const orphanContents: TagRun[] = [];
  // The cues of each paragraph, in order: a content looks only at its own paragraph's.
  const cuesOfParagraph = new Map<number, TagRun[]>();
  for (const cue of cues) {
    const paragraph = paragraphOf[cue.firstToken]!;
    const list = cuesOfParagraph.get(paragraph);
    if (list) list.push(cue);
    else cuesOfParagraph.set(paragraph, [cue]);
  }
  for (const run of runs) {
    if (run.type !== 'content') continue;
    const paragraph = paragraphOf[run.firstToken]!;
    let best: TagRun | null = null;
    let bestDistance = Infinity;
    for (const cue of cuesOfParagraph.get(paragraph) ?? []) {
      // Tokens between, a source's own not counted: `“…,” Baker said` is as close as `push? “…”`.
      const distance = cue.firstToken > run.lastToken ? 1 + nonSource[cue.firstToken]! - nonSource[run.lastToken + 1]! : run.firstToken > cue.lastToken ? 1 + nonSource[run.firstToken]! - nonSource[cue.lastToken + 1]! : 0;
      // A cue before the content is the usual order (`X said that …`): prefer it on a tie. A cue
      // in another sentence comes after one in the content's own (`…, police spokesman Mansir
      // Hassan said. | Two passengers were killed …, he said.`).
      const apart = cue.firstToken > run.lastToken ? tokens[cue.firstToken]!.sentence !== tokens[run.lastToken]!.sentence : run.firstToken > cue.lastToken && tokens[run.firstToken]!.sentence !== tokens[cue.lastToken]!.sentence;
      const score = distance + (cue.firstToken > run.lastToken ? 0.5 : 0) + (apart ? OTHER_SENTENCE_PENALTY : 0);
      if (score < bestDistance) {
        bestDistance = score;
        best = cue;
      }
    }
    if (best === null) orphanContents.push(run);
    else {
      const list = byCue.get(best);
      if (list) list.push(run);
      else byCue.set(best, [run]);
    }
  }
  // `Al Qaeda in Libya was responsible for the 2013 attack …, Pentagon spokesperson Maj. Sheryll
  // Klinkel told CNN`: the clause before `, SOURCE CUE` is content when nothing else claims it.
  const commaClauses = new Set<TagRun>();
  const sourceEndingAt = new Map<number, TagRun>();
  for (const run of sources) if (!sourceEndingAt.has(run.lastToken)) sourceEndingAt.set(run.lastToken, run);
  for (const cue of cues) {
    const source = sourceEndingAt.get(cue.firstToken - 1);
    const comma = source ? tokens[source.firstToken - 1] : undefined;
    if (!source || !comma || tokens[source.firstToken - 1]!.sentence !== tokens[cue.firstToken]!.sentence || text.charAt(comma.start) !== ',') continue;
    const sentence = tokens[cue.firstToken]!.sentence;
    let first = source.firstToken - 1;
    while (first > 0 && tokens[first - 1]!.sentence === sentence) first--;
    if (source.firstToken - 1 - first < 3) continue;
    // `…, who works directly for RT and, Mr. King said, has recently seemed …`: a clause cut
    // after its coordinator is not what was said; the saying sits inside the next one.
    if (COORDINATORS.has(tokenText(text, tokens[source.firstToken - 2]!))) continue;
    // Only a verb of saying (or of what results show: `…, official results showed on Friday`) that
    // closes the clause (`…, X told CNN.`, `…, he said –`): with words after it, the comma more
    // likely ends a fronted phrase (`During his tour, he paused to …`).
    const cueVerb = text.slice(cue.start, cue.end).toLowerCase().split(' ')[0] ?? '';
    if (!SPEECH_VERBS.has(cueVerb) && !SHOWING_VERBS.has(cueVerb)) continue;
    let after = cue.lastToken + 1;
    while (after <= cue.lastToken + 4 && tokens[after]?.sentence === sentence && UPPER_START.test(text.charAt(tokens[after]!.start))) after++;
    const following = tokens[after];
    // `…, the governor said on Telegram.`, `…, the judge said as he read the ruling.`: a phrase
    // of medium, time or manner closing the sentence leaves the clause before as the content.
    const trailing = (after === cue.lastToken + 1 && REPORTING_VERBS.has(tokenText(text, tokens[cue.lastToken]!)) && opensTrailingPhrase(text, tokens, after) && !clauseMayFollow(text, tokens, after))
      // `…, Attorney General Gustavo Salas told local radio.`: whom he told closes the sentence.
      || (TELLING.test(tokenText(text, tokens[cue.lastToken]!)) && addresseeCloses(text, tokens, cue.lastToken + 1))
      // `…, ESA said early Saturday.`: the day of the saying closes the sentence.
      || (after === cue.lastToken + 1 && (REPORTING_VERBS.has(tokenText(text, tokens[cue.lastToken]!)) || SHOWING_VERBS.has(tokenText(text, tokens[cue.lastToken]!))) && !!following && CLOSING_TIME.test(text.slice(following.start, tokens[sentenceLastToken(tokens, after)]!.end)));
    if (following && following.sentence === sentence && LETTER_OR_DIGIT.test(text.charAt(following.start)) && !trailing) continue;
    // `In an interview, Durbin said on Thursday he …`: a fronted phrase is no clause to report,
    // nor is a participle's (`Weighing in on the discussion, former Gov. Mike Huckabee agreed, …`).
    // (`In Gaza, 40 people were killed, the ministry said on Telegram.` is a clause.)
    // (A gerund subject is a clause's start when a verb follows the cue: `Putting the show
    // together, Butz said, allowed him to …`.)
    const resumes = following && text.charAt(following.start) === ',' && tokens[after + 1]?.sentence === sentence ? tokenText(text, tokens[after + 1]!) : '';
    const fronted = FRONTED_OPENERS.has(tokenText(text, tokens[first]!)) || (/^\p{L}+ing$/u.test(tokenText(text, tokens[first]!)) && !(FINITE_VERB.test(resumes) || /^\p{L}+s$/u.test(resumes)));
    if (fronted && !hasFiniteVerb(text, tokens, first + 1, source.firstToken - 2)) continue;
    let claimed = false;
    for (let index = first; index < source.firstToken - 1; index++) if (tags[index] !== Tag.O) claimed = true;
    const last = source.firstToken - 2;
    if (claimed) {
      // `Secret Service protocol called for the nominee to be taken to a trauma center …, sources
      // said.`: a verb of saying closing the sentence with no content of its own outranks the
      // weaker cue the tagger found inside the clause; that cue's content yields.
      // `…, the Somali National Army said, in the third such strike this month.`: a phrase the
      // comma sets off after the cue is an aside, not what was said.
      const own = byCue.get(cue) ?? [];
      const aside = (run: TagRun): boolean =>
        (run.firstToken === cue.lastToken + 2 && text.slice(tokens[cue.lastToken + 1]!.start, tokens[cue.lastToken + 1]!.end) === ',' && ASIDE_PREPOSITIONS.has(tokenText(text, tokens[run.firstToken]!))) ||
        (trailing && (run.firstToken === cue.lastToken + 1 || run.firstToken === cue.lastToken + 2))
        // (`…, the agency said on Thursday, driven by conflicts in …`: a participle clause after the day.)
        || (trailing && DAY_THEN_COMMA.test(text.slice(cue.end, run.start)));
      // (A run the tagger ended on the comma before the source is inside too.)
      const inside = (run: TagRun): boolean => run.firstToken >= first && run.lastToken <= last + 1;
      // (`Riot police used batons and water cannon to disperse …, a police spokesman said.`: a cue
      // that closes the sentence reports the whole clause, not the part the tagger read.)
      const closes = !following || following.sentence !== sentence || /^[.!?]/.test(text.charAt(following.start));
      if (own.length > 0 && !own.every((run) => aside(run) || ((trailing || closes) && inside(run)))) continue;
      if (own.length > 0) {
        byCue.delete(cue);
        orphanContents.push(...own.filter((run) => !inside(run)));
      }
      yieldContents(byCue, orphanContents, cue, inside);
    }
    const run: TagRun = { type: 'content', firstToken: first, lastToken: last, start: tokens[first]!.start, end: tokens[last]!.end };
    byCue.set(cue, [run, ...(byCue.get(cue) ?? [])]);
    commaClauses.add(cue);
  }
  // `Trump said during a Friday evening rally in Michigan that Clinton once described the …`: a
  // verb of saying left with no content takes the `that` clause after it (to the sentence end),
  // and the weaker cue the tagger found inside that clause yields.
  for (const cue of cues) {
    if ((byCue.get(cue)?.length ?? 0) > 0 || !SPEECH_VERBS.has(text.slice(cue.start, cue.end).toLowerCase().split(' ')[0] ?? '')) continue;
    const sentence = tokens[cue.firstToken]!.sentence;
    let that = -1;
    for (let index = cue.lastToken + 1; index <= cue.lastToken + 12 && tokens[index]?.sentence === sentence; index++) {
      if (text.slice(tokens[index]!.start, tokens[index]!.end).toLowerCase() === 'that') {
        that = index;
        break;
      }
    }
    if (that < 0) continue;
    let last = that;
    while (tokens[last + 1]?.sentence === sentence) last++;
    while (last > that && !WORD_OR_QUOTE_END.test(text.charAt(tokens[last]!.end - 1))) last--;
    if (last - that < 3) continue;
    const inside = (run: TagRun): boolean => run.firstToken >= that && run.lastToken <= last;
    yieldContents(byCue, orphanContents, cue, inside);
    byCue.set(cue, [{ type: 'content', firstToken: that, lastToken: last, start: tokens[that]!.start, end: tokens[last]!.end }]);
  }
  // `Bloomberg reports that …, according to the Roper Center.` and `According to exit polls, Mitt
  // Romney had a ten-point lead …`: an `according to` left without content takes the clause the
  // comma sets off, before it or after its source.
  for (const cue of cues) {
    if (text.slice(cue.start, cue.start + 9).toLowerCase() !== 'according') continue;
    // What follows `according to` at once is the source, never the content (`…, according to the
    // New South Wales Rural Fire Service.`): a content read there is dropped.
    const contents = byCue.get(cue);
    if (contents && contents.length > 0) {
      const kept = contents.filter((run) => run.firstToken !== cue.lastToken + 1);
      if (kept.length === contents.length) {
        const widened = kept.map((run) => clauseBeforeAccording(text, tokens, tags, cue, run));
        const grown = widened.find((run, index) => run !== kept[index]);
        if (grown) {
          const inside = (run: TagRun): boolean => run !== grown && run.firstToken >= grown.firstToken && run.lastToken <= grown.lastToken;
          yieldContents(byCue, orphanContents, cue, inside);
          byCue.set(cue, widened.filter((run) => !inside(run)));
        }
        continue;
      }
      if (kept.length > 0) {
        byCue.set(cue, kept);
        continue;
      }
      // A cue is kept only with contents (the attributions below read its first one).
      byCue.delete(cue);
    }
    const sentence = tokens[cue.firstToken]!.sentence;
    let sentenceFirst = cue.firstToken;
    while (sentenceFirst > 0 && tokens[sentenceFirst - 1]!.sentence === sentence) sentenceFirst--;
    const sentenceLast = sentenceLastToken(tokens, cue.lastToken);
    const isComma = (index: number): boolean => text.charAt(tokens[index]!.start) === ',' && tokens[index]!.end - tokens[index]!.start === 1;
    let first: number;
    let last: number;
    if (cue.firstToken - 1 > sentenceFirst + 2 && isComma(cue.firstToken - 1)) {
      first = sentenceFirst;
      last = cue.firstToken - 2;
    } else if (cue.firstToken === sentenceFirst) {
      let comma = cue.lastToken + 1;
      while (comma < sentenceLast && !isComma(comma)) comma++;
      if (comma >= sentenceLast || comma > cue.lastToken + 25) continue;
      first = comma + 1;
      last = sentenceLast;
      while (last > first && !WORD_OR_QUOTE_END.test(text.charAt(tokens[last]!.end - 1))) last--;
    } else continue;
    if (last - first < 2) continue;
    const inside = (run: TagRun): boolean => run.firstToken >= first && run.lastToken <= last;
    yieldContents(byCue, orphanContents, cue, inside);
    byCue.set(cue, [{ type: 'content', firstToken: first, lastToken: last, start: tokens[first]!.start, end: tokens[last]!.end }]);
  }
  // A cue keeps at most its nearest content on each side, and both sides only when they are the
  // two halves of one direct quote (`“It’s finished,” she said. “In my head, anyway.”`): a missed
  // cue otherwise glues unrelated contents into one attribution (`“That makes me smart,” || him
  // for not paying income tax`). The contents a cue lets go stand alone.
  for (const [cue, contents] of byCue) {
    if (!cue || contents.length < 2) continue;
    const left = contents.filter((run) => run.lastToken < cue.firstToken).sort((a, b) => b.lastToken - a.lastToken);
    const right = mergeAcrossAsides(text, tokens, tags, contents.filter((run) => run.firstToken > cue.lastToken).sort((a, b) => a.firstToken - b.firstToken));
    const nearestLeft = left[0];
    const nearestRight = right[0];
    let kept: TagRun[];
    if (nearestLeft && nearestRight) {
      const direct = (run: TagRun): boolean => isQuoteMark(text.charCodeAt(run.start)) || quoted.some((span) => span.start <= run.start && run.end <= span.end);
      // Tokens between a content and the cue, the source's own tokens not counted.
      const gap = (from: number, to: number): number => {
        let count = 0;
        for (let index = from; index < to; index++) if (tags[index] !== Tag.BeginSource && tags[index] !== Tag.InsideSource) count++;
        return count;
      };
      const sentence = tokens[cue.firstToken]!.sentence;
      // `…, Pentagon spokesperson Maj. Sheryll Klinkel told CNN – as well as the 2012 Benghazi
      // attack.`: a reporting clause set off inside one sentence splits one content in two.
      let after = cue.lastToken + 1;
      while (after <= cue.lastToken + 4 && tokens[after]?.sentence === sentence && UPPER_START.test(text.charAt(tokens[after]!.start))) after++;
      const parenthetical =
        tokens[nearestLeft.lastToken]!.sentence === sentence &&
        tokens[nearestRight.firstToken]!.sentence === sentence &&
        tokens[after] !== undefined &&
        /^[,–—(-]/u.test(text.charAt(tokens[after]!.start)) &&
        // `“He really does love us,” Melanie said, and soon, the balloons were dropping`: the
        // content resumes right after the mark, or the clause is narration.
        nearestRight.firstToken - after <= 4;
      // The halves of one quote sit right around the cue: `“Keep your hands in sight,” she sings
      // to the crowd before asking them, “Where do we go?”` holds two quotes, a clause apart.
      // The first half ends in the cue's sentence (`“It’s finished,” she said.`): a quotation that
      // ended its own sentence before the cue's (`“… I was just kidding.” To which she said, “…”`)
      // is another one.
      const halves = direct(nearestLeft) && direct(nearestRight) && gap(nearestLeft.lastToken + 1, cue.firstToken) <= 3 && tokens[nearestLeft.lastToken]!.sentence === sentence;
      if (halves || parenthetical) kept = [nearestLeft, nearestRight];
      else {
        // `“ISIS and al Qaeda have taken advantage …,” Africa Command said in its statement
        // confirming Dawud’s death.`: a quote right before its cue outranks a phrase after it.
        const leftScore = gap(nearestLeft.lastToken + 1, cue.firstToken) - (direct(nearestLeft) ? 1.5 : 0);
        const rightScore = gap(cue.lastToken + 1, nearestRight.firstToken) - (direct(nearestRight) ? 1.5 : 0);
        kept = leftScore < rightScore ? [nearestLeft] : [nearestRight];
      }
    } else kept = [(nearestLeft ?? nearestRight)!];
    if (commaClauses.has(cue) && !kept.includes(contents[0]!)) kept = [contents[0]!];
    byCue.set(cue, kept);
    const covered = (run: TagRun): boolean => kept.some((keep) => keep.firstToken <= run.firstToken && run.lastToken <= keep.lastToken);
    for (const run of contents) if (!covered(run)) orphanContents.push(run);
  }
  const attributions: FoundAttribution[] = [];
  // A cue's speaker starts or ends in its sentences: with the sources in token order, only those
  // around them are read (reading them all was quadratic in a long paragraph).
  const sourcesInOrder = sources.every((run, index) => index === 0 || sources[index - 1]!.lastToken < run.firstToken);
  for (const [cue, contents] of byCue) {
    if (!cue) continue;
    let source: TagRun | null = null;
    let bestDistance = Infinity;
    let from = 0;
    let until = sources.length;
    if (sourcesInOrder) {
      const firstSentence = tokens[cue.firstToken]!.sentence;
      const lastSentence = tokens[cue.lastToken]!.sentence;
      const sentenceStart = firstIndexWhere(tokens.length, (index) => tokens[index]!.sentence >= firstSentence);
      const sentenceEnd = firstIndexWhere(tokens.length, (index) => tokens[index]!.sentence > lastSentence);
      from = firstIndexWhere(sources.length, (index) => sources[index]!.lastToken >= sentenceStart);
      until = firstIndexWhere(sources.length, (index) => sources[index]!.firstToken >= sentenceEnd);
    }
    for (let at = from; at < until; at++) {
      const candidate = sources[at]!;
      if (tokens[candidate.firstToken]!.sentence !== tokens[cue.firstToken]!.sentence && tokens[candidate.lastToken]!.sentence !== tokens[cue.lastToken]!.sentence) continue;
      // `a | claim`: a determiner alone is never a speaker.
      if (isDeterminerOnly(text, candidate)) continue;
      const distance = candidate.firstToken > cue.lastToken ? candidate.firstToken - cue.lastToken : cue.firstToken - candidate.lastToken;
      const score = distance + (candidate.firstToken > cue.lastToken ? 0.5 : 0);
      if (score < bestDistance) {
        bestDistance = score;
        source = candidate;
      }
    }
    if (source) source = antecedentOf(text, tokens, sources, source, cue);
    const content: Span[] = [];
    for (const run of contents) content.push(snapToQuotes({ start: run.start, end: run.end }, quoted));
    attributions.push({
      content,
      cue: { start: cue.start, end: cue.end },
      source: source ? { start: source.start, end: source.end } : null,
      kind: kindOf(content, quoted),
      rule: commaClauses.has(cue) ? 'tagger+comma-clause' : 'tagger',
      firstToken: contents[0]!.firstToken,
    });
  }
  // `…, Gen Nakatani told reporters, the longest flight time recorded for a North Korean
  // missile.`: a source whose verb of saying closes a clause before it is that verb's; a cue the
  // tagger found elsewhere in the sentence that names no saying and took the same source goes.
  // (Only a cue inside the clause reported or after the verb of saying in its sentence.)
  const reporting = new Map<number, { readonly from: number; readonly to: number }>();
  for (const attribution of attributions) {
    if (attribution.rule !== 'tagger+comma-clause' || !attribution.source || !attribution.cue) continue;
    const cueToken = firstTokenEndingAfter(tokens, attribution.cue.start);
    reporting.set(attribution.source.start, { from: attribution.content[0]!.start, to: tokens[sentenceLastToken(tokens, cueToken)]!.end });
  }
  if (reporting.size > 0) {
    for (let index = attributions.length - 1; index >= 0; index--) {
      const attribution = attributions[index]!;
      if (attribution.rule !== 'tagger' || !attribution.source || !attribution.cue) continue;
      const clause = reporting.get(attribution.source.start);
      if (!clause || attribution.cue.start < clause.from || attribution.cue.end > clause.to) continue;
      const words = text.slice(attribution.cue.start, attribution.cue.end).toLowerCase().split(NON_WORD);
      if (!words.some((word) => SPEECH_VERBS.has(word) || COGNITION_VERBS.has(word) || SPEECH_NOUNS.has(word))) attributions.splice(index, 1);
    }
  }
  for (const run of orphanContents) {
    const content = [snapToQuotes({ start: run.start, end: run.end }, quoted)];
    attributions.push({ content, cue: null, source: null, kind: kindOf(content, quoted), rule: 'tagger/no-cue', firstToken: run.firstToken });
  }
  // Quoted stretches no content covers: direct quotes whose cue the tagger missed.
  const contentRuns = runs.filter((run) => run.type === 'content');
  let runIndex = 0;
  for (const span of quoted) {
    while (runIndex < contentRuns.length && contentRuns[runIndex]!.end <= span.start) runIndex++;
    let covered = false;
    for (let index = runIndex; index < contentRuns.length && contentRuns[index]!.start < span.end; index++) covered = true;
    if (covered || span.unclosed || wordCount(text, span, MINIMUM_QUOTE_WORDS) < MINIMUM_QUOTE_WORDS) continue;
    const firstToken = firstTokenEndingAfter(tokens, span.start);
    attributions.push({ content: [{ start: span.start, end: span.end }], cue: null, source: null, kind: 'direct', rule: 'quote-marks', firstToken });
  }
  // Appositive claims, whatever the tagger made of them: a cue the tagger found inside one (`a
  // claim` read as a cue) yields to it, and a content running over its comma ends before it.
  for (const claim of claimAppositives(text, tokens, quoted, cueLevel)) {
    const cue = claim.attribution.cue!;
    const inside = (span: Span | null): boolean => span !== null && span.start < claim.end && claim.comma < span.end;
    for (let index = attributions.length - 1; index >= 0; index--) {
      const attribution = attributions[index]!;
      if (attribution.cue && inside(attribution.cue) && !(attribution.cue.start === cue.start && attribution.cue.end === cue.end)) {
        attributions.splice(index, 1);
        continue;
      }
      const content = attribution.content.map((piece) => (piece.start < claim.comma && claim.comma < piece.end ? { start: piece.start, end: claim.before } : piece));
      if (content.some((piece, at) => piece !== attribution.content[at])) attributions[index] = { ...attribution, content };
    }
    const reaches = (span: Span | null): boolean => span !== null && span.start < cue.end && cue.start < span.end;
    if (!attributions.some((attribution) => reaches(attribution.cue) || reaches(attribution.source))) attributions.push(claim.attribution);
  }
  attributions.sort((a, b) => a.firstToken - b.firstToken);
  const refined: FoundAttribution[] = [];
  for (const item of attributions) for (const attribution of splitCoordinatedCues(text, tokens, quoted, item, cueLevel)) refined.push(refineAttribution(text, tokens, tags, quoted, attribution));
  return mergeSplitQuotes(text, refined, paragraphOf);
}

/**
 * Words that open a phrase of medium, occasion or time right after a verb of saying (`said on
 * Telegram`, `said in a statement`, `said as he read the ruling`, `added during the debate`): in
 * PolNeAR, 448 of 455 `said/says/told/wrote/added on|in|at|via` and 83 of 85 `said as|during|after|before|while`
 * begin no content there (the exceptions: `said as much`, `said in politics it takes time`).
 */
const TRAILING_OPENERS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'via', 'during', 'after', 'before', 'as', 'while']);

/** A means of saying after `by` (`said by phone`, `told Reuters by telephone`). */
const BY_MEDIUM = /^\s+(?:(?:tele)?phone|text(?:\s+message)?|e-?mail|video\s*link|letter|radio|satellite\s+phone|WhatsApp)\b/i;

/** Verbs of saying whose phrase after them is never what was said (`called on`, `criticized as` are other verbs). */
const REPORTING_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'wrote', 'writes', 'write', 'added', 'adds', 'stated', 'states']);

/** Whether the words from token `at` to its sentence's end are an addressee alone: at most four words, none a `that`. */
function addresseeCloses(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  if (!token) return false;
  const sentence = token.sentence;
  let words = 0;
  for (let index = at; tokens[index]?.sentence === sentence; index++) {
    const word = tokenText(text, tokens[index]!);
    // `…, Gen Nakatani told reporters, the longest flight time recorded …`: a noun phrase the
    // comma sets off after the addressee is said of the clause before, not reported.
    if (word === ',' && words > 0) return closingAppositive(text, tokens, index + 1);
    if (!LETTER_OR_DIGIT.test(word)) continue;
    if (word === 'that' || ++words > 4) return false;
  }
  return words > 0;
}

/**
 * Whether the words from token `at` to the sentence's end are a noun phrase set off after a
 * reporting clause (`…, he told reporters, the longest flight yet.`, `…, a record.`): an article
 * opens it and no verb of saying, `that` or further comma follows.
 */
function closingAppositive(text: string, tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || !ARTICLES.has(tokenText(text, first))) return false;
  for (let index = at + 1; tokens[index]?.sentence === first.sentence; index++) {
    const word = tokenText(text, tokens[index]!);
    if (word === ',' || word === 'that' || SPEECH_VERBS.has(word) || QUOTE_MARK_TOKEN.test(word)) return false;
  }
  return true;
}

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
const QUOTE_MARK_TOKEN = /["“”«»]/;

/** Whether tokens `first` to `last` hold a word that is likely a finite verb (`Fighting | continued in the north`, not `Weighing in on the discussion`). */
function hasFiniteVerb(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  for (let index = first; index <= last; index++) if (FINITE_VERB.test(tokenText(text, tokens[index]!))) return true;
  return false;
}

/** A word that is likely a finite verb: a past form, or an auxiliary or modal. */
const FINITE_VERB = /^(?:\p{L}+ed|is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|says|said)$/u;

/** Words that open a fronted phrase or subordinate clause, not a reported clause (`In an interview, …`, `At day's end, however, …`). */
const FRONTED_OPENERS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'following', 'as', 'when', 'while', 'if', 'asked', 'speaking', 'with', 'without', 'despite', 'amid', 'since', 'until', 'from', 'for', 'by', 'to', 'earlier', 'later']);

/**
 * Whether a clause may follow the phrase opened at token `at`: a `that` within its sentence's next
 * 12 tokens (`said at an event in Colorado Springs that …`), or more than 10 tokens to the
 * sentence's end (`said after the meeting she thought …`).
 */
function clauseMayFollow(text: string, tokens: readonly Token[], at: number): boolean {
  const sentence = tokens[at]!.sentence;
  let index = at + 1;
  for (; tokens[index]?.sentence === sentence; index++) {
    if (index > at + 10) return true;
    if (tokenText(text, tokens[index]!) === 'that') return true;
  }
  return false;
}

/** Whether token `at` opens such a phrase (`as much` is an object, not a clause). */
function opensTrailingPhrase(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  if (!token) return false;
  const word = tokenText(text, token);
  // `…, Maj. Abdullahi Hassan said by phone.`: the means of the saying.
  if (word === 'by') return BY_MEDIUM.test(text.slice(token.end, token.end + 24));
  if (!TRAILING_OPENERS.has(word)) return false;
  return !(word === 'as' && /^\s+(?:much|well)\b/i.test(text.slice(token.end, token.end + 6)));
}

/**
 * `said on` tagged as one cue: the preposition opens the phrase after the verb of saying (no gold
 * cue of PolNeAR ends `said on`), so the cue ends with the verb.
 */
function withoutTrailingPreposition(text: string, tokens: readonly Token[], cue: TagRun): TagRun {
  if (cue.lastToken !== cue.firstToken + 1) return cue;
  if (!REPORTING_VERBS.has(tokenText(text, tokens[cue.firstToken]!)) || !opensTrailingPhrase(text, tokens, cue.lastToken) || clauseMayFollow(text, tokens, cue.lastToken)) return cue;
  return { ...cue, lastToken: cue.firstToken, end: tokens[cue.firstToken]!.end };
}

/** A clause the narrator adds after `…, the agency said,`: `as rescuers dug`, `prompting clashes`, `who …`. */
const NARRATIVE_TAIL = /^(?:as|amid|who|which|prompting|sparking|triggering|forcing|leaving)\b/i;
/** An appositive that ranks the event the sentence told: `the latest in a wave of …`, `the deadliest since 2019`. */
const APPOSITIVE_TAIL = /^the\s+(?:latest|newest|most\s+recent|deadliest|worst|biggest|largest)\b/i;

/**
 * `…, the country's disaster agency said, as rescuers dug through the rubble`: what follows the
 * reporting clause after a comma and opens with `as`, `amid`, `prompting`, `who` is the
 * narrator's, not the source's (PolNeAR: none of 7 `, as` after a cue is content). Those pieces
 * go; when nothing else was content, the clause before the source is (`Police arrested X on
 * Friday, his party said, prompting clashes`).
 */
export function dropNarrativeTail(text: string, tokens: readonly Token[], attribution: FoundAttribution): FoundAttribution {
  const { cue, source } = attribution;
  if (!cue) return attribution;
  const anchor = Math.max(cue.end, source?.end ?? 0);
  const tail = (piece: Span, pattern: RegExp): boolean => piece.start >= anchor && /^\s*,\s*$/.test(text.slice(anchor, piece.start)) && pattern.test(text.slice(piece.start, piece.start + 24));
  const content = attribution.content.filter((piece) => !tail(piece, NARRATIVE_TAIL));
  if (content.length > 0 && content.length < attribution.content.length) return { ...attribution, content };
  // "Gunmen abducted 30 students, police said, the latest in a wave of kidnappings": an
  // appositive ranking the event is the narrator's too, when it is all the content there is
  // (PolNeAR keeps `, the first …` after a cue when the source said more).
  if (content.length > 0 && !(content.length === 1 && tail(content[0]!, APPOSITIVE_TAIL))) return attribution;
  const opening = Math.min(cue.start, source?.start ?? cue.start);
  const clause = clauseBefore(text, tokens, opening);
  return clause ? { ...attribution, content: [clause], firstToken: firstTokenEndingAfter(tokens, clause.start) } : attribution;
}

/**
 * `The decision … was hailed by Ukrainian President Volodymyr Zelenskyy as "a victory for
 * Ukraine"`: the agent of a passive verb of saying speaks; what it was hailed as is the content.
 */
export function agentOfPassiveCue(text: string, attribution: FoundAttribution): FoundAttribution {
  const { cue } = attribution;
  // `The Bank of England is expected to keep rates on hold`: the subject of a passive of belief
  // is what is believed of, not who believes it (no one is named).
  if (cue && attribution.source && attribution.source.end <= cue.start && /^\s*$/.test(text.slice(attribution.source.end, cue.start)) && PASSIVE_BELIEF.test(text.slice(cue.start, cue.end))) {
    return { ...attribution, source: null, rule: `${attribution.rule}+passive-belief` };
  }
  const last = attribution.content[attribution.content.length - 1];
  if (!cue || !last || last.end <= cue.end) return attribution;
  // (The tagger may end the cue inside the agent: `was hailed by Kenyan | President William Ruto as …`.)
  const verb = PASSIVE_SAYING.exec(text.slice(cue.start, cue.end));
  if (!verb) return attribution;
  const verbEnd = cue.start + verb[0].length;
  const match = /^\s+by\s+((?:[\p{Lu}][\p{L}.'’-]*|of|the|and)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|of|the|and)){0,7})\s+as\s+(?=\S)/u.exec(text.slice(verbEnd, last.end));
  if (!match) return attribution;
  const agentStart = verbEnd + match[0].indexOf(match[1]!, match[0].indexOf('by') + 2);
  const source = { start: agentStart, end: agentStart + match[1]!.length };
  return { ...attribution, cue: { start: cue.start, end: verbEnd }, source, content: [{ start: verbEnd + match[0].length, end: last.end }], rule: `${attribution.rule}+passive-agent` };
}

/** A passive verb of praise, blame or description (`was hailed`, `were described`, `has been called`). */
const PASSIVE_SAYING = /^(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|been|being)\s+(?:\w+ly\s+)?)(?:hailed|described|called|branded|denounced|condemned|praised|criticized|criticised|labelled|labeled|dismissed|derided|characterized|characterised|welcomed|greeted|lauded|slammed|seen|viewed|regarded)\b/i;

/**
 * `The United States condemned the "dangerous maneuvers" in a statement from its embassy in Manila
 * late on Monday`: a content after its cue ends before the statement, interview or post that
 * carried it, when nothing is reported after that phrase (no `that`, no quotation).
 */
export function cutMediumTail(text: string, attribution: FoundAttribution): FoundAttribution {
  const { cue } = attribution;
  const last = attribution.content[attribution.content.length - 1];
  // `he had asked President Joe Biden for a major disaster declaration, which | Biden approved`: a
  // relative pronoun the content ran into, its clause left out, is no part of it.
  const dangling = last ? DANGLING_RELATIVE.exec(text.slice(last.start, last.end)) : null;
  if (last && dangling) return { ...attribution, content: [...attribution.content.slice(0, -1), { start: last.start, end: last.start + dangling.index }] };
  if (!cue || !last || last.start < cue.end) return attribution;
  const piece = text.slice(last.start, last.end);
  const match = MEDIUM_TAIL.exec(piece);
  if (!match || match.index === 0) return attribution;
  const rest = piece.slice(match.index);
  if (/\bthat\b|["“”«»]/.test(rest)) return attribution;
  const head = piece.slice(0, match.index).replace(/[\s,]+$/, '');
  // (Not when the phrase may belong to a verb inside the content: `why it was mentioned by Ivanka
  // Trump in an interview`, or to a list: `during campaign stops and in his speech`.)
  if (head.split(/\s+/).length < 2 || CLAUSE_INSIDE.test(head)) return attribution;
  return { ...attribution, content: [...attribution.content.slice(0, -1), { start: last.start, end: last.start + head.length }] };
}

/** A comma and a relative pronoun closing a content (`…, which`). */
const DANGLING_RELATIVE = /,\s*(?:which|who|whom|whose|where)$/i;

/** The phrase of the medium that carried a saying, inside a content after its cue. */
const MEDIUM_TAIL = /\s(?:in\s+(?:a|an|its|his|her|their)\s+(?:joint\s+|written\s+|brief\s+|separate\s+)?(?:statement|interview|post|posts|message|letter|tweet|speech|briefing|news\s+release|press\s+release)|at\s+a\s+(?:news|press)\s+(?:conference|briefing))\b(?!-)/i;
/** A verb or coordinator in what comes before such a phrase: the phrase may be its. */
const CLAUSE_INSIDE = /\b(?:is|are|was|were|been|being|has|have|had|said|says|told|wrote|mentioned)\b|\b(?:be|and|or)$/i;

/**
 * The sentence's words before `opening` when they end in a comma right before it and hold no quote
 * mark, semicolon or colon (a clause reported by what follows), else null.
 */
function clauseBefore(text: string, tokens: readonly Token[], opening: number): Span | null {
  const at = firstTokenEndingAfter(tokens, opening);
  if (at <= 0 || at >= tokens.length) return null;
  const from = tokens[sentenceFirstToken(tokens, at)]!.start;
  const before = text.slice(from, opening);
  const comma = before.search(/,\s*$/);
  if (from >= opening || comma <= 0 || /["“”«»;:]/.test(before)) return null;
  return { start: from, end: from + comma };
}

/** The first token of the sentence of token `at` (`at` itself when out of range). */
function sentenceFirstToken(tokens: readonly Token[], at: number): number {
  if (at < 0 || at >= tokens.length) return at;
  const sentence = tokens[at]!.sentence;
  let start = at;
  while (start > 0 && tokens[start - 1]!.sentence === sentence) start--;
  return start;
}

/** The last token of the sentence of token `at` (in range). */
function sentenceLastToken(tokens: readonly Token[], at: number): number {
  const sentence = tokens[at]!.sentence;
  let end = at;
  while (end + 1 < tokens.length && tokens[end + 1]!.sentence === sentence) end++;
  return end;
}

/** A participle opening a content piece: `killing at least 40 people`. */
const PARTICIPLE_START = /^\p{Ll}+ing\b/u;

/**
 * `A quake struck eastern Turkey on Tuesday, killing at least 40 people, the agency said`: the
 * participle clause is the end of what the source said, not all of it. A content piece that opens
 * with a participle after a comma, with the source right after it, starts at its sentence's start
 * (when nothing between holds a quote mark or a clause break stronger than a comma).
 */
export function startParticipleAtSentence(text: string, tokens: readonly Token[], attribution: FoundAttribution): FoundAttribution {
  const { source, cue } = attribution;
  let first = attribution.content[0];
  if (!source || !cue || !first || source.start < first.end || cue.start < first.end) return attribution;
  // `… (225 km per | hour), the National Hurricane Center said`: a content the tagger ended a few
  // characters short of the comma before the source ends at that comma.
  const shortTail = /^[^,;:.!?"“”\n]{1,16}(?=,\s*$)/.exec(text.slice(first.end, source.start));
  if (shortTail && attribution.content.length === 1 && cue.start >= source.end) {
    first = { start: first.start, end: first.end + shortTail[0].length };
    attribution = { ...attribution, content: [first] };
  }
  // (The comma may be the content's last character: `… homes, Ukrainian officials said`.)
  if (!/^\s*,\s*$/.test(text.slice(first.end, source.start)) && !(text.charAt(first.end - 1) === ',' && /^\s*$/.test(text.slice(first.end, source.start)))) return attribution;
  if (PARTICIPLE_START.test(text.slice(first.start, first.start + 24))) {
    const clause = clauseBefore(text, tokens, first.start);
    if (!clause) return attribution;
    return { ...attribution, content: [{ start: clause.start, end: first.end }, ...attribution.content.slice(1)], firstToken: firstTokenEndingAfter(tokens, clause.start) };
  }
  // "Russia fired 40 missiles at Ukraine, striking a plant in Kyiv and cutting power, officials
  // said" read from `Kyiv`: a content that starts inside a clause (no comma or connective before
  // it) starts with its sentence. (PolNeAR, a content before `, SOURCE CUE`: 228 of 273 start
  // their sentence; the others follow a comma or a connective: `In fact, `, `But `.)
  const start = sentenceFirstToken(tokens, firstTokenEndingAfter(tokens, first.start));
  const opening = tokens[start]?.start ?? first.start;
  const lead = text.slice(opening, first.start);
  if (opening >= first.start || /[,;:—–(\n"“”]\s*$/.test(lead) || CONNECTIVE_LEAD.test(lead) || /["“”«»]/.test(lead)) return attribution;
  return { ...attribution, content: [{ start: opening, end: first.end }, ...attribution.content.slice(1)], firstToken: start };
}

/** A sentence-opening connective a content may follow: `But `, `And yet `, `So `. */
const CONNECTIVE_LEAD = /^\s*(?:but|and|so|yet|still|also|now|then|thus|meanwhile|however|instead|and yet|but now)\s+$/i;

/** A reporting verb right before an inverted source: `…, said Mohammed Jalige`. */
const SAID_BEFORE_SOURCE = /,\s*(said|says|told|added)\s+$/i;

/**
 * `The attackers … shot a security guard before forcing the students into a forest, said Mohammed
 * Jalige`: a weapon verb the tagger read as a cue (`shot`) is no cue when a reporting verb stands
 * before the source; that verb is, and the content is the clause before it.
 */
export function weaponCueToReport(text: string, tokens: readonly Token[], attribution: FoundAttribution): FoundAttribution {
  const { cue, source } = attribution;
  if (!cue || !source || source.start < cue.end || !WEAPON_CUE.test(text.slice(cue.start, cue.end))) return attribution;
  const said = SAID_BEFORE_SOURCE.exec(text.slice(Math.max(cue.end, source.start - 16), source.start));
  if (!said) return attribution;
  const saidStart = source.start - said[0].length + said[0].indexOf(said[1]!);
  const clause = clauseBefore(text, tokens, saidStart);
  if (!clause || clause.start > cue.start) return attribution;
  return { ...attribution, cue: { start: saidStart, end: saidStart + said[1]!.length }, content: [clause], firstToken: firstTokenEndingAfter(tokens, clause.start) };
}

/** Words that open a clause right after a verb of saying (`said a guided bomb hit …`, `says the ban`). */
const CLAUSE_OPENING = /^(?:a|an|the|his|her|its|their|our|this|these|those|he|she|it|they|we|i|there|some|many|most|no|all|two|three|four|five|\d[\d,.]*)$/i;
/** Verbs of saying that take a clause with no `that` (not `told`, whose object is whom it told). */
const BARE_CLAUSE_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'say', 'added', 'adds']);

/**
 * `Syniehubov said a guided bomb hit a residential building`, tagged with the cue `said a guided
 * bomb hit`: the words after a verb of saying that open a clause belong to the content right after.
 */
export function clauseOutOfCue(text: string, attribution: FoundAttribution): FoundAttribution {
  const cue = attribution.cue;
  const first = attribution.content[0];
  if (!cue || !first || attribution.kind !== 'indirect' || cue.end > first.start || !/^\s*$/.test(text.slice(cue.end, first.start))) return attribution;
  const match = /^(\S+)\s+(\S+)/.exec(text.slice(cue.start, cue.end));
  if (!match || !BARE_CLAUSE_VERBS.has(match[1]!.toLowerCase()) || !CLAUSE_OPENING.test(match[2]!)) return attribution;
  const verbEnd = cue.start + match[1]!.length;
  const contentStart = verbEnd + (match[0].length - match[1]!.length - match[2]!.length);
  return { ...attribution, cue: { start: cue.start, end: verbEnd }, content: [{ start: contentStart, end: first.end }, ...attribution.content.slice(1)], rule: `${attribution.rule}+clause-out-of-cue` };
}

/** One attribution through the boundary conventions, its kind read again when they moved its content. */
function refineAttribution(text: string, tokens: readonly Token[], tags: Uint8Array, quoted: readonly QuotedSpan[], attribution: FoundAttribution): FoundAttribution {
  const refined = weaponCueToReport(text, tokens, startParticipleAtSentence(text, tokens, dropNarrativeTail(text, tokens, cutMediumTail(text, extendOverFocusPhrase(text, tokens, tags, endAtClosedQuote(text, quoted, cutAtSentenceEnd(tokens, quoted, prepositionToCue(text, startAtThat(text, tokens, timeToCue(text, clauseOutOfCue(text, agentOfPassiveCue(text, splitTranscriptSpeaker(text, attribution)))))))))))));
  return refined === attribution ? attribution : { ...refined, kind: kindOf(refined.content, quoted) };
}

/** Whether the text before `end` ends a sentence with a period, inside closing quote marks or not (`kidding.”`). */
function endsWithPeriod(text: string, end: number): boolean {
  let last = end - 1;
  while (last > 0 && isQuoteMark(text.charCodeAt(last))) last--;
  return text.charAt(last) === '.';
}

/**
 * `“It’s finished,” she said. “In my head, anyway.”`: a direct quote with no cue of its own right
 * after a direct quote with a cue, in the same paragraph, is the rest of the same attribution.
 */
function mergeSplitQuotes(text: string, attributions: FoundAttribution[], paragraphOf: Int32Array): FoundAttribution[] {
  const merged: FoundAttribution[] = [];
  for (const attribution of attributions) {
    // Look back past cue-less phrases of the same paragraph that are not quotations (`“…,” Flynn
    // said Thursday on Fox News’s “Fox and Friends.” “I mean, …”`).
    let back = merged.length - 1;
    while (back > 0 && merged[back]!.cue === null && merged[back]!.kind !== 'direct' && paragraphOf[merged[back]!.firstToken] === paragraphOf[attribution.firstToken]) back--;
    const previous = merged[back];
    if (
      previous &&
      attribution.cue === null &&
      attribution.kind === 'direct' &&
      previous.cue !== null &&
      previous.kind === 'direct' &&
      paragraphOf[previous.firstToken] === paragraphOf[attribution.firstToken] &&
      // The cue sits between the pieces: `“…,” he said. “…”`.
      previous.cue.start > previous.content[0]!.end &&
      previous.cue.end <= attribution.content[0]!.start &&
      previous.content[previous.content.length - 1]!.end <= attribution.content[0]!.start &&
      !endsWithPeriod(text, previous.content[previous.content.length - 1]!.end)
    ) {
      merged[back] = { ...previous, content: [...previous.content, ...attribution.content], rule: `${previous.rule}+split-quote` };
      continue;
    }
    merged.push(attribution);
  }
  return merged;
}

/** Verbs of force that PolNeAR's political copy uses for words (`attacked Clinton's record`). */
const FORCE_CUE = /^(?:attack(?:ed|s|ing)?|struck|strikes?|hit|bomb(?:ed|s|ing)?|raid(?:ed|s)?|storm(?:ed|s)?|shell(?:ed|s)?|invad(?:ed|es)|target(?:ed|s)?)$/i;

/**
 * `when Hamas-led gunmen attacked | southern Israel`: a verb of force whose object is a place is
 * force, not words. Drops indirect attributions with such a cue whose content is all a place
 * (a LOC mention, and at most `the`/`southern` … before it).
 */
export function dropPhysicalAttacks(text: string, attributions: readonly FoundAttribution[], mentions: readonly Pick<Mention, 'start' | 'end' | 'type'>[]): FoundAttribution[] {
  return attributions.filter((attribution) => {
    const { cue } = attribution;
    if (!cue || attribution.kind !== 'indirect' || attribution.content.length !== 1) return true;
    const cueWords = text.slice(cue.start, cue.end).split(/\s+/);
    if (!FORCE_CUE.test(cueWords[cueWords.length - 1] ?? '')) return true;
    const content = attribution.content[0]!;
    // (A country the linker joined to its demonym may be typed MISC: `southern Israel` with `Israeli`.)
    const place = mentions.find((mention) => (mention.type === 'LOC' || mention.type === 'MISC') && mention.start >= content.start && mention.end <= content.end);
    if (!place) return true;
    // (Up to a verb joined after it: `attacked | southern Israel and triggered the war in Gaza`.)
    const after = text.slice(place.end, content.end);
    const joined = /,?\s+(?:and|but)\s+\p{Ll}+(?:ed|ing)\b/u.exec(after);
    const rest = (text.slice(content.start, place.start) + (joined ? after.slice(0, joined.index) : after)).trim();
    return !/^(?:(?:the|northern|southern|eastern|western|central|north|south|east|west|parts of|areas of|towns in|villages in|cities in)\s*)*$/i.test(rest);
  });
}

/**
 * Drops attributions the evidence does not carry, measured on PolNeAR dev by what each kind of
 * prediction gets right: a content with no cue that is not a quotation (a third right at best),
 * a one- to three-word content with no cue or with a cue whose words are rarely cues (`The
 * “reform” passed the Senate`), and a one-word content unless its cue is a strong one.
 * `cueLevel` gives a lower-case word's learned cue level (0–3, see `cueLevelOf`).
 */
export function dropWeakAttributions(text: string, attributions: readonly FoundAttribution[], cueLevel: (word: string) => number): FoundAttribution[] {
  const kept: FoundAttribution[] = [];
  for (const attribution of attributions) if (isStrongAttribution(text, attribution, cueLevel)) kept.push(attribution);
  return kept;
}

/**
 * `The “reform” passed the Senate`: content, cue and source in the order of a subject, its verb
 * and its object. An inverted attribution sets its content off from the cue (`…, said Smith`,
 * `This is “…,” reported Reuters`, `“…” said Smith`); a content that runs straight into a cue
 * with its source after it is the subject of a clause, not a claim, unless the cue is `according
 * to` or a passive with its agent (`The issue was first reported by The Washington Post`).
 */
function isSubjectVerbObject(text: string, attribution: FoundAttribution): boolean {
  const { cue, source, content } = attribution;
  if (!cue || !source || source.start < cue.end || content.length === 0) return false;
  const first = content[0]!;
  const last = content[content.length - 1]!;
  if (last.end > cue.start || !/^\s*$/u.test(text.slice(last.end, cue.start))) return false;
  // Wholly quoted (`“We will win” said Smith`): set off by its marks.
  if (isQuoteMark(text.charCodeAt(first.start)) && isQuoteMark(text.charCodeAt(last.end - 1))) return false;
  // The last few units are enough to read its closing punctuation and quote marks.
  if (SET_OFF_END.test(text.slice(Math.max(last.start, last.end - 8), last.end))) return false;
  const cueText = text.slice(cue.start, cue.end).toLowerCase();
  return !cueText.startsWith('according') && !/\bby$/u.test(cueText) && !/^\s+by\s/u.test(text.slice(cue.end, source.start + 1));
}

/** A cue of finding (`found`, `discovered`, `recovered`). */
const FINDING_CUE = /(?:^|\s)(?:found|finds?|discovered|recovered|uncovered|pulled)$/i;
/** What a search finds: bodies, remains, wreckage, arms (`the body of a woman`, `two bodies`, `a cache of weapons`). */
const FOUND_THINGS = /^(?:(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens of|more)\s+)?(?:\w+\s+)?(?:bod(?:y|ies)|remains|corpses?|wreckage|debris|cache|weapons|explosives|survivors?|traces?|evidence\s+of|samples?|fossils?|signs\s+of)\b/i;

/** A cue that summons or worries, in the passive (`were called to`, `concerns were raised for`), a level (`debt, which stands at 70%`) or a name (`Odebrecht, now known as Novonor`). */
const SUMMONED_CUE = /^(?:(?:(?:also|now|better|formerly|widely)\s+)?(?:known|referred to)\s+as|(?:stands?|stood|standing)\s+at|(?:was|were|been|had been|have been|has been)\s+called\s+(?:out\s+)?to\b.*|concerns?\s+(?:were|was|had been|have been|has been)\s+raised\s+for)$/i;

/** What an anonymous source asks for (`not to be named`), as a content's opening (not `requested anonymity`: PolNeAR annotates that as what the source asked). */
const ANONYMITY_TERMS = /^not\s+to\s+be\s+(?:named|identified|quoted)\b/i;

/** A court's verdict as a cue (`was found guilty last month of`, `convicted of`). */
const VERDICT_CUE = /^(?:(?:was|were|is|are|has\s+been|had\s+been|have\s+been|been)\s+)?(?:found\s+(?:not\s+)?guilty|convicted|acquitted)\b/i;
/** A passive of choosing or seeking (`can be considered`, `was nominated`, `is wanted`): what for is no claim (`criticized for` is one). */
const PASSIVE_TAIL = /\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:considered|nominated|scheduled|slated|wanted|sought|selected|shortlisted|chosen|picked|tipped|earmarked|eligible|set)$/i;
/** A passive of naming or appointing (`was named`, `were elected`). */
const NAMING_PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:named|appointed|elected|listed|ranked|renamed|filed|lodged|submitted)\b/i;
/** A cue of being known by a name, before its `as`. */
const KNOWN_CUE = /^(?:(?:also|now|better|formerly|widely|locally)\s+)?(?:known|referred\s+to)$/i;
/** Prepositions after which a participle is an adjective (`ahead of expected tariffs`). */
const ADJECTIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'with', 'against', 'amid', 'despite', 'over', 'about']);
/** A cue that is a figure's noun and `of` (`beating a forecast of`, `an estimate of`). */
const FIGURE_NOUN_CUE = /\b(?:a|an|the|its|their)\s+(?:forecast|estimate|projection|prediction|consensus)\s+of$/i;
/** A cue that is an adverb alone. */
const ADVERB_CUE = /^(?:also|then|now|still|further|later|again|already|meanwhile)$/i;
/** A court's act on a law or decision (`struck down`, `upheld`, `overturned`). */
const RULING_CUE = /^(?:(?:has|have|had)\s+)?(?:struck\s+down|strikes\s+down|upheld|upholds|overturned|overturns|annulled|quashed|invalidated)$/i;
/** Verbs of a penalty set or changed, in the passive (`are commuted to`, `was sentenced to`). */
const PENALTY_CUE = /^(?:commuted|sentenced|reduced|fined|jailed|transferred|extradited|deported)$/i;
/** A cue that is a preposition alone (other prepositions are cues in PolNeAR: `the case for`). */
const PREPOSITION_CUE = /^against$/i;

/** A source that names no one: `No group`, `Nobody`, `None of the parties`. */
const NO_ONE_SOURCE = /^(?:no|none|nobody|neither)\b/i;
/** A cue that the tagger took with its determiner: a noun, not a saying (`a recall of`). */
const NOT_A_VERB_CUE = /^(?:a|an|the)\s+recalls?\b/i;

/** A passive cue: `were asked`, `was told`, `had been urged`. */
const PASSIVE_CUE = /^(?:(?:is|are|was|were|be|been|being|had been|has been|have been)\s+)(?:\w+ly\s+)?\w+(?:ed|old|sked)\b/i;

/** A content that ends in punctuation that sets it off, inside closing quote marks or not (`…,”`, `…,''`, `…:`). */
const SET_OFF_END = /[,;:!?…—–-]["”’'»]*\s*$/u;

/**
 * Whether an indirect attribution's cue and content opening still read as words reported, past
 * the cue's level: not a negated saying, a summons, a search's finding, the terms of anonymity, a
 * weapon fired, or whom a passive cue was asked of.
 */
function isClaimOfIndirectCue(text: string, attribution: FoundAttribution, cue: Span): boolean {
  const cueText = text.slice(cue.start, cue.end);
  const first = attribution.content[0]!;
  const opening = text.slice(first.start, first.start + 60);
  // `was found guilty of murdering …`, `can be considered for parole`: a verdict, and what one is
  // considered for, are no words reported.
  if (VERDICT_CUE.test(cueText) || (PASSIVE_TAIL.test(cueText) && /^for\b/i.test(opening))) return false;
  // `was named last week in a grand jury indictment`, `was appointed in March`, `A settlement was
  // filed on Tuesday`: a naming or a filing, no claim.
  if (NAMING_PASSIVE.test(cueText)) return false;
  // `the Disaster and Emergency Management Authority, known | as AFAD`: a name it goes by, no
  // words reported. (A name someone gives is: PolNeAR marks `His nonprofit group, called the
  // Virginia Conservation Legacy Fund`, and `which Beijing calls Huangyan Island` is a claim.)
  if (KNOWN_CUE.test(cueText) && /^(?:(?:locally|widely|commonly|popularly|affectionately|simply|collectively|officially|informally)\s+)?as\b/i.test(opening)) return false;
  // `A hacker group called Rhysida claimed …`: a participle naming the thing just said, no words
  // reported (a name set off by commas may be one given: see above).
  if (/^(?:called|named|dubbed)$/i.test(cueText) && /\p{Ll}\s+$/u.test(text.slice(Math.max(0, cue.start - 2), cue.start)) && /^\p{Lu}/u.test(opening)
    && attribution.source && /^(?:an?|one|another)\s/i.test(text.slice(attribution.source.start, attribution.source.end))) return false;
  // `demonstrations against | the government's decision …`: a preposition alone says nothing;
  // nor does an adverb (`The leaders also | granted candidate status to Georgia`).
  if (PREPOSITION_CUE.test(cueText) || ADVERB_CUE.test(cueText)) return false;
  // `found Lt. Col. Ranjith Perera guilty of | ordering the killing`: a verdict, however split.
  if (/^(?:not\s+)?guilty(?:\s+of)?$/i.test(cueText)) return false;
  // `struck down a provision`, `upheld the law`: a ruling's act on a text, no words reported.
  if (RULING_CUE.test(cueText)) return false;
  // `death sentences are routinely commuted | to life imprisonment`: a penalty changed, no words.
  if (PENALTY_CUE.test(cueText) && /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(0, cue.start - 30), cue.start))) return false;
  // `Voters had been angered by Ghana's worst economic crisis`: the agent of a passive is its cause, no content.
  if ((/^\s*by\s+$/i.test(text.slice(cue.end, first.start)) || /\sby$/i.test(cueText)) && /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+ed(?:\s+by)?$/i.test(cueText)) return false;
  // `No group immediately claimed responsibility`, `Nobody said …`: a source that is no one.
  if (attribution.source && NO_ONE_SOURCE.test(text.slice(attribution.source.start, attribution.source.end))) return false;
  // `There is no approved vaccine`, `a recall of several hybrid models`: after a determiner, a
  // participle is an adjective and `recall` a noun, no saying.
  const before = /(\S+)\s*$/u.exec(text.slice(Math.max(0, cue.start - 12), cue.start))?.[1]?.toLowerCase() ?? '';
  // (After a preposition too: `ahead of expected U.S. tariffs`; and a forecast's figure is no claim: `beating a forecast of 5.2%`.)
  if (NOT_A_VERB_CUE.test(cueText) || ((DETERMINERS.has(before) || POSSESSIVE_DETERMINERS.has(before) || ADJECTIVE_PREPOSITIONS.has(before)) && /^(?:\p{L}+ed|recall)$/iu.test(cueText)) || FIGURE_NOUN_CUE.test(cueText)) return false;
  // "The statement did not say whether …", "declined to say how many": nothing was said.
  // The negation may be the cue's own first words (`did not respond to | a request for comment`).
  if (NOT_SAID_BEFORE.test(text.slice(Math.max(0, cue.start - 24), cue.start)) || NOT_SAID_CUE.test(cueText)) return false;
  // `He did not say what led to the shooting`, `It was not immediately clear whether he had a
  // lawyer`: what was not said or is not known, asked as a question, is no claim.
  if (WH_OPENING.test(opening) && (NOT_SAID_WH_CUE.test(cueText) || UNKNOWN_CUE.test(cueText))) return false;
  // `Officers were called to an address`, `concerns were raised for the welfare of a woman`: a
  // summons and a worry for someone, no words reported.
  if (SUMMONED_CUE.test(cueText)) return false;
  // `Rescuers found the body of an elderly woman`: what a search found, not what was said.
  if (FINDING_CUE.test(cueText) && FOUND_THINGS.test(opening)) return false;
  // `asking not to be named for his safety`: the terms of anonymity, not a claim.
  if (ANONYMITY_TERMS.test(opening)) return false;
  // `fired` says things ("fired back at critics") and shoots: what it fires here is no claim.
  if (WEAPON_CUE.test(cueText) && WEAPON_CONTENT.test(opening)) return false;
  // `declared martial law`, `declared the capital an emergency zone`: a state proclaimed, no words
  // reported (`declared that …` and a declared clause are).
  if (/\bdeclar(?:ed|es|ing)$/i.test(cueText) && !/^that\b/i.test(opening)) {
    // (Up to its first comma: `declared Maduro the winner, a result the opposition rejected`.)
    const content = text.slice(first.start, attribution.content[attribution.content.length - 1]!.end).split(',')[0]!;
    if (!content.split(/\s+/).some((word) => FINITE_VERB.test(word.replace(/[^\p{L}]+$/u, '')) || /\p{L}n['’]t$/u.test(word))) return false;
  }
  // `issued a temporary restraining order`, `issued bonds`: an office's act, no words reported.
  // (PolNeAR marks a court's `blocked X from …` as one, so it stays.)
  if (/\b(?:issued|issues|issuing|granted|signed)$/i.test(cueText) && ISSUED_THING.test(opening)) return false;
  // `They failed to agree on an aid package`: what was not done is no words reported.
  if ((/^fail(?:ed|s|ing)?$/i.test(cueText) && /^to\s/i.test(opening)) || /^fail(?:ed|s|ing)?\s+to\s+\S+$/i.test(cueText)) return false;
  // `the actor best known for his role on …`: what someone is known for, no claim.
  if (/^(?:(?:best|well|widely|perhaps|mostly|most)\s+)?known\s+for$/i.test(cueText)) return false;
  // `declared a mistrial on that charge`: a state declared in the cue, its object after it.
  if (/^declar(?:ed|es|ing)\s+\S/i.test(cueText) && !text.slice(first.start, attribution.content[attribution.content.length - 1]!.end).split(/\s+/).some((word) => FINITE_VERB.test(word.replace(/[^\p{L}]+$/u, '')))) return false;
  // `who sponsored the measure`, `introduced a resolution`: a bill's author names no words reported.
  if (/^(?:co-?)?(?:sponsored|sponsors|introduced|introduces|authored)$/i.test(cueText) && !/^that\b/i.test(opening)) return false;
  // `the economy showed fresh signs of weakness`: a sign shown is no finding reported.
  if (/^show(?:ed|s|n|ing)?$/i.test(cueText) && /^(?:(?:fresh|new|early|further|more|few|no|any|some|clear|little|first|tentative)\s+)?signs?\s+of\b/i.test(opening)) return false;
  // `threw stones | at officers`: where a thrown thing went, no claim.
  if (PROJECTILE_CUE.test(cueText) && /^(?:at|on|towards?|into)\b/i.test(opening)) return false;
  // "patients with planned surgeries were asked to stay home": before a passive cue stands whom
  // it was asked of, not what was said.
  return !(PASSIVE_CUE.test(cueText) && attribution.content[attribution.content.length - 1]!.end <= cue.start);
}

function isStrongAttribution(text: string, attribution: FoundAttribution, cueLevel: (word: string) => number): boolean {
  // Its noun says a claim, however short its content (`that`) and weak its verb (`disputes`).
  if (attribution.rule === 'claim-appositive') return true;
  if (isSubjectVerbObject(text, attribution)) return false;
  let words = 0;
  for (const piece of attribution.content) if ((words += wordCount(text, piece, MINIMUM_QUOTE_WORDS - words)) >= MINIMUM_QUOTE_WORDS) break;
  if (!attribution.cue) return attribution.kind !== 'indirect' && words >= MINIMUM_QUOTE_WORDS;
  let level = 0;
  let listed = false;
  let wordy = false;
  for (const word of text.slice(attribution.cue.start, attribution.cue.end).toLowerCase().split(NON_WORD)) {
    if (!word) continue;
    wordy = true;
    level = Math.max(level, cueLevel(word));
    listed ||= SPEECH_VERBS.has(word) || COGNITION_VERBS.has(word) || SPEECH_NOUNS.has(word) || word === 'according';
  }
  // An indirect claim needs a cue word that says one: "Riot police fired tear gas at protesters"
  // has the shape of "Police said …", but `fired` is neither a listed speech or thought word nor
  // a learned cue (level 0: rarely one in training, or too rare to tell).
  if (wordy && level === 0 && !listed && attribution.kind === 'indirect') return false;
  if (attribution.kind === 'indirect' && !isClaimOfIndirectCue(text, attribution, attribution.cue)) return false;
  // Four words or more stand whatever the cue: its level is read only for short contents.
  if (words > 3) return true;
  return words <= 1 ? level >= 3 : level >= 2;
}
