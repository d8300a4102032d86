/**
 * The quotes stage: paragraphs are cut at line breaks, quote marks are paired, the attribution
 * tagger (two passes) marks content, cue and source spans, attributions are assembled from them
 * (with PolNeAR's conventions for split quotes, transcripts, `that` clauses and reporting clauses),
 * weak ones are dropped, and speakers are resolved to entities. */
import type { Diagnostic, Entity, Mention, Paragraph, Quote, Sentence, Token } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { dropPhysicalAttacks, dropWeakAttributions, findAttributions } from './attribution-finder.js';
import { featureRows } from './features.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';
import { resolveSpeakers } from './speaker-resolver.js';
import { kernelFor, loadQuoteTagger, tagTokens, type QuoteTaggerModel } from './tagger.js';

/** The layers {@link findQuotes} reads. */
export interface QuoteInputs {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
}

/** Quotes and the diagnostics about odd input (unbalanced quote marks). */
export interface FoundQuotes {
  readonly quotes: Quote[];
  readonly diagnostics: Diagnostic[];
}

/**
 * A model's learned cue level of a lower-case word, one function per model (made once: V8 drops a
 * closure's optimised code at a full collection once none of its closures lives, so one made per
 * article was compiled again and again).
 */
const cueLevels = new WeakMap<QuoteTaggerModel, (word: string) => number>();

function cueLevelOf(model: QuoteTaggerModel): (word: string) => number {
  let cueLevel = cueLevels.get(model);
  if (cueLevel === undefined) {
    const { ids, cueLevels: levels, size } = model.vocabulary;
    // A cue word unseen in training counts as a middling one.
    cueLevel = (word: string): number => {
      const id = ids.idOfWord(word);
      return id === 0 || id > size ? 2 : levels[id]!;
    };
    cueLevels.set(model, cueLevel);
  }
  return cueLevel;
}

/** Finds the attributions of an article and resolves their speakers. Pure; never throws on odd text. */
export function findQuotes(inputs: QuoteInputs, model: QuoteTaggerModel): FoundQuotes {
  const { text, tokens } = inputs;
  const lines = splitAtLineBreaks(text, inputs.paragraphs);
  const quoted = findQuotedSpans(text, lines);
  model.arena.reset();
  const kernel = kernelFor(model, tokens.length, text.length);
  const features = featureRows(text, tokens, lines, quoted.spans, model.vocabulary, model.rowBits, model.arena, kernel);
  const tags = tagTokens(model, features, tokens, kernel);
  const cueLevel = cueLevelOf(model);
  const found = findAttributions(text, tokens, lines, tags, quoted.spans, cueLevel);
  const attributions = dropPhysicalAttacks(text, dropWeakAttributions(text, found, cueLevel), inputs.mentions);
  return { quotes: resolveSpeakers(inputs, attributions), diagnostics: quoted.diagnostics };
}

/** Attributions (direct, indirect, mixed) with cue, medium and speaker entity. */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['text', 'paragraphs', 'sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['quotes', 'diagnostics'],
  load: () => loadQuoteTagger(),
  run(doc, resource) {
    return findQuotes(doc, resource as QuoteTaggerModel);
  },
};
