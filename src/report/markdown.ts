/**
 * The update report in French Markdown: printed by `npm run fetch` and `npm run data:diff`, and written beside
 * the snapshot. « À vérifier » comes first: it is what a maintainer must read before publishing.
 */
import type { ResourceRecord } from '../lib/manifest.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { describeKey, formatChange, formatMoveValue } from './flags.ts';
import { RESOURCE_CHANGE_LABELS } from './resources.ts';
import type { UpdateReport } from './report.ts';
import type { CellValue, TableDiff } from './tables.ts';
import { routes } from '../routes.ts';

/** Text from the data or from data.gouv.fr, made inert: no markup, no table cell break, one line. */
export function md(text: string): string {
  return (
    text
      .replace(/\s*[\r\n]+\s*/gu, ' ')
      .replace(/[\\`*[\]<>|#~]/gu, '\\$&')
      // An underscore inside a word (liens_recherche) is no emphasis: left readable.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
  );
}

export function reportMarkdown(report: UpdateReport): string {
  const lines: string[] = [
    '# Rapport de mise à jour des données',
    '',
    `Instantané du ${formatDate(report.before.snapshotDate)} (${md(report.before.label)}) → instantané du ${formatDate(report.after.snapshotDate)} (${md(report.after.label)}). Rapport établi le ${formatDate(report.generatedAt)}.`,
    '',
    ...flagSection(report),
    ...chartSection(report),
    ...tableSection(report),
    ...resourceSection(report),
  ];
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/gu, '\n\n')
      .trimEnd() + '\n'
  );
}

function flagSection(report: UpdateReport): string[] {
  const { relative, points } = report.thresholds;
  const rule = `Seuils : un effectif ou un montant qui bouge de plus de ${formatNumber(relative * 100)} %, une part qui bouge de plus de ${formatNumber(points)} points, un chiffre qui disparaît, une ligne ou une colonne supprimée d’une table, un graphique qui perd des lignes ou ne peut plus être calculé.`;
  if (report.flags.length === 0) {
    return ['## À vérifier : rien', '', 'Aucun mouvement au-delà des seuils.', '', rule, ''];
  }
  return [
    `## À vérifier (${report.flags.length})`,
    '',
    ...report.flags.map((f) => `- **à vérifier** : ${md(f.message)}`),
    '',
    rule,
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
      for (const move of chart.moved) {
        lines.push(
          `| ${md(move.row)} | ${md(move.columnLabel)} | ${formatMoveValue(move.before, move)} | ${formatMoveValue(move.after, move)} | ${formatChange(move) || '—'} | ${move.flag ? `**à vérifier** : ${move.flag}` : ''} |`,
        );
      }
      lines.push('');
    }
    if (chart.added.length > 0)
      lines.push(`Lignes nouvelles : ${chart.added.map((r) => `« ${md(r.row)} »`).join(', ')}.`, '');
    if (chart.removed.length > 0)
      lines.push(`Lignes disparues : ${chart.removed.map((r) => `« ${md(r.row)} »`).join(', ')}.`, '');
  }
  return lines;
}

function tableSection(report: UpdateReport): string[] {
  if (report.tables.length === 0) return ['## Tables', '', 'Aucune ligne ni colonne n’a changé.', ''];
  const lines = ['## Tables', ''];
  for (const table of report.tables) {
    lines.push(`### ${table.file} : ${table.rowsBefore} → ${table.rowsAfter} lignes`, '');
    lines.push(...tableLines(table), '');
  }
  return lines;
}

function tableLines(table: TableDiff): string[] {
  const key = (k: Record<string, string>) => md(describeKey(k));
  const lines: string[] = [];
  for (const row of table.added) lines.push(`- ajoutée : ${key(row.key)} (ligne ${row.line})`);
  for (const row of table.removed)
    lines.push(`- **supprimée** : ${key(row.key)} (ligne ${row.line} de l’ancien fichier)`);
  for (const row of table.changed) {
    const changes = row.columns.map((c) => `${c.column} ${cellText(c.before)} → ${cellText(c.after)}`).join(' ; ');
    lines.push(`- modifiée : ${key(row.key)} (ligne ${row.lineAfter}) : ${changes}`);
  }
  const { schema } = table;
  if (schema.added.length > 0)
    lines.push(`- colonnes ajoutées : ${schema.added.map((c) => `« ${md(c)} »`).join(', ')}`);
  if (schema.removed.length > 0)
    lines.push(`- **colonnes supprimées** : ${schema.removed.map((c) => `« ${md(c)} »`).join(', ')}`);
  for (const r of schema.renamed) {
    lines.push(
      `- colonne ${md(r.column)} : en-tête « ${md(r.before)} » devenu « ${md(r.after)} » (même colonne, lue par alias)`,
    );
  }
  return lines;
}

function cellText(value: CellValue): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(vide)';
  if (Array.isArray(value)) return `« ${md(value.join(', '))} »`;
  if (typeof value === 'number') return formatNumber(value);
  return `« ${md(value)} »`;
}

function resourceSection(report: UpdateReport): string[] {
  if (report.resources.length === 0) return ['## Ressources data.gouv.fr', '', 'Aucun changement de ressource.', ''];
  const lines = ['## Ressources data.gouv.fr', ''];
  for (const change of report.resources) {
    const who = change.table ?? 'jeu de données';
    const parts = [
      change.before && `avant : ${resourceText(change.before)}`,
      change.after && `après : ${resourceText(change.after)}`,
    ].filter(Boolean);
    lines.push(`- ${who} : ${RESOURCE_CHANGE_LABELS[change.kind]} ; ${parts.join(' ; ')}`);
  }
  lines.push('');
  return lines;
}

function resourceText(resource: ResourceRecord): string {
  const checksum = resource.checksum
    ? `, ${md(resource.checksum.type)} ${md(resource.checksum.value)}`
    : ', sans somme de contrôle';
  return `« ${md(resource.title)} » (${md(resource.id)}, ${md(resource.url)}${checksum})`;
}
