import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from '../segment/segment.js';
import { createRandom } from '../../util/random.js';
import { featureRows, makeVocabulary, type FeatureRows } from './features.js';
import { SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import { Int8ViterbiKernel } from '../../kernels/linear-tagger.js';
import { kernelStackedRows, stackedRows, stackedFeaturesPerToken } from './stacked-features.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';
import { loadQuoteTagger, quoteTagCount } from './tagger.js';

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

/** Feature rows and the columns later steps read, copied out of the kernel's memory. */
function featuresOf(text: string, kernel: Int8ViterbiKernel | null, vocabulary = model.vocabulary): Omit<FeatureRows, 'stride'> {
  const segmentation = segment(text);
  const lines = splitAtLineBreaks(text, segmentation.paragraphs);
  const quoted = findQuotedSpans(text, lines);
  const features = featureRows(text, segmentation.tokens, lines, quoted.spans, vocabulary, model.rowBits, undefined, kernel);
  const { rows, wordIds, shapes, levels, sequences, quoteState } = features;
  return { rows: rows.slice(), wordIds: wordIds.slice(), shapes: shapes.slice(), levels: levels.slice(), sequences: sequences.map(({ first, end }) => ({ first, end })), quoteState: quoteState.slice() };
}

// Words the kernel computes (ASCII and General Punctuation, known, known only by clusters, unseen)
// and words it leaves to JavaScript (letters outside ASCII, a surrogate pair).
const clusterWords = model.words.slice(model.vocabularySize, model.vocabularySize + 5);
const mixedWords = [
  ...['said', 'SAID', 'Said', 'told', 'according', 'According', 'to', 'that', 'That', 'he', 'They', 'believes', 'plans', 'accused', 'seethed'],
  ...['xyzzyq', 'Qwertyuiop', 'ABCDEF', 'x', 'A', '42', '2019', 'U.S.', 'don’t', 'it’s', '’s', 'e-mail', 'WALLACE', ':', ';', '—', '–', '-', '…', '...'],
  ...[',', '.', '!', '?', '(', ')', '[', ']', '“', '”', '‘', '’', '"', "'", '„', '«', '»', '&', '#', '%'],
  ...['Zürich', 'naïve', 'ÉTÉ', 'añadió', 'сказал', 'Путин', 'Σίσυφος', 'İstanbul', 'ﬁnal', 'ß', 'Ωmega', 'emoji😀', '²', 'µs', 'ª'],
  ...['announced', 'Announced', 'thinks', 'statement', 'she', 'We', 'I'],
  ...clusterWords,
];

function mixedTexts(seed: number, count: number): string[] {
  const random = createRandom(seed);
  const texts: string[] = [];
  for (let text = 0; text < count; text++) {
    const paragraphs: string[] = [];
    for (let paragraph = 0; paragraph < 1 + Math.floor(random() * 5); paragraph++) {
      // Some long paragraphs (several sentences, many tokens).
      const length = random() < 0.2 ? 200 + Math.floor(random() * 400) : 1 + Math.floor(random() * 40);
      const parts: string[] = [];
      for (let word = 0; word < length; word++) {
        parts.push(mixedWords[Math.floor(random() * mixedWords.length)]!);
        if (random() < 0.05) parts.push(random() < 0.5 ? '.' : '?');
      }
      paragraphs.push(random() < 0.3 ? `NAME: ${parts.join(' ')}` : parts.join(' '));
    }
    texts.push(paragraphs.join(random() < 0.5 ? '\n\n' : '\n'));
  }
  return texts;
}

test('the WebAssembly columns and rows are the JavaScript ones', { skip: model.kernel === null }, () => {
  assert.equal(model.kernel!.quoteVocabulary, model.vocabulary);
  const texts = ['', ' ', '\n\n', '“', 'said', '“We will,” he said: “soon.”', 'An unclosed “quote runs on\nand on.', 'WALLACE: Let’s start.\nPENCE: “Fine,” he said.'];
  texts.push(...mixedTexts(3, 60));
  for (const text of texts) assert.deepEqual(featuresOf(text, model.kernel), featuresOf(text, null), text);
});

test('a copy of the kernel computes the same columns with its own memory', { skip: model.kernel === null }, () => {
  const copy = new Int8ViterbiKernel(model.kernel!, quoteTagCount);
  assert.equal(copy.quoteVocabulary, model.vocabulary);
  for (const text of mixedTexts(5, 10)) assert.deepEqual(featuresOf(text, copy), featuresOf(text, null), text);
});

// A small vocabulary: most cue words unseen (their class from the word lists), some known only by clusters.
const smallVocabulary = makeVocabulary({
  words: ['said', 'the', 'he', 'according', 'to', '’s', 'plans', 'zürich', 'taiwan', 'announced', 'that'],
  size: 7,
  cueLevels: [3, 0, 0, 2, 0, 0, 1],
  coarseClusters: [5, 1, 2, 3, 4, 0, 6, 7, 8, 9, 10],
  fineClusters: [50, 10, 20, 30, 40, 0, 60, 70, 80, 90, 100],
});

test('a kernel with another vocabulary computes its columns alike (cue words unseen in training)', { skip: typeof WebAssembly === 'undefined' }, () => {
  assert.ok([...SPEECH_VERBS].some((word) => smallVocabulary.ids.idOfWord(word) === 0 && mixedWords.includes(word)));
  const kernel = new Int8ViterbiKernel([{ emission: new Int8Array(8), transition: new Float64Array(56) }], quoteTagCount, smallVocabulary);
  for (const text of mixedTexts(7, 30)) assert.deepEqual(featuresOf(text, kernel, smallVocabulary), featuresOf(text, null, smallVocabulary), text);
});

test('a kernel that does not hold the vocabulary given only hashes the JavaScript columns', { skip: model.kernel === null }, () => {
  for (const text of mixedTexts(9, 10)) assert.deepEqual(featuresOf(text, model.kernel, smallVocabulary), featuresOf(text, null, smallVocabulary), text);
});

test('General Punctuation units are no letters and lower-case to themselves (the kernel relies on it)', () => {
  for (let code = 0x2000; code < 0x2070; code++) {
    const character = String.fromCharCode(code);
    assert.equal(character.toLowerCase(), character, code.toString(16));
    assert.ok(!/\p{L}/u.test(character), code.toString(16));
  }
});

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
    // The kernel computes the first pass's columns and keeps them for the stacked pass.
    const first = featureRows(text, segmentation.tokens, lines, quoted.spans, model.vocabulary, model.rowBits, undefined, model.kernel);
    assert.equal(first.kernelDocument?.kernel, model.kernel);
    // Any tags (BIO order aside) reach every branch of the templates; some lines all O.
    const tags = Uint8Array.from(segmentation.tokens, () => (random() < 0.3 ? 0 : Math.floor(random() * 7)));
    for (const sequence of first.sequences) if (random() < 0.2) tags.fill(0, sequence.first, sequence.end);
    const sequences = first.sequences.filter(() => random() < 0.7);
    const expected = stackedRows(segmentation.tokens, first, tags, model.rowBits, sequences, undefined, false).rows;
    const actual = kernelStackedRows(first, tags, model.rowBits, sequences, false).rows;
    for (const { first: from, end } of sequences) {
      for (let token = from; token < end; token++) {
        for (let k = first.stride; k < stackedFeaturesPerToken; k++) assert.equal(actual[token * stackedFeaturesPerToken + k], expected[token * stackedFeaturesPerToken + k], `${text}: token ${token} row ${k}`);
      }
    }
    // Only the lines with a tag other than O, when asked.
    const tagged = kernelStackedRows(first, tags, model.rowBits, sequences, true);
    assert.deepEqual(
      tagged.sequences,
      sequences.filter((sequence) => tags.subarray(sequence.first, sequence.end).some((tag) => tag !== 0)),
    );
    for (const { first: from, end } of tagged.sequences) {
      for (let token = from; token < end; token++) {
        for (let k = first.stride; k < stackedFeaturesPerToken; k++) assert.equal(tagged.rows[token * stackedFeaturesPerToken + k], expected[token * stackedFeaturesPerToken + k], `${text}: token ${token} row ${k}`);
      }
    }
  }
});

test('the kernel\'s stacked pass reads only the document it holds', { skip: model.kernel === null }, () => {
  const rowsOfText = (text: string) => {
    const segmentation = segment(text);
    const lines = splitAtLineBreaks(text, segmentation.paragraphs);
    return { tokens: segmentation.tokens, first: featureRows(text, segmentation.tokens, lines, findQuotedSpans(text, lines).spans, model.vocabulary, model.rowBits, undefined, model.kernel) };
  };
  const older = rowsOfText('“We will rebuild,” the mayor said.');
  rowsOfText('Another article, said the editor.');
  assert.throws(() => kernelStackedRows(older.first, new Uint8Array(older.tokens.length), model.rowBits, older.first.sequences, false), /not the kernel's current quotes document/);
});
