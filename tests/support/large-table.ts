/**
 * A défis table at every limit of the site at once (../../src/lib/limits.ts): as many rows as a table may have,
 * one field as long as a field may be, a file just under the size a table may have. Generated, not stored.
 */
import { LIMITS } from '../../src/lib/limits.ts';

const HEADER =
  'defi,promotion,annee,administration,commune,code_postal,competences,nb_eig,nb_mentors,duree_mois,code_source,source';
const PROMOTIONS = ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4'] as const;

function row(i: number, administration: string, link: string): string {
  const promotion = PROMOTIONS[i % 4]!;
  return [
    `Défi généré ${String(i).padStart(4, '0')}`,
    promotion,
    2017 + (i % 4),
    `"${administration}"`,
    'Paris',
    '75007',
    i % 2 ? 'dev;datascience' : 'design',
    1 + (i % 3),
    1,
    10,
    link,
    'programme-site',
  ].join(',');
}

/** `rows` défis (the limit by default); the first names an administration of exactly `fieldBytes` bytes. */
export function largeDefis(rows: number = LIMITS.rowsPerTable, fieldBytes: number = LIMITS.bytesPerField): Buffer {
  const long = 'Administration au nom long '.repeat(100).slice(0, fieldBytes);
  const first = row(0, long, '');
  // Every other row padded alike, so that the whole file ends just under the limit of a table.
  const bytes = (text: string) => Buffer.byteLength(text);
  const plain = bytes(row(9999, 'Administration 49', 'https://code.example/defis/9999/'));
  const room = LIMITS.bytesPerTable - bytes(HEADER) - bytes(first) - 2;
  const padding = Math.max(0, Math.floor(room / Math.max(1, rows - 1)) - plain - 1);
  const lines = [HEADER, first];
  for (let i = 1; i < rows; i++) {
    lines.push(row(i, `Administration ${i % 50}`, `https://code.example/defis/${i}/${'x'.repeat(padding)}`));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/**
 * `text` (a table's CSV) grown to `rows` rows of about `rowBytes` bytes each: its first data row repeated, the
 * column `vary` made unique, and an extra column (accepted, not read) padding every row.
 */
export function grownTable(text: string, vary: string, rows: number, rowBytes: number): Buffer {
  const [header, first] = text.split('\n') as [string, string];
  const cells = first.split(',');
  const index = header.split(',').indexOf(vary);
  if (index < 0 || first.includes('"')) throw new Error(`grownTable: cannot vary « ${vary} » of ${header}`);
  const lines = [`${header},remplissage`];
  for (let i = 0; i < rows; i++) {
    const row = cells.map((cell, j) => (j === index ? `${cell} ${i}` : cell)).join(',');
    lines.push(`${row},${'r'.repeat(Math.max(1, rowBytes - Buffer.byteLength(row) - 2))}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}
