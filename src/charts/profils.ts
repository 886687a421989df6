import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatPercentRounded } from '../lib/format.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { Figure } from '../lib/figures.ts';
import { label, PROFILE_LABELS } from '../lib/labels.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { joinParts, partText, stackList } from './helpers/stack-list.ts';
import { defineChart } from './types.ts';

/** The original site's share and count indicators for each profile. */
const ORIGINAL_OF: Record<string, [string, string]> = {
  developpement: [ORIGINAL.shareDevelopers, ORIGINAL.developers],
  'data science': [ORIGINAL.shareDataScientists, ORIGINAL.dataScientists],
  design: [ORIGINAL.shareDesigners, ORIGINAL.designers],
};

export default defineChart({
  slug: 'profils',
  title: 'Composition des promotions par profil',
  story: 'qui',
  theme: 'profils',
  order: 1,
  description:
    'Part des développeurs et développeuses, des data scientists et des designers dans chaque promotion d’EIG, avec les effectifs quand ils ont été publiés.',
  // #profils: the original's first name for the same view (three profiles' shares, stacked), May 2019.
  legacyAnchors: ['competences', 'profils'],
  rows: ({ aggregates }) =>
    aggregates.profils.data.composition
      .filter((c) => c.share !== null)
      .map((c) => {
        const [shareName, countName] = ORIGINAL_OF[c.profile] ?? ['', ''];
        const original = aggregates.origine.data.figures;
        // The original site prints the report's shares and the 2021 post's counts: the row cites it too, and
        // gives its counts where no other publication did (promotions 1 and 2).
        const sameShare = sameAs(original.get(shareName, c.promotion), c.share!.value);
        const originalCount = original.get(countName, c.promotion)?.figure ?? null;
        const count: Figure | null = c.count ?? originalCount;
        const sameCount = count ? sameAs(original.get(countName, c.promotion), count.value) : null;
        return {
          promotion: c.promotion,
          profil: label(PROFILE_LABELS, c.profile),
          // A share computed here is shown to one decimal (41,5 %): the table, the CSV and the labels say the same.
          part: c.share!.computed ? Math.round(c.share!.value * 10) / 10 : c.share!.value,
          nature: c.share!.computed ? 'calculé' : 'publié',
          effectif: count?.value ?? null,
          _from: mergedRefs(c.share!.from, count?.from ?? [], sameShare?.from ?? [], sameCount?.from ?? []),
        };
      }),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'profil', label: 'Profil', kind: 'texte' },
    { key: 'part', label: 'Part de la promotion', kind: 'pourcent' },
    { key: 'nature', label: 'Part publiée ou calculée', kind: 'texte' },
    { key: 'effectif', label: 'Effectif publié', kind: 'nombre' },
  ],
  reading: (rows) => {
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const first = promotions[0];
    const last = promotions.at(-1);
    const of = (promotion: string | undefined) => rows.filter((r) => r.promotion === promotion);
    const top = of(first).sort((a, b) => b.part - a.part)[0];
    // The profile whose share grew the most from the first promotion to the last.
    const growth = of(last)
      .map((r) => ({ r, before: of(first).find((f) => f.profil === r.profil) }))
      .filter((g) => g.before)
      .sort((a, b) => b.r.part - b.before!.part - (a.r.part - a.before!.part))[0];
    if (!top || !growth || first === last) return 'La composition par profil n’est publiée que pour une promotion.';
    return (
      `${top.profil} : ${formatPercent(top.part)} de la promotion ${top.promotion} ; ` +
      `la part du ${growth.r.profil.toLowerCase()} passe de ${formatPercent(growth.before!.part)} (${first}) ` +
      `à ${formatPercent(growth.r.part)} (${last}${growth.r.nature === 'calculé' ? ', part calculée' : ''}).`
    );
  },
  keyNotes: (rows) => [
    ...[...new Set(rows.filter((r) => r.nature === 'calculé').map((r) => r.promotion))].map(
      (p) => `Promotion ${p} : parts calculées ici, non publiées.`,
    ),
    ...rows
      .filter((r) => r.part === 0)
      .map((r) => `Promotion ${r.promotion} : ${formatPercent(0)} en ${r.profil.toLowerCase()} (aucune barre).`),
  ],
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const printed = [...new Set(rows.filter((r) => r.nature === 'publié').map((r) => r.promotion))];
    const computed = rows.filter((r) => r.nature === 'calculé');
    if (printed.length > 0)
      notes.push(
        `Promotions ${printed.join(', ')} : parts publiées par le rapport d’Etalab (juin 2019), en pourcentages entiers.`,
      );
    if (computed.length > 0) {
      const promotion = computed[0]!.promotion;
      const total =
        aggregates.profils.data.composition.find((c) => c.promotion === promotion && c.counted)?.counted?.value ?? 0;
      notes.push(
        `Promotion ${promotion} : parts calculées ici à partir des effectifs du billet d’avril 2021 (` +
          computed.map((r) => `${formatNumber(r.effectif ?? 0)} en ${r.profil.toLowerCase()}`).join(', ') +
          `, soit ${formatNumber(total)} EIG) ; aucune part n’a été publiée pour cette promotion.`,
      );
    }
    const counted = rows.filter((r) => r.nature === 'publié' && r.effectif !== null);
    const bySource = (r: (typeof rows)[number]) => r._from.some((f) => f.source.startsWith('blog-2021'));
    for (const promotion of new Set(counted.map((r) => r.promotion))) {
      const ofPromotion = counted.filter((r) => r.promotion === promotion);
      notes.push(
        `Promotion ${promotion} : les effectifs (${ofPromotion
          .map((r) => `${formatNumber(r.effectif!)} en ${r.profil.toLowerCase()}`)
          .join(
            ', ',
          )}) viennent ${ofPromotion.some(bySource) ? 'du billet d’avril 2021 et du site d’origine data.eig-forever.org (mai 2019)' : 'du site d’origine data.eig-forever.org (mai 2019)'}, les parts du rapport de 2019 (le site d’origine imprime les mêmes).`,
      );
    }
    const zero = rows.filter((r) => r.part === 0);
    for (const r of zero)
      notes.push(`Promotion ${r.promotion} : ${formatPercent(0)} en ${r.profil.toLowerCase()} (aucune barre).`);
    const engineers = aggregates.profils.data.community.filter(
      (c) => c.programme === 'EIG' && c.profile === 'data engineering',
    );
    if (engineers.length > 0) {
      notes.push(
        `Aucune de ces publications ne compte à part le data engineering ; la liste de la communauté du site du programme compte ` +
          engineers
            .map((c) => `${formatNumber(c.figure.value)} profil data engineering en promotion ${c.promotion}`)
            .join(', ') +
          ' (voir le graphique « Communauté »).',
      );
    }
    return notes;
  },
  plot: (rows, { narrow, palette, width }) => {
    // Each promotion's bar, then its profiles in the legend's words with their share (whole percents: a promotion is
    // a few dozen EIG) and their EIG: the profiles are read without their colours.
    const profiles = [...new Set(rows.map((r) => r.profil))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const computed = new Set(rows.filter((r) => r.nature === 'calculé').map((r) => r.promotion));
    const of = (p: string) =>
      profiles.flatMap((profile) => rows.filter((r) => r.promotion === p && r.profil === profile));
    const list = stackList(
      promotions.map((p) => ({
        heading: computed.has(p) ? `${p} (parts calculées)` : p,
        bars: [
          {
            parts: of(p),
            below: joinParts(
              of(p)
                .filter((r) => r.part > 0)
                .map((r) =>
                  partText(
                    r.profil,
                    `${formatPercentRounded(r.part)}${r.effectif !== null ? ` (${formatNumber(r.effectif)} EIG)` : ''}`,
                  ),
                ),
            ),
          },
        ],
      })),
      { narrow, width, value: (r) => r.part },
    );
    type Part = (typeof list.parts)[number];
    return {
      ...list.options,
      x: { domain: [0, 100], label: null, tickFormat: (v: number) => formatPercent(v), ticks: narrow ? 4 : 10 },
      color: { domain: profiles, range: palette },
      marks: [
        ...list.marks,
        Plot.rectX(list.parts, {
          x1: 'x1',
          x2: 'x2',
          y1: 'y1',
          y2: 'y2',
          fill: (d: Part) => d.row.profil,
          insetLeft: 0.5,
          title: (d: Part) =>
            `${d.row.promotion} — ${d.row.profil} : ${formatPercent(d.row.part)}${d.row.nature === 'calculé' ? ' (calculé)' : ''}` +
            (d.row.effectif !== null ? `, ${formatNumber(d.row.effectif)} EIG` : ''),
        }),
      ],
    };
  },
});
