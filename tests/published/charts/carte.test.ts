import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/carte.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart, renderChartFile } from '../../../src/site/render-chart.ts';
import { reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

interface Symbol {
  view: string;
  series: string | null;
  tip: string;
  x: number;
  y: number;
}

/** Every symbol of the map's layers, per view, with its tooltip and where it is drawn (read from the SVG). */
function symbols(svg: string): Symbol[] {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const found: Symbol[] = [];
  for (const group of document.querySelectorAll('g.view-mark')) {
    const view = [...group.classList].find((c) => c.startsWith('view-') && c !== 'view-mark')!.slice(5);
    for (const mark of group.children) {
      const translate = /translate\(([-\d.]+),\s*([-\d.]+)\)/u.exec(mark.getAttribute('transform') ?? '');
      found.push({
        view,
        series: mark.getAttribute('data-series'),
        tip: mark.querySelector('title')?.textContent ?? '',
        x: Number(mark.getAttribute('cx') ?? translate?.[1]),
        y: Number(mark.getAttribute('cy') ?? translate?.[2]),
      });
    }
  }
  return found;
}

describe('carte chart', () => {
  const services = reference('carte-2019.csv');

  it.each(['wide', 'narrow'] as const)('draws every service of the original’s map once (%s)', (variant) => {
    const all = symbols(renderChart(publishedChart(chart, ctx), variant).svg).filter((s) => s.view === 'tout');
    const drawn = all.filter((s) => s.series === '0');
    expect(drawn).toHaveLength(services.length);
    for (const s of services) {
      // The tooltip names the ministry, then the service when it is not the ministry itself.
      const name = s.service === s.tutelle ? s.tutelle : `${s.tutelle} — ${s.service}`;
      expect(
        drawn.filter((d) => d.tip.startsWith(`${name} :`)),
        name,
      ).toHaveLength(1);
    }
  });

  it('draws a year’s services only in that year’s view, sized by their défis', () => {
    const all = symbols(renderChart(publishedChart(chart, ctx), 'wide').svg).filter((s) => s.series === '0');
    for (const year of ['2017', '2018', '2019']) {
      const expected = services.filter((s) => Number(s[`defis_${year}`]) > 0).length;
      expect(
        all.filter((s) => s.view === year),
        year,
      ).toHaveLength(expected);
    }
  });

  it('puts Brest west of Paris and Montpellier south of Lyon', () => {
    const all = symbols(renderChart(publishedChart(chart, ctx), 'wide').svg).filter((s) => s.view === 'tout');
    const find = (text: string) => all.find((s) => s.tip.includes(text))!;
    const brest = find('Service Hydrographique'); // Brest
    const montpellier = find('ARS Occitanie'); // Montpellier
    const rennes = find('ANTAI');
    const lyon = find('Lyon :'); // the town layer
    const lille = find('Lille :');
    // Paris itself is in the inset; the main map's Paris is where the inset's box is drawn.
    expect(brest.x).toBeLessThan(rennes.x);
    expect(montpellier.y).toBeGreaterThan(lyon.y);
    expect(lille.y).toBeLessThan(lyon.y);
    expect(brest.y).toBeLessThan(montpellier.y);
  });

  it('places the défis of the current website by town, and lists the one it cannot place', () => {
    const rows = chart.rows(ctx);
    const towns = rows.filter((r) => r.couche.startsWith('Défis par commune'));
    const unplaced = rows.filter((r) => r.couche.startsWith('Défis dont'));
    // 131 défis on 135 sites: four défis are on two sites; bare « Montreuil » (62 or 93) is not placed.
    expect(towns.reduce((s, r) => s + r.defis_total, 0) + unplaced.reduce((s, r) => s + r.defis_total, 0)).toBe(135);
    expect(unplaced.map((r) => r.nom)).toEqual(['Montreuil']);
    expect(chart.notes!(rows, ctx).join(' ')).toContain('« Montreuil »');
    expect(chart.notes!(rows, ctx).join(' ')).toContain('GeoNames');
  });

  it('writes only the « all promotions » view into the image files', () => {
    const file = symbols(renderChartFile(publishedChart(chart, ctx), 'wide'));
    expect(new Set(file.map((s) => s.view))).toEqual(new Set(['tout']));
  });

  it.each(['small', 'narrow', 'medium', 'wide', 'large'] as const)(
    'names every town of each view once beside its square, and Paris on the main map (%s)',
    (variant) => {
      const rows = chart.rows(ctx);
      const { document } = parseHTML(
        `<!doctype html><html><body>${renderChart(publishedChart(chart, ctx), variant).svg}</body></html>`,
      );
      for (const view of chart.views!) {
        const labels = [...document.querySelectorAll(`g.map-label.view-${view.id} text`)].map((t) => t.textContent);
        const towns = rows.filter((r) => r.couche.startsWith('Défis par commune') && r.counts[view.id as 'tout'] > 0);
        // Each town by its commune's name (the row's name less its département), and the main map's « Paris ».
        const expected = [...towns.map((r) => r.nom.replace(/ \(\w+\)$/u, '')), 'Paris'].sort();
        expect(labels.sort(), view.id).toEqual(expected);
      }
    },
  );

  it('writes the original’s source comments as notes in French, the comment itself in the table', () => {
    const rows = chart.rows(ctx);
    const notes = chart.notes!(rows, ctx);
    const doubted = services.filter((s) => s.remarque);
    expect(doubted.length).toBeGreaterThan(0);
    for (const s of doubted) {
      const note = notes.find((n) => n.startsWith(`${s.service} :`));
      expect(note, s.service).toBeDefined();
      const year = /eig(\d{4})/u.exec(s.remarque!)![1]!;
      expect(note).toContain(`pour ${year}, la carte du site d’origine montre ${s[`defis_${year}`]} défi`);
      const row = rows.find((r) => r.nom === s.service)!;
      expect(chart.columns.find((c) => c.key === 'remarque')!.format!(row)).toBe(`« ${s.remarque} »`);
    }
    expect(notes.join(' ')).not.toMatch(/FIXME/u);
  });

  it('explains in its reading why the towns count more défis than there are', () => {
    const rows = chart.rows(ctx);
    const reading = chart.reading(rows, ctx);
    const towns = rows.filter((r) => r.couche.startsWith('Défis par commune'));
    const placed = towns.reduce((s, r) => s + r.defis_total, 0);
    const { defis } = ctx.aggregates.origine.data.places;
    const twoTowns = defis.filter((d) => d.matched.length === 2).length;
    expect(reading).toContain(`Par commune, Paris compte`);
    expect(reading).toContain(`des ${defis.length} défis ;`);
    expect(reading).toContain(`les carrés en font ${placed} : ${twoTowns} défis ont deux communes, 1 n’est pas placé.`);
    // 131 défis on 135 sites: four on two sites, bare « Montreuil » not placed.
    expect(placed).toBe(defis.length + twoTowns - 1);
  });

  it('lands the original site’s #carte anchor here', () => {
    expect(chart.legacyAnchors).toEqual(['carte']);
  });
});
