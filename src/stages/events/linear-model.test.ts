import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linearModelFromJson, linearModelToJson, predictProbabilities, trainLinearModel, type LabelledFeatures, type LinearModelJson } from './linear-model.js';

const examples: LabelledFeatures[] = [
  { features: ['w:bomb', 'w:killed', 'w:market'], label: 'attack' },
  { features: ['w:shelling', 'w:killed', 'w:village'], label: 'attack' },
  { features: ['w:marched', 'w:crowd', 'w:capital'], label: 'protest' },
  { features: ['w:rally', 'w:crowd', 'w:students'], label: 'protest' },
  { features: ['w:talks', 'w:signed', 'w:ceasefire'], label: 'agree' },
  { features: ['w:deal', 'w:signed', 'w:ministers'], label: 'agree' },
];

test('linear model file form: packed weights score like the rounded dense weights', () => {
  const model = trainLinearModel(examples, { epochs: 30 });
  const json = linearModelToJson(model, 0.01);
  const loaded = linearModelFromJson(JSON.parse(JSON.stringify(json)) as LinearModelJson);
  assert.ok(loaded.packed, 'a model read from its file form is packed');
  assert.deepEqual(loaded.classes, model.classes);
  for (const features of [['w:killed', 'w:market'], ['w:crowd'], ['w:signed', 'w:talks'], ['w:unknown']]) {
    const original = predictProbabilities(model, features);
    const packed = predictProbabilities(loaded, features);
    packed.forEach((probability, index) => assert.ok(Math.abs(probability - original[index]!) < 0.02, `${features.join(' ')}: ${probability} vs ${original[index]}`));
    assert.equal(packed.indexOf(Math.max(...packed)), original.indexOf(Math.max(...original)));
  }
  // Dense weights are still there for averaging and re-saving, and saving again changes nothing.
  assert.equal(loaded.weights.get('w:killed')?.length, model.classes.length);
  assert.deepEqual(linearModelToJson(loaded, 0.01), json);
});

test('linear model file form: an old or damaged file is refused with a clear message', () => {
  assert.throws(() => linearModelFromJson({ classes: ['a'], bias: [0], weights: {} } as unknown as LinearModelJson), /old file format/);
  const json = linearModelToJson(trainLinearModel(examples, { epochs: 5 }), 0.01);
  assert.throws(() => linearModelFromJson({ ...json, counts: '' }), /do not agree/);
});
