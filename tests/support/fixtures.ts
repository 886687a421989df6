/**
 * Fixture data folders (tests/fixtures/<name>/: snapshot/*.csv, manifest.json, publications.csv, history/),
 * their figures written by hand for the tests and unrelated to data/: a fetch that changes data/ never changes what
 * a unit test reads. A test loads one as the build does (load → buildModel → publish), or alters a locked copy of
 * one in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Chart } from '../../src/charts/types.ts';
import type { Manifest } from '../../src/lib/manifest.ts';
import { buildModel, type Model } from '../../src/lib/model.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
import { load, type Loaded } from '../../src/load/load-folder.ts';
import { publish, type Published } from '../../src/publish/publish.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export type FixtureName = 'small';

export const fixtureDir = (name: FixtureName) => join(FIXTURES, name);

/** A data folder read through `load()`, every problem it has thrown as one error. */
export async function loadFolder(dir: string): Promise<Loaded> {
  const result = await load(dir);
  if (!result.ok) throw new Error(`${dir} :\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.data;
}

export const loadFixture = (name: FixtureName) => loadFolder(fixtureDir(name));

export async function modelOf(dir: string): Promise<Model> {
  return buildModel((await loadFolder(dir)).snapshot);
}

export const fixtureModel = (name: FixtureName) => modelOf(fixtureDir(name));

/** The fixture as the site publishes it: every chart, or the charts given. */
export async function publishedFixture(name: FixtureName, charts?: readonly Chart[]): Promise<Published> {
  return publish(await fixtureModel(name), charts);
}

/** What a test changes in a copy: a table's text (or the publications'), given the text as committed. */
export type Edits = Partial<Record<TableName | 'publications', (text: string) => string>>;

const pathOf = (dir: string, file: TableName | 'publications') =>
  file === 'publications' ? join(dir, 'publications.csv') : join(dir, 'snapshot', tables[file].file);

/**
 * A copy of a fixture in a temporary folder, with `edits` applied and the manifest re-locked (SHA-256, size and
 * rows of every table, as `npm run data:lock` records them), so that `load()` accepts it. Remove it with
 * `removeCopy`.
 */
export async function lockedCopy(name: FixtureName, edits: Edits = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `eig-fixture-${name}-`));
  await cp(fixtureDir(name), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits) as [TableName | 'publications', (text: string) => string][]) {
    const path = pathOf(dir, file);
    await writeFile(path, edit(await readFile(path, 'utf8')));
  }
  await relock(dir);
  return dir;
}

export async function removeCopy(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Records in `dir`/manifest.json the fingerprint, size, row count and header of every table file. Written apart
 * from src/commands/lock.ts (which also appends to the history): rows are counted here with csv-parse alone.
 */
export async function relock(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const name of tableNames) {
    const bytes = await readFile(pathOf(dir, name));
    const records = parse(bytes, { bom: true, skip_empty_lines: true }) as string[][];
    // A table the fixture did not have yet is recorded as compiled by hand, like the fixture's others.
    const lock = (manifest.tables[name] ??= {
      file: tables[name].file,
      origin: 'publications',
      originNote: 'Fixture de test écrite à la main.',
      resource: null,
      fetchedAt: null,
      updatedAt: `${manifest.snapshotDate}T00:00:00.000Z`,
      rows: 0,
      bytes: 0,
      sha256: '',
      columns: [],
    });
    lock.sha256 = createHash('sha256').update(bytes).digest('hex');
    lock.bytes = bytes.byteLength;
    lock.rows = records.length - 1;
    lock.columns = records[0] ?? [];
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
