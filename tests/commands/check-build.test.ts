/**
 * Issue 26, item 2: `npm run build` checks the data in one line (tables, rows, checks by kind, where to read
 * them) and lists only what a maintainer must act on: the « à vérifier » points of the last update not yet
 * acknowledged. The publications' known disagreements stay in `npm run data:check` and on /qualite/.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ackCommand } from '../../src/commands/ack.ts';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import {
  capture,
  copyData,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
} from '../support/fetch-harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const plain = (line: string) => line.replace(/[\u00a0\u202f]/gu, ' ');

async function check(dir: string, args: string[]): Promise<string[]> {
  const lines: string[] = [];
  expect(await checkData(args, { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(plain(l)) })).toBe(0);
  return lines;
}

/** The counts the full check prints in its summary line: « incohérence : 11, écart entre sources : 64, … ». */
const countsOf = (line: string) => /\(\d+ vérifications\) — (.*)\.$/u.exec(line)?.[1];

describe('the data check of the build', () => {
  it('is one line; the full check keeps the list of known disagreements', async () => {
    const dir = await copyData();
    cleanups.push(() => removeData(dir));
    const build = await check(dir, ['--build']);
    const full = await check(dir, []);
    expect(build).toHaveLength(1);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      snapshotDate: string;
      tables: Record<string, { rows: number }>;
    };
    const files = (await readdir(join(dir, 'snapshot'))).filter((f) => f.endsWith('.csv'));
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    const checks = /\((\d+) vérifications\)/u.exec(full[1]!)![1];
    expect(build[0]).toBe(
      `Données : instantané du ${manifest.snapshotDate} valide, ${files.length} tables, ${rows} lignes ; ${checks} vérifications de qualité (${countsOf(full[1]!)}), détaillées par « npm run data:check » et sur la page /qualite/ du site.`,
    );
    expect(build[0]).toMatch(/\(incohérence : \d+, écart entre sources : \d+, /u);
    // What the full check lists, line by line, and the build does not.
    expect(full.filter((l) => /^ {2}\[(Incohérence|Écart entre sources)\] /u.test(l)).length).toBeGreaterThan(50);
  });

  it('lists the points of an update not yet acknowledged, until they are', async () => {
    const dir = await copyData({ history: true });
    const server = await startUdataServer();
    cleanups.push(
      () => server.close(),
      () => removeData(dir),
    );
    const served = await publishSnapshot(server, dir);
    const io = capture();
    expect(await fetchCommand([], io.effects(server, dir))).toBe(0);
    const line = 'EIG 1,2017,enveloppe_pia,800000,alloue,rapport-2019-tableau';
    const budget = (await tableBytes(dir, 'budget')).toString('utf8').replace(line, line.replace('800000', '900000'));
    server.updateResource(served.budget.id, { body: budget });
    expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(4);

    const build = await check(dir, ['--build']);
    expect(build[0]).toMatch(/^Données : instantané du .* valide, /u);
    expect(build[1]).toMatch(
      /^Nouveau depuis l’instantané précédent, à relire avant de publier : [2-9] points « à vérifier » dans .*rapport-mise-a-jour\.md .* pas encore validés : relisez le rapport, puis validez-le avec « npm run data:ack -- <code> .* » \(le code est à la fin du rapport\)\.$/u,
    );
    const points = Number(/: (\d+) points/u.exec(build[1]!)![1]);
    expect(build.slice(2)).toHaveLength(points);
    expect(build).toContainEqual(
      expect.stringMatching(
        /^ {2}\[À vérifier\] « Enveloppe du PIA et dépenses du programme, par promotion » \(financement\) : EIG 1 · Enveloppe du PIA · alloué — Euros : 800 000 € → 900 000 € \(\+100 000 €, \+12,5 %\)/u,
      ),
    );

    const code = /npm run data:ack -- ([0-9a-f]{8})/u.exec(
      await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8'),
    )![1]!;
    expect(await ackCommand([code, dir], capture().effects(server, dir))).toBe(0);
    expect(await check(dir, ['--build'])).toHaveLength(1);
  });

  it('is what npm run build runs first', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/^vite-node scripts\/check-data\.ts --build && /u);
  });
});
