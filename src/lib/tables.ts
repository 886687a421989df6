import { sources } from '../../data/sources.ts';
import type { RowOf, TableSpec } from './csv/schema.ts';

export const tables = sources.tables satisfies Record<string, TableSpec>;
export type Tables = typeof tables;
export type TableName = keyof Tables;
export type Row<T extends TableName> = RowOf<Tables[T]>;

export const tableNames = Object.keys(tables) as TableName[];

/** The rows of every table of a snapshot, typed. */
export type SnapshotTables = { [T in TableName]: Row<T>[] };
