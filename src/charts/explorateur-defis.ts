import * as Plot from '@observablehq/plot';
import { wrappedTicks } from './helpers/margins.ts';
import { isWellFormedUrl } from '../lib/aggregates/defis.ts';
import { bodyTitle } from '../lib/aggregates/host-bodies.ts';
import { formatNumber } from '../lib/format.ts';
import { parseTown } from '../lib/geo/towns.ts';
import { byPromotion, isEigPromotion, promotionSpan } from '../lib/promotion-names.ts';
import { listFr, plural } from '../lib/text.ts';
import { routes } from '../routes.ts';
import { defineChart, type ChartRow } from './types.ts';

/** Themes and expertises are written in one cell each, joined with this separator (no label contains it). */
export const LIST_SEPARATOR = '; ';

// « https://github.com/[compte-personnel]/archifiltre »: the data hides a person's account name; not a link.
const MASKED = /\[compte-personnel\]/u;

type Row = {
  defi: string;
  promotion: string;
  annee: number | null;
  administration: string;
  ville: string | null;
  thematiques: string;
  expertises: string;
  eig: number;
  mentors: number;
  code_source: string | null;
  /** The défi's page (not a column: the link of its title). */
  page: string;
  /** The host bodies (not a column: what the administration filter offers); a name that designates none, quoted. */
  organismes: string[];
  /** The bars of its expertises, with the model's counts (not a column: what the chart draws). */
  barres: Bar[];
};

const list = (cell: string) => (cell ? cell.split(LIST_SEPARATOR) : []);
/** A source-code address shown as a link: well formed, and not one whose owner the data masks. */
export const isLink = (url: string | null): url is string => url !== null && !MASKED.test(url) && isWellFormedUrl(url);

/** An expertise's bar: its défis, counted in the model, and its place in the model's order (the most défis first). */
type Bar = { expertise: string; defis: number; rank: number };

/** How the reading names the défis and their leading expertise, for every défi and in the browser for a selection. */
const NOUN = ['défi', 'défis'] as const;
const LEADER_VERB = ['demande l’expertise', 'demandent l’expertise'] as const;

/**
 * Marks of the expertise bars tagged with their value and count (data-bar, data-count) in a group that names
 * the filter they follow (data-follows): the page's script redraws them for the rows the filters leave.
 */
function tagged(param: string): Plot.MarkOptions['render'] {
  return function (this: { data: Bar[] }, index, scales, values, dimensions, context, next) {
    const group = next!(index, scales, values, dimensions, context)!;
    group.setAttribute('data-follows', param);
    [...group.children].forEach((node, i) => {
      const bar = this.data[index[i]!]!;
      node.setAttribute('data-bar', encodeURIComponent(bar.expertise));
      node.setAttribute('data-count', String(bar.defis));
    });
    return group;
  };
}

export default defineChart({
  slug: 'explorateur-defis',
  title: 'Explorateur des défis',
  theme: 'defis',
  order: 1,
  description:
    'Tous les défis du site du programme, de la première promotion à la dernière et les designers d’intérêt général : promotion, année, administration d’accueil et ville telles qu’écrites, thématiques, expertises, équipe et lien vers le code source ; le graphique compte les défis par expertise et suit les filtres.',
  explorer: true,
  selection: { noun: NOUN, leader: { param: 'expertise', verb: LEADER_VERB } },
  rows: ({ aggregates }) => {
    const { list: defis, byExpertise } = aggregates.defis.data.current;
    const bars = new Map(byExpertise.map((c, rank) => [c.key, { expertise: c.key, defis: c.figure.value, rank }]));
    return defis.map((d): ChartRow<Row> => ({
      defi: d.title,
      promotion: d.promotion,
      annee: d.year?.value ?? null,
      administration: d.administration,
      ville: d.town,
      thematiques: d.themes.join(LIST_SEPARATOR),
      expertises: d.expertises.join(LIST_SEPARATOR),
      eig: d.eig,
      mentors: d.mentors,
      code_source: d.code,
      page: routes.defi(d.pageSlug),
      organismes: d.bodies.map(bodyTitle),
      barres: [...new Set(d.expertises)].map((e) => bars.get(e)!),
      // The year comes from the 2022 website's row: both rows are cited.
      _from: d.year && d.year.from !== d.ref ? [d.ref, d.year.from] : [d.ref],
    }));
  },
  columns: [
    { key: 'defi', label: 'Défi', kind: 'texte', href: (r) => r.page },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    // An empty year says why on every screen, phones included (no tooltip there): no source gives it.
    {
      key: 'annee',
      label: 'Année',
      kind: 'annee',
      format: (r) => (r.annee === null ? `— (non publiée pour ${r.promotion})` : String(r.annee)),
    },
    { key: 'administration', label: 'Administration', kind: 'texte' },
    { key: 'ville', label: 'Ville', kind: 'texte' },
    // Shown as a French list; the raw value (CSV, filters) keeps the separator.
    { key: 'thematiques', label: 'Thématiques', kind: 'texte', format: (r) => list(r.thematiques).join(', ') },
    { key: 'expertises', label: 'Expertises', kind: 'texte', format: (r) => list(r.expertises).join(', ') },
    { key: 'eig', label: 'EIG', kind: 'nombre' },
    { key: 'mentors', label: 'Mentors', kind: 'nombre' },
    {
      key: 'code_source',
      label: 'Code source',
      kind: 'texte',
      format: (r) =>
        !r.code_source
          ? '—'
          : MASKED.test(r.code_source)
            ? `${r.code_source} (compte personnel masqué)`
            : isLink(r.code_source)
              ? r.code_source
              : `${r.code_source} (lien mal formé)`,
      href: (r) => (isLink(r.code_source) ? r.code_source : null),
    },
  ],
  filters: [
    { param: 'promotion', label: 'Promotion', values: (r) => [r.promotion], compare: byPromotion((p: string) => p) },
    { param: 'theme', label: 'Thématique', values: (r) => list(r.thematiques) },
    { param: 'expertise', label: 'Expertise', values: (r) => list(r.expertises) },
    {
      param: 'administration',
      label: 'Administration',
      values: (r) => r.organismes,
      // A name that designates no body (« « Ministère » (nom ambigu) ») after the bodies.
      compare: (a: string, b: string) =>
        Number(a.startsWith('«')) - Number(b.startsWith('«')) || a.localeCompare(b, 'fr'),
    },
    { param: 'ville', label: 'Ville', values: (r) => parseTown(r.ville ?? '').map((s) => s.commune) },
  ],
  reading: (rows, { aggregates }) => {
    // The model's order: the most défis first, a tie in French order of the names (said in the notes).
    const leader = aggregates.defis.data.current.byExpertise[0];
    const [top, topCount] = leader ? [leader.label, leader.figure.value] : ['', 0];
    const promotions = [...new Set(rows.map((r) => r.promotion))].filter(isEigPromotion);
    const count = (p: string | undefined) => rows.filter((r) => r.promotion === p).length;
    const first = promotions[0];
    const last = promotions.at(-1);
    if (!first || !last) return 'Aucun défi n’est listé.';
    return (
      `Le site du programme compte ${formatNumber(rows.length)} ${NOUN[1]}, de ${formatNumber(count(first))} pour la promotion ${first} ` +
      `à ${formatNumber(count(last))} pour la promotion ${last} ; ${formatNumber(topCount)} ${plural(topCount, ...LEADER_VERB)} « ${top} ».`
    );
  },
  notes: (rows, { aggregates, publications }) => {
    const notes: string[] = [];
    const withYear = rows.filter((r) => r.annee !== null);
    const withoutYear = [...new Set(rows.filter((r) => r.annee === null).map((r) => r.promotion))];
    const yearSource = aggregates.defis.data.current.list.find((d) => d.year)?.year?.from.source;
    if (withoutYear.length > 0) {
      notes.push(
        `Le site actuel du programme ne donne pas d’année : celle de ${formatNumber(withYear.length)} défis vient de la liste du ${publications.shortLabel(yearSource ?? '')}, ` +
          `qui s’arrête avant les ${promotionSpan(withoutYear.filter(isEigPromotion))} ; leur année reste vide plutôt que devinée.`,
      );
    }
    const masked = rows.filter((r) => r.code_source && MASKED.test(r.code_source));
    if (masked.length > 0) {
      notes.push(
        `${formatNumber(masked.length)} ${plural(masked.length, 'lien')} vers le code source ${plural(masked.length, 'mène', 'mènent')} au compte personnel d’un EIG, dont le nom est masqué dans les données : ${plural(masked.length, 'il est affiché', 'ils sont affichés')} comme texte.`,
      );
    }
    const malformed = rows.filter((r) => r.code_source && !MASKED.test(r.code_source) && !isLink(r.code_source));
    if (malformed.length > 0) {
      notes.push(
        `${formatNumber(malformed.length)} liens vers le code source sont mal formés (sans nom de domaine : ` +
          malformed.map((r) => `« ${r.code_source} », défi ${r.defi}`).join(' ; ') +
          ') : ils sont affichés comme texte, pas comme liens.',
      );
    }
    const noMentor = [...new Set(rows.map((r) => r.promotion))].filter((p) =>
      rows.filter((r) => r.promotion === p).every((r) => r.mentors === 0),
    );
    if (noMentor.length > 0) {
      notes.push(
        `Les équipes sont comptées sur les pages des personnes du site, qui nomment leur défi ; le site n’a aucune page de mentor pour ${noMentor.join(', ')} : 0 mentor y veut dire « aucune page », pas « aucun mentor ».`,
      );
    }
    const [first, ...others] = aggregates.defis.data.current.byExpertise;
    const tied = first ? others.filter((e) => e.figure.value === first.figure.value) : [];
    if (first && tied.length > 0) {
      notes.push(
        `${listFr([first, ...tied].map((e) => `« ${e.label} »`))} sont demandées par autant de défis (${formatNumber(first.figure.value)}) : la lecture nomme la première dans l’ordre alphabétique.`,
      );
    }
    notes.push(
      'Administrations et villes telles qu’écrites sur le site. Le filtre des administrations propose les organismes d’accueil (les noms d’un même organisme regroupés, un défi de deux organismes sous chacun, un nom qui ne désigne aucun organisme précis entre guillemets, à la fin) ; celui des villes sépare les sites multiples (« | », « + »).',
      'Un défi qui demande plusieurs expertises compte une fois pour chacune dans le graphique.',
    );
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const bars = [...new Set(rows.flatMap((r) => r.barres))].sort((a, b) => a.rank - b.rank);
    const total = rows.length;
    // Expertises named beside their bars, on two lines where they must (with room for a reader's text spacing).
    const ticks = wrappedTicks(
      bars.map((b) => b.expertise),
      { max: narrow ? 120 : 220 },
    );
    return {
      height: bars.length * (narrow ? 28 : 24) + 40,
      marginLeft: ticks.margin,
      marginRight: narrow ? 64 : 80,
      marginBottom: 30,
      x: { grid: true, label: 'Défis', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: {
        domain: bars.map((c) => c.expertise),
        label: null,
        tickSize: 0,
        padding: 0.2,
        tickFormat: ticks.tickFormat,
      },
      color: { domain: ['Défis'], range: palette },
      marks: [
        // All the défis, faint: the selection's bar (drawn over it) shrinks inside it when filters apply.
        Plot.barX(bars, { y: 'expertise', x: 'defis', fill: () => 'Défis', fillOpacity: 0.25 }),
        Plot.barX(bars, {
          y: 'expertise',
          x: 'defis',
          fill: () => 'Défis',
          title: (d) =>
            `${d.expertise} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')} sur ${formatNumber(total)}`,
          render: tagged('expertise'),
        }),
        Plot.text(bars, {
          y: 'expertise',
          x: 'defis',
          text: (d) => formatNumber(d.defis),
          textAnchor: 'start',
          dx: 4,
          fontSize: 11,
          render: tagged('expertise'),
        }),
        Plot.ruleX([0]),
      ],
    };
  },
});
