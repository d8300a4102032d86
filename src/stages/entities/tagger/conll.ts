/**
 * CoNLL-2003 style files: reading (token first column, gold tag last, blank lines between sentences,
 * `-DOCSTART-` lines starting documents), writing `TOKEN GOLD PRED` lines, and a conlleval-compatible
 * entity scorer.
 */

/** One sentence: tokens and their gold tags (`O` when the file has only one column). */
export interface ConllSentence {
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

/** One document: the sentences between two `-DOCSTART-` lines. */
export interface ConllDocument {
  readonly sentences: readonly ConllSentence[];
}

/**
 * Parses CoNLL text into documents. Text without any `-DOCSTART-` line is one document. Columns are
 * separated by spaces or tabs; trailing spaces are ignored.
 */
export function readConll(text: string): ConllDocument[] {
  const documents: { sentences: ConllSentence[] }[] = [];
  let current: { sentences: ConllSentence[] } | null = null;
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    if (!current) documents.push((current = { sentences: [] }));
    current.sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.length === 0) {
      flush();
      continue;
    }
    const columns = line.split(/[ \t]+/);
    if (columns[0] === '-DOCSTART-') {
      flush();
      documents.push((current = { sentences: [] }));
      continue;
    }
    tokens.push(columns[0]!);
    tags.push(columns.length > 1 ? columns[columns.length - 1]! : 'O');
  }
  flush();
  return documents.filter((document) => document.sentences.length > 0);
}

/**
 * Writes `TOKEN GOLD PRED` lines, a blank line after each sentence and `-DOCSTART- -X- O O` before
 * each document, so conlleval (or {@link scoreConllOutput}) can judge it.
 */
export function writeConll(documents: readonly ConllDocument[], predicted: readonly (readonly (readonly string[])[])[]): string {
  const lines: string[] = [];
  documents.forEach((document, documentIndex) => {
    lines.push('-DOCSTART- O O', '');
    document.sentences.forEach((sentence, sentenceIndex) => {
      const tags = predicted[documentIndex]?.[sentenceIndex] ?? [];
      sentence.tokens.forEach((token, index) => lines.push(`${token} ${sentence.tags[index] ?? 'O'} ${tags[index] ?? 'O'}`));
      lines.push('');
    });
  });
  return lines.join('\n');
}

/** An entity chunk: half-open token range and type. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Chunks of a tag sequence, the way conlleval reads them: a chunk starts at `B-X`, at `I-X` after a
 * tag of another type or `O`, and ends where the next tag is not `I-X`. Accepts IOB1 and IOB2.
 */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type = '';
  for (let index = 0; index <= tags.length; index++) {
    const tag = index < tags.length ? tags[index]! : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const tagType = tag === 'O' ? '' : tag.slice(2);
    const continues = prefix === 'I' && start >= 0 && tagType === type;
    if (!continues && start >= 0) {
      chunks.push({ start, end: index, type });
      start = -1;
    }
    if (prefix !== 'O' && !continues) {
      start = index;
      type = tagType;
    }
  }
  return chunks;
}

/** Precision, recall and F1 (percentages) with the counts behind them. */
export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

/** Entity-level scores overall and per type. */
export interface ConllScore {
  readonly overall: Score;
  readonly byType: Readonly<Record<string, Score>>;
  /** Token accuracy (percentage). */
  readonly accuracy: number;
}

function makeScore(gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? 0 : (100 * correct) / predicted;
  const recall = gold === 0 ? 0 : (100 * correct) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Scores predicted against gold tag sequences (sentence by sentence), exact-match entities as conlleval. */
export function scoreTags(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllScore {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string) => {
    let entry = counts.get(type);
    if (!entry) counts.set(type, (entry = { gold: 0, predicted: 0, correct: 0 }));
    return entry;
  };
  let tokens = 0;
  let tokensRight = 0;
  gold.forEach((goldTags, sentence) => {
    const predictedTags = predicted[sentence] ?? [];
    goldTags.forEach((tag, index) => {
      tokens++;
      if ((predictedTags[index] ?? 'O') === tag) tokensRight++;
    });
    const goldChunks = chunksOf(goldTags);
    const predictedChunks = chunksOf(predictedTags);
    const goldKeys = new Set(goldChunks.map((chunk) => `${chunk.start}:${chunk.end}:${chunk.type}`));
    for (const chunk of goldChunks) count(chunk.type).gold++;
    for (const chunk of predictedChunks) {
      const entry = count(chunk.type);
      entry.predicted++;
      if (goldKeys.has(`${chunk.start}:${chunk.end}:${chunk.type}`)) entry.correct++;
    }
  });
  let goldTotal = 0;
  let predictedTotal = 0;
  let correctTotal = 0;
  const byType: Record<string, Score> = {};
  for (const [type, entry] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = makeScore(entry.gold, entry.predicted, entry.correct);
    goldTotal += entry.gold;
    predictedTotal += entry.predicted;
    correctTotal += entry.correct;
  }
  return { overall: makeScore(goldTotal, predictedTotal, correctTotal), byType, accuracy: tokens === 0 ? 0 : (100 * tokensRight) / tokens };
}

/** Scores `TOKEN GOLD PRED` text (the output of {@link writeConll} or any conlleval input). */
export function scoreConllOutput(text: string): ConllScore {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  let goldSentence: string[] = [];
  let predictedSentence: string[] = [];
  const flush = () => {
    if (goldSentence.length === 0) return;
    gold.push(goldSentence);
    predicted.push(predictedSentence);
    goldSentence = [];
    predictedSentence = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const columns = rawLine.trim().split(/[ \t]+/);
    if (columns.length < 3 || columns[0] === '-DOCSTART-') {
      flush();
      continue;
    }
    goldSentence.push(columns[columns.length - 2]!);
    predictedSentence.push(columns[columns.length - 1]!);
  }
  flush();
  return scoreTags(gold, predicted);
}

/** Anything that tags whole documents (the tagger of `tagger.ts`). */
export interface DocumentTagger {
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

/** Tags CoNLL text document by document and returns `TOKEN GOLD PRED` lines (`lede ner --conll FILE`). */
export function tagConll(text: string, tagger: DocumentTagger): string {
  const documents = readConll(text);
  const predicted = documents.map((document) => tagger.tagDocument(document.sentences.map((sentence) => sentence.tokens)));
  return writeConll(documents, predicted);
}

/** Formats a score as conlleval's summary lines. */
export function formatScore(score: ConllScore): string {
  const line = (label: string, value: Score) =>
    `${label.padEnd(8)} precision ${value.precision.toFixed(2).padStart(6)}  recall ${value.recall.toFixed(2).padStart(6)}  F1 ${value.f1.toFixed(2).padStart(6)}  (${value.gold} gold, ${value.predicted} found)`;
  return [
    `accuracy ${score.accuracy.toFixed(2)}`,
    line('overall', score.overall),
    ...Object.entries(score.byType).map(([type, value]) => line(type, value)),
  ].join('\n');
}
