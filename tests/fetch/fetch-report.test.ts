/**
 * `npm run fetch` against the udata test server, seen from the update report: a fetch that changes the snapshot
 * prints and writes the report of old vs new and appends an entry to data/history/; a fetch that changes
 * nothing writes neither; `--strict` refuses (code 4) an update with something « à vérifier ».
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { readManifest } from '../../src/load/snapshot-io.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import { parseHistoryEntry, type HistoryEntry } from '../../src/lib/history.ts';
import type { TableName } from '../../src/lib/tables.ts';
import {
  capture,
  copyData,
  publishSnapshot,
  REPO_DATA,
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

beforeEach(async () => {
  dir = await copyData({ history: true });
  server = await startUdataServer();
  served = await publishSnapshot(server, dir);
  io = capture();
});

afterEach(async () => {
  await server.close();
  await removeData(dir);
});

const fetch = (args: string[] = []) => fetchCommand(args, io.effects(server, dir));
const reportJson = async () =>
  JSON.parse(await readFile(join(dir, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
const historyNames = async (folder = join(dir, 'history')) =>
  (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
const historyEntry = async (name: string): Promise<HistoryEntry> =>
  parseHistoryEntry(await readFile(join(dir, 'history', name), 'utf8'), name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('npm run fetch and the update report', () => {
  it('reports the resources a first fetch records, and keeps them in the history', async () => {
    expect(await fetch()).toBe(0);

    const report = await reportJson();
    expect(report.flags).toEqual([]);
    expect(report.charts).toEqual([]);
    expect(report.tables).toEqual([]);
    expect(report.resources.map((r) => [r.kind, r.table, r.after?.id])).toEqual(
      (Object.keys(served) as TableName[]).map((t) => ['associee', t, served[t].id]),
    );
    expect(io.out).toContain('## À vérifier : rien');
    expect(io.out).toContain(
      `Rapport écrit dans ${join(dir, 'rapport-mise-a-jour.md')} (et ${join(dir, 'rapport-mise-a-jour.json')}).`,
    );

    expect(await historyNames()).toEqual([...(await historyNames(join(REPO_DATA, 'history'))), '2027-01-15-1.json']);
    const entry = await historyEntry('2027-01-15-1.json');
    expect(entry.kind).toBe('fetch');
    expect(entry.date).toBe('2027-01-15T09:30:00.000Z');
    for (const name of Object.keys(served) as TableName[]) {
      const bytes = await tableBytes(dir, name);
      expect(entry.tables[name]).toEqual({
        file: served[name].fileName,
        origin: 'data.gouv.fr',
        resource: {
          id: served[name].id,
          title: served[name].title,
          url: `${server.base}/files/${served[name].id}/${served[name].fileName}`,
          checksum: { type: 'sha256', value: sha256(bytes) },
          last_modified: served[name].last_modified,
        },
        sha256: sha256(bytes),
        rows: entry.tables[name]!.rows,
        changed: false,
      });
    }
    expect(entry.summary!.moved).toEqual([]);
    expect(io.out).toContain(`Historique : ${join(dir, 'history', '2027-01-15-1.json')} ajouté.`);
  });

  it('writes no report and no history entry when nothing changed', async () => {
    await fetch();
    const report = await stat(join(dir, 'rapport-mise-a-jour.md'));
    io.out.length = 0;
    expect(await fetch(['--strict'])).toBe(0);
    expect(await historyNames()).toEqual([...(await historyNames(join(REPO_DATA, 'history'))), '2027-01-15-1.json']);
    expect((await stat(join(dir, 'rapport-mise-a-jour.md'))).mtimeMs).toBe(report.mtimeMs);
    expect(io.out.some((l) => l.startsWith('Rapport écrit'))).toBe(false);
  });

  it('reports the figures an update moved, records them, and refuses it with --strict when they are « à vérifier »', async () => {
    await fetch();
    const old = (await tableBytes(dir, 'chiffres-cles')).toString('utf8');
    // 21 → 30 mentors in promotion 3: +9, +42.9 %, over the 10 % threshold.
    const body = old.replace('\nEIG 3,mentors,21,personnes,', '\nEIG 3,mentors,30,personnes,');
    expect(body).not.toBe(old);
    server.updateResource(served['chiffres-cles'].id, { body, last_modified: '2027-01-14T08:00:00.000000+00:00' });
    io.out.length = 0;

    expect(await fetch(['--strict'])).toBe(4);
    expect(io.out.at(-1)).toMatch(
      /^Code de sortie 4 \(--strict\) : ne publiez pas encore\. \d+ points? « à vérifier » dans .*\/rapport-mise-a-jour\.md \(rapport du 15 janvier 2027\) pas encore validés? : relisez le rapport, puis validez-le avec « npm run data:ack -- <code> \/tmp\/eig-fetch-\w+ » \(le code est à la fin du rapport\)\.$/u,
    );
    expect(io.out.filter((l) => l.startsWith('Code de sortie'))).toHaveLength(1);

    const report = await reportJson();
    const promotions = report.charts.find((c) => c.slug === 'promotions')!;
    expect(
      promotions.moved.map(({ row, before, after, change, relative, flag }) => ({
        row,
        before,
        after,
        change,
        relative,
        flag,
      })),
    ).toEqual([
      {
        row: 'EIG 3 · Mentors',
        before: 21,
        after: 30,
        change: 9,
        relative: expect.closeTo(9 / 21, 12),
        flag: 'écart de plus de 10\u00a0%',
      },
    ]);
    expect(report.tables.map((t) => [t.table, t.changed.map((c) => [c.key, c.columns])])).toEqual([
      [
        'chiffres-cles',
        [[{ promotion: 'EIG 3', indicateur: 'mentors' }, [{ column: 'valeur', before: 21, after: 30 }]]],
      ],
    ]);
    expect(report.resources.map((r) => [r.kind, r.table, r.after?.checksum?.value])).toEqual([
      ['nouvelle-version', 'chiffres-cles', sha256(Buffer.from(body))],
    ]);
    expect(report.flags.map((f) => f.message.replace(/\u00a0/gu, ' '))).toContain(
      '« Les promotions EIG : entrepreneurs, mentors, défis et services » (promotions) : EIG 3 · Mentors — Nombre : 21 → 30 (+9, +42,9 %), écart de plus de 10 %',
    );

    expect(await historyNames()).toEqual([
      ...(await historyNames(join(REPO_DATA, 'history'))),
      '2027-01-15-1.json',
      '2027-01-15-2.json',
    ]);
    const entry = await historyEntry('2027-01-15-2.json');
    const manifest = await readManifest(dir);
    expect(entry.tables['chiffres-cles']).toMatchObject({
      changed: true,
      sha256: manifest.tables['chiffres-cles'].sha256,
      resource: {
        id: served['chiffres-cles'].id,
        checksum: { type: 'sha256', value: sha256(Buffer.from(body)) },
        last_modified: '2027-01-14T08:00:00.000000+00:00',
      },
    });
    expect(Object.values(entry.tables).filter((t) => t.changed)).toHaveLength(1);
    expect(entry.summary!.moved.filter((m) => m.chart === 'promotions')).toEqual([
      expect.objectContaining({
        title: promotions.title,
        row: 'EIG 3 · Mentors',
        before: 21,
        after: 30,
        flag: 'écart de plus de 10\u00a0%',
      }),
    ]);
    expect(entry.summary!.flags).toEqual(report.flags.map((f) => f.message));
    expect(entry.note).toMatch(
      /^Téléchargement depuis data\.gouv\.fr \(npm run fetch\) : tables mises à jour : chiffres-cles\./u,
    );
  });

  it('says what --strict would do without it, and lets a failed table’s code 2 win over 4', async () => {
    await fetch();
    const old = (await tableBytes(dir, 'chiffres-cles')).toString('utf8');
    server.updateResource(served['chiffres-cles'].id, {
      body: old.replace('\nEIG 3,mentors,21,', '\nEIG 3,mentors,30,'),
    });
    io.out.length = 0;
    expect(await fetch()).toBe(0);
    expect(io.out.at(-1)).toMatch(
      /^Code de sortie 0 : instantané du 2027-01-15 cohérent, à relire avant de publier\. \d+ points? « à vérifier » .* \(le code est à la fin du rapport\)\. Avec --strict, ce code serait 4\.$/u,
    );

    server.updateResource(served['chiffres-cles'].id, {
      body: old.replace('\nEIG 3,mentors,21,', '\nEIG 3,mentors,40,'),
    });
    const budget = (await tableBytes(dir, 'budget')).toString('utf8').replace(/\n/gu, '\r\n');
    server.updateResource(served.budget.id, { body: budget, last_modified: '2027-01-14T00:00:00.000000+00:00' });
    server.misbehave(served.budget.id, { kind: 'status', status: 404 }, 20);
    expect(await fetch(['--strict'])).toBe(2);
    expect(
      (await reportJson()).charts.find((c) => c.slug === 'promotions')!.moved.map((m) => [m.before, m.after]),
    ).toEqual([[30, 40]]);
  });
});
