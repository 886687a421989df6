/**
 * `npm run data:diff OLD NEW` on two data folders: the real data/ copied, and a copy modified by hand (figures
 * changed, a row removed, a row added, a header renamed to an alias, resources changed in the manifest) and
 * re-locked with lockData, as a maintainer would. The moves expected are those of the edits, worked out by
 * hand.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/data-diff.ts';
import type { Effects } from '../../src/effects.ts';
import { lockData } from '../../src/commands/lock.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import { parseHistoryEntry } from '../../src/lib/history.ts';
import type { Manifest, ResourceRecord } from '../../src/lib/manifest.ts';
import { REPO_DATA } from '../support/fetch-harness.ts';

const run = promisify(execFile);
const NOW = new Date('2027-01-15T09:30:00.000Z');
const plain = (line: string) => line.replace(/[\u00a0\u202f]/gu, ' ');

let root: string;
let oldDir: string;
let newDir: string;

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, 'snapshot', file);
  const text = await readFile(path, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`${file}: the edit changed nothing (has the real data changed?)`);
  await writeFile(path, changed);
}

const SUIVI_RESOURCE: ResourceRecord = {
  id: 'suivi-2027',
  title: 'Suivi des défis (2027)',
  url: 'https://static.data.gouv.fr/resources/programme/suivi-defis.csv',
  latest: 'https://www.data.gouv.fr/api/1/datasets/r/suivi-2027',
  format: 'csv',
  mime: 'text/csv',
  checksum: { type: 'sha256', value: '0'.repeat(64) },
  filesize: 2000,
  last_modified: '2027-01-10T00:00:00+00:00',
};
const UNMAPPED: ResourceRecord = {
  ...SUIVI_RESOURCE,
  id: 'carte-2027',
  title: 'Carte des défis',
  url: 'https://static.data.gouv.fr/resources/programme/carte.geojson',
  format: 'geojson',
};

/** The edits, and the keys of the rows they touch: any figure that moves must come from one of these. */
const TOUCHED = [
  { table: 'chiffres-cles', key: { promotion: 'EIG 1', indicateur: 'eig' } },
  { table: 'chiffres-cles', key: { promotion: 'EIG 2', indicateur: 'mentors' } },
  { table: 'defis', key: { defi: 'Défi ajouté | *test*', promotion: 'EIG 4' } },
];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'eig-diff-'));
  oldDir = join(root, 'ancien');
  newDir = join(root, 'nouveau');
  const copy = (to: string) =>
    cp(REPO_DATA, to, {
      recursive: true,
      filter: (path) => !path.includes('unmapped') && !path.includes('rapport-mise-a-jour'),
    });
  await copy(oldDir);
  await copy(newDir);
  // 11 → 12 EIG in promotion 1 (+9.1 %: under the 10 % threshold); 18 → 25 mentors in promotion 2 (+38.9 %: over).
  await edit(newDir, 'chiffres-cles.csv', (t) =>
    t
      .replace('\nEIG 1,eig,11,personnes,', '\nEIG 1,eig,12,personnes,')
      .replace('\nEIG 2,mentors,18,personnes,', '\nEIG 2,mentors,25,personnes,'),
  );
  // A row removed (its amount is 0: no sum moves, but the row is gone).
  await edit(newDir, 'budget.csv', (t) => t.replace('EIG 2,2018,liens_recherche,0,realise,rapport-2019-tableau\n', ''));
  // A row added, with text that Markdown would read as markup.
  await edit(
    newDir,
    'defis.csv',
    (t) => `${t}"Défi ajouté | *test*",EIG 4,2020,Administration de test,Paris,75001,dev,1,1,10,,programme-site\n`,
  );
  // The same column under another accepted header.
  await edit(newDir, 'communaute.csv', (t) =>
    t.replace(/^promotion,programme,profil,effectif,source\n/u, 'promotion,programme,profil,nombre,source\n'),
  );
  await lockData(newDir, { log: () => {}, now: () => NOW });
  const manifestPath = join(newDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  manifest.tables['suivi-defis'].resource = SUIVI_RESOURCE;
  manifest.unmapped = [UNMAPPED];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const log: string[] = [];
  const effects: Partial<Effects> = { out: (l) => out.push(plain(l)), log: (l) => log.push(plain(l)), now: () => NOW };
  return { out, log, effects };
}

async function report(): Promise<UpdateReport> {
  return JSON.parse(await readFile(join(newDir, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
}

describe('npm run data:diff on the real snapshot and an edited copy', () => {
  it('exits 4 with --strict because something is « à vérifier », 0 without', async () => {
    const strict = capture();
    expect(await diffCommand([oldDir, newDir, '--strict'], strict.effects)).toBe(4);
    const pending = `\\d+ points « à vérifier » dans ${newDir}/rapport-mise-a-jour\\.md \\(rapport du 15 janvier 2027\\) pas encore validés : relisez le rapport, puis validez-le avec « npm run data:ack -- <code> ${newDir} » \\(le code est à la fin du rapport\\)\\.`;
    expect(strict.out.at(-1)).toMatch(
      new RegExp(`^Code de sortie 4 \\(--strict\\) : ne publiez pas encore\\. ${pending}$`, 'u'),
    );

    const relaxed = capture();
    expect(await diffCommand([oldDir, newDir], relaxed.effects)).toBe(0);
    expect(relaxed.out.at(-1)).toMatch(new RegExp(`^${pending} Avec --strict, le code de sortie serait 4\\.$`, 'u'));
    // The same comparison made twice is one report to read: its points are not carried over twice.
    expect((await report()).unreviewed).toEqual([]);
  });

  it('reports the two figures of the promotions chart that moved, old → new, with their relative change', async () => {
    const promotions = (await report()).charts.find((c) => c.slug === 'promotions')!;
    expect(
      promotions.moved.map(({ row, column, before, after, change, relative, flag }) => ({
        row,
        column,
        before,
        after,
        change,
        relative,
        flag,
      })),
    ).toEqual([
      {
        row: 'EIG 1 · EIG',
        column: 'valeur',
        before: 11,
        after: 12,
        change: 1,
        relative: expect.closeTo(1 / 11, 12),
        flag: null,
      },
      {
        row: 'EIG 2 · Mentors',
        column: 'valeur',
        before: 18,
        after: 25,
        change: 7,
        relative: expect.closeTo(7 / 18, 12),
        flag: 'écart de plus de 10\u00a0%',
      },
    ]);
    // 15 figures of the report and the original site's 3 « nouveaux EIG »; once the report's EIG 1 and its EIG 2
    // mentors no longer match the original site's, the original's figures get their own bars.
    expect([promotions.rowsBefore, promotions.rowsAfter, promotions.removed]).toEqual([18, 20, []]);
    expect(promotions.added.map((a) => a.row)).toEqual([
      'EIG 1 · EIG (site d’origine)',
      'EIG 2 · Mentors (site d’origine)',
    ]);
    // The move points at the edited line of chiffres-cles.csv (line 7).
    expect(promotions.moved[1]!.from).toEqual([
      {
        table: 'chiffres-cles',
        line: 7,
        key: { promotion: 'EIG 2', indicateur: 'mentors' },
        source: 'rapport-2019-tableau',
      },
    ]);
  });

  it('reports moves only in charts drawn from an edited row', async () => {
    const r = await report();
    const touched = (ref: { table: string; key: Record<string, string> }) =>
      TOUCHED.some((t) => t.table === ref.table && JSON.stringify(t.key) === JSON.stringify(ref.key));
    const moved = r.charts.filter((c) => c.moved.length > 0);
    expect(moved.map((c) => c.slug)).toContain('promotions');
    // Per chart rather than per figure: a row's provenance may not cover every number of the row.
    for (const chart of moved)
      expect(
        chart.moved.some((m) => m.from.some(touched)),
        chart.slug,
      ).toBe(true);
    expect(r.charts.filter((c) => c.error)).toEqual([]);
  });

  it('flags the large move and the removed row at the top of the report', async () => {
    const r = await report();
    const ours = r.flags.filter((f) => f.chart === 'promotions' || f.table !== undefined).map((f) => plain(f.message));
    expect(ours).toEqual([
      '« Les promotions EIG : entrepreneurs, mentors, défis et services » (promotions) : EIG 2 · Mentors — Nombre : 18 → 25 (+7, +38,9 %), écart de plus de 10 %',
      'budget.csv : ligne supprimée (promotion = EIG 2, poste = liens_recherche ; ligne 19 de l’ancien fichier)',
    ]);
    const markdown = plain(await readFile(join(newDir, 'rapport-mise-a-jour.md'), 'utf8'));
    const top = markdown.slice(0, markdown.indexOf('\n## Chiffres des graphiques'));
    for (const message of ours) expect(top).toContain(`- **à vérifier** : ${message.replace(/[|*]/gu, '\\$&')}`);
  });

  it('reports rows by natural key, the renamed header and the resources', async () => {
    const r = await report();
    const table = (name: string) => r.tables.find((t) => t.table === name)!;
    expect(table('chiffres-cles').changed).toEqual([
      {
        key: { promotion: 'EIG 1', indicateur: 'eig' },
        lineBefore: 2,
        lineAfter: 2,
        columns: [{ column: 'valeur', before: 11, after: 12 }],
      },
      {
        key: { promotion: 'EIG 2', indicateur: 'mentors' },
        lineBefore: 7,
        lineAfter: 7,
        columns: [{ column: 'valeur', before: 18, after: 25 }],
      },
    ]);
    expect(table('budget')).toMatchObject({ rowsBefore: 24, rowsAfter: 23, added: [], changed: [] });
    expect(table('budget').removed).toEqual([{ key: { promotion: 'EIG 2', poste: 'liens_recherche' }, line: 19 }]);
    expect(table('defis')).toMatchObject({ rowsBefore: 71, rowsAfter: 72, removed: [], changed: [] });
    expect(table('defis').added).toEqual([{ key: { defi: 'Défi ajouté | *test*', promotion: 'EIG 4' }, line: 73 }]);
    expect(table('communaute')).toMatchObject({ added: [], removed: [], changed: [] });
    expect(table('communaute').schema.renamed).toEqual([{ column: 'effectif', before: 'effectif', after: 'nombre' }]);
    expect(r.tables.map((t) => t.table).sort()).toEqual(['budget', 'chiffres-cles', 'communaute', 'defis']);
    expect(r.resources.map((c) => [c.kind, c.table, c.after?.id])).toEqual([
      ['associee', 'suivi-defis', 'suivi-2027'],
      ['non-reconnue-apparue', null, 'carte-2027'],
    ]);
  });

  it('prints the report it writes, in Markdown, data text escaped', async () => {
    const io = capture();
    await diffCommand([oldDir, newDir], io.effects);
    const markdown = plain(await readFile(join(newDir, 'rapport-mise-a-jour.md'), 'utf8'));
    const printed = io.out.slice(0, io.out.findIndex((l) => l.startsWith('Rapport écrit dans')) - 1);
    expect(printed.join('\n') + '\n').toBe(markdown);
    expect(io.out).toContain(
      `Rapport écrit dans ${join(newDir, 'rapport-mise-a-jour.md')} (et ${join(newDir, 'rapport-mise-a-jour.json')}).`,
    );
    expect(markdown).toContain('- ajoutée : defi = Défi ajouté \\| \\*test\\*, promotion = EIG 4 (ligne 73)');
    expect(markdown).toContain('- modifiée : promotion = EIG 2, indicateur = mentors (ligne 7) : valeur 18 → 25');
    expect(markdown).toContain('| EIG 1 · EIG | Nombre | 11 | 12 | +1, +9,1 % |  |');
  });

  it('records the hand edit in the history when the copy is re-locked', async () => {
    const names = (await readdir(join(newDir, 'history'))).sort();
    expect(names).toEqual([...(await readdir(join(REPO_DATA, 'history'))).sort(), '2027-01-15-1.json']);
    const entry = parseHistoryEntry(
      await readFile(join(newDir, 'history', '2027-01-15-1.json'), 'utf8'),
      '2027-01-15-1.json',
    );
    expect(entry.kind).toBe('lock');
    expect(
      Object.entries(entry.tables)
        .filter(([, t]) => t.changed)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['budget', 'chiffres-cles', 'communaute', 'defis']);
    expect(entry.tables.budget!.rows).toBe(23);
  });
});

describe('npm run data:diff refuses what it cannot compare', () => {
  it('needs two folders', async () => {
    await expect(diffCommand([oldDir])).rejects.toThrow(/^il faut deux dossiers, 1 donné \(usage : npm run data:diff/u);
    await expect(diffCommand([oldDir, newDir, '--vite'])).rejects.toThrow(/^option inconnue « --vite »/u);
  });

  it('names the folder, the file, the line and the problem of a snapshot it cannot read', async () => {
    const missing = join(root, 'absent');
    await expect(diffCommand([oldDir, missing])).rejects.toThrow(`${missing} : dossier de données introuvable`);
    await expect(diffCommand([missing, oldDir])).rejects.toThrow(
      `${missing} : pas un dossier de données (aucune table dans ${missing}/snapshot/)`,
    );
    const broken = join(root, 'illisible');
    await cp(oldDir, broken, { recursive: true });
    await edit(broken, 'budget.csv', (t) =>
      t.replace('EIG 1,2017,enveloppe_pia,800000', 'EIG 1,2017,enveloppe_pia,huit'),
    );
    const error = await diffCommand([oldDir, broken]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^instantané ${broken} illisible : ${broken}/snapshot/budget\\.csv, ligne \\d+, colonne 4 \\(montant_eur\\) : `,
        'u',
      ),
    );
    expect((error as Error).message).not.toMatch(/\n/u);
  });
});

describe('npm run data:diff on folders edited by hand and not locked', () => {
  it('compares a folder whose files no longer match its manifest, naming its own manifest and how to lock it', async () => {
    const edited = join(root, 'modifie');
    await cp(oldDir, edited, { recursive: true });
    // 800 000 → 900 000 €: +12,5 %, « à vérifier ».
    await edit(edited, 'budget.csv', (t) =>
      t.replace('EIG 1,2017,enveloppe_pia,800000', 'EIG 1,2017,enveloppe_pia,900000'),
    );
    const io = capture();
    expect(await diffCommand([oldDir, edited, '--strict'], io.effects)).toBe(4);
    expect(io.log).toEqual([
      `${edited} : non verrouillé, budget.csv ne correspond plus à ${edited}/manifest.json (modifié à la main ?) ; comparé tel quel. Pour le verrouiller : npm run data:lock -- ${edited}.`,
    ]);
    const written = JSON.parse(await readFile(join(edited, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    expect(written.tables.map((t) => [t.table, t.changed.map((c) => c.columns)])).toEqual([
      ['budget', [[{ column: 'montant_eur', before: 800000, after: 900000 }]]],
    ]);
    expect(written.flags.map((f) => plain(f.message))).toContainEqual(
      expect.stringMatching(/800 000 € → 900 000 € \(\+100 000 €, \+12,5 %\)/u),
    );
  });

  it('compares a folder that has no manifest at all, and says so', async () => {
    const bare = join(root, 'sans-manifeste');
    await cp(oldDir, bare, { recursive: true });
    await rm(join(bare, 'manifest.json'));
    await edit(bare, 'chiffres-cles.csv', (t) => t.replace('\nEIG 1,eig,11,personnes,', '\nEIG 1,eig,12,personnes,'));
    const io = capture();
    expect(await diffCommand([oldDir, bare], io.effects)).toBe(0);
    expect(io.log).toEqual([
      `${bare} : pas de manifest.json, dossier jamais verrouillé ; comparé tel quel (sans provenance ni date d’instantané : celle du jour est prise). Pour le verrouiller : npm run data:lock -- ${bare}.`,
    ]);
    const written = JSON.parse(await readFile(join(bare, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    expect(written.tables.map((t) => [t.table, t.changed.map((c) => c.columns)])).toEqual([
      ['chiffres-cles', [[{ column: 'valeur', before: 11, after: 12 }]]],
    ]);
  });

  it('runs from the command line with the exit codes it documents', async () => {
    const cli = (args: string[]) =>
      run('npx', ['vite-node', 'scripts/data-diff.ts', '--', ...args], { cwd: join(REPO_DATA, '..') }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const flagged = await cli([oldDir, newDir, '--strict']);
    expect(flagged.code).toBe(4);
    expect(flagged.stdout).toContain('Code de sortie 4 (--strict)');
    const same = await cli([oldDir, oldDir, '--strict']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('## À vérifier : rien');
    const bad = await cli([oldDir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter((l) => l.startsWith('Erreur : '))).toEqual([
      `Erreur : il faut deux dossiers, 1 donné (usage : npm run data:diff -- ANCIEN NOUVEAU [--strict] (deux dossiers de données, chacun avec snapshot/ et manifest.json))`,
    ]);
  }, 60_000);
});
