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

const PRESENT_WORDS = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', 'does', 'do', "'s", 'now']);

// `-ed` words that are not past-tense verbs.
const NOT_PAST = new Set([
  'need', 'needed', 'feed', 'speed', 'seed', 'red', 'bed', 'shed', 'hundred', 'united', 'limited', 'indeed', 'proceed',
  'exceed', 'succeed', 'weed', 'creed', 'greed', 'breed', 'bleed', 'embed', 'wed', 'led', 'fed', 'based', 'related',
  'expected', 'scheduled', 'planned', 'advanced', 'detailed', 'proposed', 'sophisticated', 'unexpected', 'armed', 'skilled',
  'concerned', 'interested', 'estimated', 'combined', 'adjusted', 'unchanged', 'diluted', 'supposed', 'used', 'reed', 'heed',
]);

const WORD = /[A-Za-z’']+/g;

// Verbs of intention: "planned to leave Nairobi on Thursday" points ahead.
const INTENTION = /^(planned|planning|plans|plan|expected|expects|expect|scheduled|set|due|slated|poised|intends|intended|intend|promised|vowed|threatened|hopes|hoped|preparing|prepared)$/;

/**
 * The tense one word signals. `after` is true when the word follows the time expression: an
 * intention verb looks ahead only over what follows it ("planned to leave ... Thursday"); placed
 * after the expression it is the verb the expression modifies ("Clinton Saturday vowed to hunt
 * down ..." is what he did on Saturday, a past day).
 */
function cueOf(word: string, previous: string | undefined, next: string | undefined, after: boolean): Tense {
  const lower = word.toLowerCase();
  if (/['’]ll$/.test(lower)) return 'future'; // "They'll vote Monday"
  if (FUTURE_WORDS.has(lower)) {
    // "would have caused" looks back; "would be ready as soon as Tuesday" looks ahead.
    if (lower === 'would' && /^have$/i.test(next ?? '')) return 'past';
    return 'future';
  }
  const beforeTo = next?.toLowerCase() === 'to';
  // "is to resume trading in Paris Tuesday": "be to" plus a verb is an arrangement ahead.
  if (!after && /^(is|are)$/.test(lower) && beforeTo) return 'future';
  // "The group might come as soon as Tuesday"; "might have" looks back.
  if (lower === 'might') return /^have$/i.test(next ?? '') ? 'past' : 'future';
  // "planned to leave Nairobi on Thursday", "set to resume Monday": an intention points ahead, unless
  // it is itself in the past perfect ("It had been due to expire Friday evening").
  if (!after && INTENTION.test(lower) && beforeTo && !/^(had|been)$/i.test(previous ?? '')) return 'future';
  if (!after && lower === 'scheduled' && !/^(had|been|was|were)$/i.test(previous ?? '')) return 'future';
  // "is scheduled to close Monday", "are expected to", "is going to": the future, when the auxiliary is present.
  if (!after && /^(scheduled|expected|due|slated|set|going|planning|likely)$/.test(lower) && previous && /^(is|are|am|'s|'re|be)$/i.test(previous)) return 'future';
  if (lower === 'going' && previous && /^(is|are|am|was|were|'s|'re)$/i.test(previous) && beforeTo) return 'future';
  // "signed an economic cooperation plan Friday": "plan" the noun says nothing of the tense.
  if (/^(plan|plans|expect|expects|intend|intends|hopes)$/.test(lower)) return beforeTo ? 'present' : 'none';
  if (PAST_WORDS.has(lower)) return 'past';
  if (PRESENT_WORDS.has(lower)) return 'present';
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

/**
 * Finds the tense cue nearest to `[spanStart, spanEnd)` within `[sentenceStart, sentenceEnd)` of
 * `text`, counting distance in words. Future cues win over past ones at equal distance, because an
 * auxiliary ("will") governs the verb that follows it.
 */
export function detectTense(text: string, sentenceStart: number, sentenceEnd: number, spanStart: number, spanEnd: number): Tense {
  const words: { word: string; start: number; end: number }[] = [];
  const sentence = text.slice(sentenceStart, sentenceEnd);
  for (const match of sentence.matchAll(WORD)) {
    const start = sentenceStart + (match.index ?? 0);
    words.push({ word: match[0], start, end: start + match[0].length });
  }
  // The segmenter can miss a boundary before a wire-copy quote ("Friday. ``This convention will be
  // seen ..."): cues beyond a sentence end belong to another sentence.
  const gapAfter = (index: number): string => text.slice(words[index]?.end ?? 0, (words[index + 1]?.start ?? sentenceEnd) + 1);
  let first = 0;
  let last = words.length - 1;
  for (let index = 0; index < words.length - 1; index += 1) {
    const word = words[index];
    if (!word || !endsSentence(word.word, gapAfter(index))) continue;
    if (word.end <= spanStart) first = index + 1;
    else if (word.end >= spanEnd) {
      last = index;
      break;
    }
  }
  const clause = words.slice(first, last + 1);
  let best: Tense = 'none';
  let bestDistance = Number.POSITIVE_INFINITY;
  const before = clause.filter((word) => word.end <= spanStart);
  const after = clause.filter((word) => word.start >= spanEnd);
  const consider = (word: { word: string }, previous: string | undefined, next: string | undefined, distance: number, isAfter: boolean): void => {
    const tense = cueOf(word.word, previous, next, isAfter);
    if (tense === 'none') return;
    if (distance < bestDistance || (distance === bestDistance && tense === 'future')) {
      best = tense;
      bestDistance = distance;
    }
  };
  for (let index = before.length - 1; index >= 0; index -= 1) {
    const word = before[index];
    if (word) consider(word, before[index - 1]?.word, before[index + 1]?.word ?? after[0]?.word, before.length - index, false);
  }
  for (let index = 0; index < after.length; index += 1) {
    const word = after[index];
    if (word) consider(word, index > 0 ? after[index - 1]?.word : before[before.length - 1]?.word, after[index + 1]?.word, index + 1, true);
  }
  return best;
}
