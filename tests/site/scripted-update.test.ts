/**
 * Issue 22, point 1: a maintainer's update changes the words of every page by itself. A copy of the real data gets
 * the updates a maintainer would make — a new promotion after the last, in a new year, in the two tables of the
 * programme's current website and in the key figures (with the publication they cite); a défi removed; a figure
 * corrected; a défi hosted by a new administration — through the normal commands (data:lock, then data:diff for
 * the update report), and the site is built from it. The old build is the real snapshot's, made by the global
 * setup.
 *
 * The extents are read here from the CSV files with csv-parse (not with the site's reader nor its phrases): the
 * last EIG promotion and its number of défis, the last promotion with key figures and its year. Every page that
 * stated the old extent states the new one instead, and no page states the old one any more.
 */
import { readFileSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { diffCommand } from '../../src/commands/data-diff.ts';
import { lockData } from '../../src/commands/lock.ts';
import { buildSite } from '../support/build-site.ts';
import { listFiles, page } from '../support/dist.ts';

type Row = Record<string, string>;

const read = (dir: string, file: string): Row[] =>
  parse(readFileSync(join(dir, file)), { columns: true, bom: true }) as Row[];
const eigNumber = (promotion: string) => Number(/^EIG (\d+)$/u.exec(promotion)?.[1] ?? NaN);
const quote = (cell: string | number) => `"${String(cell).replace(/"/gu, '""')}"`;
const line = (cells: readonly (string | number)[]) => `${cells.map(quote).join(',')}\n`;

/** The extent of the real data, read from its files. */
const current = read('data/snapshot', 'defis-2017-2023.csv');
const keyFigures = read('data/snapshot', 'chiffres-cles.csv');
const lastEig = Math.max(...current.map((r) => eigNumber(r.promotion!)).filter(Number.isFinite));
const NEW = lastEig + 1;
/** Every promotion the data gives a year (the most recent ones on the 2022 list), its number and its year. */
const dated = read('data/snapshot', 'defis.csv')
  .filter((r) => r.annee && Number.isFinite(eigNumber(r.promotion!)))
  .map((r) => ({ n: eigNumber(r.promotion!), year: Number(r.annee) }));
const latestDated = dated.reduce((a, b) => (b.n > a.n ? b : a));
/** One promotion a year, as the data's years go: the new one starts that many years after the latest dated. */
const NEW_YEAR = latestDated.year + (NEW - latestDated.n);
/** The last promotion the key figures count, and its year. */
const lastCounted = Math.max(...keyFigures.map((r) => eigNumber(r.promotion!)).filter(Number.isFinite));
const lastCountedYear = dated.find((d) => d.n === lastCounted)?.year;
const removed = current.find((r) => r.promotion === `EIG ${lastEig}`)!;
const corrected = keyFigures.find((r) => r.promotion === `EIG ${lastCounted}` && r.indicateur === 'eig')!;
const NEW_ADMINISTRATION = 'Agence nationale des essais de mise à jour';
const NEW_DEFIS = [`Défi d’essai de la promotion ${NEW} (un)`, `Défi d’essai de la promotion ${NEW} (deux)`];
const totalBefore = current.length;
const totalAfter = totalBefore - 1 + NEW_DEFIS.length;

let root: string;
let before: string;
let after: string;
let oldSite: string;
let newSite: string;
let reportText: string;

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, 'snapshot', file);
  const text = await readFile(path, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`${file} : la modification n’a rien changé (les données ont-elles changé ?)`);
  await writeFile(path, changed);
}

beforeAll(async () => {
  oldSite = inject('siteDir');
  root = await mkdtemp(join(tmpdir(), 'eig-scripted-update-'));
  before = join(root, 'avant');
  after = join(root, 'apres');
  newSite = join(root, 'site');
  const copy = (to: string) =>
    cp('data', to, {
      recursive: true,
      filter: (path) => !path.includes('unmapped') && !path.includes('rapport-mise-a-jour'),
    });
  await copy(before);
  await copy(after);
  // The new promotion's défis, one hosted by a new administration, with the year the website would now give.
  const [first, second] = NEW_DEFIS;
  // Written by column name: the table may gain columns (a description…) without this test knowing them.
  const header = (await readFile(join(after, 'snapshot', 'defis-2017-2023.csv'), 'utf8')).split('\n')[0]!.split(',');
  const defi = (slug: string, titre: string, administration: string) => {
    const cells: Row = {
      slug,
      titre,
      promotion: `EIG ${NEW}`,
      promotion_source: `Promotion ${NEW}`,
      annee: String(NEW_YEAR),
      administration,
      ville: 'Lyon (69)',
      thematiques: 'Essais',
      expertises: 'Développement;Design',
      nb_eig: '2',
      nb_mentors: '1',
      source_fichier: `site/content/defis/${slug}.md@essai`,
      source: 'site-eig-v3',
    };
    return line(header.map((column) => cells[column] ?? ''));
  };
  // A défi of the last promotion removed.
  await edit(after, 'defis-2017-2023.csv', (t) =>
    t
      .split('\n')
      .filter((l) => !l.startsWith(`${removed.slug},`) && !l.startsWith(`"${removed.slug}",`))
      .join('\n'),
  );
  await appendFile(
    join(after, 'snapshot', 'defis-2017-2023.csv'),
    defi(`essai-${NEW}-un`, first!, NEW_ADMINISTRATION) + defi(`essai-${NEW}-deux`, second!, removed.administration!),
  );
  // The maintainer says which body the new name designates, as the correspondence does for every written name.
  const bodyColumns = (await readFile(join(after, 'snapshot', 'organismes.csv'), 'utf8')).split('\n')[0]!.split(',');
  const body: Row = {
    nom_ecrit: NEW_ADMINISTRATION,
    organisme: NEW_ADMINISTRATION,
    sigle: 'ANEMJ',
    source: 'correspondance-organismes',
  };
  await appendFile(join(after, 'snapshot', 'organismes.csv'), line(bodyColumns.map((column) => body[column] ?? '')));
  await appendFile(
    join(after, 'snapshot', 'communaute-2017-2023.csv'),
    line([
      `EIG ${NEW}`,
      `Promotion ${NEW}`,
      'participant',
      'Développement',
      4,
      'site-eig-v3',
      'site/content/personnes@essai',
    ]) + line([`EIG ${NEW}`, `Promotion ${NEW}`, 'agent-public', '', 2, 'site-eig-v3', 'site/content/personnes@essai']),
  );
  // The key figures of the new promotion, from a new publication; a figure of the last one corrected.
  await appendFile(
    join(after, 'publications.csv'),
    line([
      'billet-essai',
      `Bilan de la promotion ${NEW} (billet d’essai)`,
      'Programme EIG (blog)',
      `${NEW_YEAR + 1}-06`,
      'https://entrepreneur-interet-general.etalab.gouv.fr/blog/essai.html',
      '',
      `blog du programme EIG (juin ${NEW_YEAR + 1})`,
      `Blog, juin ${NEW_YEAR + 1}`,
      `le billet de juin ${NEW_YEAR + 1}`,
    ]),
  );
  await appendFile(
    join(after, 'snapshot', 'chiffres-cles.csv'),
    line([`EIG ${NEW}`, 'eig', 4, 'personnes', 'billet-essai']) +
      line([`EIG ${NEW}`, 'defis', 2, 'defis', 'billet-essai']) +
      line([`EIG ${NEW}`, 'mentors', 2, 'personnes', 'billet-essai']),
  );
  await edit(after, 'chiffres-cles.csv', (t) =>
    t.replace(
      `\nEIG ${lastCounted},eig,${corrected.valeur},`,
      `\nEIG ${lastCounted},eig,${Number(corrected.valeur) + 1},`,
    ),
  );
  const quiet = { log: () => {}, out: () => {} };
  await lockData(after, quiet);
  await diffCommand([before, after], quiet);
  reportText = await readFile(join(after, 'rapport-mise-a-jour.md'), 'utf8');
  await buildSite(newSite, after);
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const texts = new Map<string, Map<string, string>>();

/** The text of every page of a build (chart pages, embeds, tables, home, À propos…), spaces made plain. */
function pagesOf(site: string): Map<string, string> {
  if (!texts.has(site)) {
    const files = listFiles(site).filter((file) => file.endsWith('.html'));
    const text = (file: string) => (page(site, file).body?.textContent ?? '').replace(/[\s\u00a0\u202f]+/gu, ' ');
    texts.set(site, new Map(files.map((file) => [file, text(file)])));
  }
  return texts.get(site)!;
}

/** A number, then a noun (« en 7 promotions », « 131 défis »), not a part (« 22 défis de 6 promotions »). */
const counted = (n: number, noun: string) => new RegExp(`(?<![\\d,])(?<!de )${n} ${noun}`, 'u');

/** Ways the pages state the data's extent, before and after the update. */
const EXTENTS = [
  {
    what: 'the promotions from the first to the last',
    old: new RegExp(`(?:promotions?|EIG) 1 à (?:EIG )?${lastEig}(?!\\d)`, 'u'),
    new: new RegExp(`(?:promotions?|EIG) 1 à (?:EIG )?${NEW}(?!\\d)`, 'u'),
  },
  { what: 'the number of promotions', old: counted(lastEig, 'promotions'), new: counted(NEW, 'promotions') },
  { what: 'the number of défis', old: counted(totalBefore, 'défis'), new: counted(totalAfter, 'défis') },
];

describe('a scripted update: a new promotion, a défi removed, a figure corrected, a new administration', () => {
  it('reports the new promotion, with its year, as new', () => {
    expect(reportText).toContain(`- nouvelle promotion : EIG ${NEW} (${NEW_YEAR})`);
  });

  it('leaves no page stating the old extent, and states the new one wherever the old one was', () => {
    const oldPages = pagesOf(oldSite);
    const newPages = pagesOf(newSite);
    const stale: string[] = [];
    const missing: string[] = [];
    const seen = new Map(EXTENTS.map((e) => [e.what, 0]));
    for (const [file, text] of newPages) {
      for (const extent of EXTENTS) {
        const found = extent.old.exec(text);
        if (found) stale.push(`${file} : « ${text.slice(Math.max(0, found.index - 60), found.index + 60)} »`);
        if (oldPages.get(file) !== undefined && extent.old.test(oldPages.get(file)!)) {
          seen.set(extent.what, seen.get(extent.what)! + 1);
          if (!extent.new.test(text)) missing.push(`${file} : ${extent.what}`);
        }
      }
    }
    expect(stale).toEqual([]);
    expect(missing).toEqual([]);
    // The test can fail: the old build states each extent somewhere (the home page, the menu's charts…).
    for (const [what, pages] of seen) expect(pages, what).toBeGreaterThan(0);
    // Only the removed défi's own page goes.
    expect(
      [...oldPages.keys()].filter(
        (file) =>
          !newPages.has(file) &&
          !page(oldSite, file).title.replace(/’/gu, "'").includes(removed.titre!.replace(/’/gu, "'")),
      ),
    ).toEqual([]);
  });

  it('names the new promotion with its year where the old last one was, on the home page its count', () => {
    const [oldHome, newHome] = [oldSite, newSite].map((site) => pagesOf(site).get('index.html')!);
    expect(oldHome).toMatch(counted(lastEig, 'promotions'));
    expect(newHome).toMatch(counted(NEW, 'promotions'));
    expect(newHome).toMatch(counted(totalAfter, 'défis'));
    const promotions = (site: string) => pagesOf(site).get('graphiques/promotions/index.html')!;
    expect(promotions(oldSite)).toContain(`à la promotion ${lastCounted} (${lastCountedYear})`);
    expect(promotions(newSite)).toContain(`à la promotion ${NEW} (${NEW_YEAR})`);
    expect(promotions(newSite)).not.toContain(`à la promotion ${lastCounted} (${lastCountedYear})`);
    // The promotions without a published average age run to the new last one.
    const aged = Math.max(
      ...keyFigures.filter((r) => r.indicateur === 'age_moyen').map((r) => eigNumber(r.promotion!)),
    );
    const age = (site: string) => pagesOf(site).get('graphiques/age-moyen/index.html')!;
    expect(age(oldSite)).toContain(`promotions ${aged + 1} à ${lastEig} `);
    expect(age(newSite)).toContain(`promotions ${aged + 1} à ${NEW} `);
    expect(age(newSite)).not.toContain(`promotions ${aged + 1} à ${lastEig} `);
  });

  it('shows the correction, the défi removed no more, and the new administration', () => {
    const json = JSON.parse(readFileSync(join(newSite, 'api', 'promotions.json'), 'utf8')) as {
      rows: { promotion: string; indicateur: string; valeur: number }[];
    };
    const eig = (promotion: string) => json.rows.find((r) => r.promotion === promotion && r.indicateur === 'EIG');
    expect(eig(`EIG ${lastCounted}`)?.valeur).toBe(Number(corrected.valeur) + 1);
    expect(eig(`EIG ${NEW}`)?.valeur).toBe(4);
    const explorer = (site: string) => pagesOf(site).get('graphiques/explorateur-defis/index.html')!;
    expect(explorer(oldSite)).toContain(removed.titre);
    expect(explorer(newSite)).not.toContain(removed.titre);
    for (const title of NEW_DEFIS) expect(explorer(newSite)).toContain(title);
    expect(pagesOf(oldSite).get('graphiques/administrations/index.html')).not.toContain(NEW_ADMINISTRATION);
    expect(pagesOf(newSite).get('graphiques/administrations/index.html')).toContain(NEW_ADMINISTRATION);
  });

  it('draws the new promotion after the old last one, with its count', () => {
    // Charts name their series on the drawing (issue 25): the défis per promotion name each bar, in order.
    const drawn = [
      ...page(newSite, 'graphiques/defis-promotions/index.html').querySelectorAll(
        'figure.chart-figure svg text, figure.chart-figure svg title',
      ),
    ].map((t) => t.textContent!.replace(/[\u00a0\u202f]/gu, ' '));
    const at = (promotion: string) => drawn.findIndex((t) => t.startsWith(`${promotion} — `));
    expect(at(`EIG ${NEW}`), JSON.stringify(drawn.slice(0, 20))).toBeGreaterThan(at(`EIG ${lastEig}`));
    expect(at(`EIG ${lastEig}`)).toBeGreaterThanOrEqual(0);
    expect(drawn[at(`EIG ${NEW}`)]).toMatch(counted(NEW_DEFIS.length, 'défis'));
  });
});
