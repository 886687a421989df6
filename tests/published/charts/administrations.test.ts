/**
 * The administrations chart counts bodies: the names the website writes several ways (issue 22: the DINUM with and
 * without its acronym, INSEE, IGN, ANSM, CNAM, Cerema, CGDD, the gendarmerie, the DREES, the maritime affairs
 * directorate, SHOM, DIAIR, ANCT) are each held to one body, and a bare « Ministère » is shown as such, apart. The
 * written names are read here from tests/reference/defis-2017-2023.csv, with csv-parse, not through the site's
 * reader; the défis are found in the chart's rows by the slugs they cite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/administrations.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { keyFigure, keyRef, reference, type ReferenceRow } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const DEFIS = () => reference('defis-2017-2023.csv');
const nfc = (text = '') => text.normalize('NFC');
/** Names compared once case is ignored: « three ways » are three spellings that differ by more than case. */
const ways = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase().replace(/['’]/gu, '’'))).size;

/** Each duplicate of issue 22: which written names are its spellings, and how many ways the website writes it. */
const DUPLICATES: { body: string; spelling: RegExp; ways: number }[] = [
  { body: 'DINUM', spelling: /^Direction interministérielle du numérique( \(DINUM\),?)?$/u, ways: 3 },
  { body: 'INSEE', spelling: /^Institut national de la statistique et des études économiques/iu, ways: 2 },
  { body: 'IGN', spelling: /^Institut national de l['’]information géographique et forestière/iu, ways: 2 },
  { body: 'ANSM', spelling: /^Agence nationale de sécurité d(u|es) médicaments? et des produits de santé/iu, ways: 2 },
  { body: 'CNAM', spelling: /Caisse nationale d['’]assurance maladie/iu, ways: 2 },
  { body: 'Cerema', spelling: /Cerema/u, ways: 2 },
  { body: 'CGDD', spelling: /^Commissariat général au développement durable/iu, ways: 3 },
  { body: 'gendarmerie', spelling: /Direction générale de la gendarmerie nationale/iu, ways: 3 },
  {
    body: 'DREES',
    spelling: /Direction de la recherche, des études, de l['’]évaluation et des statistiques/iu,
    ways: 3,
  },
  { body: 'affaires maritimes', spelling: /Direction des affaires maritimes/iu, ways: 3 },
  { body: 'SHOM', spelling: /^Service hydrographique et océanographique de la marine/iu, ways: 2 },
  {
    body: 'DIAIR',
    spelling: /^Délégation interministérielle (à|pour) l['’]accueil et (à )?l['’]intégration des réfugiés/iu,
    ways: 2,
  },
  { body: 'ANCT', spelling: /^(ANCT|Agence nationale de la cohésion des territoires)$/iu, ways: 2 },
];

/** The rows of the chart that count the défi of `slug`: one per body hosting it. */
function labelsOf(slug: string): string[] {
  const rows = chart.rows(ctx);
  return [
    ...new Set(
      rows
        .filter((r) => r._from.some((ref) => ref.table === 'defis-2017-2023' && ctx.cite(ref).key.slug === nfc(slug)))
        .map((r) => r.administration),
    ),
  ];
}

/** A written name that joins two bodies (« EPNAK + CNAM », « Ministère … et Agence … (ANTAI) »). */
const joinsTwo = (d: ReferenceRow) => / \+ | et Agence | et DIRECCTE /u.test(d.administration ?? '');

describe('administrations chart: bodies, not spellings', () => {
  it.each(DUPLICATES)('holds every spelling of the $body to one body', ({ spelling, ways: expected }) => {
    const defis = DEFIS().filter((d) => spelling.test(nfc(d.administration)));
    const names = [...new Set(defis.map((d) => nfc(d.administration)))];
    // The reference writes the body as many ways as issue 22 says: the test holds real duplicates.
    expect(ways(names), names.join(' | ')).toBeGreaterThanOrEqual(expected);
    const labels = defis.map((d) => labelsOf(d.slug!));
    const common = labels.reduce((shared, l) => shared.filter((label) => l.includes(label)));
    expect(common, names.join(' | ')).toHaveLength(1);
    for (const [i, d] of defis.entries()) {
      if (!joinsTwo(d)) expect(labels[i], d.administration).toEqual(common);
    }
  });

  it('shows a bare « Ministère » as such, apart from the bodies, in the chart and its reading', () => {
    const bare = DEFIS().filter((d) => nfc(d.administration) === 'Ministère');
    expect(bare).toHaveLength(1);
    const [label] = labelsOf(bare[0]!.slug!);
    expect(label).toMatch(/^« Ministère » \(nom ambigu\)$/u);
    const rows = chart.rows(ctx);
    expect(rows.find((r) => r.administration === label)?.statut).toBe('ambigu');
    // Counted apart: last in the chart, and not among the bodies of the reading.
    expect(rows.at(-1)?.administration).toBe(label);
    const reading = chart.reading(rows, ctx);
    const bodies = new Set(rows.filter((r) => r.statut === 'organisme').map((r) => r.administration)).size;
    expect(reading).toContain(`accueillis par ${bodies} organismes`);
    expect(reading).toContain(
      '1 défi porte un nom qui ne désigne aucun organisme précis (« Ministère ») : il est compté à part.',
    );
  });

  it('counts fewer bodies than the website writes names, and maps every name', () => {
    const rows = chart.rows(ctx);
    const written = new Set(DEFIS().map((d) => nfc(d.administration)));
    const bodies = new Set(rows.filter((r) => r.statut === 'organisme').map((r) => r.administration));
    expect(rows.filter((r) => r.statut === 'sans-correspondance')).toEqual([]);
    // 13 bodies of issue 22 alone gather 31 spellings.
    expect(bodies.size).toBeLessThan(written.size - 18);
    // One label, one body: its total is the défis of all its rows (two bodies under one label would each have theirs).
    for (const label of bodies) {
      const of = rows.filter((r) => r.administration === label);
      const defis = new Set(
        of.flatMap((r) => r._from.filter((ref) => ref.table === 'defis-2017-2023').map((ref) => ref.line)),
      );
      expect(
        of.map((r) => r.total),
        label,
      ).toEqual(Array(of.length).fill(defis.size));
    }
    // Every written name stays visible, as written, in the table.
    const shown = rows.map((r) => r.graphies).join(' ');
    for (const name of written) expect(shown, name).toContain(`« ${name} »`);
  });

  it('counts every défi under each body hosting it, and its promotion', () => {
    const rows = chart.rows(ctx);
    const defis = DEFIS();
    const hosts = defis.reduce((s, d) => s + (joinsTwo(d) ? 2 : 1), 0);
    expect(rows.reduce((s, r) => s + r.defis, 0)).toBe(hosts);
    for (const d of defis) {
      const of = rows.filter((r) =>
        r._from.some((ref) => ref.table === 'defis-2017-2023' && ctx.cite(ref).key.slug === nfc(d.slug)),
      );
      expect(
        of.map((r) => r.promotion),
        d.slug,
      ).toEqual(Array(joinsTwo(d) ? 2 : 1).fill(d.promotion));
    }
    const reading = chart.reading(rows, ctx);
    expect(reading).toContain(`Les ${defis.length} défis listés`);
  });

  it('reads the body that hosted the most défis: the DINUM, under all its spellings', () => {
    const spelling = DUPLICATES[0]!.spelling;
    const dinum = DEFIS().filter((d) => spelling.test(nfc(d.administration))).length;
    expect(chart.reading(chart.rows(ctx), ctx)).toContain(
      `dont « Direction interministérielle du numérique (DINUM) » (${dinum} défis)`,
    );
  });

  it('notes the May 2019 post’s structures and services against the bodies of promotions 1–3', () => {
    const notes = chart.notes!(chart.rows(ctx), ctx).join(' ');
    expect(notes, keyRef('Total', 'structures_publiques_accueil')).toContain(
      `${keyFigure('Total', 'structures_publiques_accueil')} structures publiques`,
    );
    expect(notes, keyRef('Total', 'services_ou_directions')).toContain(
      `${keyFigure('Total', 'services_ou_directions')} services ou directions`,
    );
    const firstThree = DEFIS().filter((d) => ['EIG 1', 'EIG 2', 'EIG 3'].includes(d.promotion ?? ''));
    expect(notes, 'defis-2017-2023.csv: administrations of EIG 1 to 3').toContain(
      `${new Set(firstThree.map((d) => d.administration)).size} noms écrits`,
    );
  });

  it('draws one marker per défi and body, and writes every body, wide and narrow', () => {
    const hosts = DEFIS().reduce((s, d) => s + (joinsTwo(d) ? 2 : 1), 0);
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg } = renderChart(publishedChart(chart, ctx), variant);
      expect(svg.match(/<rect /gu)?.length).toBe(hosts);
      expect(svg).toContain('>Cour des comptes<');
    }
  });

  it('leaves the original site’s #carte anchor to the map', () => {
    expect(chart.legacyAnchors ?? []).not.toContain('carte');
  });
});
