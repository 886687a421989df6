/**
 * The publications rows cite in their `source` column (data/publications.csv), and the three ways the site
 * names them: a short label under a chart, a tag in a table's source column, a noun phrase in a sentence.
 * A publication missing from the file is named by its id, never hidden (the build refuses such a snapshot).
 */
import type { sources } from '../../data/sources.ts';
import type { RowOf } from './csv/schema.ts';

export type Publication = RowOf<typeof sources.publications>;

export interface Publications {
  readonly list: readonly Publication[];
  get(id: string): Publication | undefined;
  /** « rapport d’analyse des promotions 1 et 2 (Etalab, 2019) » */
  shortLabel(id: string): string;
  /** « Rapport 2019 » */
  tag(id: string): string;
  /** « le rapport 2019 » */
  designation(id: string): string;
}

export function indexPublications(list: readonly Publication[]): Publications {
  const byId = new Map(list.map((p) => [p.id, p]));
  return {
    list,
    get: (id) => byId.get(id),
    shortLabel: (id) => byId.get(id)?.libelle_court ?? id,
    tag: (id) => byId.get(id)?.etiquette ?? id,
    designation: (id) => byId.get(id)?.designation ?? `la publication « ${id} »`,
  };
}
