/**
 * Issue 22, the programme's website imported: `npm run data:import-site` reads a checkout of the website
 * (tests/reference/site-eig-v3: real pages nobody on this project wrote) and updates the two current-website
 * tables through the data folder's transaction. Run on that copy, it reproduces the tables compiled by hand
 * (tests/reference/defis-2017-2023.csv and communaute-2017-2023.csv, read here with csv-parse), naming any
 * difference; bad input is refused in one line naming the file and the key, the data folder left byte for byte.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ackCommand } from '../../src/commands/ack.ts';
import { checkData } from '../../src/commands/check.ts';
import { importSiteCommand, parseImportArgs } from '../../src/commands/import-site.ts';
import type { HistoryEntry } from '../../src/lib/history.ts';
import type { Manifest } from '../../src/lib/manifest.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import { allFiles, REPO_DATA } from '../support/fetch-harness.ts';
import { reference, type ReferenceRow } from '../support/reference.ts';

const SITE = join(import.meta.dirname, '..', 'reference', 'site-eig-v3');
/** The commit the copy was taken at, as its README says. */
const COMMIT = 'b1e648286a067bacf1c3d82cafcf9361dec33423';
const NOW = new Date('2027-01-15T09:30:00.000Z');
const plain = (line: string) => line.replace(/[\u00a0\u202f]/gu, ' ');

let root: string;
let data: string;
let site: string;
let out: string[];
let log: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'eig-import-'));
  data = join(root, 'data');
  site = join(root, 'site');
  await cp(REPO_DATA, data, { recursive: true, filter: (p) => !p.includes('rapport-mise-a-jour') });
  await cp(SITE, site, { recursive: true });
  out = [];
  log = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

const effects = () => ({
  env: { EIG_DATA_DIR: data },
  now: () => NOW,
  out: (line: string) => out.push(plain(line)),
  log: (line: string) => log.push(plain(line)),
});
const importSite = (...args: string[]) => importSiteCommand(args, effects());
const table = async (file: string) =>
  parse(await readFile(join(data, 'snapshot', file)), { columns: true }) as ReferenceRow[];
const nfc = (text = '') => text.normalize('NFC');

/** Every field of every reference row against the imported table's, by slug (or by promotion, role, expertise). */
function differences(expected: ReferenceRow[], got: ReferenceRow[], key: readonly string[]): string[] {
  const id = (row: ReferenceRow) => key.map((k) => nfc(row[k])).join(' / ');
  const byId = new Map(got.map((row) => [id(row), row]));
  const found: string[] = [];
  for (const row of expected) {
    const mine = byId.get(id(row));
    if (!mine) {
      found.push(`${id(row)} : absent de l’import`);
      continue;
    }
    for (const [column, value] of Object.entries(row)) {
      if (nfc(mine[column]) !== nfc(value))
        found.push(`${id(row)} / ${column} : « ${value} » attendu, « ${mine[column]} » importé`);
    }
  }
  const known = new Set(expected.map(id));
  for (const row of got) if (!known.has(id(row))) found.push(`${id(row)} : en trop dans l’import`);
  return found;
}

/** The raw value of a one-line front-matter key of a défi's page, read here without YAML. */
async function rawKey(file: string, key: string): Promise<string | null> {
  const text = await readFile(join(SITE, 'defis', file), 'utf8');
  return new RegExp(`^${key}: (.+)$`, 'mu').exec(text)?.[1]?.trim() ?? null;
}

describe('npm run data:import-site on the website’s pages of April 2026', () => {
  it('reproduces the défis compiled by hand, field by field, and adds their description and public page', async () => {
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    const defis = await table('defis-2017-2023.csv');
    const expected = reference('defis-2017-2023.csv');
    expect(defis).toHaveLength(expected.length);
    expect(differences(expected, defis, ['slug'])).toEqual([]);
    // The same order as the compiled file: the pages' names.
    expect(defis.map((d) => nfc(d.slug))).toEqual(expected.map((d) => nfc(d.slug)));
    expect(new Set(defis.map((d) => d.source))).toEqual(new Set(['site-eig-v3']));

    const adex = defis.find((d) => d.slug === 'adex')!;
    expect(adex.description).toBe(await rawKey('adex.md', 'description'));
    expect(defis.every((d) => d.description !== '')).toBe(true);
    const startups: [string, string][] = [];
    for (const file of await readdir(join(SITE, 'defis'))) {
      if ((await rawKey(file, 'isSET')) === 'true')
        startups.push([nfc(file.replace(/\.md$/u, '')), (await rawKey(file, 'urlSET'))!]);
    }
    expect(startups.length).toBeGreaterThan(20);
    expect(defis.filter((d) => d.page_startup).map((d) => [nfc(d.slug), d.page_startup])).toEqual(
      startups.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });

  it('reproduces the people counted by promotion, role and expertise: the same file', async () => {
    const before = await readFile(join(data, 'snapshot', 'communaute-2017-2023.csv'));
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    const people = await table('communaute-2017-2023.csv');
    // The compiled file writes the promotion as the website does: the table's promotion_source.
    const expected = reference('communaute-2017-2023.csv').map(({ promotion, ...row }) => ({
      promotion_source: promotion!,
      ...row,
    }));
    expect(expected.length).toBeGreaterThan(50);
    expect(differences(expected, people, ['promotion_source', 'role', 'expertise'])).toEqual([]);
    expect(await readFile(join(data, 'snapshot', 'communaute-2017-2023.csv'))).toEqual(before);
    expect(log).toContain('communaute-2017-2023 : inchangée (73 lignes).');
  });

  it('writes the update as a fetch does: manifest, report and history entry of its own kind; then nothing new', async () => {
    // The website rewrites a défi's description (whatever data/ holds today, the table changes).
    const adex = join(site, 'defis', 'adex.md');
    await writeFile(
      adex,
      (await readFile(adex, 'utf8')).replace(/^description: .*$/mu, 'description: Une autre phrase'),
    );
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    expect((await table('defis-2017-2023.csv')).find((d) => d.slug === 'adex')!.description).toBe('Une autre phrase');
    const manifest = JSON.parse(await readFile(join(data, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.tables['defis-2017-2023'].originNote).toMatch(
      /^Importé du site actuel du programme \(dépôt entrepreneur-interet-general\/site-eig-v3, commit b1e6482\) par npm run data:import-site : /u,
    );
    expect(manifest.tables['defis-2017-2023'].columns).toContain('page_startup');
    const history = (await readdir(join(data, 'history'))).sort();
    const entry = JSON.parse(await readFile(join(data, 'history', history.at(-1)!), 'utf8')) as HistoryEntry;
    expect([
      entry.kind,
      entry.tables['defis-2017-2023']!.changed,
      entry.tables['communaute-2017-2023']!.changed,
    ]).toEqual(['import', true, false]);
    const report = JSON.parse(await readFile(join(data, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    expect(report.flags).toEqual([]);
    expect(out).toContain('Code de sortie 0 : le site peut être construit.');
    // The same pages again: nothing to write.
    const files = await allFiles(data);
    expect(await importSite(site, '--commit', COMMIT, '--strict')).toBe(0);
    expect(await allFiles(data)).toEqual(files);
    expect(log).toContain('defis-2017-2023 : inchangée (131 lignes).');
  });

  it('exits 4 with --strict while its report awaits review, until npm run data:ack', async () => {
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    // The website drops a défi: a row removed is « à vérifier ».
    await rm(join(site, 'defis', 'adex.md'));
    expect(await importSite(site, '--commit', COMMIT, '--strict')).toBe(4);
    const report = JSON.parse(await readFile(join(data, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    expect(report.flags.map((f) => plain(f.message))).toContainEqual(expect.stringContaining('adex'));
    expect(out.at(-1)).toMatch(/^Code de sortie 4 \(--strict\) : ne publiez pas encore\./u);
    const checked: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: data }, log: (l) => checked.push(l) })).toBe(0);
    expect(checked.at(-1)).toMatch(/^À relire avant de publier : /u);
    const code = /npm run data:ack -- ([0-9a-f]{8})/u.exec(
      await readFile(join(data, 'rapport-mise-a-jour.md'), 'utf8'),
    )![1]!;
    expect(await ackCommand([code, data], effects())).toBe(0);
    expect(await importSite(site, '--commit', COMMIT, '--strict')).toBe(0);
  });

  it('reads the commit of a clone of the repository, its pages under site/content/', async () => {
    const repo = join(root, 'depot');
    await mkdir(join(repo, 'site'), { recursive: true });
    await cp(site, join(repo, 'site', 'content'), { recursive: true });
    await mkdir(join(repo, '.git'), { recursive: true });
    await writeFile(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(repo, '.git', 'packed-refs'), `# pack-refs with: peeled\n${COMMIT} refs/heads/main\n`);
    expect(await importSite(repo)).toBe(0);
    const defis = await table('defis-2017-2023.csv');
    expect(defis[0]!.source_fichier).toBe(`site/content/defis/1-élève-1-stage.md@${COMMIT}`);
  });
});

describe('what it reads of the people: counts, never names', () => {
  it('reads no name, job or link, and masks a code link under a person’s account', async () => {
    const person = join(site, 'personnes', 'personne-001.md');
    const text = await readFile(person, 'utf8');
    await writeFile(
      person,
      text.replace(
        /^---\n/u,
        '---\ntitle: Jeanne Exemple-Nommée\njob: Cheffe de projet Exemple\nlinkedin: https://www.linkedin.com/in/jeanne-exemple\n',
      ),
    );
    const page = join(site, 'defis', 'adex.md');
    await writeFile(
      page,
      `${await readFile(page, 'utf8')}\n{{< arrow-link url="https://github.com/jeanne-exemple/adex" title="Code source" >}}\n`,
    );
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    const everything = await Promise.all(
      Object.keys(await allFiles(data)).map(async (path) => readFile(join(data, path), 'utf8')),
    );
    for (const word of ['Jeanne', 'Exemple-Nommée', 'Cheffe de projet', 'linkedin', 'jeanne-exemple'])
      expect(
        everything.some((t) => t.includes(word)),
        word,
      ).toBe(false);
    expect((await table('defis-2017-2023.csv')).find((d) => d.slug === 'adex')!.lien_code).toBe(
      'https://github.com/[compte-personnel]/adex',
    );
  });

  it('says which défi a person’s page names that no title matches, and counts the rest', async () => {
    const person = join(site, 'personnes', 'personne-001.md');
    await writeFile(person, (await readFile(person, 'utf8')).replace('  - SIRANo', '  - Défi inconnu'));
    expect(await importSite(site, '--commit', COMMIT)).toBe(0);
    expect(log).toContain(
      'personnes/personne-001.md : défi « Défi inconnu » introuvable parmi les titres des défis ; cette personne n’est comptée dans aucune équipe pour lui.',
    );
    const sirano = reference('defis-2017-2023.csv').find((d) => d.slug === 'sirano')!;
    expect((await table('defis-2017-2023.csv')).find((d) => d.slug === 'sirano')!.nb_eig).toBe(
      String(Number(sirano.nb_eig) - 1),
    );
  });
});

describe('bad input: one line naming the file and the key, data/ untouched', () => {
  const edit = async (file: string, change: (text: string) => string) => {
    const path = join(site, file);
    await writeFile(path, change(await readFile(path, 'utf8')));
  };

  const cases: [string, () => Promise<unknown>, RegExp][] = [
    [
      'a file without front matter',
      () => edit('defis/adex.md', (t) => t.replace(/^---\n/u, '')),
      /^defis\/adex\.md : pas d’en-tête YAML \(un bloc entre deux lignes « --- » en haut du fichier\)$/u,
    ],
    [
      'front matter YAML cannot read',
      () => edit('defis/adex.md', (t) => t.replace('title: ADEX', 'title: [ADEX')),
      /^defis\/adex\.md : en-tête YAML illisible \(ligne \d+, colonne \d+ : /u,
    ],
    [
      'a défi without title',
      () => edit('defis/adex.md', (t) => t.replace('title: ADEX\n', '')),
      /^defis\/adex\.md : clé « title » absente ou vide$/u,
    ],
    [
      'two files with one slug',
      () => cp(join(site, 'defis', 'adex.md'), join(site, 'defis', 'Adex.md')),
      /^defis\/Adex\.md et defis\/adex\.md : même défi « adex » \(même slug\)$/u,
    ],
    [
      'an unknown promotion',
      () => edit('defis/adex.md', (t) => t.replace('  - Promotion 4', '  - Promotion 9')),
      /^defis\/adex\.md : clé « promos » : promotion « Promotion 9 » inconnue \(pages de promos\/ : .*Promotion 7.*\)$/u,
    ],
    [
      'a bidirectional control',
      () => edit('defis/adex.md', (t) => t.replace('title: ADEX', 'title: AD\u202eEX')),
      /^defis\/adex\.md : clé « title » : caractère de contrôle bidirectionnel U\+202E \(RIGHT-TO-LEFT OVERRIDE\) à la position 3, /u,
    ],
    [
      'a control character',
      () =>
        edit('defis/adex.md', (t) => t.replace('who: Haute Autorité de Santé', 'who: "Haute Autorité\\x07 de Santé"')),
      /^defis\/adex\.md : clé « who » : caractère de contrôle U\+0007 à la position 15 /u,
    ],
    [
      'a key written twice, two ways',
      () =>
        edit('personnes/personne-001.md', (t) =>
          t.replace('role: participant', 'role: participant\nrole: agent-public'),
        ),
      /^personnes\/personne-001\.md : clé « role » écrite 2 fois avec des valeurs différentes$/u,
    ],
    [
      'a 10 MB file',
      () =>
        writeFile(join(site, 'personnes', 'personne-999.md'), `---\nrole: participant\n---\n${'x'.repeat(10_000_000)}`),
      /^personnes\/personne-999\.md : 10.000.026 octets, au-delà de 1.Mo pour une page du site/u,
    ],
    [
      'a device named like a page',
      () => symlink('/dev/zero', join(site, 'defis', 'zero.md')),
      /^defis\/zero\.md : ce n’est pas un fichier$/u,
    ],
    [
      'a folder that is not a website checkout',
      () => rm(join(site, 'personnes'), { recursive: true }),
      /n’est pas une copie du site du programme : ni defis\/, personnes\/, promos\/ ni site\/content\/ avec ces dossiers/u,
    ],
  ];

  it.each(cases)('refuses %s', async (_what, change, message) => {
    await change();
    const before = await allFiles(data);
    await expect(importSite(site, '--commit', COMMIT)).rejects.toThrow(message);
    expect(await allFiles(data)).toEqual(before);
  });

  it('refuses pages of another commit than the one the cited publication names', async () => {
    const before = await allFiles(data);
    await expect(importSite(site, '--commit', 'a'.repeat(40))).rejects.toThrow(
      /publications\.csv : la publication « site-eig-v3 », que citent les tables du site, ne désigne pas le commit lu \(a{40}\) : mettez sa ligne à jour/u,
    );
    expect(await allFiles(data)).toEqual(before);
  });

  it('asks for the commit of pages that are not a git clone', async () => {
    await expect(importSite(site)).rejects.toThrow(
      /impossible de savoir de quel commit du dépôt viennent ces pages \(ce n’est pas un clone git\) ; donnez-le : --commit/u,
    );
  });
});

describe('its command line', () => {
  it('takes one folder, --commit and --strict', () => {
    expect(parseImportArgs(['x', '--strict', '--commit', COMMIT.toUpperCase()])).toEqual({
      folder: 'x',
      strict: true,
      commit: COMMIT,
    });
    expect(() => parseImportArgs([])).toThrow('il manque le dossier du site');
    expect(() => parseImportArgs(['a', 'b'])).toThrow('un seul dossier, « a » et « b » donnés');
    expect(() => parseImportArgs(['a', '--commit', 'abc'])).toThrow('--commit attend les 40 chiffres hexadécimaux');
    expect(() => parseImportArgs(['a', '--force'])).toThrow('option inconnue « --force »');
  });
});
