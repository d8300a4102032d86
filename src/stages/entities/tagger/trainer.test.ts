import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer, gazetteerBit } from './gazetteer.js';
import { loadModel, saveModel } from './model.js';
import { createTagger } from './tagger.js';
import { trainTagger, type LabelledDocument } from './trainer.js';
import { emptyWordClusters } from './word-clusters.js';

/** A toy corpus written by hand: `Word/TAG` pairs, `O` when no tag is given. */
function parse(lines: readonly string[]): LabelledDocument {
  return {
    sentences: lines.map((line) => {
      const pairs = line.split(' ').map((pair) => {
        const [token, tag] = pair.split('/');
        return [token!, tag ?? 'O'] as const;
      });
      return { tokens: pairs.map(([token]) => token), tags: pairs.map(([, tag]) => tag) };
    }),
  };
}

const corpus: LabelledDocument[] = [
  parse(['Mr Anna/B-PER Berg/I-PER visited Oslo/B-LOC .', 'Berg/B-PER said Acme/B-ORG Corp/I-ORG grew .']),
  parse(['Mr Omar/B-PER Haddad/I-PER left Cairo/B-LOC .', 'Haddad/B-PER joined Nile/B-ORG Bank/I-ORG .']),
  parse(['Mrs Lena/B-PER Holm/I-PER flew to Paris/B-LOC .', 'Holm/B-PER praised French/B-MISC wine .']),
  parse(['Dr Ivan/B-PER Petrov/I-PER works for Volga/B-ORG Group/I-ORG in Kazan/B-LOC .']),
  parse(['Mr Tom/B-PER Reed/I-PER met Acme/B-ORG Corp/I-ORG staff in Oslo/B-LOC .', 'Reed/B-PER said prices rose .']),
];
const resources = {
  clusters: emptyWordClusters(),
  gazetteer: buildGazetteer([['Oslo', gazetteerBit('city')], ['Cairo', gazetteerBit('city')], ['Paris', gazetteerBit('city')], ['Lyon', gazetteerBit('city')]]),
};

test('training on a toy corpus learns its patterns', () => {
  const model = trainTagger(corpus, resources, { maxEpochs: 8, folds: 2, seed: 7 });
  const tagger = createTagger(model, resources.clusters, resources.gazetteer);
  const [tags] = tagger.tagDocument([['Mr', 'Anna', 'Berg', 'visited', 'Oslo', '.']]);
  assert.deepEqual(tags, ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
});

test('training is deterministic for a fixed seed', () => {
  const first = trainTagger(corpus, resources, { maxEpochs: 4, folds: 2, seed: 3 });
  const second = trainTagger(corpus, resources, { maxEpochs: 4, folds: 2, seed: 3 });
  assert.deepEqual(Array.from(first.keys), Array.from(second.keys));
  assert.deepEqual(Array.from(first.first.emission), Array.from(second.first.emission));
  assert.deepEqual(Array.from(second.second!.emission), Array.from(first.second!.emission));
});

test('a saved model loads back with the same weights', () => {
  const model = trainTagger(corpus, resources, { maxEpochs: 3, folds: 0, seed: 1 });
  const again = loadModel(saveModel(model));
  assert.deepEqual(again.attributes, model.attributes);
  assert.deepEqual(Array.from(again.keys), Array.from(model.keys));
  assert.deepEqual(Array.from(again.first.emission), Array.from(model.first.emission));
  assert.equal(again.second, null);
});

test('tagged output always has one tag per token and valid BIO', () => {
  const model = trainTagger(corpus, resources, { maxEpochs: 4, folds: 2, seed: 5 });
  const tagger = createTagger(model, resources.clusters, resources.gazetteer);
  const sentences = [['Reed', 'met', 'Holm', 'in', 'Lyon', '.'], [], ['Acme', 'Corp', 'Bank']];
  const tags = tagger.tagDocument(sentences);
  assert.deepEqual(tags.map((sentence) => sentence.length), [6, 0, 3]);
  for (const sentence of tags) {
    sentence.forEach((tag, index) => {
      if (!tag.startsWith('I-')) return;
      const previous = sentence[index - 1];
      assert.ok(previous !== undefined && previous.slice(2) === tag.slice(2) && previous !== 'O', `bad ${sentence.join(' ')}`);
    });
  }
});
