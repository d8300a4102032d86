/**
 * ROUGE-1, ROUGE-2 and summary-level ROUGE-L (ROUGE-Lsum) F1, computed as Google's `rouge-score`
 * package defines them (re-implemented from that definition), so Lede's figures compare with
 * published ones:
 * - tokens: lower-case, every run of characters outside `[a-z0-9]` becomes a space, split on
 *   spaces, tokens longer than three characters Porter-stemmed (NLTK's default variant);
 * - ROUGE-N: clipped n-gram overlap, precision over the candidate's n-grams, recall over the
 *   reference's;
 * - ROUGE-Lsum: both texts split on newlines into sentences; for each reference sentence the union
 *   of its LCS with every candidate sentence, each token counted at most as often as it occurs on
 *   both sides.
 */
import { porterStem } from './porter-stemmer.js';

/** Precision, recall and F1 of one ROUGE measure, each in `[0, 1]`. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The three measures Lede reports. */
export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeLsum: RougeScore;
}

/**
 * Tokenises like `rouge-score`'s default tokenizer with stemming on: `"The U.S. Senators' votes"`
 * → `["the", "u", "s", "senat", "vote"]`.
 * @param stem Porter-stem tokens longer than three characters (default true).
 */
export function rougeTokens(text: string, stem = true): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')) {
    if (raw.length === 0) continue;
    tokens.push(stem && raw.length > 3 ? porterStem(raw) : raw);
  }
  return tokens;
}

function score(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = hits / Math.max(candidateTotal, 1);
  const recall = hits / Math.max(referenceTotal, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Counts of the n-grams of `tokens`, keyed by the tokens joined with a space. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= tokens.length; index += 1) {
    const key = n === 1 ? (tokens[index] as string) : tokens.slice(index, index + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between token lists. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const candidateCounts = ngramCounts(candidate, n);
  const referenceCounts = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of candidateCounts) hits += Math.min(count, referenceCounts.get(gram) ?? 0);
  return score(hits, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/** Indices (into `reference`) of one LCS of the two lists, found by the same backtrack as `rouge-score`. */
function lcsIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const rows = reference.length;
  const columns = candidate.length;
  const width = columns + 1;
  const table = new Uint16Array((rows + 1) * width);
  for (let i = 1; i <= rows; i += 1) {
    for (let j = 1; j <= columns; j += 1) {
      table[i * width + j] = reference[i - 1] === candidate[j - 1]
        ? (table[(i - 1) * width + j - 1] as number) + 1
        : Math.max(table[(i - 1) * width + j] as number, table[i * width + j - 1] as number);
    }
  }
  const indices: number[] = [];
  let i = rows;
  let j = columns;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i -= 1;
      j -= 1;
    } else if ((table[i * width + j - 1] as number) > (table[(i - 1) * width + j] as number)) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
  return indices.reverse();
}

/** Summary-level ROUGE-L over sentence token lists (union LCS per reference sentence). */
export function rougeLsumTokens(candidateSentences: readonly (readonly string[])[], referenceSentences: readonly (readonly string[])[]): RougeScore {
  const candidateTotal = candidateSentences.reduce((sum, sentence) => sum + sentence.length, 0);
  const referenceTotal = referenceSentences.reduce((sum, sentence) => sum + sentence.length, 0);
  if (candidateTotal === 0 || referenceTotal === 0) return { precision: 0, recall: 0, f1: 0 };
  const candidateCounts = new Map<string, number>();
  const referenceCounts = new Map<string, number>();
  for (const sentence of candidateSentences) for (const token of sentence) candidateCounts.set(token, (candidateCounts.get(token) ?? 0) + 1);
  for (const sentence of referenceSentences) for (const token of sentence) referenceCounts.set(token, (referenceCounts.get(token) ?? 0) + 1);
  let hits = 0;
  for (const reference of referenceSentences) {
    const union = new Set<number>();
    for (const candidate of candidateSentences) for (const index of lcsIndices(reference, candidate)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = reference[index] as string;
      const inCandidate = candidateCounts.get(token) ?? 0;
      const inReference = referenceCounts.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits += 1;
        candidateCounts.set(token, inCandidate - 1);
        referenceCounts.set(token, inReference - 1);
      }
    }
  }
  return score(hits, candidateTotal, referenceTotal);
}

/** Splits on newlines into non-empty lines, as `rouge-score` does for ROUGE-Lsum. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/**
 * ROUGE-1, ROUGE-2 and ROUGE-Lsum of a candidate against a reference, both with one sentence per
 * line (the line breaks matter only to ROUGE-Lsum).
 */
export function rougeScores(candidate: string, reference: string): RougeScores {
  const candidateSentences = lines(candidate).map((line) => rougeTokens(line));
  const referenceSentences = lines(reference).map((line) => rougeTokens(line));
  const candidateTokens = candidateSentences.flat();
  const referenceTokens = referenceSentences.flat();
  return {
    rouge1: rougeN(candidateTokens, referenceTokens, 1),
    rouge2: rougeN(candidateTokens, referenceTokens, 2),
    rougeLsum: rougeLsumTokens(candidateSentences, referenceSentences),
  };
}
