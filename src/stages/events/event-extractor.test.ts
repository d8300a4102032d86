import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Event } from '../../doc/schema.js';
import { classifyEventText, loadEventTypeModels } from './event-classifier.js';
import { findCasualties } from './event-extractor.js';
import { eventTypeInfo } from './event-types.js';

// Sentences written for these tests (not taken from any dataset); the pipeline is built once for the file.
const pipelinePromise = (async () => {
  const { createPipeline } = await import('../../pipeline/pipeline.js');
  const { normalizeStage } = await import('../normalize/stage.js');
  const { segmentStage } = await import('../segment/stage.js');
  const { entitiesStage } = await import('../entities/stage.js');
  const { timeStage } = await import('../time/stage.js');
  const { placesStage } = await import('../places/stage.js');
  const { quotesStage } = await import('../quotes/stage.js');
  const { eventsStage } = await import('./stage.js');
  return createPipeline([normalizeStage, segmentStage, entitiesStage, timeStage, placesStage, quotesStage, eventsStage]);
})();

async function analyze(text: string): Promise<Doc> {
  return (await pipelinePromise).analyze(text, { published: '2019-05-10' });
}

const describe = (doc: Doc, event: Event): string =>
  `[${event.trigger.start},${event.trigger.end}) ${JSON.stringify(doc.text.slice(event.trigger.start, event.trigger.end))} ${event.ploverType}`
  + ` actors=${event.actors.map((actor) => actor.name).join('/')} targets=${event.targets.map((target) => target.name).join('/')}`;

/** The first event of `doc` whose trigger reads `trigger` (see {@link eventWhere}). */
function eventTriggered(doc: Doc, trigger: string): Event {
  return eventWhere(doc, (event) => doc.text.slice(event.trigger.start, event.trigger.end) === trigger);
}

/** The first event of `doc` that `accepts`; the test fails, listing the events found, when none does. */
function eventWhere(doc: Doc, accepts: (event: Event) => boolean): Event {
  const event = doc.events.find(accepts);
  assert.ok(event, doc.events.map((candidate) => describe(doc, candidate)).join('\n') || 'no events');
  return event;
}

// [sentence, trigger, an actor name contains, a target name contains (or null)]
const nonViolentCases: readonly [string, string, string, string | null][] = [
  ['Jordan and Britain agreed on Monday to hold joint naval exercises.', 'agreed', 'Jordan', null],
  ['Turkey warned Greece on Tuesday against any military build-up on the islands.', 'warned', 'Turkey', 'Greece'],
  ['Rwandan rebels accused the government of breaking the truce.', 'accused', 'Rwandan rebels', null],
  ['Peru has granted political asylum to five Bolivian officers.', 'granted political asylum', 'Peru', 'Bolivian officers'],
];
for (const [text, trigger, actor, target] of nonViolentCases) {
  test(`non-violent event: ${text}`, async () => {
    const doc = await analyze(text);
    const event = eventWhere(doc, (candidate) => doc.text.slice(candidate.trigger.start, candidate.trigger.end) === trigger);
    assert.ok(event.actors.some((entry) => entry.name.includes(actor)), describe(doc, event));
    if (target) assert.ok(event.targets.some((entry) => entry.name.includes(target)), describe(doc, event));
  });
}

// Words that look like triggers but tell no event here.
const noEventCases: readonly string[] = [
  'The company released its quarterly results on Tuesday.',
  'The mayor asked not to be named.',
  'The weather in the capital was mild and sunny.',
];
for (const text of noEventCases) {
  test(`no event: ${text}`, async () => {
    const doc = await analyze(text);
    assert.equal(doc.events.length, 0, doc.events.map((event) => describe(doc, event)).join('\n'));
  });
}

test('a place naming who reports is not where the event happened', async () => {
  const doc = await analyze('Gunmen attacked a gas plant in Algeria in 2013, Pentagon spokesperson John Miller told reporters.');
  const event = doc.events[0];
  assert.ok(event, 'no event');
  const place = doc.places.find((entry) => entry.id === event.place);
  assert.equal(place ? doc.text.slice(place.start, place.end) : null, 'Algeria');
});

const models = loadEventTypeModels();
// A sub-type defined by a weapon or manner needs the text to name it.
const namedWeaponCases: readonly [string, string][] = [
  ['Warplanes bombed the market, killing 12 people.', 'AIR_STRIKE'],
  ['A roadside bomb exploded under an army truck.', 'REM_EXPLOS'],
];
for (const [text, code] of namedWeaponCases) test(`weapon named: ${text} → ${code}`, () => assert.equal(classifyEventText(text, models).code, code));

const unnamedWeaponCases: readonly string[] = [
  'Militants attacked the oil facility, killing three foreign workers.',
  'The terror group seized control of the city after a week of fighting.',
];
for (const text of unnamedWeaponCases) {
  test(`no weapon named, no weapon sub-type: ${text}`, () => {
    const result = classifyEventText(text, models);
    assert.ok(!eventTypeInfo(result.code).needsCue && !eventTypeInfo(result.acledOnly.code).needsCue, `${result.code} / ${result.acledOnly.code}`);
  });
}
test('weapon words in the context sentence count as evidence', () => {
  const text = 'The US has carried out additional strikes against the militants in remote areas.';
  const context = 'US aircraft carried out over 300 airstrikes against the militants in the city.';
  assert.notEqual(classifyEventText(text, models).acledOnly.code, 'AIR_STRIKE');
  assert.equal(classifyEventText(text, models, context).acledOnly.code, 'AIR_STRIKE');
});

test('an event record\'s ACLED sub-type is one of its PLOVER type\'s, or Other when it has none', async () => {
  // The sub-type and PLOVER models are trained apart; the denial below read "Looting/property destruction" before.
  const text = 'A suicide bomber killed at least 12 people at a wedding hall in Kabul on Thursday. '
    + 'The Taliban denied involvement in a statement. President Ashraf Ghani ordered an investigation. '
    + 'Turkey warned Greece on Tuesday against any military build-up on the islands. '
    + 'Rwandan rebels accused the government of breaking the truce.';
  const doc = await analyze(text);
  assert.ok(doc.events.length >= 3, doc.events.map((event) => describe(doc, event)).join('\n'));
  const { EVENT_TYPES } = await import('./event-types.js');
  for (const event of doc.events) {
    const info = EVENT_TYPES.find((entry) => entry.acledType === event.acledType && entry.acledSubType === event.acledSubType);
    const outside = event.acledType === 'Other' && event.acledSubType === 'Other';
    assert.ok(outside || info?.ploverType === event.ploverType, `${describe(doc, event)}: ${event.acledType} / ${event.acledSubType}`);
  }
  const denial = doc.events.find((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'denied');
  if (denial) assert.notEqual(denial.acledSubType, 'Looting/property destruction');
});

// [sentence, trigger, an actor name contains (or null: none), a target name contains]
const voiceCases: readonly [string, string, string | null, string][] = [
  // A passive verb's subject is acted on; the agent follows `by`.
  ['Opposition leader Alexei Navalny was arrested by Russian police at a Moscow airport on Sunday.', 'arrested', 'Russian', 'Alexei Navalny'],
  ['Roman Protasevich was detained after his flight was diverted.', 'detained', null, 'Roman Protasevich'],
  // A name right before an event verb is its subject (before an event noun, "the US Consulate attack", it is what was hit).
  ['The Iraqi army attacked militants near Mosul on Tuesday.', 'attacked', 'Iraqi', ''],
];
for (const [text, trigger, actor, target] of voiceCases) {
  test(`participants by voice: ${text}`, async () => {
    const doc = await analyze(text);
    const event = eventWhere(doc, (candidate) => doc.text.slice(candidate.trigger.start, candidate.trigger.end) === trigger);
    if (actor === null) assert.equal(event.actors.length, 0, describe(doc, event));
    else assert.ok(event.actors.some((entry) => entry.name.includes(actor)), describe(doc, event));
    if (target) assert.ok(event.targets.some((entry) => entry.name.includes(target)), describe(doc, event));
    assert.ok(!event.actors.some((entry) => event.targets.some((other) => other.name === entry.name)), describe(doc, event));
  });
}

test('a reaction to an event ("condemned the bombing") does not replace the source that told it', async () => {
  const doc = await analyze('A car bomb killed at least nine people at a market in Mogadishu on Saturday, officials said. '
    + 'President Mohamed Abdullahi Mohamed condemned the bombing and ordered an investigation.');
  const bombing = eventWhere(doc, (event) => event.casualties.length > 0);
  assert.equal(bombing.source?.name, 'officials', describe(doc, bombing));
});

test('a disaster told with a violent word stays a disaster, and a magnitude or a victim count is no count of events', async () => {
  const doc = await analyze('A magnitude 6.2 earthquake struck the island of Sulawesi early Friday, killing at least 34 people. '
    + 'At least 26 people died in Mamuju. The region is frequently struck by earthquakes.');
  const quake = eventTriggered(doc, 'struck');
  assert.equal(quake.acledSubType, 'Natural disaster', describe(doc, quake));
  assert.equal(quake.flags.aggregate, false, describe(doc, quake));
  const died = doc.events.find((event) => event.casualties.some((casualty) => casualty.count === 26));
  if (died) assert.equal(died.flags.aggregate, false, describe(doc, died));
  const habit = doc.events.find((event) => event.trigger.start > doc.text.indexOf('frequently'));
  if (habit) assert.equal(habit.flags.aggregate, true, describe(doc, habit));
});

test('a collective noun marks an aggregate only with of: a wave of arrests, not a campaign that acts', async () => {
  const doc = await analyze('Police carried out a wave of arrests in Minsk on Monday. President Donald Trump\'s campaign pressed claims of fraud in Georgia.');
  const arrests = eventWhere(doc, (event) => doc.text.slice(event.trigger.start, event.trigger.end).startsWith('arrest'));
  assert.equal(arrests.flags.aggregate, true, describe(doc, arrests));
  const pressed = doc.events.find((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'pressed');
  if (pressed) assert.equal(pressed.flags.aggregate, false, describe(doc, pressed));
});

test('"such" takes the kind of the event told before, and in its sentence describes that event', async () => {
  const doc = await analyze('A drone strike killed four fighters near Jilib on Sunday, the army said, in the third such strike in the region this month. '
    + 'Residents said such strikes were rare before.');
  const strikes = doc.events.filter((event) => /strike/.test(doc.text.slice(event.trigger.start, event.trigger.end)));
  assert.ok(strikes.length >= 1, doc.events.map((event) => describe(doc, event)).join('\n') || 'no events');
  for (const event of strikes) assert.notEqual(event.ploverType, 'PROTEST', describe(doc, event));
  // The descriptor in the first sentence is the drone strike itself.
  const firstSentenceEnd = doc.text.indexOf('.') + 1;
  assert.equal(strikes.filter((event) => event.trigger.start < firstSentenceEnd).length, 1, strikes.map((event) => describe(doc, event)).join('\n'));
});

test('the speaker of a participle after the event ("…, saying") takes part in it', async () => {
  const doc = await analyze('Chinese President Xi Jinping met Antony Blinken in Beijing on Monday, saying the two countries had made progress.');
  const met = eventTriggered(doc, 'met');
  assert.ok(met.actors.some((actor) => actor.name.includes('Xi')), describe(doc, met));
});

test('a demonym is where an event happened only before a place noun', async () => {
  const doc = await analyze('A Russian missile strike on an apartment building killed 40 people on Saturday. Gunmen abducted two aid workers in the Afghan capital in August.');
  const strike = eventWhere(doc, (event) => doc.text.slice(event.trigger.start, event.trigger.end).includes('strike'));
  const placeOf = (event: Event): string | undefined => doc.places.find((place) => place.id === event.place)?.name;
  assert.notEqual(placeOf(strike), 'Russia', describe(doc, strike));
  const abduction = doc.events.find((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'abducted');
  if (abduction) assert.equal(placeOf(abduction), 'Afghanistan', describe(doc, abduction));
});

test('a toll told on its own right after an attack is more of that attack', async () => {
  const doc = await analyze('Russian forces shelled an apartment building in Dnipro on Saturday, killing at least 40 people. Seventy-five people were wounded.');
  const strikes = doc.events.filter((event) => event.ploverType === 'ASSAULT');
  assert.equal(strikes.length, 1, doc.events.map((event) => describe(doc, event)).join('\n'));
  assert.deepEqual(strikes[0]!.casualties.map((casualty) => `${casualty.kind} ${casualty.count}`), ['killed 40', 'injured 75']);
});

test('a strike with a weapon is an attack, a strike without one may be a labour strike', async () => {
  const doc = await analyze('A missile strike hit an apartment building in Dnipro on Saturday, killing at least 40 people. Teachers went on strike in Chicago on Monday.');
  const missile = eventTriggered(doc, 'strike');
  assert.equal(missile.ploverType, 'ASSAULT', describe(doc, missile));
  const teachers = doc.events.find((event) => event.trigger.start > doc.text.indexOf('Teachers'));
  if (teachers) assert.equal(teachers.ploverType, 'PROTEST', describe(doc, teachers));
});

// [sentence, PLOVER type, actor name, actor kind, target name (or null)]
const genericCases: readonly [string, string, string, string, string | null][] = [
  ['Gunmen on motorcycles stormed a cattle market near Gao on Thursday, killing nine traders.', 'ASSAULT', 'Gunmen', 'armed group', 'traders'],
  ['Armed men abducted 20 workers from a gold mine on Monday.', 'ASSAULT', 'Armed men', 'armed group', 'workers'],
  ['A gunman opened fire at a school in Texas, killing 19 children.', 'ASSAULT', 'gunman', 'armed group', 'children'],
  ['Riot police fired tear gas at protesters outside the parliament in Nairobi.', 'PROTEST', 'Riot police', 'police', 'protesters'],
  ['Four soldiers were killed by suspected militants near the border town of Wana.', 'ASSAULT', 'suspected militants', 'armed group', 'soldiers'],
  // Who was killed, named before the event's noun, is its target, not its subject.
  ['Armed bandits killed at least 15 farmers in raids on two villages in Zamfara state.', 'ASSAULT', 'Armed bandits', 'armed group', 'farmers'],
  // An event noun in a phrase of the clause reaches back to the clause's subject; who reports is no target.
  ['Gunmen killed at least 17 people and burned dozens of homes in an overnight attack on a farming village, police and residents said on Monday.', 'ASSAULT', 'Gunmen', 'armed group', null],
];
for (const [text, type, actor, kind, target] of genericCases) {
  test(`participants named by a group noun: ${text}`, async () => {
    const doc = await analyze(text);
    const event = eventWhere(doc, (candidate) => candidate.ploverType === type);
    assert.deepEqual(event.actors.map((entry) => [entry.name, entry.kind, entry.entity]), [[actor, kind, null]], describe(doc, event));
    if (target) assert.deepEqual(event.targets.map((entry) => entry.name), [target], describe(doc, event));
  });
}

test('whom a quote was told to, or the medium after its cue, takes no part in an event inside it', async () => {
  const doc = await analyze('“The assailants came in large numbers and opened fire,” Alfred told The Associated Press by phone. The RSF said in a statement on Telegram that its fighters had captured dozens of army soldiers.');
  for (const event of doc.events) {
    assert.ok(![...event.actors, ...event.targets].some((entry) => /Associated Press|Telegram/.test(entry.name)), describe(doc, event));
  }
});

test('casualty counts: a year is no count, vague thousands are, and a count alone or a named victim with an age counts', () => {
  const counts = (text: string): (number | null)[] => findCasualties(text, { start: 0, end: text.length }).map((casualty) => casualty.count);
  assert.deepEqual(counts('The war erupted in April 2023 and has killed tens of thousands of people.'), [null]);
  assert.deepEqual(counts('Only one person was killed by a gun last year.'), [1]);
  assert.deepEqual(counts('At least one has died.'), [1]);
  assert.deepEqual(counts('Enoch Gaver, 21, was killed in the fight.'), [1]);
  assert.deepEqual(counts('He was wounded five years ago this week.'), []);
  assert.deepEqual(counts('The strike killed a senior Hezbollah commander and at least 11 other people.'), [11]);
  const who = findCasualties('Floods swept the valley, killing at least 62 people and destroying hundreds of homes.', { start: 0, end: 84 }).map((casualty) => casualty.who);
  assert.deepEqual(who, ['people']);
});

test('a background disaster with its own date is no more of this week\'s toll', async () => {
  const doc = await analyze('Flash floods swept through northern Afghanistan on Friday, killing at least 62 people, an official said Saturday. A spokesman said the floods had also killed 18 people in Takhar province.\n\nIn October, a series of earthquakes in Herat province killed more than 1,500 people.');
  for (const event of doc.events) {
    const counts = event.casualties.map((casualty) => casualty.count);
    assert.ok(!(counts.includes(1500) && (counts.includes(18) || counts.includes(62))), describe(doc, event));
  }
});

test('a restrictive relative clause after a target belongs to the next event, not the target', async () => {
  const doc = await analyze('Kenyan police fired tear gas and live rounds at protesters who stormed parliament on Tuesday.');
  const event = eventTriggered(doc, 'fired tear gas');
  assert.deepEqual(event.targets.map((entry) => entry.name), ['protesters'], describe(doc, event));
});

test('news of now is not the same event as background dated months back, even told with `the`', async () => {
  const doc = await analyze('Rebels have taken control of the town after days of fighting with the army, residents said on Sunday.\n\nThe UN chief called for a halt to the fighting around the city, where famine was confirmed in the camp in January.');
  const now = eventWhere(doc, (event) => event.evidence.some((span) => doc.text.slice(span.start, span.end).startsWith('Rebels')));
  assert.notEqual(now.date?.value, '2019-01', describe(doc, now));
});

test('protesters acting with no force named against them protest; no force against protesters', async () => {
  const doc = await analyze('French farmers blocked roads and dumped manure outside government buildings on Monday, stepping up protests against a proposed trade deal.');
  for (const event of doc.events) assert.notEqual(event.acledSubType, 'Excessive force against protesters', describe(doc, event));
});

test('taking control of a town is an event of territory', async () => {
  const doc = await analyze('Islamist fighters took control of the town on Monday.');
  const event = eventTriggered(doc, 'took control');
  assert.equal(event.acledSubType, 'Non-state actor overtakes territory', describe(doc, event));
});

test('a name the tagger read as a person but the places stage placed after `in` is where, not who', async () => {
  const doc = await analyze('Air strikes killed 24 people overnight, including eight members of one family in a house in Khan Younis, health officials said.');
  for (const event of doc.events) assert.ok(![...event.actors, ...event.targets].some((entry) => /Khan Younis/.test(entry.name)), describe(doc, event));
});

test('sanctions are a penalty, no arrest', async () => {
  const doc = await analyze('The European Union imposed sanctions on three Russian banks on Monday.');
  const event = eventTriggered(doc, 'sanctions');
  assert.notEqual(event.acledSubType, 'Arrests', describe(doc, event));
});

test('a group noun after a preposition, in a compound or reporting is no participant', async () => {
  const doc = await analyze('An explosion at a police station in Kabul killed two people on Monday, residents said.');
  for (const event of doc.events) {
    assert.ok(!event.actors.some((entry) => /police|residents/i.test(entry.name)), describe(doc, event));
  }
});

test('a passive with words between its auxiliary and verb is still passive', async () => {
  const doc = await analyze('The two compounds were both attacked by Islamist militants on Tuesday.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'ASSAULT');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Islamist militants'], describe(doc, event));
});

test('a speaker whose quote is the event acts in it, though another of their quotes only reports', async () => {
  const doc = await analyze('Foreign ministry spokeswoman Mao Ning accused Washington of abusing export controls and said Beijing would respond.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'ACCUSE');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Mao Ning'], describe(doc, event));
  assert.deepEqual(event.targets.map((entry) => entry.name), ['Washington'], describe(doc, event));
});

test('the nation named right before a violent event noun struck; a group after `including` is no subject', async () => {
  const doc = await analyze('An Israeli air strike on a house in Rafah killed nine people, including four children, on Thursday, health officials said, as talks stalled.');
  const strike = eventWhere(doc, (event) => event.ploverType === 'ASSAULT');
  assert.deepEqual(strike.actors.map((actor) => [actor.name, actor.kind, actor.countryCode]), [['Israeli', 'state military', 'IL']], describe(doc, strike));
  for (const event of doc.events) assert.ok(!event.actors.some((actor) => actor.name === 'children'), describe(doc, event));
});

test('"no one was hurt" is no casualty; rockets fired in a barrage are an attack', async () => {
  const doc = await analyze('Militants fired a barrage of rockets at the town on Friday. The army said no one was hurt.');
  const rockets = eventWhere(doc, (event) => doc.text.slice(event.trigger.start, event.trigger.end).startsWith('fired'));
  assert.equal(rockets.ploverType, 'ASSAULT', describe(doc, rockets));
  for (const event of doc.events) for (const casualty of event.casualties) assert.equal(casualty.count, 0, describe(doc, event));
});

test('a verb joined by `and` to the sentence\'s first shares its subject, though that subject reported the first', async () => {
  const doc = await analyze('Hamas said the talks were over and accused Israel of deliberately targeting civilians.');
  const accusation = eventWhere(doc, (event) => event.ploverType === 'ACCUSE');
  assert.deepEqual(accusation.actors.map((actor) => actor.name), ['Hamas'], describe(doc, accusation));
  assert.deepEqual(accusation.targets.map((target) => target.name), ['Israel'], describe(doc, accusation));
});

test('a verb\'s generic subject is the group nearest before it; a participle\'s is its clause\'s first', async () => {
  const doc = await analyze('Elders said two civilians were hurt by debris, a claim the army denied. Gunmen attacked soldiers near Gao, killing three.');
  const denial = eventTriggered(doc, 'denied');
  assert.deepEqual(denial.actors.map((actor) => actor.name), ['army'], describe(doc, denial));
  const attack = eventWhere(doc, (event) => event.ploverType === 'ASSAULT');
  assert.deepEqual(attack.actors.map((actor) => actor.name), ['Gunmen'], describe(doc, attack));
});

test('an event noun inside a phrase of the clause before is done by that clause\'s actors, and is that event', async () => {
  // (The raids of an arrest are the arrest: one event, ACLED's arrests.)
  const doc = await analyze('Israeli troops arrested Ahmed Saleh in overnight raids in Jenin, the group said.');
  assert.equal(doc.events.length, 1, doc.events.map((event) => describe(doc, event)).join('; '));
  const arrest = doc.events[0]!;
  assert.equal(arrest.acledSubType, 'Arrests', describe(doc, arrest));
  assert.deepEqual(arrest.actors.map((actor) => actor.name), ['Israeli troops'], describe(doc, arrest));
  assert.deepEqual(arrest.targets.map((target) => target.name), ['Ahmed Saleh'], describe(doc, arrest));
});

test('a warning that holds no force or penalty over anyone is no threat', async () => {
  const doc = await analyze('Officials warned that the toll was likely to rise. Turkey warned Greece against any military build-up on the islands.');
  const threats = doc.events.filter((event) => event.ploverType === 'THREATEN');
  assert.deepEqual(threats.map((event) => event.actors.map((actor) => actor.name).join('/')), ['Turkey'], doc.events.map((event) => describe(doc, event)).join('\n'));
});

test('a possessive determiner is no participant: "clashes between his supporters and security forces"', async () => {
  const doc = await analyze('Police arrested opposition leader Ousmane Diallo in Dakar on Friday. His arrest prompted clashes between his supporters and security forces.');
  const event = eventTriggered(doc, 'clashes');
  const named = [...event.actors, ...event.targets].map((entry) => entry.name);
  assert.ok(!named.some((name) => /^(?:his|Ousmane Diallo|Diallo)$/i.test(name)), describe(doc, event));
});

test('a date of another reported clause is not the event\'s: "was detained … and that the trial would open on Monday"', async () => {
  const doc = await analyze('A police spokesman said the man was detained on charges of theft and that his trial would open on Monday.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'COERCE');
  const monday = doc.timexes.find((timex) => doc.text.slice(timex.start, timex.end) === 'Monday');
  assert.ok(monday, 'Monday not found');
  assert.notEqual(event.date?.timex, monday.id, describe(doc, event));
});

test('a pronoun participant goes by the name of whom it stands for', async () => {
  const doc = await analyze('Ousmane Diallo was arrested on Friday. Police said he attacked an officer during the arrest.');
  const event = eventTriggered(doc, 'attacked');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Ousmane Diallo'], describe(doc, event));
});

test('a name with a relative clause acts in it, though it also speaks: "The commission, which investigated the case, welcomed the ruling"', async () => {
  const doc = await analyze('The Ethics and Anti-Corruption Commission, which investigated the case, welcomed the ruling.');
  const event = eventTriggered(doc, 'investigated');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Ethics and Anti-Corruption Commission'], describe(doc, event));
});

test('what an attack noun was on is hit, and whom a group is tied to is no target', async () => {
  const doc = await analyze('A cyberattack on Denmark forced doctors to postpone operations, in what the government called a deliberate attack. '
    + 'Officials said the attack bore the hallmarks of a ransomware group linked to Russia.');
  const first = eventTriggered(doc, 'attack');
  assert.ok(!first.actors.some((entry) => entry.name === 'Denmark'), describe(doc, first));
  for (const event of doc.events) assert.ok(!event.targets.some((entry) => entry.name === 'Russia'), describe(doc, event));
});

test('an evacuation out of harm\'s way is no retreat; giving up ground is', async () => {
  const fire = await analyze('As the wildfire spread, police evacuated two hotels and a campsite overnight.');
  assert.deepEqual(fire.events.map((event) => event.ploverType), [], fire.events.map((event) => describe(fire, event)).join('; '));
  const people = await analyze('Rescuers evacuated about 20,000 residents from the valley.');
  assert.deepEqual(people.events.map((event) => event.ploverType), [], people.events.map((event) => describe(people, event)).join('; '));
  const ground = await analyze('Under the plan, Israel will evacuate all 21 settlements in the Gaza Strip in August.');
  // Still an event (its type is the classifier's).
  assert.ok(ground.events.some((event) => /evacuate/.test(ground.text.slice(event.trigger.start, event.trigger.end))), ground.events.map((event) => describe(ground, event)).join('; ') || 'no events');
});

test('a coordinated verb shares the head of the subject, not the name in its title', async () => {
  const doc = await analyze('U.S. Secretary of State Antony Blinken welcomed the deal and urged both sides to allow humanitarian workers safe passage.');
  const event = eventTriggered(doc, 'urged');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Antony Blinken'], describe(doc, event));
});

test('a counted salvo is fired, and a weapon that struck is no accident', async () => {
  const salvo = await analyze('Russia fired more than 40 missiles and dozens of drones at Ukraine overnight.');
  const fired = eventWhere(salvo, (candidate) => candidate.ploverType === 'ASSAULT');
  assert.deepEqual(fired.actors.map((entry) => entry.name), ['Russia'], describe(salvo, fired));
  const struck = await analyze('Russian missiles struck a power plant in Kyiv overnight.');
  const strike = eventTriggered(struck, 'struck');
  assert.equal(strike.ploverType, 'ASSAULT', describe(struck, strike));
  assert.notEqual(strike.acledSubType, 'Man-made disaster', describe(struck, strike));
});

test('a shooting word is violence whatever else the sentence says; a "when" clause dates its event', async () => {
  const doc = await analyze('Police said investigators believed at least two people had opened fire after an argument.');
  const shooting = eventTriggered(doc, 'opened fire');
  assert.equal(shooting.ploverType, 'ASSAULT', describe(doc, shooting));
  const party = await analyze('Two people were killed when gunfire erupted at a block party in south Memphis late Wednesday, police said.');
  const killed = eventTriggered(party, 'killed');
  assert.equal(killed.date?.value, '2019-05-08', describe(party, killed));
});

test('a coordinated verb shares a subject named after its title, whose first verb is an event', async () => {
  const doc = await analyze('Opposition leader Mokgweetsi Masisi conceded defeat on Friday evening and congratulated Duma Boko.');
  const event = eventTriggered(doc, 'congratulated');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Mokgweetsi Masisi'], describe(doc, event));
});

test('signing a counted set of agreements is an agreement, by subjects joined across a title', async () => {
  const doc = await analyze('Chinese President Xi Jinping and Brazilian President Luiz Inacio Lula da Silva signed 15 agreements on trade on Tuesday.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'AGREE');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Xi Jinping', 'Luiz Inacio Lula da Silva'], describe(doc, event));
});

test('where a report was made is no participant: "said on Telegram"', async () => {
  const doc = await analyze('Debris fell on several districts of the capital, injuring at least seven people, Mayor Vitali Klitschko said on Telegram.');
  for (const event of doc.events) assert.ok(![...event.actors, ...event.targets].some((entry) => entry.name === 'Telegram'), describe(doc, event));
});

test('a quantity\'s "of" leaves the group the subject; using tear gas is force against protesters', async () => {
  const doc = await analyze('Thousands of protesters marched through central Lima on Thursday night. Police used tear gas to disperse demonstrators who tried to reach the legislature.');
  const march = eventTriggered(doc, 'marched');
  assert.deepEqual(march.actors.map((entry) => entry.name), ['protesters'], describe(doc, march));
  const gas = eventTriggered(doc, 'used tear gas');
  assert.deepEqual(gas.actors.map((entry) => entry.name), ['Police'], describe(doc, gas));
});

test('the main verb after a relative clause has the name before the clause as its subject', async () => {
  const doc = await analyze('President Donald Trump, who has repeatedly called on Jerome Powell to lower rates, criticized the decision on social media.');
  const event = eventTriggered(doc, 'criticized');
  assert.deepEqual(event.actors.map((entry) => entry.name), ['Donald Trump'], describe(doc, event));
});

test('a nationality with the group it qualifies names a participant: "four Israeli hostages"', async () => {
  const doc = await analyze('Hamas freed four Israeli hostages in Gaza on Saturday.');
  const event = eventTriggered(doc, 'freed');
  assert.deepEqual(event.targets.map((entry) => entry.name), ['Israeli hostages'], describe(doc, event));
});

test('a participle clause after an event shares its subject, and armed men shooting do not demonstrate', async () => {
  const doc = await analyze('Gunmen stormed the village of Kamba on Friday night, looting shops and shooting residents as they fled, the mayor said.');
  const shooting = eventWhere(doc, (event) => event.evidence.length > 0 && doc.text.slice(event.trigger.start, event.trigger.end) === 'stormed');
  assert.equal(shooting.ploverType, 'ASSAULT', describe(doc, shooting));
  assert.ok(!doc.events.some((event) => event.ploverType === 'PROTEST'), doc.events.map((event) => describe(doc, event)).join('\n'));
  for (const event of doc.events) assert.deepEqual(event.actors.map((actor) => actor.name), ['Gunmen'], describe(doc, event));
});

test('a natural hazard that kills is a disaster, whatever else its sentence tells', async () => {
  const doc = await analyze('Landslides triggered by monsoon rains have killed at least 31 people in Nepal and cut off dozens of villages, officials said on Sunday.');
  const event = eventWhere(doc, (candidate) => candidate.casualties.length > 0);
  assert.equal(event.acledSubType, 'Natural disaster', describe(doc, event));
  assert.equal(event.ploverType, 'AID', describe(doc, event));
});

test('water cannon fired at protesters is an event of who fired it, with no firearms, dated by its own clause', async () => {
  const doc = await analyze('Police fired water cannon and tear gas at protesters in Belgrade on Sunday, after the prime minister said the country would suspend the talks until 2028.');
  const event = eventTriggered(doc, 'fired water cannon');
  assert.deepEqual([event.actors.map((actor) => actor.name), event.targets.map((target) => target.name)], [['Police'], ['protesters']], describe(doc, event));
  assert.notEqual(event.mode, 'firearms', describe(doc, event));
  assert.notEqual(event.date?.value, '2028', describe(doc, event));
});

test('fighting between two armed sides is a battle of the first against the second', async () => {
  const doc = await analyze('Fighting between the Malian army and the Coordination of Azawad Movements erupted in Kidal in 2023 and has displaced thousands.');
  const event = eventTriggered(doc, 'Fighting');
  assert.equal(event.ploverType, 'ASSAULT', describe(doc, event));
  assert.equal(event.acledSubType, 'Armed clash', describe(doc, event));
  assert.equal(event.actors.length, 1, describe(doc, event));
  assert.equal(event.targets.length, 1, describe(doc, event));
  assert.ok(event.actors[0]!.name.includes('army'), describe(doc, event));
});

test('a verb after an apposition set off by commas has the name before it as subject', async () => {
  for (const [text, trigger, actor] of [
    ['Former President Donald Trump, the front-runner to face President Joe Biden in the Nov. 5 election, has urged lawmakers to oppose the aid.', 'urged', 'Donald Trump'],
    ['Israel, backed by the United States, attacked Iran on Friday.', 'attacked', 'Israel'],
  ] as const) {
    const doc = await analyze(text);
    const event = eventWhere(doc, (candidate) => doc.text.slice(candidate.trigger.start, candidate.trigger.end) === trigger);
    assert.deepEqual(event.actors.map((entry) => entry.name), [actor], describe(doc, event));
  }
});

test('a place that modifies a name after it is no participant of its own', async () => {
  const doc = await analyze('Siemens has agreed to buy U.S. industrial software company Altair Engineering for about $10 billion.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'AGREE');
  assert.deepEqual(event.targets.map((target) => target.name), ['Altair Engineering'], describe(doc, event));
  const forces = await analyze('Iran attacked U.S. forces in Iraq on Monday.');
  const attack = eventWhere(forces, (candidate) => candidate.ploverType === 'ASSAULT');
  assert.ok(attack.targets.some((target) => target.name.includes('U.S.')), describe(forces, attack));
});

test('an arrest is an arrest, whoever is arrested', async () => {
  const doc = await analyze('Police in Lagos arrested 40 protesters on Monday.');
  const event = eventTriggered(doc, 'arrested');
  assert.equal(event.acledSubType, 'Arrests', describe(doc, event));
  assert.equal(event.ploverType, 'COERCE', describe(doc, event));
});

test('a state regains territory, an armed group overtakes it; an accident that kills is a man-made disaster', async () => {
  const regained = await analyze('The army recaptured the town of Bakhmut from Wagner fighters.');
  assert.equal(eventWhere(regained, (event) => event.ploverType === 'ASSAULT').acledSubType, 'Government regains territory');
  const bus = await analyze('At least 30 people were killed when a bus plunged into a ravine in Nepal.');
  const crash = eventWhere(bus, (event) => event.casualties.length > 0);
  assert.equal(crash.acledSubType, 'Man-made disaster', describe(bus, crash));
  const attack = await analyze('At least 12 people were killed when gunmen attacked a bus in Nigeria.');
  assert.equal(eventWhere(attack, (event) => event.casualties.length > 0).ploverType, 'ASSAULT');
});

test('a count before a verb counts its subject, not events: one march', async () => {
  const doc = await analyze('Hundreds of people marched through central London on Saturday to protest against the war.');
  const protests = doc.events.filter((event) => event.ploverType === 'PROTEST');
  assert.equal(protests.length, 1, doc.events.map((event) => describe(doc, event)).join('\n'));
  assert.equal(protests[0]!.flags.aggregate, false);
});

test('a description no name was found for takes part by its words', async () => {
  const doc = await analyze('The prime minister met President Macron in Paris on Tuesday.');
  const event = eventWhere(doc, (candidate) => candidate.ploverType === 'CONSULT');
  assert.deepEqual(event.actors.map((actor) => [actor.name, actor.entity]), [['The prime minister', null]], describe(doc, event));
});

test('the agent of a passive before a preposition acts, and a group word that modifies a noun is no group', async () => {
  const accused = await analyze('The RSF, which controls most of Darfur, has been accused by the United States of genocide.');
  const event = eventWhere(accused, (candidate) => candidate.ploverType === 'ACCUSE');
  assert.deepEqual(event.actors.map((actor) => actor.name), ['United States'], describe(accused, event));
  const denied = await analyze('Hamas denied using the school for military purposes.');
  for (const found of denied.events) assert.ok(!found.targets.some((target) => target.name === 'military'), describe(denied, found));
});

test('what a ban forbids is no protest held; a building after `outside` is where, and where a march came from no target', async () => {
  const banned = await analyze('The mayor extended the emergency order that bans demonstrations in the city until Sunday.');
  for (const event of banned.events) assert.notEqual(event.ploverType, 'PROTEST', describe(banned, event));
  const doc = await analyze('Outside Congress, thousands of students and teachers who had marched from the University of Buenos Aires protested through the night.');
  for (const event of doc.events) {
    assert.ok(![...event.actors, ...event.targets].some((entry) => /Congress|University/.test(entry.name)), describe(doc, event));
  }
});

test('a name with a reporting group after it reports the event, no target', async () => {
  const doc = await analyze('An Israeli airstrike on the city on Friday killed a senior commander and at least 11 other people, the Israeli military and Lebanese officials said.');
  for (const event of doc.events) assert.ok(!event.targets.some((entry) => /Lebanese/.test(entry.name)), describe(doc, event));
});

test('a label given to something is no event of its own', async () => {
  const doc = await analyze('The opposition leader called the ban "an attack on freedom of expression". Critics described the vote as a massacre of democracy.');
  for (const event of doc.events) assert.notEqual(event.ploverType, 'ASSAULT', describe(doc, event));
});

test('a real attack called so stays an event', async () => {
  const doc = await analyze('Gunmen shot dead five people at a market on Friday. Police called it a terrorist attack.');
  assert.ok(doc.events.some((event) => event.ploverType === 'ASSAULT'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a toll told in a clause about an earlier happening is not the event\'s', async () => {
  const doc = await analyze('An Israeli airstrike on the city on Friday killed a commander. The strike came days after thousands of pagers exploded across Lebanon, killing 37 people.');
  const strike = eventWhere(doc, (event) => event.ploverType === 'ASSAULT');
  assert.ok(!strike.casualties.some((casualty) => casualty.count === 37), describe(doc, strike));
});

test('a protest one state lodges with another is an accusation; riot weapons with no protest told are no protest', async () => {
  const lodged = await analyze('Vietnam has lodged more than 40 protests against Beijing since 2020, the foreign ministry said.');
  const protests = eventTriggered(lodged, 'protests');
  assert.equal(protests.ploverType, 'ACCUSE', describe(lodged, protests));
  const vessel = await analyze('A Chinese coast guard ship fired water cannon at a Vietnamese fishing boat near the Paracel Islands on Monday.');
  const cannon = eventTriggered(vessel, 'fired water cannon');
  assert.notEqual(cannon.ploverType, 'PROTEST', describe(vessel, cannon));
  assert.notEqual(cannon.acledType, 'Protests', describe(vessel, cannon));
});

test('a disaster told again by its definite noun is the same event; help sent is no disaster of its own', async () => {
  const doc = await analyze('A magnitude 6.1 earthquake struck eastern Iran early on Friday, killing at least seven people, state media said. The quake was centred near the town of Kashmar and struck at a depth of 10 kilometres, the geological survey said.');
  const disasters = doc.events.filter((event) => event.acledSubType === 'Natural disaster');
  assert.equal(disasters.length, 1, doc.events.map((event) => describe(doc, event)).join('; '));
  const aid = await analyze('The agency had sent 30 tonnes of medical supplies to the region, its spokesman said.');
  for (const event of aid.events) assert.ok(!/disaster/.test(event.acledSubType), describe(aid, event));
});

test('a violent happening told again of the thing named just before, by its definite noun, is the same event; an attack or a shooting is no accident', async () => {
  const doc = await analyze('Gunmen abducted at least 30 passengers from a bus in Zamfara state on Sunday night, police said. The bus, carrying 60 people from Gusau to Sokoto, was attacked near the village of Dansadau, a police spokesman said.');
  const violent = doc.events.filter((event) => event.ploverType === 'ASSAULT' || /attacked/.test(doc.text.slice(event.trigger.start, event.trigger.end)));
  assert.equal(violent.length, 1, doc.events.map((event) => describe(doc, event)).join('; '));
  const shooting = await analyze('A shooting at a shopping mall in Ohio killed three people on Saturday, police said.');
  for (const event of shooting.events) assert.ok(!/disaster/.test(event.acledSubType), describe(shooting, event));
});

test('a vow of force is a threat; whom a party is tied to takes no part in what it does', async () => {
  const vow = await analyze('President Ruto has vowed to crush the gangs behind the attacks.');
  const vowed = eventTriggered(vow, 'vowed');
  assert.equal(vowed.ploverType, 'THREATEN', describe(vow, vowed));
  const tied = await analyze('The Houthis, who are allied with Iran, said on Monday their forces had fired two missiles at a tanker.');
  for (const event of tied.events) assert.ok(!event.actors.some((actor) => actor.name === 'Iran'), describe(tied, event));
});

test('a preposition\'s object joins no subject after `, and`; police are not who demonstrates; a name before `, of the … party,` acts', async () => {
  const doc = await analyze('Britain said it had cut its aid to Niger, and France condemned the coup.');
  const condemned = eventTriggered(doc, 'condemned');
  assert.deepEqual(condemned.actors.map((actor) => actor.name), ['France'], describe(doc, condemned));
  const night = await analyze('Riot police fired tear gas at protesters in Tbilisi on Monday, the fifth night of demonstrations against the government.');
  const demonstrations = eventTriggered(night, 'demonstrations');
  assert.ok(!demonstrations.actors.some((actor) => /police/i.test(actor.name)), describe(night, demonstrations));
  const party = await analyze('Prime Minister Petr Novak, of the ruling Civic Alliance party, accused the opposition of planning a coup.');
  const accused = eventTriggered(party, 'accused');
  assert.deepEqual(accused.actors.map((actor) => actor.name), ['Petr Novak'], describe(party, accused));
});

test('a relative clause\'s passive is done to the name it follows; a weapon shot down is a disrupted weapon, an aircraft shot down an attack', async () => {
  const doc = await analyze('A court convicted Major Tan Wei of ordering the murder of reporter Lim Chee Keong, who was shot dead outside his office in 2015.');
  const shot = eventTriggered(doc, 'shot dead');
  assert.deepEqual([shot.actors.map((actor) => actor.name), shot.targets.map((target) => target.name)], [[], ['Lim Chee Keong']], describe(doc, shot));
  const missiles = await analyze('The air force said it had shot down 30 of the 40 missiles fired overnight.');
  assert.equal(eventTriggered(missiles, 'shot down').acledSubType, 'Disrupted weapons use');
  const jet = await analyze('Rebels shot down a military helicopter near the border on Monday.');
  assert.equal(eventTriggered(jet, 'shot down').ploverType, 'ASSAULT');
});

test('a participle describing its noun accuses no one; who a massacre was ordered by acts; a year\'s toll is no day\'s; a weekend holds its Friday', async () => {
  const doc = await analyze('Gang members killed at least 70 people in the capital last weekend, most of them fishermen accused of helping the police. The massacre took place on Saturday and was ordered by the leader of the Red Coast gang, Jean "Ti Jean" Baptiste. More than 2,000 people have been killed in gang violence this year, the U.N. said.');
  assert.ok(!doc.events.some((event) => event.ploverType === 'ACCUSE'), doc.events.map((event) => describe(doc, event)).join('; '));
  const killings = doc.events.filter((event) => event.ploverType === 'ASSAULT');
  assert.equal(killings.length, 2, doc.events.map((event) => describe(doc, event)).join('; '));
  assert.ok(killings[0]!.actors.some((actor) => /Baptiste/.test(actor.name)), describe(doc, killings[0]!));
  assert.ok(killings[0]!.casualties.every((casualty) => casualty.count !== 2000), describe(doc, killings[0]!));
});

test('a toll confirmed a few sentences after a disaster, dated by when it stood, is the disaster\'s; the same toll told twice counts once', async () => {
  const doc = await analyze('A powerful earthquake struck the island of Sumbawa on Thursday afternoon. The quake hit at a depth of 10 kilometres. Waves of about one metre reached the port. At least 25 people were confirmed dead by Friday morning, officials said. At least 25 people were killed, the disaster agency said.');
  const quake = eventWhere(doc, (event) => event.acledSubType === 'Natural disaster');
  assert.deepEqual(quake.casualties.map((casualty) => `${casualty.kind}${casualty.count}`), ['killed25'], describe(doc, quake));
  assert.equal(doc.events.filter((event) => event.casualties.length > 0).length, 1, doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a plane that skidded off the runway and burst into flames, killing its passengers, is an accident', async () => {
  const doc = await analyze('A cargo plane skidded off the runway and burst into flames at the airport on Friday, killing six people, officials said.');
  const crash = eventWhere(doc, (event) => event.casualties.length > 0);
  assert.equal(crash.acledSubType, 'Man-made disaster', describe(doc, crash));
});

test('a running toll (since a date) is no part of the day\'s event', async () => {
  const doc = await analyze('Police fired tear gas at protesters in the capital on Tuesday. A rights group said 39 people had been killed in the protests since June 18.');
  const gas = eventTriggered(doc, 'fired tear gas');
  assert.deepEqual(gas.casualties, [], describe(doc, gas));
});

test('a court that struck down a provision hit no one', async () => {
  const doc = await analyze('The Supreme Court on Thursday upheld the election law but struck down a provision on party funding.');
  assert.ok(!doc.events.some((event) => event.ploverType === 'PROTEST' || event.ploverType === 'ASSAULT'), doc.events.map((event) => describe(doc, event)).join('; '));
  for (const quote of doc.quotes) assert.ok(!/struck down|upheld/.test(doc.text.slice(quote.cue?.start ?? 0, quote.cue?.end ?? 0)), doc.text.slice(quote.start, quote.end));
});

test('raids that make arrests are the arrests', async () => {
  const doc = await analyze('Turkish police detained 43 people, including journalists, in raids across Istanbul on Tuesday, the state news agency reported.');
  assert.ok(doc.events.every((event) => event.acledSubType === 'Arrests'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a sentence handed down is a state\'s coercion, not organised crime', async () => {
  const doc = await analyze('A court in Tehran sentenced the rapper Ali Rezaei to death on Wednesday, his lawyer said.');
  const sentenced = eventTriggered(doc, 'sentenced');
  assert.notEqual(sentenced.acledSubType, 'Organized crime', describe(doc, sentenced));
});

test('casualty counts: killed by the way they died, and a victims\' noun ends at a word\'s end', () => {
  const casualties = (text: string): string[] => findCasualties(text, { start: 0, end: text.length }).map((casualty) => `${casualty.kind} ${casualty.count} ${casualty.who}`);
  assert.deepEqual(casualties('A man was killed and a police officer was critically wounded.'), ['killed 1 man', 'injured 1 police officer']);
  assert.deepEqual(casualties('At least two people were shot dead and three villagers were hacked to death.'), ['killed 2 people', 'killed 3 villagers']);
  assert.deepEqual(casualties('A stabbing outside a school left a teenage girl dead and two other pupils injured.'), ['killed 1 teenage girl', 'injured 2 other pupils']);
  assert.deepEqual(casualties('Anna Qarnawat, 54, was fatally stabbed in her driveway. A man was arrested.'), ['killed 1 Anna Qarnawat']);
  assert.deepEqual(casualties('A man stabbed three people to death and wounded eight others at a festival.'), ['killed 3 people', 'injured 8 others']);
  assert.deepEqual(casualties('Gunmen shot two police officers dead in the market.'), ['killed 2 police officers']);
});

test('a stabbing\'s dead are victims, not events; a war\'s toll is a running one', async () => {
  const doc = await analyze('A man stabbed three people to death at a street festival in Hanau on Friday night, police said. The conflict has killed more than 20,000 people, according to the United Nations.');
  const stabbing = eventWhere(doc, (event) => event.casualties.some((casualty) => casualty.count === 3));
  assert.equal(stabbing.flags.aggregate, false, describe(doc, stabbing));
  const war = eventWhere(doc, (event) => event.casualties.some((casualty) => casualty.count === 20000));
  assert.equal(war.flags.aggregate, true, describe(doc, war));
});

test('the participles after a trigger are its own up to a clause of circumstance after a comma', async () => {
  const doc = await analyze('Paramilitary fighters shelled a crowded market in the town of Kutum on Sunday, killing at least 24 people, activists said, as fighting for the region intensified.');
  const shelling = eventTriggered(doc, 'shelled');
  assert.deepEqual(shelling.casualties.map((casualty) => casualty.count), [24], describe(doc, shelling));
});

test('a capitalised event word inside a name is the name\'s; tensions that exploded into fighting are no bomb; a fire that killed is a disaster', async () => {
  const doc = await analyze('The eruption was similar in size to the one in May, said a geophysicist at the Met Office. Tensions between the army and the militia exploded into open fighting in the capital in April. Last year, a fire in the Evros region killed 20 people.');
  assert.ok(!doc.events.some((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'Met'), doc.events.map((event) => describe(doc, event)).join('; '));
  assert.ok(!doc.events.some((event) => event.mode === 'explosives' || event.acledSubType === 'Remote explosive/landmine/IED'), doc.events.map((event) => `${describe(doc, event)} ${event.acledSubType}`).join('; '));
  const fire = eventWhere(doc, (event) => event.casualties.some((casualty) => casualty.count === 20));
  assert.equal(fire.ploverType, 'AID', `${describe(doc, fire)} ${fire.acledSubType}`);
});

test('those acted on are a group, not whom it follows; a participle before a title tells what befell that one before', async () => {
  const doc = await analyze('Police arrested more than 400 supporters of jailed former Prime Minister Imran Khan on Tuesday.');
  const arrest = eventTriggered(doc, 'arrested');
  assert.ok(!arrest.targets.some((target) => /Imran Khan/.test(target.name)), describe(doc, arrest));
  assert.ok(!doc.events.some((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'jailed'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a disaster\'s toll several sentences on, told with no violence, is more of it', async () => {
  const doc = await analyze('A powerful earthquake struck central Myanmar on Friday afternoon, killing at least 144 people, the military government said. In neighbouring Thailand, a tower under construction swayed. The quake hit at 12:50 p.m. near Mandalay. An aftershock followed 12 minutes later. It was felt in Yunnan. Senior Gen. Min Aung Hlaing, the head of Myanmar\'s military government, said that 732 people had been injured.');
  const quake = eventWhere(doc, (event) => event.casualties.some((casualty) => casualty.count === 144));
  assert.ok(quake.casualties.some((casualty) => casualty.count === 732), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('an attack on a power, a right or a record is words, no violence', async () => {
  const doc = await analyze('"This is an unprecedented attack on the power of Congress," said Diane Qarnawat. Critics kept up their attacks on her record as secretary of state.');
  assert.ok(!doc.events.some((event) => event.ploverType === 'ASSAULT'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('an offensive is violence, and its perfect of killing a running toll', async () => {
  const doc = await analyze("Israel's offensive has killed more than 45,000 Palestinians, according to the Health Ministry.");
  const offensive = eventTriggered(doc, 'offensive');
  assert.equal(offensive.ploverType, 'ASSAULT', `${describe(doc, offensive)} ${offensive.acledSubType}`);
  assert.equal(offensive.flags.aggregate, true, describe(doc, offensive));
});

test('offensive the adjective, and going on the offensive, is no event', async () => {
  const doc = await analyze('Rubio called the statement "offensive and outlandish." The campaign went on the offensive, and critics called his remarks deeply offensive and his offensive comments cruel.');
  assert.ok(!doc.events.some((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'offensive'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a strike that forces carried out is an attack, a strike of workers no attack', async () => {
  const doc = await analyze('The Defense Ministry said its forces had carried out a "massive strike" on energy facilities. Dock workers at the port went on strike over pay.');
  const forces = eventWhere(doc, (event) => event.trigger.start < doc.text.indexOf('Dock'));
  assert.equal(forces.ploverType, 'ASSAULT', `${describe(doc, forces)} ${forces.acledSubType}`);
  assert.ok(!doc.events.some((event) => event.trigger.start > doc.text.indexOf('Dock') && event.ploverType === 'ASSAULT'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a stabbing is an attack, and a person attacked is violence', async () => {
  const doc = await analyze('Police arrested a boy on Monday after a stabbing outside a school left a girl dead. Officers had been called following reports that a girl had been attacked near the school gates.');
  const stabbing = eventTriggered(doc, 'stabbing');
  assert.equal(stabbing.acledSubType, 'Attack', describe(doc, stabbing));
  const attacked = eventTriggered(doc, 'attacked');
  assert.equal(attacked.ploverType, 'ASSAULT', `${describe(doc, attacked)} ${attacked.acledSubType}`);
});

test('a natural hazard that struck with no toll told is a disaster with no actor; one only warned of is none', async () => {
  const doc = await analyze("A volcano on Iceland's Qarnawat peninsula erupted late on Wednesday, forcing the evacuation of a nearby town. Forecasters warned that a hurricane could hit the coast.");
  const eruption = eventTriggered(doc, 'erupted');
  assert.equal(eruption.acledSubType, 'Natural disaster', describe(doc, eruption));
  assert.deepEqual(eruption.actors, [], describe(doc, eruption));
  assert.ok(!doc.events.some((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'hit'), doc.events.map((event) => describe(doc, event)).join('; '));
});

test('where an event took place is no target of it', async () => {
  const doc = await analyze('The attack took place at around 9:40 p.m. on the Qarnawat Square, police said.');
  const attack = eventTriggered(doc, 'attack');
  assert.ok(!attack.targets.some((target) => /Qarnawat/.test(target.name)), describe(doc, attack));
});

test('declining to comment or a fall is no rejection; refusing a demand is', async () => {
  const doc = await analyze('A spokeswoman for the company declined to comment. Sales declined 3% in the quarter. The prime minister refused to respond to a demand from Washington.');
  const rejections = doc.events.filter((event) => event.ploverType === 'REJECT').map((event) => doc.text.slice(event.trigger.start, event.trigger.end));
  assert.deepEqual(rejections, ['refused'], doc.events.map((event) => describe(doc, event)).join('; '));
});

test('a natural hazard that buried a bus is a natural disaster; what monsoon rains do each year is no one event', async () => {
  const doc = await analyze('In Dhading district, west of the capital, a landslide buried a bus on a highway, killing at least 35 passengers, police said.');
  const slide = eventTriggered(doc, 'killing');
  assert.equal(slide.acledSubType, 'Natural disaster', describe(doc, slide));
  const yearly = await analyze('Nepal\'s monsoon rains kill hundreds of people each year.');
  for (const event of yearly.events) assert.ok(event.flags.aggregate, describe(yearly, event));
});

test('"killed all 346 people" counts 346; a deal and whoever speaks of it after the verb carry none of it', async () => {
  assert.deepEqual(findCasualties('The crashes killed all 346 people aboard both planes.', { start: 0, end: 52 }).map((c) => [c.kind, c.count, c.qualifier]), [['killed', 346, 'exact']]);
  const doc = await analyze('Boeing agreed to plead guilty to a fraud charge. The crashes of two of its jets in 2018 and 2019 killed all 346 people aboard. Families of some of the victims denounced the deal. "This sweetheart deal fails to recognize that because of Boeing\'s conspiracy, 346 people died," said Paul Cassell, a lawyer for the families.');
  const deal = eventWhere(doc, (event) => event.ploverType === 'AGREE');
  assert.deepEqual(deal.casualties, [], describe(doc, deal));
  assert.ok(!deal.targets.some((target) => /Cassell|lawyer/.test(target.name)), describe(doc, deal));
});

test('police in a city act, not the city; a person arrested by age is the target', async () => {
  const doc = await analyze('Police in Minneapolis have arrested a 19-year-old man in connection with a shooting outside a high school.');
  const arrest = eventTriggered(doc, 'arrested');
  assert.deepEqual(arrest.actors.map((entry) => entry.name), ['Police'], describe(doc, arrest));
  assert.deepEqual(arrest.targets.map((entry) => entry.name), ['19-year-old man'], describe(doc, arrest));
});

test('an outbreak’s toll beside a warning is a disaster of its own, and a warning of a disease’s course no threat', async () => {
  const doc = await analyze('The World Health Organization said on Friday that a cholera outbreak in Sudan had killed at least 388 people since July, and warned that heavy rains and mass displacement caused by the country\'s war were likely to spread the disease further.');
  const toll = eventTriggered(doc, 'killed');
  assert.equal(toll.acledSubType, 'Natural disaster', describe(doc, toll));
  assert.deepEqual(toll.actors, [], describe(doc, toll));
  assert.deepEqual(toll.casualties.map((casualty) => casualty.count), [388], describe(doc, toll));
  assert.ok(!doc.events.some((event) => event.ploverType === 'THREATEN'), doc.events.map((event) => describe(doc, event)).join('\n'));
});

test('a strike’s toll before the comma that sets off a year of fighting is the strike’s; the fighting is a span, not one event', async () => {
  const doc = await analyze('An Israeli airstrike on a building in southern Beirut killed a senior Hezbollah commander and at least four other people on Tuesday, Lebanese officials said, the latest escalation in nearly a year of cross-border fighting.');
  const strike = eventTriggered(doc, 'airstrike');
  assert.deepEqual(strike.casualties.map((casualty) => casualty.count), [4], describe(doc, strike));
  assert.ok(!strike.flags.aggregate, describe(doc, strike));
  const fighting = doc.events.find((event) => doc.text.slice(event.trigger.start, event.trigger.end) === 'fighting');
  assert.ok(!fighting || fighting.flags.aggregate, fighting ? describe(doc, fighting) : '');
});

test('a verb joined by ", and" after another verb’s object has the sentence’s subject as actor', async () => {
  const doc = await analyze('U.S. Secretary of State Madeleine Albright paid tribute to the victims of the bombing, and promised to track down the perpetrators.');
  const promise = eventTriggered(doc, 'promised');
  assert.deepEqual(promise.actors.map((entry) => entry.name), ['Madeleine Albright'], describe(doc, promise));
  const thanked = await analyze('Claudia Sheinbaum thanked outgoing President Andrés Manuel López Obrador, her political mentor, and promised to continue his policies.');
  const continued = eventTriggered(thanked, 'promised');
  assert.deepEqual(continued.actors.map((entry) => entry.name), ['Claudia Sheinbaum'], describe(thanked, continued));
});

test('resigning in protest is no protest held', async () => {
  const doc = await analyze('Several Georgian ambassadors resigned in protest, including the envoy to the United States.');
  assert.ok(!doc.events.some((event) => event.ploverType === 'PROTEST'), doc.events.map((event) => describe(doc, event)).join('\n'));
});
