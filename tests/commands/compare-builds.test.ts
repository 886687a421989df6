/**
 * `npm run compare-builds -- A B` on two small built sites written here: the same site twice, then copies changed
 * by one byte or one file at a time, as a change of code could. The lines expected are written by hand from the
 * edits.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareBuildsCommand, readBuild, renderedText } from '../../src/commands/compare-builds.ts';

const run = promisify(execFile);

const PAGE = `<!DOCTYPE html><html lang="fr"><head><title>Les promotions — Données EIG</title>
<link rel="stylesheet" href="/assets/site.AbCd1234.css"><script>var hidden = 1;</script></head>
<body><h1>Les promotions EIG</h1><p>La promotion <strong>EIG 3</strong> compte 32 EIG.</p>
<details><summary>Sources</summary><p>Rapport d’analyse (juin 2019)</p></details>
<svg><text>EIG 1</text><text><tspan>Administrations en</tspan><tspan>cofinancement</tspan></text></svg>
<textarea>&lt;iframe  src="/embed/promotions/"&gt;</textarea></body></html>`;

const SITE: Record<string, string | Buffer> = {
  'index.html': PAGE.replace('Les promotions EIG', 'Accueil'),
  'graphiques/promotions/index.html': PAGE,
  'api/promotions.json': '{\n  "slug": "promotions",\n  "rows": [\n    { "eig": 32 }\n  ]\n}\n',
  'images/promotions.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
  'assets/site.AbCd1234.css': 'body{color:#16181d}\n',
};

let root: string;
let a: string;
let b: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'eig-compare-'));
  a = join(root, 'a');
  b = join(root, 'b');
  for (const [path, content] of Object.entries(SITE)) {
    await mkdir(dirname(join(a, path)), { recursive: true });
    await writeFile(join(a, path), content);
  }
});

beforeEach(async () => {
  await rm(b, { recursive: true, force: true });
  await cp(a, b, { recursive: true });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function compare(args = [a, b]) {
  const out: string[] = [];
  const failed: string[] = [];
  const code = compareBuildsCommand(args, { out: (l) => out.push(l), fail: (l) => failed.push(l), readBuild });
  return { code, out: out.join('\n').replaceAll(root, 'ROOT'), failed };
}

async function edit(path: string, change: (text: string) => string) {
  const text = await readFile(join(b, path), 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`${path}: the edit changed nothing`);
  await writeFile(join(b, path), changed);
}

describe('comparing two builds', () => {
  it('says two copies of one build are identical, and exits 0', () => {
    expect(compare()).toEqual({
      code: 0,
      out: 'ROOT/a et ROOT/b sont identiques, octet pour octet (5 fichiers).',
      failed: [],
    });
  });

  it('fails on one byte of one page, naming the page and its first differing line of text', async () => {
    await edit('graphiques/promotions/index.html', (html) => html.replace('32 EIG', '31 EIG'));
    const { code, out } = compare();
    expect(code).toBe(1);
    expect(out).toBe(
      [
        '~ graphiques/promotions/index.html : texte, ligne 3 :',
        '    A : « La promotion EIG 3 compte 32 EIG. »',
        '    B : « La promotion EIG 3 compte 31 EIG. »',
        'ROOT/b comparé à ROOT/a : 0 fichier ajouté, 0 supprimé, 1 modifié, 4 identiques.',
      ].join('\n'),
    );
  });

  it('fails the same way through `npm run compare-builds`, with exit code 1', async () => {
    await edit('graphiques/promotions/index.html', (html) => html.replace('juin 2019', 'juin 2018'));
    const failure = await run('npm', ['run', '-s', 'compare-builds', '--', a, b]).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('~ graphiques/promotions/index.html : texte, ligne 5 :');
    expect(failure?.stdout).toContain('    B : « Rapport d’analyse (juin 2018) »');
    const same = await run('npm', ['run', '-s', 'compare-builds', '--', a, a]);
    expect(same.stdout).toContain('identiques, octet pour octet (5 fichiers)');
  });

  it('shows the first differing line of markup when a page’s text is the same', async () => {
    await edit('graphiques/promotions/index.html', (html) => html.replace('<h1>', '<h1 id="titre">'));
    const { code, out } = compare();
    expect(code).toBe(1);
    expect(out).toContain(
      [
        '~ graphiques/promotions/index.html : même texte ; balisage, ligne 9 :',
        '    A : « <h1>Les promotions EIG</h1> »',
        '    B : « <h1 id="titre">Les promotions EIG</h1> »',
      ].join('\n'),
    );
  });

  it('lists files added and removed, and the first differing line of a JSON file', async () => {
    await rm(join(b, 'index.html'));
    await writeFile(join(b, 'robots.txt'), 'User-agent: *\n');
    await edit('api/promotions.json', (json) => json.replace('32', '33'));
    const { code, out } = compare();
    expect(code).toBe(1);
    expect(out).toBe(
      [
        '+ robots.txt (seulement dans B)',
        '- index.html (seulement dans A)',
        '~ api/promotions.json : ligne 4 :',
        '    A : «     { "eig": 32 } »',
        '    B : «     { "eig": 33 } »',
        'ROOT/b comparé à ROOT/a : 1 fichier ajouté, 1 supprimé, 1 modifié, 3 identiques.',
      ].join('\n'),
    );
  });

  it('compares an asset renamed by its hash with its old self, and counts the pages changed by its name alone', async () => {
    await rename(join(b, 'assets/site.AbCd1234.css'), join(b, 'assets/site.Zz9-8765.css'));
    await edit('assets/site.Zz9-8765.css', (css) => css.replace('#16181d', '#000000'));
    for (const page of ['index.html', 'graphiques/promotions/index.html'])
      await edit(page, (html) => html.replace('site.AbCd1234.css', 'site.Zz9-8765.css'));
    const { code, out } = compare();
    expect(code).toBe(1);
    expect(out).toBe(
      [
        '~ assets/site.AbCd1234.css → assets/site.Zz9-8765.css : ligne 1 :',
        '    A : « body{color:#16181d} »',
        '    B : « body{color:#000000} »',
        '~ 2 fichiers ne diffèrent que par les noms de fichiers de assets/ cités (leur empreinte) : ' +
          'graphiques/promotions/index.html, index.html',
        'ROOT/b comparé à ROOT/a : 0 fichier ajouté, 0 supprimé, 3 modifiés, 2 identiques.',
      ].join('\n'),
    );
  });

  it('gives the sizes of a changed binary file', async () => {
    await writeFile(join(b, 'images/promotions.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 2, 3]));
    const { code, out } = compare();
    expect(code).toBe(1);
    expect(out).toContain('~ images/promotions.png : binaire : 8 → 9 octets');
  });

  it('exits 2 with one line when a folder cannot be read or is missing', () => {
    expect(compare([a, join(root, 'absent')])).toEqual({
      code: 2,
      out: '',
      failed: [`Erreur : ${join(root, 'absent')} n’est pas un dossier`],
    });
    expect(compare([a]).code).toBe(2);
    expect(compare([a]).failed[0]).toMatch(/^Erreur : il faut deux dossiers \(usage : npm run compare-builds -- A B/u);
  });
});

describe('the text of a page', () => {
  it('is its title, then a line per block of its body, folded parts and drawings included, scripts left out', () => {
    expect(renderedText(PAGE)).toEqual([
      'Les promotions — Données EIG',
      'Les promotions EIG',
      'La promotion EIG 3 compte 32 EIG.',
      'Sources',
      'Rapport d’analyse (juin 2019)',
      'EIG 1',
      'Administrations en',
      'cofinancement',
      '<iframe  src="/embed/promotions/">',
    ]);
  });
});
