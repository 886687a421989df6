/**
 * The host administrations' names against the reviewed table that maps them to bodies (organismes): a name the
 * table lacks (never made a body of its own: it asks for its row), a name the table says designates no body
 * (counted apart), a row no défi uses any more, one body described two ways; and, when all is well, how many
 * names map to how many bodies.
 */
import type { CurrentDefi } from '../aggregates/current-defis.ts';
import type { Body, BodyTable } from '../aggregates/host-bodies.ts';
import type { Figures } from '../aggregates/index.ts';
import type { Figure } from '../figures.ts';
import { formatNumber } from '../format.ts';
import { tables } from '../tables.ts';
import { plural, slugify } from '../text.ts';
import type { QualityCheck } from './quality-check.ts';

const TABLE = `data/snapshot/${tables.organismes.file}`;

const defisFigure = (defis: readonly CurrentDefi[]): Figure => ({
  value: defis.length,
  unit: 'défis',
  from: defis.map((d) => d.ref),
  computed: true,
});

const defiWord = (defis: readonly unknown[]) => plural(defis.length, 'défi');
const quoted = (defis: readonly CurrentDefi[]) => defis.map((d) => `« ${d.title} » (${d.promotion})`).join(', ');

export function bodyChecks({ currentDefis, bodies }: Pick<Figures, 'currentDefis' | 'bodies'>): QualityCheck[] {
  const byName = new Map<string, CurrentDefi[]>();
  for (const d of currentDefis) byName.set(d.administration, [...(byName.get(d.administration) ?? []), d]);
  const missing = unmapped(byName);
  return [
    ...missing,
    ...ambiguous(byName, bodies),
    ...unused(byName, bodies),
    ...twoWays(bodies),
    ...(missing.length === 0 ? [allMapped(byName)] : []),
  ];
}

function unmapped(byName: ReadonlyMap<string, CurrentDefi[]>): QualityCheck[] {
  return [...byName]
    .filter(([, defis]) => defis[0]!.bodies.some((b) => b.status === 'sans-correspondance'))
    .map(([name, defis]) => ({
      id: `organisme-manquant-${slugify(name)}`,
      severity: 'incoherence',
      title: `Nom d’administration que la correspondance des organismes ne connaît pas : « ${name} » (${defiWord(defis)} ${quoted(defis)}) ; il est compté à part, comme un nom, jamais comme un organisme de plus : ajoutez sa ligne à ${TABLE}.`,
      figures: [{ label: `« ${name} »`, figure: defisFigure(defis) }],
    }));
}

function ambiguous(byName: ReadonlyMap<string, CurrentDefi[]>, table: BodyTable): QualityCheck[] {
  return table.rows
    .filter((row) => row.body.status === 'ambigu' && byName.has(row.written))
    .map(({ written, ref }) => {
      const defis = byName.get(written)!;
      return {
        id: `organisme-ambigu-${slugify(written)}`,
        severity: 'format',
        title: `Nom d’administration qui ne désigne aucun organisme précis : « ${written} » (${defiWord(defis)} ${quoted(defis)}) ; il est montré tel quel et compté à part des organismes.`,
        // Cited by the table's row alone: the check belongs with what counts bodies, not with every chart of défis.
        figures: [
          {
            label: `« ${written} » (correspondance)`,
            figure: { value: defis.length, unit: 'défis', from: [ref], computed: true },
          },
        ],
      };
    });
}

function unused(byName: ReadonlyMap<string, CurrentDefi[]>, table: BodyTable): QualityCheck[] {
  return table.rows
    .filter((row) => !byName.has(row.written))
    .map(({ written, body, ref }) => ({
      id: `organisme-inutilise-${slugify(written)}`,
      severity: 'format',
      title: `Ligne de la correspondance des organismes qu’aucun défi n’utilise : « ${written} » (${body.status === 'organisme' ? body.name : 'nom ambigu'}) ; le site ne l’écrit plus ainsi, ou la ligne est mal orthographiée.`,
      figures: [{ label: `« ${written} »`, figure: { value: 0, unit: 'défis', from: [ref], computed: true } }],
    }));
}

/** A body whose rows disagree on its acronym or ministry: the first row is shown, the others are listed. */
function twoWays(table: BodyTable): QualityCheck[] {
  const rowsOf = new Map<Body, BodyTable['rows'][number][]>();
  for (const row of table.rows) {
    if (row.body.status === 'organisme') rowsOf.set(row.body, [...(rowsOf.get(row.body) ?? []), row]);
  }
  const described = (r: BodyTable['rows'][number]) =>
    `sigle ${r.acronym ? `« ${r.acronym} »` : 'aucun'}, ministère ${r.ministry ? `« ${r.ministry} »` : 'aucun'}`;
  return [...rowsOf].flatMap(([body, rows]) => {
    const ways = new Set(rows.map(described));
    if (ways.size < 2) return [];
    return [
      {
        id: `organisme-decrit-${slugify(body.name)}`,
        severity: 'incoherence',
        title: `Organisme décrit de ${formatNumber(ways.size)} façons dans la correspondance : « ${body.name} » ${[...ways].map((w) => `(${w})`).join(', ')} ; le site montre la première.`,
        figures: rows.map((r) => ({
          label: `« ${r.written} »`,
          figure: { value: 1, unit: 'structures', from: [r.ref], computed: false },
        })),
      },
    ];
  });
}

function allMapped(byName: ReadonlyMap<string, CurrentDefi[]>): QualityCheck {
  const found = [...byName.values()].flatMap((defis) => defis[0]!.bodies);
  const bodies = new Set(found.filter((b) => b.status === 'organisme').map((b) => b.key)).size;
  const apart = new Set(found.filter((b) => b.status !== 'organisme').map((b) => b.key)).size;
  return {
    id: 'organismes-tous-rattaches',
    severity: 'conforme',
    title:
      `Les ${formatNumber(byName.size)} noms d’administration écrits sur le site ont chacun leur ligne dans la correspondance des organismes : ${formatNumber(bodies)} ${plural(bodies, 'organisme')}` +
      (apart > 0
        ? `, et ${formatNumber(apart)} ${plural(apart, 'nom qui n’en désigne aucun', 'noms qui n’en désignent aucun')}.`
        : '.'),
    figures: [],
  };
}
