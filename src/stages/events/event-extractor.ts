/**
 * Event extraction: finds event triggers in sentences, types each mention with the event classifier,
 * fills actor, target, place, date, casualties, source and flags from the earlier layers, and merges
 * the mentions of one real event told in several sentences into one record.
 *
 * Finders propose (trigger, casualty and participant patterns), resolvers decide (merging, the most
 * precise place); each record keeps the rule that produced it.
 */
import { POSSESSIVE_DETERMINERS } from '../../lang/en/pronouns.js';
import { FULL_MONTH, SHORT_MONTH } from '../../lang/en/calendar.js';
import type { Casualty, Doc, Entity, Event, EventActor, Mention, Place, Quote, Sentence, Span, Timex } from '../../doc/schema.js';
import { ACTOR_KIND_CUES, CASUALTY_TRIGGER_PATTERN, EVENT_TRIGGER_PATTERN, PLOVER_TRIGGER_PATTERNS } from '../../lang/en/event-triggers.js';
import { assaultMode, classifyEventText, type EventTypeModels, type EventTypeResult } from './event-classifier.js';
import { buildTokenMatcher, matchTokens } from './cue-index.js';
import { eventTypeInfo, type EventTypeInfo } from './event-types.js';
import { SpanIndex } from '../../doc/span-index.js';

/** Options of {@link extractEvents}. */
export interface ExtractEventsOptions {
  /** Publication date `YYYY-MM-DD`, the fallback event date and the reference for `historical`. Default: `doc.meta.published`. */
  readonly published?: string;
}

// Violent and protest triggers first, then the non-violent PLOVER verbs ("agreed", "urged", "met", "accused").
// (And interceptions, typed here rather than by the models: `shot down 104 of the missiles`.)
const INTERCEPTION_TRIGGER = 'shot down|intercepted|downed';
const TRIGGER_SOURCE = [EVENT_TRIGGER_PATTERN, ...Object.values(PLOVER_TRIGGER_PATTERNS), INTERCEPTION_TRIGGER].join('|');
// Matched word by word (see buildTokenMatcher): the same matches as one long regular expression, faster.
const TRIGGER = buildTokenMatcher([{ source: TRIGGER_SOURCE, tag: 'trigger' }]);
const CASUALTY_WORD = /\b(?:kill|wound|injur|dead|died|hurt|death toll|to death|fatally)/i;
// The violent and protest words alone: an event they name is typed by the ACLED sub-type model.
const VIOLENT_TRIGGER = new RegExp(`^(?:${EVENT_TRIGGER_PATTERN})`, 'i');
const CASUALTY_VERB = new RegExp(`\\b(?:${CASUALTY_TRIGGER_PATTERN})\\b`, 'gi');
const ACTOR_KINDS = ACTOR_KIND_CUES.map((cue) => ({ kind: cue.kind, pattern: new RegExp(`\\b(?:${cue.pattern})\\b`, 'i') }));

// "enabling the terrorist group to threaten and attack US interests": a capability, not an event.
const CAPABILITY_BEFORE = /\b(?:enabl\w*|allow\w*|help\w*|able|abilit\w*|capab\w*|capacit\w*|sanctuar\w*|to establish|for plotting|plotting)\b[^.;]{0,60}$/i;
// "the US military threatened to strike", "will attack": told as possible or planned, not done.
const HYPOTHETICAL_BEFORE = /\b(?:will|would|could|might|may|shall|threaten(?:ed|s)? to|vow(?:ed|s)? to|plan(?:s|ned)? to|intend(?:s|ed)? to|prepar(?:ing|ed) to|if|unless|possible|potential)\b(?:\s+\S+){0,3}\s*$/i;
// "did not attack", "denied carrying out the raid", "no airstrikes".
const NEGATED_BEFORE = /\b(?:not|never|no|denied|deny|denies|n['’]t)\b(?:\s+\S+){0,2}\s*$/i;
// "a series of airstrikes", "over 500 airstrikes", "dozens of raids", "additional strikes".
// A count before the trigger ("three airstrikes"; a decimal is a measure: "a magnitude 6.2 earthquake"),
// or a habit ("is frequently struck by earthquakes"); a collective noun only with `of` ("a wave of
// arrests", not "Trump's campaign pressed").
/**
 * PLOVER types of accord, diplomacy and appeal, whose events have no casualties of their own. (Not
 * an accusation or a denial: `Dylann Roof is accused of killing nine people` may be all the text
 * tells of the killing, and its toll stays with it.)
 */
const WORDS_ONLY: ReadonlySet<string> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'REQUEST']);
/** A clause that tells what happens every year (or month, week, day). */
const HABITUAL_AFTER = /^[^.;]*?\b(?:(?:each|every|per)\s+(?:year|month|week|day|summer|winter|season)|annually|yearly)\b/i;
const AGGREGATE_BEFORE = /\b(?:(?:series|wave|campaign|string|spate|number)\s+of|(?:frequently|often|regularly|routinely|usually|commonly|periodically|dozens|hundreds|scores|thousands|several|multiple|numerous|repeated|additional|(?<![.\d])(?!(?:19|20)\d\d\b)\d[\d,]*(?!\.\d)|two|three|four|five|six|seven|eight|nine|ten)\b(?:\s+of)?)(?:\s+\S+){0,2}\s*$/i;
/** A verb of labelling and its object right before a label in quote marks or after `as` (`called the ban "an `, `described the vote as a `; not `called it a terrorist attack`, told of a real one). */
const LABELLED_BEFORE = /\b(?:call(?:ed|s|ing)?|labell?(?:ed|s|ing)?|branded|described|denounced|decried|condemned)\s+(?:(?:the|it|this|that|his|her|its|their)\s+)(?:[\w’'-]+\s+){0,3}(?:as\s+["“]?|["“])\s*(?:an?|the)\s+(?:[\w-]+\s+){0,1}$/i;
/** A clause about a happening days or weeks before (or after) the one told (`came days after`). */
const EARLIER_HAPPENING = /\b(?:days|weeks|months|years|hours|a\s+day|a\s+week|a\s+month|a\s+year)\s+(?:after|before)\b/i;
/** A ban right before what it forbids (`bans demonstrations`, `a ban on all public gatherings`). */
const BANNED_BEFORE = /\b(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|outlaw(?:s|ed|ing)?|forbid(?:s|ding)?|forbade)\s+(?:on\s+|of\s+)?(?:(?:all|any|further|public|street|mass|political|large|unauthori[sz]ed)\s+){0,2}$/i;
// "additional strikes", "another attack": a different event from the ones told before.
const DISTINCT_BEFORE = /\b(?:additional|another|other|further|new|separate|second|third)\b(?:\s+\S+){0,1}\s*$/i;
// "the strike", "this airstrike", "the attack": refers back to an event already told.
const ANAPHOR_BEFORE = /\b(?:the|this|that|these|those|its|their)\s+(?:\S+\s+){0,1}$/i;
const SPEECH_BEFORE = /\b(?:said|says|told|stated|announced|statement|added|according to|reported)\b(?:\s+\S+){0,4}\s*$/i;
/** From a name to a verb of its relative clause: `, which investigated`, `, who had led`. */
const RELATIVE_CLAUSE_TO = /^\s*,\s*(?:which|who)\s+(?:(?:has|have|had|was|were)\s+)?(?:\w+ly\s+)?$/i;
/** An attack noun and the preposition of what it hit, right before a name (`a cyberattack on`, `air strikes against the`). */
const ATTACKED_BEFORE = /\b(?:(?:cyber)?attacks?|(?:air\s*|drone\s+)?strikes?|raids?|assaults?|offensive|bombings?|shelling|ambush(?:es)?)\s+(?:on|against|targeting)\s+(?:the\s+)?$/i;
/** Words tying a group to the name after them (`linked to Russia`, `affiliated with al-Qaeda`). */
const RELATIVE_AFFILIATION_BEFORE = /\b(?:which|who|that)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:linked|tied|affiliated|aligned|allied|loyal|close|connected)\s+(?:to|with)\s+(?:the\s+)?$/i;
const AFFILIATED_BEFORE = /\b(?:linked|tied|affiliated|aligned|allied|loyal|close|connected)\s+(?:to|with)\s+(?:the\s+)?$/i;
/** What an evacuation out of harm's way moves: people and the buildings or places they are in. */
const SHELTERED_AFTER = /^\s+(?:(?:about|some|more than|at least|nearly|around|up to|[\d,]+|two|three|four|five|six|dozens of|hundreds of|thousands of|the|a|an|their|its|several|many|all)\s+)*(?:people|residents|villagers|families|civilians|homes|houses|hotels?|buildings?|schools?|hospitals?|campsites?|towns?|villages?|neighbou?rhoods?|areas?|patients|tourists|passengers|students|children|workers|staff|employees)\b/i;
/** A natural or industrial hazard in the sentence: an evacuation from it is no retreat. */
const HAZARD = /\b(?:fires?|wildfires?|blaze|floods?|flooding|storms?|hurricanes?|typhoons?|cyclones?|earthquakes?|quakes?|tsunami|eruption|volcano|landslides?|leaks?|spill|explosion|heatwave)\b/i;
/** Only capitalised title words before a sentence's subject (`Opposition leader`, `Army chief General`). */
const TITLE_ONLY = /^(?:(?:the\s+)?[A-Z][\w.-]*(?:\s+[a-z]+)?\s+){1,3}$/;
/** A relative clause opening right after a name: `, who`, `, which`. */
const RELATIVE_AFTER = /^\s*,\s*(?:who|which)\b/i;
const ACCORDING_TO = /\baccording to\s+$/i;
/** Where a report was made: `said on Telegram`, `wrote in The Atlantic`, `posted on X`. */
const MEDIUM_BEFORE = /\b(?:said|says|wrote|writes|posted|posts|announced|stated|added|told reporters)\s+(?:on|in|via)\s+(?:the\s+)?$/i;
const GROUP_NOUNS = 'military|army|forces|troops|soldiers|aircraft|warplanes|jets|navy|police|government|officials|authorities|citizens|civilians|nationals|'
  + 'rebels|militants|guerrillas|insurgents|fighters|militias?|separatists|gunmen|peacekeepers|officers|leaders|ministers?|president|parliament|court|judge|'
  + 'diplomats|delegation|intelligence|doctors|workers|students|protesters|demonstrators|farmers|villagers|residents|refugees|opposition|activists|'
  + 'hostages|captives|prisoners|detainees|journalists|nationals|tourists|settlers|'
  // (`Boeing machinists voted … to end a strike`: a company's or union's workers act as a group.)
  + 'machinists|employees|staff|nurses|teachers|miners|pilots|drivers|dockworkers|supporters|fans|voters';
// (The word between is a modifier, not a clause's: "accusations by Exxon Mobil that journalists …".)
// (Not a unit named by its government: `Mangu local government area` is a district of Nigeria.)
const GROUP_AFTER = new RegExp(String.raw`^\s+((?:(?!(?:that|which|who|whom|whose|and|or|but|the|a|an|of|to|in|on|at|for|with|by|from|as|said|says|told|than|if)\b)[a-z][\w-]*\s+){0,1}(?:${GROUP_NOUNS}))\b(?!\s+(?:area|council area|district)\b)`);
// "in northern Syria and Iraq", "near Ubari, Libya", "the coastal city of Sirte": a place, not a participant.
const LOCATIVE_BEFORE = /\b(?:in|at|near|from|across|throughout|inside|outside|into|around|within|of|off|via|between|through|towards?|outskirts)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i;
/** A reporting group and its verb right after a name (`Lebanese officials said`, `Ukrainian media reported`). */
const REPORTING_GROUP_AFTER = /^\s+(?:(?:security|health|military|government|local|hospital|police)\s+)?(?:officials?|sources?|authorities|media|spokes(?:man|woman|person|people))\s+(?:said|say|says|told|reported)\b/i;
// "…, the White House announced Tuesday", "a Jordanian official confirmed": who reports, not who acts.
const REPORTING_AFTER = /^\s*(?:spokes\w+|said|told|added|says|confirmed|announced|reported|stated|noted|quoted)\b/;
// "Pentagon spokesperson …", "White House officials said": the name is who speaks.
const ATTRIBUTION_AFTER = /^\s+(?:spokes(?:man|woman|person|people)|press (?:secretary|office)|officials?\s+(?:said|told)|said|told|says|statement)\b/i;
// A clause boundary between a trigger and a word: "…, which oversees US military operations", "following the ousting of …".
// "Roman Protasevich was detained", "two soldiers were reportedly killed": the trigger is a passive verb,
// so the subject before it is the one acted on; who acts is named after `by`, if at all.
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|gets|got|gotten)\s+(?:(?:\w+ly|both|all|also|each|then|later|never|not|since|allegedly)\s+){0,2}$/i;
const PARTICIPLE = /(?:ed|en|wn|shot|held|hit|struck|caught|fought|hurt|set|put)$/i;
const AGENT_BEFORE = /\bby\s+(?:the\s+)?$/i;
const CLAUSE_BREAK = /,\s*(?:according|which|who|where|while|a country|said|told)\b|;|\s[–—]\s|\b(?:following|after|before|since|when|though|although|because)\b|\b(?:and|but)\s+(?:said|says|told|added)\b/i;
// A date inside "following the ousting of Libyan dictator Moammar Gadhafi in 2011" dates that other happening.
// (Not `when`: "were killed when gunfire erupted … late Saturday" happened at that time.)
const SUBORDINATE_DATE = /\b(?:following|after|before|since)\b[^,;]*$/i;
// Farther back, a clause of its own (`, after Prime Minister Irakli Kobakhidze said the country would suspend talks … until 2028`);
// not a participle sharing the event's subject (`killed 44 people after slamming into Florida's Big Bend late on Thursday`).
const SUBORDINATE_CLAUSE_DATE = /\b(?:following|after|before|since)\s+(?!\w+ing\b)[^,;]*$/i;
/** A second reported clause between an event and a date ("said Diallo was detained … and that the vote would go ahead on Sunday"): the date is that clause's. */
const OTHER_CLAUSE = /\b(?:and|but|or)\s+that\b|\b(?:while|whereas)\b|;/i;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1, dozen: 12,
};
const QUANTITY = String.raw`(?:(over|more than|at least|about|around|nearly|almost|some|up to|approximately|roughly|all)\s+)?(\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|scores|hundreds of thousands|tens of thousands|thousands|hundreds|several|many|a number)`;
// (The words before the victims' noun are its modifiers, never a clause after `and`: `killing at
// least 62 people and destroying hundreds of homes` counts people.)
const WHO = String.raw`((?:of\s+)?(?:(?!(?:and|or|but)\s)[\p{L}’'-]+\s+){0,3}(?:people|persons|civilians|soldiers|troops|policemen|officers|militants|fighters|terrorists|rebels|insurgents|children|women|men|citizens|villagers|residents|protesters|demonstrators|students|workers|leaders|members|officials|others|police|guards|passengers|person|man|woman|child|boy|girl|baby|soldier|officer|policeman|civilian|worker|student|resident|villager|protester|passenger|journalist|guard|pilot|driver|teenager|(?!(?:has|was|is|as|this|his|its|does|says|thus|plus|less|across|towards|us|yes|years|months|weeks|days|hours|minutes|times|decades)\b)[\p{L}’'-]+[a-z]s)(?![\p{L}’'-]))`;
const CASUALTY_PATTERNS: readonly { readonly rule: string; readonly pattern: RegExp; readonly order: 'verb-first' | 'count-first' | 'zero' | 'toll' | 'named' }[] = [
  // "The death toll from a missile strike on an apartment building rose to 40": the dead, as a toll.
  { rule: 'death-toll', order: 'toll', pattern: new RegExp(String.raw`\bdeath toll\b[^.;!?]{0,120}?\b(?:rose|climbed|jumped|reached|increased|hit|stood|stands|was|is|has risen|had risen|has climbed)\s+(?:to\s+|at\s+)?${QUANTITY}(?![\d,]|\.\d)`, 'giu') },
  // "no civilians were killed", "no one was hurt" (before the counts: `one was hurt` is no count)
  { rule: 'zero', order: 'zero', pattern: new RegExp(String.raw`\b(?:no|none of the)\s+([\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)\s+(?:were|was|have been|had been)\s+(?:\S+\s+)?(killed|wounded|injured|hurt)`, 'giu') },
  // "killing one of the group's leaders", "killed “two al Qaeda terrorists, including Musa Abu Dawud",
  // "killed a senior Hezbollah commander and at least 11 other people"
  { rule: 'verb-count', order: 'verb-first', pattern: new RegExp(String.raw`\b(kill(?:ed|ing|s)?|wound(?:ed|ing)|injur(?:ed|ing))\s+[“"]?(?:(?:our|the|a|an|his|her|their|its)\s+(?:[\p{L}’'-]+\s+){1,3}and\s+)?${QUANTITY}\s+${WHO}(,?\s+including\s+[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)?`, 'giu') },
  // "stabbed three people to death", "shot two officers dead": killed, by the way they died.
  { rule: 'verb-to-death', order: 'verb-first', pattern: new RegExp(String.raw`\b((?:stabb|shot|shoot|beat|beaten|hack|burn|burnt|crush|trampl|club|bludgeon|ston|lynch|gunn)\w*(?:\s+down)?)\s+${QUANTITY}\s+${WHO}\s+(?:to\s+death|dead)\b`, 'giu') },
  // "a stabbing … left a teenage girl dead and two other pupils injured": the state a happening left people in.
  { rule: 'left-dead', order: 'count-first', pattern: new RegExp(String.raw`\bleft\s+${QUANTITY.replace('|a number)', '|a number|an?)')}\s+${WHO}\s+(dead|injured|wounded|hurt)\b`, 'giu') },
  // "five civilians were killed", "at least 12 people died", "one person was killed"
  { rule: 'count-verb', order: 'count-first', pattern: new RegExp(String.raw`\b${QUANTITY}\s+${WHO}\s+(?:were|was|have been|had been|has been|are|got|have|has|had)?\s*(?:(?:confirmed|reported|feared|believed|presumed|found|now|already|also|shot|beaten|burned|burnt|stabbed|hacked|crushed)\s+)?(killed|dead|died|wounded|injured|hurt|to\s+death)`, 'giu') },
  // "A man was killed", "a woman has been stabbed to death", "a boy was fatally shot": one victim
  // named by an indefinite article.
  { rule: 'one-victim', order: 'count-first', pattern: new RegExp(String.raw`\b()(an?)\s+((?:(?!(?:and|or|but)\s)[\p{L}’'-]+\s+){0,2}(?:person|man|woman|child|boy|girl|baby|soldier|officer|policeman|policewoman|civilian|worker|student|resident|villager|protester|passenger|journalist|guard|pilot|driver|teenager|pedestrian|cyclist|motorcyclist|tourist|shopkeeper|farmer|teacher|nurse|doctor|pupil|bystander|commuter))\s+(?:was|has\s+been|had\s+been|is|were)\s+(killed|dead|wounded|injured|hurt|(?:fatally|critically|seriously|badly)\s+(?:stabbed|shot|wounded|injured|hurt)|(?:stabbed|shot|beaten|hacked)\s+to\s+death|shot\s+dead|shot\s+and\s+killed)\b`, 'giu') },
  // "at least one has died": a count alone as the subject.
  { rule: 'count-has-died', order: 'count-first', pattern: new RegExp(String.raw`\b${QUANTITY}()\s+(?:has|have|had)\s+(died|been killed|been wounded|been injured)`, 'giu') },
  // "Enoch Gaver, 21, was killed": a victim named with an age.
  { rule: 'named-victim', order: 'named', pattern: new RegExp(String.raw`\b(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}),\s+\d{1,3},\s+(?:was|has been|had been)\s+(killed|shot dead|found dead|wounded|injured|fatally\s+(?:stabbed|shot)|(?:stabbed|beaten|shot)\s+to\s+death)`, 'gu') },
  // "killed at least 56 civilians and wounded nearly 600 on Saturday": the count alone, its noun left out.
  { rule: 'verb-count-bare', order: 'verb-first', pattern: new RegExp(String.raw`\b(kill(?:ed|ing|s)?|wound(?:ed|ing)|injur(?:ed|ing))\s+${QUANTITY}(?=\s+(?:on|in|at|during|after|before|and|when|while)\b|\s*[,;]|\.(?!\d)|\s*$)`, 'giu') },
];

/** A casualty verb that tells of the dead (`killed`, `shot dead`, `stabbed to death`, `fatally stabbed`), not the wounded. */
const KILLED_VERB = /kill|dead|died|death|fatally\s+(?:stabbed|shot)/i;

/** What stands before a year: a month, `in`, `since` (`in April 2023`, `since 2019`). */
const YEAR_LEAD = new RegExp(String.raw`(?:\b(?:in|since|of|by|until|from|before|after)|${FULL_MONTH}|${SHORT_MONTH}\.?)\s+\S*$`, 'i');

/** One place where an event is told, before merging. */
interface EventMention {
  readonly sentence: Sentence;
  readonly trigger: Span;
  readonly window: Span;
  readonly type: EventTypeResult;
  readonly actors: EventActor[];
  readonly targets: EventActor[];
  readonly places: Place[];
  readonly timex: Timex | null;
  readonly casualties: Casualty[];
  readonly source: Event['source'];
  /** Whether the source tells of the event (`said`, `according to`) rather than reacts to it (`condemned`, `denied`). */
  readonly sourceReports: boolean;
  readonly flags: Event['flags'];
  readonly anaphoric: boolean;
  readonly distinct: boolean;
  /** `such` right before the trigger: the kind of an event told before (`the third such strike`). */
  readonly such: boolean;
}

/**
 * A violent or protest word names that happening, whatever the sentence does with it: "Al Qaeda in Libya
 * was responsible for the 2013 attack …" tells an attack (through an attribution the PLOVER model reads as
 * ACCUSE). Its PLOVER type is the one of its ACLED sub-type (the sub-type model is trained on such reports).
 */
function typedByAcled(type: EventTypeResult, windowText: string, triggerText = ''): EventTypeResult {
  // A disaster is what happened too ("an earthquake struck", "the building collapsed, killing 12"):
  // only the classes that say how a happening is told (attribution, diplomacy) give way to ACLED's.
  let info = type.info.acled || DISASTERS.has(type.info.code) ? type.info : type.acledOnly;
  // "Russian missiles struck a power plant": a weapon that struck is no accident.
  if (DISASTERS.has(info.code) && WEAPON_STRUCK.test(windowText)) info = type.acledOnly;
  // "The train … was attacked near the village of Katari": an attack is no accident, whatever it hit.
  // (`attacked` with a weapon or a violent party named: `Rubio attacked Cruz` is words.)
  // (`Israel's offensive has killed …`: a military offensive, by its killing or its forces.)
  if (DISASTERS.has(info.code) && (VIOLENCE_ITSELF.test(triggerText) || (/^offensives?$/i.test(triggerText) && MILITARY_OFFENSIVE.test(windowText)) || /^(?:raid(?:s|ed)?|stormed|abduct\w*|kidnapp\w*)$/i.test(triggerText) || (/^attack(?:s|ed|ing)?$/i.test(triggerText) && VIOLENCE_WORD.test(windowText.replace(/\battack\w*/gi, ''))))) {
    const assault = type.acledFor('ASSAULT');
    info = assault && !DISASTERS.has(assault.code) ? assault : eventTypeInfo('ATTACK');
  }
  // "a man has been stabbed to death": a knife attack on someone, whatever sub-type the model read.
  if (/^stabb/i.test(triggerText) && !/^(?:ATTACK|MOB_VIOL|SEX_VIOL|ARMED_CLASH)$/.test(info.code)) info = eventTypeInfo('ATTACK');
  // "reports that a girl had been attacked near the school gates": a person attacked is violence,
  // whatever else the model read.
  if (info.ploverType !== 'ASSAULT' && /^attacked$/i.test(triggerText) && PERSON_ATTACKED.test(windowText)) info = eventTypeInfo('ATTACK');
  // "two people had opened fire after an argument": a shooting or bombing word is violence,
  // whatever else the sentence speaks of (investigators, arrests).
  if (info.ploverType !== 'ASSAULT' && info.ploverType !== 'PROTEST' && !DISASTERS.has(info.code) && VIOLENCE_ITSELF.test(triggerText)) info = type.acledFor('ASSAULT') ?? info;
  // "Police in Lagos arrested 40 protesters": an arrest is an arrest, whoever is arrested.
  if (info.code !== 'ARREST' && /^(?:arrest(?:ed|s)?|detained)$/i.test(triggerText)) info = eventTypeInfo('ARREST');
  // "imposed sanctions on three banks": a penalty no one is arrested by.
  if (info.code === 'ARREST' && /^sanctions$/i.test(triggerText)) info = eventTypeInfo('OTHER');
  // "its forces had carried out a massive strike on energy facilities": a strike by forces is an
  // attack, whatever the model read (not a strike by workers).
  if (info.ploverType !== 'ASSAULT' && !DISASTERS.has(info.code) && /^strikes?$/i.test(triggerText) && FORCES_STRIKE.test(windowText) && !LABOUR_STRIKE.test(windowText)) {
    const assault = type.acledFor('ASSAULT');
    info = assault && /^(?:AIR_STRIKE|ART_MISS_ATTACK|ATTACK|ARMED_CLASH)$/.test(assault.code) ? assault : eventTypeInfo('ATTACK');
  }
  // "A missile strike hit an apartment building": a strike with a weapon is no labour strike.
  if (info.ploverType === 'PROTEST' && /^strikes?$/i.test(triggerText) && assaultMode(windowText)) info = type.acledFor('ASSAULT') ?? info;
  // A mode only from a weapon word, or from a sub-type defined by its weapon (air strike: aerial).
  return retyped(type, info, info.ploverType === 'ASSAULT' ? assaultMode(windowText) ?? (info.needsCue ? info.mode : undefined) : info.mode);
}

/** `type` read as the class `info` instead, with `mode` (none when undefined). */
function retyped(type: EventTypeResult, info: EventTypeInfo, mode: string | undefined): EventTypeResult {
  const { mode: _previous, ...rest } = type;
  return { ...rest, info, code: info.code, ploverType: info.ploverType, ...(mode ? { mode } : {}) };
}

// Participants named by what they are, not by name ("Gunmen on motorcycles opened fire", "police
// fired tear gas at protesters", "killing at least 12 civilians"): event datasets code them as
// generic actors (ACLED's "Unidentified Armed Group", "Civilians", "Protesters"). Officials and
// governments are left out: unnamed, they are mostly who reports.
const GENERIC_GROUPS = 'gang members|gangs|gangsters|cartel members|gunmen|gunman|suicide bombers?|bombers?|shooters?|snipers?|armed men|masked men|unidentified men|militants|insurgents|rebels|jihadists|fighters|terrorists|assailants|attackers|militiamen|militias?|extremists|bandits|kidnappers|pirates|'
  + 'troops|soldiers|forces|police(?:\\s+officers)?|policemen|riot police|army|military|protesters|demonstrators|rioters|mobs?|'
  + 'civilians|villagers|residents|worshippers|students|workers|farmers|herders|journalists|children|passengers|migrants|refugees|prisoners|inmates|settlers|pilgrims|shoppers|traders|'
  // (One person, by age or as a suspect: `arrested a 19-year-old man`, `detained two suspects`;
  // not `people`, `men` or `a man` alone, who are mostly no party to an event.)
  + 'suspects?|\\d+-year-old (?:man|woman|boy|girl|men|women|boys|girls)';
const GENERIC_QUALIFIER = 'suspected|armed|unidentified|unknown|masked|heavily armed|Islamist|jihadist|government|security|riot|federal|local|pro-\\w+|anti-\\w+';
/** A demonym ("Malian troops", "Israeli settlers"). */
const GENERIC_DEMONYM = '[A-Z][a-z]+(?:ian|ean|ese|ish|i|an)';
// A qualifier and the group noun; not the first word of a compound ("police station", "army base", "militant leader").
// Case-sensitive but for a first capital ("Gunmen", "Armed men"): a demonym must be capitalised ("than" is no demonym).
const initialCapital = (alternatives: string): string => alternatives.split('|').map((word) => /^[a-z]/.test(word) ? `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}` : word).join('|');
const GENERIC_PARTICIPANT = new RegExp(String.raw`\b((?:(?:${initialCapital(GENERIC_QUALIFIER)}|${GENERIC_DEMONYM})\s+){0,2}(?:${initialCapital(GENERIC_GROUPS)}))\b(?!['’]|-|\s+(?:stations?|chiefs?|commanders?|spokes\w+|officials?|headquarters|bases?|camps?|posts?|checkpoints?|vehicles?|convoys?|units?|leaders?|groups?|patrols?|barracks|academy|sources?|chief|brutality|departments?|force|unions?|cars?|vans?|dogs?|custody|lines?|reports?|records?|visas?|rights|said|say|told|(?:and|or)\s+(?:\w+\s+){0,2}(?:said|say|says|told)|purposes|use|uses|targets?|service|aid|spending|budget|equipment|hardware|exercises?|drills?|rule|court|tribunal)\b)`, 'g');
// A noun phrase after one of these is not the subject of its clause.
// (`Thousands of protesters marched`, `a crowd of demonstrators`: a quantity's `of` is no preposition of another phrase.)
const PREPOSITION_BEFORE = /\b(?:on|at|in|against|(?<!\b(?:thousands|hundreds|dozens|scores|millions|tens|lots|crowds?|groups?|number|bands?)\s)of|with|from|by|near|to|for|towards?|among|including|between|into|upon|about|like)\s+(?:(?:the|a|an|some|several|many|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|at least)\s+){0,3}$/i;
// Between a subject and its verb: no reporting clause or conjunction that opens another clause
// ("…, including four children, early on Thursday, officials said, as talks …").
const SUBJECT_GAP_BREAK = /\b(?:said|says|told|as|while|whereas|but|and then)\b/i;
const DEMONYM_PLACE_NOUN = /^\s+(?:capital|city|town|village|province|state|region|district|border|coast|territory|soil|side|waters|airspace|countryside|desert|mountains|island)\b/i;
/** A verb of killing or wounding and the count of its victims, right before a noun phrase: `killed at least 40 `, `wounding dozens of `. */
const VICTIM_BEFORE = new RegExp(String.raw`\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+(?:(?:at\s+least|more\s+than|nearly|almost|about|around|some|up\s+to|over|dozens\s+of|hundreds\s+of|scores\s+of|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred)\s+){0,3}$`, 'i');
const CASUALTY_WORD_ONLY = /^(?:killed|killing|died|dead|injured|wounded|hurt)$/;

/** Natural hazards, as the subject of a verb of killing (`floods have killed`, `a landslide killed`). */
const NATURAL_HAZARD = /\b(?:floods?|flooding|floodwaters|flash floods|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|earthquakes?|quakes?|tremors?|tsunamis?|eruptions?|volcano(?:e?s)?|landslides?|mudslides?|avalanches?|heat\s?waves?|droughts?|lightning|monsoon|downpours?|rains?|blizzards?|wildfires?|bushfires?|outbreaks?|epidemics?|cholera|ebola|measles|dengue|mpox|diphtheria)\b/i;
/** A definite noun of a hazard (`The quake was centred …`, `the storm`), and the hazard's word. */
const DEFINITE_HAZARD = /\b(?:the|this)\s+(?:\w+\s+)?(earthquake|quake|tremor|storm|hurricane|typhoon|cyclone|tornado|flood|fire|wildfire|blaze|eruption|landslide|tsunami|outbreak|epidemic)s?\b/i;
/** A hazard's word as a stem shared by its names (`quake` for `earthquake`, `fire` for `wildfire`). */
function hazardStem(word: string): string {
  const lower = word.toLowerCase();
  return lower === 'earthquake' || lower === 'tremor' ? 'quake' : lower === 'wildfire' || lower === 'blaze' ? 'fire' : lower === 'epidemic' ? 'outbreak' : lower;
}
/** Between two triggers: a comma and the participle that opens the second's clause (`, setting fire to homes and `, `, killing `). */
const PARTICIPLE_CLAUSE = /,\s+(?:\w+ly\s+)?(?:\w+ing\b[^,;.]*)?$/;
/** Between a place and a name it modifies: lower-case words of one noun phrase, no preposition, verb or conjunction (`industrial software company`). */
const MODIFIER_GAP = /^\s+(?:(?!(?:of|in|on|at|to|and|or|but|with|without|from|for|by|into|onto|near|after|before|against|over|under|about|between|among|across|through|during|toward|towards|if|until|unless|while|when|since|than|not|that|who|which|is|was|are|were|be|been|has|had|have|will|would|could|should|may|might|said|says|the|a|an)\s)[a-z][\w-]*\s+){1,4}$/;

/** A relative pronoun and a passive auxiliary right before a trigger (`, who was | shot dead`). */
const RELATIVE_PASSIVE_BEFORE = /,\s*(?:who|which|that)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?$/i;
/** After a toll: the span of days it runs over (`since June 18`, `since the war began`, `so far this year`). */
const CUMULATIVE_TOLL = /\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2}|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|the\s+(?:war|conflict|start|beginning|outbreak|protests?|fighting|unrest))|so\s+far\s+this\s+year)\b/u;
/** After an attack's noun: what only words can attack (`on the power of Congress`, `on press freedom`, `against democracy`). */
const ABSTRACT_TARGET_AFTER = /^\s+(?:on|against|upon)\s+(?:(?:the|our|their|its|his|her|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:powers?|rights?|freedoms?|liberty|liberties|democracy|independence|rule\s+of\s+law|constitution|sovereignty|values|judiciary|institutions|credibility|character|integrity|reputation|record|policies|policy|legitimacy|science|truth|dignity|separation\s+of\s+powers|free\s+speech|press)\b(?!\s+(?:plants?|stations?|lines?|grids?|supply|supplies|offices?|headquarters|building))/i;
/** A person as the one attacked (`a girl had been attacked`, `attacked a man`). */
const PERSON_ATTACKED = /\b(?:(?:girl|boy|man|woman|child|teenager|pupil|student|person|officer|worker|victim|driver|resident)s?|children|people|men|women)\s+(?:had\s+been|has\s+been|have\s+been|was|were|is|are|being)\s+(?:\w+ly\s+)?attacked\b|\battacked\s+(?:an?|the|two|three|several)\s+(?:\w+\s+)?(?:girl|boy|man|woman|child|teenager|pupil|student|person|officer|worker|driver|resident|people|men|women|children)s?\b/i;
/** Around a strike: who struck with force (`its forces carried out a massive strike`). */
const FORCES_STRIKE = /\b(?:forces|military|army|troops|missiles?|drones?|aerial|warplanes?|jets|carried\s+out|launched)\b/i;
/** Around a strike: a strike of work (`workers`, `union`, `walkout`, `hunger strike`). */
const LABOUR_STRIKE = /\b(?:workers|unions?|employees|staff|labou?r|walkout|pay|wages?|hunger|general\s+strike|teachers|nurses|doctors|drivers|pickets?)\b/i;
/** Around an offensive: its killing or its forces (`has killed`, `troops`, `shelling`), no charm or propaganda offensive. */
const MILITARY_OFFENSIVE = /\b(?:kill(?:ed|ing|s)?|troops|forces|military|army|shelling|airstrikes?|air\s+strikes?|bombard\w*|ground)\b/i;
/** A natural hazard as the subject of a verb of striking, a few words apart (`A volcano … erupted`, `a wildfire fanned by winds raced`). */
const HAZARD_STRUCK = /\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}(volcano|earthquake|quake|wildfire|bushfire|forest\s+fire|hurricane|typhoon|cyclone|tornado|tsunami|landslide|mudslide|avalanche|flash\s+flood|flood)s?\b[^.;!?]{0,80}?\b(erupted|struck|hit|slammed|battered|swept|raced|spread|tore|ripped|destroyed|engulfed|inundated|made\s+landfall|burned|burnt|flattened|buried)\b/i;
/** Before a hazard: a sentence that only tells of one (`warned that a hurricane could`, `if an earthquake`). */
const NOT_STRUCK_BEFORE = /\b(?:if|could|would|might|may|warn(?:ed|s|ing)?|risk|chance|prepare[sd]?|preparing|forecast|predict(?:ed|s)?|expected)\b/i;
/** After `declined`/`refused`: a refusal to comment or to tell (`to comment`, `to say whether`, `to be named`). */
const NO_COMMENT_AFTER = /^\s+(?:immediately\s+)?to\s+(?:comment|say|discuss|elaborate|disclose|identify|name|give\s+(?:details|a\s+figure|further\s+details|his|her|their)|be\s+(?:named|identified|interviewed|quoted)|speak|confirm|reveal|specify|provide\s+(?:details|evidence|a\s+figure))\b/i;
/** A group named by whom it follows, right before that one's name and titles (`supporters of jailed former Prime Minister `). */
const FOLLOWERS_OF_BEFORE = /\b(?:supporters|followers|loyalists|backers|sympathi[sz]ers|relatives|families)\s+of\s+(?:(?:the|jailed|former|late|ousted|exiled|detained|imprisoned|opposition|party|\p{Lu}[\p{L}.-]*)\s+){0,6}$/u;
/** A war or a wave of violence as the subject of a perfect of killing: a running toll (`The conflict has killed more than 20,000 people`). */
const WAR_TOLL_BEFORE = /\b(?:war|conflict|fighting|violence|insurgency|unrest|crackdown|civil\s+war|epidemic|outbreak|pandemic)\s+(?:has|have|had)\s+(?:(?:so\s+far|already|now)\s+)?$/i;
/** An agent phrase of who ordered or did the event, before a name after the trigger. */
const ORDERED_BY_BEFORE = /\b(?:was|were|been|is|are)\s+(?:\w+ly\s+)?(?:ordered|carried\s+out|committed|perpetrated|orchestrated|masterminded|planned|organi[sz]ed|conducted)\s+by\s+(?:[\w'’-]+,?\s+){0,8}$/i;
/** Before a killing verb: an accusation, a denial, a claim or a report of it (`accused the army of | killing`). */
const REPORTED_KILLING_BEFORE = /\b(?:accus\w*|blam\w*|charg\w*|alleg\w*|den(?:y|ied|ies)\w*|claim\w*|convicted|guilty|of|for|if|whether|never|not|n't)\s+(?:[\w'’-]+\s+){0,6}$/i;
/** Weapons in flight after an interception's verb (`shot down 104 of the missiles`, `intercepted two drones`). */
const INTERCEPTED_WEAPON = /^\s+(?:(?:\w+|\d[\d,]*)\s+){0,4}?(?:missiles?|rockets?|drones?|projectiles?|shells|UAVs?|cruise\s+missiles?|ballistic\s+missiles?)\b/i;
/** Aircraft after `shot down` (`shot down a Ukrainian Su-25 jet`). */
const AIRCRAFT = /^\s+(?:(?:\w+|[\w-]+)\s+){0,4}?(?:jets?|planes?|aircraft|helicopters?|fighters?|airliners?|bombers?)\b/i;

/**
 * What an interception's verb (`shot down`, `intercepted`, `downed`, at `span.start`) stopped, read
 * from the words after it up to `span.end` (60 characters at most): a weapon in flight, an
 * aircraft (shot down or downed only), or neither.
 */
function interceptedThing(text: string, span: Span, verb: string): 'weapon' | 'aircraft' | undefined {
  const start = span.start + verb.length;
  const object = text.slice(start, Math.min(span.end, start + 60));
  if (INTERCEPTED_WEAPON.test(object)) return 'weapon';
  return /^(?:shot down|downed)$/i.test(verb) && AIRCRAFT.test(object) ? 'aircraft' : undefined;
}
/** What a vow of force vows, after its verb (`vowed to defeat`, `pledged to crush`, `promised to retaliate`). */
const VOWED_FORCE = /^\s+(?:\w+ly\s+)?to\s+(?:defeat|destroy|crush|eliminate|eradicate|wipe\s+out|avenge|retaliate|punish|hunt\s+down|annihilate|kill|attack|strike|respond\s+(?:forcefully|militarily|harshly)|take\s+revenge)\b/i;
/** Before `protest`: it is lodged or filed, or diplomatic (`lodged more than 190 protests`, `a formal protest`). */
const DIPLOMATIC_PROTEST_BEFORE = /(?:\b(?:diplomatic|formal|official|strong|strongly-worded)\s+|\b(?:lodg|fil|regist|deliver|summon)\w*\s+(?:(?:an?|the|its|their|several|dozens\s+of|more\s+than|at\s+least|over|\d[\d,]*)\s+){0,3}(?:\w+\s+)?)$/i;
/** Weapons of crowd control. */
const RIOT_WEAPONS = /\b(?:water\s+cannons?|tear\s?gas|rubber\s+bullets|stun\s+grenades|pepper\s+spray)\b/i;
/** Words that tell of a protest or a crowd. */
const PROTEST_WORDS = /\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|riot\w*|crowds?|strikers|mobs?|sit-?ins?)\b/i;

/** Words of a battle between two sides. */
const BATTLE_WORD = /^(?:heavy\s+)?(?:fighting|battles?|clash(?:es|ed)?)$/i;
/** Words of a state's force (who may use excessive force against protesters). */
const STATE_FORCE_WORDS = /\b(?:police|policemen|riot police|security forces|troops|soldiers|army|military|gendarmes?|officers)\b/i;
/** Kinds of actor who use force rather than protest (police firing tear gas at a protest is ACLED's protest with intervention). */
const FORCE_KINDS: ReadonlySet<string> = new Set(['armed group']);
/** Accidents: vehicles and buildings that crash, sink, burn or fall. */
const ACCIDENT = /\b(?:crash(?:ed|es)?|skidded|burst into flames|ran off the road|went off the road|veered off|collided|collision|plunged|overturned|derailed|derailment|capsized|sank|sinking|collapsed|collapse|stampede|blaze|caught fire|gas leak|gas explosion|boiler|road accident|traffic accident|accident)\b|\b(?:a|the)\s+(?:[\w-]+\s+)?(?:fire|inferno)\b(?!\s+(?:on|at)\b)/i;
/** Words of violence that make a death no accident. */
const VIOLENCE_WORD = /\b(?:attack\w*|gunm[ae]n|gunfire|shot|shooting|bomb\w*|strikes?|struck|militants?|rebels?|troops|soldiers|fighters|killed by|murder\w*|stabb\w*|clash\w*|shell\w*|rockets?|missiles?|drones?|explosives?|set\s+fire|set\s+(?:\w+\s+){1,3}on\s+fire|arson\w*|torched|firebomb\w*)\b/i;
/** A trigger that is a verb of dying or wounding. */
const CASUALTY_START = /^(?:kill|die|dead|death|injur|wound|hurt|drown)/i;
const DISASTERS: ReadonlySet<string> = new Set(['NATURAL_DISASTER', 'MAN_MADE_DISASTER']);
/** Trigger words that are violence themselves, whatever the sentence's other words. */
const VIOLENCE_ITSELF = /^(?:opened fire|shot dead|gunned down|shootings?|stabbings?|stabbed|massacres?|ambush(?:ed|es)?|bombings?|bombed|shelled|shelling|air ?strikes?|airstrikes?|assassinat\w+|beheaded|bombard(?:ed|ment)|(?:fired|launched) .*(?:rockets?|missiles?|mortars?|shells|drones))$/i;
/** Weapons that strike on purpose (not `tanks`, `blasts`: a fuel tank or a gas blast may be an accident). */
const WEAPON_STRUCK = /\b(?:missiles?|rockets?|artillery|shell(?:s|ed|ing)|mortars?|drones?|air ?strikes?|airstrikes?|warplanes?|fighter jets?|bomb(?:s|ed|ing|er|ers)?|gunmen|grenades?)\b/i;

/** Where the text between two triggers divides: at a subordinating word or clause comma, else the middle. */
function splitPoint(text: string, first: Span, second: Span): number {
  const gap = text.slice(first.end, second.start);
  // (`fired tear gas at protesters | who stormed parliament`: a restrictive relative clause is the second's.)
  // (`shelled a market, killing 24 people, activists said, | as fighting … intensified`: a clause of
  // circumstance after a comma is the second's, the participles before it the first's.)
  // (`had killed at least 388 people since July, | and warned that …`: a clause joined by a comma
  // and `and` or `but` is the second's.)
  const match = /.*(?:,\s*|\b)(?=(?:after|following|before|when|which|as well as|while)\b)|.*[^,\s]\s+(?=who\b)|.*,\s*(?=as\s)|.*,\s*(?=(?:and|but)\s)/is.exec(gap);
  if (match) return first.end + match[0].length;
  // (`killed a senior commander and at least four other people on Tuesday, officials said, | the
  // latest escalation in a year of fighting`: the phrase set off by the last comma is the second's.)
  const comma = /.*,\s*/s.exec(gap);
  return comma && comma[0].length > gap.length / 2 ? first.end + comma[0].length : Math.floor((first.end + second.start) / 2);
}

/** Place precision, finer first; `country-demonym` ("Libyan") is the weakest evidence of a place. */
function placeRank(place: Place): number {
  const order = ['landmark', 'city', 'admin2', 'admin1', 'region', 'water', 'country', 'continent', 'country-demonym', 'region-demonym'];
  const index = order.indexOf(place.kind);
  return index < 0 ? order.length : index;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function textBefore(text: string, position: number, sentence: Span, length = 80): string {
  return text.slice(Math.max(sentence.start, position - length), position);
}

function parseCount(raw: string | undefined): number | null {
  if (!raw) return null;
  const word = raw.toLowerCase();
  if (/^\d/.test(word)) return Number(word.replace(/,/g, ''));
  if (word === 'a dozen') return 12;
  // "seventy-five"
  const [tens, units] = word.split('-');
  if (units !== undefined) return tens && NUMBER_WORDS[tens] !== undefined && NUMBER_WORDS[units] !== undefined ? NUMBER_WORDS[tens]! + NUMBER_WORDS[units]! : null;
  return NUMBER_WORDS[word] ?? null;
}

/** Casualty counts in a span of text (offsets into the document). */
export function findCasualties(text: string, span: Span): Casualty[] {
  const slice = text.slice(span.start, span.end);
  const found: Casualty[] = [];
  // Every pattern needs a casualty word; most event windows have none, and the patterns are slow to fail.
  if (!CASUALTY_WORD.test(slice)) return found;
  for (const { pattern, order } of CASUALTY_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of slice.matchAll(pattern)) {
      const start = span.start + (match.index ?? 0);
      const end = start + match[0].length;
      if (found.some((casualty) => casualty.start < end && start < casualty.end)) continue;
      if (order === 'toll') {
        const count = parseCount(match[2]);
        const modifier = match[1]?.toLowerCase();
        const qualifier: Casualty['qualifier'] = modifier && /over|more than|at least/.test(modifier) ? 'minimum' : modifier ? 'approximate' : count === null ? 'unknown' : 'exact';
        found.push({ kind: 'killed', count, qualifier, who: '', start, end });
        continue;
      }
      if (order === 'named') {
        found.push({ kind: KILLED_VERB.test(match[2] ?? '') ? 'killed' : 'injured', count: 1, qualifier: 'exact', who: match[1] ?? '', start, end });
        continue;
      }
      if (order === 'zero') {
        const verb = (match[2] ?? '').toLowerCase();
        found.push({ kind: verb.startsWith('kill') ? 'killed' : 'injured', count: 0, qualifier: 'zero', who: match[1] ?? '', start, end });
        continue;
      }
      // Groups: verb-first (verb, modifier, number, who, including); count-first (modifier, number, who, verb).
      const verb = (order === 'verb-first' ? match[1] : match[4]) ?? '';
      const modifier = (order === 'verb-first' ? match[2] : match[1])?.toLowerCase();
      const quantity = (order === 'verb-first' ? match[3] : match[2]) ?? '';
      const who = ((order === 'verb-first' ? match[4] : match[3]) ?? '').replace(/^of\s+/i, '').trim() + (order === 'verb-first' && match[5] ? match[5] : '');
      const count = parseCount(quantity);
      // (`erupted in April 2023 and has killed`: a year is no count.)
      if (/^(?:1[89]|20)\d\d$/.test(quantity) && YEAR_LEAD.test(text.slice(Math.max(0, start - 12), start + (match[0].indexOf(quantity))))) continue;
      const vague = /^(?:dozens|scores|hundreds of thousands|tens of thousands|thousands|hundreds|several|many|a number)$/i.test(quantity);
      const qualifier: Casualty['qualifier'] = vague || (modifier && /over|more than|at least/.test(modifier))
        ? 'minimum' : modifier && /about|around|nearly|almost|some|approximately|roughly|up to/.test(modifier) ? 'approximate' : count === null ? 'unknown' : 'exact';
      found.push({ kind: KILLED_VERB.test(verb) || /(?:death|dead)$/i.test(match[0]) ? 'killed' : 'injured', count: vague ? null : count, qualifier, who: who.replace(/[”"]+$/u, ''), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Kind of an actor from its name and the words right after it ("US military", "Libyan police"). */
export function actorKind(phrase: string): string | undefined {
  return ACTOR_KINDS.find((cue) => cue.pattern.test(phrase))?.kind;
}

interface Context {
  readonly doc: Readonly<Doc>;
  readonly entityById: ReadonlyMap<string, Entity>;
  readonly mentionById: ReadonlyMap<string, Mention>;
  readonly published?: string;
  /** The Doc's layers by offset (a scan per mention or sentence was quadratic in the article's length). */
  readonly places: SpanIndex<Place>;
  readonly mentions: SpanIndex<Mention>;
  readonly timexes: SpanIndex<Timex>;
  readonly paragraphs: SpanIndex<Span>;
  /** Quotes by their speaker's span, and by each piece of their content (`quote`: index in `doc.quotes`). */
  readonly speakers: SpanIndex<Span & { readonly quote: number }>;
  readonly quoteSpans: SpanIndex<Quote>;
  readonly contentPieces: SpanIndex<Span & { readonly quote: number }>;
  /** Per entity id, what depends on the entity alone (its mentions' country, its actor kind), once per Doc. */
  readonly byEntity: Map<string, EntityMemo>;
}

function isCountryPlace(place: Place): boolean {
  return !!place.countryCode && /country/.test(place.kind);
}

/** Country code of an entity: a place inside any of its mentions ("US Africa Command", "US"). */
function entityCountry(context: Context, entity: Entity | undefined, span: Span): string | undefined {
  const here = context.places.find(span, isCountryPlace)?.countryCode;
  if (here || !entity) return here || undefined;
  const memo = entityMemo(context, entity);
  if (memo.country === undefined) {
    memo.country = null;
    for (const id of entity.mentions) {
      const mention = context.mentionById.get(id);
      const code = mention ? context.places.find(mention, isCountryPlace)?.countryCode : undefined;
      if (code) {
        memo.country = code;
        break;
      }
    }
  }
  return memo.country ?? undefined;
}

/** What is worked out once per entity: its country and actor kind (null: none; undefined: not yet). */
interface EntityMemo {
  country: string | null | undefined;
  kind: EventActor['kind'] | null | undefined;
}

function entityMemo(context: Context, entity: Entity): EntityMemo {
  let memo = context.byEntity.get(entity.id);
  // Both fields from the start (undefined: not worked out yet): one object shape whichever is asked first.
  if (!memo) context.byEntity.set(entity.id, (memo = { country: undefined, kind: undefined }));
  return memo;
}

/** Actor or target built from an entity mention and the head noun after it ("US" + "military"). */
function participant(context: Context, mention: Mention): { actor: EventActor; span: Span } | null {
  const { text } = context.doc;
  const entity = mention.entity ? context.entityById.get(mention.entity) : undefined;
  // A pronoun stands for someone only through its entity.
  if (mention.kind === 'pronoun' && !entity) return null;
  // "Rwandan rebels", "Israeli intelligence officials", "Swiss doctors": a demonym or name with the group it qualifies.
  const after = GROUP_AFTER.exec(text.slice(mention.end, mention.end + 40));
  // A country name alone is a place, not a participant, unless it acts ("the US has carried out").
  // A country or city after a locative word is where it happened ("against al Qaeda in Libya", "near Ubari, Libya");
  // otherwise it stands for its state ("The United States and Jordan have agreed", "apologized to Brazil").
  // (Not after a locative word: in `Police in Minneapolis have arrested`, the police act.)
  const acts = /^\s+(?:has|have|had|carried|conducted|launched|struck|bombed|attacked)\b/.test(text.slice(mention.end, mention.end + 20)) && !/\b(?:in|at|near|from|of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start));
  // A town or a name used as a modifier is a place: "the 2012 Benghazi attack", "the In Amenas oil consortium".
  const smallerPlace = context.places.some(mention, (place) => place.kind !== 'country' && !place.kind.endsWith('demonym'));
  // (Not before a preposition: "accused by the United States of genocide".)
  const attributive = /\bthe\s+(?:\d{4}\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start)) && /^\s+(?!(?:and|or|of|in|on|at|to|for|with|from|by|over|after|before|since|as|than)\b)[a-z]/.test(text.slice(mention.end, mention.end + 12));
  const isPlaceOnly = mention.type === 'LOC' && !after && !acts && (smallerPlace || attributive || LOCATIVE_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start)))
    // (`in a house in Khan Younis`, read as a person by the tagger, placed as a city by the places stage.)
    || mention.type === 'PER' && mention.kind === 'name' && !after && /\b(?:in|near|outside|inside)\s+$/i.test(text.slice(Math.max(0, mention.start - 10), mention.start)) && !/^['’]/.test(text.slice(mention.end, mention.end + 1))
      && context.places.some(mention, (place) => place.start === mention.start && place.end === mention.end && (place.kind === 'city' || place.kind === 'admin1' || place.kind === 'admin2'))
    // (`Outside Congress, thousands of students protested`, `near the embassy`: a body's building is where.)
    || mention.type === 'ORG' && mention.kind === 'name' && !after && /\b(?:outside|inside|near|opposite)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start));
  if (isPlaceOnly || mention.type === 'MISC' && !after) return null;
  const span = { start: mention.start, end: after ? mention.end + after[0].length : mention.end };
  const acronym = entity?.aliases.find((alias) => /^[A-Z]{2,6}$/.test(alias) && alias !== text.slice(mention.start, mention.end));
  // A pronoun goes by the name of whom it stands for ("he" is no actor a reader of the table can place).
  const name = mention.kind === 'pronoun' && entity && !after ? entity.name : text.slice(span.start, span.end).replace(/\s+/g, ' ') + (acronym && !after ? ` (${acronym})` : '');
  // A person takes the kind of the group named as theirs ("Musa Abu Dawud, a high ranking al-Qa'ida … official").
  const affiliation = entity?.roles.find((role) => role.affiliation)?.affiliation;
  const affiliated = affiliation ? context.entityById.get(affiliation) : undefined;
  const kind = actorKind(name) ?? (entity ? entityKind(context, entity) : undefined)
    ?? (affiliated ? actorKind([affiliated.name, ...affiliated.aliases].join(' | ')) : undefined)
    ?? (mention.type === 'LOC' ? 'state' : mention.type === 'PER' ? 'person' : undefined);
  const countryCode = entityCountry(context, entity, span);
  return { actor: { entity: mention.entity, name, ...(kind ? { kind } : {}), ...(countryCode ? { countryCode } : {}) }, span };
}

/** The actor kind an entity's names say (its name, aliases and nominal mentions), once per entity. */
function entityKind(context: Context, entity: Entity): EventActor['kind'] | undefined {
  const memo = entityMemo(context, entity);
  if (memo.kind === undefined) {
    const { text } = context.doc;
    const nominalNames = entity.mentions.map((id) => context.mentionById.get(id)).filter((m): m is Mention => !!m && m.kind === 'nominal').map((m) => text.slice(m.start, m.end));
    memo.kind = actorKind([entity.name, ...entity.aliases, ...nominalNames].join(' | ')) ?? null;
  }
  return memo.kind ?? undefined;
}

function sameParticipant(a: EventActor, b: EventActor): boolean {
  return (a.entity !== null && a.entity === b.entity) || a.name.toLowerCase() === b.name.toLowerCase();
}

function addParticipant(list: EventActor[], actor: EventActor): void {
  const known = list.find((entry) => sameParticipant(entry, actor));
  if (!known) list.push(actor);
}

// Cues by which a speaker tells what happened, as opposed to judging or answering it ("condemned the
// bombing", "denied involvement").
const REPORTING_CUE = /^(?:sa(?:id|ys?|ying)|t(?:old|ells?)|add(?:ed|s)?|report(?:ed|s)?|announc(?:ed|es?)|confirm(?:ed|s)?|stat(?:ed|es?)|not(?:ed|es?)|explain(?:ed|s)?|wr(?:ote|ites?)|describ(?:ed|es?)|recount(?:ed|s)?|according)$/i;

/**
 * Finds the speaker that reports a sentence: a quote around it, or `according to X` in it; and
 * whether that source tells of the event ({@link EventMention.sourceReports}).
 */
function findSource(context: Context, sentence: Sentence, trigger: Span): Pick<EventMention, 'source' | 'sourceReports'> {
  const { doc } = context;
  const according = /\baccording to\s+/gi;
  for (const match of doc.text.slice(sentence.start, sentence.end).matchAll(according)) {
    const at = sentence.start + (match.index ?? 0) + match[0].length;
    const mention = context.mentions.startingIn(at, at + 4)[0];
    if (mention) {
      const name = mention.entity ? context.entityById.get(mention.entity)?.name ?? doc.text.slice(mention.start, mention.end) : doc.text.slice(mention.start, mention.end);
      return { source: { quote: null, entity: mention.entity, name }, sourceReports: true };
    }
  }
  // The first quote with a speaker that overlaps the sentence or holds the trigger in a piece.
  let first = -1;
  const consider = (index: number): void => {
    if ((first < 0 || index < first) && doc.quotes[index]!.speaker) first = index;
  };
  context.quoteSpans.forEachOverlapping(sentence, consider);
  context.contentPieces.forEachOverlapping(trigger, (_, piece) => {
    if (piece.start <= trigger.start && trigger.end <= piece.end) consider(piece.quote);
  });
  const quote = first >= 0 ? doc.quotes[first] : undefined;
  if (quote?.speaker) {
    const entity = quote.speakerEntity ? context.entityById.get(quote.speakerEntity) : undefined;
    const cue = quote.cue ? doc.text.slice(quote.cue.start, quote.cue.end).trim().split(/\s+/)[0] ?? '' : '';
    return { source: { quote: quote.id, entity: quote.speakerEntity, name: entity?.name ?? doc.text.slice(quote.speaker.start, quote.speaker.end) }, sourceReports: REPORTING_CUE.test(cue) };
  }
  return { source: null, sourceReports: false };
}

/** A demonym or country name ending at most two lower-case words before `trigger` (`Israeli air strike`), as an actor. */
function nationBefore(context: Context, mentions: readonly Mention[], trigger: Span): EventActor | undefined {
  const { text } = context.doc;
  for (let index = mentions.length - 1; index >= 0; index--) {
    const mention = mentions[index]!;
    if (mention.end > trigger.start) continue;
    if (!/^\s+(?:[a-z-]+\s+){0,2}$/.test(text.slice(mention.end, trigger.start))) return undefined;
    const place = context.places.find(mention, (found) => !!found.countryCode && (found.kind === 'country' || found.kind.endsWith('demonym')));
    if (!place) return undefined;
    const entity = mention.entity ? context.entityById.get(mention.entity) : undefined;
    return { entity: mention.entity, name: entity?.name ?? text.slice(mention.start, mention.end), kind: 'state military', countryCode: place.countryCode! };
  }
  return undefined;
}

/** What a threat holds over someone: force, a penalty, a reprisal. */
/** A hazard or an accident as the subject of a toll's verb (`a cholera outbreak in Sudan had`). */
const HAZARD_SUBJECT = new RegExp(String.raw`(?:${NATURAL_HAZARD.source}|${ACCIDENT.source})[^,;]*\b(?:has|have|had)\s+$`, 'i');
/** What a warning of a hazard's course tells (`warned that rains … were likely to spread the disease`). */
const HAZARD_WARNING = /\b(?:spread\w*|outbreaks?|diseases?|epidemics?|cholera|infections?|virus|rains?|floods?|flooding|storms?|heat\s?waves?|droughts?|famine|hunger|malnutrition)\b/i;
const COERCIVE = /\b(?:attack\w*|strike\w*|retaliat\w*|reprisal\w*|respon(?:d|se)\w*|sanction\w*|consequences?|force|military|war|kill\w*|punish\w*|action|measures|invad\w*|invasion|bomb\w*|destroy\w*|annihilat\w*|crush\w*|arrest\w*|expel\w*|cut off|tariffs?|boycott\w*|nuclear|missiles?|troops|fire|ultimatum|or else|pay a (?:heavy )?price|against|tolerate|crack\w* down|no longer)\b/i;

/** `in overnight raids`, `during a series of strikes`: an event noun inside a phrase of the clause before it. */
const IN_PHRASE_BEFORE = /\b(?:in|during|amid|through)\s+(?:(?:an?|the|its|their|his|her|a series of|a wave of)\s+)?(?:[a-z-]+\s+){0,2}$/i;

/** `… and accused`, `… but then attacked`: a verb coordinated with the one before it. */
const COORDINATED_BEFORE = /\b(?:and|but|then)\s+(?:(?:then|also|later|\w+ly)\s+)?$/i;

const GENERIC_ARMED = /\b(?:assailants|attackers|bandits|kidnappers|pirates|extremists|militiamen|armed men|masked men|unidentified men|gunman|bombers?|shooters?|snipers?)\b/i;
const GENERIC_RIOTERS = /\b(?:rioters|mobs?)\b/i;

/** A generic participant found at `match` (its country from a demonym place inside it). */
function genericActor(context: Context, start: number, name: string): EventActor {
  const span = { start, end: start + name.length };
  const kind = actorKind(name) ?? (GENERIC_ARMED.test(name) ? 'armed group' : GENERIC_RIOTERS.test(name) ? 'rioters' : undefined);
  const countryCode = context.places.find(span, (place) => !!place.countryCode && place.kind.endsWith('demonym'))?.countryCode;
  return { entity: null, name, ...(kind ? { kind } : {}), ...(countryCode ? { countryCode } : {}) };
}

/**
 * Participants named by a group noun when no named one was found: the subject of the trigger's
 * clause acts ("Gunmen on motorcycles opened fire …, killing …"), the first group after the trigger
 * is acted on ("… killing at least 12 civilians"); a passive verb turns both round ("Five soldiers
 * were killed by militants"). `taken` are spans already used by named participants or speakers.
 */
function genericParticipants(context: Context, sentence: Span, from: number, window: Span, trigger: Span, passive: boolean, taken: readonly Span[]): { actor?: EventActor; target?: EventActor } {
  const { text } = context.doc;
  const found: { actor?: EventActor; target?: EventActor } = {};
  const free = (start: number, end: number): boolean => !taken.some((span) => span.start < end && start < span.end);
  const before = text.slice(from, trigger.start);
  // A verb's subject is the group nearest before it ("…, a claim the army denied"); a participle
  // after a comma shares its clause's subject, the first ("Gunmen attacked soldiers, killing three").
  const participle = /,\s*$/.test(textBefore(text, trigger.start, sentence, 3)) && /ing$/i.test(text.slice(trigger.start, trigger.end).split(/\s/)[0] ?? '');
  const inEventPhrase = EVENT_PHRASE_BEFORE.test(textBefore(text, trigger.start, sentence, 40));
  for (const match of before.matchAll(GENERIC_PARTICIPANT)) {
    const start = from + match.index!;
    const name = match[1]!;
    if (!free(start, start + name.length) || PREPOSITION_BEFORE.test(textBefore(text, start, sentence, 40))) continue;
    // "Fighters killed at least 40 civilians in attacks on three villages": who was killed before
    // the event's noun is its target, never its subject.
    if (VICTIM_BEFORE.test(textBefore(text, start, sentence, 40))) {
      if (!passive) found.target ??= genericActor(context, start, name);
      continue;
    }
    // The subject of the trigger's own clause stands just before it ("Gunmen on motorcycles opened fire").
    const gap = text.slice(start + name.length, trigger.start);
    // (An event noun in a phrase of the clause reaches back to its subject: `Gunmen killed 17
    // people and burned dozens of homes in an overnight attack`.)
    if (gap.length > (inEventPhrase ? 160 : 60) || CLAUSE_BREAK.test(gap) || SUBJECT_GAP_BREAK.test(gap)) continue;
    found[passive ? 'target' : 'actor'] = genericActor(context, start, name);
    if (participle) break;
  }
  const after = text.slice(trigger.end, window.end);
  for (const match of after.matchAll(GENERIC_PARTICIPANT)) {
    const start = trigger.end + match.index!;
    const name = match[1]!;
    const gap = text.slice(trigger.end, start);
    if (gap.length > 60 || CLAUSE_BREAK.test(gap)) break;
    if (!free(start, start + name.length)) continue;
    if (passive) {
      if (AGENT_BEFORE.test(gap)) found.actor ??= genericActor(context, start, name);
    } else found.target ??= genericActor(context, start, name);
    break;
  }
  return found;
}

/** Before an event noun that a phrase of the clause holds: `in an overnight attack`, `during a raid`. */
const EVENT_PHRASE_BEFORE = /\b(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$/i;

/** Before a verb: the comma that closes an apposition, and the verb's auxiliaries and adverbs. */
const AFTER_APPOSITION = /,\s*(?:(?:has|have|had|was|were|is|are|will|would|also|then|later)\s+)*(?:\w+ly\s+)?$/i;
/** What opens an apposition or a relative clause after a name. */
const APPOSITION_OPENING = /^,\s*(?:the|a|an|who|which|whose|of\s+the|from\s+the|one\s+of|now|then|himself|herself|itself|(?:backed|supported|aided|joined|accompanied|flanked|led)\s+by)\b/i;

/**
 * The named subject of a verb that follows an apposition set off by commas (`Trump, the front-runner
 * …, has urged`): the participant whose name ends right before the apposition's opening comma.
 */
function appositionSubject(text: string, sentence: Span, trigger: Span, participants: readonly { readonly mention: Mention; readonly built: { actor: EventActor; span: Span } }[]): { actor: EventActor } | null {
  const before = text.slice(sentence.start, trigger.start);
  const closing = AFTER_APPOSITION.exec(before);
  if (!closing) return null;
  const closingAt = sentence.start + closing.index;
  // The nearest participant before the apposition: one whose name is followed by its opening comma.
  for (let index = participants.length - 1; index >= 0; index--) {
    const { built } = participants[index]!;
    if (built.span.end >= closingAt) continue;
    const rest = text.slice(built.span.end, closingAt);
    if (!APPOSITION_OPENING.test(rest) || rest.length > 200 || /[;:]\s/.test(rest)) continue;
    return { actor: built.actor };
  }
  return null;
}

/**
 * Whether `span` names someone who only reports in the sentence: the speaker of one of `speakers`'
 * quotes, none of whose cues is the event itself (`trigger`) nor, with `participle`, a participle
 * after it ("Xi met Blinken on Monday, saying …": Xi met him too).
 */
function onlyReports(text: string, speakers: readonly Quote[], span: Span, trigger: Span, participle: boolean): boolean {
  // "The commission, which investigated the case, welcomed the ruling": the relative clause right
  // after the name tells what it did.
  if (span.end <= trigger.start && RELATIVE_CLAUSE_TO.test(text.slice(span.end, trigger.start))) return false;
  let speaks = false;
  for (const quote of speakers) {
    if (!overlaps(quote.speaker!, span)) continue;
    speaks = true;
    const cue = quote.cue;
    if (cue && (overlaps(cue, trigger) || participle && cue.start > trigger.end && /ing$/i.test(text.slice(cue.start, cue.end).split(/\s+/)[0] ?? ''))) return false;
  }
  return speaks;
}

/**
 * Whether `span` is how a quote whose cue is not the event reached its audience: its medium
 * (`…opened fire,” Alfred told The Associated Press by phone`: the agency is hit by nothing), or
 * the medium after a cue's preposition (`said in a statement on | Telegram | that its fighters
 * had captured …`).
 */
function mediumOfAnotherQuote(text: string, speakers: readonly Quote[], span: Span, trigger: Span): boolean {
  for (const quote of speakers) {
    const cue = quote.cue;
    if (!cue || overlaps(cue, trigger)) continue;
    if (quote.medium && overlaps(quote.medium, span)) return true;
    const content = quote.content[0];
    if (content && span.start >= cue.end && span.end <= content.start && /\b(?:on|via|in)\s*$/i.test(text.slice(cue.start, cue.end))) return true;
  }
  return false;
}

function findMentions(context: Context, sentence: Sentence, sentenceIndex: number, models: EventTypeModels): EventMention[] {
  const { text } = context.doc;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const triggers: Span[] = [];
  let names: readonly Mention[] | undefined;
  for (const match of matchTokens(TRIGGER, sentenceText)) {
    const start = sentence.start + match.index;
    const span = { start, end: start + match.text.length };
    // "the Met Office", "Strike Force Raptor": a capitalised word inside a body's, a person's or a
    // place's name is part of the name.
    if (/^\p{Lu}/u.test(match.text)) {
      names ??= context.mentions.within(sentence).filter((mention) => mention.kind === 'name' && mention.type !== 'MISC');
      if (names.some((mention) => mention.start <= span.start && span.end <= mention.end && mention.end - mention.start > span.end - span.start)) continue;
    }
    const before = textBefore(text, start, sentence);
    // "for attack operations": a modifier of another noun, not an event.
    if (/^\s+(?:operations?|plans?|capabilit\w*|recruits?|helicopters?|aircraft|dogs?)\b/i.test(text.slice(span.end, span.end + 20))) continue;
    if (CAPABILITY_BEFORE.test(before)) continue;
    // "elderly residents accused of witchcraft", "a man charged with murder": a participle after
    // its noun describes the noun; no one accuses here (`was accused of`, `accused X of` do).
    if (/^(?:accused|charged|suspected|convicted)$/i.test(match.text) && /^\s+(?:of|with)\b/i.test(text.slice(span.end, span.end + 6)) && /[a-z]\s+$/.test(before) && !/\b(?:was|were|is|are|be|been|being|has|have|had|who|which|that|and|not)\s+(?:\w+ly\s+)?$/i.test(before)) continue;
    // "offensive comments", "the offensive line", "was deeply offensive": the adjective, no
    // military offensive.
    if (/^offensive$/i.test(match.text) && (/^\s+(?!(?:has|have|had|in|on|against|that|which|to|was|is|began|begun|and|into|across|would|will|continued|continues|since|last|this|aimed|by|launched|the)\b)\p{Ll}/u.test(text.slice(span.end, span.end + 20))
      || /(?:\b(?:is|was|are|were|be|been|being|very|so|most|more|too|as|it['’]s|that['’]s|on\s+the)|\w+ly|["“])\s*$/i.test(before))) continue;
    // "declined to comment", "refused to say when …": no comment is no rejection; nor is a fall
    // ("sales declined 3%", "has declined over time").
    if (/^(?:declined|declines|refused|refuses)$/i.test(match.text)) {
      const after = text.slice(span.end, span.end + 40);
      if (NO_COMMENT_AFTER.test(after) || (/^declin/i.test(match.text) && !/^\s+(?:to\s|an?\s|the\s|his\s|her\s|their\s|its\s)/i.test(after))) continue;
    }
    // "an unprecedented attack on the power of Congress", "attacks on press freedom": an attack on
    // an institution's power, a right or a value is words, no violence.
    if (/^(?:attacks?|assaults?)$/i.test(match.text) && ABSTRACT_TARGET_AFTER.test(text.slice(span.end, span.end + 60))) continue;
    // "supporters of jailed former Prime Minister Imran Khan", "the slain journalist": a participle
    // before a name or a title tells what befell that one before, no event of this sentence.
    if (/^(?:jailed|detained|imprisoned|exiled|ousted|deposed|slain|murdered|kidnapped|abducted|arrested|assassinated)$/i.test(match.text) && /\b(?:of|the|a|an|for|with|by|to|and|his|her|their|its)\s+$/i.test(before)
      && /^\s+(?:former\s|ex-|\p{Lu})/u.test(text.slice(span.end, span.end + 12))) continue;
    // "The court upheld the law but struck down a provision": annulled, not hit (`struck down by
    // gunfire` is violence).
    if (/^struck$/i.test(match.text) && /^\s+down\b(?!\s+by\b)/i.test(text.slice(span.end, span.end + 12))) continue;
    // An interception is one of a weapon or an aircraft (not `downed the Huskies`, `intercepted messages`).
    if (/^(?:shot down|intercepted|downed)$/i.test(match.text) && interceptedThing(text, { start: span.start, end: span.end + 60 }, match.text) === undefined) continue;
    // "riot police", "riot gear": who keeps order, not a riot.
    if (/^riot$/i.test(match.text) && /^\s+(?:police|policemen|gear|squads?|shields?|control|units?|officers?|troops)\b/i.test(text.slice(span.end, span.end + 20))) continue;
    // "Several ambassadors resigned in protest": the manner of a resignation or a walkout, no protest held.
    if (/^protest$/i.test(match.text) && /\b(?:resign\w*|quit|quitting|stepped\s+down|step\s+down|walked\s+out|walk\s+out|boycott\w*)\b[^.;]{0,40}\bin\s+$/i.test(before)) continue;
    // "heart attacks", "a panic attack": illness, not violence.
    if (/\b(?:heart|panic|asthma|anxiety)\s+$/i.test(before)) continue;
    // `called the ban "an attack on freedom of expression"`, `described it as a massacre of
    // democracy`: a label given to something, no event of its own.
    if (LABELLED_BEFORE.test(before)) continue;
    // "the emergency order that bans demonstrations", "defied a ban on protests": what a ban
    // forbids, not a protest held.
    if (/^(?:protests?|demonstrations?|rall(?:y|ies)|marches|gatherings?)$/i.test(match.text) && BANNED_BEFORE.test(before)) continue;
    // "Police evacuated two hotels and a campsite" from a wildfire: people and buildings taken out of
    // harm's way, no territory given up (PLOVER's RETREAT is "Israel will evacuate its settlements").
    if (/^evacuat/i.test(match.text) && (SHELTERED_AFTER.test(text.slice(span.end, span.end + 40)) || HAZARD.test(sentenceText))) continue;
    // Adjacent trigger words ("airstrikes targeting", "attack ... strikes") within a few characters are one.
    const previous = triggers[triggers.length - 1];
    if (previous && start - previous.end < 3) { triggers[triggers.length - 1] = { start: previous.start, end: span.end }; continue; }
    triggers.push(span);
  }
  // "a cholera outbreak in Sudan had killed at least 388 people …, and warned that …": a toll
  // whose subject is a hazard or an accident is the disaster's own event, beside the sentence's
  // other triggers.
  if (triggers.length > 0) {
    // (`matchAll` starts from the shared pattern's `lastIndex`, which `exec` below leaves set.)
    CASUALTY_VERB.lastIndex = 0;
    for (const casualty of sentenceText.matchAll(CASUALTY_VERB)) {
      const start = sentence.start + (casualty.index ?? 0);
      const end = start + casualty[0].length;
      if (triggers.some((trigger) => trigger.start < end && start < trigger.end)) break;
      const lead = text.slice(Math.max(sentence.start, start - 60), start);
      if (!/^kill/i.test(casualty[0]) || !/\b(?:has|have|had)\s+$/i.test(lead) || (!NATURAL_HAZARD.test(lead) && !ACCIDENT.test(lead))) continue;
      if (findCasualties(text, { start, end: sentence.end }).length === 0) continue;
      triggers.push({ start, end });
      triggers.sort((a, b) => a.start - b.start);
      break;
    }
  }
  if (triggers.length === 0) {
    // A casualty report with no event word ("Five civilians were killed") is an event of its own.
    CASUALTY_VERB.lastIndex = 0;
    const casualty = CASUALTY_VERB.exec(sentenceText);
    if (casualty && findCasualties(text, sentence).length > 0) triggers.push({ start: sentence.start + casualty.index, end: sentence.start + casualty.index + casualty[0].length });
  }
  // "A volcano on the Reykjanes peninsula erupted …", "a wildfire raced down the slopes …,
  // destroying dozens of houses": a natural hazard that struck, with no toll told, is a disaster of
  // its own (its verb the trigger).
  let hazardStruck = false;
  if (triggers.length === 0) {
    const struck = HAZARD_STRUCK.exec(sentenceText);
    // (Nor a clause of time opening the sentence: `As the wildfire spread, police evacuated …`.)
    const lead = struck ? sentenceText.slice(0, struck.index) : '';
    if (struck && !NOT_STRUCK_BEFORE.test(lead) && !/^\s*(?:as|while|when|after|before|since|until|once)\s+$/i.test(lead)) {
      const verbStart = sentence.start + struck.index + struck[0].length - struck[2]!.length;
      triggers.push({ start: verbStart, end: verbStart + struck[2]!.length });
      hazardStruck = true;
    }
  }
  if (triggers.length === 0) return [];
  // The sentence before in the same paragraph: weapon words told just before count as evidence of the weapon.
  const holds = (entry: Span): boolean => entry.start <= sentence.start && sentence.end <= entry.end;
  const paragraph = sentence.end > sentence.start ? context.paragraphs.find(sentence, holds) : context.doc.paragraphs.find(holds);
  const previousSentence = context.doc.sentences[sentenceIndex - 1];
  const evidenceContext = paragraph && previousSentence && previousSentence.start >= paragraph.start ? text.slice(previousSentence.start, previousSentence.end) : undefined;
  // One trigger: the sentence is its text; several: each is typed from its own stretch (below).
  // A violent or protest word is typed by the ACLED model alone (see typedByAcled): the PLOVER model is skipped.
  const violent = triggers.map((trigger) => VIOLENT_TRIGGER.test(text.slice(trigger.start, trigger.end)));

  let type = triggers.length === 1 ? classifyEventText(sentenceText, models, evidenceContext, { plover: !violent[0] }) : undefined;
  if (type && hazardStruck) type = retyped(type, eventTypeInfo('NATURAL_DISASTER'), undefined);
  // "Flash floods … have killed at least 23 people": a natural hazard that kills is a disaster,
  // whatever else the sentence tells ("and left two million stranded" read as an attack).
  // (The sub-type model may have read the disaster already while the PLOVER model read an attack.)
  // "At least 30 people were killed when a bus plunged into a ravine": an accident is a man-made disaster.
  if (type && type.ploverType !== 'AID' && CASUALTY_START.test(text.slice(triggers[0]!.start, triggers[0]!.end)) && !WEAPON_STRUCK.test(sentenceText)) {
    const accident = ACCIDENT.test(sentenceText) && !VIOLENCE_WORD.test(sentenceText);
    if (accident || NATURAL_HAZARD.test(text.slice(sentence.start, triggers[0]!.start))) {
      type = retyped(type, DISASTERS.has(type.code) ? type.info : eventTypeInfo(accident ? 'MAN_MADE_DISASTER' : 'NATURAL_DISASTER'), undefined);
    }
  }
  // "A landslide buried a bus, killing 35 passengers": a natural hazard that struck a vehicle or
  // a building is a natural disaster; a man-made one needs its accident (a crash, a collapse).
  if (type?.code === 'MAN_MADE_DISASTER' && triggers.length > 0 && !ACCIDENT.test(sentenceText) && NATURAL_HAZARD.test(text.slice(sentence.start, triggers[0]!.start))) type = retyped(type, eventTypeInfo('NATURAL_DISASTER'), undefined);
  const mentions: EventMention[] = [];
  // The layers' entries inside this sentence, gathered once for all its triggers.
  const sentenceMentions = context.mentions.within(sentence);
  const sentenceSpeakers = context.speakers.overlapping(sentence).map((entry) => context.doc.quotes[entry.quote]!);
  const sentencePlaces = context.places.within(sentence).filter((place) => place.end > place.start
    && !ATTRIBUTION_AFTER.test(text.slice(place.end, place.end + 40)) && !sentenceSpeakers.some((quote) => overlaps(quote.speaker!, place)));
  const sentenceTimexes = context.timexes.within(sentence);
  // Participants of the sentence, built once for all its triggers; reporters and bylines left out.
  const sentenceParticipants: { readonly mention: Mention; readonly built: { actor: EventActor; span: Span } }[] = [];
  for (const mention of sentenceMentions) {
    const mentionBefore = textBefore(text, mention.start, sentence, 30);
    // (`… and Lebanese officials said`: a name with the reporting group after it reports.)
    if (ACCORDING_TO.test(mentionBefore) || MEDIUM_BEFORE.test(mentionBefore) || REPORTING_AFTER.test(text.slice(mention.end, mention.end + 20)) || REPORTING_GROUP_AFTER.test(text.slice(mention.end, mention.end + 40)) || /\b(?:told|to)\s+$/.test(mentionBefore) && mention.type === 'ORG' && /^(?:CNN|AP|Reuters|AFP)$/.test(text.slice(mention.start, mention.end))) continue;
    // (A description the linker found no name for takes part by its words: "The prime minister met Macron".)
    if (mention.entity === null && mention.kind === 'pronoun') continue;
    // "clashes between his supporters and security forces": a possessive determiner names whose
    // they are, not who takes part.
    if (mention.kind === 'pronoun' && POSSESSIVE_DETERMINERS.has(text.slice(mention.start, mention.end).toLowerCase())) continue;
    const built = participant(context, mention);
    if (built) sentenceParticipants.push({ mention, built });
  }
  for (let index = 0; index < triggers.length; index++) {
    const trigger = triggers[index]!;
    // Each trigger owns the text from the middle of the gap to the previous trigger to the middle of the next gap.
    const previous = triggers[index - 1];
    const next = triggers[index + 1];
    const window = { start: previous ? splitPoint(text, previous, trigger) : sentence.start, end: next ? splitPoint(text, trigger, next) : sentence.end };
    // Several events in one sentence: each is typed from its own stretch of text.
    const classified = type ?? classifyEventText(text.slice(window.start, window.end), models, evidenceContext, { plover: !violent[index] });
    let mentionType = violent[index] ? typedByAcled(classified, text.slice(window.start, window.end), text.slice(trigger.start, trigger.end)) : classified;
    const before = textBefore(text, trigger.start, sentence);
    const triggerText = text.slice(trigger.start, trigger.end).toLowerCase();
    // "Officials warned that the toll was likely to rise": a warning of what may happen, with no
    // force or penalty held over anyone, is no threat (PLOVER's THREATEN is coercive).
    // (Nor one of a hazard's course, whatever war it names: `warned that heavy rains and mass
    // displacement caused by the country's war were likely to spread the disease`.)
    if (mentionType.ploverType === 'THREATEN' && /^warn/.test(triggerText) && (!COERCIVE.test(text.slice(trigger.end, sentence.end)) || HAZARD_WARNING.test(text.slice(trigger.end, sentence.end)))) continue;
    // "a cholera outbreak in Sudan had killed at least 388 people": a toll whose subject is a
    // hazard or an accident is a disaster, with no actor (not the place the hazard struck).
    const tollSubject = CASUALTY_START.test(triggerText) ? textBefore(text, trigger.start, sentence, 60) : '';
    const hazardToll = HAZARD_SUBJECT.test(tollSubject);
    if (hazardToll) mentionType = retyped(mentionType, eventTypeInfo(ACCIDENT.test(tollSubject) ? 'MAN_MADE_DISASTER' : 'NATURAL_DISASTER'), undefined);
    // "Two former college punters died in a car wreck", "another 30 people had been injured in the
    // skirmishes": a toll read as an accord or an appeal is the accident's, the hazard's or the
    // violence's the sentence tells (an accusation or a denial of a killing stays what it is).
    if (CASUALTY_START.test(triggerText) && (WORDS_ONLY.has(mentionType.ploverType) || mentionType.ploverType === 'RETREAT' || mentionType.ploverType === 'THREATEN')) {
      const told = text.slice(window.start, window.end);
      const code = ACCIDENT.test(told) ? 'MAN_MADE_DISASTER' : NATURAL_HAZARD.test(told) ? 'NATURAL_DISASTER' : VIOLENCE_WORD.test(told) ? 'ATTACK' : null;
      // (With none of them told, the toll is of something told elsewhere: `This sweetheart deal fails
      // to recognize that … 346 people died`.)
      if (!code) continue;
      mentionType = retyped(mentionType, eventTypeInfo(code), undefined);
    }
    const flags = {
      historical: false,
      negated: NEGATED_BEFORE.test(before),
      hypothetical: HYPOTHETICAL_BEFORE.test(before),
      // A count before a casualty verb counts victims ("at least 26 people died"), not events.
      // (Before a verb a count counts its subject: "Hundreds of people marched" is one march.)
      // ("stabbed three people to death": the count is of the dead.)
      aggregate: !CASUALTY_WORD_ONLY.test(triggerText) && !/^\w+ed$/.test(triggerText) && !/\bto\s+$/i.test(before) && AGGREGATE_BEFORE.test(before) || /(?:strikes|raids|attacks|bombings|clashes|protests|demonstrations|rallies|arrests)$/.test(triggerText) && !/\b(?:the|these|those)\s+$/i.test(before)
        // ("detained 43 people in raids across Istanbul": the raids of this arrest, not a tally.)
        && !(index > 0 && /\bin\s+(?:[\w-]+\s+)?$/i.test(before))
        // ("launched one of its largest aerial attacks of the war": one attack, ranked among others.)
        && !/\bone\s+of\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}$/i.test(before)
        // ("39 people had been killed … in the protests since June 18": a running toll of many days.)
        || (CUMULATIVE_TOLL.test(text.slice(trigger.end, window.end)) && CASUALTY_WORD.test(text.slice(window.start, window.end)))
        || (/^(?:killed|claimed)$/.test(triggerText) && WAR_TOLL_BEFORE.test(before))
        // ("Israel's offensive has killed more than 45,000 Palestinians": the campaign's own toll.)
        || (/^(?:offensives?|war|fighting|campaign|conflict|bombardment|violence)$/.test(triggerText) && /^\s+(?:has|have|had)\s+(?:(?:so\s+far|already|now)\s+)?killed\b/i.test(text.slice(trigger.end, trigger.end + 30)))
        // ("the latest escalation in nearly a year of cross-border fighting": the span of a war.)
        || /\b(?:years?|months?|weeks?|decades?)\s+of\s+(?:[\w-]+\s+)?$/i.test(before)
        // ("Monsoon rains kill hundreds of people each year": what happens every year, not an event.)
        || (!/^\w+ed$/.test(triggerText) && HABITUAL_AFTER.test(text.slice(trigger.end, sentence.end))),
    };
    // Participants: entity mentions in the sentence; before the trigger acts, after it is acted on
    // (the other way round for a passive verb, whose agent follows `by`).
    // (`who was shot dead`, `were gunned down`: the participle is the trigger's first word.)
    const passive = PASSIVE_BEFORE.test(before) && PARTICIPLE.test(triggerText.split(' ')[0]!);
    const actors: EventActor[] = [];
    // Where each actor was named (same order as `actors`), to join coordinated subjects.
    const actorSpans: Span[] = [];
    const targets: EventActor[] = [];
    const used: Span[] = [];
    const windowFirst = index === 0 ? sentence.start : window.start;
    for (const { mention, built } of sentenceParticipants) {
      if (used.some((span) => overlaps(span, mention))) continue;
      // Who reports is no participant, unless the report is the event itself ("Tom King has promised to continue
      // military aid") or a participle after it ("Xi met Blinken on Monday, saying …": Xi met him too).
      // (One of their quotes whose cue is the event is enough: "Mao accused Washington of … and said …".)
      if (onlyReports(text, sentenceSpeakers, mention, trigger, true)) continue;
      if (mediumOfAnotherQuote(text, sentenceSpeakers, mention, trigger)) continue;
      used.push(built.span);
      // "Al-Shabab, which is linked to al-Qaida, claimed … saying its fighters had killed": whom
      // a party is tied to is neither actor nor target.
      // (In a relative clause only: "Dozens affiliated with the Good Jobs Nation campaign protested" are its members.)
      if (built.span.end <= trigger.start && RELATIVE_AFFILIATION_BEFORE.test(textBefore(text, mention.start, sentence, 60))) continue;
      if (built.span.end <= trigger.start && mention.start >= windowFirst) {
        // "the US Consulate attack": a name right before the event noun is what was hit, not who did it
        // (before a verb, "the Iraqi army attacked", it is the subject).
        // "A cyberattack on Denmark's hospitals …, a deliberate attack": what an attack noun before was on is hit too.
        if (passive || /^\s?$/.test(text.slice(built.span.end, trigger.start)) && !/ed$/.test(triggerText) && /\b(?:the|an?)\s+$/i.test(textBefore(text, mention.start, sentence, 6))
          || ATTACKED_BEFORE.test(textBefore(text, mention.start, sentence, 40))) addParticipant(targets, built.actor);
        else { const known = actors.length; addParticipant(actors, built.actor); if (actors.length > known) actorSpans.push(built.span); }
      } else if (mention.start >= trigger.end && mention.start < window.end) {
        const gap = text.slice(trigger.end, mention.start);
        // "conducted in coordination with the Libyan Government of National Accord": a partner acts too.
        // "The massacre … was ordered by the leader of the Wharf Jeremie gang, Monel Felix": who
        // ordered or carried it out acts.
        if (/\b(?:in coordination with|alongside|together with|jointly with|backed by)\s+(?:the\s+)?$/i.test(gap) || passive && AGENT_BEFORE.test(gap) && !CLAUSE_BREAK.test(gap) || ORDERED_BY_BEFORE.test(gap)) { const known = actors.length; addParticipant(actors, built.actor); if (actors.length > known) actorSpans.push(built.span); continue; }
        // Only the text after the last word that introduces the one acted on must stay in the clause
        // ("the strike, which took place near Ubari, Libya, killed “two al Qaeda terrorists, including Musa Abu Dawud").
        // "the hallmarks of a ransomware group linked to Russia": whom a group is tied to is no target.
        if (AFFILIATED_BEFORE.test(gap)) continue;
        // `"This deal fails …," said Paul Cassell, a lawyer for the families`: who speaks after the
        // verb of an inverted attribution is not acted on.
        if (sentenceSpeakers.some((quote) => quote.cue && quote.cue.end <= quote.speaker!.start && quote.speaker!.start <= mention.start && mention.end <= quote.speaker!.end)) continue;
        // "arrested more than 400 supporters of jailed former Prime Minister Imran Khan": those acted
        // on are the supporters, not whom they support.
        if (FOLLOWERS_OF_BEFORE.test(gap)) continue;
        // "The attack took place … on the Fronhof, a square": where the event happened, no target.
        if (/\b(?:took\s+place|happened|occurred|unfolded)\b/i.test(gap)) continue;
        // "students who had marched from the University of Buenos Aires": where a march came from is no target.
        if (mentionType.ploverType === 'PROTEST' && /\bfrom\s+(?:the\s+)?$/i.test(gap)) continue;
        // "U.S. industrial software company Altair Engineering": a place before a noun phrase that
        // ends in another name modifies that name; the name is the participant.
        if (mention.type === 'LOC' || mention.type === 'MISC') {
          const following = sentenceParticipants.find((entry) => entry.mention.start >= mention.end && entry.mention !== mention && entry.mention.kind === 'name');
          if (following && MODIFIER_GAP.test(text.slice(mention.end, following.mention.start))) continue;
        }
        const lastLink = [...gap.matchAll(/\b(?:against|targeting|killing|killed|wounding|wounded|hitting|including|on)\b/gi)].pop();
        const rest = lastLink ? gap.slice((lastLink.index ?? 0) + lastLink[0].length) : gap;
        if (!CLAUSE_BREAK.test(rest) && gap.length < 240) addParticipant(targets, built.actor);
      }
    }
    // The actor is the participant nearest the trigger among those before it (the subject of its clause).
    // Without a subject of its own, a coordinated event shares the previous one's ("responsible for the 2013 attack … as well as the 2012 Benghazi attack").
    const partners = actors.filter((entry, position) => position > 0 && text.indexOf(entry.name) > trigger.end);
    const subjects = actors.filter((entry) => !partners.includes(entry));
    // "Jordan and Britain agreed": subjects joined by `and` or a comma act together.
    let first = subjects.length - 1;
    while (first > 0) {
      const gap = text.slice(actorSpans[actors.indexOf(subjects[first - 1]!)]?.end ?? 0, actorSpans[actors.indexOf(subjects[first]!)]?.start ?? 0);
      // (Titles between: "Xi Jinping and Brazilian President Luiz Inacio Lula da Silva signed".)
      // (After `and` only: "At the UN summit, Indian Prime Minister Narendra Modi pledged" joins nothing.)
      if (!/^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$/i.test(gap) && !/^\s*,?\s*and\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}$/.test(gap)) break;
      // (Not a preposition's object: "suspended its partnership with Georgia, and Washington condemned".)
      const earlier = actorSpans[actors.indexOf(subjects[first - 1]!)];
      if (earlier && /\b(?:with|to|of|in|on|for|against|from|by|into|at|over)\s+(?:the\s+)?$/i.test(textBefore(text, earlier.start, sentence, 16))) break;
      first--;
    }
    // Only an event of the same type shares them: in "Buhari has vowed to end the kidnappings" the one who
    // vows does not kidnap.
    const previousMention = index > 0 && !passive ? mentions[mentions.length - 1] : undefined;
    // "Gunmen stormed the villages, setting fire to homes and shooting residents": a participle
    // clause after the previous event's shares its subject, whatever its type.
    const participleClause = !!previousMention && /ing$/.test(triggerText) && PARTICIPLE_CLAUSE.test(text.slice(previousMention.trigger.end, trigger.start));
    const inherited = previousMention && (previousMention.type.ploverType === mentionType.ploverType || participleClause) ? [...previousMention.actors] : [];
    let actor = subjects.length ? [...subjects.slice(first), ...partners] : partners.length ? partners : inherited;
    // "Donald Trump, the front-runner … to face President Joe Biden in the election, has urged
    // lawmakers …": a verb right after an apposition set off by commas has the name before the
    // apposition as its subject, not a name inside it.
    // (A passive verb's subject is acted on: `Petraeus, the former director, was sentenced … by a judge`.)
    const apposed = passive ? null : appositionSubject(text, sentence, trigger, sentenceParticipants);

    if (apposed && !actor.some((known) => sameParticipant(known, apposed.actor))) actor = [apposed.actor];
    // "Israeli troops arrested 15 Palestinians in overnight raids": an event noun inside a phrase
    // of the previous event's clause is done by that event's actors, to whom it is done.
    if (previousMention && previousMention.actors.length > 0 && IN_PHRASE_BEFORE.test(before)) {
      for (const named of actor) if (!previousMention.actors.some((known) => sameParticipant(known, named))) addParticipant(targets, named);
      if (targets.length === 0) for (const target of previousMention.targets) addParticipant(targets, target);
      actor = [...previousMention.actors];
    }
    // "President Donald Trump, who has repeatedly called on Powell …, criticized the decision": the
    // main verb after a relative clause has the name before the clause as its subject.
    if (actor.length === 0 && index > 0 && /,\s*(?:\w+ly\s+)?$/.test(before)) {
      const subject = [...sentenceMentions].reverse().find((entry) => entry.end <= triggers[0]!.start && RELATIVE_AFTER.test(text.slice(entry.end, entry.end + 12)));
      const built = subject && !onlyReports(text, sentenceSpeakers, subject, trigger, false) ? participant(context, subject) : null;
      if (built) actor = [built.actor];
    }
    // "Hamas said the strike was a massacre and accused Israel …": a verb joined to the sentence's
    // first by `and` shares its subject, named before the sentence's first trigger.
    if (actor.length === 0 && index > 0 && COORDINATED_BEFORE.test(textBefore(text, trigger.start, sentence, 20))) {
      // (The subject may have reported the first verb's clause: "Hamas said …". Who reports this
      // one is no subject unless this verb is their cue.)
      // (After a title at most: "Opposition leader Mokgweetsi Masisi conceded defeat and congratulated Boko".)
      let mention = sentenceMentions.find((entry) => entry.end <= triggers[0]!.start && (entry.start - sentence.start <= 4 || TITLE_ONLY.test(text.slice(sentence.start, entry.start))));
      // "U.S. Secretary of State Antony Blinken welcomed … and urged": the head of the subject's
      // phrase (the speaker's span holds it), not the name that modifies its title.
      const phrase = mention && sentenceSpeakers.find((quote) => quote.speaker!.start <= mention!.start && mention!.end <= quote.speaker!.end)?.speaker;
      if (phrase) mention = sentenceMentions.filter((entry) => entry.start >= phrase.start && entry.end <= phrase.end).pop() ?? mention;
      // ("conceded defeat and congratulated Boko": a cue that is itself one of the sentence's events is no mere report.)
      const subject = mention && triggers.some((other) => !onlyReports(text, sentenceSpeakers, mention!, other, false)) ? participant(context, mention) : null;
      if (subject) actor = [subject.actor];
    }
    // "She thanked outgoing President López Obrador, her mentor, and promised to continue his
    // policies": a verb joined by `, and` after another verb's object has the sentence's subject,
    // not that object, as its own.
    if (actor.length > 0 && /,\s*and\s+(?:\w+ly\s+)?$/i.test(textBefore(text, trigger.start, sentence, 20))) {
      let first = sentenceMentions.find((entry) => entry.end <= trigger.start && (entry.start - sentence.start <= 4 || TITLE_ONLY.test(text.slice(sentence.start, entry.start))));
      // (The person a title names after a body's name: `UK Independence Party leader Nigel Farage`,
      // `U.S. Secretary of State Madeleine Albright`.)
      const titled = first && sentenceMentions.find((entry) => entry.start > first!.end && entry.end <= trigger.start && entry.type === 'PER' && /^\s+(?:[\p{L}.'’-]+\s+){1,5}$/u.test(text.slice(first!.end, entry.start)) && !/\s\p{Ll}+(?:ed|s)\s/u.test(text.slice(first!.end, entry.start)));
      if (titled) first = titled;
      const named = first ? participant(context, first) : null;
      // (A verb between that subject and the trigger's own stretch: the actor found is its object.)
      if (first && named && !actor.some((known) => sameParticipant(known, named.actor))
        && /\s\p{Ll}+(?:ed|s)\s/u.test(text.slice(first.end, Math.max(first.end, trigger.start - 20)))
        && !onlyReports(text, sentenceSpeakers, first, trigger, false)) actor = [named.actor];
    }
    // "An Israeli air strike", "a Russian missile strike": the nation named right before a violent
    // event's noun is who struck (its state's forces), where it struck is told elsewhere.
    if (actor.length === 0 && violent[index]) {
      const nation = nationBefore(context, sentenceMentions, trigger);
      if (nation) actor = [nation];
    }
    let ownTargets = targets.filter((target) => !actor.some((known) => sameParticipant(known, target)));
    // "… ordering the killing of Sunil Jayawardena, who was shot dead outside his home": a
    // relative clause's passive is done to the name it follows, not to everyone named before.
    if (passive && RELATIVE_PASSIVE_BEFORE.test(before)) {
      const antecedent = sentenceParticipants.filter((entry) => entry.built.span.end <= trigger.start && /^\s*,\s*(?:who|which|that)\b/i.test(text.slice(entry.built.span.end, entry.built.span.end + 8))).pop();
      if (antecedent) ownTargets = ownTargets.filter((target) => sameParticipant(target, antecedent.built.actor));
    }
    if (actor.length === 0 || ownTargets.length === 0) {
      // Who reports is taken, unless the report is the event itself (its cue is the trigger).
      const taken = [...used, ...sentenceSpeakers.filter((quote) => !(quote.cue && overlaps(quote.cue, trigger))).map((quote) => quote.speaker!)];
      const generic = genericParticipants(context, sentence, windowFirst, window, trigger, passive, taken);
      if (actor.length === 0 && generic.actor) actor = [generic.actor];
      if (ownTargets.length === 0 && generic.target && !actor.some((known) => sameParticipant(known, generic.target!))) ownTargets = [generic.target];
    }
    // "The army recaptured the town": a state's forces regain territory, an armed group overtakes it.
    if ((mentionType.code === 'NON_STATE_ACTOR_OVERTAKES_TER' || mentionType.code === 'GOV_REGAINS_TERIT') && actor.length > 0) {
      const state = actor.every((entry) => entry.kind === 'state military' || entry.kind === 'police');
      const armed = actor.every((entry) => entry.kind === 'armed group');
      const code = state ? 'GOV_REGAINS_TERIT' : armed ? 'NON_STATE_ACTOR_OVERTAKES_TER' : mentionType.code;
      if (code !== mentionType.code) mentionType = retyped(mentionType, eventTypeInfo(code), mentionType.mode);
    }
    // "Fighting between the Sudanese army and the RSF": the two sides of a battle, the first its
    // actor, the second its target (ACLED's actor 1 and actor 2).
    if (actor.length === 0 && ownTargets.length >= 2 && /^\s+between\s/i.test(text.slice(trigger.end, trigger.end + 12))) {
      actor = [ownTargets[0]!];
      ownTargets = ownTargets.slice(1);
    }
    // Fighting between armed forces is a battle, not a protest (the sub-type model read "Fighting
    // between the army and the RSF … has displaced ten million" as a protest with intervention).
    if (BATTLE_WORD.test(triggerText) && mentionType.ploverType === 'PROTEST' && [...actor, ...ownTargets].some((entry) => entry.kind === 'state military' || entry.kind === 'armed group')
      && ![...actor, ...ownTargets].some((entry) => entry.kind === 'protesters' || entry.kind === 'rioters')) {
      const clash = eventTypeInfo('ARMED_CLASH');
      mentionType = retyped(mentionType, clash, clash.mode ?? mentionType.mode);
    }
    // "Gunmen … setting fire to homes and shooting residents": armed men using force do not
    // demonstrate; the violence is an assault.
    if (violent[index] && mentionType.ploverType === 'PROTEST' && actor.some((entry) => entry.kind !== undefined && FORCE_KINDS.has(entry.kind))) {
      const assault = mentionType.acledFor('ASSAULT');
      if (assault) mentionType = retyped(mentionType, assault, assault.mode ?? mentionType.mode);
    }
    // "Riot police fired tear gas at protesters …, the fourth night of demonstrations against …":
    // police or troops named before a protest's noun are not who protests; the protesters named
    // in the sentence are (no one, if none is).
    if (mentionType.ploverType === 'PROTEST' && /^(?:demonstrations?|protests?|rall(?:y|ies))$/i.test(triggerText) && actor.length > 0 && actor.every((entry) => (entry.kind === 'police' || entry.kind === 'state military') && STATE_FORCE_WORDS.test(entry.name))) {
      const protesters = sentenceParticipants.map((entry) => entry.built.actor).filter((entry) => entry.kind === 'protesters');
      actor = protesters.slice(0, 1);
    }
    // "French farmers blocked roads …, stepping up protests": force against protesters needs a force
    // using it; protesters or civilians acting, with no police or troops named, protest.
    if (mentionType.code === 'FORCE_AGAINST_PROTEST' && actor.length > 0 && actor.every((entry) => entry.kind === 'protesters' || entry.kind === 'civilians')
      && !STATE_FORCE_WORDS.test(text.slice(window.start, window.end))) {
      const protest = eventTypeInfo('PEACE_PROTEST');
      mentionType = retyped(mentionType, protest, protest.mode);
    }
    // "Ukraine's air force said it had shot down 104 of the missiles": a weapon stopped in flight
    // is ACLED's disrupted weapons use; an aircraft shot down is violence against it.
    const intercepted = /^(?:shot down|intercepted|downed)$/i.test(triggerText) ? interceptedThing(text, { start: trigger.start, end: Math.min(sentence.end, trigger.end + 60) }, triggerText) : undefined;
    if (intercepted) mentionType = retyped(mentionType, eventTypeInfo(intercepted === 'weapon' ? 'DISR_WEAP' : 'ATTACK'), undefined);
    // "Gang members killed at least 184 people …, most of them elderly residents accused of
    // witchcraft": a killing told as what its subject did is violence, whatever else the sentence
    // tells (not one that is accused, denied or claimed: "accused the army of killing …").
    if (mentionType.ploverType !== 'ASSAULT' && !DISASTERS.has(mentionType.code) && /^(?:killed|kills|massacred|slaughtered|executed)$/i.test(triggerText) && !passive
      && actor.length > 0 && !REPORTED_KILLING_BEFORE.test(textBefore(text, trigger.start, sentence, 80))) {
      mentionType = retyped(mentionType, eventTypeInfo('ATTACK'), undefined);
    }
    // "A court in Tehran sentenced the rapper to death": a sentence is a state's coercion, no
    // organised crime (the sub-type model's nearest COERCE class).
    if (mentionType.code === 'ORG_CRIME' && /^(?:sentenced|jailed|convicted|imprisoned)$/i.test(triggerText)) mentionType = retyped(mentionType, eventTypeInfo('OTHER'), undefined);
    // "Police detained 43 people in raids across Istanbul": raids that make arrests are the arrests
    // (ACLED's), not an abduction or an attack.
    if (/^raid(?:s|ed)?$/i.test(triggerText) && /\b(?:arrest\w*|detain\w*|detention)\b/i.test(sentenceText) && !/\b(?:kill\w*|dead|died|wound\w*)\b/i.test(sentenceText)) {
      mentionType = retyped(mentionType, eventTypeInfo('ARREST'), 'arrest');
    }
    // "The president has vowed to defeat the group by the end of next year": a vow of force is a threat, not an agreement.
    if (mentionType.ploverType === 'AGREE' && /^(?:vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|swore|swears)$/i.test(triggerText) && VOWED_FORCE.test(text.slice(trigger.end, trigger.end + 40))) {
      mentionType = { ...mentionType, ploverType: 'THREATEN' };
    }
    // "The Foreign Ministry lodged a diplomatic protest", "Manila has filed more than 190 protests
    // against Beijing": a protest one state lodges with another is an accusation, not a demonstration.
    if (/^protests?$/i.test(triggerText) && DIPLOMATIC_PROTEST_BEFORE.test(text.slice(Math.max(sentence.start, trigger.start - 48), trigger.start))) {
      const accuse = mentionType.acledFor('ACCUSE') ?? eventTypeInfo('ATTRIB');
      mentionType = retyped(mentionType, accuse, undefined);
    }
    // "A Chinese coast guard ship fired water cannon at a Philippine government vessel": riot
    // weapons with no protest told are force used on someone, not a protest.
    if (mentionType.ploverType === 'PROTEST' && RIOT_WEAPONS.test(triggerText) && !PROTEST_WORDS.test(sentenceText)
      && ![...actor, ...ownTargets].some((entry) => entry.kind === 'protesters' || entry.kind === 'rioters')) {
      mentionType = retyped(mentionType, eventTypeInfo('OTHER'), undefined);
    }
    // "Pentagon spokesperson Maj. Sheryll Klinkel told CNN": a place naming who reports is not where it happened.
    // A demonym names a nationality ("a Russian missile strike on Dnipro"), not where it happened,
    // unless a place noun follows it ("the Afghan capital", "the Syrian border").
    const placeCandidates = sentencePlaces.filter((place) => !used.some((span) => overlaps(span, place))
      && (!place.kind.endsWith('-demonym') || DEMONYM_PLACE_NOUN.test(text.slice(place.end, place.end + 24))));
    const ownPlaces = placeCandidates.filter((place) => place.start >= window.start && place.end <= window.end);
    // "… in the coastal city of Sirte after the terror group seized control of the city": without a place of
    // its own, an event takes the nearest place told before it in the sentence.
    const earlier = placeCandidates.filter((place) => place.end <= window.start);
    const places = ownPlaces.length ? ownPlaces : earlier.length ? [earlier[earlier.length - 1]!] : [];
    // (`confirmed dead by Tuesday morning`: a time `by` which a toll stood dates the count, not the
    // event; `had seized control of the city by 2016` is the event's.)
    const datable = (timex: Timex): boolean => timex.type === 'DATE' && timex.resolved && /^\d{4}/.test(timex.value) && !(CASUALTY_START.test(triggerText) && /\b(?:by|as\s+of)\s+$/i.test(text.slice(Math.max(sentence.start, timex.start - 8), timex.start)))
      && !SPEECH_BEFORE.test(textBefore(text, timex.start, sentence, 40)) && !SUBORDINATE_DATE.test(text.slice(Math.max(trigger.end, timex.start - 60), timex.start)) && !SUBORDINATE_CLAUSE_DATE.test(text.slice(Math.max(trigger.end, timex.start - 160), timex.start))
      && !OTHER_CLAUSE.test(timex.start >= trigger.end ? text.slice(trigger.end, timex.start) : text.slice(timex.end, trigger.start));
    const byDistance = (a: Timex, b: Timex): number => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start);
    // A date in the trigger's own stretch of the sentence, else one elsewhere in the sentence ("… by the end of 2016").
    const timex = sentenceTimexes.filter((entry) => entry.start >= window.start && entry.end <= window.end && datable(entry)).sort(byDistance)[0]
      ?? sentenceTimexes.filter(datable).sort(byDistance)[0] ?? null;
    // "The strike came days after thousands of pagers … exploded …, killing 37 people": a toll told
    // in a clause about an earlier happening is that one's, not the trigger's.
    // (An event of words or accord kills no one: `This sweetheart deal fails to recognize that …
    // 346 people died` tells the crashes' toll, not the deal's.)
    const casualties = WORDS_ONLY.has(mentionType.ploverType) && !CASUALTY_START.test(triggerText) ? [] : findCasualties(text, window).filter((casualty) => casualty.start < trigger.end || !EARLIER_HAPPENING.test(text.slice(trigger.end, casualty.start)));
    mentions.push({
      // (A hazard that struck has no actor: `A volcano on Iceland's Reykjanes peninsula erupted`.)
      sentence, trigger, window, type: mentionType, actors: hazardStruck || hazardToll ? [] : actor, targets: ownTargets, places, timex, casualties,
      ...findSource(context, sentence, trigger), flags,
      anaphoric: ANAPHOR_BEFORE.test(before) && !/\b\d{4}\s+$/.test(before),
      distinct: DISTINCT_BEFORE.test(before),
      such: /\bsuch\s+$/i.test(before),
    });
  }
  return mentions;
}

function dateCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a) || dayInWeek(a, b) || dayInWeek(b, a);
}

/** Whether `day` (`2024-12-06`) lies in the ISO week `week` (`2024-W49`, or its weekend `2024-W49-WE`: Friday night to Sunday). */
function dayInWeek(day: string, week: string): boolean {
  const weekMatch = /^(\d{4})-W(\d{2})(-WE)?$/.exec(week);
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!weekMatch || !dayMatch) return false;
  const date = Date.UTC(Number(dayMatch[1]), Number(dayMatch[2]) - 1, Number(dayMatch[3]));
  // Monday of ISO week 1 is the Monday on or before 4 January.
  const january4 = Date.UTC(Number(weekMatch[1]), 0, 4);
  const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(weekMatch[2]) - 1) * 7 * 86_400_000;
  const offset = Math.round((date - monday) / 86_400_000);
  return weekMatch[3] ? offset >= 4 && offset <= 6 : offset >= 0 && offset <= 6;
}

function placeCountry(places: readonly Place[]): Set<string> {
  return new Set(places.map((place) => place.countryCode).filter((code): code is string => !!code));
}

/** Whether two sets of places both name countries and share none. */
function countriesDisagree(a: readonly Place[], b: readonly Place[]): boolean {
  const first = placeCountry(a);
  const second = placeCountry(b);
  return first.size > 0 && second.size > 0 && ![...second].some((code) => first.has(code));
}

/** Whether a date tells of background: an earlier year than publication, or months before it. */
function isBackground(timex: Timex | null, published: string | undefined): boolean {
  if (!timex || !published) return false;
  return timex.value.slice(0, 4) < published.slice(0, 4) || (timex.value.length >= 7 && timex.value.slice(0, 7) < published.slice(0, 7) && monthsBetween(timex.value, published) > 2);
}

/** Whether a date is the year of publication and no more (`this year`): a running period, no day's date. */
function isRunningYear(timex: Timex, published: string | undefined): boolean {
  return timex.value.length === 4 && !!published?.startsWith(timex.value);
}

/**
 * Whether two tellings are news of now and background apart: one dated, the other not, the date
 * background (`the RSF have taken control of the town … said on Sunday` and `the fighting around
 * El Fasher, where famine was confirmed in August`).
 */
function backgroundApart(a: Timex | null, b: Timex | null, published: string | undefined): boolean {
  return !a !== !b && isBackground(a ?? b, published);
}

/** Whether a new mention tells the same real event as an event record built so far. */
function corefers(record: EventDraft, mention: EventMention, text: string, published: string | undefined): boolean {
  if (mention.distinct || mention.flags.aggregate || record.flags.aggregate) return false;
  // "the strike" after "its first airstrike": a definite noun naming the same kind of happening refers back,
  // whatever the sentence alone suggests (a bare "strike" reads as a labour strike).
  const head = text.slice(mention.trigger.start, mention.trigger.end).toLowerCase().replace(/s$/, '');
  const recordHead = text.slice(record.trigger.start, record.trigger.end).toLowerCase();
  // News of now is no background dated months back.
  if (backgroundApart(record.timex, mention.timex, published)) return false;
  if (mention.anaphoric && recordHead.includes(head) && dateCompatible(record.timex?.value, mention.timex?.value)) return true;
  // `A magnitude 5.9 earthquake struck … killing four` and `The quake was centred in … and struck
  // at 4:17 a.m.`: a disaster told again by its definite noun is the same one.
  if (DISASTERS.has(record.type.code) && DISASTERS.has(mention.type.code) && dateCompatible(record.timex?.value, mention.timex?.value) && !countriesDisagree(record.places, mention.places)) {
    const again = DEFINITE_HAZARD.exec(text.slice(mention.sentence.start, mention.trigger.start));
    const first = record.evidence[0];
    if (again && first) {
      const stem = hazardStem(again[1]!);
      const told = text.slice(first.start, first.end).toLowerCase();
      if (told.includes(stem) || (stem === 'fire' && /wildfire|blaze/.test(told)) || (stem === 'outbreak' && /epidemic/.test(told))) return true;
    }
  }
  // `Gunmen abducted 50 passengers from a train …` and `The train … was attacked near Katari`: a
  // violent happening told again of the thing named just before, by its definite noun, is the same.
  if (record.type.ploverType === 'ASSAULT' && (mention.type.ploverType === 'ASSAULT' || /^attack(?:s|ed)?$/i.test(text.slice(mention.trigger.start, mention.trigger.end))) && !mention.flags.negated && !mention.flags.hypothetical
    && dateCompatible(record.timex?.value, mention.timex?.value) && !countriesDisagree(record.places, mention.places) && sameThingAgain(text, record, mention)) return true;
  if (record.type.info.ploverType !== mention.type.info.ploverType && record.type.ploverType !== mention.type.ploverType) return false;
  if (record.flags.negated !== mention.flags.negated || record.flags.hypothetical !== mention.flags.hypothetical) return false;
  if (!dateCompatible(record.timex?.value, mention.timex?.value)) return false;
  if (countriesDisagree(record.places, mention.places)) return false;
  const shared = [...mention.actors, ...mention.targets].some((actor) => [...record.actors, ...record.targets].some((known) => sameParticipant(known, actor)));
  // (The running year says nothing of a day: `killed in gang violence this year` after a massacre on Friday.)
  const sameDate = !!record.timex && !!mention.timex && !isRunningYear(record.timex, published) && !isRunningYear(mention.timex, published) && dateCompatible(record.timex.value, mention.timex.value);
  return mention.anaphoric || shared || sameDate;
}

/**
 * Whether a mention's sentence opens with `The <noun>` (or `The <noun>, …,`) for a noun the
 * record's last sentence named with `a`/`an` (`a train` … `The train`), within two sentences.
 */
function sameThingAgain(text: string, record: EventDraft, mention: EventMention): boolean {
  const opening = /^The\s+([a-z]{3,}(?:\s+[a-z]{3,})?)\b/.exec(text.slice(mention.sentence.start, mention.trigger.start));
  if (!opening) return false;
  const last = record.evidence[record.evidence.length - 1]!;
  if (mention.sentence.start - last.end > 400) return false;
  const noun = opening[1]!.split(/\s+/).pop()!;
  if (GENERIC_HAPPENING.test(noun)) return false;
  return new RegExp(String.raw`\b(?:a|an)\s+(?:[\w-]+\s+){0,2}${noun}\b`, 'i').test(text.slice(last.start, last.end));
}

/** Nouns that name a happening or a party, not a thing it happened to (those corefer by other rules). */
const GENERIC_HAPPENING = /^(?:attack|attacks|strike|strikes|raid|bombing|incident|event|group|groups|government|army|military|police|men|people|man|woman|ministry|statement|report|official|officials)$/;

interface EventDraft {
  type: EventTypeResult;
  trigger: Span;
  actors: EventActor[];
  targets: EventActor[];
  places: Place[];
  timex: Timex | null;
  casualties: Casualty[];
  source: Event['source'];
  sourceReports: boolean;
  flags: Event['flags'];
  evidence: Span[];
  rule: string;
}

function merge(record: EventDraft, mention: EventMention): void {
  for (const actor of mention.actors) if (!record.targets.some((known) => sameParticipant(known, actor))) addParticipant(record.actors, actor);
  for (const target of mention.targets) if (!record.actors.some((known) => sameParticipant(known, target))) addParticipant(record.targets, target);
  record.places.push(...mention.places);
  // The most precise date told: `2012-09` over `2012`.
  if (mention.timex && (!record.timex || mention.timex.value.length > record.timex.value.length)) record.timex = mention.timex;
  // (The same toll told twice, `30 killed` then `30 dead`, counts once.)
  for (const casualty of mention.casualties) if (!record.casualties.some((known) => known.start === casualty.start || (known.kind === casualty.kind && known.count !== null && known.count === casualty.count && known.qualifier === casualty.qualifier))) record.casualties.push(casualty);
  // A named source replaces an unnamed one ("officials said") when it too tells of the event; one that
  // reacts to it ("Ghani condemned the bombing") is kept only when nothing better was told.
  const better = !record.source && !!mention.source
    || !!mention.source?.entity && !record.source?.entity && (mention.sourceReports || !record.sourceReports)
    || mention.sourceReports && !record.sourceReports && !!mention.source;
  if (better) {
    record.source = mention.source;
    record.sourceReports = mention.sourceReports;
  }
  if (!record.evidence.some((span) => span.start === mention.sentence.start)) record.evidence.push({ start: mention.sentence.start, end: mention.sentence.end });
  // A violent mention typed with more confidence (`airstrike` over `strike`) decides the sub-type.
  // (Both readings must agree: a sub-type read as a disaster while the PLOVER model read an attack does not retype a disaster.)
  if (mention.type.confidence > record.type.confidence && mention.type.info.ploverType === record.type.info.ploverType && mention.type.ploverType === record.type.ploverType) record.type = mention.type;
  record.rule = `${record.rule}+coref`;
}

/** Extracts the events of a Doc (a pure function of the Doc and the loaded models). */
export function extractEvents(doc: Readonly<Doc>, models: EventTypeModels, options: ExtractEventsOptions = {}): Event[] {
  const published = options.published ?? doc.meta.published?.slice(0, 10);
  const context: Context = {
    doc, published,
    entityById: new Map(doc.entities.map((entity) => [entity.id, entity])),
    mentionById: new Map(doc.mentions.map((mention) => [mention.id, mention])),
    places: new SpanIndex(doc.places),
    mentions: new SpanIndex(doc.mentions),
    timexes: new SpanIndex(doc.timexes),
    paragraphs: new SpanIndex(doc.paragraphs),
    speakers: new SpanIndex(doc.quotes.flatMap((quote, index) => (quote.speaker ? [{ start: quote.speaker.start, end: quote.speaker.end, quote: index }] : []))),
    quoteSpans: new SpanIndex(doc.quotes),
    contentPieces: new SpanIndex(doc.quotes.flatMap((quote, index) => quote.content.map((piece) => ({ start: piece.start, end: piece.end, quote: index })))),
    byEntity: new Map(),
  };
  const drafts: EventDraft[] = [];
  for (let sentenceIndex = 0; sentenceIndex < doc.sentences.length; sentenceIndex++) {
    const sentence = doc.sentences[sentenceIndex]!;
    for (let mention of findMentions(context, sentence, sentenceIndex, models)) {
      if (mention.such) {
        // `A drone strike killed four …, in the third such strike in the region this month`: the kind
        // of the latest event whose trigger holds the word; in that event's own sentence, the phrase
        // describes that event.
        const head = doc.text.slice(mention.trigger.start, mention.trigger.end).toLowerCase().replace(/s$/, '');
        let kin: EventDraft | undefined;
        for (let index = drafts.length - 1; index >= 0 && !kin; index--) {
          if (doc.text.slice(drafts[index]!.trigger.start, drafts[index]!.trigger.end).toLowerCase().includes(head)) kin = drafts[index];
        }
        if (kin && kin.trigger.start >= sentence.start && kin.trigger.end <= sentence.end) {
          merge(kin, mention);
          continue;
        }
        if (kin) mention = { ...mention, type: kin.type };
      }
      // A toll told on its own right after an attack or a disaster ("A missile struck …. Seventy-five
      // people were wounded."): more of that event, when the latest one is a violent or disaster record
      // from this or the two sentences before and nothing else (a date, a place) tells them apart.
      const latest = drafts[drafts.length - 1];
      // (A running toll, `The conflict has killed more than 20,000 people`, is no more of it.)
      if (latest && mention.casualties.length > 0 && mention.actors.length === 0 && mention.targets.length === 0 && !mention.flags.negated && !mention.flags.hypothetical && !mention.flags.aggregate
        && CASUALTY_WORD_ONLY.test(doc.text.slice(mention.trigger.start, mention.trigger.end).toLowerCase())
        && (latest.type.ploverType === 'ASSAULT' || latest.type.ploverType === 'AID') && !latest.flags.aggregate
        // (A disaster's toll may come several sentences later, after where and how it struck, when
        // the toll's sentence tells of no violence.)
        && latest.evidence.some((span) => span.end >= (doc.sentences[sentenceIndex - (DISASTERS.has(latest.type.code) ? (VIOLENCE_WORD.test(doc.text.slice(sentence.start, sentence.end)) ? 4 : 8) : 2)]?.start ?? 0))
        && dateCompatible(latest.timex?.value, mention.timex?.value)
        // (`In October, a series of earthquakes … killed more than 1,500 people` after this week's floods: background.)
        && !backgroundApart(latest.timex, mention.timex, published)
        // (`More than 5,000 people have been killed in gang violence this year`: a year's toll is no day's.)
        && !(mention.timex && isRunningYear(mention.timex, published) && (latest.timex?.value.length ?? 10) >= 7)
        && !countriesDisagree(latest.places, mention.places)) {
        merge(latest, mention);
        continue;
      }
      // The latest draft it corefers with (walked back in place: a copy per mention was quadratic).
      let record: EventDraft | undefined;
      for (let index = drafts.length - 1; index >= 0 && !record; index--) if (corefers(drafts[index]!, mention, doc.text, published)) record = drafts[index];
      if (record) { merge(record, mention); continue; }
      drafts.push({
        type: mention.type, trigger: mention.trigger, actors: [...mention.actors], targets: [...mention.targets], places: [...mention.places],
        timex: mention.timex, casualties: [...mention.casualties], source: mention.source, sourceReports: mention.sourceReports, flags: { ...mention.flags },
        evidence: [{ start: mention.sentence.start, end: mention.sentence.end }], rule: 'trigger',
      });
    }
  }
  return drafts.map((draft, index) => {
    const place = [...draft.places].sort((a, b) => placeRank(a) - placeRank(b) || b.confidence - a.confidence)[0];
    const date = draft.timex
      ? { value: draft.timex.value, timex: draft.timex.id, fromPublication: false }
      : published ? { value: published, timex: null, fromPublication: true } : null;
    // Told as background: its date lies in an earlier year than publication, or months before it.
    const historical = isBackground(draft.timex, published);
    const mode = draft.type.mode;
    // `The agency had sent 30 tonnes of medical supplies`: help given is no disaster of its own;
    // a disaster's sub-type needs a toll, a hazard or an accident told.
    const told = draft.evidence.map((span) => doc.text.slice(span.start, span.end)).join(' ');
    const harmless = DISASTERS.has(acledCode(draft.type)) && draft.casualties.length === 0 && !NATURAL_HAZARD.test(told) && !ACCIDENT.test(told) && !HAZARD.test(told);
    const info = harmless ? OUTSIDE_ACLED : acledCategory(draft.type);
    return {
      id: `ev${index + 1}`,
      start: Math.min(...draft.evidence.map((span) => span.start)),
      end: Math.max(...draft.evidence.map((span) => span.end)),
      ploverType: draft.type.ploverType,
      ...(mode ? { mode } : {}),
      acledType: info.acledType,
      acledSubType: info.acledSubType,
      actors: draft.actors,
      targets: draft.targets,
      place: place?.id ?? null,
      date,
      casualties: draft.casualties.sort((a, b) => a.start - b.start),
      source: draft.source,
      flags: { ...draft.flags, historical },
      evidence: draft.evidence.sort((a, b) => a.start - b.start),
      trigger: draft.trigger,
      rule: draft.rule,
    };
  });
}

/** ACLED's category for what no ACLED or CASE 2021 class stands for (a request, a threat, a denial). */
const OUTSIDE_ACLED = { acledType: 'Other', acledSubType: 'Other' } as const;

/**
 * The ACLED type and sub-type of a record of type `type`: the sub-type model's class when its PLOVER
 * type is the record's, else the most probable class of the record's PLOVER type ("The Taliban denied
 * involvement" is a REJECT, not the bombing's sub-type), else {@link OUTSIDE_ACLED}.
 */
/** The code of the class {@link acledCategory} reads for a record of type `type`. */
function acledCode(type: EventTypeResult): string {
  const info = type.code === 'ATTRIB' ? type.acledOnly : type.info;
  return info.ploverType === type.ploverType ? info.code : type.acledFor(type.ploverType)?.code ?? '';
}

function acledCategory(type: EventTypeResult): Pick<EventTypeInfo, 'acledType' | 'acledSubType'> {
  // "Al Qaeda was responsible for the 2013 attack": the attribution is how it is told; the record is the attack.
  const info = type.code === 'ATTRIB' ? type.acledOnly : type.info;
  if (info.ploverType === type.ploverType) return info;
  return type.acledFor(type.ploverType) ?? OUTSIDE_ACLED;
}

function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 1] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 1] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}
