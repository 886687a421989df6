/**
 * Issue 14, items 7 and 8: no noise without change (a new date on the same bytes, a run where every table
 * failed), and the smaller faults: a body cut and closed at once is a truncated download, an HTML page served
 * as something else is an HTML page, a run ends with one exit line; and item 6, a bidirectional control in a
 * cell, refused at its line and column by fetch and by data:check.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { tableNames, type TableName } from '../../src/lib/tables.ts';
import {
  allFiles,
  capture,
  copyData,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
  type Captured,
} from '../support/fetch-harness.ts';
import type { ServedResource, UdataServer } from '../support/udata-server.ts';

let dir: string;
let server: UdataServer;
let served: Record<TableName, ServedResource>;
let io: Captured;

async function start(init: { checksum?: null } = {}): Promise<void> {
  dir = await copyData({ history: true });
  server = await startUdataServer();
  served = await publishSnapshot(server, dir);
  if (init.checksum === null) for (const name of tableNames) server.updateResource(served[name].id, { checksum: null });
  io = capture();
  expect(await fetchCommand([], io.effects(server, dir))).toBe(0);
  io.log.length = 0;
  io.out.length = 0;
  server.requests.length = 0;
}

afterEach(async () => {
  await server.close();
  await removeData(dir);
});

const fetch = (args: string[] = ['--strict']) => fetchCommand(args, io.effects(server, dir));
const exitLines = () => io.out.filter((l) => /^Code de sortie/u.test(l));

describe('no noise without change', () => {
  it('a new date on the same bytes, with the same checksum: nothing downloaded, nothing written, run after run', async () => {
    await start();
    const before = await allFiles(dir);
    for (const day of ['2027-01-12', '2027-01-13', '2027-01-14']) {
      for (const name of tableNames)
        server.updateResource(served[name].id, { last_modified: `${day}T08:00:00.000000+00:00` });
      expect(await fetch()).toBe(0);
    }
    expect(server.fileRequests()).toEqual([]);
    expect(await allFiles(dir)).toEqual(before);
    expect(io.out.filter((l) => l.startsWith('Rapport écrit') || l.startsWith('Historique'))).toEqual([]);
  });

  it('a new date on the same bytes, without a checksum: downloaded, found identical, nothing written', async () => {
    await start({ checksum: null });
    const before = await allFiles(dir);
    for (const name of tableNames)
      server.updateResource(served[name].id, { last_modified: '2027-01-14T08:00:00.000000+00:00' });
    expect(await fetch()).toBe(0);
    expect(server.fileBytesSent()).toBeGreaterThan(0);
    expect(io.log.filter((l) => / : téléchargée, contenu identique au fichier actuel : /u.test(l))).toHaveLength(
      tableNames.length,
    );
    expect(await allFiles(dir)).toEqual(before);
  });

  it('a run where every table failed writes no history entry, no report, no manifest', async () => {
    await start();
    for (const name of tableNames) {
      const body = (await tableBytes(dir, name)).toString('utf8').replace(/\n/gu, '\r\n');
      server.updateResource(served[name].id, { body, last_modified: '2027-01-14T08:00:00.000000+00:00' });
      server.misbehave(served[name].id, { kind: 'status', status: 404 });
    }
    const before = await allFiles(dir);
    expect(await fetch()).toBe(2);
    expect(io.out[0]).toMatch(
      new RegExp(`^Bilan : 0 table mise à jour, 0 inchangée, ${tableNames.length} en échec `, 'u'),
    );
    expect(exitLines()).toEqual([expect.stringMatching(/^Code de sortie 2 \(--strict\) : mise à jour incomplète/u)]);
    // Nothing written, history included (allFiles lists data/history/ too).
    expect(await allFiles(dir)).toEqual(before);
  });
});

describe('smaller faults', () => {
  beforeEach(() => start());

  async function republishBudget(): Promise<void> {
    const body = (await tableBytes(dir, 'budget')).toString('utf8').replace(/\n/gu, '\r\n');
    server.updateResource(served.budget.id, { body, last_modified: '2027-01-14T08:00:00.000000+00:00' });
  }

  it('a body cut short and closed at once is a truncated download, not a broken connection', async () => {
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'truncate', bytes: 100, closeAfterMs: 0 });
    const before = await allFiles(dir);
    expect(await fetch()).toBe(2);
    const line = io.log.find((l) => l.startsWith('budget : ÉCHEC'))!;
    expect(line).toMatch(
      /: téléchargement tronqué : (100 octets reçus sur 1 564 octets annoncés|connexion fermée par le serveur avant la fin des 1 564 octets annoncés) \(4 essais\) ; .* Connexion instable : relancez « npm run fetch » plus tard\.$/u,
    );
    expect(line).not.toContain('connexion coupée');
    expect(await allFiles(dir)).toEqual(before);
  });

  it('an HTML page served as plain text, with a size other than announced, is called an HTML page', async () => {
    await republishBudget();
    server.misbehave(served.budget.id, {
      kind: 'body',
      body: '\ufeff  <!DOCTYPE html><html><head><title>Maintenance</title></head><body>Revenez plus tard</body></html>',
      contentType: 'text/plain; charset=utf-8',
    });
    const before = await allFiles(dir);
    expect(await fetch()).toBe(2);
    const line = io.log.find((l) => l.startsWith('budget : ÉCHEC'))!;
    expect(line).toMatch(/: le serveur a renvoyé une page HTML au lieu du fichier CSV \(page d’erreur \?\) ; /u);
    expect(line).not.toMatch(/taille de/u);
    expect(await allFiles(dir)).toEqual(before);
  });

  it('ends with one exit line, whatever the code', async () => {
    // A failed table and a figure « à vérifier »: code 2, said once, with the points to read.
    const old = (await tableBytes(dir, 'chiffres-cles')).toString('utf8');
    server.updateResource(served['chiffres-cles'].id, {
      body: old.replace('\nEIG 3,mentors,21,', '\nEIG 3,mentors,30,'),
    });
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 404 });
    expect(await fetch()).toBe(2);
    expect(exitLines()).toEqual([
      expect.stringMatching(
        /^Code de sortie 2 \(--strict\) : mise à jour incomplète ; .* est cohérent\. \d+ points « à vérifier » dans .* pas encore validés : /u,
      ),
    ]);
    io.out.length = 0;
    expect(await fetch([])).toBe(0);
    expect(exitLines()).toEqual([
      expect.stringMatching(
        /^Code de sortie 0 : .* à relire avant de publier\. .* Avec --strict, ce code serait 2\.$/u,
      ),
    ]);
  });
});

describe('hostile cells', () => {
  beforeEach(() => start());

  it('a défi whose name carries a right-to-left override is refused at its line and column, data/ untouched', async () => {
    const text = (await tableBytes(dir, 'defis')).toString('utf8');
    const body = text.replace('\nAFD - Geodata,', '\nAFD - \u202eGeodata,');
    expect(body).not.toBe(text);
    server.updateResource(served.defis.id, { body });
    const before = await allFiles(dir);
    expect(await fetch()).toBe(2);
    const line = io.log.find((l) => l.startsWith('defis : ÉCHEC'))!;
    expect(line).toMatch(
      /^defis : ÉCHEC, ressource « Liste des défis » \(.*\/defis\.csv\), ligne 2, colonne 1 \(defi\) : caractère de contrôle bidirectionnel U\+202E \(RIGHT-TO-LEFT OVERRIDE\) à la position 7 : il changerait le sens d’écriture du texte affiché après lui ; supprimez-le ; /u,
    );
    expect(line).not.toMatch(/\u202e/u);
    expect(await allFiles(dir)).toEqual(before);
  });

  it('the same edit by hand stops data:check, and so the build, at its line and column', async () => {
    const path = join(dir, 'snapshot', 'defis.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('\nAFD - Geodata,', '\nAFD - \u2067Geodata,'));
    const lines: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(1);
    expect(lines).toContain(
      `${join(dir, 'snapshot')}/defis.csv, ligne 2, colonne 1 (defi) : caractère de contrôle bidirectionnel U+2067 (RIGHT-TO-LEFT ISOLATE) à la position 7 : il changerait le sens d’écriture du texte affiché après lui ; supprimez-le`,
    );
  });

  it('a resource title carrying one is refused with the field, before anything is downloaded', async () => {
    server.updateResource(served.budget.id, { title: 'Budget par \u202epromotion' });
    const before = await allFiles(dir);
    expect(await fetch()).toBe(2);
    expect(io.log).toEqual([
      expect.stringMatching(
        /^Échec : impossible de lister les ressources du jeu de données \(.*\) : la réponse JSON n’a pas la forme d’un jeu de données udata \(champ resources\.1\.title : caractère de contrôle bidirectionnel \(U\+202A–202E, U\+2066–2069\), qui inverserait le texte affiché après lui\) ; /u,
      ),
    ]);
    expect(server.fileRequests()).toEqual([]);
    expect(await allFiles(dir)).toEqual(before);
  });
});
