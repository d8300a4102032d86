/**
 * The event type catalogue: ACLED sub-event codes (as CASE 2021 names them) with their ACLED event type,
 * sub-event type name and the PLOVER type and mode they correspond to.
 */
import type { EventCode, PloverType } from '../../lang/en/event-triggers.js';

/** One ACLED sub-event type (or a CASE 2021 extra class) and its PLOVER counterpart. */
export interface EventTypeInfo {
  readonly code: EventCode;
  /** ACLED event type, `Other` for the CASE 2021 classes outside ACLED. */
  readonly acledType: string;
  /** ACLED sub-event type name. */
  readonly acledSubType: string;
  readonly ploverType: PloverType;
  /** PLOVER mode implied by the sub-type, when it implies one. */
  readonly mode?: string;
  /** False for the five CASE 2021 classes that ACLED does not have (disasters, crime, diplomacy, attribution). */
  readonly acled: boolean;
  /**
   * The sub-type is defined by a weapon or manner the text must name (one of its lexicon cues must fire):
   * "the 2013 attack against the In Amenas oil consortium" names no explosive, so it is no IED attack,
   * and "seized control of the city" names no withdrawal or hand-over, so it is no non-violent transfer.
   */
  readonly needsCue?: boolean;
}

const BATTLES = 'Battles';
const REMOTE = 'Explosions/Remote violence';
const CIVILIANS = 'Violence against civilians';
const PROTESTS = 'Protests';
const RIOTS = 'Riots';
const STRATEGIC = 'Strategic developments';

/** All 30 classes: the 25 ACLED sub-event types first, then the CASE 2021 extras. */
export const EVENT_TYPES: readonly EventTypeInfo[] = [
  { code: 'ARMED_CLASH', acledType: BATTLES, acledSubType: 'Armed clash', ploverType: 'ASSAULT', mode: 'firearms', acled: true },
  { code: 'GOV_REGAINS_TERIT', acledType: BATTLES, acledSubType: 'Government regains territory', ploverType: 'ASSAULT', acled: true },
  { code: 'NON_STATE_ACTOR_OVERTAKES_TER', acledType: BATTLES, acledSubType: 'Non-state actor overtakes territory', ploverType: 'ASSAULT', acled: true },
  { code: 'CHEM_WEAP', acledType: REMOTE, acledSubType: 'Chemical weapon', ploverType: 'ASSAULT', mode: 'cbrn', acled: true, needsCue: true },
  { code: 'AIR_STRIKE', acledType: REMOTE, acledSubType: 'Air/drone strike', ploverType: 'ASSAULT', mode: 'aerial', acled: true, needsCue: true },
  { code: 'SUIC_BOMB', acledType: REMOTE, acledSubType: 'Suicide bomb', ploverType: 'ASSAULT', mode: 'suicide-attack', acled: true, needsCue: true },
  { code: 'ART_MISS_ATTACK', acledType: REMOTE, acledSubType: 'Shelling/artillery/missile attack', ploverType: 'ASSAULT', mode: 'heavy-weapons', acled: true, needsCue: true },
  { code: 'REM_EXPLOS', acledType: REMOTE, acledSubType: 'Remote explosive/landmine/IED', ploverType: 'ASSAULT', mode: 'explosives', acled: true, needsCue: true },
  { code: 'GRENADE', acledType: REMOTE, acledSubType: 'Grenade', ploverType: 'ASSAULT', mode: 'explosives', acled: true, needsCue: true },
  { code: 'SEX_VIOL', acledType: CIVILIANS, acledSubType: 'Sexual violence', ploverType: 'ASSAULT', mode: 'sexual', acled: true, needsCue: true },
  { code: 'ATTACK', acledType: CIVILIANS, acledSubType: 'Attack', ploverType: 'ASSAULT', acled: true },
  { code: 'ABDUCT_DISSAP', acledType: CIVILIANS, acledSubType: 'Abduction/forced disappearance', ploverType: 'ASSAULT', mode: 'abduct', acled: true },
  { code: 'PEACE_PROTEST', acledType: PROTESTS, acledSubType: 'Peaceful protest', ploverType: 'PROTEST', mode: 'demo', acled: true },
  { code: 'PROTEST_WITH_INTER', acledType: PROTESTS, acledSubType: 'Protest with intervention', ploverType: 'PROTEST', mode: 'demo', acled: true },
  { code: 'FORCE_AGAINST_PROTEST', acledType: PROTESTS, acledSubType: 'Excessive force against protesters', ploverType: 'ASSAULT', acled: true },
  { code: 'VIOL_DEMONSTR', acledType: RIOTS, acledSubType: 'Violent demonstration', ploverType: 'PROTEST', mode: 'riot', acled: true },
  { code: 'MOB_VIOL', acledType: RIOTS, acledSubType: 'Mob violence', ploverType: 'ASSAULT', mode: 'beat', acled: true },
  { code: 'AGREEMENT', acledType: STRATEGIC, acledSubType: 'Agreement', ploverType: 'AGREE', acled: true },
  { code: 'ARREST', acledType: STRATEGIC, acledSubType: 'Arrests', ploverType: 'COERCE', mode: 'arrest', acled: true },
  { code: 'CHANGE_TO_GROUP_ACT', acledType: STRATEGIC, acledSubType: 'Change to group/activity', ploverType: 'MOBILIZE', acled: true },
  { code: 'DISR_WEAP', acledType: STRATEGIC, acledSubType: 'Disrupted weapons use', ploverType: 'COERCE', mode: 'seize', acled: true },
  { code: 'HQ_ESTABLISHED', acledType: STRATEGIC, acledSubType: 'Headquarters or base established', ploverType: 'MOBILIZE', acled: true },
  { code: 'PROPERTY_DISTRUCT', acledType: STRATEGIC, acledSubType: 'Looting/property destruction', ploverType: 'COERCE', mode: 'seize', acled: true },
  { code: 'NON_VIOL_TERRIT_TRANSFER', acledType: STRATEGIC, acledSubType: 'Non-violent transfer of territory', ploverType: 'RETREAT', acled: true, needsCue: true },
  { code: 'OTHER', acledType: STRATEGIC, acledSubType: 'Other', ploverType: 'COERCE', acled: true },
  { code: 'ORG_CRIME', acledType: 'Other', acledSubType: 'Organized crime', ploverType: 'COERCE', acled: false },
  { code: 'NATURAL_DISASTER', acledType: 'Other', acledSubType: 'Natural disaster', ploverType: 'AID', acled: false },
  { code: 'MAN_MADE_DISASTER', acledType: 'Other', acledSubType: 'Man-made disaster', ploverType: 'AID', acled: false },
  { code: 'DIPLO', acledType: 'Other', acledSubType: 'Diplomacy', ploverType: 'CONSULT', acled: false },
  { code: 'ATTRIB', acledType: 'Other', acledSubType: 'Attribution', ploverType: 'ACCUSE', acled: false },
];

/** The 25 ACLED sub-event codes (the classes CASE 2021 macro F1 is averaged over here). */
export const ACLED_CODES: readonly EventCode[] = EVENT_TYPES.filter((info) => info.acled).map((info) => info.code);

/** Every class code the classifier can return. */
export const ALL_CODES: readonly EventCode[] = EVENT_TYPES.map((info) => info.code);

const BY_CODE = new Map(EVENT_TYPES.map((info) => [info.code, info]));

/** Catalogue entry of a code. Throws on an unknown code (misuse). */
export function eventTypeInfo(code: string): EventTypeInfo {
  const info = BY_CODE.get(code as EventCode);
  if (!info) throw new Error(`unknown event code ${JSON.stringify(code)}; expected one of ${ALL_CODES.join(', ')}`);
  return info;
}

/**
 * PLOVER gold records use the older 2016 ontology; these are its types in the 2021 ontology
 * (CAMEO2PLOVER-2021: DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE, FIGHT became ASSAULT).
 */
export const PLOVER_2016_TO_2021: Readonly<Record<string, PloverType>> = {
  DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT',
};
