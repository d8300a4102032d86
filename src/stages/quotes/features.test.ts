import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from '../segment/segment.js';
import { createRandom } from '../../util/random.js';
import { featureRows } from './features.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';
import { loadQuoteTagger } from './tagger.js';

const model = loadQuoteTagger();

function rowsOf(text: string, withKernel: boolean): Int32Array {
  const segmentation = segment(text);
  const lines = splitAtLineBreaks(text, segmentation.paragraphs);
  const quoted = findQuotedSpans(text, lines);
  const rows = featureRows(text, segmentation.tokens, lines, quoted.spans, model.vocabulary, model.rowBits, undefined, withKernel ? model.kernel : null).rows;
  return rows.slice();
}

const words = ['said', 'the', 'official', 'Robyn', 'told', 'according', 'to', 'that', 'he', 'believes', 'Zürich', 'naïve', 'CNN', 'U.S.', '2019', 'seethed', 'xyzzyq', 'WALLACE:', '—', ',', '.', '“', '”', '"', '‘', '’', 'plans', 'accused', 'ÉTÉ', 'añadió'];

test('the WebAssembly feature rows are the JavaScript ones', { skip: model.kernel === null }, () => {
  const texts = [
    '“We will rebuild the bridge by spring,” Mayor John Carver told reporters on Monday.',
    'WALLACE: Let’s start with the budget.\nPENCE: The budget “is balanced,” he said, according to aides.',
    'An unclosed “quote runs on\nand the next paragraph “opens again.',
    '',
  ];
  const random = createRandom(7);
  for (let text = 0; text < 40; text++) {
    const paragraphs: string[] = [];
    for (let paragraph = 0; paragraph < 1 + Math.floor(random() * 4); paragraph++) {
      const length = 1 + Math.floor(random() * 60);
      paragraphs.push(Array.from({ length }, () => words[Math.floor(random() * words.length)]!).join(' '));
    }
    texts.push(paragraphs.join('\n\n'));
  }
  for (const text of texts) assert.deepEqual(rowsOf(text, true), rowsOf(text, false), text);
});
