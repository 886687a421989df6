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
  const currentRows = [
    [
      'hostile-script',
      HOSTILE.script,
      'EIG 4',
      'Promotion 4',
      '',
      HOSTILE.attribute,
      HOSTILE.formula,
      HOSTILE.attribute,
      'Design',
      '1',
      '1',
      HOSTILE.link,
      source('a'),
      'site-eig-v3',
    ],
    [
      'hostile-attribute',
      HOSTILE.attribute,
      'EIG 4',
      'Promotion 4',
      '',
      HOSTILE.script,
      '+33 1 23',
      'Santé',
      HOSTILE.script,
      '1',
      '1',
      `https://x"><script>alert(1)</script>`,
      source('b'),
      'site-eig-v3',
    ],
    [
      'hostile-formula',
      '-2+3',
      'EIG 3',
      'Promotion 3',
      '',
      '@SUM(1,1)',
      '',
      '',
      'Data science',
      '1',
      '1',
      '',
      source('c'),
      'site-eig-v3',
    ],
  ];
  const currentText = await readFile(current, 'utf8');
  await writeFile(current, currentText + currentRows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  await lockData(dir, { log: () => {}, now: () => new Date('2026-01-01T00:00:00Z') });
}
