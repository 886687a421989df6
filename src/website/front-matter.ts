/**
 * The front matter of a page of the programme's website: the YAML block between two `---` lines at the top of a
 * Markdown file, read with the `yaml` library. Only the keys asked for are read out of it (a person's page also
 * holds a name, a job, links: they are never read), each checked as text a page may show: no control character,
 * no bidirectional control. Every problem is one line naming the file, the key and, for YAML, the line.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { findBidiControl, findInvisible } from '../lib/csv/decode.ts';
import { codePoint } from '../lib/csv/errors.ts';

/** What a page's front matter and body hold, by key: text, a list of texts, or a yes/no. */
export interface Page {
  /** The file, as named in messages (« defis/adex.md »). */
  file: string;
  text(key: string): string | null;
  list(key: string): string[];
  flag(key: string): boolean;
  /** The Markdown after the front matter, as written: what is read out of it is checked with {@link checkText}. */
  body: string;
}

export class PageError extends Error {}

const FENCE = /^---[ \t]*$/mu;

/** Splits and reads `source`, the text of `file`; `keys` are the only keys it will be asked for. */
export function readPage(file: string, source: string, keys: readonly string[]): Page {
  const text = source.replace(/^\ufeff/u, '');
  const lines = text.split(/\r?\n/u);
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (!FENCE.test(lines[0] ?? '') || end < 0) {
    throw new PageError(`${file} : pas d’en-tête YAML (un bloc entre deux lignes « --- » en haut du fichier)`);
  }
  const doc = parseDocument(lines.slice(1, end).join('\n'), { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `ligne ${at.line + 1}, colonne ${at.col}` : 'en-tête';
    throw new PageError(`${file} : en-tête YAML illisible (${where} : ${error.message.split('\n')[0]})`);
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new PageError(`${file} : l’en-tête YAML n’est pas une liste de clés et de valeurs`);
  }
  const values = new Map<string, unknown>();
  for (const key of keys) values.set(key, valueOf(file, key, doc.contents));
  return {
    file,
    body: lines.slice(end + 1).join('\n'),
    text: (key) => textOf(file, key, values.get(key)),
    list: (key) => listOf(file, key, values.get(key)),
    flag: (key) => {
      const value = values.get(key);
      return value === true || value === 'true';
    },
  };
}

/** The value of `key`; a key written twice must say the same thing twice (YAML would keep one silently). */
function valueOf(file: string, key: string, map: unknown): unknown {
  if (!isMap(map)) return null;
  const found = map.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  const values = found.map((pair) => plain(file, key, pair.value as Node | null));
  if (new Set(values.map((v) => JSON.stringify(v))).size > 1) {
    throw new PageError(`${file} : clé « ${key} » écrite ${found.length} fois avec des valeurs différentes`);
  }
  return values[0] ?? null;
}

/** A scalar or a list of scalars; anything else (a map, an alias) is not what the website writes. */
function plain(file: string, key: string, node: Node | null): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    return node.items.map((item) => {
      if (isScalar(item)) return item.value;
      throw new PageError(`${file} : clé « ${key} » : liste de valeurs simples attendue`);
    });
  }
  throw new PageError(`${file} : clé « ${key} » : texte ou liste attendu`);
}

/** Text as a page shows it: white space collapsed, trimmed; empty is absent. */
function textOf(file: string, key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) throw new PageError(`${file} : clé « ${key} » : un seul texte attendu, pas une liste`);
  const text = String(value);
  checkText(file, `clé « ${key} »`, text);
  const clean = text.replace(/\s+/gu, ' ').trim();
  return clean === '' ? null : clean;
}

/** A list of texts; a single text is a list of one. */
function listOf(file: string, key: string, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .map((item) => textOf(file, key, item))
    .filter((item): item is string => item !== null);
}

/** Refuses text a page could not show as written: a control character, a bidirectional control. */
export function checkText(file: string, where: string, text: string): void {
  const bidi = findBidiControl(text);
  if (bidi) {
    throw new PageError(
      `${file} : ${where} : caractère de contrôle bidirectionnel ${codePoint(bidi.char)} (${bidi.name}) à la position ${bidi.position}, qui inverserait le texte affiché après lui ; supprimez-le`,
    );
  }
  const invisible = findInvisible(text);
  if (invisible) {
    throw new PageError(
      `${file} : ${where} : caractère de contrôle ${codePoint(invisible.char)} à la position ${[...text.slice(0, invisible.index)].length + 1} (fichier binaire ou mal encodé ?) ; supprimez-le`,
    );
  }
}
