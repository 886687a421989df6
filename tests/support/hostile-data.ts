/**
 * A copy of the real snapshot with défis whose texts are attacks: every page, SVG, JSON and CSV built from it
 * must show them as text. The copy is re-locked so it is a valid snapshot, as a bad download that passed
 * validation would be.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockData } from '../../src/commands/lock.ts';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  formula: '=HYPERLINK("http://example.invalid","x")',
  link: 'javascript:alert(1)',
  tab: '\t=1+1',
  command: "+cmd|' /C calc'!A0",
  /** Markup, right-to-left letters (bidirectional controls are refused at read) and a word longer than any screen. */
  long: `<b>gras</b> שלום עולם ${'Anticonstitutionnellement'.repeat(12)}`,
} as const;

const quote = (text: string) => `"${text.replace(/"/gu, '""')}"`;

export async function makeHostileData(dir: string): Promise<void> {
  await cp('data', dir, { recursive: true, filter: (path) => !path.includes('unmapped') });
  const file = join(dir, 'snapshot', 'defis.csv');
  const rows = [
    [
      HOSTILE.script,
      'EIG 4',
      '2020',
      HOSTILE.attribute,
      HOSTILE.formula,
      '75001',
      'dev',
      '1',
      '1',
      '10',
      HOSTILE.link,
      'programme-site',
    ],
    [
      HOSTILE.attribute,
      'EIG 4',
      '2020',
      HOSTILE.script,
      '+33 1 23',
      '75002',
      'design',
      '1',
      '1',
      '10',
      `https://x"><script>alert(1)</script>`,
      'programme-site',
    ],
    [
      '-2+3',
      'EIG 3',
      '2019',
      '@SUM(1,1)',
      HOSTILE.tab,
      HOSTILE.command,
      'datascience',
      '1',
      '1',
      '10',
      '',
      'programme-site',
    ],
  ];
  const text = await readFile(file, 'utf8');
  await writeFile(file, text + rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  // The same attacks in the current website's list, which the défis explorer shows (its filters too).
  const current = join(dir, 'snapshot', 'defis-2017-2023.csv');
  const source = (slug: string) => `site/content/defis/${slug}.md@0`;
  // By column name, written in the file's own order of columns (optional ones left empty).
  const currentRows: Record<string, string>[] = [
    {
      slug: 'hostile-script',
      titre: HOSTILE.script,
      description: HOSTILE.attribute,
      promotion: 'EIG 4',
      promotion_source: 'Promotion 4',
      administration: HOSTILE.attribute,
      ville: HOSTILE.formula,
      thematiques: HOSTILE.attribute,
      expertises: 'Design',
      nb_eig: '1',
      nb_mentors: '1',
      lien_code: HOSTILE.link,
      page_startup: HOSTILE.link,
      source_fichier: source('a'),
      source: 'site-eig-v3',
    },
    {
      slug: 'hostile-attribute',
      titre: HOSTILE.attribute,
      description: HOSTILE.script,
      promotion: 'EIG 4',
      promotion_source: 'Promotion 4',
      administration: HOSTILE.script,
      ville: '+33 1 23',
      thematiques: 'Santé',
      expertises: HOSTILE.script,
      nb_eig: '1',
      nb_mentors: '1',
      lien_code: `https://x"><script>alert(1)</script>`,
      source_fichier: source('b'),
      source: 'site-eig-v3',
    },
    {
      slug: 'hostile-long',
      titre: 'Interministérialisation'.repeat(8),
      description: HOSTILE.long,
      promotion: 'EIG 5',
      promotion_source: 'Promotion 5',
      administration: HOSTILE.script,
      ville: 'Paris',
      thematiques: 'Santé',
      expertises: 'Design',
      nb_eig: '1',
      nb_mentors: '1',
      source_fichier: source('d'),
      source: 'site-eig-v3',
    },
    {
      slug: 'hostile-formula',
      titre: '-2+3',
      promotion: 'EIG 3',
      promotion_source: 'Promotion 3',
      administration: '@SUM(1,1)',
      expertises: 'Data science',
      nb_eig: '1',
      nb_mentors: '1',
      source_fichier: source('c'),
      source: 'site-eig-v3',
    },
  ];
  const currentText = await readFile(current, 'utf8');
  const header = currentText.slice(0, currentText.indexOf('\n')).split(',');
  await writeFile(
    current,
    currentText + currentRows.map((r) => header.map((column) => quote(r[column] ?? '')).join(',')).join('\n') + '\n',
  );
  // A body of a hostile name, with its page: the name the hostile défi is written under maps to it.
  const bodies = join(dir, 'snapshot', 'organismes.csv');
  const bodyRow = [HOSTILE.script, HOSTILE.long, '', HOSTILE.attribute, '', 'correspondance-organismes'];
  await writeFile(bodies, (await readFile(bodies, 'utf8')) + bodyRow.map(quote).join(',') + '\n');
  await lockData(dir, { log: () => {}, now: () => new Date('2026-01-01T00:00:00Z') });
}
