/**
 * The grammatical tense around a time expression, read from the verbs and auxiliaries of its
 * sentence. News resolves a bare weekday or month by it: "struck ... Saturday" is the Saturday
 * before publication, "will meet Saturday" the one after.
 */

/** Tense of the clause around an expression; `none` when no cue was found. */
export type Tense = 'past' | 'present' | 'future' | 'none';

// Words that put a clause in the future ("will", "'ll", "is expected to", "plans to", "scheduled").
const FUTURE_WORDS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'gonna', 'would']);

// Irregular past forms common in news; regular ones are found by their `-ed` ending.
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'took', 'made', 'went', 'came', 'gave', 'got', 'saw', 'found', 'left',
  'met', 'held', 'won', 'lost', 'fell', 'rose', 'sold', 'bought', 'paid', 'led', 'began', 'became', 'brought',
  'thought', 'struck', 'hit', 'shot', 'ran', 'spoke', 'wrote', 'broke', 'chose', 'drove', 'flew', 'grew', 'knew',
  'threw', 'wore', 'built', 'sent', 'spent', 'felt', 'kept', 'meant', 'put', 'quit', 'sought', 'taught', 'caught',
  'fought', 'stood', 'understood', 'heard', 'ago', 'yesterday', 'earlier', 'previously', 'been', 'died', 'slid',
  'overtook', 'withdrew', 'undertook', 'forbade', 'began', 'swore', 'stole', 'tore', 'bore', 'froze', 'rode', 'sank',
  'sang', 'shook', 'split', 'spread', 'struck', 'swept', 'lay', 'laid', 'paid', 'dealt', 'fled', 'bled', 'slept',
]);

/** Bare and present verbs of remaining, after which a participle is an adjective (`stay closed`, `remains shut`). */
const REMAINING: ReadonlySet<string> = new Set(['stay', 'stays', 'remain', 'remains', 'keep', 'keeps', 'get', 'gets', 'become', 'becomes', 'seem', 'seems']);

/** Words after which a verb is a bare infinitive (`could spread`, `to hit`), whatever its form. */
const INFINITIVE_BEFORE: ReadonlySet<string> = new Set(['could', 'would', 'will', 'may', 'might', 'can', 'should', 'must', 'to', 'shall']);

const PRESENT_WORDS = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', 'does', 'do', "'s", 'now']);

/** Verbs of a fixture list or timetable, whose present tells of a day ahead (`Chelsea travel to Newcastle on Wednesday`, `Arafat and Netanyahu meet Monday`). */
const SCHEDULED_WORDS = new Set(['host', 'hosts', 'travel', 'travels', 'face', 'faces', 'meet', 'meets', 'play', 'plays', 'welcome', 'welcomes', 'leaves', 'arrives', 'departs', 'starts', 'begins', 'opens', 'resumes', 'visits']);

// `-ed` words that are not past-tense verbs.
const NOT_PAST = new Set([
  'need', 'needed', 'feed', 'speed', 'seed', 'red', 'bed', 'shed', 'hundred', 'united', 'limited', 'indeed', 'proceed',
  'exceed', 'succeed', 'weed', 'creed', 'greed', 'breed', 'bleed', 'embed', 'wed', 'led', 'fed', 'based', 'related',
  'expected', 'scheduled', 'planned', 'advanced', 'detailed', 'proposed', 'sophisticated', 'unexpected', 'armed', 'skilled',
  'concerned', 'interested', 'estimated', 'combined', 'adjusted', 'unchanged', 'diluted', 'supposed', 'used', 'reed', 'heed',
]);

const WORD = /[A-Za-z’']+/g;

// Verbs of intention: "planned to leave Nairobi on Thursday" points ahead.
const INTENTION = new Set(['planned', 'planning', 'plans', 'plan', 'expected', 'expects', 'expect', 'scheduled', 'set', 'due', 'slated', 'poised', 'intends', 'intended', 'intend', 'promised', 'vowed', 'threatened', 'hopes', 'hoped', 'preparing', 'prepared']);
const ARRANGED = new Set(['scheduled', 'expected', 'due', 'slated', 'set', 'going', 'planning', 'likely']);
/** Words of a forecast, which look ahead after `was`/`were` (`rain was expected over the weekend`). */
const FORECAST = new Set(['expected', 'forecast', 'predicted', 'likely']);
/** Verbs of warning, whose `of` phrase tells what may come. */
const WARNING = new Set(['warned', 'warns', 'warn', 'warning', 'cautioned', 'cautions']);
const PLAN_NOUNS = new Set(['plan', 'plans', 'expect', 'expects', 'intend', 'intends', 'hopes']);
const BE_PRESENT = new Set(['is', 'are', 'am', "'s", "'re", 'be']);
const BE_GOING = new Set(['is', 'are', 'am', 'was', 'were', "'s", "'re"]);

/**
 * The tense one word signals, from the word and its neighbours, all in lower case. `after` is true
 * when the word follows the time expression: an intention verb looks ahead only over what follows
 * it ("planned to leave ... Thursday"); placed after the expression it is the verb the expression
 * modifies ("Clinton Saturday vowed to hunt down ..." is what he did on Saturday, a past day).
 */
function cueOf(lower: string, previous: string | undefined, next: string | undefined, after: boolean, nextNext?: string): Tense {
  if (lower.endsWith("'ll") || lower.endsWith('’ll')) return 'future'; // "They'll vote Monday"
  if (FUTURE_WORDS.has(lower)) {
    // "would have caused" looks back; "would be ready as soon as Tuesday" looks ahead, and so does
    // `have` the verb ("would have a scan on Monday").
    if (lower === 'would' && next === 'have') return nextNext !== undefined && DETERMINERS.has(nextNext) ? 'future' : 'past';
    return 'future';
  }
  const beforeTo = next === 'to';
  // "is to resume trading in Paris Tuesday": "be to" plus a verb is an arrangement ahead.
  if (!after && (lower === 'is' || lower === 'are') && beforeTo) return 'future';
  // "The group might come as soon as Tuesday"; "might have" looks back.
  if (lower === 'might') return next === 'have' ? 'past' : 'future';
  // "could spread to 13 more by February", "may rise in March": a possibility ahead, before the
  // expression; "could not confirm", "could have", "could be located Wednesday" (TimeBank: the day
  // before), and a `could` after the expression say nothing ahead.
  if (!after && (lower === 'could' || lower === 'may') && next !== undefined && !['have', 'not', "n't", 'also', 'be'].includes(next)) return 'future';
  // "will be held in February", "to be delayed until March": a participle after a bare `be` is
  // passive; the auxiliary before it tells the time.
  if (previous === 'be' && (PAST_WORDS.has(lower) || (lower.length > 4 && lower.endsWith('ed')))) return 'none';
  // "would stay closed until Friday", "remain shut": a participle after a verb of remaining is an
  // adjective; the verb before it tells the time.
  if (previous !== undefined && REMAINING.has(previous) && (PAST_WORDS.has(lower) || (lower.length > 4 && lower.endsWith('ed')))) return 'none';
  // "could spread", "will hit", "to put": a form after a modal or `to` is a bare infinitive.
  if (previous !== undefined && INFINITIVE_BEFORE.has(previous) && PAST_WORDS.has(lower)) return 'none';
  // "planned to leave Nairobi on Thursday", "set to resume Monday": an intention points ahead, unless
  // it is itself in the past perfect ("It had been due to expire Friday evening").
  if (!after && INTENTION.has(lower) && beforeTo && previous !== 'had' && previous !== 'been') return 'future';
  if (!after && lower === 'scheduled' && previous !== 'had' && previous !== 'been' && previous !== 'was' && previous !== 'were') return 'future';
  // "is scheduled to close Monday", "are expected to", "is going to": the future, when the auxiliary is present.
  if (!after && ARRANGED.has(lower) && previous !== undefined && BE_PRESENT.has(previous)) return 'future';
  // "more rain was expected over the weekend", "storms were forecast for Sunday": a forecast told
  // in the past looks ahead of its telling.
  if (!after && FORECAST.has(lower) && (previous === 'was' || previous === 'were')) return 'future';
  if (lower === 'going' && previous !== undefined && BE_GOING.has(previous) && beforeTo) return 'future';
  // "Forecasters warned of more storms on Sunday": what a warning is of lies ahead of it (not
  // "warned on Sunday that …", the day of the warning).
  if (!after && WARNING.has(lower) && next === 'of') return 'future';
  // "signed an economic cooperation plan Friday": "plan" the noun says nothing of the tense.
  if (PLAN_NOUNS.has(lower)) return beforeTo ? 'present' : 'none';
  if (PAST_WORDS.has(lower)) return 'past';
  // ("would have a scan", "will be", "to have": after a modal or `to`, the modal speaks.)
  if ((lower === 'have' || lower === 'be') && previous !== undefined && INFINITIVE_BEFORE.has(previous)) return 'none';
  if (PRESENT_WORDS.has(lower)) return 'present';
  // (Not after a modal or `to`, where the modal already spoke: `could meet`, `to face`.)
  if (SCHEDULED_WORDS.has(lower) && (previous === undefined || !INFINITIVE_BEFORE.has(previous))) return 'future';
  if (lower.length > 4 && lower.endsWith('ed') && !NOT_PAST.has(lower)) {
    // "has killed", "had agreed": the auxiliary already decided; a participle after "be" is passive, past in news.
    return 'past';
  }
  return 'none';
}

// Words whose final period is an abbreviation's, not a sentence end ("Mr. Bush met ...").
const ABBREVIATIONS = /^(mr|mrs|ms|dr|jr|sr|st|gen|sen|rep|gov|lt|col|capt|sgt|maj|adm|co|corp|inc|ltd|no|vs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mt|ft|ave|blvd|u\.s|u\.n|a\.m|p\.m)$/i;

/** True when the gap after a word closes a sentence: "Friday. ``This convention will ..." */
function endsSentence(word: string, gap: string): boolean {
  return /^[.!?]['"’”]*\s+(?:``|["“‘'])?[A-Z]/.test(gap) && !ABBREVIATIONS.test(word) && !/^[A-Z]$/.test(word);
}

/** The words of one sentence, lower-cased, and where a missed sentence end follows one. */
interface SentenceWords {
  readonly lower: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Indices of the words (never the last) whose following gap closes a sentence, ascending. */
  readonly stops: readonly number[];
  /** Offsets of the clause breaks (`,` `;` `:` dashes, brackets) between the sentence's words, ascending. */
  readonly breaks: readonly number[];
}

function readSentence(text: string, sentenceStart: number, sentenceEnd: number): SentenceWords {
  const words: string[] = [];
  const lower: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.slice(sentenceStart, sentenceEnd).matchAll(WORD)) {
    const start = sentenceStart + (match.index ?? 0);
    words.push(match[0]);
    lower.push(match[0].toLowerCase());
    starts.push(start);
    ends.push(start + match[0].length);
  }
  // The segmenter can miss a boundary before a wire-copy quote ("Friday. ``This convention will be
  // seen ..."): cues beyond a sentence end belong to another sentence.
  const stops: number[] = [];
  for (let index = 0; index < words.length - 1; index += 1) {
    // Only a gap opening with `.`, `!` or `?` can close a sentence.
    const opening = text.charCodeAt(ends[index] ?? 0);
    if (opening !== 46 && opening !== 33 && opening !== 63) continue;
    const gap = text.slice(ends[index] ?? 0, (starts[index + 1] ?? sentenceEnd) + 1);
    if (endsSentence(words[index] ?? '', gap)) stops.push(index);
  }
  const breaks: number[] = [];
  for (let index = 0; index + 1 < words.length; index += 1) {
    const from = ends[index] ?? 0;
    const gap = text.slice(from, starts[index + 1] ?? 0);
    for (let at = 0; at < gap.length; at += 1) if (CLAUSE_BREAKS.has(gap.charCodeAt(at))) breaks.push(from + at);
  }
  return { lower, starts, ends, stops, breaks };
}

/** Punctuation between two words that closes a clause or opens an aside: `,` `;` `:` `(` `)` en and em dashes. */
const CLAUSE_BREAKS: ReadonlySet<number> = new Set([44, 59, 58, 40, 41, 0x2013, 0x2014]);

/**
 * Words a clause break counts for in {@link TenseReader.tense}'s distances: a verb across a comma
 * governs another clause ("Erdogan, who is due to visit on Wednesday, said ..." is the visit's
 * Wednesday, ahead; "said" is nearer, but beyond the comma).
 */
const BREAK_DISTANCE = 8;

/** How many of the ascending `offsets` lie in `[from, to)`. */
function countBetween(offsets: readonly number[], from: number, to: number): number {
  let count = 0;
  for (const offset of offsets) {
    if (offset >= to) break;
    if (offset >= from) count += 1;
  }
  return count;
}

/** Words before an adjective, not a verb (`a revised plan`). */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'no', 'any', 'some', 'every', 'each']);

/** Auxiliaries and markers before a verb form that make it no simple past (`to close`, `will be`, `is heard`). */
const NOT_SIMPLE_PAST_BEFORE: ReadonlySet<string> = new Set([...INFINITIVE_BEFORE, 'is', 'are', 'am', 'be', 'been', 'being', 'has', 'have', 'had']);

/**
 * True when a verb in the simple past (or a past passive) governs a phrase that opens with `in`
 * right at `at` within a few words: `resigned in January`, `imposed sanctions on Dagalo in
 * January`, `was arrested in March`. The clause's tense alone cannot say this: a past clause often
 * reports a plan (`said it would be paid in January`, `decided to admit Poland in March`), so an
 * infinitive, a modal or a `to` on the way, or a comma, stops the search.
 */
export function pastVerbGovernsIn(text: string, at: number): boolean {
  const lead = text.slice(Math.max(0, at - 60), at);
  const clause = /([^,;:()\u2013\u2014.!?"“”]*)\bin\s+$/.exec(lead);
  if (!clause) return false;
  const words = (clause[1] ?? '').toLowerCase().match(WORD) ?? [];
  for (let index = words.length - 1, seen = 0; index >= 0 && seen < 6; index -= 1, seen += 1) {
    const word = words[index]!;
    if (word === 'to' || FUTURE_WORDS.has(word) || INFINITIVE_BEFORE.has(word)) return false;
    const past = PAST_WORDS.has(word) ? word !== 'ago' && word !== 'yesterday' && word !== 'earlier' && word !== 'previously' : word.length > 4 && word.endsWith('ed') && !NOT_PAST.has(word);
    const previous = words[index - 1];
    // "on a still unspecified date", "the revised plan": a form after a determiner is an adjective.
    if (!past || (previous !== undefined && DETERMINERS.has(previous)) || previous === 'still') continue;
    // "was killed in", "were arrested in": a past passive; "is heard in", "be held in", "has
    // agreed to …": not a simple past.
    if (previous === 'was' || previous === 'were') return true;
    return previous === undefined || !NOT_SIMPLE_PAST_BEFORE.has(previous);
  }
  return false;
}

/**
 * Reads the tense around time expressions of one text; the words of each sentence are read once.
 */
export class TenseReader {
  private readonly sentences = new Map<string, SentenceWords>();

  constructor(private readonly text: string) {}

  /**
   * Finds the tense cue nearest to `[spanStart, spanEnd)` within `[sentenceStart, sentenceEnd)`,
   * counting distance in words. Future cues win over past ones at equal distance, because an
   * auxiliary ("will") governs the verb that follows it.
   */
  tense(sentenceStart: number, sentenceEnd: number, spanStart: number, spanEnd: number): Tense {
    const key = `${sentenceStart},${sentenceEnd}`;
    let sentence = this.sentences.get(key);
    if (!sentence) {
      sentence = readSentence(this.text, sentenceStart, sentenceEnd);
      this.sentences.set(key, sentence);
    }
    const { lower, starts, ends, stops, breaks } = sentence;
    let first = 0;
    let last = lower.length - 1;
    for (const index of stops) {
      const end = ends[index] ?? 0;
      if (end <= spanStart) first = index + 1;
      else if (end >= spanEnd) {
        last = index;
        break;
      }
    }
    // The clause's words before the span, [first, beforeEnd), and after it, [afterStart, last].
    let beforeEnd = first;
    while (beforeEnd <= last && (ends[beforeEnd] ?? 0) <= spanStart) beforeEnd += 1;
    let afterStart = beforeEnd;
    while (afterStart <= last && (starts[afterStart] ?? 0) < spanEnd) afterStart += 1;
    const hasBefore = beforeEnd > first;
    const hasAfter = afterStart <= last;
    let best: Tense = 'none';
    let bestDistance = Number.POSITIVE_INFINITY;
    // Nearest words first: one farther than the best cue cannot win.
    for (let index = beforeEnd - 1; index >= first; index -= 1) {
      const distance = beforeEnd - index + BREAK_DISTANCE * countBetween(breaks, ends[index] ?? 0, spanStart);
      if (distance > bestDistance) break;
      const next = index + 1 < beforeEnd ? lower[index + 1] : hasAfter ? lower[afterStart] : undefined;
      const tense = cueOf(lower[index] ?? '', index > first ? lower[index - 1] : undefined, next, false, index + 2 < beforeEnd ? lower[index + 2] : undefined);
      if (tense !== 'none' && (distance < bestDistance || tense === 'future')) {
        best = tense;
        bestDistance = distance;
      }
    }
    for (let index = afterStart; index <= last; index += 1) {
      const distance = index - afterStart + 1 + BREAK_DISTANCE * countBetween(breaks, spanEnd, starts[index] ?? 0);
      if (distance > bestDistance) break;
      const previous = index > afterStart ? lower[index - 1] : hasBefore ? lower[beforeEnd - 1] : undefined;
      const tense = cueOf(lower[index] ?? '', previous, index < last ? lower[index + 1] : undefined, true);
      // A future cue after the expression wins a tie only against no cue: "said on Thursday it
      // would acquire" is the Thursday of the saying, the reported clause's `would` aside.
      if (tense !== 'none' && distance < bestDistance) {
        best = tense;
        bestDistance = distance;
      }
    }
    return best;
  }
}

/**
 * Finds the tense cue nearest to `[spanStart, spanEnd)` within `[sentenceStart, sentenceEnd)` of
 * `text`, counting distance in words. Future cues win over past ones at equal distance, because an
 * auxiliary ("will") governs the verb that follows it. (One call; {@link TenseReader} reads many.)
 */
export function detectTense(text: string, sentenceStart: number, sentenceEnd: number, spanStart: number, spanEnd: number): Tense {
  return new TenseReader(text).tense(sentenceStart, sentenceEnd, spanStart, spanEnd);
}
