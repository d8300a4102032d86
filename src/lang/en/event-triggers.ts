/**
 * English cue patterns for event types, written from the label definitions of the ACLED codebook
 * (sub-event types) and of PLOVER (event types and modes), not from any evaluation sentence.
 *
 * Each pattern is matched case-insensitively on word boundaries against a sentence or snippet. A hit is
 * both a vote of the lexicon baseline and a feature of the trained classifier, which learns how much
 * each cue is worth and how cues combine (`protesters` + `tear gas` is an intervention, not a protest).
 */

/** One cue: a regular expression source (no flags) and its weight in the lexicon baseline. */
export interface EventCue {
  readonly pattern: string;
  /** Vote weight in the lexicon baseline; specific weapons outrank generic violence. Default 1. */
  readonly weight?: number;
}

/** The CASE 2021 / ACLED sub-event codes, plus the five non-ACLED classes of CASE 2021 task 2. */
export type EventCode =
  | 'ARMED_CLASH' | 'GOV_REGAINS_TERIT' | 'NON_STATE_ACTOR_OVERTAKES_TER'
  | 'CHEM_WEAP' | 'AIR_STRIKE' | 'SUIC_BOMB' | 'ART_MISS_ATTACK' | 'REM_EXPLOS' | 'GRENADE'
  | 'SEX_VIOL' | 'ATTACK' | 'ABDUCT_DISSAP'
  | 'PEACE_PROTEST' | 'PROTEST_WITH_INTER' | 'FORCE_AGAINST_PROTEST'
  | 'VIOL_DEMONSTR' | 'MOB_VIOL'
  | 'AGREEMENT' | 'ARREST' | 'CHANGE_TO_GROUP_ACT' | 'DISR_WEAP' | 'HQ_ESTABLISHED' | 'PROPERTY_DISTRUCT'
  | 'NON_VIOL_TERRIT_TRANSFER' | 'OTHER'
  | 'ORG_CRIME' | 'NATURAL_DISASTER' | 'MAN_MADE_DISASTER' | 'DIPLO' | 'ATTRIB';

/** Cues per ACLED sub-event code (and the CASE 2021 extra classes). */
export const ACLED_CUES: Readonly<Record<EventCode, readonly EventCue[]>> = {
  ARMED_CLASH: [
    { pattern: 'clash(?:es|ed)?' }, { pattern: 'fighting|fought|fights?' }, { pattern: 'gun ?battles?|fire ?fights?|gunfights?|shoot-?outs?' },
    { pattern: 'exchange(?:d|s)? (?:of )?(?:gun)?fire' }, { pattern: 'skirmish(?:es|ed)?' }, { pattern: 'ambush(?:ed|es)?' },
    { pattern: 'battles?|battled' }, { pattern: 'engaged' }, { pattern: 'attack(?:ed|s)? (?:an? |the )?(?:\\w+ )?(?:military|army|police|security) (?:post|positions?|base|checkpoint|patrol|convoy)' },
    { pattern: 'offensive|counter-?attack' }, { pattern: 'militants? (?:and|with) (?:the )?(?:army|troops|soldiers|security forces)' },
  ],
  GOV_REGAINS_TERIT: [
    { pattern: 'recaptur(?:e|ed|es|ing)', weight: 2 }, { pattern: 're-?took|retak(?:e|en|ing)', weight: 2 }, { pattern: 'regain(?:ed|s)? control', weight: 2 },
    { pattern: 'liberat(?:e|ed|ion|ing)', weight: 1.5 }, { pattern: 'took back|taken back|wrest(?:ed)? (?:back )?control', weight: 1.5 }, { pattern: 'cleared (?:the )?(?:area|town|village)' },
    { pattern: 'restored (?:state |government )?control' },
  ],
  NON_STATE_ACTOR_OVERTAKES_TER: [
    { pattern: '(?:seiz|captur)(?:e|ed|es|ing) (?:control of )?(?:the )?(?:town|village|city|district|area|territory|base|region|port)', weight: 2 },
    { pattern: 'overr(?:a|u)n', weight: 2 }, { pattern: '(?:took|taken|taking|take) control', weight: 1.5 }, { pattern: 'fell (?:in)?to', weight: 1.5 },
    { pattern: 'under (?:the )?control of', weight: 1 }, { pattern: 'advanced? (?:into|on)' },
  ],
  CHEM_WEAP: [
    { pattern: 'chemical(?: weapons?| attacks?| agents?)?', weight: 3 }, { pattern: 'sarin|chlorine|mustard gas|nerve (?:agent|gas)|toxic gas|poison(?:ous)? gas', weight: 3 },
    { pattern: 'suffocation|choking|asphyxia' },
  ],
  AIR_STRIKE: [
    { pattern: 'air ?strikes?|air ?raids?|airstrikes?', weight: 3 }, { pattern: 'war ?planes?|fighter jets?|jets|aircraft|helicopters?|gunships?', weight: 2 },
    { pattern: 'drones?|uavs?|unmanned', weight: 2 }, { pattern: 'bombard(?:ed|ment)? from the air|aerial (?:bombardment|attack|bombing)s?', weight: 3 },
    { pattern: 'barrel bombs?', weight: 3 }, { pattern: 'air force|coalition planes?', weight: 2 },
  ],
  SUIC_BOMB: [
    { pattern: 'suicide', weight: 4 }, { pattern: 'blew (?:himself|herself|themselves) up|self-?detonat\\w*', weight: 4 }, { pattern: 'explosive (?:vest|belt)s?', weight: 3 },
  ],
  ART_MISS_ATTACK: [
    { pattern: 'shell(?:s|ed|ing)', weight: 2.5 }, { pattern: 'artillery', weight: 3 }, { pattern: 'mortars?', weight: 3 }, { pattern: 'rockets?', weight: 2 },
    { pattern: 'missiles?', weight: 2 }, { pattern: 'projectiles?|howitzers?|katyushas?|grad', weight: 2 }, { pattern: 'bombard(?:ed|ment|ing)', weight: 1.5 },
    { pattern: 'tank (?:fire|shells?)', weight: 2 },
  ],
  REM_EXPLOS: [
    { pattern: 'ieds?|improvised explosive', weight: 3 }, { pattern: 'roadside bombs?|car bombs?|landmines?|land mines?|mines?', weight: 3 },
    { pattern: 'explosive devices?|bombs? (?:exploded|went off|blast)|booby[- ]trap\\w*', weight: 3 }, { pattern: 'explosions?|exploded(?!\\s+(?:into|onto)\\b)|blasts?|detonat\\w*', weight: 1.5 },
    { pattern: 'unexploded|ordnance|uxo', weight: 2 }, { pattern: 'bomb(?:ing|ings|ed|s)?', weight: 1 },
  ],
  GRENADE: [{ pattern: 'grenades?', weight: 4 }, { pattern: 'hurled|lobbed|threw (?:an? )?(?:explosive|bomb)', weight: 1.5 }],
  SEX_VIOL: [
    { pattern: 'rap(?:e|ed|es|ing|ist|ists)', weight: 4 }, { pattern: 'sexual(?:ly)?', weight: 3 }, { pattern: 'molest\\w*|gang-?rap\\w*|sex slaves?', weight: 3 },
  ],
  ATTACK: [
    { pattern: 'shot (?:dead|and killed)|gunned down|killed by gunmen|gunmen (?:killed|shot|opened fire|attacked)', weight: 2 }, { pattern: 'civilians?|villagers?|residents|farmers|worshippers', weight: 1 },
    { pattern: 'massacre\\w*|executed|beheaded|hacked|stabbed|murdered|assassinat\\w*', weight: 2 }, { pattern: 'tortur\\w*|beat(?:en|ing)? (?:to death|up)', weight: 1.5 },
    { pattern: 'attack(?:ed|s)?|killed|shot', weight: 0.5 },
  ],
  ABDUCT_DISSAP: [
    { pattern: 'abduct\\w*', weight: 4 }, { pattern: 'kidnap\\w*', weight: 4 }, { pattern: 'disappear(?:ed|ance)', weight: 3 }, { pattern: 'hostages?|taken captive|held captive', weight: 2.5 },
  ],
  PEACE_PROTEST: [
    { pattern: 'protest(?:s|ed|ing|ers?)?', weight: 1.5 }, { pattern: 'demonstrat(?:e|ed|ion|ions|ors)', weight: 1.5 }, { pattern: 'rall(?:y|ies|ied)', weight: 1.5 },
    { pattern: 'march(?:ed|es)?', weight: 1 }, { pattern: 'sit-?ins?|hunger strike|vigil|picket\\w*', weight: 1.5 }, { pattern: 'peaceful(?:ly)?', weight: 1.5 },
    { pattern: 'strike|strik(?:ing|ers)|walk-?out', weight: 1 }, { pattern: 'demand(?:ed|ing)|chant(?:ed|ing)|placards?|banners?|slogans?', weight: 1 },
  ],
  PROTEST_WITH_INTER: [
    { pattern: 'dispers(?:e|ed|ing)', weight: 2 }, { pattern: 'tear ?gas|water cannons?|rubber bullets', weight: 1.5 }, { pattern: 'broke up|prevented|blocked|stopped', weight: 1 },
    { pattern: '(?:arrested|detained) (?:\\w+ )?(?:protesters|demonstrators|activists|participants)', weight: 2 },
  ],
  FORCE_AGAINST_PROTEST: [
    { pattern: '(?:opened fire|fired) (?:on|at|into) (?:the )?(?:protesters|demonstrators|crowd|students)', weight: 3 }, { pattern: 'live (?:ammunition|rounds|bullets)', weight: 2 },
    { pattern: '(?:protesters|demonstrators) (?:were )?(?:killed|injured|wounded|shot)', weight: 2 }, { pattern: 'brutal\\w*|excessive force|crackdown|cracked down', weight: 2 },
    { pattern: '(?:beat|beaten|baton-?charged|lathi-?charged?)', weight: 1.5 },
  ],
  VIOL_DEMONSTR: [
    { pattern: 'riot(?:s|ed|ing|ers)?', weight: 2 }, { pattern: '(?:threw|throwing|pelted) (?:stones|rocks|bottles|petrol bombs|molotov)', weight: 2.5 },
    { pattern: 'stone-?pelting|molotov|petrol bombs?', weight: 2 }, { pattern: 'torched|set (?:on )?fire|burn(?:ed|t|ing) (?:tyres|tires|vehicles|cars)', weight: 1.5 },
    { pattern: 'vandali[sz]\\w*|ransack\\w*', weight: 1.5 }, { pattern: 'violent (?:protest|demonstration)s?|turned violent', weight: 2.5 }, { pattern: 'clashed with (?:the )?police', weight: 2 },
  ],
  MOB_VIOL: [{ pattern: 'mobs?', weight: 3 }, { pattern: 'lynch\\w*', weight: 3 }, { pattern: 'vigilantes?', weight: 2 }, { pattern: 'angry (?:crowd|residents|villagers)|crowd (?:of \\w+ )?(?:attacked|beat)', weight: 2 }],
  AGREEMENT: [
    { pattern: 'agree(?:d|ment|ments|s)', weight: 2 }, { pattern: 'cease-?fire|truce', weight: 2 }, { pattern: 'peace (?:deal|accord|talks|agreement)|accord', weight: 2 },
    { pattern: 'signed|sign', weight: 1.5 }, { pattern: '(?:prisoner|hostage) (?:exchange|swap|release)|released? (?:of )?(?:\\d+ )?(?:prisoners|hostages|detainees)', weight: 1.5 }, { pattern: 'negotiat\\w*|reconcil\\w*', weight: 1 },
  ],
  ARREST: [
    { pattern: 'arrest(?:ed|s|ing)?', weight: 2.5 }, { pattern: 'detain(?:ed|s|ing)?|detention', weight: 2 }, { pattern: 'apprehend\\w*|nabbed|rounded up|custody', weight: 2 },
    { pattern: 'jailed|imprisoned|remanded|charged', weight: 1 },
  ],
  CHANGE_TO_GROUP_ACT: [
    { pattern: 'curfew', weight: 2 }, { pattern: 'ban(?:s|ned)?|prohibit\\w*|suspend(?:ed|s)?', weight: 1.5 }, { pattern: 'state of emergency|martial law', weight: 2 },
    { pattern: 'relocat\\w*|merg(?:e|ed|er)|rebrand\\w*|split', weight: 1.5 }, { pattern: 'appoint\\w*|new leader|recruit\\w*|training|pledged allegiance', weight: 1 },
    { pattern: 'announc(?:ed|es)|declared|closed|closure|shut down', weight: 1 }, { pattern: 'deploy(?:ed|ment|s)|reinforcements?|troops arrived', weight: 1 },
  ],
  DISR_WEAP: [
    { pattern: 'defus(?:ed|e|ing)|dismantl\\w*|neutrali[sz]ed', weight: 3 }, { pattern: '(?:weapons?|arms|ammunition|explosives?) (?:cache|depot|were (?:found|seized|recovered)|seized|recovered)', weight: 3 },
    { pattern: 'caches?|seized|confiscat\\w*|recovered|found', weight: 1.5 }, { pattern: 'intercept(?:ed|s)?|shot down|foiled|thwarted', weight: 2.5 }, { pattern: 'bomb squad|bomb disposal|controlled explosion', weight: 3 },
  ],
  HQ_ESTABLISHED: [
    { pattern: '(?:establish|set up|sets up|setting up|built|build|opened)\\w* (?:a |an |its |their |new )*(?:new )?(?:base|headquarters|camp|outpost|military post|office|command centre|command center)s?', weight: 4 },
    { pattern: 'headquarters|bases?|outposts?', weight: 1.5 }, { pattern: 'establish\\w*', weight: 1.5 },
  ],
  PROPERTY_DISTRUCT: [
    { pattern: 'loot(?:ed|ing|s)?|plunder\\w*|pillag\\w*', weight: 3 }, { pattern: 'torched|set (?:ablaze|on fire|fire to)|burn(?:ed|t) (?:down )?(?:houses|homes|shops|property|buildings)', weight: 2 },
    { pattern: 'destroy(?:ed|s)?|destruction|demolish\\w*|razed', weight: 2 }, { pattern: 'vandali[sz]\\w*|damag(?:ed|ing)', weight: 1 },
  ],
  NON_VIOL_TERRIT_TRANSFER: [
    { pattern: 'withdr(?:ew|awn|awal|aw)|pull(?:ed)? out|retreat\\w*', weight: 2 }, { pattern: 'handed over|hand over|handover|transferr?\\w*', weight: 2.5 },
    { pattern: 'without (?:a fight|resistance|fighting|clashes)|peacefully', weight: 2.5 }, { pattern: 'evacuat\\w*|vacated|abandon\\w*', weight: 1.5 }, { pattern: 'moved into|entered', weight: 1 },
  ],
  OTHER: [],
  ORG_CRIME: [
    { pattern: 'drugs?|cocaine|heroin|narcotics?|cannabis|methamphetamine', weight: 3 }, { pattern: 'cartels?|gangs?|mafia|smuggl\\w*|traffick\\w*', weight: 3 },
    { pattern: 'robber(?:y|ies|s)|robbed|extortion|money laundering|contraband', weight: 2.5 },
  ],
  NATURAL_DISASTER: [
    { pattern: 'earthquakes?|quakes?|tremors?|floods?|flooding|cyclones?|hurricanes?|typhoons?|tsunamis?|landslides?|mudslides?|droughts?|volcan\\w*|tornado(?:es)?|avalanches?|wildfires?|storms?|heavy rain\\w*|monsoon', weight: 4 },
    { pattern: 'magnitude|richter|meteorolog\\w*', weight: 2 },
  ],
  MAN_MADE_DISASTER: [
    { pattern: 'fire broke out|blaze|caught fire|short circuit|gas (?:leak|cylinder)|boiler', weight: 3 }, { pattern: 'collaps(?:e|ed)|derail\\w*|capsiz\\w*|sank|crash(?:ed|es)?|accident\\w*|stampede', weight: 3 },
    { pattern: 'factory|plant|mine|building|bus|train|ferry|boat|truck', weight: 1 },
  ],
  DIPLO: [
    { pattern: 'visit(?:ed|s|ing)?|met with|meeting|talks|summit|bilateral|diplomat\\w*|ambassadors?|foreign minister|envoy|delegation', weight: 2 },
  ],
  ATTRIB: [{ pattern: 'claimed responsibility|claim(?:ed|s)? (?:the )?(?:attack|responsibility)|responsible for|blamed|accused|attribut\\w*', weight: 3 }],
};

/** PLOVER event types (2021 ontology). */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST' | 'ACCUSE'
  | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** Every PLOVER type, in the ontology's order (cooperative to conflictual). */
export const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

/**
 * Cues per PLOVER type, from the PLOVER definitions and the CAMEO verb classes they merge
 * (for instance REQUEST = CAMEO 10 "demand", ACCUSE = CAMEO 09 + 11 "investigate" and "disapprove").
 */
export const PLOVER_CUES: Readonly<Record<PloverType, readonly EventCue[]>> = {
  AGREE: [
    { pattern: 'agree(?:d|s|ment)?|accord|deal', weight: 2 }, { pattern: 'signed|sign', weight: 1.5 }, { pattern: 'pledg\\w*|promis\\w*|vow\\w*|committed to|intends? to|ready to|willing', weight: 1.5 },
    { pattern: 'ceasefire|truce|settle\\w*', weight: 1.5 }, { pattern: 'offer(?:ed|s)?|propos\\w*', weight: 1 },
    { pattern: 'accept(?:ed|s)?|consensus|reached (?:an? )?(?:agreement|deal|consensus|understanding)|undertake', weight: 1.5 },
  ],
  CONSULT: [
    { pattern: 'met|meet(?:s|ing)?|talks|visit\\w*|hosted|host|summit|discuss\\w*|telephone|phoned|called|consult\\w*|conferred|mediat\\w*|negotiat\\w*', weight: 2 },
  ],
  SUPPORT: [
    { pattern: 'prais\\w*|support\\w*|endors\\w*|welcom\\w*|hail\\w*|back(?:ed|s|ing)|commend\\w*|apologi[sz]\\w*|forgave|defend\\w*|recogni[sz]\\w*|congratulat\\w*', weight: 2 }, { pattern: '(?:upgrad|restor)\\w* (?:\\w+ )?(?:ties|relations)|forgiv\\w*', weight: 2 },
  ],
  CONCEDE: [
    { pattern: 'released?|freed|eas(?:ed|e|ing)|lifted|resign\\w*|step(?:ped)? down|concede\\w*|conces\\w*|yield\\w*|returned|allowed|granted|pardon\\w*|amnesty', weight: 2 }, { pattern: 'approv\\w*|accepted (?:\\w+ )?demands', weight: 1.5 },
  ],
  COOPERATE: [{ pattern: 'cooperat\\w*|co-operat\\w*|collaborat\\w*|joint|partnership|alliance|extradit\\w*|share\\w* intelligence|trade', weight: 2 }, { pattern: 'shar(?:ed|es|ing|e) (?:\\w+ )?(?:expertise|evidence|information|intelligence|data)', weight: 2 }],
  AID: [{ pattern: '(?:\\baid\\b|assistance|donat\\w*|humanitarian|relief|loans?|grants?|provid(?:ed|e|es)|supplies|peacekeep\\w*|asylum|refuge|sheltered)', weight: 2 }, { pattern: '(?:sen[dt]\\w*|deliver\\w*|handed over) (?:\\w+ )*?(?:arms|weapons|food|medicine|supplies|troops|tons)', weight: 1.5 }],
  RETREAT: [{ pattern: 'withdr\\w*|pull(?:ed|s)? (?:out|back)|retreat\\w*|evacuat\\w*|demobili[sz]\\w*|disarm\\w*|returned control|scal\\w* back|halt(?:ed)? (?:military|operations)', weight: 2.5 }, { pattern: 'surrender\\w*|unilateral ceasefire|laid down (?:their )?arms', weight: 2.5 }],
  REQUEST: [{ pattern: 'demand\\w*|urg(?:ed|es|e|ing)|call(?:ed|s)? (?:on|for)|appeal\\w*|ask(?:ed|s)?|request\\w*|insist\\w*|press(?:ed)? for|sought|seek\\w*', weight: 2 }, { pattern: 'must|pushing for|pressur\\w*', weight: 1 }],
  ACCUSE: [
    { pattern: 'accus\\w*|blam\\w*|criticiz\\w*|criticis\\w*|condemn\\w*|denounc\\w*|charg(?:ed|es)|alleg\\w*|complain\\w*|deplor\\w*|sued|lawsuit|investigat\\w*|probe|inquiry|disapprov\\w*|protested to|rebuk\\w*|censur\\w*|convicted|guilty', weight: 2 },
  ],
  REJECT: [{ pattern: 'reject\\w*|refus\\w*|den(?:y|ied|ies)|declin\\w*|rebuff\\w*|veto\\w*|dismiss\\w*|defied|defy|boycott(?:ed)? (?:talks|negotiations)|would not|will not|won\'t', weight: 2 }],
  THREATEN: [{ pattern: 'threat\\w*|warn\\w*|ultimatum|or face|otherwise', weight: 2.5 }],
  PROTEST: [{ pattern: 'protest\\w*|demonstrat\\w*|rall(?:y|ies|ied)|march(?:ed|es)?|hunger strike|strike|boycott\\w*|riot\\w*|sit-?in|picket\\w*|blockad(?:e|ed) (?:the )?(?:road|highway)', weight: 2 }],
  SANCTION: [{ pattern: 'sanction\\w*|embargo\\w*|expel\\w*|sever\\w*|broke off|cut (?:off )?(?:ties|relations|aid)|recall(?:ed)? (?:its |their )?ambassador|suspend\\w* (?:aid|talks|relations|cooperation)|halt(?:ed)? (?:aid|talks)', weight: 2.5 }],
  MOBILIZE: [{ pattern: 'mobili[sz]\\w*|alert|deploy\\w*|massed|troop build-?up|reinforc\\w*|military exercises?|manoeuvres|maneuvers|show of force', weight: 2.5 }],
  COERCE: [
    { pattern: 'arrest\\w*|detain\\w*|seiz\\w*|confiscat\\w*|deport\\w*|expell?ed (?:\\w+ )?(?:journalists|nationals|citizens)|curfew|martial law|state of emergency|banned|ban|blockad\\w*|raided|raid|censor\\w*|imposed|jailed|occup\\w*|restrict\\w*', weight: 2 },
  ],
  ASSAULT: [
    { pattern: 'kill\\w*|attack\\w*|bomb\\w*|shell\\w*|fired|shot|fighting|fought|clash\\w*|battle\\w*|ambush\\w*|strike|strikes|airstrikes?|massacr\\w*|assassinat\\w*|abduct\\w*|kidnap\\w*|tortur\\w*|beat(?:en)?|wounded|injured|rap(?:ed|e)|invad\\w*|invasion|explo\\w*|gunmen|raid(?:ed)?', weight: 2 },
  ],
};

/**
 * PLOVER mode cues for ASSAULT (how the violence was done), most specific first.
 * Modes follow PLOVER's list: aerial, drone, heavy-weapons, explosives, suicide-attack, firearms, cbrn,
 * beat, sexual, abduct, assassinate, torture.
 */
export const ASSAULT_MODE_CUES: readonly { readonly mode: string; readonly pattern: string }[] = [
  { mode: 'cbrn', pattern: 'chemical|sarin|chlorine|mustard gas|nerve agent|toxic gas|poison gas' },
  { mode: 'suicide-attack', pattern: 'suicide|blew (?:himself|herself|themselves) up' },
  { mode: 'drone', pattern: 'drones?|uavs?|unmanned' },
  { mode: 'aerial', pattern: 'air ?strikes?|air ?raids?|airstrikes?|war ?planes?|fighter jets?|aircraft|helicopters?|gunships?|aerial|barrel bombs?' },
  { mode: 'heavy-weapons', pattern: 'artillery|shell(?:s|ed|ing)|mortars?|rockets?|missiles?|tanks?' },
  { mode: 'explosives', pattern: 'ieds?|improvised explosive|roadside bombs?|car bombs?|landmines?|mines?|explosive|bomb(?:s|ed|ing)?|blasts?|grenades?|detonat\\w*' },
  { mode: 'sexual', pattern: 'rap(?:e|ed|es)|sexual(?:ly)?' },
  { mode: 'abduct', pattern: 'abduct\\w*|kidnap\\w*|hostages?' },
  { mode: 'assassinate', pattern: 'assassinat\\w*' },
  { mode: 'torture', pattern: 'tortur\\w*' },
  // (Not what riot police fire: `fired water cannon and tear gas`, `rubber bullets`.)
  { mode: 'firearms', pattern: 'shot|shoot\\w*|gun\\w*|(?:fired|firing)(?! (?:water cannons?|tear ?gas|rubber bullets|stun grenades|pepper spray|flares))|rifles?|(?<!rubber )bullets?|opened fire|sniper\\w*' },
  { mode: 'beat', pattern: 'beat(?:en|ing)?|stabb\\w*|hacked|machetes?|knives|knife|clubbed' },
];

/**
 * Words that name an event in a sentence (verbs and event nouns), for finding where an event is told.
 * Casualty verbs (`killed`, `wounded`) are separate: they attach to an event trigger before them in the
 * sentence ("an airstrike ..., killing one of the group's leaders") and are triggers only on their own.
 */
export const EVENT_TRIGGER_PATTERN =
  'air ?strikes?|airstrikes?|air ?raids?|strikes?|struck|attack(?:s|ed|ing)?|assault(?:s|ed)?|raid(?:s|ed)?|bomb(?:s|ed|ing|ings)|bombard(?:ed|ment)|shell(?:ed|ing)|' +
  'explosions?|blasts?|ambush(?:ed|es)?|clash(?:es|ed)?|fighting|battles?|offensive|massacres?|shootings?|stabbings?|stabbed|shot dead|gunned down|' +
  'opened fire|(?:used|lobbed|threw) (?:tear gas|water cannons?|rubber bullets|live (?:rounds|ammunition)|stun grenades)|(?:fired|launched) (?:(?:an? |the )?(?:barrage|salvo|volley|hail|dozens|hundreds|number|wave) of |(?:(?:more than|at least|about|some|nearly|over|up to|around) )?(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|scores of) (?:\\w+ )?)?(?:tear gas|water cannons?|stun grenades|rubber bullets|live (?:rounds|ammunition)|(?:warning )?shots|rockets?|missiles?|mortars?|shells|drones)|stormed(?! (?:out|off|to|into|back)\\b)|' +
  'abduct(?:ed|ion|ions)?|kidnapp(?:ed|ing|ings)|assassinat(?:ed|ion)|executed|beheaded|' +
  'protests?|protested|demonstrations?|rall(?:y|ies)|riots?|rioted|marched|' +
  'arrest(?:ed|s)?|detained|seized control|(?:took|taken|taking) control|(?:regained|handed over) control|captured|recaptured|overran|withdr(?:ew|awal)|' +
  'ceasefire|truce|(?:signed|reached) (?:an? |the )?(?:agreement|deal|accord)|sanctions|invasion|invaded|shelling';

/**
 * Words that name a non-violent PLOVER event in a sentence (mostly verbs in the past or present tense,
 * and the few nouns that name the happening itself: `talks`, `sanctions`), one entry per type. Forms
 * that are usually something else in news are left out or narrowed: `backed` ("Ankara-backed militants"),
 * `asked` ("asked not to be named"), `released` (a statement), `support` and `deal` as nouns, `called` alone.
 * The trigger only says where an event is told; its type comes from the classifier.
 */
export const PLOVER_TRIGGER_PATTERNS: Readonly<Partial<Record<PloverType, string>>> = {
  // Intent is PLOVER's AGREE: "is willing to send material", "will provide food aid", "ready to host a meeting".
  AGREE: String.raw`(?:will|would|willing to|ready to|prepared to|agreed to|promised to|pledged to|offered to) (?:[\w-]+ )?(?:visit|meet|send|provide|withdraw|release|allow|host|cooperate|support|help|contribute|resume|lift|return|evacuate|give|grant|forgive|recogni[sz]e|mediate)|agreed|agrees|(?:signed|reached|struck|concluded|sealed) (?:an? |the |(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a series of|dozens of) )?(?:[\w-]+ ){0,2}(?:agreements?|deals?|accords?|pacts?|treat(?:y|ies)|truce|ceasefire|memorand(?:um|a|ums))|pledged|promised|vowed|offered to|accepted`,
  CONSULT: String.raw`met|meets|meeting with|held talks|hold talks|talks|visited|visiting|hosted|telephoned|phoned|consulted|negotiated|mediated|discussed|conferred`,
  SUPPORT: String.raw`praised|praises|supported|endorsed|endorses|welcomed|welcomes|commended|hailed|apologi[sz]ed|congratulated|recogni[sz]ed|defended`,
  REQUEST: String.raw`urged|urges|demanded|demands|demanding|called (?:on|for|upon)|calls (?:on|for|upon)|appealed|requested|pressed|sought|insisted`,
  ACCUSE: String.raw`(?:launched|opened|began) (?:an? )?(?:[\w-]+ )?investigations?|accused|accuses|blamed|blames|critici[sz]ed|critici[sz]es|condemned|condemns|denounced|charged|alleged|complained|investigated|investigating|accusations?`,
  REJECT: String.raw`rejected|rejects|refused|refuses|denied|denies|declined|dismissed|vetoed|ruled out|defied|boycotted`,
  THREATEN: String.raw`threatened|threatens|warned|warns|ultimatum`,
  PROTEST: String.raw`demonstrated|rallied|staged (?:an? )?(?:protest|rally|sit-in|strike|march|demonstration)|went on strike|hunger strike`,
  SANCTION: String.raw`sanctioned|embargo|expelled|severed|recalled (?:its |their |his |her )?ambassador|suspended (?:aid|talks|relations|cooperation|ties)|cut (?:off )?(?:ties|aid|relations)|broke off`,
  MOBILIZE: String.raw`mobili[sz]ed|deployed|massed|put (?:[\w-]+ ){0,2}on (?:high )?alert|military (?:exercises|drills)|reinforcements`,
  COERCE: String.raw`deported|banned|raided|confiscated|imposed (?:an? )?(?:curfew|ban|blockade)|curfew|censored|jailed|sentenced`,
  AID: String.raw`donated|(?:sent|send|sends|gave|delivered|pledged|provided|airlifted|handed over) (?:[\w-]+ ){0,4}(?:aid|assistance|supplies|relief|food|medicine|arms|weapons)|granted (?:[\w-]+ )?asylum`,
  COOPERATE: String.raw`cooperated|co-operated|collaborated|extradited|shar(?:ed|ing) (?:[\w-]+ ){0,2}(?:expertise|evidence|information|intelligence|data)|joint (?:patrols?|exercises|operations?|statement|investigation)`,
  // "he was lifted to safety": only lifting or easing a measure is a concession.
  CONCEDE: String.raw`freed|released (?:[\w-]+ ){0,3}(?:prisoners|hostages|detainees|captives)|(?:lifted|eased|relaxed) (?:the |a |an |its |their )?(?:[\w-]+ )?(?:ban|bans|sanctions|embargo|curfew|restrictions|blockade|siege|state of emergency|martial law)|resigned|stepped down|conceded|pardoned`,
  RETREAT: String.raw`withdrew|withdrawn|pulled out|pulled back|retreated|surrendered|disarmed|demobili[sz]ed|evacuated`,
};

/** Casualty verbs and nouns: they report the toll of an event. */
export const CASUALTY_TRIGGER_PATTERN = 'kill(?:ed|ing|s)?|dead|died|deaths?|wound(?:ed|ing)|injur(?:ed|ing|ies)|hurt';

/** Kinds of event actors, with the words that mark each (in the actor's name or the noun after it). */
export const ACTOR_KIND_CUES: readonly { readonly kind: string; readonly pattern: string }[] = [
  { kind: 'state military', pattern: 'military|army|armed forces|forces|troops|soldiers|aircraft|warplanes?|jets|navy|air force|marines|command|pentagon|defen[cs]e (?:ministry|department|forces)' },
  { kind: 'police', pattern: 'police|policemen|security forces|gendarmes?' },
  { kind: 'armed group', pattern: 'qaeda|qa[’\']ida|isis|isil|islamic state|daesh|taliban|boko haram|shabaa?b|hezbollah|hamas|aqim|militants?|militias?|rebels?|insurgents?|jihadists?|terrorists?|terror group|gunmen|fighters|affiliate|brigades?' },
  { kind: 'protesters', pattern: 'protesters|demonstrators|activists|students|strikers|marchers' },
  { kind: 'civilians', pattern: 'civilians?|villagers|residents|citizens|farmers|children|women|worshippers|journalists|ambassador' },
  { kind: 'government', pattern: 'government|ministry|minister|president|officials?|authorities|administration|consulate|embassy|state department' },
];
