/**
 * Runs a regular expression only where it can match: near the words that every one of its matches
 * holds. A whole-text scan tries the pattern at every character (about 30 patterns over a 4,000
 * character article); most of them need a rare word ("quarter", "Monday", "ago"), so one pass
 * over the text's words finds the trigger words of all patterns, and each pattern is tried, as a
 * sticky regex over the whole text, only at the starts a match could have before one of its
 * triggers. The matches are the whole-text scan's, in the same order: a match starts at the
 * leftmost position where the pattern matches, and every position left out is one where it cannot.
 */

/** How a pattern is triggered. Words are runs of `[A-Za-z0-9_]` (the `\w` of a regex without `u`). */
export interface TriggerOptions {
  /** Lower-case words; every match holds one of them as a whole word. */
  readonly words?: readonly string[];
  /** Test of a word of digits with an optional final `s`; every match holds a whole word that passes it. */
  readonly numbers?: RegExp;
  /** Lower-case endings; every match holds a word that ends in one, the match starting no later than the ending ("half" of "behalf"). */
  readonly endings?: readonly string[];
  /** The most words a match can touch before its trigger, one partly covered included. */
  readonly lead: number;
  /** Where a match can start: at the start of a word (a leading `\b` or lookbehind), or at any word character. */
  readonly start: 'word' | 'word-character';
  /** A match can also start at an `'` just before the trigger ("the '80s"). */
  readonly apostrophe?: boolean;
}

/** A pattern with its triggers; build with {@link triggeredPattern}. */
export interface TriggeredPattern extends TriggerOptions {
  /** The pattern with the `y` flag in place of `g`; its `lastIndex` is set before every use. */
  readonly sticky: RegExp;
}

/** A pattern run by {@link TriggerIndex.scan}: the pattern as written (with or without `g`) and what triggers it. */
export function triggeredPattern(pattern: RegExp, options: TriggerOptions): TriggeredPattern {
  return { ...options, sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`) };
}

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/** Lookup tables of a fixed pattern list, built once by {@link triggerVocabulary}. */
export interface TriggerVocabulary {
  /** Finds every trigger of every pattern: whole trigger words, digit words, word endings. */
  readonly finder: RegExp;
  /** Lower-case word → bit mask of the patterns it triggers. */
  readonly words: ReadonlyMap<string, number>;
  /** Patterns with a `numbers` test. */
  readonly numbered: readonly number[];
  /** Patterns with `endings`, with them. */
  readonly endings: readonly (readonly [number, readonly string[]])[];
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the lookup tables of at most 31 patterns. */
export function triggerVocabulary(patterns: readonly TriggeredPattern[]): TriggerVocabulary {
  if (patterns.length > 31) throw new RangeError('at most 31 triggered patterns');
  const words = new Map<string, number>();
  patterns.forEach((pattern, index) => {
    for (const word of pattern.words ?? []) words.set(word, (words.get(word) ?? 0) | (1 << index));
  });
  const numbered = patterns.flatMap((pattern, index) => (pattern.numbers ? [index] : []));
  const endings = patterns.flatMap((pattern, index) => (pattern.endings ? [[index, pattern.endings] as const] : []));
  const alternatives: string[] = [];
  // Longest first, though the closing `\b` already makes a word match whole.
  if (words.size > 0) alternatives.push(`\\b(?:${[...words.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`);
  if (numbered.length > 0) alternatives.push('\\b\\d+s?\\b');
  const allEndings = endings.flatMap(([, list]) => list);
  if (allEndings.length > 0) alternatives.push(`(?:${allEndings.map(escape).join('|')})\\b`);
  return { finder: new RegExp(alternatives.join('|') || '(?!)', 'gi'), words, numbered, endings };
}

/**
 * The trigger positions of one text for each pattern of a fixed list, found by one regex pass;
 * {@link TriggerIndex.scan} then runs a pattern near its triggers only.
 */
export class TriggerIndex {
  /** Per pattern: the start of each trigger's word and the trigger's own position, in text order. */
  private readonly triggerWords: number[][];
  private readonly triggerPositions: number[][];

  constructor(
    readonly text: string,
    private readonly patterns: readonly TriggeredPattern[],
    vocabulary: TriggerVocabulary,
  ) {
    this.triggerWords = patterns.map(() => []);
    this.triggerPositions = patterns.map(() => []);
    const finder = vocabulary.finder;
    finder.lastIndex = 0;
    // Every hit lies within one word and ends where the word ends (each alternative closes with `\b`).
    for (let hit = finder.exec(text); hit; hit = finder.exec(text)) {
      const start = hit.index;
      const found = hit[0];
      const end = start + found.length;
      const whole = start === 0 || !isWordCode(text.charCodeAt(start - 1));
      const first = text.charCodeAt(start);
      if (first >= 48 && first <= 57) {
        // `\b\d+s?\b` matches whole words only; a digit word may be a trigger word too (`25th`).
        for (const index of vocabulary.numbered) if (patterns[index]?.numbers?.test(found)) this.add(index, start, start);
        const mask = whole ? vocabulary.words.get(found.toLowerCase()) : undefined;
        if (mask !== undefined) for (let index = 0; index < patterns.length; index += 1) if (mask & (1 << index)) this.add(index, start, start);
        continue;
      }
      const lower = found.toLowerCase();
      if (whole) {
        const mask = vocabulary.words.get(lower);
        if (mask !== undefined) for (let index = 0; index < patterns.length; index += 1) if (mask & (1 << index)) this.add(index, start, start);
      }
      if (vocabulary.endings.length === 0) continue;
      let wordStart = start;
      while (wordStart > 0 && isWordCode(text.charCodeAt(wordStart - 1))) wordStart -= 1;
      for (const [index, endings] of vocabulary.endings) {
        const ending = endings.find((candidate) => lower.endsWith(candidate));
        // The ending's own position: the match may start inside the word.
        if (ending !== undefined) this.add(index, wordStart, end - ending.length);
      }
    }
  }

  private add(pattern: number, wordStart: number, position: number): void {
    this.triggerWords[pattern]?.push(wordStart);
    this.triggerPositions[pattern]?.push(position);
  }

  /** True when pattern `index` has a trigger in the text. */
  has(index: number): boolean {
    return (this.triggerWords[index]?.length ?? 0) > 0;
  }

  /**
   * Calls `visit` with every match of pattern `index` that a global scan of the whole text would
   * find, in the same order. A position is tried only when it lies at most `lead` words before a
   * trigger and after the previous match.
   */
  scan(index: number, visit: (match: RegExpExecArray) => void): void {
    const pattern = this.patterns[index];
    const words = this.triggerWords[index];
    const positions = this.triggerPositions[index];
    if (!pattern || !words || !positions) return;
    const { sticky, lead } = pattern;
    const text = this.text;
    const anyCharacter = pattern.start === 'word-character';
    const starts: number[] = [];
    let next = 0; // first position not yet tried nor covered by a match
    for (let trigger = 0; trigger < words.length; trigger += 1) {
      const wordStart = words[trigger] ?? 0;
      const at = positions[trigger] ?? 0;
      if (at < next) continue;
      // The starts of the `lead` words before the trigger's word, nearest first.
      starts.length = 0;
      let position = wordStart;
      for (let count = 0; count < lead && position > 0; count += 1) {
        position -= 1;
        while (position >= 0 && !isWordCode(text.charCodeAt(position))) position -= 1;
        if (position < 0) break;
        while (position > 0 && isWordCode(text.charCodeAt(position - 1))) position -= 1;
        starts.push(position);
      }
      let end = -1;
      if (anyCharacter) {
        for (let candidate = Math.max(next, starts[starts.length - 1] ?? wordStart); candidate <= at && end < 0; candidate += 1) {
          if (isWordCode(text.charCodeAt(candidate))) end = attempt(sticky, text, candidate, visit);
        }
      } else {
        for (let previous = starts.length - 1; previous >= 0 && end < 0; previous -= 1) {
          const candidate = starts[previous] ?? 0;
          if (candidate >= next) end = attempt(sticky, text, candidate, visit);
        }
        if (end < 0 && pattern.apostrophe && wordStart - 1 >= next && text.charCodeAt(wordStart - 1) === 39) end = attempt(sticky, text, wordStart - 1, visit);
        if (end < 0 && wordStart >= next) end = attempt(sticky, text, wordStart, visit);
      }
      // A match that starts after the previous trigger holds this one or a later one: it ends past `at`.
      next = end >= 0 ? end : Math.max(next, at + 1);
    }
  }
}

/** Tries `sticky` at `position`; on a match, visits it and returns where the next one may start, else -1. */
function attempt(sticky: RegExp, text: string, position: number, visit: (match: RegExpExecArray) => void): number {
  sticky.lastIndex = position;
  const match = sticky.exec(text);
  if (!match) return -1;
  visit(match);
  return position + Math.max(1, match[0].length);
}
