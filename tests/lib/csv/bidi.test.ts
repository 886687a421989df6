/**
 * Issue 14, item 6: bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069) are
 * refused by the reader wherever they are (a text, a list, a number, a header), with the line, the column and
 * the position in the cell; the message itself never carries one raw. Other controls of direction that need no
 * closing (U+200E, U+200F) are not these and pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/lib/csv/errors.ts';
import { parseTable } from '../../../src/lib/csv/parse-table.ts';
import { tables } from '../../../src/lib/tables.ts';

const defis = readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'snapshot', 'defis.csv'), 'utf8');
const lines = defis.split('\n');
/** Line 3 of défis with its cell `column` (0-based) changed. */
function withCell(column: number, value: string): string {
  const cells = lines[2]!.split(',');
  expect(cells).toHaveLength(12);
  cells[column] = value;
  return [lines[0], lines[1], cells.join(','), ...lines.slice(3)].join('\n');
}
const read = (text: string) => parseTable(Buffer.from(text), tables.defis, 'defis.csv');

const CONTROLS: [string, string][] = [
  ['\u202a', 'U+202A (LEFT-TO-RIGHT EMBEDDING)'],
  ['\u202b', 'U+202B (RIGHT-TO-LEFT EMBEDDING)'],
  ['\u202c', 'U+202C (POP DIRECTIONAL FORMATTING)'],
  ['\u202d', 'U+202D (LEFT-TO-RIGHT OVERRIDE)'],
  ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
  ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
  ['\u2067', 'U+2067 (RIGHT-TO-LEFT ISOLATE)'],
  ['\u2068', 'U+2068 (FIRST STRONG ISOLATE)'],
  ['\u2069', 'U+2069 (POP DIRECTIONAL ISOLATE)'],
];

describe('bidirectional controls', () => {
  it.each(CONTROLS)('%j in a text cell: refused at its line, column and position', (char, named) => {
    const result = read(withCell(3, `Ministère ${char}de l’Intérieur`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      `defis.csv, ligne 3, colonne 4 (administration) : caractère de contrôle bidirectionnel ${named} à la position 11 : il changerait le sens d’écriture du texte affiché après lui ; supprimez-le`,
    );
    expect(result.error.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
  });

  it('in a list, a number or a header too, named by their column', () => {
    const list = read(withCell(6, 'dev;\u202edatascience'));
    expect(!list.ok && list.error.message).toMatch(
      /^defis\.csv, ligne 3, colonne 7 \(competences\) : caractère de contrôle bidirectionnel U\+202E /u,
    );
    const number = read(withCell(7, '\u20661\u2069'));
    expect(!number.ok && number.error.message).toMatch(
      /^defis\.csv, ligne 3, colonne 8 \(nb_eig\) : caractère de contrôle bidirectionnel U\+2066 .* à la position 1 /u,
    );
    const header = read(defis.replace('administration', 'adminis\u202etration'));
    expect(!header.ok && header.error.message).toMatch(
      /^defis\.csv, ligne 1, colonne 4 : caractère de contrôle bidirectionnel U\+202E /u,
    );
  });

  it('any message of a data file shows a control written out, never applied (it would reverse a terminal line)', () => {
    const error = new DataFileError('defis.csv', 'valeur « abc\u202edef » inattendue', 3, 1, 'dé\u2067fi');
    expect(error.message).toBe('defis.csv, ligne 3, colonne 1 (dé<U+2067>fi) : valeur « abc<U+202E>def » inattendue');
  });

  it('left-to-right and right-to-left marks, which need no closing, pass', () => {
    const result = read(withCell(3, 'Ministère\u200e de l’Intérieur\u200f'));
    expect(result.ok).toBe(true);
  });
});
