/**
 * Team-written supplement to the gazetteer: English names the open sources lack, written from
 * general knowledge (exonyms, abbreviations, news-style region names). Never names picked from an
 * evaluation set. Compiled into the index by `scripts/build-gazetteer.ts`.
 */

/** A name added to an entry that the sources already hold. */
export interface ExtraAlias {
  /** The name as written in news text. */
  readonly name: string;
  /** Which entry: its main name in the sources, kind and country (kind `country` needs only `countryCode`). */
  readonly target: { readonly kind: 'country' | 'admin1' | 'admin2' | 'city' | 'region' | 'water' | 'continent'; readonly name?: string; readonly countryCode?: string };
  /** True for an adjective or people-noun (`European`): kept apart so the finder can treat it as a demonym. */
  readonly demonym?: boolean;
}

/** A place the sources lack altogether, with an approximate centre from general knowledge. */
export interface ExtraPlace {
  readonly name: string;
  readonly kind: 'region' | 'water' | 'city' | 'admin1' | 'landmark';
  readonly countryCode?: string;
  readonly lat: number;
  readonly lon: number;
  readonly aliases?: readonly string[];
  readonly demonyms?: readonly string[];
}

const country = (countryCode: string) => ({ kind: 'country' as const, countryCode });

/** Exonyms and short forms of countries. */
const COUNTRY_ALIASES: readonly ExtraAlias[] = [
  ...['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom', 'the UK', 'the United Kingdom'].map((name) => ({ name, target: country('GB') })),
  ...['Briton', 'Britons', 'Brits'].map((name) => ({ name, target: country('GB'), demonym: true })),
  ...['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'America', 'United States', 'United States of America', 'the States'].map((name) => ({ name, target: country('US') })),
  ...['Americans'].map((name) => ({ name, target: country('US'), demonym: true })),
  { name: 'Turkey', target: country('TR') },
  { name: 'Turkish', target: country('TR'), demonym: true },
  { name: 'Turks', target: country('TR'), demonym: true },
  { name: 'UAE', target: country('AE') },
  { name: 'U.A.E.', target: country('AE') },
  { name: 'Emirates', target: country('AE') },
  { name: 'Emirati', target: country('AE'), demonym: true },
  { name: 'Korea', target: country('KR') },
  { name: 'Russia', target: country('RU') },
  { name: 'Czech Republic', target: country('CZ') },
  { name: 'Czechia', target: country('CZ') },
  { name: 'Macedonia', target: country('MK') },
  { name: 'Swaziland', target: country('SZ') },
  { name: 'Ivory Coast', target: country('CI') },
  { name: 'DRC', target: country('CD') },
  { name: 'DR Congo', target: country('CD') },
  { name: 'Congo-Kinshasa', target: country('CD') },
  { name: 'Congo-Brazzaville', target: country('CG') },
  { name: 'Burma', target: country('MM') },
  { name: 'Holland', target: country('NL') },
  { name: 'Dutch', target: country('NL'), demonym: true },
  { name: 'Vatican', target: country('VA') },
  { name: 'Holy See', target: country('VA') },
  { name: 'Palestine', target: country('PS') },
  { name: 'Palestinian territories', target: country('PS') },
  { name: 'Palestinians', target: country('PS'), demonym: true },
  { name: 'Israelis', target: country('IL'), demonym: true },
  { name: 'Syria', target: country('SY') },
  { name: 'Iran', target: country('IR') },
  { name: 'Laos', target: country('LA') },
  { name: 'Vietnam', target: country('VN') },
  { name: 'Bolivia', target: country('BO') },
  { name: 'Venezuela', target: country('VE') },
  { name: 'Tanzania', target: country('TZ') },
  { name: 'Moldova', target: country('MD') },
  { name: 'Brunei', target: country('BN') },
  { name: 'East Timor', target: country('TL') },
  { name: 'Cape Verde', target: country('CV') },
  { name: 'Saudi', target: country('SA'), demonym: true },
  { name: 'Saudis', target: country('SA'), demonym: true },
  { name: 'Kiwi', target: country('NZ'), demonym: true },
  { name: 'Aussie', target: country('AU'), demonym: true },
  { name: 'Filipinos', target: country('PH'), demonym: true },
  { name: 'Filipino', target: country('PH'), demonym: true },
  { name: 'Afghans', target: country('AF'), demonym: true },
  { name: 'Chinese', target: country('CN'), demonym: true },
  { name: 'Japanese', target: country('JP'), demonym: true },
  { name: 'Swiss', target: country('CH'), demonym: true },
  { name: 'Persian', target: country('IR'), demonym: true },
  { name: 'Scandinavian', target: { kind: 'region', name: 'Scandinavia' }, demonym: true },
  // Adjectives news uses that the country tables lack (`a Philippine vessel`, `Kazakh officials`).
  ...([
    ['Philippine', 'PH'], ['Nepali', 'NP'], ['Kazakh', 'KZ'], ['Uzbek', 'UZ'], ['Kyrgyz', 'KG'], ['Tajik', 'TJ'], ['Azeri', 'AZ'],
    ['Serb', 'RS'], ['Serbs', 'RS'], ['Croat', 'HR'], ['Croats', 'HR'], ['Bosnian', 'BA'], ['Slovenian', 'SI'], ['Icelandic', 'IS'],
    ['Ecuadorian', 'EC'], ['Argentinian', 'AR'], ['Sierra Leonean', 'SL'], ['Djiboutian', 'DJ'], ['Maldivian', 'MV'], ['Timorese', 'TL'],
    ['Botswanan', 'BW'],
  ] as const).map(([name, code]) => ({ name, target: country(code), demonym: true })),
];

/** Continents, multi-country regions and seas under their everyday English names. */
const REGION_ALIASES: readonly ExtraAlias[] = [
  { name: 'European', target: { kind: 'continent', name: 'Europe' }, demonym: true },
  { name: 'Europeans', target: { kind: 'continent', name: 'Europe' }, demonym: true },
  { name: 'African', target: { kind: 'continent', name: 'Africa' }, demonym: true },
  { name: 'Africans', target: { kind: 'continent', name: 'Africa' }, demonym: true },
  { name: 'Asian', target: { kind: 'continent', name: 'Asia' }, demonym: true },
  { name: 'Asians', target: { kind: 'continent', name: 'Asia' }, demonym: true },
  { name: 'North American', target: { kind: 'continent', name: 'North America' }, demonym: true },
  { name: 'South American', target: { kind: 'continent', name: 'South America' }, demonym: true },
  { name: 'Antarctic', target: { kind: 'continent', name: 'Antarctica' }, demonym: true },
  { name: 'EU', target: { kind: 'continent', name: 'Europe' } },
  { name: 'E.U.', target: { kind: 'continent', name: 'Europe' } },
  { name: 'European Union', target: { kind: 'continent', name: 'Europe' } },
  { name: 'Central American', target: { kind: 'region', name: 'Central America' }, demonym: true },
  { name: 'Caribbean', target: { kind: 'region', name: 'Caribbean' }, demonym: true },
  { name: 'North Africa', target: { kind: 'region', name: 'Northern Africa' } },
  { name: 'North African', target: { kind: 'region', name: 'Northern Africa' }, demonym: true },
  { name: 'West Africa', target: { kind: 'region', name: 'Western Africa' } },
  { name: 'West African', target: { kind: 'region', name: 'Western Africa' }, demonym: true },
  { name: 'East Africa', target: { kind: 'region', name: 'Eastern Africa' } },
  { name: 'East African', target: { kind: 'region', name: 'Eastern Africa' }, demonym: true },
  { name: 'Central African', target: { kind: 'region', name: 'Central Africa' }, demonym: true },
  { name: 'Southern African', target: { kind: 'region', name: 'Southern Africa' }, demonym: true },
  { name: 'Sub-Saharan', target: { kind: 'region', name: 'Sub-Saharan Africa' }, demonym: true },
  { name: 'Maghreb', target: { kind: 'region', name: 'Al Maghrib' } },
  { name: 'East Asia', target: { kind: 'region', name: 'Eastern Asia' } },
  { name: 'South Asia', target: { kind: 'region', name: 'Southern Asia' } },
  { name: 'Southeast Asia', target: { kind: 'region', name: 'South Eastern Asia' } },
  { name: 'South-East Asia', target: { kind: 'region', name: 'South Eastern Asia' } },
  { name: 'Southeast Asian', target: { kind: 'region', name: 'South Eastern Asia' }, demonym: true },
  { name: 'West Asia', target: { kind: 'region', name: 'Western Asia' } },
  { name: 'Mideast', target: { kind: 'region', name: 'Middle East' } },
  { name: 'Middle Eastern', target: { kind: 'region', name: 'Middle East' }, demonym: true },
  { name: 'Latin America', target: { kind: 'region', name: 'Latin America and the Caribbean' } },
  { name: 'Latin American', target: { kind: 'region', name: 'Latin America and the Caribbean' }, demonym: true },
  { name: 'Caribbean', target: { kind: 'region', name: 'Caribbean' } },
  { name: 'Balkan', target: { kind: 'region', name: 'Balkans' }, demonym: true },
  { name: 'Gulf', target: { kind: 'water', name: 'Persian Gulf' } },
  { name: 'Arabian Gulf', target: { kind: 'water', name: 'Persian Gulf' } },
  { name: 'Mediterranean', target: { kind: 'water', name: 'Mediterranean Sea' } },
  { name: 'Atlantic', target: { kind: 'water', name: 'Atlantic Ocean' } },
  { name: 'Pacific', target: { kind: 'water', name: 'Pacific Ocean' } },
  { name: 'Arctic', target: { kind: 'region', name: 'Arctic' } },
  { name: 'Andes', target: { kind: 'region', name: 'Andes Mountains' } },
];

/** British and Australian divisions under their common short or demonym forms. */
const DIVISION_ALIASES: readonly ExtraAlias[] = [
  { name: 'Scottish', target: { kind: 'admin1', name: 'Scotland', countryCode: 'GB' }, demonym: true },
  { name: 'Scots', target: { kind: 'admin1', name: 'Scotland', countryCode: 'GB' }, demonym: true },
  { name: 'Welsh', target: { kind: 'admin1', name: 'Wales', countryCode: 'GB' }, demonym: true },
  { name: 'English', target: { kind: 'admin1', name: 'England', countryCode: 'GB' }, demonym: true },
  { name: 'NSW', target: { kind: 'admin1', name: 'New South Wales', countryCode: 'AU' } },
  { name: 'Queensland', target: { kind: 'admin1', name: 'Queensland', countryCode: 'AU' } },
  // (Sudan's states as English news writes them.)
  { name: 'Gezira', target: { kind: 'admin1', name: 'Al Jazīrah', countryCode: 'SD' } },
  { name: 'El Gezira', target: { kind: 'admin1', name: 'Al Jazīrah', countryCode: 'SD' } },
  { name: 'Texan', target: { kind: 'admin1', name: 'Texas', countryCode: 'US' }, demonym: true },
  { name: 'Californian', target: { kind: 'admin1', name: 'California', countryCode: 'US' }, demonym: true },
  { name: 'Floridian', target: { kind: 'admin1', name: 'Florida', countryCode: 'US' }, demonym: true },
  { name: 'Catalan', target: { kind: 'admin1', name: 'Catalonia', countryCode: 'ES' }, demonym: true },
  { name: 'D.C.', target: { kind: 'city', name: 'Washington', countryCode: 'US' } },
  { name: 'DC', target: { kind: 'city', name: 'Washington', countryCode: 'US' } },
  { name: 'Washington, D.C.', target: { kind: 'city', name: 'Washington', countryCode: 'US' } },
  { name: 'District of Columbia', target: { kind: 'city', name: 'Washington', countryCode: 'US' } },
  { name: 'NYC', target: { kind: 'city', name: 'New York City', countryCode: 'US' } },
  { name: 'New Yorker', target: { kind: 'city', name: 'New York City', countryCode: 'US' }, demonym: true },
  { name: 'New Yorkers', target: { kind: 'city', name: 'New York City', countryCode: 'US' }, demonym: true },
  { name: 'L.A.', target: { kind: 'city', name: 'Los Angeles', countryCode: 'US' } },
  { name: 'Londoner', target: { kind: 'city', name: 'London', countryCode: 'GB' }, demonym: true },
  { name: 'Londoners', target: { kind: 'city', name: 'London', countryCode: 'GB' }, demonym: true },
];

/** AP-style abbreviations of US states (general newsroom knowledge). */
const US_STATE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado',
  'Conn.': 'Connecticut', 'Del.': 'Delaware', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois',
  'Ind.': 'Indiana', 'Kan.': 'Kansas', 'Ky.': 'Kentucky', 'La.': 'Louisiana', 'Md.': 'Maryland',
  'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota', 'Miss.': 'Mississippi', 'Mo.': 'Missouri',
  'Mont.': 'Montana', 'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'N.H.': 'New Hampshire', 'N.J.': 'New Jersey',
  'N.M.': 'New Mexico', 'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota', 'Okla.': 'Oklahoma',
  'Ore.': 'Oregon', 'Pa.': 'Pennsylvania', 'R.I.': 'Rhode Island', 'S.C.': 'South Carolina', 'S.D.': 'South Dakota',
  'Tenn.': 'Tennessee', 'Tex.': 'Texas', 'Vt.': 'Vermont', 'Va.': 'Virginia', 'Wash.': 'Washington',
  'W.Va.': 'West Virginia', 'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
};

/** Canadian Press abbreviations of provinces and territories. */
const CANADIAN_PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'B.C.': 'British Columbia', BC: 'British Columbia', 'Alta.': 'Alberta', 'Sask.': 'Saskatchewan', 'Man.': 'Manitoba',
  'Ont.': 'Ontario', 'Que.': 'Quebec', 'N.S.': 'Nova Scotia', 'N.B.': 'New Brunswick', 'P.E.I.': 'Prince Edward Island',
  PEI: 'Prince Edward Island', 'Nfld.': 'Newfoundland and Labrador', 'N.W.T.': 'Northwest Territories',
};

/** Every alias to an existing entry. */
export const EXTRA_ALIASES: readonly ExtraAlias[] = [
  ...COUNTRY_ALIASES,
  ...REGION_ALIASES,
  ...DIVISION_ALIASES,
  ...Object.entries(CANADIAN_PROVINCE_ABBREVIATIONS).map(([name, province]) => ({ name, target: { kind: 'admin1' as const, name: province, countryCode: 'CA' } })),
  ...Object.entries(US_STATE_ABBREVIATIONS).map(([name, state]) => ({ name, target: { kind: 'admin1' as const, name: state, countryCode: 'US' } })),
];

/** Places none of the sources hold, with rough centres (a region's middle, a river's midpoint). */
export const EXTRA_PLACES: readonly ExtraPlace[] = [
  { name: 'Libyan Desert', kind: 'region', lat: 25, lon: 25 },
  { name: 'Sinai', kind: 'region', countryCode: 'EG', lat: 29.5, lon: 33.8, aliases: ['Sinai Peninsula'] },
  { name: 'Gaza Strip', kind: 'region', countryCode: 'PS', lat: 31.42, lon: 34.37, aliases: ['Gaza'] },
  { name: 'West Bank', kind: 'region', countryCode: 'PS', lat: 31.95, lon: 35.25 },
  { name: 'Golan Heights', kind: 'region', countryCode: 'SY', lat: 33.0, lon: 35.75, aliases: ['Golan'] },
  { name: 'Kashmir', kind: 'region', lat: 34.0, lon: 76.0, demonyms: ['Kashmiri'] },
  { name: 'Darfur', kind: 'region', countryCode: 'SD', lat: 13.5, lon: 24.0 },
  { name: 'Kurdistan', kind: 'region', lat: 36.5, lon: 44.0, demonyms: ['Kurdish', 'Kurds'] },
  { name: 'Siberia', kind: 'region', countryCode: 'RU', lat: 60.0, lon: 105.0, demonyms: ['Siberian'] },
  { name: 'Patagonia', kind: 'region', lat: -45.0, lon: -69.0 },
  { name: 'Amazon', kind: 'region', lat: -3.5, lon: -62.0, aliases: ['Amazon rainforest', 'Amazonia'] },
  { name: 'Midwest', kind: 'region', countryCode: 'US', lat: 41.5, lon: -91.0, aliases: ['Middle West'], demonyms: ['Midwestern'] },
  { name: 'New England', kind: 'region', countryCode: 'US', lat: 43.9, lon: -71.5 },
  { name: 'Pacific Northwest', kind: 'region', countryCode: 'US', lat: 46.0, lon: -121.0 },
  { name: 'Silicon Valley', kind: 'region', countryCode: 'US', lat: 37.37, lon: -122.04 },
  { name: 'Bay Area', kind: 'region', countryCode: 'US', lat: 37.8, lon: -122.3, aliases: ['San Francisco Bay Area'] },
  { name: 'Wall Street', kind: 'landmark', countryCode: 'US', lat: 40.706, lon: -74.009 },
  { name: 'Capitol Hill', kind: 'landmark', countryCode: 'US', lat: 38.8899, lon: -77.0091 },
  { name: 'White House', kind: 'landmark', countryCode: 'US', lat: 38.8977, lon: -77.0365 },
  { name: 'Pentagon', kind: 'landmark', countryCode: 'US', lat: 38.8719, lon: -77.0563 },
  { name: 'Kremlin', kind: 'landmark', countryCode: 'RU', lat: 55.752, lon: 37.6175 },
  { name: 'Downing Street', kind: 'landmark', countryCode: 'GB', lat: 51.5034, lon: -0.1276 },
  { name: 'Westminster', kind: 'landmark', countryCode: 'GB', lat: 51.4995, lon: -0.1248 },
  { name: 'Hollywood', kind: 'city', countryCode: 'US', lat: 34.0928, lon: -118.3287 },
  { name: 'Manhattan', kind: 'city', countryCode: 'US', lat: 40.7834, lon: -73.9663 },
  { name: 'Brooklyn', kind: 'city', countryCode: 'US', lat: 40.6501, lon: -73.9496 },
  { name: 'Queens', kind: 'city', countryCode: 'US', lat: 40.7282, lon: -73.7949 },
  { name: 'Bronx', kind: 'city', countryCode: 'US', lat: 40.8448, lon: -73.8648 },
  { name: 'Staten Island', kind: 'city', countryCode: 'US', lat: 40.5795, lon: -74.1502 },
  { name: 'Nile', kind: 'water', lat: 15.6, lon: 32.5, aliases: ['Nile River', 'River Nile'] },
  { name: 'Thames', kind: 'water', countryCode: 'GB', lat: 51.5, lon: -0.12, aliases: ['River Thames', 'Thames River'] },
  { name: 'Mississippi River', kind: 'water', countryCode: 'US', lat: 35.0, lon: -90.1 },
  { name: 'Euphrates', kind: 'water', lat: 34.5, lon: 40.9, aliases: ['Euphrates River'] },
  { name: 'Tigris', kind: 'water', lat: 35.0, lon: 43.4, aliases: ['Tigris River'] },
  { name: 'Danube', kind: 'water', lat: 45.0, lon: 20.0, aliases: ['Danube River'] },
  { name: 'Rhine', kind: 'water', lat: 50.0, lon: 7.6, aliases: ['Rhine River'] },
  { name: 'Yangtze', kind: 'water', countryCode: 'CN', lat: 30.5, lon: 114.3, aliases: ['Yangtze River'] },
  { name: 'Ganges', kind: 'water', countryCode: 'IN', lat: 25.3, lon: 83.0, aliases: ['Ganges River', 'Ganga'] },
  { name: 'Great Lakes', kind: 'water', lat: 45.0, lon: -84.0 },
  { name: 'Lake Victoria', kind: 'water', lat: -1.0, lon: 33.0 },
  { name: 'Rocky Mountains', kind: 'region', lat: 44.0, lon: -110.0, aliases: ['Rockies'] },
  { name: 'Appalachia', kind: 'region', countryCode: 'US', lat: 37.5, lon: -81.5, aliases: ['Appalachians', 'Appalachian Mountains'] },
  { name: 'Korean Peninsula', kind: 'region', lat: 37.5, lon: 127.5 },
  { name: 'Iberian Peninsula', kind: 'region', lat: 40.0, lon: -4.0, aliases: ['Iberia'] },
  { name: 'Arabian Peninsula', kind: 'region', lat: 23.0, lon: 47.0 },
  { name: 'Crimean Peninsula', kind: 'region', countryCode: 'UA', lat: 45.0, lon: 34.0 },
];
