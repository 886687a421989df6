/**
 * The défis explorer (ChartDef.explorer): the built page has the full table and a static chart without
 * JavaScript, and in a real Chromium the reader filters it by promotion, theme, expertise, administration, town
 * and text, the address keeps the filters (a shared address loads the same rows), the chart follows, and the CSV
 * of the selection has the full CSV's columns and lines. Expected rows come from tests/reference/ (csv-parse).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { page, readText } from '../support/dist.ts';
import { HOSTILE } from '../support/hostile-data.ts';
import { reference, type ReferenceRow } from '../support/reference.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const hostileDist = inject('hostileSiteDir');
const explorers = charts.filter((c) => c.explorer).map((c) => c.slug);
const SLUG = 'explorateur-defis';
const DEFIS = () => reference('defis-2017-2023.csv');

// Independent readings of the reference: titles composed (the site's reader composes accents), names folded.
const nfc = (text = '') => text.normalize('NFC');
const fold = (text = '') =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
const list = (cell = '') => nfc(cell).split(';').filter(Boolean);
/** « 75007 Paris », « Paris (75) », « Saint-Denis (93200) | Lyon »: the towns named, without codes. */
const towns = (cell = '') =>
  nfc(cell)
    .split(/\s*[|+]\s*/u)
    .map((part) => part.replace(/^\d{5}\s+/u, '').replace(/\s*\([0-9AB]+\)$/u, ''));
const titles = (rows: ReferenceRow[]) => rows.map((d) => nfc(d.titre)).sort();

describe('explorer tables without JavaScript', () => {
  it('are declared by the défis explorer only', () => {
    expect(explorers).toEqual([SLUG]);
  });

  it('list every défi with a static chart of all of them, the filters hidden until the script brings them to life', () => {
    const doc = page(dist, `graphiques/${SLUG}/index.html`);
    const table = doc.querySelector(`table[data-explorer="${SLUG}"]`)!;
    expect(table.querySelectorAll('tbody tr').length).toBe(DEFIS().length);
    const controls = doc.querySelector(`[data-explorer-controls="${table.id}"]`)!;
    expect(controls.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('script[src*="TableExplorer"]')).not.toBeNull();
    // The chart counts every défi per expertise, in both widths, with its bars tagged for the script.
    const design = DEFIS().filter((d) => list(d.expertises).includes('Design')).length;
    const bars = [
      ...doc.querySelectorAll(`[data-follows="expertise"] rect[data-bar="${encodeURIComponent('Design')}"]`),
    ];
    // One bar per drawing of the chart (one per width).
    expect(bars.length).toBe(doc.querySelectorAll('figure.chart-figure svg.chart-svg').length);
    expect(bars.length).toBeGreaterThan(1);
    for (const bar of bars) expect(bar.getAttribute('data-count')).toBe(String(design));
  });

  it('say in the cell why a défi has no year, on every screen', () => {
    const doc = page(dist, `graphiques/${SLUG}/index.html`);
    const cells = [...doc.querySelectorAll('table[data-explorer] tbody tr')].map((tr) => ({
      promotion: decodeURIComponent(tr.querySelector('[data-label="Promotion"]')!.getAttribute('data-value')!),
      year: tr.querySelector('[data-label="Année"]')!,
    }));
    const empty = cells.filter((c) => c.year.getAttribute('data-value') === '');
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(c.year.textContent!.trim()).toBe(`— (non publiée pour ${c.promotion})`);
  });

  it('offer each filter’s choices with their counts', () => {
    const doc = page(dist, `graphiques/${SLUG}/index.html`);
    const options = (param: string) =>
      [...doc.querySelectorAll(`select[data-filter="${param}"] option`)].map((o) =>
        decodeURIComponent(o.getAttribute('value')!),
      );
    expect(options('promotion')).toEqual(['', 'EIG 1', 'EIG 2', 'EIG 3', 'EIG 4', 'EIG 5', 'EIG 6', 'EIG 7', 'DIG']);
    expect(new Set(options('theme'))).toEqual(new Set(['', ...DEFIS().flatMap((d) => list(d.thematiques))]));
    expect(
      doc
        .querySelector(`select[data-filter="theme"] option[value="${encodeURIComponent('Santé')}"]`)
        ?.textContent?.trim(),
    ).toBe(`Santé (${DEFIS().filter((d) => list(d.thematiques).includes('Santé')).length})`);
    expect(options('ville')).toContain('Paris');
    expect(options('administration')).toContain('Cour de cassation');
    expect(options('administration')).not.toContain('Cour de Cassation');
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

  async function openExplorer(server: StaticServer, search = '') {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${server.url}/graphiques/${SLUG}/${search}`);
    await tab.locator('[data-explorer-controls]:not([hidden])').waitFor();
    const download = async () => {
      const [file] = await Promise.all([
        tab.waitForEvent('download'),
        tab.getByRole('button', { name: 'Télécharger la sélection (CSV)' }).click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    return { context, tab, errors, download };
  }

  /** The titles of the rows shown, sorted. */
  const shownTitles = async (tab: Page) =>
    (
      await tab
        .locator(`table[data-explorer] tbody tr:visible`)
        .evaluateAll((trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[0]!.textContent!.trim()))
    ).sort();

  // Choices are URI-encoded in the page (no data text inside an attribute).
  const choose = (tab: Page, param: string, value: string) =>
    tab.locator(`select[data-filter="${param}"]`).selectOption(encodeURIComponent(value));

  it('filters by promotion, theme, expertise, administration and town, each as the reference lists them', async () => {
    const { context, tab, errors } = await openExplorer(servers[0]!);
    const cases: [string, string, (d: ReferenceRow) => boolean][] = [
      ['promotion', 'EIG 5', (d) => d.promotion === 'EIG 5'],
      ['theme', 'Santé', (d) => list(d.thematiques).includes('Santé')],
      ['expertise', 'Direction technique', (d) => list(d.expertises).includes('Direction technique')],
      ['administration', 'Cour de cassation', (d) => fold(d.administration) === 'cour de cassation'],
      ['ville', 'Paris', (d) => towns(d.ville).includes('Paris')],
    ];
    for (const [param, value, keep] of cases) {
      await choose(tab, param, value);
      const expected = titles(DEFIS().filter(keep));
      expect(expected.length, `${param}=${value}`).toBeGreaterThan(1);
      expect(expected.length).toBeLessThan(DEFIS().length);
      await expect.poll(() => shownTitles(tab), { message: `${param}=${value}` }).toEqual(expected);
      await expect(tab.locator('[data-explorer-count]').textContent()).resolves.toBe(
        `${expected.length} défis sur ${DEFIS().length}`,
      );
      await choose(tab, param, '');
    }
    // The administration filter groups spellings: « Cour de cassation » and « Cour de Cassation ».
    expect(
      new Set(
        DEFIS()
          .filter((d) => fold(d.administration) === 'cour de cassation')
          .map((d) => d.administration),
      ).size,
    ).toBe(2);
    // Text: accents and case ignored.
    await tab.locator('[data-filter="q"]').fill('sante');
    await expect.poll(async () => (await shownTitles(tab)).length).toBeGreaterThan(0);
    for (const row of await tab.locator('table[data-explorer] tbody tr:visible').allTextContents())
      expect(fold(row)).toContain('sante');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('combines filters, keeps them in the address, and loads the same rows from that address', async () => {
    const { context, tab, errors } = await openExplorer(servers[0]!);
    await choose(tab, 'promotion', 'EIG 5');
    await choose(tab, 'theme', 'Santé');
    const expected = titles(DEFIS().filter((d) => d.promotion === 'EIG 5' && list(d.thematiques).includes('Santé')));
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => shownTitles(tab)).toEqual(expected);
    const address = await tab.evaluate(() => location.search);
    expect(address).toBe('?promotion=EIG+5&theme=Sant%C3%A9');
    // The chart follows: the Design bar now counts the selection's défis among all.
    const design = (rows: ReferenceRow[]) => rows.filter((d) => list(d.expertises).includes('Design')).length;
    const selected = DEFIS().filter((d) => d.promotion === 'EIG 5' && list(d.thematiques).includes('Santé'));
    const label = tab.locator(`svg:visible text[data-bar="${encodeURIComponent('Design')}"]`);
    await expect(label.textContent()).resolves.toBe(`${design(selected)} sur ${design(DEFIS())}`);
    await context.close();

    const shared = await openExplorer(servers[0]!, '?promotion=EIG+5&theme=Sant%C3%A9');
    await expect.poll(() => shownTitles(shared.tab)).toEqual(expected);
    await expect(shared.tab.locator('select[data-filter="theme"]').inputValue()).resolves.toBe(
      encodeURIComponent('Santé'),
    );
    // A choice the list does not have is ignored rather than showing nothing.
    await shared.tab.goto(`${servers[0]!.url}/graphiques/${SLUG}/?promotion=EIG+99&q=pshad`);
    await expect.poll(() => shownTitles(shared.tab)).toEqual(['ePSHAD']);
    await shared.tab.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect.poll(async () => (await shownTitles(shared.tab)).length).toBe(DEFIS().length);
    await expect(shared.tab.evaluate(() => location.search)).resolves.toBe('');
    expect([...errors, ...shared.errors]).toEqual([]);
    await shared.context.close();
  });

  /** Text as read, whatever the no-break spaces of French typography. */
  const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/gu, ' ');

  it('says the selection in the reading, the count and the title, each filter a button that removes it', async () => {
    const { context, tab, errors } = await openExplorer(servers[0]!, '?promotion=EIG+5');
    const built = plain(await page(dist, `graphiques/${SLUG}/index.html`).querySelector('#lecture')!.textContent);
    const selected = DEFIS().filter((d) => d.promotion === 'EIG 5');
    // The expertise most of them ask for, the first met in the reference's order among equals.
    const counts = new Map<string, number>();
    for (const d of selected) for (const e of list(d.expertises)) counts.set(e, (counts.get(e) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const phrase = `${selected.length} défis sur ${DEFIS().length} : promotion EIG 5`;
    await expect
      .poll(async () => plain(await tab.locator('#lecture').textContent()))
      .toBe(`${phrase} ; ${n} ${n > 1 ? 'demandent' : 'demande'} l’expertise « ${top} ».`);
    expect(plain(await tab.locator('[data-explorer-count]').textContent())).toBe(
      `${selected.length} défis sur ${DEFIS().length}`,
    );
    expect(plain(await tab.title())).toMatch(new RegExp(`^${phrase} — `, 'u'));
    const chip = tab.getByRole('button', { name: /^Retirer le filtre Promotion/u });
    expect(plain(await chip.textContent())).toBe('Promotion : EIG 5 ×');
    await chip.click();
    await expect.poll(async () => (await shownTitles(tab)).length).toBe(DEFIS().length);
    expect(plain(await tab.locator('#lecture').textContent())).toBe(built);
    expect(await tab.evaluate(() => location.search)).toBe('');
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-filter'))).toBe('promotion');
    expect(await tab.locator('[data-explorer-active] button').count()).toBe(0);
    // Nothing left to clear: the button that clears every filter is gone too.
    expect(await tab.getByRole('button', { name: 'Effacer les filtres' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when nothing matches, and offers no empty download', async () => {
    const { context, tab, errors } = await openExplorer(servers[0]!, '?promotion=EIG+1&q=zzzzzz');
    await expect.poll(async () => (await shownTitles(tab)).length).toBe(0);
    expect(await tab.locator('[data-explorer-empty]').isVisible()).toBe(true);
    expect(plain(await tab.locator('[data-explorer-empty]').textContent())).toMatch(
      /^\s*Aucun résultat pour ces filtres/u,
    );
    expect(await tab.getByRole('button', { name: 'Télécharger la sélection (CSV)' }).isDisabled()).toBe(true);
    expect(plain(await tab.locator('#lecture').textContent())).toBe(
      `0 défi sur ${DEFIS().length} : recherche « zzzzzz », promotion EIG 1.`,
    );
    await tab.getByRole('button', { name: /^Retirer le filtre Recherche/u }).click();
    await expect.poll(async () => (await shownTitles(tab)).length).toBeGreaterThan(0);
    expect(await tab.locator('[data-explorer-empty]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    [1280, 800],
    [390, 844],
  ])('puts the filters where a reader sees them first (%i×%i)', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const tab = await context.newPage();
    await tab.goto(`${servers[0]!.url}/graphiques/${SLUG}/`);
    const controls = tab.locator('[data-explorer-controls]:not([hidden])');
    await controls.waitFor();
    const box = (await controls.boundingBox())!;
    const drawing = (await tab.locator('figure.chart-figure svg[role="img"]:visible').boundingBox())!;
    const reading = (await tab.locator('#lecture').boundingBox())!;
    if (width >= 1024) {
      // Right under the reading, above the chart, in the first screen.
      expect(box.y).toBeGreaterThanOrEqual(reading.y + reading.height);
      expect(box.y - (reading.y + reading.height)).toBeLessThan(60);
      expect(box.y + box.height).toBeLessThanOrEqual(drawing.y);
      expect(box.y).toBeLessThan(800);
    } else {
      // The chart first on a phone, the filters right under it.
      expect(box.y).toBeGreaterThanOrEqual(drawing.y + drawing.height);
      expect(box.y - (drawing.y + drawing.height)).toBeLessThan(60);
    }
    await context.close();
  });

  it('downloads, as CSV, the rows shown with the full CSV’s header and lines, in the order shown', async () => {
    const { context, tab, errors, download } = await openExplorer(servers[0]!, '?expertise=Juriste');
    const expected = DEFIS().filter((d) => list(d.expertises).includes('Juriste'));
    await expect.poll(() => shownTitles(tab)).toEqual(titles(expected));
    await tab
      .getByRole('columnheader', { name: /^Mentors/u })
      .getByRole('button')
      .click();
    const { name, text } = await download();
    expect(name).toBe(`${SLUG}-selection.csv`);
    const full = readText(dist, `data/${SLUG}.csv`).trim().split('\n');
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe(full[0]);
    expect(header!.split(',').slice(-2)).toEqual(['source', 'lignes']);
    expect(lines).toHaveLength(expected.length);
    for (const line of lines) expect(full).toContain(line);
    const mentors = (parse(text, { columns: true }) as ReferenceRow[]).map((r) => Number(r.mentors));
    expect(mentors).toEqual([...expected.map((d) => Number(d.nb_mentors))].sort((a, b) => a - b));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const { context, tab, errors, download } = await openExplorer(servers[1]!);
    await tab.getByLabel('Rechercher dans le tableau').fill('hyperlink');
    await expect(tab.locator('[data-explorer-count]').textContent()).resolves.toMatch(/^1 défi sur/u);
    const { text } = await download();
    expect(text).toContain(`"'${HOSTILE.formula.replace(/"/gu, '""')}"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/mu);
    // The attack written as a theme is a choice like another, as text.
    await tab.getByLabel('Rechercher dans le tableau').fill('');
    await choose(tab, 'theme', HOSTILE.attribute);
    await expect(tab.locator('[data-explorer-count]').textContent()).resolves.toMatch(/^1 défi sur/u);
    expect(errors).toEqual([]);
    await context.close();
  });
});
