// The per-token columns of the quotes tagger's first pass (the column loops of featureRows in
// src/stages/quotes/features.ts, which stays the reference and the fallback), computed from the
// text's UTF-16 units and the tokens, in the column layout of quoteFeatureRows. Tokens that need
// Unicode tables (a letter outside ASCII, an empty token) are listed for the caller to fill in
// before quoteDocumentColumns, which reads their shapes, classes and levels. Exported through
// assembly/linear-tagger.ts.

import { ANCHOR, CLASS, COARSE, COLON, COMMAS, DIRECTION, DISTANCE, FINE, LEVEL, OPENS_QUOTE, QUOTE, SENTENCE_FLAGS, SENTENCE_POSITION, SHAPE, SUFFIX, THAT, TO_SENTENCE_END, WORD, bucket, quoteColumnCount, quoteFeatureRows } from './quote-features';

const COLUMN_COUNT: usize = <usize>quoteColumnCount;

// Fields (i32) of the vocabulary descriptor: the word table, the per-id arrays, then the table of
// the cue-word lists (words unseen in training take their class from it).
const UNITS = 0;
const STARTS = 4;
const SLOTS = 8;
const SLOT_MASK = 12;
const SIZE = 16;
const CLASSES = 20;
const LEVELS = 24;
const COARSE_CLUSTERS = 28;
const FINE_CLUSTERS = 32;
const CUE_UNITS = 36;
const CUE_STARTS = 40;
const CUE_SLOTS = 44;
const CUE_SLOT_MASK = 48;
const CUE_CLASSES = 52;

// Shapes and word classes of features.ts.
const SHAPE_LOWER = 1;
const SHAPE_CAPITALISED = 2;
const SHAPE_UPPER = 3;
const SHAPE_DIGIT = 4;
const SHAPE_OPEN_QUOTE = 5;
const SHAPE_CLOSE_QUOTE = 6;
const SHAPE_COMMA = 7;
const SHAPE_TERMINATOR = 8;
const SHAPE_COLON = 9;
const SHAPE_DASH = 10;
const SHAPE_BRACKET = 11;
const SHAPE_OTHER = 12;
const SHAPE_STRAIGHT_QUOTE = 13;
const CLASS_SPEECH = 1;
const CLASS_COGNITION = 2;
const CLASS_ACCORDING = 4;
const CLASS_THAT = 6;

const FAR = 1 << 20;

// @ts-ignore: decorator
@inline
function lower(code: u32): u32 {
  return code - 0x41 < 26 ? code + 32 : code;
}

// A unit whose lower case is itself and that is no letter: ASCII (lower-cased by `lower`) and
// General Punctuation (’ “ ” — …). A token of such units only needs no Unicode tables.
// @ts-ignore: decorator
@inline
function plain(code: u32): bool {
  return code < 0x80 || code - 0x2000 < 0x70;
}

// WordTable's #find: the id of the lower-cased units text[start, end) with FNV-1a hash `hash`, or 0.
function find(units: usize, starts: usize, slots: usize, mask: u32, text: usize, start: i32, end: i32, hash: u32): i32 {
  const length = end - start;
  let slot = hash & mask;
  let id = load<i32>(slots + ((<usize>slot) << 2));
  while (id != 0) {
    const wordStart = load<i32>(starts + ((<usize>(id - 1)) << 2));
    if (load<i32>(starts + ((<usize>id) << 2)) - wordStart == length) {
      const word = units + ((<usize>wordStart) << 1);
      const key = text + ((<usize>start) << 1);
      let position = 0;
      while (position < length && <u32>load<u16>(word + ((<usize>position) << 1)) == lower(load<u16>(key + ((<usize>position) << 1)))) position++;
      if (position == length) return id;
    }
    slot = (slot + 1) & mask;
    id = load<i32>(slots + ((<usize>slot) << 2));
  }
  return 0;
}

// shapeOf of features.ts for a token of plain units.
function shapeOf(text: usize, start: i32, end: i32): i32 {
  const code = <u32>load<u16>(text + ((<usize>start) << 1));
  if (end - start == 1) {
    if (code == 0x201c || code == 0xab || code == 0x2018 || code == 0x201e) return SHAPE_OPEN_QUOTE;
    if (code == 0x201d || code == 0xbb || code == 0x2019) return SHAPE_CLOSE_QUOTE;
    if (code == 0x22 || code == 0x27) return SHAPE_STRAIGHT_QUOTE;
    if (code == 0x2c) return SHAPE_COMMA;
    if (code == 0x2e || code == 0x21 || code == 0x3f) return SHAPE_TERMINATOR;
    if (code == 0x3a || code == 0x3b) return SHAPE_COLON;
    if (code == 0x2014 || code == 0x2013 || code == 0x2d) return SHAPE_DASH;
    if (code == 0x28 || code == 0x29 || code == 0x5b || code == 0x5d) return SHAPE_BRACKET;
  }
  if (code - 0x30 < 10) return SHAPE_DIGIT;
  if (code - 0x61 < 26) return SHAPE_LOWER;
  if (code - 0x41 < 26) {
    const second = end - start > 1 ? <u32>load<u16>(text + ((<usize>start) << 1), 2) : 0;
    return second - 0x41 < 26 ? SHAPE_UPPER : SHAPE_CAPITALISED;
  }
  if (code == 0x2026) return SHAPE_TERMINATOR;
  return SHAPE_OTHER;
}

// @ts-ignore: decorator
@inline
function column(columns: usize, width: i32, which: usize, token: i32): usize {
  return columns + ((which * <usize>width + <usize>(token + 2)) << 2);
}

/**
 * Word id, shape, class, level, clusters and suffix (columns 0–5 and 7) of tokens `[0, count)`:
 * token `i` starts and ends at the i32s `tokens + 12 * i` and `+ 4` (its sentence at `+ 8`) in the
 * UTF-16 units at `text`. Also zeroes every column's two entries either side of the tokens. The
 * tokens left to the caller (a unit that is neither ASCII nor General Punctuation, or no units)
 * are listed as i32s at `flagged`; returns their number.
 */
export function quoteWordColumns(vocabulary: usize, text: usize, tokens: usize, count: i32, columns: usize, width: i32, flagged: usize): i32 {
  const units = <usize>load<i32>(vocabulary, UNITS);
  const starts = <usize>load<i32>(vocabulary, STARTS);
  const slots = <usize>load<i32>(vocabulary, SLOTS);
  const mask = <u32>load<i32>(vocabulary, SLOT_MASK);
  const size = load<i32>(vocabulary, SIZE);
  const classes = <usize>load<i32>(vocabulary, CLASSES);
  const levels = <usize>load<i32>(vocabulary, LEVELS);
  const coarseClusters = <usize>load<i32>(vocabulary, COARSE_CLUSTERS);
  const fineClusters = <usize>load<i32>(vocabulary, FINE_CLUSTERS);
  const cueUnits = <usize>load<i32>(vocabulary, CUE_UNITS);
  const cueStarts = <usize>load<i32>(vocabulary, CUE_STARTS);
  const cueSlots = <usize>load<i32>(vocabulary, CUE_SLOTS);
  const cueMask = <u32>load<i32>(vocabulary, CUE_SLOT_MASK);
  const cueClasses = <usize>load<i32>(vocabulary, CUE_CLASSES);
  const columnBytes = (<usize>width) << 2;
  for (let which: usize = 0; which < COLUMN_COUNT; which++) {
    const at = columns + which * columnBytes;
    store<u64>(at, 0);
    store<u64>(at + (<usize>(count + 2) << 2), 0);
  }
  let flaggedCount = 0;
  for (let index = 0; index < count; index++) {
    const token = tokens + <usize>index * 12;
    const start = load<i32>(token);
    const end = load<i32>(token, 4);
    let hash: u32 = 0x811c9dc5;
    let allPlain = end > start;
    for (let position = start; position < end; position++) {
      const code = <u32>load<u16>(text + ((<usize>position) << 1));
      if (!plain(code)) {
        allPlain = false;
        break;
      }
      hash = (hash ^ lower(code)) * 0x01000193;
    }
    if (!allPlain) {
      store<i32>(flagged + ((<usize>flaggedCount) << 2), index);
      flaggedCount++;
      continue;
    }
    const known = find(units, starts, slots, mask, text, start, end, hash);
    const id = known <= size ? known : 0;
    const shape = shapeOf(text, start, end);
    let wordClass = 0;
    if (known > 0) wordClass = <i32>load<u8>(classes + <usize>known);
    else {
      const cueWord = find(cueUnits, cueStarts, cueSlots, cueMask, text, start, end, hash);
      if (cueWord > 0) wordClass = <i32>load<u8>(cueClasses + <usize>cueWord);
    }
    // Words unseen in training fall back on the word lists, as in features.ts.
    const level = id > 0 ? <i32>load<u8>(levels + <usize>id) : wordClass == CLASS_SPEECH ? 2 : wordClass == CLASS_COGNITION ? 1 : 0;
    let suffix = 0;
    for (let position = max(start, end - 3); position < end; position++) suffix = suffix * 131 + <i32>lower(load<u16>(text + ((<usize>position) << 1)));
    store<i32>(column(columns, width, WORD, index), id > 0 ? id : -shape);
    store<i32>(column(columns, width, SHAPE, index), shape);
    store<i32>(column(columns, width, CLASS, index), wordClass);
    store<i32>(column(columns, width, LEVEL, index), level);
    store<i32>(column(columns, width, COARSE, index), <i32>load<u16>(coarseClusters + ((<usize>known) << 1)));
    store<i32>(column(columns, width, FINE, index), <i32>load<u16>(fineClusters + ((<usize>known) << 1)));
    store<i32>(column(columns, width, SUFFIX, index), suffix);
  }
  return flaggedCount;
}

/**
 * The remaining columns of tokens `[0, count)` (after {@link quoteWordColumns} and the caller's
 * fix-ups), then the 31 rows per token (quoteFeatureRows) at `out`. `lines` holds `lineCount`
 * pairs of i32 (start, end), the tokens' paragraphs; `quoted` `quotedCount` triples (start, end,
 * flags: 1 unclosed, 2 continues), in text order. The sequences (one per line with tokens) are
 * written to `sequences` as pairs (first, end); returns their number. `work` needs 8 × count bytes.
 */
export function quoteDocumentColumns(
  text: usize,
  tokens: usize,
  count: i32,
  lines: usize,
  lineCount: i32,
  quoted: usize,
  quotedCount: i32,
  columns: usize,
  width: i32,
  work: usize,
  sequences: usize,
  mask: i32,
  out: usize,
): i32 {
  // Quote-mark state; a stretch whose mark never closes gets states of its own (4 + state).
  let spanIndex = 0;
  for (let index = 0; index < count; index++) {
    const token = tokens + <usize>index * 12;
    const start = load<i32>(token);
    while (spanIndex < quotedCount && load<i32>(quoted + <usize>spanIndex * 12, 4) <= start) spanIndex++;
    let state = 0;
    if (spanIndex < quotedCount) {
      const span = quoted + <usize>spanIndex * 12;
      const spanStart = load<i32>(span);
      if (start >= spanStart) {
        const flags = load<i32>(span, 8);
        const offset = flags & 1 ? 4 : 0;
        if (start == spanStart) state = 1 + offset;
        else if (load<i32>(token, 4) == load<i32>(span, 4) && flags == 0) state = 3;
        else state = 2 + offset;
      }
    }
    store<i32>(column(columns, width, QUOTE, index), state);
  }
  // Sequences: tokens of one line.
  let sequenceCount = 0;
  let lineIndex = 0;
  let sequenceFirst = 0;
  let sequenceLine = -1;
  for (let index = 0; index < count; index++) {
    const start = load<i32>(tokens + <usize>index * 12);
    while (lineIndex + 1 < lineCount && load<i32>(lines + ((<usize>lineIndex) << 3), 4) <= start) lineIndex++;
    if (lineIndex != sequenceLine) {
      if (index > sequenceFirst) {
        store<i32>(sequences + ((<usize>sequenceCount) << 3), sequenceFirst);
        store<i32>(sequences + ((<usize>sequenceCount) << 3), index, 4);
        sequenceCount++;
      }
      sequenceFirst = index;
      sequenceLine = lineIndex;
    }
  }
  if (count > sequenceFirst) {
    store<i32>(sequences + ((<usize>sequenceCount) << 3), sequenceFirst);
    store<i32>(sequences + ((<usize>sequenceCount) << 3), count, 4);
    sequenceCount++;
  }
  // The nearest cue anchor in the same sentence, either side (see features.ts).
  const leftDistances = work;
  const leftAnchors = work + ((<usize>count) << 2);
  let sentenceStart = 0;
  for (let index = 1; index <= count; index++) {
    if (index < count && load<i32>(tokens + <usize>index * 12, 8) == load<i32>(tokens + <usize>sentenceStart * 12, 8)) continue;
    let last = -1;
    let hasCue = 0;
    let hasQuote = 0;
    let leftCommas = 0;
    let sawThat = 0;
    for (let position = sentenceStart; position < index; position++) {
      const wordClass = load<i32>(column(columns, width, CLASS, position));
      store<i32>(column(columns, width, THAT, position), sawThat);
      if (load<i32>(column(columns, width, LEVEL, position)) >= 2 || wordClass == CLASS_ACCORDING) {
        last = position;
        hasCue = 1;
        leftCommas = 0;
        sawThat = 0;
      }
      if (wordClass == CLASS_THAT && last >= 0) sawThat = 1;
      const shape = load<i32>(column(columns, width, SHAPE, position));
      if (shape == SHAPE_COMMA || shape == SHAPE_COLON || shape == SHAPE_DASH) leftCommas++;
      store<i32>(column(columns, width, COMMAS, position), min(leftCommas, 3));
      if (load<i32>(column(columns, width, QUOTE, position)) != 0) hasQuote = 2;
      store<i32>(leftDistances + ((<usize>position) << 2), last >= 0 ? position - last : FAR);
      store<i32>(leftAnchors + ((<usize>position) << 2), last);
    }
    let next = -1;
    let rightCommas = 0;
    for (let position = index - 1; position >= sentenceStart; position--) {
      const wordClass = load<i32>(column(columns, width, CLASS, position));
      if (load<i32>(column(columns, width, LEVEL, position)) >= 2 || wordClass == CLASS_ACCORDING) {
        next = position;
        rightCommas = 0;
      }
      const shape = load<i32>(column(columns, width, SHAPE, position));
      if (shape == SHAPE_COMMA || shape == SHAPE_COLON || shape == SHAPE_DASH) rightCommas++;
      const left = load<i32>(leftDistances + ((<usize>position) << 2));
      const right = next >= 0 ? next - position : FAR;
      let direction = 0;
      let distance = 0;
      let anchor = 0;
      if (left == 0) {
        direction = 3;
        anchor = load<i32>(column(columns, width, WORD, position));
      } else if (left <= right && left < FAR) {
        direction = 1;
        distance = bucket(left);
        anchor = load<i32>(column(columns, width, WORD, load<i32>(leftAnchors + ((<usize>position) << 2))));
      } else if (right < FAR) {
        direction = 2;
        distance = bucket(right);
        store<i32>(column(columns, width, COMMAS, position), 4 + min(rightCommas, 3));
        anchor = load<i32>(column(columns, width, WORD, next));
      }
      store<i32>(column(columns, width, DIRECTION, position), direction);
      store<i32>(column(columns, width, DISTANCE, position), distance);
      store<i32>(column(columns, width, ANCHOR, position), anchor);
      store<i32>(column(columns, width, TO_SENTENCE_END, position), bucket(index - 1 - position));
      store<i32>(column(columns, width, SENTENCE_FLAGS, position), hasCue | hasQuote);
      store<i32>(column(columns, width, SENTENCE_POSITION, position), min(position - sentenceStart, 4) * 5 + min(index - 1 - position, 4));
    }
    sentenceStart = index;
  }
  // Whether the line opens with a quote mark; a colon among its first 7 tokens (1 before it, 2
  // the colon, 3 after it).
  for (let sequence = 0; sequence < sequenceCount; sequence++) {
    const first = load<i32>(sequences + ((<usize>sequence) << 3));
    const end = load<i32>(sequences + ((<usize>sequence) << 3), 4);
    const opens = load<i32>(column(columns, width, QUOTE, first)) == 1 ? 1 : 0;
    let colon = -1;
    const limit = min(end, first + 7);
    for (let index = first; index < limit; index++) {
      if (load<i32>(column(columns, width, SHAPE, index)) == SHAPE_COLON && load<u16>(text + ((<usize>load<i32>(tokens + <usize>index * 12)) << 1)) == 0x3a) {
        colon = index;
        break;
      }
    }
    for (let index = first; index < end; index++) {
      store<i32>(column(columns, width, OPENS_QUOTE, index), opens);
      store<i32>(column(columns, width, COLON, index), colon < 0 ? 0 : index < colon ? 1 : index == colon ? 2 : 3);
    }
  }
  quoteFeatureRows(columns, width, count, mask, out);
  return sequenceCount;
}
