import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCueIndex, buildTokenMatcher, candidateCues, cueAnchors, matchTokens, splitAlternatives } from './cue-index.js';
import { lightStem } from './event-classifier.js';

const anchorCases: readonly [string, string[] | null][] = [
  ['clash(?:es|ed)?', ['cla']],
  ['fighting|fought|fights?', ['fig', 'fou']],
  ['re-?took|retak(?:e|en|ing)', ['re', 'ret']],
  ['(?:seiz|captur)(?:e|ed) (?:the )?town', ['cap', 'sei']],
  ['qa[’\']ida', ['qa']],
  ['no', ['no']],
  ['\\w+ attack', null],
  ['(?:\\w+ )?attack', null],
];
for (const [source, anchors] of anchorCases) {
  test(`cue anchors: /${source}/ → ${anchors ? anchors.join(',') : 'always run'}`, () => assert.deepEqual(cueAnchors(source), anchors));
}

const cues = ['air ?strikes?', 'co-?operat\\w*', 'kill\\w*', '\\w+ bomb'].map((source) => ({ source, pattern: new RegExp(`\\b(?:${source})\\b`, 'i') }));
const index = buildCueIndex(cues, (cue) => cue.source);
const candidateCases: readonly [string, string[]][] = [
  // Each text: the cues whose pattern really matches must be among the candidates.
  ['Warplanes carried out an air strike.', ['air ?strikes?']],
  ['They agreed to co-operate.', ['co-?operat\\w*']],
  ['Gunmen KILLED two.', ['kill\\w*']],
  ['A car bomb exploded.', []],
];
for (const [text, expected] of candidateCases) {
  test(`cue candidates: ${text}`, () => {
    const candidates = candidateCues(index, text);
    for (const source of expected) assert.ok(candidates.some((cue) => cue.source === source), `${source} not among ${candidates.map((cue) => cue.source).join(', ')}`);
    // Patterns without anchors always run.
    assert.ok(candidates.some((cue) => cue.source === '\\w+ bomb'));
    // No candidate that matches is missing, and cues that cannot match are left out.
    for (const cue of cues) if (cue.pattern.test(text)) assert.ok(candidates.includes(cue), cue.source);
  });
}
test('cue candidates: a text without the anchors runs only the unanchored cues', () => {
  assert.deepEqual(candidateCues(index, 'The ministers met in Geneva.').map((cue) => cue.source), ['\\w+ bomb']);
});

const stemCases: readonly [string, string][] = [
  ['attacks', 'attack'], ['attacked', 'attack'], ['attacking', 'attack'], ['kidnapped', 'kidnap'], ['shelling', 'shell'],
  ['militias', 'militia'], ['casualties', 'casualty'], ['clashes', 'clash'], ['agreed', 'agre'], ['agree', 'agre'], ['us', 'us'], ['isis', 'isis'],
];
for (const [word, stem] of stemCases) test(`light stem: ${word} → ${stem}`, () => assert.equal(lightStem(word), stem));

const matcher = buildTokenMatcher([{ source: 'air ?strikes?|strikes?|attack(?:s|ed)?', tag: 'violent' }, { source: 'agreed|agreed to (?:visit|meet)', tag: 'agree' }]);
const tokenCases: readonly [string, string[]][] = [
  // The first alternative in order wins at a position, as in one long regular expression.
  ['Warplanes carried out air strikes and attacked the town.', ['air strikes:violent', 'attacked:violent']],
  ['They agreed to meet on Monday.', ['agreed:agree']],
  ['Strikes, then more strikes.', ['Strikes:violent', 'strikes:violent']],
  ['The striker scored twice.', []],
];
for (const [text, expected] of tokenCases) {
  test(`token matcher: ${text}`, () => {
    const found = matchTokens(matcher, text).map((match) => `${match.text}:${match.tag}`);
    assert.deepEqual(found, expected);
    const reference = [...text.matchAll(/\b(?:air ?strikes?|strikes?|attack(?:s|ed)?|agreed|agreed to (?:visit|meet))\b/gi)].map((match) => match[0]);
    assert.deepEqual(found.map((entry) => entry.split(':')[0]), reference);
  });
}
test('split alternatives: only top-level bars divide', () => {
  assert.deepEqual(splitAlternatives('a|b(?:c|d)|[|]e|f\\|g'), ['a', 'b(?:c|d)', '[|]e', 'f\\|g']);
});
