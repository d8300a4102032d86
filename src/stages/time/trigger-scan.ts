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
  /** Test of a digit-led word; every match holds a whole word that passes it. */
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

/** A pattern run by {@link scanTriggered}: the pattern as written (with or without `g`) and what triggers it. */
export function triggeredPattern(pattern: RegExp, options: TriggerOptions): TriggeredPattern {
  return { ...options, sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`) };
}

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/**
 * The words of one text and, for each pattern, the positions of its triggers. Built once per text
 * for a fixed list of patterns.
 */
export class TriggerIndex {
  /** Start and end of every word, in text order. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Per pattern: the word index and the character position of each trigger, in text order. */
  private readonly triggerWords: number[][];
  private readonly triggerPositions: number[][];

  constructor(
    readonly text: string,
    private readonly patterns: readonly TriggeredPattern[],
    vocabulary: TriggerVocabulary,
  ) {
    this.triggerWords = patterns.map(() => []);
    this.triggerPositions = patterns.map(() => []);
    const length = text.length;
    let position = 0;
    while (position < length) {
      if (!isWordCode(text.charCodeAt(position))) {
        position += 1;
        continue;
      }
      const start = position;
      let upper = false;
      let code = text.charCodeAt(position);
      while (position < length && isWordCode(code)) {
        if (code >= 65 && code <= 90) upper = true;
        position += 1;
        code = text.charCodeAt(position);
      }
      const word = this.starts.length;
      this.starts.push(start);
      this.ends.push(position);
      this.classify(vocabulary, word, start, position, upper);
    }
  }

  private classify(vocabulary: TriggerVocabulary, word: number, start: number, end: number, upper: boolean): void {
    const first = this.text.charCodeAt(start);
    const length = end - start;
    if (first >= 48 && first <= 57) {
      if (vocabulary.numbered.length === 0) return;
      const digits = this.text.slice(start, end);
      for (const index of vocabulary.numbered) {
        if (this.patterns[index]?.numbers?.test(digits)) this.add(index, word, start);
      }
      return;
    }
    // Most words are too short or too long to be a trigger, or end in no trigger's last letter.
    const isWord = length <= 63 && vocabulary.shapes.has(((first | 32) << 6) | length);
    const mayEnd = length >= vocabulary.shortestEnding && vocabulary.lastLetters.has(this.text.charCodeAt(end - 1) | 32);
    if (!isWord && !mayEnd) return;
    let lower = this.text.slice(start, end);
    if (upper) lower = lower.toLowerCase();
    const mask = isWord ? vocabulary.words.get(lower) : undefined;
    if (mask !== undefined) {
      for (let index = 0; index < this.patterns.length; index += 1) if (mask & (1 << index)) this.add(index, word, start);
    }
    if (!mayEnd) return;
    for (const [index, endings] of vocabulary.endings) {
      for (const ending of endings) {
        if (lower.endsWith(ending)) {
          // The ending's own position: the match may start inside the word.
          this.add(index, word, end - ending.length);
          break;
        }
      }
    }
  }

  private add(pattern: number, word: number, position: number): void {
    this.triggerWords[pattern]?.push(word);
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
    let next = 0; // first position not yet tried nor covered by a match
    for (let trigger = 0; trigger < words.length; trigger += 1) {
      const word = words[trigger] ?? 0;
      const at = positions[trigger] ?? 0;
      if (at < next) continue;
      const first = Math.max(0, word - lead);
      let end = -1;
      if (anyCharacter) {
        for (let position = Math.max(next, this.starts[first] ?? 0); position <= at && end < 0; position += 1) {
          if (isWordCode(text.charCodeAt(position))) end = attempt(sticky, text, position, visit);
        }
      } else {
        for (let candidate = first; candidate <= word && end < 0; candidate += 1) {
          const position = this.starts[candidate] ?? 0;
          if (pattern.apostrophe && candidate === word && position - 1 >= next && text.charCodeAt(position - 1) === 39) end = attempt(sticky, text, position - 1, visit);
          if (end < 0 && position >= next) end = attempt(sticky, text, position, visit);
        }
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

/** Lookup tables of a fixed pattern list, built once. */
export interface TriggerVocabulary {
  /** Lower-case word → bit mask of the patterns it triggers. */
  readonly words: ReadonlyMap<string, number>;
  /** Patterns with a `numbers` test. */
  readonly numbered: readonly number[];
  /** Patterns with `endings`, with them. */
  readonly endings: readonly (readonly [number, readonly string[]])[];
  /** `(first letter << 6) | length` of every trigger word, lower case. */
  readonly shapes: ReadonlySet<number>;
  /** Shortest ending, and the char codes of the endings' last letters. */
  readonly shortestEnding: number;
  readonly lastLetters: ReadonlySet<number>;
}

/** Builds the lookup tables of at most 31 patterns. */
export function triggerVocabulary(patterns: readonly TriggeredPattern[]): TriggerVocabulary {
  if (patterns.length > 31) throw new RangeError('at most 31 triggered patterns');
  const words = new Map<string, number>();
  patterns.forEach((pattern, index) => {
    for (const word of pattern.words ?? []) words.set(word, (words.get(word) ?? 0) | (1 << index));
  });
  const numbered = patterns.flatMap((pattern, index) => (pattern.numbers ? [index] : []));
  const endings = patterns.flatMap((pattern, index) => (pattern.endings ? [[index, pattern.endings] as const] : []));
  const allEndings = endings.flatMap(([, list]) => list);
  return {
    words,
    numbered,
    endings,
    shapes: new Set([...words.keys()].map((word) => (word.charCodeAt(0) << 6) | word.length)),
    shortestEnding: Math.min(...allEndings.map((ending) => ending.length)),
    lastLetters: new Set(allEndings.map((ending) => ending.charCodeAt(ending.length - 1))),
  };
}
