import { MAP_YEARS } from '../lib/aggregates/original-site.ts';
import type { PlaceCounts, SiteCounts } from '../lib/aggregates/place-counts.ts';
import { GEONAMES_CREDIT } from '../lib/geo/places.ts';
import { OUTLINE_CREDIT } from '../lib/geo/france.ts';
import { formatNumber, formatYearSpan } from '../lib/format.ts';
import { ofThePromotions, yearsPhrase, type Promotion } from '../lib/promotion-names.ts';
import { listFr, plural } from '../lib/text.ts';
import {
  baseMarks,
  keyMarks,
  MAP_VIEWS,
  inInset,
  mapLayout,
  pointMarks,
  type MapLayer,
  type MapPoint,
  type MapView,
} from './helpers/map.ts';
import { routes } from '../routes.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

/** The years of the original site's map (its table's columns), from the first to the last. */
const MAP_SPAN = [MAP_YEARS[0], MAP_YEARS.at(-1)!] as const;
const SERVICES = `Services d’accueil ${formatYearSpan(MAP_SPAN)} (site d’origine)`;
const TOWNS = 'Défis par commune (site actuel)';
const UNPLACED = 'Défis dont la commune n’est pas placée';

/**
 * The map's layers: a declaration each (name, symbol, size). Adding a layer is adding its rows below and an entry
 * here; the drawing, the views and the legend follow.
 */
const LAYERS: readonly MapLayer[] = [
  {
    name: SERVICES,
    symbol: 'circle',
    filled: true,
    radius: (n, narrow) => (narrow ? 3 : 3.5) + 2.2 * Math.sqrt(n),
    unit: 'défis par service',
  },
  {
    name: TOWNS,
    symbol: 'square',
    filled: false,
    radius: (n, narrow) => (narrow ? 2.5 : 3) + 1.9 * Math.sqrt(n),
    unit: 'défis par commune',
  },
];

type YearView = Exclude<MapView, 'tout'>;

/** Which promotions' défis a year's view of the towns counts: those the data says started that year. */
const inView = (view: YearView, promotions: readonly Promotion[]) =>
  promotions.filter((p) => String(p.year) === view).map((p) => p.name);

type Row = MapPoint & {
  tutelle: string | null;
  defis_2017: number | null;
  defis_2018: number | null;
  defis_2019: number | null;
  defis_total: number;
  /** For the towns: their défis' host bodies (names that designate none left out, as in the administrations chart). */
  organismes: number | null;
  /** Défis per promotion, for the towns (« EIG 1 : 2 ; EIG 4 : 1 »). */
  promotions: string | null;
  remarque: string | null;
  /** A town links to its défi's page, or to the explorer filtered on it (not a column: the link of its name). */
  page: string | null;
};

const defis = (n: number) => `${formatNumber(n)} ${plural(n, 'défi')}`;

/**
 * The original site's source comments on its own figures, as a reader can take them: « FIXME: eig2018 = 2? »
 * (its author's doubt about the figure of 2018) becomes a sentence; a comment of another form is quoted.
 */
export function doubtOf(remark: string, shown: (year: number) => number | null): string {
  const fixme = /^FIXME\s*:\s*eig(\d{4})\s*=\s*(\d+)\s*\?$/iu.exec(remark.trim());
  if (fixme) {
    const year = Number(fixme[1]);
    const figure = shown(year);
    return `pour ${year}, la carte du site d’origine montre ${figure === null ? 'un chiffre' : defis(figure)}, mais une note laissée dans son code source se demande s’il ne fallait pas écrire ${formatNumber(Number(fixme[2]))}`;
  }
  return `une note laissée dans le code source du site d’origine, sans suite, dit : « ${remark.trim()} »`;
}

/**
 * How the défis make the towns' squares: a défi on sites in two towns counts in each, one placed nowhere (an
 * ambiguous town, no town written) in none: « Par commune, Paris compte 91 des 131 défis ; les carrés en font 134 :
 * 4 défis ont deux communes, 1 n’est pas placé ».
 */
function sitesSentence(sites: SiteCounts, first: Row & { label: string | null }): string {
  const several = sites.inSeveralTowns.value;
  const unplaced = sites.unplaced.value;
  const placed = sites.inTowns.value;
  const why = [
    several > 0 &&
      `${defis(several)} ${plural(several, 'a', 'ont')} ${sites.twoTownsEach ? 'deux communes' : 'plusieurs communes'}`,
    unplaced > 0 &&
      `${formatNumber(unplaced)} ${plural(unplaced, 'n’est', 'ne sont')} pas ${plural(unplaced, 'placé')}`,
  ].filter((x): x is string => typeof x === 'string');
  const total =
    placed === sites.defis.value && why.length === 0
      ? ''
      : ` ; les carrés en font ${formatNumber(placed)}${why.length > 0 ? ` : ${why.join(', ')}` : ''}`;
  return `Par commune, ${first.label ?? first.nom} compte ${formatNumber(first.defis_total)} des ${formatNumber(sites.defis.value)} défis${total}.`;
}

export default defineChart({
  slug: 'carte',
  title: 'La carte des services d’accueil et des défis',
  story: 'ou',
  theme: 'defis',
  order: 21,
  description: (rows: ChartRow<Row>[], { aggregates }: ChartContext) => {
    const services = rows.filter((r) => r.couche === SERVICES).length;
    const current = aggregates.defis.data.current.byPromotion.map((c) => c.key);
    return `Les ${formatNumber(services)} services qui ont accueilli des défis ${yearsPhrase(MAP_SPAN)}, placés comme sur la carte du site d’origine data.eig-forever.org, et les défis ${ofThePromotions(current)} placés par commune ; une vue par année ${yearsPhrase(MAP_SPAN)}.`;
  },
  legacyAnchors: ['carte'],
  views: MAP_VIEWS,
  rows: ({ aggregates }) => {
    const { map, places, placeCounts } = aggregates.origine.data;
    const pages = new Map(aggregates.defis.data.current.list.map((d) => [d.slug, routes.defi(d.pageSlug)]));
    const pageOf = (slug: string) => pages.get(slug);
    const services = map.map<ChartRow<Row>>((s) => {
      const [a, b, c] = MAP_YEARS.map((y) => s.defis[y].value);
      const total = s.total.value;
      return {
        couche: SERVICES,
        nom: s.service,
        tutelle: s.tutelle,
        latitude: s.latitude,
        longitude: s.longitude,
        defis_2017: a!,
        defis_2018: b!,
        defis_2019: c!,
        defis_total: total,
        organismes: null,
        promotions: null,
        remarque: s.remarque,
        label: null,
        page: null,
        counts: { tout: total, 2017: a!, 2018: b!, 2019: c! },
        tip:
          `${s.tutelle}${s.service === s.tutelle ? '' : ` — ${s.service}`} : ` +
          MAP_YEARS.map((y) => `${y} : ${defis(s.defis[y].value)}`).join(', ') +
          (s.remarque ? ` (chiffre mis en doute par le site d’origine : voir les notes)` : ''),
        _from: [s.ref],
      };
    });
    const perPromotion = (counts: PlaceCounts) =>
      counts.byPromotion.map((p) => `${p.promotion} : ${formatNumber(p.figure.value)}`).join(' ; ');
    const organismes = (n: number) => `${formatNumber(n)} ${plural(n, 'organisme')} d’accueil`;
    const towns = places.towns.map<ChartRow<Row>>((t, i) => {
      const counts = placeCounts.towns[i]!;
      const [a, b, c] = MAP_YEARS.map((y) => counts.byYear[y].value);
      return {
        couche: TOWNS,
        nom: t.departement ? `${t.commune} (${t.departement})` : t.commune,
        tutelle: null,
        latitude: t.lat,
        longitude: t.lon,
        defis_2017: a!,
        defis_2018: b!,
        defis_2019: c!,
        defis_total: counts.defis.value,
        organismes: counts.bodies.value,
        promotions: perPromotion(counts),
        remarque: null,
        label: t.commune,
        page: t.defis.length === 1 ? (pageOf(t.defis[0]!.slug) ?? null) : routes.explorerTown(t.commune),
        counts: { tout: counts.defis.value, 2017: a!, 2018: b!, 2019: c! },
        tip: `${t.commune} : ${defis(counts.defis.value)} (${perPromotion(counts)}), ${organismes(counts.bodies.value)}`,
        _from: counts.defis.from,
      };
    });
    const unplaced = places.unplaced.map<ChartRow<Row>>((u, i) => {
      const counts = placeCounts.unplaced[i]!;
      return {
        couche: UNPLACED,
        nom: u.raw,
        tutelle: null,
        latitude: null,
        longitude: null,
        defis_2017: counts.byYear[2017].value,
        defis_2018: counts.byYear[2018].value,
        defis_2019: counts.byYear[2019].value,
        defis_total: counts.defis.value,
        organismes: counts.bodies.value,
        promotions: perPromotion(counts),
        remarque: u.message,
        label: null,
        page: null,
        counts: { tout: 0, 2017: 0, 2018: 0, 2019: 0 },
        tip: '',
        _from: counts.defis.from,
      };
    });
    return [...services, ...towns, ...unplaced];
  },
  columns: [
    { key: 'couche', label: 'Couche', kind: 'texte' },
    { key: 'nom', label: 'Service ou commune', kind: 'texte', href: (r) => r.page },
    { key: 'tutelle', label: 'Ministère ou organisme', kind: 'texte' },
    { key: 'defis_2017', label: 'Défis 2017', kind: 'nombre' },
    { key: 'defis_2018', label: 'Défis 2018', kind: 'nombre' },
    { key: 'defis_2019', label: 'Défis 2019', kind: 'nombre' },
    { key: 'defis_total', label: 'Défis en tout', kind: 'nombre' },
    { key: 'organismes', label: 'Organismes d’accueil', kind: 'nombre' },
    { key: 'promotions', label: 'Par promotion', kind: 'texte' },
    {
      key: 'latitude',
      label: 'Latitude',
      kind: 'nombre',
      format: (r) => (r.latitude === null ? '' : String(r.latitude).replace('.', ',')),
    },
    {
      key: 'longitude',
      label: 'Longitude',
      kind: 'nombre',
      format: (r) => (r.longitude === null ? '' : String(r.longitude).replace('.', ',')),
    },
    // Quoted: the source's words, verbatim (an unplaced town's reason is the site's own sentence).
    {
      key: 'remarque',
      label: 'Remarque',
      kind: 'texte',
      format: (r) => (!r.remarque ? '—' : r.couche === SERVICES ? `« ${r.remarque} »` : r.remarque),
    },
  ],
  reading: (rows, { aggregates }) => {
    const services = rows.filter((r) => r.couche === SERVICES);
    const towns = rows.filter((r) => r.couche === TOWNS);
    const near = services.filter((r) => inInset(r.latitude!, r.longitude!));
    const first = [...towns].sort((a, b) => b.defis_total - a.defis_total)[0];
    const { placeCounts } = aggregates.origine.data;
    const serviceSentence = `${formatNumber(services.length)} services ont accueilli des défis ${yearsPhrase(MAP_SPAN)} (${formatNumber(near.length)} à Paris ou tout près).`;
    if (!first) return serviceSentence;
    return `${serviceSentence} ${sitesSentence(placeCounts.sites, first)}`;
  },
  notes: (rows, { aggregates, promotions }) => {
    const notes: string[] = [];
    for (const r of rows.filter((row) => row.couche === SERVICES && row.remarque)) {
      const shown = (year: number) =>
        (MAP_YEARS as readonly number[]).includes(year) ? (r[`defis_${year}` as keyof Row] as number) : null;
      notes.push(
        `${r.nom} : ${doubtOf(r.remarque!, shown)}. La carte garde le chiffre montré, avec lequel les défis de chaque année font bien le total du site d’origine ; la note, telle qu’écrite, est dans la colonne « Remarque » du tableau, avec sa ligne source.`,
      );
    }
    const shared = new Map<string, string[]>();
    for (const r of rows.filter((row) => row.couche === SERVICES)) {
      const key = `${r.latitude},${r.longitude}`;
      shared.set(key, [...(shared.get(key) ?? []), r.nom]);
    }
    for (const names of shared.values())
      if (names.length > 1)
        notes.push(
          `Même position sur la carte du site d’origine pour ${names.map((n) => `« ${n} »`).join(' et ')} : leurs symboles se superposent.`,
        );
    notes.push(
      'Services : positions et défis par année de la carte du site d’origine (mai 2019). Défis par commune : communes écrites sur le site actuel du programme, placées avec le répertoire GeoNames ; un défi sur deux sites compte dans chacun. Une commune écrite sans département et partagée par plusieurs communes n’est pas placée au hasard : elle est listée ici.',
    );
    const unplaced = rows.filter((r) => r.couche === UNPLACED);
    if (unplaced.length > 0)
      notes.push(
        `Non ${plural(unplaced.length, 'placée')} : ${unplaced.map((r) => `« ${r.nom} » (${defis(r.defis_total)}, ${r.promotions}), car ${r.remarque}`).join(' ; ')}.`,
      );
    if (!aggregates.origine.data.places.gazetteer)
      notes.push('Le répertoire des communes n’a pas été chargé : aucun défi n’est placé par commune.');
    notes.push(
      `Le choix d’une année (${listFr(MAP_YEARS.map(String))}) montre les défis de cette année-là : ceux de la promotion de l’année pour les services ; pour les communes, ceux ${listFr(
        MAP_YEARS.map((y) => `${ofThePromotions(inView(String(y) as YearView, promotions))} en ${y}`),
      )}. Fond de carte : ${OUTLINE_CREDIT.name} (${OUTLINE_CREDIT.licence}), paquet ${OUTLINE_CREDIT.package}, projection conique conforme de Lambert ; communes : ${GEONAMES_CREDIT.name} (${GEONAMES_CREDIT.licence}, ${GEONAMES_CREDIT.url}).`,
    );
    return notes;
  },
  plot: (rows, { width, palette }) => {
    const base = mapLayout(width);
    const key = keyMarks(rows, LAYERS, base);
    const layout = { ...base, height: Math.max(base.height, key.bottom + 4) };
    const keyBox = { x0: base.key.x, y0: base.key.y, x1: base.key.x + base.key.width, y1: key.bottom };
    return {
      width,
      height: Math.round(layout.height),
      margin: 0,
      projection: 'identity',
      r: { type: 'identity' },
      color: { domain: LAYERS.map((l) => l.name), range: palette },
      marks: [...baseMarks(layout), ...pointMarks(rows, LAYERS, layout, keyBox), ...key.marks],
    };
  },
});
