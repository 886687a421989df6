/**
 * Towns as the programme's website writes them (« Paris », « Paris (75) », « 75007 Paris », « Saint Mandé »,
 * « Saint-Denis (93200) », « Bordeaux (33) | Champs-sur-Marne (77) »…), read into sites: the commune in its
 * usual spelling, and the postal code or département when the text gives one. Nothing is looked up here: which
 * commune of that name is meant is the gazetteer's business (places.ts), with the département to tell homonyms
 * apart.
 */

export interface TownSite {
  /** This site's part of the text, as written (trimmed). */
  readonly raw: string;
  /** The commune, hyphenated as French commune names are (« Saint-Mandé », « La Défense »); accents as written. */
  readonly commune: string;
  /** Five digits, when written; a CEDEX code (« 93108 ») is kept as written. */
  readonly postalCode: string | null;
  /** Two characters (« 75 », « 2A ») or three overseas (« 974 »), written or read from the postal code. */
  readonly departement: string | null;
}

// « 91000 Evry + 75020 Paris », « Paris (75) | Rambouillet (78) »: one value, several sites.
const SITE_SEPARATOR = /\s*[|+]\s*/u;
const CODE_FIRST = /^(\d{5})\s+(.+)$/u;
const CODE_AFTER = /^(.+?)\s*\((\d{5})\)$/u;
const DEPARTEMENT_AFTER = /^(.+?)\s*\((\d{2}|2[AB]|9[78]\d)\)$/iu;

/** Every site a town value names, in the order written; none for an empty value. */
export function parseTown(value: string): TownSite[] {
  return value
    .normalize('NFC')
    .split(SITE_SEPARATOR)
    .map((part) => part.replace(/\s+/gu, ' ').trim())
    .filter((part) => part !== '')
    .map(parseSite);
}

function parseSite(raw: string): TownSite {
  const codeFirst = CODE_FIRST.exec(raw);
  const codeAfter = CODE_AFTER.exec(raw);
  const postal = codeFirst
    ? { name: codeFirst[2]!, code: codeFirst[1]! }
    : codeAfter
      ? { name: codeAfter[1]!, code: codeAfter[2]! }
      : null;
  if (postal) {
    return {
      raw,
      commune: canonicalCommune(postal.name),
      postalCode: postal.code,
      departement: departementOfPostalCode(postal.code),
    };
  }
  const departement = DEPARTEMENT_AFTER.exec(raw);
  if (departement) {
    return {
      raw,
      commune: canonicalCommune(departement[1]!),
      postalCode: null,
      departement: departement[2]!.toUpperCase(),
    };
  }
  // Digits or brackets left over mean a writing this reader does not know: kept as written, for the gazetteer
  // to refuse rather than for this code to guess.
  return { raw, commune: /[\d()]/u.test(raw) ? raw : canonicalCommune(raw), postalCode: null, departement: null };
}

/**
 * The département a postal code belongs to: its first two digits, three overseas (971–988), 2A or 2B in
 * Corsica. A few border communes carry a neighbour's postal code; the gazetteer then finds no such commune in
 * that département and says so, rather than placing the town elsewhere.
 */
export function departementOfPostalCode(code: string): string {
  if (/^9[78]/u.test(code)) return code.slice(0, 3);
  if (code.startsWith('20')) return Number(code) < 20200 ? '2A' : '2B';
  return code.slice(0, 2);
}

// A commune's name is hyphenated throughout, except after a leading article (« La Défense », « Le Havre »).
const LEADING_ARTICLE = /^(le|la|les)$/iu;
const ABBREVIATIONS: Record<string, string> = { st: 'Saint', 'st.': 'Saint', ste: 'Sainte', 'ste.': 'Sainte' };

/** « Saint Mandé » → « Saint-Mandé », « Issy les Moulineaux » → « Issy-les-Moulineaux », « St Denis » → « Saint-Denis ». */
export function canonicalCommune(name: string): string {
  const words = name
    .trim()
    .split(/\s*-\s*|\s+/u)
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS[w.toLowerCase()] ?? w);
  if (words.length > 1 && LEADING_ARTICLE.test(words[0]!)) return `${words[0]} ${words.slice(1).join('-')}`;
  return words.join('-');
}
