/** What every check of the original data.eig-forever.org reads: its figures, and how to name who says what. */
import type { Figures } from '../aggregates/index.ts';
import type { Figure, RowRef, Unit } from '../figures.ts';
import type { Publications } from '../publications.ts';
import { sourceNames, type SourceName } from './comparison.ts';

export interface OriginalContext {
  inputs: Figures;
  /** The original's figure for an indicator (an ORIGINAL name) and a promotion, or null when missing. */
  value: (indicator: string, promotion: string) => Figure | null;
  /** The publication the original's rows cite, as a noun phrase (data-eig-forever-2019 in the real snapshot). */
  site: string;
  sourceName: SourceName;
}

export function originalContext(inputs: Figures, publications: Publications): OriginalContext {
  return {
    inputs,
    value: inputs.original.value,
    site: publications.designation(inputs.original.source ?? ''),
    sourceName: sourceNames(publications),
  };
}

/** A count made here, from the rows it counts. */
export const counted = (value: number, from: RowRef[], unit: Unit): Figure => ({ value, unit, from, computed: true });
