/**
 * Sentences of already tokenised, possibly lower-cased text (the CNN/Daily Mail training files and
 * the REALSumm dev file: `he said . " we know . "`), where no segmenter trained on cased prose
 * works well. Used by the trainer and the benchmark, not by the pipeline.
 */
import type { Span } from '../../doc/schema.js';

const TERMINATORS = new Set(['.', '!', '?']);
// PTB closing quotes, and the curly closers some Daily Mail stories keep.
const ALWAYS_CLOSING = new Set(["''", '’', '”', ')']);
const AMBIGUOUS_QUOTES = new Set(['"', "'"]);
// Words a sentence does not end on: the Daily Mail files carry line breaks from the web page as
// ` . ` in the middle of sentences ("the . new series will include a female astronomer with a . telescope").
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'and', 'or', 'but',
  'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'as', 'than', 'is',
  'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'who', 'which',
  'after', 'before', 'over', 'about', 'up', 'out', 'not', 'very', 'more', 'most', 'some', 'all', 'any',
  'during', 'while', 'when', 'where', 'if', 'so', 'because', 'said', 'says', 'mr', 'mrs', 'ms', 'dr', 'st',
]);

/**
 * Splits space-tokenised text into sentence spans: after `.`, `!` or `?` (with the closing quotes
 * that follow), except where the period sits after a function word (a line-break artefact).
 */
export function splitTokenizedSentences(text: string): Span[] {
  const tokens: Span[] = [];
  const pattern = /\S+/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) tokens.push({ start: match.index, end: match.index + match[0].length });
  const sentences: Span[] = [];
  let sentenceStart = 0;
  let openQuotes = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Span;
    const word = text.slice(token.start, token.end);
    if (AMBIGUOUS_QUOTES.has(word) || word === '``' || word === "''") openQuotes = word === '``' ? openQuotes + 1 : word === "''" ? Math.max(openQuotes - 1, 0) : openQuotes > 0 ? openQuotes - 1 : openQuotes + 1;
    if (!TERMINATORS.has(word)) continue;
    const previous = index > sentenceStart ? tokens[index - 1] : undefined;
    if (word === '.' && previous !== undefined && FUNCTION_WORDS.has(text.slice(previous.start, previous.end))) continue;
    let end = index;
    while (end + 1 < tokens.length) {
      const next = text.slice((tokens[end + 1] as Span).start, (tokens[end + 1] as Span).end);
      if (ALWAYS_CLOSING.has(next)) {
        end += 1;
      } else if (AMBIGUOUS_QUOTES.has(next) && openQuotes > 0) {
        openQuotes -= 1;
        end += 1;
      } else {
        break;
      }
    }
    if (index - sentenceStart >= 1) {
      sentences.push({ start: (tokens[sentenceStart] as Span).start, end: (tokens[end] as Span).end });
      sentenceStart = end + 1;
      openQuotes = 0;
    }
    index = end;
  }
  if (sentenceStart < tokens.length) sentences.push({ start: (tokens[sentenceStart] as Span).start, end: (tokens[tokens.length - 1] as Span).end });
  return sentences;
}

/**
 * Removes the Daily Mail page furniture that opens many training articles
 * (`by . deni kirkova . published : . 12:00 est , 1 may 2014 | . updated : . ... .`) and returns
 * the offset where the story starts.
 */
export function storyStart(text: string): number {
  let position = 0;
  const byline = /^by \. (?:[^.]{1,80}? \. ){1,3}?(?=\S)/.exec(text);
  if (byline !== null && !/ (?:said|says|was|is|has|have|had|were|are) /.test(byline[0])) position = byline[0].length;
  const stamps = /^(?:(?:published|updated|last updated) : \. [^|]*?(?:\| \. |\. (?=\S)))+/.exec(text.slice(position));
  if (stamps !== null) position += stamps[0].length;
  const lastUpdated = /^last updated at [^.]{0,60}\. /.exec(text.slice(position));
  if (lastUpdated !== null) position += lastUpdated[0].length;
  return position;
}
