/**
 * The built /qualite/ page lists the very checks `npm run data:check -- --verbose` prints, each once, grouped by
 * chart: the same count, the same counts by kind, the same sentences.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { SEVERITY_LABELS, type Severity } from '../../src/lib/quality/quality-check.ts';
import { page, plainSpaces } from '../support/dist.ts';

const dist = inject('siteDir');
let dir: string;
const lines: string[] = [];

beforeAll(async () => {
  // data:check takes the data folder's lock: it reads a copy, as the build read data/.
  dir = await mkdtemp(join(tmpdir(), 'eig-quality-page-'));
  await cp(join(import.meta.dirname, '..', '..', 'data'), dir, { recursive: true });
  expect(await checkData(['--verbose'], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(0);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the quality page', () => {
  it('counts what npm run data:check counts, kind by kind, and lists each of its checks once', () => {
    const doc = page(dist, 'qualite/index.html');
    const items = [...doc.querySelectorAll('li[data-severity]')];
    const summary = lines.find((l) => l.startsWith('Qualité des données'))!;
    const total = Number(/\((\d+) vérifications\)/u.exec(summary)![1]);
    expect(items).toHaveLength(total);
    const labels = Object.entries(SEVERITY_LABELS) as [Severity, string][];
    for (const match of summary.matchAll(/([\p{L} ’']+) : (\d+)/gu)) {
      const severity = labels.find(([, label]) => label.toLowerCase() === match[1]!.trim())?.[0];
      expect(severity, match[1]).toBeDefined();
      expect(
        items.filter((li) => li.getAttribute('data-severity') === severity),
        severity,
      ).toHaveLength(Number(match[2]));
    }
    // The page writes the data's apostrophes as ’ (src/site/typography.ts): compared with one apostrophe.
    const same = (text: string) => plainSpaces(text).replace(/'/gu, '’');
    const printed = lines.filter((l) => l.startsWith('  [')).map((l) => same(l.replace(/^ {2}\[[^\]]+\] /u, '')));
    expect(printed).toHaveLength(total);
    const shown = items.map((li) => same(li.querySelector('p')?.textContent ?? li.textContent ?? ''));
    for (const title of printed)
      expect(
        shown.filter((text) => text.includes(title)),
        title,
      ).toHaveLength(1);
  });

  it('puts what disagrees first, one folded group per chart with its counts, then one count per group of what agrees', () => {
    const doc = page(dist, 'qualite/index.html');
    const sections = [...doc.querySelectorAll('main > section')].map((s) => s.getAttribute('aria-labelledby'));
    expect(sections).toEqual(['desaccords', 'conformes']);
    const groups = [
      ...doc.querySelectorAll(
        '#desaccords ~ details.quality-group, section[aria-labelledby="desaccords"] details.quality-group',
      ),
    ];
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) {
      expect(group.hasAttribute('open')).toBe(false);
      const count = group.querySelectorAll(':scope > ol > li').length;
      const said = [...(group.querySelector('.quality-group-count')?.textContent ?? '').matchAll(/(\d+)/gu)];
      expect(
        said.reduce((n, m) => n + Number(m[1]), 0),
        group.getAttribute('data-group')!,
      ).toBe(count);
      expect(group.querySelectorAll('li[data-severity="conforme"]')).toHaveLength(0);
    }
    for (const group of doc.querySelectorAll('section[aria-labelledby="conformes"] details')) {
      const count = group.querySelectorAll('li[data-severity="conforme"]').length;
      expect(plainSpaces(group.querySelector('summary')!.textContent!)).toContain(`${count} conforme`);
    }
  });
});
