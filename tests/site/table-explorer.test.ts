/**
 * The défis explorer (ChartDef.explorer): the built page has the full table without JavaScript, and in a real
 * Chromium the reader can filter it and download exactly the rows shown, as CSV with formulas neutralised.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { page } from '../support/dist.ts';
import { HOSTILE } from '../support/hostile-data.ts';
import { reference } from '../support/reference.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const dist = inject('siteDir');
const hostileDist = inject('hostileSiteDir');
const explorers = charts.filter((c) => c.explorer).map((c) => c.slug);
const SLUG = 'explorateur-defis';

describe('explorer tables without JavaScript', () => {
  it('are declared by the défis explorer only', () => {
    expect(explorers).toEqual([SLUG]);
  });

  it('list every défi, with the filters hidden until the script brings them to life', () => {
    const doc = page(dist, `graphiques/${SLUG}/index.html`);
    const table = doc.querySelector(`table[data-explorer="${SLUG}"]`)!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(reference('defis.csv').length);
    const controls = doc.querySelector(`[data-explorer-controls="${table.id}"]`)!;
    expect(controls.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('script[src*="TableExplorer"]')).not.toBeNull();
  });

  it('link well-formed source-code addresses only: malformed ones (no host) are text', () => {
    const doc = page(dist, `graphiques/${SLUG}/index.html`);
    const headers = [...doc.querySelectorAll('table[data-explorer] thead th')];
    const column = headers.findIndex((th) => th.getAttribute('data-key') === 'code_source');
    const cells = [...doc.querySelectorAll('table[data-explorer] tbody tr')].map((tr) => tr.children[column]!);
    const links = cells.flatMap((cell) => [...cell.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    const sources = reference('defis.csv')
      .map((d) => d.code_source)
      .filter(Boolean);
    expect(links).not.toContain('https://entrepreneur-interet-general/AFD_projects');
    expect(links).not.toContain('https://scossin/parcoursdesoins');
    expect(links).toContain('https://github.com/entrepreneur-interet-general/cartav');
    expect(links.length).toBe(sources.filter((s) => /^https?:\/\/[^/]+\.[a-z]{2,}(\/|$)/iu.test(s!)).length);
    expect(doc.body.textContent).toContain('https://scossin/parcoursdesoins (lien mal formé)');
  });

  it('are not loaded on the pages of other charts', () => {
    const other = charts.find((c) => !c.explorer)!;
    const doc = page(dist, `graphiques/${other.slug}/index.html`);
    expect(doc.querySelector('[data-explorer-controls], table[data-explorer]')).toBeNull();
    expect(doc.querySelector('script[src*="TableExplorer"]')).toBeNull();
  });
});

describe('explorer tables in a browser', () => {
  let browser: Browser;
  let servers: StaticServer[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    servers = await Promise.all([startStaticServer(dist), startStaticServer(hostileDist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  async function openExplorer(server: StaticServer) {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${server.url}/graphiques/${SLUG}/`);
    const download = async () => {
      const [file] = await Promise.all([
        tab.waitForEvent('download'),
        tab.getByRole('button', { name: 'Télécharger la sélection (CSV)' }).click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    return { context, tab, errors, download };
  }

  it('downloads, as CSV, the rows left by the promotion filter, in the order shown', async () => {
    const { context, tab, errors, download } = await openExplorer(servers[0]!);
    const status = tab.locator('[data-explorer-count]');
    await expect(status.textContent()).resolves.toBe(
      `${reference('defis.csv').length} lignes affichées sur ${reference('defis.csv').length}`,
    );
    await tab.getByLabel('Promotion').selectOption('EIG 1');
    const eig1 = reference('defis.csv').filter((d) => d.promotion === 'EIG 1');
    await expect(status.textContent()).resolves.toBe(
      `${eig1.length} lignes affichées sur ${reference('defis.csv').length}`,
    );
    await tab
      .getByRole('columnheader', { name: /^Mentors/u })
      .getByRole('button')
      .click();
    const { name, text } = await download();
    expect(name).toBe(`${SLUG}-selection.csv`);
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe('defi,promotion,annee,administration,commune,competences,eig,mentors,duree_mois,code_source');
    expect(lines).toHaveLength(eig1.length);
    const mentors = lines.map((l) => Number(l.split(',').at(-3)));
    expect(mentors).toEqual([...eig1.map((d) => Number(d.nb_mentors))].sort((a, b) => a - b));
    // Raw values, not the table's text: the malformed link as published, without the table's remark.
    expect(text).toContain(',https://scossin/parcoursdesoins\n');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const { context, tab, errors, download } = await openExplorer(servers[1]!);
    await tab.getByLabel('Rechercher dans le tableau').fill('hyperlink');
    await expect(tab.locator('[data-explorer-count]').textContent()).resolves.toMatch(/^1 ligne affichée sur/u);
    const { text } = await download();
    expect(text).toContain(`"'${HOSTILE.formula.replace(/"/gu, '""')}"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/mu);
    expect(errors).toEqual([]);
    await context.close();
  });
});
