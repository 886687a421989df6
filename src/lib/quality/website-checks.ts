/**
 * The programme's two websites against each other, on the défis both list (see aggregates/websites.ts): per
 * field, how many agree; per disagreement, both values with the rows they come from. Nothing is chosen: the
 * site shows each website's figures, and these checks say where they part.
 */
import type { Defi } from '../aggregates/defis.ts';
import type { Figures } from '../aggregates/index.ts';
import type { FieldComparison, WebsiteField, WebsitePair } from '../aggregates/websites.ts';
import type { Figure, RowRef } from '../figures.ts';
import { formatNumber } from '../format.ts';
import type { Publications } from '../publications.ts';
import { capitalise, slugify } from '../text.ts';
import type { QualityCheck } from './quality-check.ts';

const FIELD_LABELS: Record<WebsiteField, string> = {
  promotion: 'promotion',
  administration: 'administration d’accueil',
  competences: 'compétences demandées',
  eig: 'nombre d’EIG',
  mentors: 'nombre de mentors',
};

type Value = string | number | string[];

const written = (value: Value) =>
  Array.isArray(value)
    ? value.length > 0
      ? value.join(', ')
      : 'aucune'
    : typeof value === 'number'
      ? formatNumber(value)
      : `« ${value} »`;

/** A website's value as a figure: the count itself, or for a text the number of items it names, on its row. */
function figureOf(value: Value, from: RowRef): Figure {
  if (typeof value === 'number') return { value, unit: 'personnes', from: [from], computed: false };
  return { value: Array.isArray(value) ? value.length : 1, unit: 'nombre', from: [from], computed: false };
}

const defisFigure = (pairs: readonly WebsitePair[]): Figure => ({
  value: pairs.length,
  unit: 'défis',
  from: pairs.flatMap((p) => [p.previous.ref, p.currentRef]),
  computed: true,
});

/** How each website is named: in a sentence (its designation) and as a label (its tag). */
interface Names {
  /** The current website's défis by slug: a disagreement names the défi as that website writes it. */
  currentDefis: ReadonlyMap<string, { title: string; promotion: string }>;
  previous: string;
  current: string;
  previousTag: string;
  currentTag: string;
}

export function websiteChecks(inputs: Figures, publications: Publications): QualityCheck[] {
  const { pairs, fields, unmatched } = inputs.websites;
  const first = pairs[0];
  if (!first) return [];
  const names: Names = {
    currentDefis: new Map(inputs.currentDefis.map((d) => [d.slug, d])),
    previous: publications.designation(first.previous.ref.source),
    current: publications.designation(first.currentRef.source),
    previousTag: publications.tag(first.previous.ref.source),
    currentTag: publications.tag(first.currentRef.source),
  };
  return [
    ...(fields as FieldComparison[]).flatMap((field) => [fieldSummary(field, names), ...disagreements(field, names)]),
    ...unmatched.map((defi) => absent(defi, names)),
  ];
}

/** Per field, how many of the défis both websites list agree. */
function fieldSummary({ field, compared, differ }: FieldComparison, names: Names): QualityCheck {
  const what = FIELD_LABELS[field];
  const defis = `${capitalise(what)} des ${formatNumber(compared.length)} défis que listent ${names.previous} et ${names.current}`;
  return {
    id: `sites-${field}`,
    severity: differ.length > 0 ? 'ecart' : 'conforme',
    title:
      differ.length > 0
        ? `${defis} : ${formatNumber(compared.length - differ.length)} identiques, ${formatNumber(differ.length)} ${differ.length > 1 ? 'différents' : 'différent'}.`
        : `${defis} : identique pour tous.`,
    figures: [
      { label: 'Défis listés par les deux sites', figure: defisFigure(compared) },
      { label: 'Défis où les deux sites diffèrent', figure: defisFigure(differ.map((d) => d.pair)) },
    ],
  };
}

/** Each défi on which the two websites disagree, with both values. */
function disagreements({ field, differ }: FieldComparison, names: Names): QualityCheck[] {
  const what = FIELD_LABELS[field];
  return differ.map(({ pair, previous, current }) => {
    const defi = names.currentDefis.get(pair.current)!;
    return {
      id: `sites-${field}-${slugify(pair.current)}`,
      severity: 'ecart',
      title: `Défi « ${defi.title} » (${defi.promotion}), ${what} : ${written(previous)} selon ${names.previous}, ${written(current)} selon ${names.current}.`,
      figures: [
        { label: `${names.previousTag} : ${written(previous)}`, figure: figureOf(previous, pair.previous.ref) },
        { label: `${names.currentTag} : ${written(current)}`, figure: figureOf(current, pair.currentRef) },
      ],
    };
  });
}

/** A défi of the 2022 website the current one does not list under its title. */
function absent(defi: Defi, names: Names): QualityCheck {
  return {
    id: `sites-absent-${slugify(defi.promotion)}-${slugify(defi.name)}`,
    severity: 'ecart',
    title: `Défi « ${defi.name} » (${defi.promotion}) : listé par ${names.previous}, introuvable sous ce titre sur ${names.current}.`,
    figures: [{ label: names.previousTag, figure: { value: 1, unit: 'défis', from: [defi.ref], computed: false } }],
  };
}
