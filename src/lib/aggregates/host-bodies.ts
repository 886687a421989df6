/**
 * The bodies that hosted the défis. The website writes one body several ways (« Direction interministérielle du
 * numérique », « … (DINUM) », « … (DINUM), »), and one name may hold two bodies (« EPNAK + CNAM »): the reviewed
 * table organismes maps each name, exactly as the défis' table writes it, to the bodies it names (name, acronym,
 * ministry). What the table does not settle is never settled here: a name it marks as designating no body
 * (« Ministère ») stays that name, ambiguous, and a name it lacks stays that name, unmapped; both are counted
 * apart from the bodies, and the quality report (../quality/body-checks.ts) lists them.
 */
import { refOf, type RowRef } from '../figures.ts';
import type { Row } from '../tables.ts';
import { administrationKey } from './defis.ts';

/**
 * - `organisme`: a body the table names;
 * - `ambigu`: the table says the name designates no body in particular;
 * - `sans-correspondance`: the table has no row for the name.
 */
export type BodyStatus = 'organisme' | 'ambigu' | 'sans-correspondance';

export interface Body {
  /** What bodies are counted by: the body's name without case, accents or punctuation; for a name, the name's. */
  key: string;
  /** The body's name; for an ambiguous or unmapped name, the name as written. */
  name: string;
  acronym: string | null;
  ministry: string | null;
  /** The table's remark (a former name, why a name is ambiguous). */
  note: string | null;
  status: BodyStatus;
  /** The table's rows that name it (none for a name the table lacks). */
  refs: RowRef[];
}

export interface BodyTable {
  /** The bodies each written name names, in the table's order. */
  byName: ReadonlyMap<string, readonly Body[]>;
  /** Every row, with its written name and how it describes its body, for the checks of the table itself. */
  rows: readonly { written: string; body: Body; ref: RowRef; acronym: string | null; ministry: string | null }[];
}

/** « Direction interministérielle du numérique (DINUM) »: the name, and its acronym when the name lacks it. */
export function bodyLabel(body: Pick<Body, 'name' | 'acronym'>): string {
  return body.acronym && !body.name.includes(body.acronym) ? `${body.name} (${body.acronym})` : body.name;
}

const APART: Record<Exclude<BodyStatus, 'organisme'>, string> = {
  ambigu: 'nom ambigu',
  'sans-correspondance': 'nom absent de la correspondance',
};

/** How a body is named where bodies are listed: a name that designates none is quoted, and said so. */
export function bodyTitle(body: Pick<Body, 'name' | 'acronym' | 'status'>): string {
  return body.status === 'organisme' ? bodyLabel(body) : `« ${body.name} » (${APART[body.status]})`;
}

/** The table, read once: a body named by several rows is one object, which the first of them describes. */
export function bodyTable(rows: readonly Row<'organismes'>[]): BodyTable {
  const bodies = new Map<string, Body>();
  const byName = new Map<string, Body[]>();
  const read: BodyTable['rows'][number][] = [];
  for (const row of rows) {
    const ref = refOf('organismes', row);
    const body = row.organisme === null ? ambiguous(row, ref) : sharedBody(bodies, row, ref);
    byName.set(row.nom_ecrit, [...(byName.get(row.nom_ecrit) ?? []), body]);
    read.push({ written: row.nom_ecrit, body, ref, acronym: row.sigle, ministry: row.ministere });
  }
  return { byName, rows: read };
}

function sharedBody(bodies: Map<string, Body>, row: Row<'organismes'>, ref: RowRef): Body {
  const key = administrationKey(row.organisme!);
  const known = bodies.get(key);
  if (known) {
    known.refs.push(ref);
    return known;
  }
  const body: Body = {
    key,
    name: row.organisme!,
    acronym: row.sigle,
    ministry: row.ministere,
    note: row.remarque,
    status: 'organisme',
    refs: [ref],
  };
  bodies.set(key, body);
  return body;
}

function ambiguous(row: Row<'organismes'>, ref: RowRef): Body {
  return {
    key: `ambigu:${administrationKey(row.nom_ecrit)}`,
    name: row.nom_ecrit,
    acronym: null,
    ministry: null,
    note: row.remarque,
    status: 'ambigu',
    refs: [ref],
  };
}

/** The bodies `written` names; a name the table lacks is itself, unmapped: never a body of its own. */
export function bodiesOf(table: BodyTable, written: string): readonly Body[] {
  return (
    table.byName.get(written) ?? [
      {
        key: `sans-correspondance:${administrationKey(written)}`,
        name: written,
        acronym: null,
        ministry: null,
        note: null,
        status: 'sans-correspondance',
        refs: [],
      },
    ]
  );
}
