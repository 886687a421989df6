/**
 * The page « Historique des données » and the provenance of every figure, in built sites: the real one (a
 * snapshot compiled from the publications: no data.gouv.fr resource), and one built here from a copy of data/
 * that `npm run fetch` updated twice from the udata test server (resources recorded, then a figure changed).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { charts } from '../../src/charts/registry.ts';
import { tables, type TableName } from '../../src/lib/tables.ts';
import { buildSite } from '../support/build-site.ts';
import { page, plainSpaces, readText } from '../support/dist.ts';
import {
  capture,
  copyData,
  publishSnapshot,
  REPO_DATA,
  startUdataServer,
  tableBytes,
} from '../support/fetch-harness.ts';
import type { ServedResource } from '../support/udata-server.ts';

const dist = inject('siteDir');
const manifest = JSON.parse(readText(dist, 'manifest.json')) as {
  tables: Record<TableName, { sha256: string; rows: number; file: string }>;
};
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const text = (element: Element | null | undefined) =>
  plainSpaces(element?.textContent ?? '')
    .replace(/\s+/gu, ' ')
    .trim();

interface Provenance {
  table: TableName;
  line: number;
  key: Record<string, string>;
  source: string;
  file: string;
  href: string;
  resource: { id: string; url: string; title: string; checksum: { type: string; value: string } | null } | null;
}
const chartJson = (root: string, slug: string) =>
  JSON.parse(readText(root, `api/${slug}.json`)) as {
    rows: (Record<string, unknown> & { provenance: Provenance[] })[];
  };

describe('the history page of the real site', () => {
  const doc = page(dist, 'historique/index.html');

  it('shows the first snapshot, compiled from the publications on 22 November 2026, and says so', () => {
    const section = doc.getElementById('maj-2026-11-22-1')!;
    expect(section.getAttribute('data-kind')).toBe('initial');
    expect(text(section.querySelector('h2'))).toBe('22 novembre 2026 : premier instantané');
    expect(text(section)).toContain('compilé à la main le 22 novembre 2026 à partir des publications du programme');
    expect(doc.querySelector('nav[aria-label="Mises à jour"] a[href="#maj-2026-11-22-1"]')).not.toBeNull();
  });

  it('ends with the snapshot as built: each table’s file, SHA-256 and rows, with no data.gouv.fr resource', () => {
    const latest = doc.querySelector('section.history-entry')!;
    const rows = [...latest.querySelectorAll('table.history-files tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-table'))).toEqual(Object.keys(tables));
    for (const row of rows) {
      const name = row.getAttribute('data-table') as TableName;
      const cells = [...row.children].map(text);
      expect(cells.slice(0, 5)).toEqual([
        manifest.tables[name].file,
        'compilée à partir des publications',
        '—',
        sha256(readFileSync(join(dist, `tables/${name}.csv`))),
        String(manifest.tables[name].rows),
      ]);
    }
  });

  it('does not warn that the snapshot is missing from the history', () => {
    expect(doc.getElementById('historique-incomplet')).toBeNull();
  });
});

describe('provenance of every figure of the real site', () => {
  /** Line `n` of a built CSV table, read by csv-parse with the file's header. */
  const csvLine = (table: TableName, line: number): Record<string, string> => {
    const lines = readText(dist, `tables/${table}.csv`).split(/\r?\n/u);
    return parse(`${lines[0]}\n${lines[line - 1]}\n`, { columns: true, bom: true })[0] as Record<string, string>;
  };

  it.each(charts.map((c) => c.slug))('%s: each JSON row leads to CSV lines holding its key and publication', (slug) => {
    const json = chartJson(dist, slug);
    for (const row of json.rows) {
      expect(row.provenance.length).toBeGreaterThan(0);
      for (const ref of row.provenance) {
        expect(ref.href).toMatch(new RegExp(`/tables/${ref.table}/#L${ref.line}$`, 'u'));
        expect(ref.file).toBe(tables[ref.table].file);
        // Compiled from the publications: no data.gouv.fr resource to name.
        expect(ref.resource).toBeNull();
        const cells = csvLine(ref.table, ref.line);
        for (const [column, value] of Object.entries(ref.key))
          expect(cells[column], `${ref.file}:${ref.line} ${column}`).toBe(value);
        expect(cells.source).toBe(ref.source);
      }
    }
  });

  it.each(charts.map((c) => c.slug))(
    '%s: the data table’s Source column links each row to the lines the JSON names',
    (slug) => {
      const json = chartJson(dist, slug);
      const rows = [...page(dist, `graphiques/${slug}/index.html`).querySelectorAll('#donnees tbody tr')];
      expect(rows).toHaveLength(json.rows.length);
      rows.forEach((tr, i) => {
        const links = [...tr.lastElementChild!.querySelectorAll('a[href^="/tables/"]')].map((a) =>
          a.getAttribute('href'),
        );
        expect(links).toEqual(json.rows[i]!.provenance.map((p) => `/tables/${p.table}/#L${p.line}`));
      });
    },
  );
});

describe('a site built from a snapshot that npm run fetch updated', () => {
  let root: string;
  let dataDir: string;
  let siteDir: string;
  let served: Record<TableName, ServedResource>;
  let body: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eig-history-'));
    dataDir = await copyData({ history: true });
    const server = await startUdataServer();
    try {
      served = await publishSnapshot(server, dataDir);
      const io = capture();
      expect(await fetchCommand([], io.effects(server, dataDir))).toBe(0);
      const old = (await tableBytes(dataDir, 'chiffres-cles')).toString('utf8');
      // 21 → 30 mentors in promotion 3: +9, +42.9 %.
      body = old.replace('\nEIG 3,mentors,21,personnes,', '\nEIG 3,mentors,30,personnes,');
      expect(body).not.toBe(old);
      server.updateResource(served['chiffres-cles'].id, { body, last_modified: '2027-01-14T08:00:00.000000+00:00' });
      expect(await fetchCommand([], io.effects(server, dataDir))).toBe(0);
    } finally {
      await server.close();
    }
    siteDir = join(root, 'site');
    await buildSite(siteDir, dataDir);
  }, 180_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the updates newest first, with the figure that moved and why it is « à vérifier »', () => {
    const doc = page(siteDir, 'historique/index.html');
    const sections = [...doc.querySelectorAll('section.history-entry')];
    // The two fetches of this test, then the repository's own entries (2026-11-22 initial, 2026-11-28 lock…).
    const committed = readdirSync(join(REPO_DATA, 'history'))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => [
        `maj-${name.replace(/\.json$/u, '')}`,
        (JSON.parse(readFileSync(join(REPO_DATA, 'history', name), 'utf8')) as { kind: string }).kind,
      ]);
    expect(committed.at(-1)).toEqual(['maj-2026-11-22-1', 'initial']);
    expect(sections.map((s) => [s.id, s.getAttribute('data-kind')])).toEqual([
      ['maj-2027-01-15-2', 'fetch'],
      ['maj-2027-01-15-1', 'fetch'],
      ...committed,
    ]);
    const moves = [...sections[0]!.querySelectorAll('table.history-moves tbody tr[data-chart="promotions"]')].map(
      (tr) => [...tr.children].map(text),
    );
    expect(moves).toEqual([
      [
        'Les promotions EIG : entrepreneurs, mentors, défis et services',
        'EIG 3 · Mentors',
        'Nombre',
        '21',
        '30',
        '+9, +42,9 %',
        'écart de plus de 10 %',
      ],
    ]);
    expect(sections[0]!.querySelector('table.history-moves a[href="/graphiques/promotions/"]')).not.toBeNull();
    expect(text(sections[0]!.querySelector('.notes'))).toContain(
      '(promotions) : EIG 3 · Mentors — Nombre : 21 → 30 (+9, +42,9 %), écart de plus de 10 %',
    );
    expect(text(sections[1])).toContain('Aucun chiffre des graphiques n’a bougé.');
    expect(doc.getElementById('historique-incomplet')).toBeNull();
  });

  it('gives each table’s data.gouv.fr resource, its checksum and the file’s SHA-256', async () => {
    const doc = page(siteDir, 'historique/index.html');
    const latest = doc.getElementById('maj-2027-01-15-2')!;
    for (const name of Object.keys(served) as TableName[]) {
      const bytes = await readFile(join(dataDir, 'snapshot', tables[name].file));
      const row = latest.querySelector(`table.history-files tr[data-table="${name}"]`)!;
      const cells = [...row.children];
      const link = cells[1]!.querySelector('a[data-resource-id]')!;
      expect(link.getAttribute('data-resource-id')).toBe(served[name].id);
      expect(link.getAttribute('href')).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:\\d+/files/${served[name].id}/${tables[name].file}$`, 'u'),
      );
      expect(text(cells[2])).toBe(`sha256 ${sha256(bytes)}`);
      expect(text(cells[3])).toBe(sha256(bytes));
      expect(text(cells[5])).toBe(name === 'chiffres-cles' ? 'oui' : 'non');
    }
    expect(text(latest.querySelector('tr[data-table="chiffres-cles"]')!.children[2])).toBe(`sha256 ${sha256(body)}`);
  });

  it('names the data.gouv.fr resource in the provenance of every figure of the JSON API', () => {
    const json = chartJson(siteDir, 'promotions');
    const row = json.rows.find((r) => r.promotion === 'EIG 3' && r.indicateur === 'Mentors' && r.valeur === 30)!;
    expect(row.provenance).toEqual([
      expect.objectContaining({
        table: 'chiffres-cles',
        line: 8,
        key: { promotion: 'EIG 3', indicateur: 'mentors' },
        source: 'rapport-2019-tableau',
        resource: expect.objectContaining({
          id: served['chiffres-cles'].id,
          title: served['chiffres-cles'].title,
          checksum: { type: 'sha256', value: sha256(body) },
        }),
      }),
    ]);
    for (const slug of charts.map((c) => c.slug)) {
      for (const r of chartJson(siteDir, slug).rows) {
        for (const ref of r.provenance)
          expect(ref.resource?.id, `${slug} ${ref.file}:${ref.line}`).toBe(served[ref.table].id);
      }
    }
  });

  it('links each table page to the resource its file was downloaded from', () => {
    const doc = page(siteDir, 'tables/chiffres-cles/index.html');
    const link = doc.querySelector(`a[data-resource-id="${served['chiffres-cles'].id}"]`);
    expect(link?.getAttribute('href')).toMatch(
      new RegExp(`/files/${served['chiffres-cles'].id}/chiffres-cles\\.csv$`, 'u'),
    );
    expect(text(link)).toBe(`« ${served['chiffres-cles'].title} »`);
  });
});
