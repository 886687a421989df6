/**
 * The update report in French Markdown: printed by `npm run fetch` and `npm run data:diff`, and written beside
 * the snapshot. « À vérifier » comes first: it is what a maintainer must read before publishing; how to
 * acknowledge it comes last. Long lists are cut at {@link LISTED} items with the count of the rest (the JSON
 * report has them all): a table of 5 000 new rows makes a report one can read, not 5 000 lines.
 */
import type { ResourceRecord } from '../lib/manifest.ts';
import { printable } from '../lib/printable.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { describeKey, formatChange, formatMoveValue, type Flag } from './flags.ts';
import { describeQualityChange } from './quality-changes.ts';
import { pendingFlags, reviewCode } from './review.ts';
import { RESOURCE_CHANGE_LABELS } from './resource-changes.ts';
import type { UpdateReport } from './report.ts';
import type { CellValue, TableDiff } from './table-changes.ts';
import { routes } from '../routes.ts';
import { plural } from '../lib/text.ts';

/**
 * Text from the data or from data.gouv.fr, made inert: no markup, no table cell break, one line, its control
 * characters shown (../lib/printable.ts).
 */
export function md(text: string): string {
  return (
    printable(text.replace(/\s*[\r\n]+\s*/gu, ' '))
      .replace(/[\\`*[\]<>|#~]/gu, '\\$&')
      // An underscore inside a word (liens_recherche) is no emphasis: left readable.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
  );
}

/** Items of one kind listed in the Markdown report before « … et N autres ». */
export const LISTED = 25;

/** The first {@link LISTED} lines of `items`, then one line counting the others. */
function listed<T>(items: readonly T[], line: (item: T) => string, others: (n: number) => string): string[] {
  const lines = items.slice(0, LISTED).map(line);
  if (items.length > LISTED) lines.push(others(items.length - LISTED));
  return lines;
}

/**
 * An address or an identifier from outside as inert text: in a code span, which no Markdown renderer turns into
 * a link (an address left as text is made one by GitHub's).
 */
export function code(text: string): string {
  const shown = printable(text);
  const fence = '`'.repeat(Math.max(0, ...(shown.match(/`+/gu) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$|^ | $/u.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

const more = (n: number, what: string) =>
  `- … et ${formatNumber(n)} ${what} (liste complète dans rapport-mise-a-jour.json)`;

/**
 * `folder`: the data folder the report was written in, for the acknowledge command (left out when it is the
 * default data/).
 */
export function reportMarkdown(report: UpdateReport, folder = 'data'): string {
  const sections = [
    flagSection(report),
    promotionSection(report),
    chartSection(report),
    tableSection(report),
    qualitySection(report),
    resourceSection(report),
    reviewSection(report, folder),
  ];
  const lines: string[] = [
    '# Rapport de mise à jour des données',
    '',
    `Instantané du ${formatDate(report.before.snapshotDate)} (${md(report.before.label)}) → instantané du ${formatDate(report.after.snapshotDate)} (${md(report.after.label)}). Rapport établi le ${formatDate(report.generatedAt)}.`,
    '',
  ];
  for (const section of sections) for (const line of section) lines.push(line);
  return (
    lines
      .join('\n')
      // Whatever reached a line without md(): no control character is written raw, no line is forged.
      .replace(/[^\n]+/gu, printable)
      .replace(/\n{3,}/gu, '\n\n')
      .trimEnd() + '\n'
  );
}

function flagSection(report: UpdateReport): string[] {
  const { relative, points } = report.thresholds;
  const rule = `Seuils : un effectif ou un montant qui bouge de plus de ${formatNumber(relative * 100)} %, une part qui bouge de plus de ${formatNumber(points)} points, un chiffre qui disparaît, une ligne ou une colonne supprimée d’une table, un graphique qui perd des lignes ou ne peut plus être calculé, une vérification de qualité des données qui trouve un problème qu’elle ne trouvait pas.`;
  const earlier = (report.unreviewed ?? []).flatMap((u) => [
    `### Report d’un rapport précédent non validé (${formatDate(u.generatedAt)}, ${md(u.label)})`,
    '',
    ...flagLines(u.flags),
    '',
  ]);
  if (report.flags.length === 0 && earlier.length === 0) {
    return ['## À vérifier : rien', '', 'Aucun mouvement au-delà des seuils.', '', rule, ''];
  }
  const count = report.flags.length + (report.unreviewed ?? []).reduce((n, u) => n + u.flags.length, 0);
  return [
    `## À vérifier (${formatNumber(count)})`,
    '',
    ...(report.flags.length > 0 ? flagLines(report.flags) : ['Rien dans cette mise à jour.']),
    '',
    ...earlier,
    rule,
    '',
  ];
}

const FLAG_KINDS: Record<Flag['kind'], string> = {
  chiffre: 'chiffres qui bougent',
  'ligne-supprimee': 'lignes supprimées',
  'graphique-lignes-perdues': 'graphiques qui perdent des lignes',
  'graphique-erreur': 'graphiques impossibles à calculer',
  'colonne-supprimee': 'colonnes disparues',
  'qualite-cassee': 'vérifications de qualité cassées',
};

/** Flags in their order, each kind cut at {@link LISTED} (5 000 rows removed are one kind of point, not 5 000). */
function flagLines(flags: readonly Flag[]): string[] {
  const lines: string[] = [];
  const groups = new Map<string, { flag: Flag; n: number }>();
  for (const flag of flags) {
    const key = `${flag.kind}:${flag.table ?? flag.chart ?? ''}`;
    const group = groups.get(key) ?? { flag, n: 0 };
    group.n += 1;
    groups.set(key, group);
    if (group.n <= LISTED) lines.push(`- **à vérifier** : ${md(short(flag.message))}`);
  }
  for (const { flag, n } of groups.values()) {
    if (n <= LISTED) continue;
    const where = flag.table ?? flag.chart;
    lines.push(
      more(n - LISTED, `autres points « à vérifier » : ${FLAG_KINDS[flag.kind]}${where ? ` (${md(where)})` : ''}`),
    );
  }
  return lines;
}

/** A row named by long texts (a 2 000-byte field) keeps a readable length in the Markdown report. */
function short(text: string, max = 300): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** New promotions come before the figures: the words of every page follow them. */
function promotionSection(report: UpdateReport): string[] {
  const { added = [], removed = [] } = report.promotions ?? {};
  if (added.length + removed.length === 0) return [];
  return [
    '## Promotions',
    '',
    ...added.map((p) => `- nouvelle promotion : ${md(p)}`),
    ...removed.map((p) => `- **promotion disparue** : ${md(p)}`),
    '',
  ];
}

function chartSection(report: UpdateReport): string[] {
  if (report.charts.length === 0)
    return ['## Chiffres des graphiques', '', 'Aucun chiffre des graphiques n’a bougé.', ''];
  const lines = ['## Chiffres des graphiques qui ont bougé', ''];
  for (const chart of report.charts) {
    lines.push(`### ${md(chart.title)} (${routes.chart(chart.slug)})`, '');
    if (chart.error) lines.push(`Graphique impossible à calculer : ${md(chart.error)}`, '');
    if (chart.rowsBefore !== chart.rowsAfter) lines.push(`${chart.rowsBefore} → ${chart.rowsAfter} lignes.`, '');
    if (chart.moved.length > 0) {
      lines.push('| Ligne | Colonne | Avant | Après | Variation | |', '| --- | --- | ---: | ---: | ---: | --- |');
      for (const move of chart.moved.slice(0, LISTED)) {
        lines.push(
          `| ${md(short(move.row, 120))} | ${md(move.columnLabel)} | ${formatMoveValue(move.before, move)} | ${formatMoveValue(move.after, move)} | ${formatChange(move) || '—'} | ${move.flag ? `**à vérifier** : ${move.flag}` : ''} |`,
        );
      }
      lines.push('');
      if (chart.moved.length > LISTED)
        lines.push(more(chart.moved.length - LISTED, 'autres chiffres qui ont bougé'), '');
    }
    if (chart.added.length > 0) lines.push(`Lignes nouvelles : ${rowNames(chart.added)}.`, '');
    if (chart.removed.length > 0) lines.push(`Lignes disparues : ${rowNames(chart.removed)}.`, '');
  }
  return lines;
}

function rowNames(rows: readonly { row: string }[]): string {
  const names = rows.slice(0, LISTED).map((r) => `« ${md(short(r.row, 120))} »`);
  if (rows.length > LISTED) names.push(`… et ${formatNumber(rows.length - LISTED)} autres`);
  return names.join(', ');
}

function tableSection(report: UpdateReport): string[] {
  if (report.tables.length === 0) return ['## Tables', '', 'Aucune ligne ni colonne n’a changé.', ''];
  const lines = ['## Tables', ''];
  for (const table of report.tables) {
    lines.push(`### ${table.file} : ${formatNumber(table.rowsBefore)} → ${formatNumber(table.rowsAfter)} lignes`, '');
    if (table.added.length + table.removed.length + table.changed.length > LISTED) {
      lines.push(
        `${formatNumber(table.added.length)} ajoutées, ${formatNumber(table.removed.length)} supprimées, ${formatNumber(table.changed.length)} modifiées.`,
        '',
      );
    }
    for (const line of tableLines(table)) lines.push(line);
    lines.push('');
  }
  return lines;
}

function tableLines(table: TableDiff): string[] {
  const key = (k: Record<string, string>) => md(short(describeKey(k)));
  const lines: string[] = [
    ...listed(
      table.added,
      (row) => `- ajoutée : ${key(row.key)} (ligne ${row.line})`,
      (n) => more(n, 'autres lignes ajoutées'),
    ),
    ...listed(
      table.removed,
      (row) => `- **supprimée** : ${key(row.key)} (ligne ${row.line} de l’ancien fichier)`,
      (n) => more(n, 'autres lignes supprimées'),
    ),
    ...listed(
      table.changed,
      (row) =>
        `- modifiée : ${key(row.key)} (ligne ${row.lineAfter}) : ${row.columns.map((c) => `${c.column} ${cellText(c.before)} → ${cellText(c.after)}`).join(' ; ')}`,
      (n) => more(n, 'autres lignes modifiées'),
    ),
  ];
  const { schema } = table;
  if (schema.added.length > 0) lines.push(`- colonnes ajoutées : ${columnNames(schema.added)}`);
  if (schema.removed.length > 0) lines.push(`- **colonnes supprimées** : ${columnNames(schema.removed)}`);
  for (const r of schema.renamed) {
    lines.push(
      `- colonne ${md(r.column)} : en-tête « ${md(r.before)} » devenu « ${md(r.after)} » (même colonne, lue par alias)`,
    );
  }
  return lines;
}

function columnNames(columns: readonly string[]): string {
  const names = columns.slice(0, LISTED).map((c) => `« ${md(short(c, 120))} »`);
  if (columns.length > LISTED) names.push(`… et ${formatNumber(columns.length - LISTED)} autres`);
  return names.join(', ');
}

function cellText(value: CellValue): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(vide)';
  if (Array.isArray(value)) return `« ${md(value.join(', '))} »`;
  if (typeof value === 'number') return formatNumber(value);
  return `« ${md(value)} »`;
}

function qualitySection(report: UpdateReport): string[] {
  const changes = report.quality ?? [];
  if (changes.length === 0)
    return ['## Qualité des données', '', 'Aucune vérification de qualité ne change de verdict.', ''];
  const broken = changes.filter((c) => c.kind === 'cassee');
  const fixed = changes.filter((c) => c.kind === 'reparee');
  return [
    '## Qualité des données',
    '',
    ...listed(
      broken,
      (c) => `- **cassée** : ${md(describeQualityChange(c))}`,
      (n) => more(n, 'autres vérifications cassées'),
    ),
    ...listed(
      fixed,
      (c) => `- réparée : ${md(describeQualityChange(c))}`,
      (n) => more(n, 'autres réparées'),
    ),
    '',
  ];
}

function reviewSection(report: UpdateReport, folder: string): string[] {
  const pending = pendingFlags(report).length;
  if (report.acknowledged) {
    return [
      '## Relecture',
      '',
      `Relu et validé le ${formatDate(report.acknowledged.at)} (code ${report.acknowledged.code}, npm run data:ack).`,
      '',
    ];
  }
  if (pending === 0) return ['## Relecture', '', 'Aucun point à valider.', ''];
  const target =
    folder === 'data' ? '' : ` ${/^[\w./-]+$/u.test(folder) ? folder : `'${folder.replace(/'/gu, `'\\''`)}'`}`;
  return [
    '## Relecture',
    '',
    `${formatNumber(pending)} ${plural(pending, 'point')} « à vérifier » ${plural(pending, 'attend', 'attendent')} une relecture : tant que ce rapport n’est pas validé, \`npm run fetch -- --strict\` sort avec le code 4. Une fois chaque point vérifié, validez-le :`,
    '',
    `    npm run data:ack -- ${reviewCode(report)}${target}`,
    '',
  ];
}

function resourceSection(report: UpdateReport): string[] {
  if (report.resources.length === 0) return ['## Ressources data.gouv.fr', '', 'Aucun changement de ressource.', ''];
  // The tables' changes come first (a few), then resources no table maps: thousands of them are counted.
  const line = (change: (typeof report.resources)[number]) => {
    const who = change.table ?? 'jeu de données';
    const parts = [
      change.before && `avant : ${resourceText(change.before)}`,
      change.after && `après : ${resourceText(change.after)}`,
    ].filter(Boolean);
    return `- ${who} : ${RESOURCE_CHANGE_LABELS[change.kind]} ; ${parts.join(' ; ')}`;
  };
  return [
    '## Ressources data.gouv.fr',
    '',
    ...listed(report.resources, line, (n) => more(n, 'autres changements de ressources')),
    '',
  ];
}

function resourceText(resource: ResourceRecord): string {
  const checksum = resource.checksum
    ? `, ${md(resource.checksum.type)} ${code(resource.checksum.value)}`
    : ', sans somme de contrôle';
  const format = resource.format ? `${md(resource.format)}, ` : '';
  return `« ${md(resource.title)} » (${format}${code(resource.id)}, ${code(resource.url)}${checksum})`;
}
