import type { Stage } from '../../pipeline/stage.js';
import { normalizeText } from './normalize.js';

/** Normalisation: captions, dateline and page furniture out; text aligned to the source. */
export const normalizeStage: Stage = {
  name: 'normalize',
  requires: ['source', 'meta'],
  assigns: ['text', 'alignment', 'removals', 'meta'],
  run(doc) {
    const normalized = normalizeText(doc.source);
    // What the input itself said (HTML metadata, the caller) wins over what the text suggests.
    const meta = { ...normalized.meta, ...doc.meta };
    // Page removals recorded at ingest (HTML) come first, then what normalisation took out.
    return { text: normalized.text, alignment: normalized.alignment, removals: [...doc.removals, ...normalized.removals], meta };
  },
};
