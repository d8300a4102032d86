import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../../doc/schema.js';
import { segment } from '../segment/segment.js';
import {
  clauseOutOfCue,
  cutAtSentenceEnd,
  cutMediumTail,
  dropNarrativeTail,
  endAtClosedQuote,
  extendOverFocusPhrase,
  dropPhysicalAttacks,
  dropWeakAttributions,
  findAttributions,
  mergeAcrossAsides,
  prepositionToCue,
  splitTranscriptSpeaker,
  startAtThat,
  startParticipleAtSentence,
  weaponCueToReport,
  type FoundAttribution,
  type TagRun,
} from './attribution-finder.js';
import { findQuotedSpans, splitAtLineBreaks } from './quote-marks.js';
import { Tag } from './tagger.js';

/** The span of the `occurrence`-th `phrase` in `text`. */
function spanOf(text: string, phrase: string, occurrence = 1): Span {
  let start = -1;
  for (let count = 0; count < occurrence; count++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, `"${phrase}" not in "${text}"`);
  return { start, end: start + phrase.length };
}

function attribution(text: string, content: string, cue: string | null, kind: FoundAttribution['kind'] = 'indirect'): FoundAttribution {
  return { content: [spanOf(text, content)], cue: cue ? spanOf(text, cue) : null, source: null, kind, rule: 'tagger', firstToken: 0 };
}

function contentText(text: string, found: FoundAttribution): string {
  return found.content.map((piece) => text.slice(piece.start, piece.end)).join(' || ');
}

const transcriptCases: [string, string, string, string][] = [
  ['a capitalised name and a colon', 'PENCE: Well, look, we will win this.', 'PENCE: Well, look, we will win this.', 'Well, look, we will win this.'],
  ['a quote mark before the name', '"WALLACE: Let’s start with the news.', '"WALLACE: Let’s start with the news.', 'Let’s start with the news.'],
];
for (const [name, text, content, expected] of transcriptCases) {
  test(`transcript line: ${name}`, () => {
    const found = splitTranscriptSpeaker(text, attribution(text, content, null));
    assert.equal(contentText(text, found), expected);
    assert.equal(found.cue ? text.slice(found.cue.start, found.cue.end) : '', ':');
  });
}

test('transcript line, none: a colon in mid-sentence is no speaker', () => {
  const text = 'The plan has one goal: growth.';
  const found = splitTranscriptSpeaker(text, attribution(text, 'one goal: growth', 'plan'));
  assert.equal(contentText(text, found), 'one goal: growth');
});

const prepositionCases: [string, string, string, string, string][] = [
  ['`supporter of` keeps its `of`', 'She has been a supporter of NATO and its allies.', 'of NATO and its allies', 'supporter', 'NATO and its allies'],
  ['`passionate about … than`', 'He is more passionate about tax than the war.', 'than the war', 'passionate about tax', 'the war'],
  ['`to` stays: PolNeAR starts contents with it', 'Trump promised to lift the rules.', 'to lift the rules', 'promised', 'to lift the rules'],
];
for (const [name, text, content, cue, expected] of prepositionCases) {
  test(`preposition to cue: ${name}`, () => assert.equal(contentText(text, prepositionToCue(text, attribution(text, content, cue))), expected));
}

const thatCases: [string, string, string, string, string][] = [
  ['the addressee of `told`', 'Trump told voters that the election was rigged.', 'voters that the election was rigged', 'told', 'that the election was rigged'],
  ['`told` with a longer addressee', 'He told a veterans group that the military is weak.', 'a veterans group that the military is weak', 'told', 'that the military is weak'],
  ['not after `said`', 'He said a report that troops left was false.', 'a report that troops left was false', 'said', 'a report that troops left was false'],
  ['the medium after `said on`', 'The ambassador said on X that Washington stood with its ally.', 'X that Washington stood with its ally', 'said on', 'that Washington stood with its ally'],
];
for (const [name, text, content, cue, expected] of thatCases) {
  test(`start at that: ${name}`, () => {
    const { tokens } = segment(text);
    assert.equal(contentText(text, startAtThat(text, tokens, attribution(text, content, cue))), expected);
  });
}

const sentenceCases: [string, string, string, string, string][] = [
  ['cue before: the first sentence stays', 'He said the vote was fair. Nobody else agreed with him.', 'the vote was fair. Nobody else agreed with him', 'said', 'the vote was fair.'],
  ['cue after: the last sentence stays', 'The talks ended. The deal is dead, she said.', 'The talks ended. The deal is dead', 'said', 'The deal is dead'],
  ['a quotation keeps its sentences', 'He said: “We won. They lost.”', '“We won. They lost.”', 'said', '“We won. They lost.”'],
];
for (const [name, text, content, cue, expected] of sentenceCases) {
  test(`sentence end: ${name}`, () => {
    const { tokens, paragraphs } = segment(text);
    const quoted = findQuotedSpans(text, splitAtLineBreaks(text, paragraphs)).spans;
    assert.equal(contentText(text, cutAtSentenceEnd(tokens, quoted, attribution(text, content, cue))), expected);
  });
}

test('asides: runs split by a comma aside become one content', () => {
  const text = 'The army said that the strike, which took place near Ubari, killed two men.';
  const { tokens } = segment(text);
  const run = (phrase: string): TagRun => {
    const span = spanOf(text, phrase);
    const first = tokens.findIndex((token) => token.start === span.start);
    const last = tokens.findIndex((token) => token.end === span.end);
    return { type: 'content', firstToken: first, lastToken: last, start: span.start, end: span.end };
  };
  const runs = [run('that the strike'), run('killed two men')];
  const tags = new Uint8Array(tokens.length);
  for (const item of runs) for (let index = item.firstToken; index <= item.lastToken; index++) tags[index] = index === item.firstToken ? Tag.BeginContent : Tag.InsideContent;
  const merged = mergeAcrossAsides(text, tokens, tags, runs);
  assert.deepEqual(merged.map((item) => text.slice(item.start, item.end)), ['that the strike, which took place near Ubari, killed two men']);
});

test('asides, none: runs in two sentences stay apart', () => {
  const text = 'He said that prices rose. Then, later, wages fell.';
  const { tokens } = segment(text);
  const make = (phrase: string): TagRun => {
    const span = spanOf(text, phrase);
    return { type: 'content', firstToken: tokens.findIndex((token) => token.start === span.start), lastToken: tokens.findIndex((token) => token.end === span.end), start: span.start, end: span.end };
  };
  const runs = [make('that prices rose'), make('wages fell')];
  assert.equal(mergeAcrossAsides(text, tokens, new Uint8Array(tokens.length), runs).length, 2);
});

const weakCases: [string, string, FoundAttribution, boolean][] = (() => {
  const text = 'The “reform” passed. He said it failed badly today. Officials: “We are leaving the city now.” The plan fails.';
  return [
    ['a short content with a rare cue word is dropped', text, attribution(text, 'The “reform”', 'passed', 'mixed'), false],
    ['a long content with a strong cue stays', text, attribution(text, 'it failed badly today', 'said'), true],
    ['a quotation without a cue stays', text, attribution(text, '“We are leaving the city now.”', null, 'direct'), true],
    ['an indirect content without a cue is dropped', text, attribution(text, 'The plan fails', null), false],
    ...(() => {
      const passive = 'Emergency care continued, but patients with planned surgeries were asked to stay home.';
      return [['who a passive cue was asked of is no content', passive, attribution(passive, 'surgeries', 'were asked'), false] as [string, string, FoundAttribution, boolean]];
    })(),
  ];
})();
/** {@link attribution} with its source. */
function withSource(text: string, content: string, cue: string, source: string, kind: FoundAttribution['kind'] = 'indirect'): FoundAttribution {
  return { ...attribution(text, content, cue, kind), source: spanOf(text, source) };
}

const subjectVerbObjectCases: [string, string, FoundAttribution, boolean][] = (() => {
  const reform = 'The “reform” passed the Senate on Friday.';
  const reuters = 'This is “the same lead she has held all month,” reported Reuters.';
  const passive = 'The issue was first reported by The Washington Post.';
  const according = 'He weighs 236 pounds according to his doctor.';
  const quoted = '“We will win” said Smith.';
  return [
    ['content, cue and source as subject, verb and object are dropped', reform, withSource(reform, 'The “reform”', 'passed', 'the Senate', 'mixed'), false],
    ['a content set off by a comma inside its closing quote mark stays', reuters, withSource(reuters, 'This is “the same lead she has held all month,”', 'reported', 'Reuters', 'mixed'), true],
    ['a passive with its agent stays', passive, withSource(passive, 'The issue', 'was first reported by', 'The Washington Post'), true],
    ['`according to` stays', according, withSource(according, 'He weighs 236 pounds', 'according to', 'his doctor'), true],
    ['a wholly quoted content stays', quoted, withSource(quoted, '“We will win”', 'said', 'Smith', 'direct'), true],
  ];
})();
for (const [name, text, item, kept] of subjectVerbObjectCases) {
  test(`weak attributions: ${name}`, () => {
    assert.equal(dropWeakAttributions(text, [item], () => 3).length, kept ? 1 : 0, contentText(text, item));
  });
}

const cueWordCases: [string, string, FoundAttribution, boolean][] = (() => {
  const police = 'Police fired tear gas at the crowd near the stadium. Critics asserted that the plan had failed badly.';
  const quoted = 'He fired back: “The plan has failed badly and everyone knows it.”';
  return [
    ['an indirect content after a word that is no cue is dropped, however long', police, attribution(police, 'tear gas at the crowd near the stadium', 'fired'), false],
    ['a listed speech verb keeps its content though rare in training', police, attribution(police, 'that the plan had failed badly', 'asserted'), true],
    ['a quotation keeps its content whatever the cue', quoted, attribution(quoted, '“The plan has failed badly and everyone knows it.”', 'fired', 'direct'), true],
  ];
})();
for (const [name, text, item, kept] of cueWordCases) {
  test(`weak attributions: ${name}`, () => {
    assert.equal(dropWeakAttributions(text, [item], () => 0).length, kept ? 1 : 0, contentText(text, item));
  });
}

test('weak attributions: a cue said not to have been used says nothing', () => {
  const text = 'The statement did not say whether any soldiers were hurt in the attack.';
  assert.equal(dropWeakAttributions(text, [attribution(text, 'whether any soldiers were hurt in the attack', 'say')], () => 3).length, 0);
  const said = 'The statement said that three soldiers were hurt in the attack.';
  assert.equal(dropWeakAttributions(said, [attribution(said, 'that three soldiers were hurt in the attack', 'said')], () => 3).length, 1);
});

test('weak attributions: a negated reply read as one cue says nothing; other negated cues stay (PolNeAR)', () => {
  const text = 'A lawyer for Queiroz did not immediately respond to a request for comment on the ruling.';
  assert.equal(dropWeakAttributions(text, [attribution(text, 'a request for comment on the ruling', 'did not immediately respond to')], () => 3).length, 0);
  const expect = 'Aides did not expect him to drag up the old dispute over trucks.';
  assert.equal(dropWeakAttributions(expect, [attribution(expect, 'him to drag up the old dispute over trucks', 'did not expect')], () => 3).length, 1);
});

test('weak attributions: what was fired is no claim even after a learned cue, what was fired back is', () => {
  const rockets = 'The group fired a barrage of rockets at southern towns on Thursday.';
  assert.equal(dropWeakAttributions(rockets, [attribution(rockets, 'a barrage of rockets at southern towns on Thursday', 'fired')], () => 2).length, 0);
  const back = 'The senator fired back that the plan would fail within a year.';
  assert.equal(dropWeakAttributions(back, [attribution(back, 'that the plan would fail within a year', 'fired back')], () => 2).length, 1);
});

for (const [name, text, item, kept] of weakCases) {
  test(`weak attributions: ${name}`, () => {
    const levels: Record<string, number> = { passed: 0, said: 3, asked: 3 };
    assert.equal(dropWeakAttributions(text, [item], (word) => levels[word] ?? 0).length, kept ? 1 : 0, contentText(text, item));
  });
}

const focusCases: [string, string, string, string, string][] = [
  ['a focus phrase closing the sentence joins', 'Officials voiced concerns about armed groups in the north, particularly in Mali.', 'armed groups in the north', 'voiced concerns about', 'armed groups in the north, particularly in Mali'],
  ['a cue after the phrase keeps it out', 'Prices rose in the north, especially in Mali, the minister said.', 'Prices rose in the north', 'said', 'Prices rose in the north'],
  ['no focus word, no change', 'Officials voiced concerns about armed groups in the north, and left.', 'armed groups in the north', 'voiced concerns about', 'armed groups in the north'],
];
for (const [name, text, content, cue, expected] of focusCases) {
  test(`focus phrase: ${name}`, () => {
    const { tokens } = segment(text);
    const tags = new Uint8Array(tokens.length);
    // The reporting clause after the phrase is tagged, as the tagger would.
    tokens.forEach((token, index) => {
      if (text.slice(token.start, token.end) === 'minister') tags[index] = Tag.BeginSource;
      if (text.slice(token.start, token.end) === 'said') tags[index] = Tag.BeginCue;
    });
    assert.equal(contentText(text, extendOverFocusPhrase(text, tokens, tags, attribution(text, content, cue))), expected);
  });
}

const closedQuoteCases: [string, string, string, string | null, string][] = [
  ['a question closes the quotation', 'Asked about the rule, she said "What rule?" and kept walking.', '"What rule?" and kept walking', 'said', '"What rule?"'],
  ['`as “…”` then the time of the report', 'The mayor described the budget as a “total mess” during a council meeting.', 'the budget as a “total mess” during a council meeting', 'described', 'the budget as a “total mess”'],
  ['`as “…”` then the rest of the content', 'She praised the law as a “fair deal” for the farmers of the valley.', 'the law as a “fair deal” for the farmers of the valley', 'praised', 'the law as a “fair deal” for the farmers of the valley'],
  ['a cue after the content fixes its end', 'The mayor, who was met with cries of "Resign!" at the town hall, is under pressure, union leaders said.', 'The mayor, who was met with cries of "Resign!" at the town hall, is under pressure', 'said', 'The mayor, who was met with cries of "Resign!" at the town hall, is under pressure'],
];
for (const [name, text, content, cue, expected] of closedQuoteCases) {
  test(`closed quote: ${name}`, () => {
    const { paragraphs } = segment(text);
    const quoted = findQuotedSpans(text, splitAtLineBreaks(text, paragraphs)).spans;
    assert.equal(contentText(text, endAtClosedQuote(text, quoted, attribution(text, content, cue, 'mixed'))), expected);
  });
}

/** Tags `phrases` (each `[phrase, tag type]`) on the tokens of `text`, all else O. */
/** A phrase of a test sentence and the tag it is given. */
type TaggedPhrase = [string, 'content' | 'cue' | 'source'];
/** [name, sentence, its tagged phrases, the attributions expected]. */
type TaggedCase = [string, string, TaggedPhrase[], string[]];

function tagPhrases(text: string, phrases: TaggedPhrase[]): { tokens: ReturnType<typeof segment>['tokens']; tags: Uint8Array } {
  const { tokens } = segment(text);
  const tags = new Uint8Array(tokens.length);
  const begin = { content: Tag.BeginContent, cue: Tag.BeginCue, source: Tag.BeginSource };
  const inside = { content: Tag.InsideContent, cue: Tag.InsideCue, source: Tag.InsideSource };
  for (const [phrase, type] of phrases) {
    // The phrase as whole words (`a` is not the `a` of `said`).
    const at = new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(text);
    assert.ok(at, `"${phrase}" not in "${text}"`);
    const span = { start: at.index, end: at.index + phrase.length };
    let first = true;
    tokens.forEach((token, index) => {
      if (token.start < span.start || token.end > span.end) return;
      tags[index] = first ? begin[type] : inside[type];
      first = false;
    });
  }
  return { tokens, tags };
}

const halvesCases: TaggedCase[] = [
  [
    'the halves of one quote around its cue are one attribution',
    '“It is over,” she said. “We lost.”',
    [['“It is over,”', 'content'], ['she', 'source'], ['said', 'cue'], ['“We lost.”', 'content']],
    ['“It is over,” || “We lost.” (said)'],
  ],
  [
    'two quotes a clause apart are two attributions',
    '“Keep your hands up,” she sings to the crowd before asking them, “Where do we go now?”',
    [['“Keep your hands up,”', 'content'], ['she', 'source'], ['asking', 'cue'], ['“Where do we go now?”', 'content']],
    ['“Keep your hands up,” ()', '“Where do we go now?” (asking)'],
  ],
];
for (const [name, text, phrases, expected] of halvesCases) {
  test(`split quotes: ${name}`, () => {
    const { tokens, tags } = tagPhrases(text, phrases);
    const lines = splitAtLineBreaks(text, segment(text).paragraphs);
    const quoted = findQuotedSpans(text, lines).spans;
    const found = findAttributions(text, tokens, lines, tags, quoted);
    assert.deepEqual(found.map((item) => `${contentText(text, item)} (${item.cue ? text.slice(item.cue.start, item.cue.end) : ''})`), expected);
  });
}

/** Each attribution as `content (cue; source)`. */
function describeAll(text: string, found: readonly FoundAttribution[]): string[] {
  const slice = (span: Span | null): string => (span ? text.slice(span.start, span.end) : '');
  return found.map((item) => `${contentText(text, item)} (${slice(item.cue)}; ${slice(item.source)})`);
}

function findTagged(text: string, phrases: TaggedPhrase[], cueLevel?: (word: string) => number): FoundAttribution[] {
  const { tokens, tags } = tagPhrases(text, phrases);
  const lines = splitAtLineBreaks(text, segment(text).paragraphs);
  return findAttributions(text, tokens, lines, tags, findQuotedSpans(text, lines).spans, cueLevel);
}

const sourceCases: TaggedCase[] = [
  [
    'a reduced relative read as determiner, noun and clause',
    'Fishermen said boats were lost, a claim the navy denied.',
    [['Fishermen', 'source'], ['said', 'cue'], ['boats were lost', 'content'], ['a', 'source'], ['claim', 'cue'], ['the navy denied', 'content']],
    ['boats were lost (said; Fishermen)', 'a claim (denied; the navy)'],
  ],
  [
    'a relative clause closed before the cue speaks for its noun phrase',
    'The fishermen, who declined to give their names, said the catch fell.',
    [['The fishermen', 'source'], ['who declined to give their names,', 'source'], ['said', 'cue'], ['the catch fell', 'content']],
    ['the catch fell (said; The fishermen)'],
  ],
  [
    'the untagged noun phrase before a closed relative clause speaks',
    'The fishermen, who declined to give their names, said the catch fell.',
    [['who', 'source'], ['said', 'cue'], ['the catch fell', 'content']],
    ['the catch fell (said; The fishermen)'],
  ],
  [
    '`X, who said …`: the pronoun is the source (PolNeAR)',
    'Mr. Odhiambo, who said the catch fell, left early.',
    [['who', 'source'], ['said', 'cue'], ['the catch fell', 'content']],
    ['the catch fell (said; who)'],
  ],
];
for (const [name, text, phrases, expected] of sourceCases) {
  test(`sources: ${name}`, () => assert.deepEqual(describeAll(text, findTagged(text, phrases)), expected));
}

test('sources, none: a reduced relative whose verb is not a cue stays as tagged', () => {
  const text = 'Fishermen said boats were lost, a report the navy printed.';
  const found = findTagged(text, [['Fishermen', 'source'], ['said', 'cue'], ['boats were lost', 'content'], ['a', 'source'], ['report', 'cue'], ['the navy printed', 'content']]);
  // The lone determiner is still never the source: the one before it in the sentence is taken.
  assert.deepEqual(describeAll(text, found), ['boats were lost (said; Fishermen)', 'the navy printed (report; Fishermen)']);
});

test('comma clause: a phrase of circumstance after `X said,` is an aside, the clause before is content', () => {
  const text = 'A flood cut the main road near the port on Sunday, the Kenyan Navy said, in the second such flood this year.';
  const found = findTagged(text, [['A flood cut', 'source'], ['the Kenyan Navy', 'source'], ['said', 'cue'], ['in the second such flood this year', 'content']]);
  // The aside stands alone, with no cue, and is dropped as weak.
  assert.deepEqual(describeAll(text, dropWeakAttributions(text, found, () => 3)), ['A flood cut the main road near the port on Sunday (said; the Kenyan Navy)']);
});

const trailingCases: TaggedCase[] = [
  [
    'a medium after `said on` (cue and content as the tagger read them)',
    'Rescuers pulled 18 people from the rubble, regional governor Oleh Kiper said on the Telegram messaging app.',
    [['Rescuers pulled 18 people from the rubble', 'content'], ['regional governor Oleh Kiper', 'source'], ['said on', 'cue'], ['the Telegram messaging app', 'content']],
    ['Rescuers pulled 18 people from the rubble (said; regional governor Oleh Kiper)'],
  ],
  [
    'whom a telling cue told, closing the sentence',
    'The workers were taken from the mine shortly before dawn, Attorney General Gustavo Salas told local radio.',
    [['Attorney General Gustavo Salas', 'source'], ['told', 'cue']],
    ['The workers were taken from the mine shortly before dawn (told; Attorney General Gustavo Salas)'],
  ],
  [
    'a clause of time after `said`, the clause before untagged',
    'Lessa received 78 years, while Queiroz got 59 years, Justice Alexandre de Moraes said as he read the ruling.',
    [['Justice Alexandre de Moraes', 'source'], ['said', 'cue'], ['as he read the ruling', 'content']],
    ['Lessa received 78 years, while Queiroz got 59 years (said; Justice Alexandre de Moraes)'],
  ],
];
for (const [name, text, phrases, expected] of trailingCases) {
  test(`comma clause, trailing phrase: ${name}`, () => assert.deepEqual(describeAll(text, dropWeakAttributions(text, findTagged(text, phrases), () => 3)), expected));
}

test('comma clause, trailing phrase, none: a fronted phrase, a `that` clause after the phrase, a phrasal verb', () => {
  const fronted = 'In an interview, Durbin said on Thursday he had sent a letter.';
  assert.deepEqual(describeAll(fronted, findTagged(fronted, [['Durbin', 'source'], ['said', 'cue'], ['he had sent a letter', 'content']])), ['he had sent a letter (said; Durbin)']);
  const that = 'Before officials spoke, Trump said at an event in Colorado that a bomb had gone off.';
  assert.deepEqual(describeAll(that, findTagged(that, [['Trump', 'source'], ['said', 'cue'], ['that a bomb had gone off', 'content']])), ['that a bomb had gone off (said; Trump)']);
  const called = 'The mayor called on residents to stay home.';
  assert.deepEqual(describeAll(called, findTagged(called, [['The mayor', 'source'], ['called on', 'cue'], ['residents to stay home', 'content']])), ['residents to stay home (called on; The mayor)']);
});

test('claim appositives: `…, a claim the navy denied.` is found when the tagger left it out', () => {
  const text = 'Fishermen said boats were lost, a claim the navy denied.';
  const found = findTagged(text, [['Fishermen', 'source'], ['said', 'cue'], ['boats were lost', 'content']]);
  assert.deepEqual(describeAll(text, found), ['boats were lost (said; Fishermen)', 'a claim (denied; the navy)']);
});

test('claim appositives: the pronoun is the content, the adverb joins the cue, the noun read as a cue yields', () => {
  const text = 'Fishermen say boats were lost, a claim that the harbour office strongly disputes.';
  const tagged: TaggedPhrase[] = [['Fishermen', 'source'], ['say', 'cue'], ['boats were lost', 'content'], ['a claim', 'cue'], ['that the harbour office strongly disputes', 'content']];
  const found = findTagged(text, tagged, (word) => (word === 'disputes' ? 1 : 0));
  assert.deepEqual(describeAll(text, found), ['boats were lost (say; Fishermen)', 'that (strongly disputes; the harbour office)']);
});

test('claim appositives: a content run over the comma ends before it', () => {
  const text = 'Fishermen said boats were lost, a claim the navy denied.';
  const found = findTagged(text, [['Fishermen', 'source'], ['said', 'cue'], ['boats were lost, a claim the navy denied', 'content']]);
  assert.deepEqual(describeAll(text, found), ['boats were lost (said; Fishermen)', 'a claim (denied; the navy)']);
});

test('claim appositives, none: inside a quotation, after a complement, or with a verb never a cue', () => {
  const cases: [string, TaggedPhrase[]][] = [
    ['“Boats were lost, a claim the navy denied,” a fisherman said.', [['“Boats were lost, a claim the navy denied,”', 'content'], ['a fisherman', 'source'], ['said', 'cue']]],
    ['Forget the rumours, the story of the harbour issue.', []],
    ['Boats were lost, a report the navy printed.', []],
  ];
  for (const [text, tagged] of cases) {
    const found = findTagged(text, tagged, (word) => (word === 'issue' ? 1 : 0));
    assert.ok(found.every((item) => item.rule !== 'claim-appositive'), describeAll(text, found).join('; '));
  }
});

test('what the tagger reads as content right after "according to" is its source, and a cue left without content is dropped', () => {
  // A comma before the cue: the clause before it is the content.
  const withComma = 'The cabinet put wages first, according to the Herald.';
  assert.deepEqual(describeAll(withComma, findTagged(withComma, [['according to', 'cue'], ['the Herald', 'content']])), ['The cabinet put wages first (according to; )']);
  // No clause to take: no attribution, and no crash (a cue kept with no content broke the finder).
  const without = 'Wages came first according to the Herald.';
  assert.deepEqual(findTagged(without, [['according to', 'cue'], ['the Herald', 'content']]), []);
});

test('sources: a source read inside a relative clause closed before the cue gives way to the clause’s noun phrase', () => {
  const text = 'Treasury Secretary Steven Mnuchin, who has led talks for the White House, said a deal was close.';
  assert.deepEqual(describeAll(text, findTagged(text, [['the White House', 'source'], ['said', 'cue'], ['a deal was close', 'content']])), ['a deal was close (said; Treasury Secretary Steven Mnuchin)']);
});


test('a clause the narrator adds after the reporting clause is not content', () => {
  const text = 'A quake struck eastern Turkey on Tuesday, killing at least 40 people, the agency said, as rescuers dug through the rubble.';
  const { tokens } = segment(text);
  const found = { ...withSource(text, 'killing at least 40 people', 'said', 'the agency'), content: [spanOf(text, 'killing at least 40 people'), spanOf(text, 'as rescuers dug through the rubble')] };
  const cut = dropNarrativeTail(text, tokens, found);
  assert.equal(contentText(text, cut), 'killing at least 40 people');
  // The participle clause is the end of the content: it starts with the sentence.
  assert.equal(contentText(text, startParticipleAtSentence(text, tokens, cut)), 'A quake struck eastern Turkey on Tuesday, killing at least 40 people');
});

test('when only the narrator\'s clause was content, the clause before the source is', () => {
  const text = 'Police arrested the opposition leader at his home on Friday, his party said, prompting clashes in several cities.';
  const { tokens } = segment(text);
  const found = withSource(text, 'prompting clashes in several cities', 'said', 'his party');
  assert.equal(contentText(text, dropNarrativeTail(text, tokens, found)), 'Police arrested the opposition leader at his home on Friday');
  // A clause with a quote mark in it is left alone.
  const quotedText = 'He called it “a farce” on Friday, his party said, prompting clashes.';
  const quotedFound = withSource(quotedText, 'prompting clashes', 'said', 'his party');
  assert.equal(contentText(quotedText, dropNarrativeTail(quotedText, segment(quotedText).tokens, quotedFound)), 'prompting clashes');
});

test('an appositive ranking the event is the narrator\'s when it is all the content', () => {
  const text = 'Gunmen abducted 30 students on Wednesday, police said, the latest in a wave of kidnappings.';
  const { tokens } = segment(text);
  const found = withSource(text, 'the latest in a wave of kidnappings', 'said', 'police');
  assert.equal(contentText(text, dropNarrativeTail(text, tokens, found)), 'Gunmen abducted 30 students on Wednesday');
  // With other content it stays (PolNeAR: "officials said, the first by a consular officer").
  const both = { ...found, content: [spanOf(text, 'Gunmen abducted 30 students on Wednesday'), spanOf(text, 'the latest in a wave of kidnappings')] };
  assert.equal(dropNarrativeTail(text, tokens, both), both);
});

test('a content that ends a few characters short of the comma before its source ends at the comma, and starts with its sentence', () => {
  const text = 'The storm made landfall near Perry at about 11 p.m. with winds of 140 mph (225 km per hour), the hurricane center said.';
  const { tokens } = segment(text);
  const short = withSource(text, 'about 11 p.m. with winds of 140 mph (225 km per', 'said', 'the hurricane center');
  assert.equal(contentText(text, startParticipleAtSentence(text, tokens, short)), 'The storm made landfall near Perry at about 11 p.m. with winds of 140 mph (225 km per hour)');
});

test('a content read from inside a clause starts with its sentence; after a comma or a connective it stays', () => {
  const text = 'Russia fired 40 missiles at Ukraine overnight, striking a plant in Kyiv and cutting power to homes, officials said. In fact, the grid held, engineers said.';
  const { tokens } = segment(text);
  const inside = withSource(text, 'Kyiv and cutting power to homes', 'said', 'officials');
  assert.equal(contentText(text, startParticipleAtSentence(text, tokens, inside)), 'Russia fired 40 missiles at Ukraine overnight, striking a plant in Kyiv and cutting power to homes');
  const afterComma = withSource(text, 'the grid held', 'said', 'engineers');
  assert.equal(contentText(text, startParticipleAtSentence(text, tokens, { ...afterComma, cue: spanOf(text, 'said', 2) })), 'the grid held');
});

test('a weapon verb read as a cue yields to the reporting verb before the source', () => {
  const text = 'The attackers arrived on motorcycles and shot a security guard before forcing the students into a forest, said Mohammed Jalige.';
  const { tokens } = segment(text);
  const found = withSource(text, 'a security guard before forcing the students into a forest', 'shot', 'Mohammed Jalige');
  const fixed = weaponCueToReport(text, tokens, found);
  assert.equal(contentText(text, fixed), 'The attackers arrived on motorcycles and shot a security guard before forcing the students into a forest');
  assert.equal(text.slice(fixed.cue!.start, fixed.cue!.end), 'said');
});

test('a verb of force whose object is a place is force, not words', () => {
  const text = 'Hamas-led gunmen attacked southern Israel on Oct. 7. Trump attacked Clinton over her record.';
  const places = [{ start: text.indexOf('Israel'), end: text.indexOf('Israel') + 6, type: 'LOC' as const }];
  const force = withSource(text, 'southern Israel', 'attacked', 'Hamas-led gunmen');
  const words = withSource(text, 'Clinton over her record', 'attacked', 'Trump');
  assert.deepEqual(dropPhysicalAttacks(text, [{ ...force, content: [spanOf(text, 'southern Israel')] }, words], places).map((item) => contentText(text, item)), ['Clinton over her record']);
});

test('a source run that opens with a count and holds a comma starts after its last comma', () => {
  const text = 'Police opened fire on protesters, killing at least five people, a coalition of rights groups said.';
  const found = findTagged(text, [['at least five people, a coalition of rights groups', 'source'], ['said', 'cue']]);
  assert.deepEqual(describeAll(text, found), ['Police opened fire on protesters, killing at least five people (said; a coalition of rights groups)']);
  const apposition = '"We need him," his wife, Mariana, wrote.';
  assert.deepEqual(describeAll(apposition, findTagged(apposition, [['"We need him,"', 'content'], ['his wife, Mariana', 'source'], ['wrote', 'cue']])), ['"We need him," (wrote; his wife, Mariana)']);
});

test('a quotation closed on a comma and followed by a few words ends there: the words are its speaker', () => {
  const text = '“The situation is dire,” the official, who asked not to be named, told Reuters.';
  const found = findTagged(text, [['“The situation is dire,” the official', 'content'], ['who asked not to be named,', 'source'], ['told', 'cue']]);
  assert.deepEqual(found.map((item) => contentText(text, item)), ['“The situation is dire,”']);
  const subject = '"Tell your story," is very thoughtful, she said.';
  const kept = findTagged(subject, [['"Tell your story," is very thoughtful', 'content'], ['she', 'source'], ['said', 'cue']]);
  assert.deepEqual(kept.map((item) => contentText(subject, item)), ['"Tell your story," is very thoughtful']);
});

test('clauseOutOfCue: the clause opening after a verb of saying goes to the content; `said in` and `told the` stay cues', () => {
  const span = (text: string, part: string): Span => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const attribution = (text: string, cue: string, content: string): FoundAttribution => ({ content: [span(text, content)], cue: span(text, cue), source: span(text, 'Syniehubov'), kind: 'indirect', rule: 'tagger', firstToken: 0 });
  const text = 'Gov. Oleh Syniehubov said a guided bomb hit a residential building.';
  const moved = clauseOutOfCue(text, attribution(text, 'said a guided bomb hit', 'a residential building'));
  assert.equal(text.slice(moved.cue!.start, moved.cue!.end), 'said');
  assert.equal(text.slice(moved.content[0]!.start, moved.content[0]!.end), 'a guided bomb hit a residential building');
  const medium = 'Syniehubov said in a statement the bomb hit a building.';
  const kept = attribution(medium, 'said in a statement', 'the bomb hit a building');
  assert.equal(clauseOutOfCue(medium, kept), kept);
  const told = 'Syniehubov told the AP the bomb hit a building.';
  const tellKept = attribution(told, 'told the AP', 'the bomb hit a building');
  assert.equal(clauseOutOfCue(told, tellKept), tellKept);
});

test('comma clause: what results showed on a day, narration after the comma, reports the clause before', () => {
  const text = "The ruling party won 150 of the 200 seats in Sunday's election, official results showed on Monday, giving the president a free hand.";
  const found = findTagged(text, [['official results', 'source'], ['showed', 'cue'], ['giving the president a free hand', 'content']]);
  // (The tail is left with no cue: the weak-attribution filter drops it.)
  assert.deepEqual(describeAll(text, found.filter((item) => item.cue)), ["The ruling party won 150 of the 200 seats in Sunday's election (showed; official results)"]);
});

test('a relative pronoun a content ran into, its clause left out, is cut', () => {
  const text = 'He said he had asked the president for aid, which the White House approved.';
  const found = cutMediumTail(text, withSource(text, 'he had asked the president for aid, which', 'said', 'He'));
  assert.equal(contentText(text, found), 'he had asked the president for aid');
});
