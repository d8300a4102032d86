/**
 * `npm run bench -- quotes [--split dev] [--model FILE]`: attribution extraction on PolNeAR (first annotator per
 * article). Content spans P/R/F1, exact (same word tokens) and overlap50 (shared word tokens at
 * least half of both spans; one-to-one matching), cue F1 (cue spans sharing a word, one-to-one),
 * speaker accuracy on overlap50-matched attributions with a gold source (the predicted speaker
 * shares a word with the gold source, or resolves to the entity of a mention there), direct-quote
 * recall (overlap50 recall on gold contents holding a quote mark), and the quotes stage's time per
 * article (entities layer computed beforehand, as in the pipeline). compromise's `quotations()`
 * is the baseline in the same run (contents only: it has no cue or speaker). `--errors N` prints
 * up to N errors as text (gold vs predicted contents) to stderr; `--misses FILE` writes every
 * missed gold direct quote, with its paragraph and the predictions touching it, to FILE (keep it
 * outside the repository: it holds dataset text).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Mention, Span, Token } from '../src/doc/schema.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { readPolnear, type GoldAttribution } from '../src/stages/quotes/polnear.js';
import { findQuotes, type QuoteInputs } from '../src/stages/quotes/stage.js';
import { loadQuoteTagger } from '../src/stages/quotes/tagger.js';
import { segment } from '../src/stages/segment/segment.js';
import { sharedDataDir, type BenchResult } from './harness.js';

/** A predicted attribution in scoring terms. */
export interface ScoredAttribution {
  readonly content: readonly Span[];
  readonly cue: readonly Span[];
  readonly source: readonly Span[];
  readonly speakerEntity?: string | null;
  /** What proposed it (for `--misses`). */
  readonly rule?: string;
}

/** Running counts over a split. */
export interface QuoteCounts {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
  goldCues: number;
  predictedCues: number;
  matchedCues: number;
  speakerJudged: number;
  speakerRight: number;
  goldDirect: number;
  directFound: number;
}

/** Fresh zero counts. */
export function emptyCounts(): QuoteCounts {
  return { gold: 0, predicted: 0, exact: 0, overlap: 0, goldCues: 0, predictedCues: 0, matchedCues: 0, speakerJudged: 0, speakerRight: 0, goldDirect: 0, directFound: 0 };
}

const WORD = /[\p{L}\p{N}]/u;

/** Indices of the word tokens whose middle lies inside any of `spans`. */
function wordSet(text: string, tokens: readonly Token[], spans: readonly Span[]): Set<number> {
  const result = new Set<number>();
  for (const span of spans) {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle]!.end <= span.start) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < tokens.length && tokens[index]!.start < span.end; index++) {
      const token = tokens[index]!;
      const middle = (token.start + token.end) / 2;
      if (middle >= span.start && middle <= span.end && WORD.test(text.slice(token.start, token.end))) result.add(index);
    }
  }
  return result;
}

function shared(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let count = 0;
  for (const value of a) if (b.has(value)) count++;
  return count;
}

/** Greedy one-to-one matching of gold and predicted sets by shared words, under `accept`. */
function match(gold: readonly Set<number>[], predicted: readonly Set<number>[], accept: (g: Set<number>, p: Set<number>, common: number) => boolean): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) => predicted.forEach((p, pi) => {
    const common = shared(g, p);
    if (common > 0 && accept(g, p, common)) pairs.push([common, gi, pi]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const goldToPredicted = new Map<number, number>();
  const used = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (goldToPredicted.has(gi) || used.has(pi)) continue;
    goldToPredicted.set(gi, pi);
    used.add(pi);
  }
  return goldToPredicted;
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && shared(a, b) === a.size;
}

/** Adds one article's scores to `counts`. */
export function scoreArticle(
  text: string,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  gold: readonly GoldAttribution[],
  predicted: readonly ScoredAttribution[],
  counts: QuoteCounts,
): void {
  const goldContents = gold.map((item) => wordSet(text, tokens, item.content)).filter((set) => set.size > 0);
  const goldItems = gold.filter((item) => wordSet(text, tokens, item.content).size > 0);
  const predictedContents = predicted.map((item) => wordSet(text, tokens, item.content));
  counts.gold += goldContents.length;
  counts.predicted += predictedContents.filter((set) => set.size > 0).length;
  counts.exact += match(goldContents, predictedContents, (g, p, common) => common === g.size && common === p.size).size;
  const overlap = match(goldContents, predictedContents, (g, p, common) => common * 2 >= g.size && common * 2 >= p.size);
  counts.overlap += overlap.size;
  goldItems.forEach((item, index) => {
    const contentText = item.content.map((span) => text.slice(span.start, span.end)).join(' ');
    if (/["“”]/.test(contentText)) {
      counts.goldDirect++;
      if (overlap.has(index)) counts.directFound++;
    }
  });
  const goldCues = gold.map((item) => wordSet(text, tokens, item.cue)).filter((set) => set.size > 0);
  const predictedCues = predicted.map((item) => wordSet(text, tokens, item.cue)).filter((set) => set.size > 0);
  counts.goldCues += goldCues.length;
  counts.predictedCues += predictedCues.length;
  counts.matchedCues += match(goldCues, predictedCues, () => true).size;
  for (const [goldIndex, predictedIndex] of overlap) {
    const goldItem = goldItems[goldIndex]!;
    const guess = predicted[predictedIndex]!;
    const goldSource = wordSet(text, tokens, goldItem.source);
    if (goldSource.size === 0) continue;
    counts.speakerJudged++;
    const guessSource = wordSet(text, tokens, guess.source);
    let right = shared(goldSource, guessSource) > 0;
    if (!right && guess.speakerEntity) {
      right = mentions.some((mention) => mention.entity === guess.speakerEntity && goldItem.source.some((span) => mention.start < span.end && mention.end > span.start));
    }
    if (right) counts.speakerRight++;
  }
}

/**
 * One line per gold attribution not matched exactly and per unmatched prediction, as text:
 * `[missed]`, `[boundary]` (overlap50 but not exact) with gold and predicted content, `[false]`.
 */
export function describeErrors(text: string, tokens: readonly Token[], gold: readonly GoldAttribution[], predicted: readonly ScoredAttribution[]): string[] {
  const show = (spans: readonly Span[]): string => spans.map((span) => text.slice(span.start, span.end).replace(/\n/g, '⏎')).join(' || ');
  const goldItems = gold.filter((item) => wordSet(text, tokens, item.content).size > 0);
  const goldSets = goldItems.map((item) => wordSet(text, tokens, item.content));
  const predictedSets = predicted.map((item) => wordSet(text, tokens, item.content));
  const overlap = match(goldSets, predictedSets, (g, p, common) => common * 2 >= g.size && common * 2 >= p.size);
  const lines: string[] = [];
  goldItems.forEach((item, index) => {
    const cue = show(item.cue);
    const found = overlap.get(index);
    if (found === undefined) lines.push(`[missed] cue=${cue}\n  gold: ${show(item.content)}`);
    else if (!sameSet(goldSets[index]!, predictedSets[found]!)) lines.push(`[boundary] cue=${cue}\n  gold: ${show(item.content)}\n  pred: ${show(predicted[found]!.content)} (cue=${show(predicted[found]!.cue)})`);
  });
  const used = new Set(overlap.values());
  predicted.forEach((item, index) => {
    if (!used.has(index) && predictedSets[index]!.size > 0) lines.push(`[false] ${show(item.content)} (cue=${show(item.cue)})`);
  });
  return lines;
}

/**
 * Gold direct quotes (content holding a quote mark) that no prediction matches at overlap50, each
 * with its line of text, gold cue and source, and the predictions that share a word with it.
 */
export function describeDirectMisses(text: string, tokens: readonly Token[], gold: readonly GoldAttribution[], predicted: readonly ScoredAttribution[]): string[] {
  const show = (spans: readonly Span[]): string => spans.map((span) => text.slice(span.start, span.end).replace(/\n/g, '⏎')).join(' || ');
  const goldItems = gold.filter((item) => wordSet(text, tokens, item.content).size > 0);
  const goldSets = goldItems.map((item) => wordSet(text, tokens, item.content));
  const predictedSets = predicted.map((item) => wordSet(text, tokens, item.content));
  const overlap = match(goldSets, predictedSets, (g, p, common) => common * 2 >= g.size && common * 2 >= p.size);
  const lines: string[] = [];
  goldItems.forEach((item, index) => {
    const contentText = item.content.map((span) => text.slice(span.start, span.end)).join(' ');
    if (!/["“”]/.test(contentText) || overlap.has(index)) return;
    const first = item.content[0]!.start;
    const lineStart = text.lastIndexOf('\n', first - 1) + 1;
    const lineEnd = text.indexOf('\n', item.content[item.content.length - 1]!.end);
    const touching = predicted
      .map((guess, guessIndex) => ({ guess, common: shared(goldSets[index]!, predictedSets[guessIndex]!) }))
      .filter(({ common }) => common > 0)
      .map(({ guess, common }) => `  pred (${common}/${goldSets[index]!.size} shared, rule=${guess.rule ?? '?'}): ${show(guess.content)} (cue=${show(guess.cue)}, source=${show(guess.source)})`);
    lines.push(
      [
        `[direct-missed] cue=${show(item.cue)} source=${show(item.source)}`,
        `  gold: ${show(item.content)}`,
        `  line: ${text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)}`,
        ...(touching.length > 0 ? touching : ['  pred: none']),
      ].join('\n'),
    );
  });
  return lines;
}

function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Metrics of a system from its counts. */
export function metricsOf(counts: QuoteCounts): Record<string, number | string> {
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const overlapP = ratio(counts.overlap, counts.predicted);
  const overlapR = ratio(counts.overlap, counts.gold);
  const exactP = ratio(counts.exact, counts.predicted);
  const exactR = ratio(counts.exact, counts.gold);
  const cueP = ratio(counts.matchedCues, counts.predictedCues);
  const cueR = ratio(counts.matchedCues, counts.goldCues);
  return {
    'overlap50 P': overlapP,
    'overlap50 R': overlapR,
    'overlap50 F1': f1(overlapP, overlapR),
    'exact P': exactP,
    'exact R': exactR,
    'exact F1': f1(exactP, exactR),
    'cue F1': counts.predictedCues > 0 ? f1(cueP, cueR) : '–',
    'speaker acc': counts.speakerJudged > 0 && counts.predictedCues > 0 ? ratio(counts.speakerRight, counts.speakerJudged) : '–',
    'direct R': ratio(counts.directFound, counts.goldDirect),
  };
}

interface CompromiseDocument {
  quotations(): { json(options: { offset: true }): { offset: { start: number; length: number } }[] };
}

/** Runs the benchmark. */
/** A full collection now (V8's `gc`, exposed for this process through a flag and a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function run(args: string[]): Promise<BenchResult> {
  const splitAt = args.indexOf('--split');
  const split = splitAt >= 0 ? (args[splitAt + 1] ?? 'dev') : 'dev';
  // `--errors N`: print up to N errors (gold vs predicted spans as text) to stderr.
  const errorsAt = args.indexOf('--errors');
  let errorsLeft = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 50) : 0;
  // `--misses FILE`: every missed gold direct quote, written to FILE.
  const missesAt = args.indexOf('--misses');
  const missesFile = missesAt >= 0 ? args[missesAt + 1] : undefined;
  const misses: string[] = [];
  const articles = readPolnear(join(sharedDataDir(), 'quotes-polnear'), split);
  // `--model FILE`: another trained model (from `train-quotes.ts --out FILE`) instead of the committed one.
  const modelAt = args.indexOf('--model');
  const model = modelAt >= 0 ? loadQuoteTagger(args[modelAt + 1]) : loadQuoteTagger();
  const entityResource = entitiesStage.load?.();
  const nlp = createRequire(import.meta.url)('compromise') as (text: string) => CompromiseDocument;
  const lede = emptyCounts();
  const baseline = emptyCounts();
  // Enough passes (about 3 s of CPU) that the median is not set by the machine's other tenants'
  // bursts: 15 passes (0.7 s) gave 0.51–0.73 ms/article on one tree within minutes.
  const repeats = 61;
  const prepared: QuoteInputs[] = articles.map((article) => {
    const segmentation = segment(article.text);
    const layers = entitiesStage.run({ text: article.text, ...segmentation } as never, entityResource, {});
    return { text: article.text, ...segmentation, mentions: layers.mentions ?? [], entities: layers.entities ?? [] };
  });
  // Speed first, before the scoring pass below: CPU time of this process, not wall time, since the
  // machine is shared and wall time under load counts other people's work. The scoring pass keeps
  // every article's quotes (and compromise's documents) alive at once, which no batch does (a batch
  // drops each article's analysis once it is written); timed after it, V8 had learnt from those
  // survivors to allocate the stage's objects straight into the old generation (allocation-site
  // pretenuring): every scavenge of the timed passes then promoted about 1 MB, took 1.3–2 ms instead
  // of 0.5, and full collections followed (same code, `--no-allocation-site-pretenuring`: no
  // promotion). Three warm-up passes first (84 articles are too few to amortise compilation).
  for (let warm = 0; warm < 3; warm++) for (const inputs of prepared) findQuotes(inputs, model);
  collectGarbage();
  // Each pass timed on its own, the median taken: a pass that shares its window with a collection
  // or with another job's burst does not set the figure.
  const passes: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const started = process.cpuUsage();
    for (const inputs of prepared) findQuotes(inputs, model);
    const used = process.cpuUsage(started);
    passes.push((used.user + used.system) / 1000);
  }
  articles.forEach((article, index) => {
    const inputs = prepared[index]!;
    const found = findQuotes(inputs, model);
    const scored = found.quotes.map((quote) => ({ content: quote.content, cue: quote.cue ? [quote.cue] : [], source: quote.speaker ? [quote.speaker] : [], speakerEntity: quote.speakerEntity, rule: quote.rule }));
    scoreArticle(article.text, inputs.tokens, inputs.mentions, article.attributions, scored, lede);
    if (errorsLeft > 0) {
      const lines = describeErrors(article.text, inputs.tokens, article.attributions, scored).slice(0, errorsLeft);
      errorsLeft -= lines.length;
      if (lines.length > 0) console.error(`## ${article.name}\n${lines.join('\n')}`);
    }
    if (missesFile) {
      const lines = describeDirectMisses(article.text, inputs.tokens, article.attributions, scored);
      if (lines.length > 0) misses.push(`## ${article.name}\n${lines.join('\n')}`);
    }
    const compromiseQuotes = nlp(article.text)
      .quotations()
      .json({ offset: true })
      .map((item) => ({ content: [{ start: item.offset.start, end: item.offset.start + item.offset.length }], cue: [], source: [] }));
    scoreArticle(article.text, inputs.tokens, [], article.attributions, compromiseQuotes, baseline);
  });
  if (missesFile) writeFileSync(missesFile, `${misses.join('\n\n')}\n`);
  passes.sort((a, b) => a - b);
  const stageMs = passes[Math.floor(repeats / 2)]!;
  const quartiles = [passes[Math.floor(repeats / 4)]!, passes[Math.floor((3 * repeats) / 4)]!].map((ms) => (ms / articles.length).toFixed(3));
  return {
    task: 'quotes',
    dataset: `PolNeAR ${split} (${articles.length} articles, ${lede.gold} attributions)`,
    rows: [
      { system: 'Lede', metrics: { ...metricsOf(lede), 'ms/article': stageMs / articles.length } },
      { system: 'compromise quotations()', metrics: { ...metricsOf(baseline), 'ms/article': '–' } },
    ],
    notes: [
      'exact: same set of word tokens; overlap50: shared word tokens ≥ 50 % of both spans; matching is one-to-one.',
      'speaker acc: on overlap50-matched attributions with a gold source; right when the speaker shares a word with the gold source or resolves to the entity of a mention there.',
      `direct R: overlap50 recall on gold contents with a quote mark, this run ${lede.directFound} of ${lede.goldDirect} (compromise ${baseline.directFound}).`,
      `ms/article: CPU time of the quotes stage alone (tagger, assembly, speakers), entities computed beforehand; median of ${repeats} passes over all articles, each timed alone, after three warm-up passes and a full garbage collection, before the scoring pass (PolNeAR articles average about 940 tokens); this run's passes: quartiles ${quartiles.join(' and ')} ms/article. Until 2026-11-26 timed after the scoring pass, whose kept results made V8 pretenure the stage's objects (each timed scavenge promoted about 1 MB), and before that the median of 15 passes. Until 2026-11-25 the figure was taken per article during the first pass, so it included compilation warm-up (3.0 ms then for what measures about 1.5 ms warm).`,
    ],
  };
}
