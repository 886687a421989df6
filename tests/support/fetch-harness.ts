/**
 * What the fetch tests share: a temporary copy of data/, the udata test server serving the snapshot's own
 * tables, effects that capture every printed line and every wait, and a fingerprint of the data folder to
 * prove that a failure left it byte-identical.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effects } from '../../src/effects.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
import { startUdataServer, type ServedResource, type UdataServer } from './udata-server.ts';

export const REPO_DATA = join(import.meta.dirname, '..', '..', 'data');

/** Titles under which the test server publishes each table (each matches exactly one table's pattern). */
export const TITLES: Record<TableName, string> = {
  'chiffres-cles': 'Chiffres clés par promotion',
  budget: 'Budget par promotion',
  enquetes: 'Résultats des enquêtes',
  defis: 'Liste des défis',
  communaute: 'Communauté par profil',
  'suivi-defis': 'Suivi des défis',
  'eig-forever-2019': 'Chiffres du site data.eig-forever.org (2019)',
  'carte-2019': 'Carte des services d’accueil (data.eig-forever.org, 2019)',
  'defis-2017-2023': 'Tous les défis 2017-2023',
  'communaute-2017-2023': 'Personnes par promotion, rôle et expertise (2017-2023)',
  organismes: 'Organismes d’accueil des défis',
};

/** A copy of data/ (manifest, snapshot, publications, and the history when asked) in a temporary folder. */
export async function copyData({ history = false } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'eig-fetch-'));
  await cp(join(REPO_DATA, 'snapshot'), join(dir, 'snapshot'), { recursive: true });
  await cp(join(REPO_DATA, 'manifest.json'), join(dir, 'manifest.json'));
  await cp(join(REPO_DATA, 'publications.csv'), join(dir, 'publications.csv'));
  if (history) await cp(join(REPO_DATA, 'history'), join(dir, 'history'), { recursive: true });
  return dir;
}

export async function removeData(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file of the snapshot folder (hidden ones included) and the manifest, by name. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(dir, 'snapshot'))).sort()) {
    files[`snapshot/${name}`] = (await readFile(join(dir, 'snapshot', name))).toString('base64');
  }
  files['manifest.json'] = (await readFile(join(dir, 'manifest.json'))).toString('base64');
  return files;
}

/**
 * Every file of the data folder, whatever its depth (history/, reports, unmapped/, hidden files), by path:
 * equal before and after means the folder is byte-identical.
 */
export async function allFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

export async function tableBytes(dir: string, table: TableName): Promise<Buffer> {
  return readFile(join(dir, 'snapshot', tables[table].file));
}

/** Publishes every table of `dir` on the server, with the bytes of the snapshot. */
export async function publishSnapshot(server: UdataServer, dir: string): Promise<Record<TableName, ServedResource>> {
  const served = {} as Record<TableName, ServedResource>;
  for (const name of tableNames) {
    served[name] = server.addResource({
      title: TITLES[name],
      body: await tableBytes(dir, name),
      fileName: tables[name].file,
    });
  }
  return served;
}

export interface Captured {
  log: string[];
  out: string[];
  sleeps: number[];
  effects: (server: { base: string } | string, dir: string) => Partial<Effects>;
}

/** French number formatting separates thousands with a narrow no-break space; tests write a plain one. */
const plain = (line: string) => line.replace(/[\u202f\u00a0]/gu, ' ');

export const NOW = new Date('2027-01-15T09:30:00.000Z');

/** Effects that record what is printed and how long the code asked to wait (without waiting). */
export function capture(): Captured {
  const captured: Captured = {
    log: [],
    out: [],
    sleeps: [],
    effects: (server, dir) => ({
      env: { EIG_API_BASE: typeof server === 'string' ? server : server.base, EIG_DATA_DIR: dir },
      log: (line) => captured.log.push(plain(line)),
      out: (line) => captured.out.push(plain(line)),
      sleep: async (ms) => {
        captured.sleeps.push(ms);
      },
      now: () => NOW,
    }),
  };
  return captured;
}

export { startUdataServer };

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, ’, œ…). Written out here rather than derived from
 * TextDecoder, which in some Node 20 releases decodes 'windows-1252' as Latin-1 (nodejs/node#60888).
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const windows1252 = new Map(
  Array.from(
    { length: 256 },
    (_, byte) => [byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte), byte] as const,
  ),
);

/** Encodes text as Windows-1252, as a spreadsheet on French Windows saves it. */
export function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const byte = windows1252.get(char);
      if (byte === undefined) throw new Error(`not in Windows-1252: ${char}`);
      return byte;
    }),
  );
}
