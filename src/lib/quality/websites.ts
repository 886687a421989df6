/**
 * The programme's two websites against each other, on the défis both list (see aggregates/websites.ts): per
 * field, how many agree; per disagreement, both values with the rows they come from. Nothing is chosen: the
 * site shows each website's figures, and these checks say where they part.
 */
import type { Figures } from '../aggregates/index.ts';
import type { FieldComparison, WebsiteField, WebsitePair } from '../aggregates/websites.ts';
import type { Figure, RowRef } from '../figures.ts';
import { formatNumber } from '../format.ts';
import type { Publications } from '../publications.ts';
import type { QualityCheck } from '../quality.ts';
import { capitalise, flat, slugify } from '../text.ts';

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

export function websiteChecks(inputs: Figures, publications: Publications): QualityCheck[] {
  const { pairs, fields, unmatched } = inputs.websites;
  const first = pairs[0];
  if (!first) return [];
  const previousName = publications.designation(first.previous.ref.source);
  const currentName = publications.designation(first.currentRef.source);
  const previousTag = publications.tag(first.previous.ref.source);
  const currentTag = publications.tag(first.currentRef.source);
  const checks: QualityCheck[] = [];
  const currentDefi = new Map(inputs.currentDefis.map((d) => [d.slug, d]));
  for (const { field, compared, differ } of fields as FieldComparison[]) {
    const what = FIELD_LABELS[field];
    checks.push({
      id: flat`sites-${field}`,
      severity: differ.length > 0 ? 'ecart' : 'conforme',
      title:
        differ.length > 0
          ? flat`${capitalise(what)} des ${formatNumber(compared.length)} défis que listent ${previousName} et ${currentName} : ${formatNumber(compared.length - differ.length)} identiques, ${formatNumber(differ.length)} ${differ.length > 1 ? 'différents' : 'différent'}.`
          : flat`${capitalise(what)} des ${formatNumber(compared.length)} défis que listent ${previousName} et ${currentName} : identique pour tous.`,
      figures: [
        { label: 'Défis listés par les deux sites', figure: defisFigure(compared) },
        { label: 'Défis où les deux sites diffèrent', figure: defisFigure(differ.map((d) => d.pair)) },
      ],
    });
    for (const { pair, previous, current } of differ) {
      const defi = currentDefi.get(pair.current)!;
      checks.push({
        id: flat`sites-${field}-${slugify(pair.current)}`,
        severity: 'ecart',
        title: flat`Défi « ${defi.title} » (${defi.promotion}), ${what} : ${written(previous)} selon ${previousName}, ${written(current)} selon ${currentName}.`,
        figures: [
          { label: `${previousTag} : ${written(previous)}`, figure: figureOf(previous, pair.previous.ref) },
          { label: `${currentTag} : ${written(current)}`, figure: figureOf(current, pair.currentRef) },
        ],
      });
    }
  }
  for (const defi of unmatched) {
    checks.push({
      id: flat`sites-absent-${slugify(defi.promotion)}-${slugify(defi.name)}`,
      severity: 'ecart',
      title: flat`Défi « ${defi.name} » (${defi.promotion}) : listé par ${previousName}, introuvable sous ce titre sur ${currentName}.`,
      figures: [{ label: previousTag, figure: { value: 1, unit: 'défis', from: [defi.ref], computed: false } }],
    });
  }
  return checks;
}
