import type { Stage } from '../../pipeline/stage.js';
import { segment } from './segment.js';

/** Segmentation into paragraphs, sentences and tokens. */
export const segmentStage: Stage = {
  name: 'segment',
  requires: ['text'],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  run(doc) {
    const { paragraphs, sentences, tokens } = segment(doc.text);
    return { paragraphs, sentences, tokens };
  },
};
