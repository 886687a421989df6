/**
 * Issue 14, maintainers' hand edits: `npm run data:lock -- DOSSIER` locks the folder it is given (data/ by
 * default), only files the reader accepts, limits included, and records the edit in that folder's history
 * with the manifest; `npm run data:diff` says which data-quality checks an edit breaks: promotions adding up to
 * 77 against the 71 published.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/data-diff.ts';
import { lockCommand, parseLockArgs } from '../../src/commands/lock.ts';
import { checkData } from '../../src/commands/check.ts';
import type { Manifest } from '../../src/lib/manifest.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import { allFiles, REPO_DATA } from '../support/fetch-harness.ts';

const NOW = new Date('2027-01-15T09:30:00.000Z');
const plain = (line: string) => line.replace(/[\u00a0\u202f]/gu, ' ');
let root: string;
let before: string;
let edited: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'eig-edit-'));
  before = join(root, 'avant');
  edited = join(root, 'modifie');
  for (const to of [before, edited])
    await cp(REPO_DATA, to, {
      recursive: true,
      filter: (p) => !p.includes('unmapped') && !p.includes('rapport-mise-a-jour'),
    });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const manifestOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
/** 11 → 17 EIG in promotion 1: the three promotions now add up to 77, against the 71 the report printed. */
async function seventySeven(dir: string): Promise<void> {
  const path = join(dir, 'snapshot', 'chiffres-cles.csv');
  const text = await readFile(path, 'utf8');
  const changed = text.replace('\nEIG 1,eig,11,personnes,', '\nEIG 1,eig,17,personnes,');
  expect(changed).not.toBe(text);
  await writeFile(path, changed);
}

describe('npm run data:lock -- DOSSIER', () => {
  it('reads its folder from the command line, data/ (or EIG_DATA_DIR) otherwise', () => {
    expect(parseLockArgs([], {})).toBe('data');
    expect(parseLockArgs([], { EIG_DATA_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(parseLockArgs(['/tmp/y'], { EIG_DATA_DIR: '/tmp/x' })).toBe('/tmp/y');
    expect(() => parseLockArgs(['a', 'b'], {})).toThrow(
      'un seul dossier, 2 donnés (usage : npm run data:lock [-- DOSSIER] (data/ par défaut))',
    );
    expect(() => parseLockArgs(['--force'], {})).toThrow('option inconnue « --force »');
  });

  it('locks the folder given, and only it, with its history entry', async () => {
    await seventySeven(edited);
    const untouched = await allFiles(before);
    const log: string[] = [];
    expect(await lockCommand([edited], { log: (l) => log.push(l), now: () => NOW, env: {} })).toBe(0);
    expect(log).toEqual([
      'chiffres-cles.csv : empreinte mise à jour (75 lignes)',
      `Historique : ${join(edited, 'history', '2027-01-15-1.json')} ajouté.`,
    ]);
    const manifest = await manifestOf(edited);
    expect(manifest.tables['chiffres-cles']).toMatchObject({ origin: 'publications', updatedAt: NOW.toISOString() });
    expect(manifest.snapshotDate).toBe('2027-01-15');
    const entry = JSON.parse(await readFile(join(edited, 'history', '2027-01-15-1.json'), 'utf8'));
    expect(entry).toMatchObject({ kind: 'lock', snapshotDate: '2027-01-15' });
    expect(entry.tables['chiffres-cles'].changed).toBe(true);
    expect(entry.tables['chiffres-cles'].sha256).toBe(manifest.tables['chiffres-cles'].sha256);
    expect((await readdir(edited)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await checkData([], { env: { EIG_DATA_DIR: edited }, log: () => {} })).toBe(0);
    expect(await allFiles(before)).toEqual(untouched);
  });

  it('refuses a file beyond the site’s limits, writing nothing', async () => {
    const path = join(edited, 'snapshot', 'defis.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('\nAFD - Geodata,', `\n${'AFD '.repeat(600)},`));
    const files = await allFiles(edited);
    await expect(lockCommand([edited], { log: () => {}, now: () => NOW, env: {} })).rejects.toThrow(
      new RegExp(
        `^${join(edited, 'snapshot', 'defis.csv')}, ligne 2, colonne 1 : champ de 2.399 octets, au-delà de 2.000 octets par champ \\(limite du site, fixée dans src/lib/limits\\.ts\\)`,
        'u',
      ),
    );
    expect(await allFiles(edited)).toEqual(files);
  });
});

describe('npm run data:diff and the data-quality checks', () => {
  it('says that promotions adding up to 77 break the total of 71 published, and flags it', async () => {
    await seventySeven(edited);
    const out: string[] = [];
    expect(
      await diffCommand([before, edited, '--strict'], {
        out: (l) => out.push(plain(l)),
        log: () => {},
        now: () => NOW,
      }),
    ).toBe(4);
    const report = JSON.parse(await readFile(join(edited, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    expect(report.quality).toContainEqual(
      expect.objectContaining({ id: 'total-eig', kind: 'cassee', before: 'conforme', after: 'incoherence' }),
    );
    const broken =
      'qualité des données : EIG : le total publié est 71, mais la somme des promotions EIG 1, EIG 2 et EIG 3 donne 77 (incohérence ; avant : conforme)';
    expect(report.flags.map((f) => plain(f.message))).toContain(broken);
    expect(out).toContain('## Qualité des données');
    expect(out).toContain(
      '- **cassée** : EIG : le total publié est 71, mais la somme des promotions EIG 1, EIG 2 et EIG 3 donne 77 (incohérence ; avant : conforme)',
    );
  });
});
