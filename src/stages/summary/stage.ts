import type { Stage } from '../../pipeline/stage.js';
import { segment } from '../segment/segment.js';
import { loadSummaryModel, summarize, type LoadedSummaryModel, type SummaryOptions } from './summarize.js';

/** The summary layer: the chosen sentences in reading order, each with its score (default length policy). */
export const summaryStage: Stage = {
  name: 'summary',
  requires: ['text', 'sentences', 'paragraphs'],
  assigns: ['summary'],
  load: () => loadSummaryModel(),
  run(doc, resource) {
    return { summary: summarize(doc.text, doc.sentences, {}, { model: resource as LoadedSummaryModel }) };
  },
};

/**
 * Summarises plain text (already normalised: no dateline or captions) for `lede summarize`:
 * the chosen sentences, one per line, in reading order.
 * @param options length limits (default: the learned policy, at most 3 sentences)
 * @param model a model loaded once by the caller (default: loaded on each call)
 */
export function summarizeText(text: string, options: SummaryOptions = {}, model: LoadedSummaryModel = loadSummaryModel()): string {
  const { sentences } = segment(text);
  return summarize(text, sentences, options, { model }).map((item) => text.slice(item.start, item.end).replace(/\s+/g, ' ').trim()).join('\n');
}
