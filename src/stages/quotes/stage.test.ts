import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Doc, Quote } from '../../doc/schema.js';
import { entitiesStage } from '../entities/stage.js';
import { normalizeText } from '../normalize/normalize.js';
import { segment } from '../segment/segment.js';
import { findMedium } from './speaker-resolver.js';
import { findQuotes } from './stage.js';
import { loadQuoteTagger } from './tagger.js';

const model = loadQuoteTagger();
const entityResource = entitiesStage.load?.();

interface Analysed {
  readonly text: string;
  readonly quotes: Quote[];
  readonly entityName: (id: string | null) => string;
  readonly diagnostics: string[];
}

function analyse(text: string): Analysed {
  const segmentation = segment(text);
  const layers = entitiesStage.run({ text, ...segmentation } as unknown as Doc, entityResource, {});
  const mentions = layers.mentions ?? [];
  const entities = layers.entities ?? [];
  const found = findQuotes({ text, ...segmentation, mentions, entities }, model);
  return {
    text,
    quotes: found.quotes,
    entityName: (id) => entities.find((entity) => entity.id === id)?.name ?? 'null',
    diagnostics: found.diagnostics.map((item) => item.rule),
  };
}

/** `content || pieces` [kind] speaker=`span` → entity name, as text, for readable failures. */
function describe(result: Analysed, quote: Quote): string {
  const slice = (span: { start: number; end: number } | null): string => (span ? result.text.slice(span.start, span.end) : '');
  return `${quote.content.map(slice).join(' || ')} [${quote.kind}] speaker=${slice(quote.speaker)} → ${result.entityName(quote.speakerEntity)} cue=${slice(quote.cue)} medium=${slice(quote.medium)}`;
}

interface Expected {
  /** A phrase the content must contain. */
  readonly content: string;
  readonly kind?: Quote['kind'];
  /** Name of the speaker entity. */
  readonly speaker?: string;
  readonly medium?: string;
}

const positive: [string, string, Expected][] = [
  ['direct quote before the cue', '“We will rebuild the bridge by spring,” Mayor John Carver told reporters on Monday.', { content: 'rebuild the bridge', kind: 'direct', speaker: 'John Carver', medium: 'reporters' }],
  ['direct quote after the cue', 'Maria Lopez said: “The factory will close next year.”', { content: 'factory will close', kind: 'direct', speaker: 'Maria Lopez' }],
  ['indirect speech with that', 'Senator Paul Hendricks said that the bill would fail in the House.', { content: 'the bill would fail', kind: 'indirect', speaker: 'Paul Hendricks' }],
  ['indirect speech without that', 'Angela Merkel said the talks were over.', { content: 'talks were over', kind: 'indirect', speaker: 'Angela Merkel' }],
  ['mixed quote', 'Peter Olsen said the plan was “a disaster for the whole region.”', { content: 'a disaster for the whole region', kind: 'mixed', speaker: 'Peter Olsen' }],
  ['medium after told', '“The vote was rigged,” Ahmed Karimi told CNN.', { content: 'The vote was rigged', speaker: 'Ahmed Karimi', medium: 'CNN' }],
  ['a statement as medium', 'The World Bank said in a statement that growth would slow this year.', { content: 'growth would slow', speaker: 'World Bank', medium: 'a statement' }],
  ['a nationality speaks for the person just quoted', 'Coach Carlo Ancelotti admitted his side had been outplayed. “They were better than us,” the Italian said.', { content: 'They were better than us', kind: 'direct', speaker: 'Carlo Ancelotti' }],
  ['a region that opens the sentence speaks by its name', 'The Capital Region, which runs 11 hospitals in and around Copenhagen, said its patient records system had been offline since Sunday evening.', { content: 'patient records system', kind: 'indirect', speaker: 'Capital Region' }],
  ['according to at the end: the content is the whole clause before, not its last comma phrase', 'More than 10,000 people fled the town towards El Fasher, the state capital, about 180 km to the west, according to the International Organization for Migration.', { content: 'More than 10,000 people fled the town towards El Fasher, the state capital, about 180 km', kind: 'indirect', speaker: 'International Organization for Migration' }],
  ['according to at the end: a subject the tagger left out belongs to the content', 'Israel\'s military campaign has since killed more than 44,000 Palestinians, according to the Gaza health ministry.', { content: 'Israel\'s military campaign has since killed', kind: 'indirect' }],
  ['a statement on a medium: the content starts at `that`', 'The Rapid Support Forces said in a statement on Telegram that its fighters had taken the town.', { content: 'that its fighters had taken the town', kind: 'indirect', speaker: 'Rapid Support Forces' }],
  ['a name right after a cue that has its source opens the content', 'Judge Ines Rojas said Toledo, who governed Peru from 2001 to 2006, had received $35 million from the firm.', { content: 'Toledo, who governed Peru', kind: 'indirect', speaker: 'Ines Rojas' }],
  ['an age stands for the person just named', 'The victim\'s lawyer, Ester Garcia, welcomed the ruling. “Today is a good day for all women,” the 52-year-old said.', { content: 'Today is a good day', kind: 'direct', speaker: 'Ester Garcia' }],
  ['according to at the end: the source is not the content', 'At least 24 people have been killed since the fires began in September, according to the New South Wales Rural Fire Service.', { content: 'At least 24 people have been killed', kind: 'indirect', speaker: 'New South Wales Rural Fire Service' }],
];

for (const [name, text, expected] of positive) {
  test(`quotes: ${name}`, () => {
    const result = analyse(text);
    // No quote's content lies inside its own speaker.
    for (const quote of result.quotes) {
      const speaker = quote.speaker;
      if (speaker) assert.ok(!quote.content.every((piece) => speaker.start - 4 <= piece.start && piece.end <= speaker.end), describe(result, quote));
    }
    const quote = result.quotes.find((item) => item.content.some((piece) => result.text.slice(piece.start, piece.end).includes(expected.content)));
    assert.ok(quote, `no quote holding "${expected.content}" in: ${result.quotes.map((item) => describe(result, item)).join('; ') || 'none'}`);
    const described = describe(result, quote);
    if (expected.kind) assert.equal(quote.kind, expected.kind, described);
    if (expected.speaker) assert.equal(result.entityName(quote.speakerEntity), expected.speaker, described);
    if (expected.medium) assert.equal(quote.medium ? text.slice(quote.medium.start, quote.medium.end) : '', expected.medium, described);
  });
}

const negative: [string, string][] = [
  ['a plain event sentence', 'The storm destroyed three houses near the coast on Tuesday.'],
  ['a number with no speaker', 'Prices rose by 3 percent in the second quarter.'],
  ['rockets fired by the thousand, and an attack on a region joined to another verb', 'Hezbollah has fired thousands of rockets and drones into northern Israel since Oct. 8, a day after Hamas attacked southern Israel and triggered the war in Gaza.'],
  ['what was not done', 'But they failed to agree on a 50 billion euro aid package for Ukraine.'],
  ['a mistrial declared on a charge', 'Judge Charlaine Olmedo declared a mistrial on that charge.'],
  ['a bill’s sponsor', 'Councilmember Dan Kalb, who sponsored the measure, voted for it.'],
  ['signs an economy showed', 'The bank cut rates as the bloc\'s economy showed fresh signs of weakness.'],
  ['a scare quote of one word', 'The “reform” passed the Senate on Friday.'],
  ['a summons and a worry for someone', 'Officers were called to an address on Harehills Lane after concerns were raised for the welfare of a woman.'],
  ['what a search found', 'Rescuers found the body of an elderly woman in her flooded basement on Friday morning.'],
  ['another name', 'Odebrecht, now known as Novonor, grew fast in the 2000s across Latin America.'],
  ['a name a group goes by locally', 'Armed gangs known locally as bandits have for years kidnapped villagers for ransom in the northwest.'],
  ['a state proclaimed', 'Governor Somchai Qarnawat declared the capital an emergency zone on Friday, and the president declared martial law late at night.'],
  ['an order issued', 'U.S. District Judge Loren Qarnawat issued the temporary restraining order minutes before the freeze was set to take effect.'],
  ['a winner proclaimed, with a clause about the result after it', 'The electoral authority declared President Qarnawat the winner of the election, a result the opposition rejected.'],
  ['a level', 'The country owes much, with its debt, which stands at about 70% of output, still rising.'],
  ['the terms of anonymity', 'The man, a farmer from the village, asked not to be named for his safety.'],
  ['whom a passive cue was asked of', 'Emergency care continued, but patients with planned surgeries were asked to stay home.'],
  ['a filing in the passive', 'A preliminary settlement was filed on Tuesday night in the federal court in Oakland and requires approval by a judge.'],
  ['a naming in the passive', 'Peter Santilli, a right-wing talk-show host, was named last week in a grand jury indictment involving the takeover of the refuge.'],
  ['the agent of a passive cue', 'Voters had been angered by the worst economic crisis in a generation.'],
  ['a verdict, and what one is considered for', 'Pike was found guilty last month of murdering the shopkeeper and must serve 24 years before he can be considered for parole.'],
  ['a source that is no one', 'No group immediately claimed responsibility for the attack on the army base.'],
  ['a participle after a determiner, a noun after its article', 'There is no approved vaccine or treatment. Profit fell, hit by a recall of several hybrid models.'],
];

for (const [name, text] of negative) {
  test(`quotes, none: ${name}`, () => {
    const result = analyse(text);
    assert.deepEqual(result.quotes.map((quote) => describe(result, quote)), []);
  });
}

test('quotes: a cue split quote is one attribution in pieces', () => {
  const result = analyse('“We are not leaving,” Sarah Briggs said. “Not now, not ever, whatever they offer us.”');
  assert.equal(result.quotes.length, 1, result.quotes.map((quote) => describe(result, quote)).join('; '));
  assert.equal(result.quotes[0]?.content.length, 2, describe(result, result.quotes[0]!));
});

test('quotes: a quotation that ends its own sentence is not the first half of the next one', () => {
  // `“…,” she said. “…”` is one quotation in two pieces; `“….” she said. “…”` and a quotation
  // that closed its sentence before the cue's are two.
  const complete = analyse('“The water reached the second floor.” Maria Lopez said. “We have nothing left to go back to.”');
  assert.equal(complete.quotes.filter((quote) => quote.kind === 'direct').length, 2, complete.quotes.map((quote) => describe(complete, quote)).join('; '));
  const earlier = analyse('I had to change my answer: “Of course we will stay. I was only joking.” To which Maria Lopez said, “Thank goodness you are still here with us.”');
  const answer = earlier.quotes.find((quote) => quote.content.some((piece) => earlier.text.slice(piece.start, piece.end).includes('Thank goodness')));
  assert.ok(answer, earlier.quotes.map((quote) => describe(earlier, quote)).join('; '));
  assert.ok(!answer.content.some((piece) => earlier.text.slice(piece.start, piece.end).includes('joking')), describe(earlier, answer));
});

test('quotes: a description and a later `added` resolve to the same person', () => {
  const result = analyse('“The border is closed,” Interior Minister Omar Haddad told reporters.\n\n“Nobody will cross it this week,” the minister added.');
  const speakers = result.quotes.map((quote) => result.entityName(quote.speakerEntity));
  assert.deepEqual(speakers, ['Omar Haddad', 'Omar Haddad'], result.quotes.map((quote) => describe(result, quote)).join('; '));
});

test('quotes: `the statement added` speaks for the organisation that issued the statement', () => {
  const result = analyse('The Red Cross said in a statement that two of its workers were hurt.\n\n“Our teams will keep working in the area,” the statement added.');
  const last = result.quotes[result.quotes.length - 1];
  assert.ok(last);
  assert.equal(result.entityName(last.speakerEntity), 'Red Cross', describe(result, last));
});

test('quotes: `a resident reached by phone` is someone new, not how he was reached nor the speaker before', () => {
  const result = analyse('“The town is ours,” army spokesman Nabil Abdallah told reporters.\n\nA resident reached by phone said fighters had looted the market.');
  const quote = result.quotes.find((item) => result.text.slice(item.start, item.end).includes('looted'));
  assert.ok(quote, result.quotes.map((item) => describe(result, item)).join('; '));
  assert.equal(quote.speaker ? result.text.slice(quote.speaker.start, quote.speaker.end) : '', 'A resident', describe(result, quote));
  assert.equal(quote.speakerEntity, null, describe(result, quote));
});

test('quotes: an object pronoun or a conjunction is no speaker', () => {
  const result = analyse('A petition calling on him to be banned from the United Kingdom has reached a record 500,000 signatures.');
  for (const quote of result.quotes) assert.ok(!quote.speaker || !/^(?:him|or)$/i.test(result.text.slice(quote.speaker.start, quote.speaker.end).trim()), describe(result, quote));
});

test('quotes: the day of the saying goes with the cue, not the content', () => {
  const result = analyse('The ministry said Friday the toll from the floods had risen to 40.');
  const quote = result.quotes.find((item) => result.text.slice(item.start, item.end).includes('toll'));
  assert.ok(quote, result.quotes.map((item) => describe(result, item)).join('; '));
  assert.equal(result.text.slice(quote.content[0]!.start, quote.content[0]!.end), 'the toll from the floods had risen to 40', describe(result, quote));
});

test('quotes: a cue that closes the sentence reports the whole clause before its source', () => {
  const result = analyse('Riot police used batons and water cannon to disperse several hundred protesters who gathered on the square chanting slogans, a police spokesman said.');
  const quote = result.quotes[0];
  assert.ok(quote, 'no quote');
  assert.equal(result.text.slice(quote.content[0]!.start, quote.content.at(-1)!.end), 'Riot police used batons and water cannon to disperse several hundred protesters who gathered on the square chanting slogans', describe(result, quote));
});

test('quotes: the day of the saying closing the sentence leaves the whole clause before its source as content', () => {
  const result = analyse('The satellites separated about three hours and 40 minutes later and are working normally, ESA said early Saturday.');
  const quote = result.quotes[0];
  assert.ok(quote, 'no quote');
  assert.equal(result.text.slice(quote.content[0]!.start, quote.content.at(-1)!.end), 'The satellites separated about three hours and 40 minutes later and are working normally', describe(result, quote));
});

test('quotes: who leads a group named as the source is not the speaker', () => {
  const result = analyse('The Rapid Support Forces (RSF), led by Mohamed Hamdan Dagalo, said its fighters remained in the area and had killed dozens of soldiers.');
  const quote = result.quotes[0];
  assert.ok(quote, 'no quote');
  assert.equal(result.entityName(quote.speakerEntity), 'Rapid Support Forces', describe(result, quote));
});

test('quotes: a description set off after a name is that person; a body named after `his party` speaks', () => {
  const result = analyse('Former Prime Minister Imran Khan leads the party. His party, Pakistan Tehreek-e-Insaf, said it would hold rallies on Friday. Omar Ayub Khan, the opposition leader in the National Assembly, called the ban "an attack on freedom of expression".');
  const rallies = result.quotes.find((quote) => result.text.slice(quote.start, quote.end).includes('rallies'));
  assert.equal(rallies && result.entityName(rallies.speakerEntity), 'Pakistan Tehreek-e-Insaf', rallies && describe(result, rallies));
  const ban = result.quotes.find((quote) => result.text.slice(quote.start, quote.end).includes('the ban'));
  assert.equal(ban && result.entityName(ban.speakerEntity), 'Omar Ayub Khan', ban && describe(result, ban));
});

test('quotes: a person named after a possessor speaks, not the possessor', () => {
  const result = analyse('In a statement read outside court, Mr Qureshi\'s daughter Sana said the family had lost "the kindest man we knew".');
  const quote = result.quotes[0];
  assert.ok(quote, 'no quote');
  assert.equal(quote.speaker && result.text.slice(quote.speaker.start, quote.speaker.end), "Mr Qureshi's daughter Sana", describe(result, quote));
  assert.equal(result.entityName(quote.speakerEntity), 'Sana', describe(result, quote));
});

test('quotes: a plural description is a group, not the person named before', () => {
  const result = analyse('“The border stays closed,” Interior Minister Omar Haddad told reporters.\n\nUS military officials have expressed concerns about the growing strength of armed groups in the north, particularly in Mali.');
  const quote = result.quotes.find((item) => result.text.slice(item.start, item.end).includes('growing strength'));
  assert.ok(quote, result.quotes.map((item) => describe(result, item)).join('; '));
  assert.equal(quote.speakerEntity, null, describe(result, quote));
});

test('quotes: unbalanced marks give a diagnostic, not a crash', () => {
  const result = analyse('“This sentence never closes, said Tom Hale.\n\nAnother paragraph follows.');
  assert.ok(result.diagnostics.includes('quote-marks/unclosed'));
});

test('medium: `told CNN` and `said in a statement`', () => {
  const cases: [string, string, string][] = [
    ['Mack told CNN.', 'told', 'CNN'],
    ['The army said in a statement Wednesday that', 'said', 'a statement'],
    ['She said in its statement confirming', 'said', 'its statement'],
  ];
  for (const [text, cue, medium] of cases) {
    const start = text.indexOf(cue);
    const span = findMedium(text, { start, end: start + cue.length });
    assert.equal(span ? text.slice(span.start, span.end) : '', medium, text);
  }
});

const seedPath = join(process.cwd(), '..', 'shared', 'examples', 'seed-article.txt');

test('quotes: every quotation of the seed article has its speaker', { skip: !existsSync(seedPath) }, () => {
  const text = normalizeText(readFileSync(seedPath, 'utf8')).text;
  const result = analyse(text);
  const expectations: [string, string][] = [
    ['This is the first precision airstrike', 'Robyn Mack'],
    ['two al Qaeda terrorists', 'Africa Command'],
    ['Dawud trained', 'Africa Command'],
    ['conducted in coordination', 'Africa Command'],
    ['have taken advantage', 'Africa Command'],
    ['very very hard', 'Africa Command official'],
    ['not an ideal solution', 'Africa Command official'],
    ['responsible for the 2013 attack', 'Sheryll Klinkel'],
    ['An al Qaeda-affiliate was also responsible', 'Sheryll Klinkel'],
  ];
  for (const [phrase, speaker] of expectations) {
    const quote = result.quotes.find((item) => item.content.some((piece) => text.slice(piece.start, piece.end).includes(phrase)));
    assert.ok(quote, `no quote holding "${phrase}"`);
    // `US Africa Command` and `Africa Command` are one entity; its name may carry the `US`.
    assert.ok(result.entityName(quote.speakerEntity).endsWith(speaker), `"${phrase}": ${describe(result, quote)}`);
  }
  // `US military officials have expressed concerns about the growing strength …`: the officials
  // speak, unresolved; never the person quoted in the paragraph before.
  const concerns = result.quotes.find((item) => item.content.some((piece) => text.slice(piece.start, piece.end).includes('growing strength of al Qaeda-linked groups')));
  assert.ok(concerns, 'no quote holding the concerns about the growing strength');
  assert.equal(concerns.speaker ? text.slice(concerns.speaker.start, concerns.speaker.end) : '', 'US military officials', describe(result, concerns));
  assert.equal(concerns.speakerEntity, null, describe(result, concerns));
  assert.ok(concerns.content.some((piece) => text.slice(piece.start, piece.end).endsWith('particularly in Mali')), describe(result, concerns));
});

/** The first quote of `result` whose text holds `phrase`; the test fails, listing the quotes, when none does. */
function quoteHolding(result: Analysed, phrase: string): Quote {
  const quote = result.quotes.find((item) => result.text.slice(item.start, item.end).includes(phrase));
  assert.ok(quote, `no quote with "${phrase}" in: ${result.quotes.map((item) => describe(result, item)).join('\n')}`);
  return quote;
}

const examplePath = join(process.cwd(), 'examples', 'example-article.txt');

test('quotes: the bundled example’s groups and descriptions speak, not the places near them', { skip: !existsSync(examplePath) }, () => {
  const text = normalizeText(readFileSync(examplePath, 'utf8')).text;
  const result = analyse(text);
  const find = (phrase: string): Quote => {
    const quote = result.quotes.find((item) => text.slice(item.start, item.end).includes(phrase) || (item.cue !== null && text.slice(item.cue.start, item.cue.end) === phrase));
    assert.ok(quote, `no quote with "${phrase}" in: ${result.quotes.map((item) => describe(result, item)).join('; ')}`);
    return quote;
  };
  const speakerText = (quote: Quote): string => (quote.speaker ? text.slice(quote.speaker.start, quote.speaker.end) : '');
  // `Local elders in Jilib said …`: a plural group, unresolved; never the town.
  const elders = find('two civilians were injured');
  assert.ok(speakerText(elders).startsWith('Local elders'), describe(result, elders));
  assert.equal(elders.speakerEntity, null, describe(result, elders));
  // `…, a claim the army denied.`: the army, not the determiner `a`.
  const denied = find('denied');
  assert.equal(speakerText(denied), 'the army', describe(result, denied));
  assert.equal(result.entityName(denied.speakerEntity), 'Somali National Army', describe(result, denied));
  // `The elders, who spoke on condition of anonymity, said …`: the elders, not the clause.
  assert.equal(speakerText(find('residents had fled')), 'The elders');
});

test('an outsized article is tagged without growing the model kernel’s memory', () => {
  const model = loadQuoteTagger();
  const before = model.kernel?.memoryBytes ?? 0;
  const text = '“We will rebuild,” the mayor said. '.repeat(9000);
  const segmentation = segment(text);
  assert.ok(segmentation.tokens.length > 65_536);
  const found = findQuotes({ text, ...segmentation, mentions: [], entities: [] }, model);
  assert.ok(found.quotes.length >= 9000);
  // Every one keeps its speaker, found among the sources around its cue's sentence.
  assert.ok(found.quotes.every((quote) => quote.speaker !== null && text.slice(quote.speaker.start, quote.speaker.end) === 'the mayor'));
  assert.equal(model.kernel?.memoryBytes ?? 0, before);
});

test('quotes: no content starts inside a name, and no two quotes share one content', () => {
  const texts = [
    'According to the Office for National Statistics, gross domestic product fell 0.3% from September. Economists had forecast no change.',
    'Fighting killed 56 civilians on Saturday, according to the Central Committee of Sudan Doctors, which tracks casualties.',
  ];
  for (const text of texts) {
    const result = analyse(text);
    const segmentation = segment(text);
    const names = (entitiesStage.run({ text, ...segmentation } as unknown as Doc, entityResource, {}).mentions ?? []).filter((mention) => mention.kind === 'name');
    const keys = new Set<string>();
    for (const quote of result.quotes) {
      const first = quote.content[0]!;
      assert.ok(!names.some((name) => name.start < first.start && first.start < name.end), describe(result, quote));
      const key = quote.content.map((piece) => `${piece.start}-${piece.end}`).join(',');
      assert.ok(!keys.has(key), `twice: ${describe(result, quote)}`);
      keys.add(key);
    }
  }
});

test('quotes: someone\'s lawyer is not the speaker quoted before', () => {
  const result = analyse('"We are tired of politicians," said Maria Quispe, a teacher at the march. Her lawyer said she would challenge the decision.');
  const quote = result.quotes.find((item) => item.content.some((piece) => result.text.slice(piece.start, piece.end).includes('challenge the decision')));
  assert.ok(quote, result.quotes.map((item) => describe(result, item)).join('; '));
  assert.notEqual(result.entityName(quote.speakerEntity), 'Maria Quispe', describe(result, quote));
});

test('quotes: a person’s family speaks, not the person; a pronoun the quote names in the third person is the speaker before', () => {
  const result = analyse('Detective Inspector Kate Hollis said the force had worked hard. "Grace Mensah\'s family have shown great strength," she added. Ms Mensah\'s family said she lived to care for others.');
  const family = quoteHolding(result, 'she lived');
  assert.equal(family.speakerEntity, null, describe(result, family));
  const added = quoteHolding(result, 'great strength');
  assert.equal(result.entityName(added.speakerEntity), 'Kate Hollis', describe(result, added));
  // A possessive is no such pronoun: the party speaks for the person the quote names.
  const party = analyse('Kaja Kallas said the bloc regretted the decision. Opposition leader Giorgi Vashadze was among those taken to hospital, his party said.');
  const hospital = quoteHolding(party, 'hospital');
  assert.equal(party.entityName(hospital.speakerEntity), 'Giorgi Vashadze', describe(party, hospital));
});

test('quotes: a verb of saying joined by `and` to the sentence’s first has that verb’s subject as speaker, not its object', () => {
  const result = analyse('President Joe Biden approved emergency declarations for Florida, Georgia and the Carolinas and said the federal government would do everything it can to help.');
  const quote = quoteHolding(result, 'federal government');
  assert.equal(result.entityName(quote.speakerEntity), 'Joe Biden', describe(result, quote));
});

test('quotes: who polled the people quoted is not the speaker', () => {
  const result = analyse('Economists polled by Reuters had expected inflation to fall to 1.9%.');
  const quote = quoteHolding(result, 'inflation');
  assert.notEqual(result.entityName(quote.speakerEntity), 'Reuters', describe(result, quote));
});

test('quotes: who issued the document an `according to` names speaks, and a speaker never runs into the content', () => {
  const issued = analyse('According to a statement from the ministry, 12 people died in the attack.');
  const byMinistry = quoteHolding(issued, '12 people');
  assert.ok(byMinistry.speaker, describe(issued, byMinistry));
  assert.equal(issued.text.slice(byMinistry.speaker.start, byMinistry.speaker.end), 'the ministry', describe(issued, byMinistry));
  const police = analyse('According to police, 12 people died in the attack on Monday.');
  for (const quote of police.quotes) {
    if (!quote.speaker) continue;
    for (const piece of quote.content) assert.ok(quote.speaker.end <= piece.start || piece.end <= quote.speaker.start, describe(police, quote));
  }
});

/** The content of a quote as one string. */
function contentOf(result: Analysed, quote: Quote): string {
  return quote.content.map((piece) => result.text.slice(piece.start, piece.end)).join(' || ');
}

test('quotes: a verb of saying closing the sentence reports the whole clause, whatever the tagger read inside it', () => {
  // A cue in the next sentence of the same paragraph is no competitor for the clause.
  const result = analyse('The bus, carrying about 60 pilgrims from Multan to Quetta, was hit by a truck near the town of Sibi shortly after midnight, provincial police chief Tariq Baloch said. Nine people were killed and 14 hurt, he said.');
  const bus = quoteHolding(result, 'pilgrims');
  assert.equal(contentOf(result, bus), 'The bus, carrying about 60 pilgrims from Multan to Quetta, was hit by a truck near the town of Sibi shortly after midnight', describe(result, bus));
  assert.equal(result.entityName(bus.speakerEntity), 'Tariq Baloch', describe(result, bus));
  // `said by phone` is the means, not the content.
  const phone = analyse('The rebels shelled the market twice before dawn and then withdrew to the hills, Col. Ibrahim Sow said by phone.');
  const shelled = quoteHolding(phone, 'shelled');
  assert.equal(contentOf(phone, shelled), 'The rebels shelled the market twice before dawn and then withdrew to the hills', describe(phone, shelled));
});

test('quotes: a noun phrase set off after `told reporters` is said of the clause, not reported', () => {
  const result = analyse('The rocket climbed to an altitude of 6,000 kilometres and flew for 74 minutes, Defence Minister Kenji Arai told reporters, the longest flight yet for such a rocket.');
  const rocket = quoteHolding(result, 'altitude');
  assert.equal(contentOf(result, rocket), 'The rocket climbed to an altitude of 6,000 kilometres and flew for 74 minutes', describe(result, rocket));
  assert.ok(!result.quotes.some((quote) => contentOf(result, quote).includes('such a rocket')), result.quotes.map((quote) => describe(result, quote)).join('; '));
});

test('quotes: `according to` reports the clause from the sentence start, a subject set off by commas included', () => {
  const result = analyse('The Canyon Fire, the largest of the three, has burned more than 9,000 acres north of Ojai, according to the county fire department.');
  const fire = quoteHolding(result, 'acres');
  assert.equal(contentOf(result, fire), 'The Canyon Fire, the largest of the three, has burned more than 9,000 acres north of Ojai', describe(result, fire));
});

test('quotes: a name after `, and` before a cue speaks for that cue; the statement that carried a claim is not part of it', () => {
  const result = analyse('The Foreign Office said it had recalled its ambassador from Caracas, and London condemned what it called a sham election.');
  const condemned = quoteHolding(result, 'sham');
  assert.equal(condemned.speaker ? result.text.slice(condemned.speaker.start, condemned.speaker.end) : '', 'London', describe(result, condemned));
  const recalled = quoteHolding(result, 'ambassador');
  assert.equal(contentOf(result, recalled), 'it had recalled its ambassador from Caracas', describe(result, recalled));
  const statement = analyse('Canada, a close ally of Denmark, condemned the "reckless threats" in a statement from its embassy in Copenhagen late on Tuesday.');
  const threats = quoteHolding(statement, 'reckless');
  assert.equal(contentOf(statement, threats), 'the "reckless threats"', describe(statement, threats));
});

test('quotes: `known as` gives a name, and `against` alone is no cue', () => {
  const result = analyse('The outbreak was confirmed by the National Centre for Disease Control, known as NCDC, on Monday. Thousands marched on Sunday against the government\'s plan to raise fuel prices.');
  for (const quote of result.quotes) {
    assert.ok(!/^as NCDC/.test(contentOf(result, quote)), describe(result, quote));
    assert.ok(!(quote.cue && result.text.slice(quote.cue.start, quote.cue.end) === 'against'), describe(result, quote));
  }
});

test('quotes: `It said` speaks for the organisation quoted before; a name with a description set off after it is the speaker', () => {
  const result = analyse('The U.S. Central Command said it had struck a weapons depot near Sanaa on Friday. It said no civilians were harmed.');
  const harmed = quoteHolding(result, 'civilians');
  assert.equal(result.entityName(harmed.speakerEntity), 'U.S. Central Command', describe(result, harmed));
  const sister = analyse('Maria Ortega, the younger sister of former president Luis Ortega, warned on Monday that the party would split.');
  const split = quoteHolding(sister, 'split');
  assert.equal(sister.entityName(split.speakerEntity), 'Maria Ortega', describe(sister, split));
});

test('quotes: the agent of a passive verb of praise speaks what it hailed the thing as', () => {
  const result = analyse('The agreement was hailed by Kenyan President William Ruto as "a new dawn for the region."');
  const hailed = quoteHolding(result, 'dawn');
  assert.equal(result.entityName(hailed.speakerEntity), 'William Ruto', describe(result, hailed));
  assert.equal(contentOf(result, hailed), '"a new dawn for the region."', describe(result, hailed));
});

test('quotes: a verdict split around its defendant, an adverb, a penalty changed and traces found report no words', () => {
  const result = analyse('Judge Anil Kumar found Capt. Ravi Menon guilty of ordering the attack on the newspaper. The ministers also approved a new budget for the army. Death sentences are usually commuted to life in prison. Researchers have found traces of the virus in wastewater samples from three cities.');
  for (const quote of result.quotes) {
    const cue = quote.cue ? result.text.slice(quote.cue.start, quote.cue.end) : '';
    assert.ok(!/guilty|^also$|commuted|found/.test(cue), describe(result, quote));
  }
});

test('quotes: the words `according to` ran over are its source; a role set off after a name is that person\'s; a passive of belief names no speaker', () => {
  const round = analyse('The round was led by Granite Partners and included Oracle, according to a person familiar with the matter who asked not to be identified.');
  const led = quoteHolding(round, 'Granite');
  assert.equal(led.speaker ? round.text.slice(led.speaker.start, led.speaker.end) : '', 'a person familiar with the matter who asked not to be identified', describe(round, led));
  assert.equal(contentOf(round, led), 'The round was led by Granite Partners and included Oracle', describe(round, led));
  const leader = analyse('Yusuf Adan, the leader of the Hizbul Shabaab group that led the uprising, told supporters that the country would be "a home for all."');
  const home = quoteHolding(leader, 'home');
  assert.equal(leader.entityName(home.speakerEntity), 'Yusuf Adan', describe(leader, home));
  const bank = analyse('The Reserve Bank of India is expected to keep interest rates on hold next week.');
  for (const quote of bank.quotes) assert.equal(quote.speakerEntity, null, describe(bank, quote));
  const lava = analyse('Lava flows were moving west, away from the town of Qarnawat, and were not expected to threaten homes.');
  for (const quote of lava.quotes) assert.ok(!quote.speaker, describe(lava, quote));
  const group = analyse('A hacker group called Qarnawat claimed responsibility for the breach on its dark web site.');
  for (const quote of group.quotes) assert.ok(!contentOf(group, quote).startsWith('Qarnawat'), describe(group, quote));
});

test('quotes: a day of saying then a clause after a comma leaves the clause before as the content; a question not answered is no claim', () => {
  const result = analyse('The number of people displaced by the floods has risen to 40,000, the disaster agency said on Monday, driven by heavy rain in the north.');
  const risen = quoteHolding(result, 'risen');
  assert.equal(contentOf(result, risen), 'The number of people displaced by the floods has risen to 40,000', describe(result, risen));
  const unknown = analyse('Police Chief Ana Ruiz did not say what led to the stabbing. It was not immediately clear whether the suspect had a lawyer.');
  for (const quote of unknown.quotes) assert.ok(!/^(?:what|whether)/.test(contentOf(unknown, quote)), describe(unknown, quote));
});

test('quotes: a source whose name the tagger began inside the content takes back its first words; the clause before is what was said', () => {
  const result = analyse('The Buddha Air ATR-72 plane was carrying 22 people, including three crew members, to the city of Pokhara for a scheduled flight, Tribhuvan International Airport spokesman Ram Karki said.');
  const carrying = quoteHolding(result, 'carrying');
  assert.equal(result.entityName(carrying.speakerEntity), 'Ram Karki', describe(result, carrying));
  assert.ok(contentOf(result, carrying).startsWith('The Buddha Air'), describe(result, carrying));
});

test('quotes: a name inside the quoted words is not who said them; a participle after a preposition and a forecast\'s figure are no claims', () => {
  const chant = analyse('Thousands of students marched through the capital, chanting "Mensah must go," before police dispersed them.');
  const must = quoteHolding(chant, 'must go');
  assert.notEqual(chant.entityName(must.speakerEntity), 'Mensah', describe(chant, must));
  const exports = analyse('Factories rushed out shipments ahead of expected U.S. tariffs, beating a forecast of 5.2% growth in a poll of economists.');
  for (const quote of exports.quotes) assert.ok(!/^(?:U\.S\. tariffs|5\.2% growth)$/.test(contentOf(exports, quote)), describe(exports, quote));
});

test('quotes: a clause, then `said` and a noun phrase, is an inverted attribution; a name before the comma and a clause after stay', () => {
  const strike = analyse('One strike hit a house east of Khan Qarnawat shortly after midnight, killing a father, his two wives and eight children, said Dr. Ahmed Qarnawat, head of the pediatric ward at Nasser Hospital, where the bodies were taken.');
  const hit = quoteHolding(strike, 'strike hit');
  assert.equal(contentOf(strike, hit), 'One strike hit a house east of Khan Qarnawat shortly after midnight, killing a father, his two wives and eight children', describe(strike, hit));
  assert.equal(hit.speaker ? strike.text.slice(hit.speaker.start, hit.speaker.end) : '', 'Dr. Ahmed Qarnawat', describe(strike, hit));
  const lego = analyse('In the past 20 months alone, Paul Qarnawat, president and chief operating officer, said the divestiture of $300 million of slow-growth, low-profit businesses has been more than offset by acquisitions.');
  for (const quote of lego.quotes) assert.ok(!contentOf(lego, quote).startsWith('In the past'), describe(lego, quote));
});

test('quotes: a source inside an `as … expected` aside is no source of a cue after it', () => {
  const bank = analyse('The Qarnawat Central Bank lowered the deposit rate to 2.5%, as economists had expected, and said monetary policy was becoming less restrictive.');
  const policy = quoteHolding(bank, 'monetary policy');
  assert.notEqual(policy.speaker ? bank.text.slice(policy.speaker.start, policy.speaker.end) : '', 'economists', describe(bank, policy));
});

test('quotes: a content cut short of its sentence, a relative clause and a day after the cue are repaired', () => {
  const adding = analyse('"I am sad, but I will come back stronger," Alcaraz told reporters, adding that he wanted to play in Los Angeles in four years.');
  const play = quoteHolding(adding, 'wanted to play');
  assert.equal(contentOf(adding, play), 'that he wanted to play in Los Angeles in four years', describe(adding, play));
  const valley = analyse('Most of the deaths occurred in the Kathmandu valley, where the Bagmati river burst its banks on Saturday, submerging homes and cars, said Rishi Ram Tiwari, a spokesperson for the Home Ministry.');
  const deaths = quoteHolding(valley, 'burst its banks');
  assert.ok(contentOf(valley, deaths).startsWith('Most of the deaths occurred'), describe(valley, deaths));
  const vowed = analyse('Army chief General Abdel Fattah al-Burhan vowed on Thursday to avenge the victims.');
  const avenge = quoteHolding(vowed, 'avenge');
  assert.equal(contentOf(vowed, avenge), 'to avenge the victims', describe(vowed, avenge));
});

test('quotes: a nationality or a pronoun after a sentence about someone else stands for that sentence’s subject', () => {
  const result = analyse('"It is the biggest success I ever had," said Novak Djokovic. Carlos Alcaraz, 21, who beat Djokovic in the Wimbledon final last month, was bidding to become the youngest champion. The Spaniard said he was proud of the silver medal.');
  const proud = quoteHolding(result, 'proud');
  assert.equal(result.entityName(proud.speakerEntity), 'Carlos Alcaraz', describe(result, proud));
});

test('quotes: the subject of a relative clause’s verb of saying is its source', () => {
  const result = analyse('Georgian Dream won an October 26 parliamentary election that the opposition says was rigged with Russia\'s help.');
  const rigged = quoteHolding(result, 'rigged');
  assert.equal(result.text.slice(rigged.speaker!.start, rigged.speaker!.end), 'the opposition', describe(result, rigged));
  assert.equal(contentOf(result, rigged), 'was rigged with Russia\'s help', describe(result, rigged));
});

test('quotes: a document’s noun closing the source of `according to` belongs to the source', () => {
  const result = analyse('Germany, the bloc\'s largest economy, is expected to contract for a second straight year in 2024, according to the government\'s latest forecast.');
  const contract = quoteHolding(result, 'contract');
  assert.equal(result.text.slice(contract.speaker!.start, contract.speaker!.end), 'the government\'s latest forecast', describe(result, contract));
});

test('quotes: a source closing a list with `and` takes in the names listed before it', () => {
  const result = analyse('Microsoft, Alphabet, Amazon and Meta have said they plan to spend a combined $320 billion on capital projects this year.');
  const spend = quoteHolding(result, 'spend');
  assert.equal(result.text.slice(spend.speaker!.start, spend.speaker!.end), 'Microsoft, Alphabet, Amazon and Meta', describe(result, spend));
});

test('quotes: an unlinked `she said` does not borrow a speaker the text calls `he`', () => {
  const result = analyse('"We will appeal," said Danny Masterson. He was taken into custody after the verdict. "I wish I had been able to come forward sooner," she said.');
  const sooner = quoteHolding(result, 'sooner');
  assert.notEqual(result.entityName(sooner.speakerEntity), 'Danny Masterson', describe(result, sooner));
});
