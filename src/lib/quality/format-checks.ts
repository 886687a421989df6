/**
 * Values of the défis list that are malformed: a link to the source code without a host, one administration
 * spelled several ways. Nothing is corrected; each is listed with its rows.
 */
import { spellingVariants, type Defi } from '../aggregates/defis.ts';
import { slugify } from '../text.ts';
import type { QualityCheck } from './quality-check.ts';

export function formatChecks(defis: readonly Defi[]): QualityCheck[] {
  return [...malformedLinks(defis), ...spellings(defis), linksSummary(defis)];
}

function malformedLinks(defis: readonly Defi[]): QualityCheck[] {
  return defis.flatMap((d) =>
    d.code && !d.code.wellFormed
      ? [
          {
            id: `lien-${slugify(d.promotion)}-${slugify(d.name)}`,
            severity: 'format',
            title: `Défi « ${d.name} » (${d.promotion}) : le lien vers le code source « ${d.code.url} » est mal formé (pas de nom de domaine).`,
            figures: [
              {
                label: 'Ligne de la liste des défis',
                figure: { value: 1, unit: 'défis', from: [d.ref], computed: false },
              },
            ],
          },
        ]
      : [],
  );
}

function spellings(defis: readonly Defi[]): QualityCheck[] {
  return spellingVariants(defis).map((group) => ({
    id: `orthographe-${slugify(group.key)}`,
    severity: 'format',
    title: `Une même administration écrite de ${group.spellings.length} façons : ${group.spellings.map((s) => `« ${s.text} »`).join(', ')}.`,
    figures: group.spellings.map((s) => ({
      label: `« ${s.text} »`,
      figure: { value: s.defis.length, unit: 'défis', from: s.defis.map((d) => d.ref), computed: true },
    })),
  }));
}

function linksSummary(defis: readonly Defi[]): QualityCheck {
  const linked = defis.filter((d) => d.code);
  const wellFormed = linked.filter((d) => d.code!.wellFormed).length;
  return {
    id: 'liens-bien-formes',
    severity: 'conforme',
    title: `${wellFormed} liens vers le code source sur ${linked.length} sont bien formés.`,
    figures: [],
  };
}
