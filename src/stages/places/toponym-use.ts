/**
 * How a place name is used in its sentence, after the pragmatic taxonomy of toponyms that
 * GeoWebNews annotates (Gritta, Pilehvar & Collier 2019): a point on the map (`troops in
 * Libya`), a modifier of something located there (`Libya's coast`, `the British city of
 * Salisbury`), a modifier of something merely associated with it (`the US military`, `Russian
 * diplomats`), or the place's government, people or team (`Washington said`, `sanctions against
 * Iran`). Only the first two have a place on a map.
 */

/** What a place name stands for in context. */
export type ToponymUse = 'literal' | 'literal-modifier' | 'modifier' | 'metonymic';

/**
 * Nouns for things that lie in a place or measure it: a place name modifying one of these is
 * still read as the place (`Syria's notorious jails`, `the Mexican border`, `India's economy`).
 */
const LOCATED_NOUNS: ReadonlySet<string> = new Set(`
area areas border borders boundary frontier coast coastline coasts shore shores waters airspace soil
territory territories capital capitals city cities town towns village villages suburb suburbs
neighborhood neighborhoods neighbourhood neighbourhoods district districts county counties province
provinces region regions street streets road roads highway highways motorway intersection corner
block square park parks island islands peninsula mainland interior countryside outskirts heartland
desert deserts mountains mountain hills valley river rivers lake lakes sea seas beach beaches
enclave exclave side north south east west northeast northwest southeast southwest
airport airports airbase airbases base bases port ports harbor harbour station stations jail jails
prison prisons hospital hospitals restaurant restaurants hotel hotels farm farms factory factories
plant plants mine mines camp camps facility facilities resort resorts home homes office offices
headquarters campus stadium stadiums venue venues set site sites location locations store stores
shop shops mall embassy
economy economies economic growth jobs job jobless unemployment industry industries manufacturing
production mining oil agriculture agricultural tourism pollution air weather climate population
history development murder murders crime housing traffic landscape skyline sewage wastewater
wildfire wildfires earthquake floods flooding hurricane drought heat civil
residents passengers fall total capacity neighbour neighbours neighbor neighbors
`.trim().split(/\s+/));

/**
 * Nouns for people, institutions, acts and stances: a place name modifying one of these stands
 * for its state or people (`Russia's foreign ministry`, `US officials`, `China's decision`).
 */
const ASSOCIATED_NOUNS: ReadonlySet<string> = new Set(`
government governments administration authorities authority officials official ministry ministries
minister ministers president presidents premier prime leader leaders leadership ambassador
ambassadors consulate diplomat diplomats envoy envoys delegation delegations counterpart
counterparts military army armies navy forces troops soldiers police intelligence agents spy spies
people citizens nationals man men woman women girl girls boy boys child children migrants migrant
refugees voters lawmakers senator senators congressman parliament team teams coach players fans
club clubs dollar dollars currency flag identity law laws constitution news media press company
companies firm firms airline airlines bank banks regulator regulators ruling decision decisions
request requests response concern concerns interest interests policy policies stance position
approach action actions move moves effort efforts trade imports exports sanctions ally allies
partner partners side's national state-run state-owned representative representatives delegate
spokesman spokeswoman spokesperson counterpart's opposition rebels militants militia fighters
version edition championship league cup countries nations states members member employers
goods equipment products brands lawmaker rep campaign aide aides correspondent correspondents
chief chiefs staff staffer staffers spokesman adviser advisers advisor official's analyst analysts
councillor councillors councilor councilors commissioner commissioners native natives architect
architects artist artists designer designers author authors
`.trim().split(/\s+/));

/**
 * Words after a place name that show it is not modifying a noun: function words, adverbs and
 * verbs that commonly follow a place (`entering Brazil each day`, `Ghouta still held by`).
 */
const NOT_A_HEAD: ReadonlySet<string> = new Set(`
and or but nor in on at to for with from by of as than into onto over under after before since
until near via per is are was were be been being has have had will would could should can may
might must does do did this that these those which who whom whose where when while because if so
the a an its their his her our my your last next earlier later today yesterday tonight tomorrow
now then too also alone itself instead again proper says said each every still between among
during despite against through throughout across along amid amidst toward towards without within
including not only just even already yet soon once here there up down out off back around about
above below beyond behind beside besides inside outside upon like unlike per versus vs
`.trim().split(/\s+/));

/** A locative preposition right before the name (`in Washington said` stays a place). */
const LOCATIVE_BEFORE = /\b(?:in|at|from|into|near|across|outside|inside|throughout|around|within|via|toward|towards|through|along|to|onto|over|beyond)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|rural|coastal|downtown|tropical)\s+)?$/i;

/**
 * Words right before a name that make it an agent or a party (`accused Russia`, `talks with
 * Iran`, `sanctions against Iran`, `said that China`, `both Russia and ...`).
 */
const AGENT_BEFORE = /\b(?:with|by|against|that|both|although|though|whereas|accuse[sd]?|accusing|blame[sd]?|blaming|urge[sd]?|urging|press(?:ed|ing)?|pressur(?:e|ed|ing)|sanction(?:s|ed|ing)?|fight(?:ing|s)?|fought|prompting|persuade[sd]?|convince[sd]?|warned|warning|told|telling|asked|asking|allow(?:ed|ing|s)?|forc(?:ed|ing)|order(?:ed|ing)|sell|selling|sold|beat|beating|defeat(?:ed|ing)?|support(?:ed|ing)?|back(?:ed|ing)|join(?:ed|ing)?|invite[sd]?|inviting|criticis(?:ed|ing)|criticiz(?:ed|ing)|condemn(?:ed|ing)?|thank(?:ed|ing)?|help(?:ed|ing)?|lead|led|leading|punish(?:ed|es|ing)?|defend(?:s|ed|ing)?|consolidat(?:e|ed|es|ing)|spur(?:s|red|ring)?|recogni[sz](?:e|es|ed|ing)|blamed\s+on|pressure\s+on|worr(?:y|ied|ying)\s+about|engag(?:e|ed|ing)\s+with)\s+(?:the\s+)?$/i;

/** An adverbial that may stand between a subject and its verb (`the U.S. on Tuesday said`). */
const ADVERBIAL = String.raw`(?:\s*,?\s+(?:on|last|this|earlier|late|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|January|February|March|April|May|June|July|August|September|October|November|December|\w+day)\b(?:\s+\d{1,2}\b)?,?|\s+(?:also|now|then|still|already|traditionally|repeatedly|reportedly|officially|recently|previously|initially|ultimately|eventually|quickly|long|never|always|once|later|finally|too|\p{Ll}+ly)\b)*`;

/** Agent verbs (with their auxiliaries): a place doing these is its government, people or team. */
const AGENT_VERB = String.raw`(?:(?:has|have|had|would|should|could|must|might|may|did|does|do|can|cannot|can't|won't|will|is|was|are|were)(?:\s+(?:not|also|already|now|long|never|still|just))*\s+(?:been\s+)?(?!(?:a|an|the|in|at|on|been|being|have|be|home|located|situated|known|famous|located|bordered|surrounded|hit|struck|home|flooded|affected|ranked|among|one|part|still|no|not)\b)[a-z]+(?:ed|en|ing|s|e|t|d|y)?|(?:said|says|say|announced|announces|denied|denies|accused|accuses|warned|warns|insisted|insists|claimed|claims|argued|argues|threatened|threatens|vowed|vows|rejected|rejects|condemned|condemns|demanded|demands|responded|responds|urged|urges|wants|wanted|refused|refuses|agreed|agrees|imposed|imposes|sanctioned|retaliated|blamed|blames|told|tells|pledged|pledges|hopes|hoped|hope|believes|believed|called on|signed|signs|expelled|expels|recalled|recalls|decided|decides|continues|continued|plans|planned|seeks|sought|opposes|opposed|supports|supported|backs|backed|exported|exports|imported|imports|sold|sells|buys|bought|entered|joined|joins|won|wins|lost|loses|beat|beats|defeated|played|plays|voted|votes|acted|acts|failed|fails|needs|needed|approved|approves|ordered|orders|invaded|invades|attacked|attacks|launched|launches|deployed|deploys|recognized|recognised|recognizes|recognises|considers|considered|stopped|stops|started|starts|began|begins|expects|expected|worked|works|helped|helps|led|leads|sent|sends|asked|asks|offered|offers|promised|promises|proposed|proposes|requested|requests|reported|reports|confirmed|confirms|welcomed|welcomes|criticized|criticised|criticizes|criticises|protested|protests|intends|intended|aims|aimed|seeks|tried|tries|attempted|attempts|retains|retained|maintains|maintained|remains|remained|scored|leads|trails|trailed|hosts|hosted|faces|faced|became|becomes)\b)`;

/**
 * Any past or present-tense verb: a place name with no preposition before it, followed by a
 * verb, is the verb's subject, and places act through their governments, people and teams
 * (`Tamil Nadu on Saturday moved the Supreme Court`, `Vietnam sees Russia as a partner`). Verbs
 * that places do as places stay literal (`Houston flooded`, `Algeria borders Libya`).
 */
const ANY_VERB = String.raw`(?!(?:flooded|located|based|situated|lies|lay|sits|borders|bordered|stretches|covers|spans|experienced|saw|suffered|sweltered|shook|burned|froze|faces|hit)\b)\p{Ll}{2,}(?:ed|es|s)\b(?!\s+(?:of|and|or|in|are|were|who|which|that|to)\b)`;

const SUBJECT_OF_AGENT_VERB = new RegExp(`^${ADVERBIAL}\\s+${AGENT_VERB}`, 'u');
const SUBJECT_OF_ANY_VERB = new RegExp(`^${ADVERBIAL}\\s+${ANY_VERB}`, 'u');

/** `and` and a name before a head noun: `the Kazakhstan and UAE governments`. */
const COORDINATED_NAME = /^\s+and\s+\p{Lu}[\p{L}.'’-]*(?=\s+\p{Ll})/u;
/** Up to three lower-case words, after at most one capitalised adjective (`China's Christian population`). */
const HEAD_WORDS = /^(?:\s+\p{Lu}\p{Ll}+(?=\s+\p{Ll}))?((?:\s+[\p{Ll}][\p{L}'’-]*){1,3})/u;
/** A place and a comma right before the name: `in Moscow, Russia`. */
const APPOSITION_BEFORE = /\b(?:in|at|from|near|to)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?,\s*$/u;

/** A name and `and` right before a name: `between Russia and [the West]`. */
const NAME_AND_BEFORE = /\s+(?:the\s+)?\p{Lu}[\p{L}.'’ -]*?\s+and\s+(?:the\s+)?$/u;

/** Heads of a possessive or noun-modifier phrase: up to three lower-case words after the name. */
function headWords(text: string, from: number): string[] {
  // "the Kazakhstan and UAE governments": the head comes after the coordinated name.
  const coordinated = COORDINATED_NAME.exec(text.slice(from, from + 40));
  const at = coordinated ? from + coordinated[0].length : from;
  // "China's Christian population": a capitalised adjective may stand before the head.
  const match = HEAD_WORDS.exec(text.slice(at, at + 60));
  return match?.[1] ? match[1].trim().split(/\s+/).map((word) => word.replace(/['’]s$/, '')) : [];
}

/**
 * The modifier reading of the words after a name: located there, associated with it, or none.
 * The last known noun before a function word is the head (`Zimbabwe tourism authorities` are
 * people, `India's cash-heavy economy` is the place's).
 */
function modifierReading(words: readonly string[]): 'located' | 'associated' | undefined {
  let reading: 'located' | 'associated' | undefined;
  for (const word of words) {
    if (NOT_A_HEAD.has(word)) return reading;
    if (LOCATED_NOUNS.has(word)) reading = 'located';
    else if (ASSOCIATED_NOUNS.has(word)) reading = 'associated';
  }
  return reading;
}

/**
 * A title or institution the name belongs to: `President of Ukraine`, `the Embassy of Ukraine`,
 * `the government of Ukraine` before it; `US President Donald Trump`, `U.S. Trade
 * Representative`, `New Mexico GOP` after it. The name then qualifies the office, not a point.
 */
const OFFICE_BEFORE = /\b(?:president|vice[- ]president|prime minister|minister|ministry|ruler|governor|embassy|ambassador|consul|consulate|envoy|republic|federation|government|parliament|king|queen|prince|princess|emir|sultan|sheikh|mayor|premier|chancellor|council|senate|congress|orchestra|university|bank|department|secretary|artist|bishop|archbishop|patriarch|catholicos|attorney general|chief justice|court|delegation|people|archduke|duke|duchess|earl|emperor|empress|tsar|czar|pope)\s+of\s+(?:the\s+)?$/i;
const OFFICE_AFTER = /^\s+(?:President|Vice President|Prime Minister|Premier|Minister|Ministry|Secretary|Rep\.|Rep|Representative|Sen\.|Senator|Gov\.|Governor|Ambassador|Embassy|Consulate|Attorney|Trade|Foreign|Defense|Defence|State Department|Department|Treasury|Congress|Senate|Army|Navy|Air Force|Marines|Coast Guard|Police|GOP|Democrats?|Republicans?|Government|Parliament|Cabinet|Supreme Court|Central Bank|Federal Reserve|Embassy|Archbishop|Bishop|Cardinal|Mayor|Crown Prince|King|Queen|Emir|Sheikh|Chief|Commissioner|Councillor|Councilor|Assembly|Legislature)(?![A-Za-z])/;

/** Abstract nouns whose `of` names a state or people: `the image of Russia`, `the dignity of Mexico`. */
const ASSOCIATED_OF = /\b(?:image|story|dignity|independence|future|interests?|success|sovereignty|security|reputation|behalf|stance|position|policy|policies|role|leadership|support|demands?|response|decision|sanctions|allies|ally|enemies|enemy|rival|rivals|partner|partners|friends?|citizens|people|voters|team)\s+of\s+(?:the\s+)?$/i;

/** A transfer or a game's result, then `to`/`from`/`over`/`against` right before the name. */
const TRANSFER_BEFORE = /\b(?:sell|sells|sold|selling|give|gives|gave|given|giving|permission|independence|loan|backing|support|request|requests|questions|apology|aid|assistance|defeat|loss|victory|draw)\b[^.;:!?]{0,45}\b(?:to|from|over|against)\s+(?:the\s+)?$/i;

/** Talk of relations between parties: `tensions between the United States and China`. */
const RELATION_BEFORE = /\b(?:relations|relationship|ties|tensions|talks|trade|cooperation|partnership|dialogue|agreement|deal|war|dispute|rift|conflict|alliance|friendship|rivalry|summit|negotiations)\s+(?:between|with)\s+(?:the\s+)?$/i;

/**
 * Why the rules read a use as they did: `possessive`, `possessive-located`, `demonym`,
 * `demonym-located`, `office`, `head-located`, `head-associated`, `locative`, `apposition`, `border-with`,
 * `direction`, `agent-before`, `transfer`, `associated-of`, `relation`, `relation-and`, `agent-verb` (a verb of saying or
 * acting: `China said`), `verb` (any other verb: `China continued`), `none`; the finder adds
 * `list` (read like its neighbour in a list). A feature of the learned toponym classifier.
 */
export type ToponymReason = 'possessive' | 'possessive-located' | 'demonym' | 'demonym-located' | 'office' | 'head-located' | 'head-associated' | 'locative' | 'apposition' | 'border-with' | 'direction' | 'agent-before' | 'transfer' | 'associated-of' | 'relation' | 'relation-and' | 'agent-verb' | 'verb' | 'none' | 'list';

/** The metonymy test of {@link isMetonymic}, with the reason for its answer. */
function metonymyReason(text: string, span: { start: number; end: number }): { readonly metonymic: boolean; readonly reason: ToponymReason } {
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  // "sell arms to Saudi Arabia", "permission from Georgia", "a loss to San Antonio": what passes
  // to or from a place passes to or from its state, people or team.
  const reach = text.slice(Math.max(0, span.start - 60), span.start);
  if (TRANSFER_BEFORE.test(reach)) return { metonymic: true, reason: 'transfer' };
  if (LOCATIVE_BEFORE.test(before)) return { metonymic: false, reason: 'locative' };
  // "in Moscow, Russia", "Oulton Park, Cheshire": the larger unit of a place just named.
  if (APPOSITION_BEFORE.test(before)) return { metonymic: false, reason: 'apposition' };
  // "the border with Mexico", "the last patch of eastern Ghouta still held by insurgents".
  if (/\b(?:border|borders|frontier|boundary|line)\s+with\s+(?:the\s+)?$/i.test(before)) return { metonymic: false, reason: 'border-with' };
  if (/\b(?:north|south|east|west|northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|northeast|northwest|southeast|southwest|tropical|coastal|rural|downtown)\s+$/i.test(before)) return { metonymic: false, reason: 'direction' };
  if (AGENT_BEFORE.test(before)) return { metonymic: true, reason: 'agent-before' };
  // "the image of Russia", "the independence of the United States": a stance, standing or
  // interest of the place's state or people.
  if (ASSOCIATED_OF.test(before)) return { metonymic: true, reason: 'associated-of' };
  if (RELATION_BEFORE.test(before)) return { metonymic: true, reason: 'relation' };
  // "between Russia and the West" after a relation noun: the second party too.
  if (/\band\s+(?:the\s+)?$/i.test(before) && RELATION_BEFORE.test(text.slice(Math.max(0, span.start - 120), span.start).replace(NAME_AND_BEFORE, ' '))) return { metonymic: true, reason: 'relation-and' };
  const after = text.slice(span.end, span.end + 80);
  if (SUBJECT_OF_AGENT_VERB.test(after)) return { metonymic: true, reason: 'agent-verb' };
  if (SUBJECT_OF_ANY_VERB.test(after)) return { metonymic: true, reason: 'verb' };
  return { metonymic: false, reason: 'none' };
}

/** True when a span names a government, people or team by its place (`Washington said`). */
export function isMetonymic(text: string, span: { start: number; end: number }): boolean {
  return metonymyReason(text, span).metonymic;
}

/**
 * How a place name or demonym is used (see {@link ToponymUse}). `demonym` marks an adjective
 * (`Syrian`), which is never literal by itself: only a modifier of something located.
 */
export function toponymUse(text: string, span: { start: number; end: number }, demonym = false): ToponymUse {
  return toponymReading(text, span, demonym).use;
}

/** {@link toponymUse} with the reason for the reading (see {@link ToponymReason}). */
export function toponymReading(text: string, span: { start: number; end: number }, demonym = false): { readonly use: ToponymUse; readonly reason: ToponymReason } {
  const after = text.slice(span.end, span.end + 60);
  // "Russia's Foreign Ministry", "Iran's imports": a possessive place is its state, unless what
  // it owns lies there or measures it ("Libya's coast", "India's cash-heavy economy").
  if (/^['’]s?\s/u.test(after)) {
    const reading = modifierReading(headWords(text, span.end + (after.startsWith("'s") || after.startsWith('’s') ? 2 : 1)));
    return reading === 'located' ? { use: 'literal-modifier', reason: 'possessive-located' } : { use: 'metonymic', reason: 'possessive' };
  }
  if (demonym) return modifierReading(headWords(text, span.end)) === 'located' ? { use: 'literal-modifier', reason: 'demonym-located' } : { use: 'modifier', reason: 'demonym' };
  if (OFFICE_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start)) || OFFICE_AFTER.test(after)) return { use: 'modifier', reason: 'office' };
  // "US military": a noun right after the name; "the US border": located there. The words
  // before then govern the whole phrase ("the attack against the In Amenas oil consortium").
  const reading = modifierReading(headWords(text, span.end));
  if (reading === 'located') return { use: 'literal-modifier', reason: 'head-located' };
  if (reading === 'associated') return { use: 'modifier', reason: 'head-associated' };
  const { metonymic, reason } = metonymyReason(text, span);
  return { use: metonymic ? 'metonymic' : 'literal', reason };
}

/**
 * The modifier reading of the lower-case words right after `end` (`located` for `coast`,
 * `associated` for `military`, undefined when no known head noun follows); a feature of the
 * learned toponym classifier.
 */
export function headReading(text: string, end: number): 'located' | 'associated' | undefined {
  const after = text.slice(end, end + 3);
  const skip = /^['’]s\s/u.test(after) ? 2 : /^['’]\s/u.test(after) ? 1 : 0;
  return modifierReading(headWords(text, end + skip));
}
