/**
 * Issue 14, item 4: the review gate. An update whose report has something « à vérifier » (budget of EIG 1's
 * PIA envelope +12,5 %) is written with its report and history entry in one transaction: stopped dead at any
 * write or rename, the next `fetch --strict` still exits 4 with the report and one history entry in place.
 * `--strict` keeps exiting 4, run after run and across later updates, until `npm run data:ack` is given the
 * code of the report that was read.
 */
import * as realFs from 'node:fs/promises';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ackCommand } from '../../src/commands/ack.ts';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { journalPathOf } from '../../src/update/journal.ts';
import type { Effects } from '../../src/effects.ts';
import type { UpdateReport } from '../../src/report/report.ts';
import {
  allFiles,
  capture,
  copyData,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
} from '../support/fetch-harness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data copy with history, its resources recorded by a first fetch, and the budget republished at +12,5 %. */
async function setUp() {
  const dir = await copyData({ history: true });
  const server = await startUdataServer();
  cleanups.push(
    () => server.close(),
    () => removeData(dir),
  );
  const served = await publishSnapshot(server, dir);
  const io = capture();
  expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(0);
  const old = await tableBytes(dir, 'budget');
  const line = 'EIG 1,2017,enveloppe_pia,800000,alloue,rapport-2019-tableau';
  expect(old.toString('utf8')).toContain(line);
  const budget = Buffer.from(old.toString('utf8').replace(line, line.replace('800000', '900000')));
  server.updateResource(served.budget.id, { body: budget, last_modified: '2027-01-14T00:00:00.000000+00:00' });
  io.log.length = 0;
  io.out.length = 0;
  return { dir, server, served, io, old, budget };
}

const report = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'rapport-mise-a-jour.json'), 'utf8')) as UpdateReport;
const code = async (dir: string) =>
  /npm run data:ack -- ([0-9a-f]{8})/u.exec(await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8'))?.[1];
const historyNames = async (dir: string) =>
  (await readdir(join(dir, 'history'))).filter((n) => !n.startsWith('.')).sort();

/** The move of the PIA envelope of EIG 1, worked out by hand: 800 000 € → 900 000 €, +100 000 €, +12,5 %. */
const ENVELOPE =
  /^« Enveloppe du PIA et dépenses du programme, par promotion » \(financement\) : EIG 1 · Enveloppe du PIA · alloué — Euros : 800 000 € → 900 000 € \(\+100 000 €, \+12,5 %\), écart de plus de 10 %$/u;
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

async function checkPasses(dir: string): Promise<void> {
  const lines: string[] = [];
  expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) }), lines.join('\n')).toBe(0);
}

const exists = (path: string) =>
  realFs.stat(path).then(
    () => true,
    () => false,
  );

/** The real file system, except that the operation for which `stop` says yes throws, as if the process died. */
function crashingFs(stop: () => boolean): Effects['fs'] {
  const guard =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stop()) throw new Error('arrêt simulé');
      return operation(...args);
    };
  return { ...realFs, open: guard(realFs.open), rename: guard(realFs.rename) } as Effects['fs'];
}

describe('the review gate', () => {
  it('stopped dead at every write and rename of an update, the next fetch --strict still exits 4 with the report and one history entry', async () => {
    const counting = await setUp();
    let operations = 0;
    await fetchCommand([], {
      ...counting.io.effects(counting.server, counting.dir),
      fs: crashingFs(() => ++operations > Infinity),
    });
    expect(operations).toBeGreaterThanOrEqual(10);

    const sides = new Set<string>();
    for (let crashAt = 1; crashAt <= operations; crashAt++) {
      const { dir, server, io, budget } = await setUp();
      const history = await historyNames(dir);
      let count = 0;
      expect(
        await fetchCommand(['--strict'], { ...io.effects(server, dir), fs: crashingFs(() => ++count === crashAt) }),
      ).toBe(1);
      expect(io.out.at(-1)).toBe('Code de sortie 1 : arrêt simulé.');
      const committed = await realFs.stat(journalPathOf(dir)).then(
        () => true,
        () => false,
      );
      sides.add(committed ? 'after' : 'before');

      io.out.length = 0;
      expect(await fetchCommand(['--strict'], io.effects(server, dir)), `crash at ${crashAt}`).toBe(4);
      expect(io.out.filter((l) => l.startsWith('Code de sortie'))).toEqual([
        expect.stringMatching(
          /^Code de sortie 4 \(--strict\) : ne publiez pas encore\. [2-9] points « à vérifier » dans .* pas encore validés : relisez le rapport, puis validez-le avec « npm run data:ack -- <code> \/tmp\/eig-fetch-\w+ » \(le code est à la fin du rapport\)\.$/u,
        ),
      ]);
      expect(await tableBytes(dir, 'budget')).toEqual(budget);
      expect((await report(dir)).flags.map((f) => plain(f.message))).toContainEqual(expect.stringMatching(ENVELOPE));
      // One entry for the update, whether the run that was stopped wrote it or the next one did.
      expect(await historyNames(dir)).toEqual([...history, '2027-01-15-2.json']);
      await checkPasses(dir);
    }
    expect([...sides].sort()).toEqual(['after', 'before']);
  }, 60_000);

  it('--strict exits 4 until the report that was read is acknowledged, across later updates', async () => {
    const { dir, server, served, io } = await setUp();
    const fetch = () => fetchCommand(['--strict'], io.effects(server, dir));
    expect(await fetch()).toBe(4);
    const first = await code(dir);
    expect(first).toMatch(/^[0-9a-f]{8}$/u);
    const flagged = (await report(dir)).flags.map((f) => f.message);
    expect(flagged.map(plain)).toContainEqual(expect.stringMatching(ENVELOPE));
    // The quality check that the envelope now breaks is one of them.
    expect(flagged.map(plain)).toContainEqual(
      'qualité des données : Budget, enveloppe du PIA : le total publié est 4 800 000 €, mais la somme des promotions EIG 1, EIG 2 et EIG 3 donne 4 900 000 € (incohérence ; avant : conforme)',
    );

    // data:check (and so the build) says so, without failing.
    const checked: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => checked.push(l) })).toBe(0);
    expect(checked.at(-1)).toMatch(
      /^À relire avant de publier : [2-9] points « à vérifier » dans .* pas encore validés : /u,
    );

    // Nothing new: still 4.
    io.out.length = 0;
    expect(await fetch()).toBe(4);
    expect(io.out[0]).toMatch(/^Bilan : 0 table mise à jour/u);

    // A later update with nothing « à vérifier » of its own carries the unread points along.
    const communaute = (await tableBytes(dir, 'communaute')).toString('utf8').replace(/\n/gu, '\r\n');
    server.updateResource(served.communaute.id, { body: communaute });
    expect(await fetch()).toBe(4);
    const later = await report(dir);
    expect(later.flags).toEqual([]);
    expect(later.unreviewed.flatMap((u) => u.flags.map((f) => f.message))).toEqual(flagged);
    const markdown = await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8');
    expect(markdown).toContain('### Report d’un rapport précédent non validé (15 janvier 2027, ');
    const second = await code(dir);
    expect(second).not.toBe(first);

    // Acknowledging needs the code of the report as it is now.
    const before = await allFiles(dir);
    const ack = capture();
    await expect(ackCommand(['00000000', dir], ack.effects(server, dir))).rejects.toThrow(
      /^« 00000000 » n’est pas le code du rapport actuel \(.*rapport-mise-a-jour\.md, établi le 15 janvier 2027\) : il a peut-être changé depuis votre lecture ; relisez-le, son code est à sa fin\. Rien n’est validé$/u,
    );
    await expect(ackCommand([first!, dir], ack.effects(server, dir))).rejects.toThrow(
      /n’est pas le code du rapport actuel/u,
    );
    await expect(ackCommand([], ack.effects(server, dir))).rejects.toThrow(/il manque le code du rapport/u);
    expect(await allFiles(dir)).toEqual(before);

    expect(await ackCommand([second!, dir], ack.effects(server, dir))).toBe(0);
    expect(ack.out).toEqual([
      `Rapport du 15 janvier 2027 validé : ${flagged.length} points « à vérifier » relus (${join(dir, 'rapport-mise-a-jour.md')}). « npm run fetch -- --strict » ne s’arrêtera plus sur eux.`,
    ]);
    expect((await report(dir)).acknowledged).toEqual({ at: '2027-01-15T09:30:00.000Z', code: second });
    expect(await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8')).toContain(
      `Relu et validé le 15 janvier 2027 (code ${second}, npm run data:ack).`,
    );
    io.out.length = 0;
    expect(await fetch()).toBe(0);
    expect(io.out.at(-1)).toMatch(
      /^Code de sortie 0 : instantané du 2027-01-15 cohérent, le site peut être construit\.$/u,
    );
    ack.out.length = 0;
    expect(await ackCommand([second!, dir], ack.effects(server, dir))).toBe(0);
    expect(ack.out[0]).toMatch(
      /^Rien à valider : le rapport du 15 janvier 2027 .* a été validé le 15 janvier 2027\.$/u,
    );
  });

  it('data:ack is one transaction: stopped dead at any write or rename, the JSON and the Markdown agree once the next command has run', async () => {
    const { dir: pending, server, io } = await setUp();
    expect(await fetchCommand(['--strict'], io.effects(server, pending))).toBe(4);
    const printed = (await code(pending))!;
    /** A copy of the folder awaiting review, acknowledged with a stop at the `crashAt`-th write or rename. */
    const acknowledgeAt = async (crashAt: number) => {
      const dir = await realFs.mkdtemp(join(tmpdir(), 'eig-ack-'));
      cleanups.push(() => removeData(dir));
      await realFs.cp(pending, dir, { recursive: true });
      let count = 0;
      const fs = crashingFs(() => ++count === crashAt);
      const stopped = await ackCommand([printed, dir], { ...capture().effects(server, dir), fs }).then(
        () => false,
        (error: Error) => (expect(error.message).toBe('arrêt simulé'), true),
      );
      return { dir, stopped, count };
    };
    const operations = (await acknowledgeAt(Infinity)).count;
    expect(operations).toBeGreaterThanOrEqual(4);

    const sides = new Set<string>();
    for (let crashAt = 1; crashAt <= operations; crashAt++) {
      const { dir, stopped } = await acknowledgeAt(crashAt);
      expect(stopped, `crash at ${crashAt}`).toBe(true);
      const exit = await fetchCommand(['--strict'], capture().effects(server, dir));
      const acknowledged = Boolean((await report(dir)).acknowledged);
      const markdown = await readFile(join(dir, 'rapport-mise-a-jour.md'), 'utf8');
      // Both files say the same: validated, or still awaiting the code; and --strict follows them.
      expect(markdown.includes('Relu et validé le 15 janvier 2027'), `crash at ${crashAt}`).toBe(acknowledged);
      expect(markdown.includes(`npm run data:ack -- ${printed}`), `crash at ${crashAt}`).toBe(!acknowledged);
      expect(exit).toBe(acknowledged ? 0 : 4);
      expect(await exists(journalPathOf(dir))).toBe(false);
      sides.add(acknowledged ? 'validated' : 'pending');
    }
    expect([...sides].sort()).toEqual(['pending', 'validated']);
  }, 60_000);

  it('data:ack first finishes an update stopped after its commit point, so it reads the report of that update', async () => {
    const { dir, server, io } = await setUp();
    // Stopped at the first staged file put in place: the journal is written, the old report still in place.
    const stopAtStaged = {
      ...realFs,
      rename: (from: string, to: string) => {
        if (from.endsWith('.next')) throw new Error('arrêt simulé');
        return realFs.rename(from, to);
      },
    } as Effects['fs'];
    expect(await fetchCommand(['--strict'], { ...io.effects(server, dir), fs: stopAtStaged })).toBe(1);
    expect((await report(dir)).flags).toEqual([]);
    expect(await readFile(journalPathOf(dir), 'utf8')).toContain('rapport-mise-a-jour.json');

    const ack = capture();
    await expect(ackCommand([], ack.effects(server, dir))).rejects.toThrow(/il manque le code du rapport/u);
    expect(ack.log[0]).toMatch(/^Mise à jour interrompue \(lancée le 2027-01-15T09:30:00\.000Z\) terminée : /u);
    expect((await report(dir)).flags.map((f) => plain(f.message))).toContainEqual(expect.stringMatching(ENVELOPE));
    const printed = await code(dir);
    expect(await ackCommand([printed!, dir], ack.effects(server, dir))).toBe(0);
    expect((await report(dir)).acknowledged?.code).toBe(printed);
  });

  it('an update that cannot be reported is not put in place: a hand edit not locked stops it, data/ as it was', async () => {
    const { dir, server, io } = await setUp();
    const path = join(dir, 'snapshot', 'chiffres-cles.csv');
    const text = await readFile(path, 'utf8');
    await realFs.writeFile(path, text.replace('\nEIG 1,eig,11,personnes,', '\nEIG 1,eig,12,personnes,'));
    const before = await allFiles(dir);
    expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(1);
    expect(io.out.at(-1)).toMatch(
      new RegExp(
        `^Code de sortie 1 : rapport de mise à jour impossible, rien n’est remplacé : instantané ${dir} \\(avant la mise à jour\\) illisible : .*chiffres-cles\\.csv : le fichier ne correspond plus à ${dir}/manifest\\.json .* ; corrigez ${dir} \\(npm run data:check le relit, npm run data:lock -- ${dir} après une modification voulue\\), puis relancez « npm run fetch »\\.$`,
        'u',
      ),
    );
    expect(await allFiles(dir)).toEqual(before);
  });
});
