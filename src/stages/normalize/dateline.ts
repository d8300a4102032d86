/**
 * Wire-story datelines: `Washington CNN —`, `(CNN) --`, `LONDON (Reuters) -`,
 * `WASHINGTON, March 28 (AP) —`, `BEIRUT, Lebanon —`.
 */

/** News agencies and broadcasters that appear in datelines, with the name Lede reports. */
const AGENCIES: ReadonlyArray<readonly [string, string]> = [
  ['CNN', 'CNN'], ['CNN Business', 'CNN'], ['CNNMoney', 'CNN'], ['Reuters', 'Reuters'], ['AP', 'AP'], ['The Associated Press', 'AP'],
  ['Associated Press', 'AP'], ['AFP', 'AFP'], ['Agence France-Presse', 'AFP'], ['Bloomberg', 'Bloomberg'], ['UPI', 'UPI'],
  ['BBC', 'BBC'], ['dpa', 'dpa'], ['DPA', 'dpa'], ['Xinhua', 'Xinhua'], ['Yonhap', 'Yonhap'], ['Kyodo', 'Kyodo'], ['ANSA', 'ANSA'],
  ['EFE', 'EFE'], ['TASS', 'TASS'], ['Interfax', 'Interfax'], ['NPR', 'NPR'], ['CNBC', 'CNBC'], ['Al Jazeera', 'Al Jazeera'],
  ['ABC News', 'ABC News'], ['CBS News', 'CBS News'], ['NBC News', 'NBC News'], ['Fox News', 'Fox News'], ['PTI', 'PTI'],
  ['IANS', 'IANS'], ['ANI', 'ANI'], ['Anadolu', 'Anadolu'], ['RIA Novosti', 'RIA Novosti'], ['Sputnik', 'Sputnik'],
  ['Business Wire', 'Business Wire'], ['PRNewswire', 'PR Newswire'], ['GLOBE NEWSWIRE', 'GlobeNewswire'], ['MarketWatch', 'MarketWatch'],
];
const AGENCY_NAMES = new Map(AGENCIES.map(([written, name]) => [written.toLowerCase(), name]));
/** The agency a line names and nothing else (`Associated Press` under a byline), as Lede reports it, or undefined. */
export function agencyLine(line: string): string | undefined {
  return AGENCY_NAMES.get(line.trim().replace(/^(?:by|from)\s+/i, '').toLowerCase());
}
const AGENCY_ALTERNATIVES = AGENCIES.map(([written]) => written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .sort((a, b) => b.length - a.length)
  .join('|');

const PLACE_WORD = String.raw`[\p{Lu}][\p{L}.'’-]*`;
const PLACE = String.raw`${PLACE_WORD}(?:[ ](?:${PLACE_WORD}|de|del|es|al|el|la|of))*`;
const CAPS_WORD = String.raw`[\p{Lu}][\p{Lu}.'’-]+`;
const CAPS_PLACE = String.raw`${CAPS_WORD}(?:[ ]${CAPS_WORD})*`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
const QUALIFIER = String.raw`(?:,[ ](?:${MONTH}[ ]\d{1,2}|${PLACE}))`;
// (`NAIROBI, Kenya (AP) _`: 1990s AP copy wrote the dash as an underscore.)
const DASH = String.raw`[ \u00a0]*(?:—|–|--|[ \u00a0]-|[ \u00a0]_)[ \u00a0]*`;

// Each pattern is anchored at the start of a paragraph; groups: place, publisher.
const DATELINE_PATTERNS: readonly RegExp[] = [
  // `LONDON (Reuters) -`, `WASHINGTON, March 28 (AP) —`, `(CNN) --`, `(CNN)The …`, and a date with no place: `Sept 27 (Reuters) -`
  new RegExp(String.raw`^(?:(${PLACE})${QUALIFIER}{0,2}[ \u00a0]+|${MONTH}[ \u00a0]\d{1,2}[ \u00a0]+)?\((${AGENCY_ALTERNATIVES})[ ]?\)(?:${DASH}|[ \u00a0]*(?=\p{Lu}))`, 'u'),
  // `PORTMERE (Lede Wire) —`: any short publisher name in brackets after a place in capitals.
  new RegExp(String.raw`^(${CAPS_PLACE})${QUALIFIER}{0,2}[ \u00a0]+\((\p{Lu}[\p{L}&.'’-]*(?:[ ][\p{Lu}&][\p{L}&.'’-]*){0,3})\)${DASH}`, 'u'),
  // `Washington CNN —`
  new RegExp(String.raw`^(${PLACE})${QUALIFIER}{0,2}[ \u00a0]+(${AGENCY_ALTERNATIVES})${DASH}`, 'u'),
  // `NEW YORK —`, `BEIRUT, Lebanon —`
  new RegExp(String.raw`^(${CAPS_PLACE})${QUALIFIER}{0,2}()${DASH}`, 'u'),
];

/** A dateline found at the start of a paragraph. */
export interface Dateline {
  /** Length of the dateline in UTF-16 units from the paragraph start, dash and spaces included. */
  readonly length: number;
  readonly place?: string;
  readonly publisher?: string;
}

/** Title-cases an all-capitals place name (`NEW YORK` → `New York`), keeping other spellings. */
function placeName(raw: string): string {
  if (raw !== raw.toUpperCase()) return raw;
  return raw.toLowerCase().replace(/(^|[ \-’'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Reads a dateline at the start of `paragraph`, or returns undefined. */
export function matchDateline(paragraph: string): Dateline | undefined {
  if (paragraph.length > 0 && paragraph.length < 3) return undefined;
  for (const pattern of DATELINE_PATTERNS) {
    const match = pattern.exec(paragraph);
    if (!match) continue;
    const place = match[1];
    const agency = match[2];
    // The capitals pattern must not eat a shouted headline: at most four words of place.
    if (place && place.split(' ').length > 4) continue;
    return {
      length: match[0].length,
      ...(place ? { place: placeName(place) } : {}),
      ...(agency ? { publisher: AGENCY_NAMES.get(agency.toLowerCase()) ?? agency } : {}),
    };
  }
  return undefined;
}
