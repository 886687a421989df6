/**
 * A figure that was not published is absent, not a crash: every chart still publishes, draws and writes its files
 * when a table of the small fixture has no row at all (a locked copy with only the header left), or when every
 * table is empty. Charts added later are checked too: the list is the registry's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import type { Model } from '../../src/lib/model.ts';
import { tableNames, type TableName } from '../../src/lib/tables.ts';
import { chartCsv, chartJson } from '../../src/publish/outputs.ts';
import { publish } from '../../src/publish/publish.ts';
import { renderChart } from '../../src/site/render-chart.ts';
import { lockedCopy, modelOf, removeCopy } from '../support/fixtures.ts';

const headerOnly = (text: string) => text.slice(0, text.indexOf('\n') + 1);

const cases: { name: string; emptied: readonly TableName[] }[] = [
  ...tableNames.map((name) => ({ name: `${name} empty`, emptied: [name] })),
  { name: 'every table empty', emptied: tableNames },
];

describe.each(cases)('$name', ({ emptied }) => {
  let dir: string;
  let model: Model;
  beforeAll(async () => {
    dir = await lockedCopy('small', Object.fromEntries(emptied.map((name) => [name, headerOnly])));
    model = await modelOf(dir);
  });
  afterAll(async () => {
    await removeCopy(dir);
  });

  it('every chart publishes, draws at both widths and writes its CSV and JSON', () => {
    for (const table of emptied) expect(model.tables[table]).toHaveLength(0);
    for (const chart of charts) {
      const published = publish(model, [chart]).charts[0]!;
      expect(published.reading, chart.slug).not.toBe('');
      expect(renderChart(published, 'wide').svg, chart.slug).toMatch(/^<svg/u);
      expect(renderChart(published, 'narrow').svg, chart.slug).toMatch(/^<svg/u);
      expect(chartCsv(published).split('\n')[0], chart.slug).toMatch(/,source,lignes$/u);
      expect(chartJson(published, model, 'https://donnees.example/').rows, chart.slug).toHaveLength(
        published.rows.length,
      );
    }
  });
});
