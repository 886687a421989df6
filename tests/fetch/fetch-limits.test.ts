/**
 * Issue 14, items 2, 3 and the unmapped resources of item 8: what the site accepts (rows per table, bytes per
 * field, bytes per table and for the snapshot) is checked before anything is committed, and a table at every
 * limit is accepted, reported in a readable report and recorded; deadlines give up a server dripping bytes,
 * each download and the whole run. Every refusal: one line, the exit code, data/ byte-identical.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
import {
  allFiles,
  capture,
  copyData,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
  TITLES,
  type Captured,
} from '../support/fetch-harness.ts';
import { plainSpaces } from '../support/dist.ts';
import { grownTable, largeDefis } from '../support/large-table.ts';
import type { ServedResource, UdataServer } from '../support/udata-server.ts';

let dir: string;
let server: UdataServer;
let served: Record<TableName, ServedResource>;
let io: Captured;

beforeEach(async () => {
  dir = await copyData({ history: true });
  server = await startUdataServer();
  served = await publishSnapshot(server, dir);
  io = capture();
  // The manifest records the server's resources: from now on, only a change of bytes is an update.
  expect(await fetchCommand([], io.effects(server, dir))).toBe(0);
  io.log.length = 0;
  io.out.length = 0;
  server.requests.length = 0;
});

afterEach(async () => {
  await server.close();
  await removeData(dir);
});

const fetch = (args: string[]) => fetchCommand(args, io.effects(server, dir));
const snapshotDate = async () =>
  (JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { snapshotDate: string }).snapshotDate;

async function checkPasses(): Promise<void> {
  const lines: string[] = [];
  expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) }), lines.join('\n')).toBe(0);
}

/** The one ÉCHEC line of `table`. */
function failure(table: TableName): string {
  const lines = io.log.filter((l) => l.startsWith(`${table} : ÉCHEC`));
  expect(lines, io.log.join('\n')).toHaveLength(1);
  expect(lines[0]).toContain(`${join(dir, 'snapshot', tables[table].file)} gardé tel quel`);
  return lines[0]!;
}

const TOO_LARGE =
  'Ce n’est sans doute pas le bon fichier : vérifiez la ressource sur data.gouv.fr ; si c’est bien elle, la limite du site (src/lib/limits.ts) est à revoir, construction du site comprise.';

describe('what the site accepts', () => {
  it('an honestly announced 50 MB défis table (274 173 rows) is refused before it is downloaded', async () => {
    const row = (i: number) =>
      `Défi ${i},EIG ${1 + (i % 4)},2019,Administration ${i % 50},Paris,75007,dev;datascience,1,1,10,https://code.example/defis/${i}/abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789,programme-site\n`;
    const parts = [
      'defi,promotion,annee,administration,commune,code_postal,competences,nb_eig,nb_mentors,duree_mois,code_source,source\n',
    ];
    for (let i = 0; i < 274_173; i++) parts.push(row(i));
    const body = Buffer.from(parts.join(''));
    expect(body.byteLength).toBeGreaterThan(50_000_000);
    server.updateResource(served.defis.id, { body, last_modified: '2027-01-14T00:00:00.000000+00:00' });
    const before = await allFiles(dir);

    expect(await fetch(['--strict'])).toBe(2);
    expect(failure('defis')).toMatch(
      new RegExp(
        `^defis : ÉCHEC, ressource « Liste des défis » \\(.*\\) : ${(body.byteLength / 1e6).toFixed(1).replace('.', ',')} Mo annoncés par data\\.gouv\\.fr, au-delà de 1 Mo par table \\(limite du site, fixée dans src/lib/limits\\.ts\\) : rien n’est téléchargé ; .* ${TOO_LARGE.replace(/[.()]/gu, '\\$&')}$`,
        'u',
      ),
    );
    expect(server.fileBytesSent()).toBe(0);
    expect(io.out.filter((l) => l.startsWith('Code de sortie'))).toEqual([
      expect.stringMatching(/^Code de sortie 2 \(--strict\) : mise à jour incomplète/u),
    ]);
    expect(await allFiles(dir)).toEqual(before);
    await checkPasses();
  });

  it('one row more than a table may have, under 1 MB: refused at the line of the first row too many', async () => {
    const body = largeDefis(2_001, 100);
    expect(body.byteLength).toBeLessThan(1_000_000);
    server.updateResource(served.defis.id, { body });
    const before = await allFiles(dir);
    expect(await fetch(['--strict'])).toBe(2);
    expect(failure('defis')).toMatch(
      /^defis : ÉCHEC, ressource « Liste des défis » \(.*\/defis\.csv\), ligne 2002 : 2 001 lignes de données, au-delà de 2 000 par table \(limite du site, fixée dans src\/lib\/limits\.ts\) ; .* gardé tel quel\. Ce n’est sans doute pas le bon fichier/u,
    );
    expect(await allFiles(dir)).toEqual(before);
  });

  it('one field longer than a field may be: refused at its line and column', async () => {
    const text = (await tableBytes(dir, 'defis')).toString('utf8');
    const lines = text.split('\n');
    const cells = lines[4]!.split(',');
    cells[3] = `"${'Administration très longue '.repeat(80).slice(0, 1_990)}"`;
    lines[4] = cells.join(',');
    server.updateResource(served.defis.id, { body: lines.join('\n') });
    const before = await allFiles(dir);
    expect(await fetch(['--strict'])).toBe(2);
    expect(failure('defis')).toMatch(
      /^defis : ÉCHEC, ressource « Liste des défis » \(.*\/defis\.csv\), ligne 5, colonne 4 : champ de 2 0\d\d octets, au-delà de 2 000 octets par champ \(limite du site, fixée dans src\/lib\/limits\.ts\) ; il commence par « Administration très longue Administratio… » ; /u,
    );
    expect(await allFiles(dir)).toEqual(before);
  });

  it('updates that are each accepted but together exceed 4 MB: none is put in place', async () => {
    const grown: Record<string, [string, number]> = {
      budget: ['poste', 1_900],
      'chiffres-cles': ['indicateur', 1_900],
      communaute: ['profil', 1_900],
      'suivi-defis': ['categorie', 1_900],
    };
    let total = 0;
    for (const [table, [vary, rows]] of Object.entries(grown) as [TableName, [string, number]][]) {
      const body = grownTable((await tableBytes(dir, table)).toString('utf8'), vary, rows, 500);
      total += body.byteLength;
      server.updateResource(served[table].id, { body });
    }
    const defis = largeDefis();
    total += defis.byteLength;
    server.updateResource(served.defis.id, { body: defis });
    const before = await allFiles(dir);

    expect(await fetch(['--strict'])).toBe(2);
    // Each one passed on its own…
    expect(io.log.filter((l) => / : mise à jour depuis /u.test(l))).toHaveLength(5);
    // …and all are refused together, in one line.
    let others = 0;
    for (const name of tableNames.filter((n) => n !== 'defis' && !(n in grown)))
      others += (await tableBytes(dir, name)).byteLength;
    expect(io.log).toContain(
      `Échec : avec ces mises à jour, les tables feraient ${((total + others) / 1e6).toFixed(1).replace('.', ',')} Mo, au-delà de 4 Mo pour l’instantané (limite du site, fixée dans src/lib/limits.ts) : rien n’est remplacé, l’instantané du ${await snapshotDate()} est gardé tel quel. ${TOO_LARGE}`,
    );
    const unchanged = tableNames.length - 5;
    expect(io.out[0]).toMatch(
      new RegExp(`^Bilan : 0 table mise à jour, ${unchanged} inchangées?, 5 en échec \\(`, 'u'),
    );
    expect(await allFiles(dir)).toEqual(before);
    await checkPasses();
  });

  it('a défis table at every limit is accepted, reported in a few hundred lines, and recorded', async () => {
    const body = largeDefis();
    server.updateResource(served.defis.id, { body, last_modified: '2027-01-14T00:00:00.000000+00:00' });
    const started = performance.now();
    expect(await fetch([])).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(await tableBytes(dir, 'defis')).toEqual(body);
    await checkPasses();

    const markdown = plainSpaces(await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8'));
    expect(markdown.split('\n').length).toBeLessThan(400);
    expect(markdown.length).toBeLessThan(100_000);
    expect(markdown).toContain('- … et 1 975 autres lignes ajoutées (liste complète dans rapport-mise-a-jour.json)');
    // The 71 défis of the snapshot are gone from the new table: each is « à vérifier », 25 of them listed.
    expect(markdown).toContain(
      '- … et 46 autres points « à vérifier » : lignes supprimées (defis) (liste complète dans rapport-mise-a-jour.json)',
    );
    const report = JSON.parse(await readFile(join(dir, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
    const defis = report.tables.find((t) => t.table === 'defis')!;
    expect([defis.rowsBefore, defis.rowsAfter, defis.added.length, defis.removed.length]).toEqual([71, 2000, 2000, 71]);
    // What was printed is the report, not more.
    expect(io.out.join('\n').length).toBeLessThan(markdown.length + 2_000);
    const history = (await readdir(join(dir, 'history'))).filter((n) => n.endsWith('.json')).sort();
    // The copied snapshot's own entries, then the two of this test's updates (dated by its clock).
    expect(history.filter((n) => n.startsWith('2027-'))).toEqual(['2027-01-15-1.json', '2027-01-15-2.json']);
    expect(history.filter((n) => !n.startsWith('2027-'))).toEqual(
      (await readdir(join('data', 'history'))).filter((n) => n.endsWith('.json')).sort(),
    );
  }, 30_000);
});

describe('deadlines', () => {
  /** Every table republished with other bytes, every file dripped a byte every 20 ms. */
  async function dripEverything(): Promise<void> {
    for (const name of tableNames) {
      const body = (await tableBytes(dir, name)).toString('utf8').replace(/\n/gu, '\r\n');
      server.updateResource(served[name].id, { body });
      server.misbehave(served[name].id, { kind: 'slow', chunkBytes: 1, intervalMs: 20 });
    }
  }

  it('a server dripping one byte at a time: the first download gives up at its deadline, the run at its own, data/ untouched', async () => {
    await dripEverything();
    const before = await allFiles(dir);
    const started = performance.now();
    // --timeout 0,25: 1,5 s per download, 3 s in all (as --timeout 5 gives 30 s and 60 s).
    expect(await fetch(['--strict', '--timeout', '0.25'])).toBe(2);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(2_900);
    expect(elapsed).toBeLessThan(6_000);

    // Tables are fetched in order: the first gives up at its own deadline, the second at the run's, the others
    // are not even tried.
    const [first, second, ...rest] = tableNames;
    expect(failure(first!)).toMatch(
      new RegExp(
        `^${first} : ÉCHEC, ressource « ${TITLES[first!]} » \\(.*\\) : téléchargement pas fini après 1,5 s \\(\\d+ octets reçus sur [\\d ]+ octets\\) : le serveur envoie trop lentement ; .* Relancez « npm run fetch » plus tard, ou allongez le délai par fichier avec --download-deadline <secondes>\\.$`,
        'u',
      ),
    );
    expect(failure(second!)).toMatch(
      / : délai total de la mise à jour \(3 s\) dépassé \(\d+ octets reçus sur [\d ]+ octets\) ; .* Relancez « npm run fetch » plus tard, ou allongez le délai total avec --deadline <secondes>\.$/u,
    );
    for (const name of rest) expect(failure(name)).toMatch(/ : délai total de la mise à jour \(3 s\) dépassé ; /u);
    expect(io.log).toContain(
      `Délai total de la mise à jour (3 s) dépassé : rien n’est remplacé, l’instantané du ${await snapshotDate()} est gardé tel quel. Relancez « npm run fetch » plus tard, ou allongez le délai total avec --deadline <secondes>.`,
    );
    expect(io.out.at(-1)).toMatch(/^Code de sortie 2 \(--strict\) : mise à jour incomplète/u);
    expect(await allFiles(dir)).toEqual(before);
    await checkPasses();
  }, 20_000);

  it('one dripping file among others: that table fails at its deadline, the others are updated', async () => {
    const fresh: Partial<Record<TableName, Buffer>> = {};
    for (const name of tableNames) {
      fresh[name] = Buffer.from((await tableBytes(dir, name)).toString('utf8').replace(/\n/gu, '\r\n'));
      server.updateResource(served[name].id, { body: fresh[name] });
    }
    server.misbehave(served.budget.id, { kind: 'slow', chunkBytes: 1, intervalMs: 20 });
    const old = await tableBytes(dir, 'budget');
    expect(await fetch(['--strict', '--timeout', '0.1', '--deadline', '30'])).toBe(2);
    expect(failure('budget')).toMatch(
      / : téléchargement pas fini après 0,6 s \(\d+ octets reçus sur 1 564 octets\) : le serveur envoie trop lentement ; /u,
    );
    expect(await tableBytes(dir, 'budget')).toEqual(old);
    for (const name of tableNames.filter((n) => n !== 'budget'))
      expect(await tableBytes(dir, name)).toEqual(fresh[name]);
    await checkPasses();
  });

  it('a dataset listing that drips: the run gives up at the download deadline, data/ untouched', async () => {
    server.misbehave('dataset', { kind: 'slow', chunkBytes: 1, intervalMs: 20 });
    const before = await allFiles(dir);
    const started = performance.now();
    expect(await fetch(['--strict', '--timeout', '0.2'])).toBe(2);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(io.log).toEqual([
      expect.stringMatching(
        /^Échec : impossible de lister les ressources du jeu de données \(.*\) : téléchargement pas fini après 1,2 s \(\d+ octets reçus sur [\d ]+ octets\) : le serveur envoie trop lentement ; l’instantané du .* est gardé tel quel\./u,
      ),
    ]);
    expect(await allFiles(dir)).toEqual(before);
  });
});

describe('resources no table maps', () => {
  it('are not downloaded beyond what a table may weigh: announced, or found on the way', async () => {
    const big = server.addResource({ title: 'Archive complète', format: 'zip', body: 'PK', filesize: 200_000_000 });
    const endless = server.addResource({ title: 'Export brut', format: 'json', body: '{}', filesize: null });
    server.misbehave(endless.id, { kind: 'huge', bytes: 30_000_000 });
    expect(await fetch(['--keep', 'all'])).toBe(0);
    const address = (r: ServedResource) => `${server.base}/api/1/datasets/r/${r.id}`;
    expect(io.log).toContain(
      `ressource non reconnue : « Archive complète » (zip, ${big.id}, adresse ${address(big)}) notée dans ${join(dir, 'manifest.json')}, mais pas gardée : 200,0 Mo annoncés, au-delà de 1 Mo (limite du site, fixée dans src/lib/limits.ts), rien n’est téléchargé ; si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts.`,
    );
    expect(io.log).toContain(
      `ressource non reconnue : « Export brut » (json, ${endless.id}, adresse ${address(endless)}) notée dans ${join(dir, 'manifest.json')}, mais pas gardée : réponse trop grosse (plus de 1,0 Mo reçus, limite 1,0 Mo) : téléchargement interrompu ; si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts.`,
    );
    expect(server.fileRequests().filter((r) => r.path.includes(big.id))).toEqual([]);
    expect(server.fileBytesSent()).toBeLessThan(10_000_000);
    expect(await readdir(join(dir, 'unmapped')).catch(() => [])).toEqual([]);
  });
});
