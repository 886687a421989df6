/**
 * The défis of the website, one page each (defis/<slug>.md), read as the table defis-2017-2023 holds them — field
 * by field as tests/reference/COMPILATION-2026-11.md derived it: texts as written (white space collapsed),
 * themes and expertises joined by « ; », the promotion as the website writes it beside its normalised name, the
 * source-code link found in the page, the description and the public service's page. Team sizes are counted on
 * the people's pages (./people-pages.ts).
 */
import { isWellFormedUrl } from '../lib/aggregates/defis.ts';
import { promotionFromWebsite } from '../lib/promotion-names.ts';
import { codeLink } from './code-links.ts';
import { PageError, type Page } from './front-matter.ts';

/** The front-matter keys a défi's page is read for: nothing else of it is read. */
export const DEFI_KEYS = [
  'title',
  'slug',
  'description',
  'who',
  'themes',
  'promos',
  'town',
  'expertises',
  'isSET',
  'urlSET',
] as const;

export interface DefiPage {
  slug: string;
  /** The file's name in its folder. */
  file: string;
  titre: string;
  description: string | null;
  promotion: string;
  promotion_source: string;
  administration: string;
  ville: string | null;
  thematiques: string[];
  expertises: string[];
  lien_code: string | null;
  page_startup: string | null;
  /** Other source-code addresses the page gives, said by the import and not kept. */
  otherLinks: string[];
}

/**
 * The promotions the website has a page for (promos/*.md), by their title, and the name the tables give them:
 * « Promotion 4 » is EIG 4, « Promotion 3 - DIG » the designers (DIG).
 */
export type Promotions = ReadonlyMap<string, string | null>;

export function promotionsOf(pages: readonly Page[]): Promotions {
  return new Map(
    pages.flatMap((page) => {
      const title = page.text('title');
      return title === null ? [] : [[title, promotionFromWebsite(title)]];
    }),
  );
}

/** The promotion a page names, normalised; one the website has no page for is refused. */
export function promotionOf(page: Page, written: string, promotions: Promotions): string {
  if (!promotions.has(written)) {
    throw new PageError(
      `${page.file} : clé « promos » : promotion « ${written} » inconnue (pages de promos/ : ${[...promotions.keys()].join(', ')})`,
    );
  }
  const name = promotions.get(written);
  if (!name) {
    throw new PageError(
      `${page.file} : clé « promos » : « ${written} » n’est pas une promotion que le site sait nommer (« Promotion n », « Promotion 3 - DIG »)`,
    );
  }
  return name;
}

/** A list's values are joined by « ; » in the table, whose reader splits a cell on « ; », « , » and « | ». */
function listValues(page: Page, key: string): string[] {
  const values = page.list(key);
  const bad = values.find((v) => /[;,|]/u.test(v));
  if (bad) {
    throw new PageError(
      `${page.file} : clé « ${key} » : « ${bad} » contient « ; », « , » ou « | », qui séparent les valeurs d’une liste dans la table`,
    );
  }
  return values;
}

const required = (page: Page, key: string) => {
  const value = page.text(key);
  if (value === null) throw new PageError(`${page.file} : clé « ${key} » absente ou vide`);
  return value;
};

export function readDefi(page: Page, name: string, promotions: Promotions): DefiPage {
  const titre = required(page, 'title');
  const administration = required(page, 'who');
  const promos = page.list('promos');
  if (promos.length !== 1) {
    throw new PageError(
      `${page.file} : clé « promos » : une promotion attendue, ${promos.length === 0 ? 'aucune' : promos.map((p) => `« ${p} »`).join(', ')}`,
    );
  }
  const urlSET = page.flag('isSET') ? page.text('urlSET') : null;
  if (urlSET !== null && !isWellFormedUrl(urlSET)) {
    throw new PageError(`${page.file} : clé « urlSET » : « ${urlSET} » n’est pas une adresse web`);
  }
  const code = codeLink(page.file, page.body);
  return {
    slug: (page.text('slug') ?? name.replace(/\.md$/u, '')).normalize('NFC'),
    file: name.normalize('NFC'),
    titre,
    description: page.text('description'),
    promotion: promotionOf(page, promos[0]!, promotions),
    promotion_source: promos[0]!,
    administration,
    ville: page.text('town'),
    thematiques: listValues(page, 'themes'),
    expertises: listValues(page, 'expertises'),
    lien_code: code.url,
    page_startup: urlSET,
    otherLinks: code.others,
  };
}

/** Two pages may not be one défi: the same slug (its address), or the same title (which people's pages cite). */
export function refuseTwins(defis: readonly DefiPage[]): void {
  for (const [what, keyOf] of [
    ['slug', (d: DefiPage) => d.slug.toLowerCase()],
    ['titre', (d: DefiPage) => d.titre.toLowerCase()],
  ] as const) {
    const seen = new Map<string, DefiPage>();
    for (const d of defis) {
      const twin = seen.get(keyOf(d));
      if (twin) {
        throw new PageError(
          `defis/${twin.file} et defis/${d.file} : ${what === 'slug' ? `même défi « ${d.slug} » (même slug)` : `même titre « ${d.titre} », que les pages des personnes ne peuvent distinguer`}`,
        );
      }
      seen.set(keyOf(d), d);
    }
  }
}
