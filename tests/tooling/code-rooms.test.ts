/**
 * The shape of the code (README « Organisation du code »), read from the sources with
 * TypeScript's own import scanner: commands are entry points nothing else imports; load/ only loads; the update
 * report is pure; the transaction (update/) knows nothing of the commands or of where data comes from; no import
 * cycle, between files or between folders; and each file's name says its room, once in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The rooms of the update pipeline, and the core it stands on. */
const ROOMS = ['src/commands', 'src/fetch', 'src/website', 'src/update', 'src/load', 'src/report', 'src/effects.ts'];

/** What each room must never import (a folder, or a file), so that dependencies go one way. */
const NEVER: Record<string, string[]> = {
  // Loading reads a data folder; it never writes one, nor reports, nor draws.
  'src/load': ['src/commands', 'src/fetch', 'src/update', 'src/report', 'src/charts', 'src/publish', 'src/site'],
  // The report compares two snapshots in memory: no file, no network, no clock.
  'src/report': ['src/commands', 'src/fetch', 'src/update', 'src/load', 'src/effects.ts'],
  // The transaction serves every source of data (data.gouv.fr, a website checkout…) and every command.
  'src/update': ['src/commands', 'src/fetch'],
  'src/fetch': ['src/commands'],
  // The programme's website is a source beside data.gouv.fr: each goes through the transaction, neither through
  // the other.
  'src/website': ['src/commands', 'src/fetch'],
  // The pure core.
  'src/lib': [
    'src/commands',
    'src/fetch',
    'src/update',
    'src/load',
    'src/report',
    'src/effects.ts',
    'src/charts',
    'src/publish',
    'src/site',
    'src/pages',
    'src/client',
  ],
  // Publishing reads the model and the charts; the site reads what is published, never the reverse.
  'src/publish': ['src/site', 'src/pages', 'src/commands', 'src/fetch', 'src/update'],
  'src/charts': ['src/publish', 'src/site', 'src/pages', 'src/load', 'src/update', 'src/fetch', 'src/commands'],
};

/** Every source file of src/, by its path from the repository's root. */
function sourceFiles(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro)$/u.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/** The files of src/ (and beyond) that `file` imports, by their path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, resolve(dirname(join(ROOT, file)), name)));
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const inRoom = (file: string, room: string) => file === room || file.startsWith(`${room}/`);
const roomOf = (file: string) => ROOMS.find((room) => inRoom(file, room)) ?? null;

/** Groups of files that import one another, directly or not (Tarjan's strongly connected components). */
function cycles(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

describe('the rooms of src/', () => {
  it('finds the rooms and their imports (the test reads real code)', () => {
    for (const room of ROOMS)
      expect(
        files.some((f) => inRoom(f, room)),
        room,
      ).toBe(true);
    expect(graph.get('src/commands/fetch.ts')).toContain('src/fetch/fetch-data.ts');
    expect(graph.get('src/fetch/fetch-data.ts')).toContain('src/update/transaction.ts');
  });

  it('imports one way: each room stays clear of what it must never import', () => {
    const wrong = [...graph].flatMap(([file, imported]) =>
      Object.entries(NEVER)
        .filter(([room]) => inRoom(file, room))
        .flatMap(([, never]) => imported.filter((target) => never.some((n) => inRoom(target, n))))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has commands as entry points: only scripts/ and other commands import them', () => {
    const importers = [...graph]
      .filter(([file]) => !inRoom(file, 'src/commands'))
      .filter(([, imported]) => imported.some((target) => inRoom(target, 'src/commands')))
      .map(([file]) => file);
    expect(importers).toEqual([]);
  });

  it('has no import cycle between files of src/', () => {
    expect(cycles(files, (file) => graph.get(file) ?? [])).toEqual([]);
  });

  it('has no import cycle between folders of src/', () => {
    // A folder of src/ is one room with its subfolders (lib/ and lib/aggregates/ share lib/figures.ts).
    const folderOf = (file: string) => roomOf(file) ?? file.split('/').slice(0, 2).join('/');
    const folders = [...new Set(files.map(folderOf))];
    const edges = (folder: string) => [
      ...new Set(
        files
          .filter((file) => folderOf(file) === folder)
          .flatMap((file) => graph.get(file)!)
          .filter((target) => target.startsWith('src/'))
          .map(folderOf)
          .filter((target) => target !== folder),
      ),
    ];
    expect(cycles(folders, edges)).toEqual([]);
  });

  it('names each file once in src/ (but the pages, whose names are Astro’s routes)', () => {
    const name = (file: string) => file.split('/').at(-1)!;
    const named = files.filter((file) => !inRoom(file, 'src/pages'));
    const twice = named.filter((file) => named.some((other) => other !== file && name(other) === name(file)));
    expect(twice).toEqual([]);
  });
});
