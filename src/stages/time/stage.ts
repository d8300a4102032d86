import type { Stage } from '../../pipeline/stage.js';
import { findTimexes } from './timex-finder.js';

/**
 * Time expressions resolved to TIMEX3 values. The reference date is the caller's `published`
 * (RunContext), else the publication date found at ingest (`meta.published`), else none: then
 * relative expressions stay unresolved and each gets a diagnostic. Returns only this stage's new
 * diagnostics under `diagnostics`; the pipeline appends them to the earlier ones.
 */
export const timeStage: Stage = {
  name: 'time',
  requires: ['text', 'sentences', 'meta'],
  assigns: ['timexes', 'diagnostics'],
  run(doc, _resource, context) {
    const { timexes, diagnostics } = findTimexes(doc.text, doc.sentences, context.published ?? doc.meta.published);
    return { timexes, diagnostics };
  },
};
