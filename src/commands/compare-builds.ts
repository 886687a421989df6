/**
 * `npm run compare-builds -- A B`: compares two built sites (two `astro build --outDir` folders), to check that a
 * change of code leaves the site as it was, or to see where it does not. Lists the files added, removed and
 * changed; for a changed page, the first line of its text that differs (the text a reader gets, read from the HTML
 * with linkedom: no browser needed), or, when the text is the same, the first differing line of its markup; for
 * other text files, their first differing line. Built assets whose name differs only by its content hash
 * (« assets/site.AbCd1234.css ») are compared as one file, and pages that differ only by those names are counted,
 * not listed one by one.
 *
 * Exit code 0 when the two builds are byte for byte the same, 1 when they differ, 2 when a folder cannot be read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

export const USAGE =
  'usage : npm run compare-builds -- A B (deux dossiers de site construit, par astro build --outDir)';

export const EXIT_SAME = 0;
export const EXIT_DIFFERENT = 1;
export const EXIT_UNREADABLE = 2;

/** A built site: each file's path (relative, with « / ») and its bytes. */
export type Build = ReadonlyMap<string, Uint8Array>;

export interface FileChange {
  /** The path in A (and in B unless renamed by its hash, see `pathB`). */
  path: string;
  pathB?: string;
  /** What differs: a line, then, for text, the differing line of A and of B. */
  detail: string[];
}

export interface BuildComparison {
  added: string[];
  removed: string[];
  changed: FileChange[];
  /** Files (at the same path) whose only difference is the hash in the names of built assets they cite. */
  onlyAssetNames: string[];
  same: number;
}

/** Characters of a long line shown around its first difference. */
const SHOWN = 160;

/** The content hash Vite puts in the name of a built asset (as tests/support/golden.ts normalises it). */
const ASSET_HASH = /(assets\/[\w.-]+?)\.[\w-]{8}\.(css|js|mjs|svg|png|woff2?)\b/gu;
const withoutHash = (text: string) => text.replace(ASSET_HASH, '$1.[hash].$2');

export function compareBuilds(a: Build, b: Build): BuildComparison {
  const pairs = new Map<string, string>(); // path in A → path in B
  for (const path of a.keys()) if (b.has(path)) pairs.set(path, path);
  const removed = [...a.keys()].filter((path) => !b.has(path));
  const added = [...b.keys()].filter((path) => !a.has(path));
  // An asset renamed by its hash alone is the same file, changed.
  for (const path of [...removed]) {
    const twin = added.find((other) => withoutHash(other) === withoutHash(path) && other !== path);
    if (!twin || withoutHash(path) === path) continue;
    pairs.set(path, twin);
    removed.splice(removed.indexOf(path), 1);
    added.splice(added.indexOf(twin), 1);
  }
  const changed: FileChange[] = [];
  const onlyAssetNames: string[] = [];
  let same = 0;
  for (const [pathA, pathB] of [...pairs].sort(([x], [y]) => x.localeCompare(y))) {
    const bytesA = a.get(pathA)!;
    const bytesB = b.get(pathB)!;
    if (pathA === pathB && Buffer.compare(bytesA, bytesB) === 0) {
      same++;
      continue;
    }
    const detail = describeChange(pathA, bytesA, bytesB);
    if (detail === ONLY_ASSET_NAMES && pathA === pathB) onlyAssetNames.push(pathA);
    else changed.push({ path: pathA, ...(pathB === pathA ? {} : { pathB }), detail });
  }
  return { added: added.sort(), removed: removed.sort(), changed, onlyAssetNames, same };
}

const ONLY_ASSET_NAMES = ['seuls diffèrent les noms de fichiers de assets/ cités (leur empreinte)'];

/** What differs between two versions of one file. */
function describeChange(path: string, before: Uint8Array, after: Uint8Array): string[] {
  if (isBinary(before) || isBinary(after)) return [`binaire : ${before.length} → ${after.length} octets`];
  const textA = withoutHash(Buffer.from(before).toString('utf8'));
  const textB = withoutHash(Buffer.from(after).toString('utf8'));
  if (textA === textB) return ONLY_ASSET_NAMES;
  if (path.endsWith('.html')) {
    const rendered = firstDifference(renderedText(textA), renderedText(textB));
    if (rendered) return [`texte, ligne ${rendered.line} :`, ...rendered.shown];
    const markup = firstDifference(markupLines(textA), markupLines(textB))!;
    return [`même texte ; balisage, ligne ${markup.line} :`, ...markup.shown];
  }
  const lines = /\.(svg|xml)$/u.test(path) ? markupLines : (text: string) => text.split('\n');
  const first = firstDifference(lines(textA), lines(textB))!;
  return [`ligne ${first.line} :`, ...first.shown];
}

const isBinary = (bytes: Uint8Array) => bytes.subarray(0, 8000).includes(0);

/** Markup with a tag per line, so that a line names one element. */
const markupLines = (text: string) => text.replace(/>\s*</gu, '>\n<').split('\n');

/** Elements that start a line of text on screen (or, for <text>, in a drawing). */
const BLOCKS = new Set(
  (
    'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr legend li main nav ol option p pre section summary table tbody td text textarea ' +
    'tfoot th thead title tr tspan ul'
  ).split(' '),
);
/** Elements whose content is not text a reader sees. */
const UNSEEN = new Set(['script', 'style', 'template']);

/**
 * A page's text, line by line, as a reader gets it with every folded part (<details>) open: the title, then the
 * body's text with a line per block element, spaces collapsed except in <pre> and <textarea>. Text hidden by CSS
 * (a map's other views) is kept: a change there is a change too.
 */
export function renderedText(html: string): string[] {
  const { document } = parseHTML(html);
  const lines: string[] = [document.title.trim()];
  let line = '';
  const end = () => {
    const collapsed = line.replace(/\s+/gu, ' ').trim();
    if (collapsed) lines.push(collapsed);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).localName.toLowerCase();
    if (UNSEEN.has(name)) return;
    if (name === 'pre' || name === 'textarea') {
      end();
      lines.push(...textOf(node as Element).split('\n'));
      return;
    }
    const block = BLOCKS.has(name);
    if (block) end();
    for (const child of node.childNodes) walk(child);
    if (block) end();
  };
  if (document.body) walk(document.body as unknown as Node);
  end();
  return lines;
}

/**
 * An element's text. linkedom leaves the character references of a <textarea> undecoded (« &lt;iframe », where a
 * browser shows « <iframe »): they are decoded by parsing that content again, as a <pre>'s.
 */
function textOf(element: Element): string {
  if (element.localName.toLowerCase() !== 'textarea') return element.textContent ?? '';
  const { document } = parseHTML(`<pre>${element.textContent ?? ''}</pre>`);
  return document.querySelector('pre')?.textContent ?? '';
}

/** The first line that differs (1-based), shown as « A : … » and « B : … » around where it differs. */
export function firstDifference(a: string[], b: string[]): { line: number; shown: string[] } | undefined {
  const index = a.findIndex((line, i) => line !== b[i]);
  const at = index >= 0 ? index : a.length < b.length ? a.length : -1;
  if (at < 0) return undefined;
  const [lineA, lineB] = [a[at], b[at]];
  const from = lineA !== undefined && lineB !== undefined ? firstDifferingChar(lineA, lineB) : 0;
  const start = Math.max(0, from - SHOWN / 4);
  const excerpt = (line: string | undefined) => {
    if (line === undefined) return '(fin du fichier)';
    const cut = line.slice(start, start + SHOWN);
    return `« ${start > 0 ? '…' : ''}${cut}${start + SHOWN < line.length ? '…' : ''} »`;
  };
  return { line: at + 1, shown: [`    A : ${excerpt(lineA)}`, `    B : ${excerpt(lineB)}`] };
}

function firstDifferingChar(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

const count = (n: number, singular: string, plural: string) => `${n} ${n > 1 ? plural : singular}`;

/** The comparison as printed: changes file by file, then one line of totals. */
export function formatComparison(labelA: string, labelB: string, c: BuildComparison): string[] {
  const out: string[] = [];
  for (const path of c.added) out.push(`+ ${path} (seulement dans B)`);
  for (const path of c.removed) out.push(`- ${path} (seulement dans A)`);
  for (const change of c.changed) {
    out.push(`~ ${change.path}${change.pathB ? ` → ${change.pathB}` : ''} : ${change.detail[0]}`);
    out.push(...change.detail.slice(1));
  }
  if (c.onlyAssetNames.length > 0)
    out.push(
      `~ ${count(c.onlyAssetNames.length, 'fichier ne diffère', 'fichiers ne diffèrent')} que par les noms de ` +
        `fichiers de assets/ cités (leur empreinte) : ${c.onlyAssetNames.slice(0, 3).join(', ')}` +
        (c.onlyAssetNames.length > 3 ? '…' : ''),
    );
  out.push(
    !differs(c)
      ? `${labelA} et ${labelB} sont identiques, octet pour octet (${count(c.same, 'fichier', 'fichiers')}).`
      : `${labelB} comparé à ${labelA} : ${count(c.added.length, 'fichier ajouté', 'fichiers ajoutés')}, ` +
          `${count(c.removed.length, 'supprimé', 'supprimés')}, ` +
          `${count(c.changed.length + c.onlyAssetNames.length, 'modifié', 'modifiés')}, ` +
          `${count(c.same, 'identique', 'identiques')}.`,
  );
  return out;
}

/** Every file under `root`, read (a built site is a few tens of megabytes at most). */
export function readBuild(root: string): Build {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${root} n’est pas un dossier`);
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

const differs = (c: BuildComparison) =>
  c.added.length + c.removed.length + c.changed.length + c.onlyAssetNames.length > 0;

export interface CompareEffects {
  /** A line of the comparison, for stdout. */
  out: (line: string) => void;
  /** A line saying why nothing could be compared, for stderr. */
  fail: (line: string) => void;
  readBuild: (root: string) => Build;
}

const processEffects: CompareEffects = {
  out: (line) => process.stdout.write(`${line}\n`),
  fail: (line) => process.stderr.write(`${line}\n`),
  readBuild,
};

export function compareBuildsCommand(args: string[], effects: CompareEffects = processEffects): number {
  const folders = args.filter((arg) => arg !== '--');
  if (folders.length !== 2 || folders.some((f) => f.startsWith('-'))) {
    effects.fail(`Erreur : il faut deux dossiers (${USAGE})`);
    return EXIT_UNREADABLE;
  }
  const [labelA, labelB] = folders as [string, string];
  let builds: [Build, Build];
  try {
    builds = [effects.readBuild(labelA), effects.readBuild(labelB)];
  } catch (error) {
    effects.fail(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_UNREADABLE;
  }
  const comparison = compareBuilds(...builds);
  for (const line of formatComparison(labelA, labelB, comparison)) effects.out(line);
  return differs(comparison) ? EXIT_DIFFERENT : EXIT_SAME;
}
