/**
 * Builds the first-name → gender table the entity linker uses to keep `he` and `she` to persons
 * they can stand for (`models/ner/first-names.tsv.gz`).
 *
 * Source: the name lists of the `gender-detection-from-name` package (MIT; English, Italian,
 * Spanish, French, German and Turkish lists, a devDependency). A name the lists give both genders
 * (`andrea`: female in English, male in Italian) is left out: the linker then knows nothing of it.
 * Output lines: `name TAB m|f`, lower-case, sorted by UTF-16 code units (see first-names.ts).
 *   npx tsx scripts/build-first-names.ts
 * Deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serializeFirstNames } from '../src/stages/entities/first-names.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = join(repoRoot, 'models/ner/first-names.tsv.gz');
const require = createRequire(import.meta.url);
const LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'tr'];
const FAMILY_NAMES_FIRST = new Set(
  ('wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong '
    + 'pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin cui zhong tan fan wen mao hong qian xi kong bai '
    + 'kim lee park choi jung jeong kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon yang son bae baek heo nam ri '
    + 'nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly tsai lai chiang').split(' '),
);

const genders = new Map<string, 'm' | 'f' | 'both'>();
for (const language of LANGUAGES) {
  const names = require(`gender-detection-from-name/names/${language}`) as Map<string, string>;
  for (const [name, gender] of names) {
    const code = gender === 'male' ? 'm' : gender === 'female' ? 'f' : null;
    if (!code || name.length < 3 || FAMILY_NAMES_FIRST.has(name) || !/^\p{L}[\p{L}'’-]*$/u.test(name)) continue;
    const known = genders.get(name);
    genders.set(name, known === undefined || known === code ? code : 'both');
  }
}
const kept = [...genders].filter((entry): entry is [string, 'm' | 'f'] => entry[1] !== 'both');
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, gzipSync(serializeFirstNames(kept), { level: 9 }));
console.log(`wrote ${outputPath}: ${kept.length} names (${genders.size - kept.length} with both genders left out)`);
