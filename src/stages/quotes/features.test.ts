import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from '../segment/segment.js';
import { createRandom } from '../../util/random.js';
import { featureRows } from './features.js';
import { stackedRows, stackedFeaturesPerToken } from './stacked-features.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';
import { loadQuoteTagger } from './tagger.js';

const model = loadQuoteTagger();

function randomTexts(seed: number, count: number): string[] {
  const random = createRandom(seed);
  const texts: string[] = [];
  for (let text = 0; text < count; text++) {
    const paragraphs: string[] = [];
    for (let paragraph = 0; paragraph < 1 + Math.floor(random() * 4); paragraph++) {
      const length = 1 + Math.floor(random() * 60);
      paragraphs.push(Array.from({ length }, () => words[Math.floor(random() * words.length)]!).join(' '));
    }
    texts.push(paragraphs.join('\n\n'));
  }
  return texts;
}

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
  texts.push(...randomTexts(7, 40));
  for (const text of texts) assert.deepEqual(rowsOf(text, true), rowsOf(text, false), text);
});

test('the WebAssembly stacked rows are the JavaScript ones', { skip: model.kernel === null }, () => {
  const random = createRandom(11);
  for (const text of ['“We will rebuild,” the mayor said, according to aides.', ...randomTexts(13, 40)]) {
    const segmentation = segment(text);
    const lines = splitAtLineBreaks(text, segmentation.paragraphs);
    const quoted = findQuotedSpans(text, lines);
    const first = featureRows(text, segmentation.tokens, lines, quoted.spans, model.vocabulary, model.rowBits);
    // Any tags (BIO order aside) reach every branch of the templates.
    const tags = Uint8Array.from(segmentation.tokens, () => Math.floor(random() * 7));
    const sequences = first.sequences.filter(() => random() < 0.7);
    const expected = stackedRows(segmentation.tokens, first, tags, model.rowBits, sequences, undefined, false).rows;
    const actual = stackedRows(segmentation.tokens, first, tags, model.rowBits, sequences, undefined, false, model.kernel).rows;
    for (const { first: from, end } of sequences) {
      for (let token = from; token < end; token++) {
        for (let k = first.stride; k < stackedFeaturesPerToken; k++) assert.equal(actual[token * stackedFeaturesPerToken + k], expected[token * stackedFeaturesPerToken + k], `${text}: token ${token} row ${k}`);
      }
    }
  }
});
