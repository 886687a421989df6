/**
 * The original site's map against its own counts (défis, host administrations, ministries, défis outside
 * Paris, year by year), and its défis in Paris against the towns of the current website's défis.
 */
import type { MapService } from '../aggregates/original-site.ts';
import { MAP_YEARS, ORIGINAL as O } from '../aggregates/original-site.ts';
import { sumOf, type RowRef } from '../figures.ts';
import { kilometres, PARIS_CENTRE } from '../geo/distance.ts';
import { ofPhrase, slugify } from '../text.ts';
import { comparisonCheck } from './comparison.ts';
import { counted, type OriginalContext } from './original-context.ts';
import type { QualityCheck } from './quality-check.ts';

/** Far from Paris: no service of the inner suburbs is this far from its centre. */
const FAR_FROM_PARIS_KM = 30;

type Year = (typeof MAP_YEARS)[number];

export function mapChecks(ctx: OriginalContext): QualityCheck[] {
  const { original } = ctx.inputs;
  return MAP_YEARS.flatMap((year) => {
    const promotion = original.promotions.find((p) => original.get(O.eig, p)?.year === year);
    return promotion ? yearChecks(ctx, year, promotion) : [];
  });
}

/** A year of the map: its promotion, its services, those that hosted a défi and the rows they come from. */
interface MapYear {
  ctx: OriginalContext;
  year: Year;
  promotion: string;
  services: readonly MapService[];
  hosting: readonly MapService[];
  refs: RowRef[];
  /** Who the map is compared with: « les chiffres de la publication… ». */
  theirs: string;
}

function yearChecks(ctx: OriginalContext, year: Year, promotion: string): QualityCheck[] {
  const services = ctx.inputs.originalMap;
  const hosting = services.filter((s) => s.defis[year].value > 0);
  const y: MapYear = {
    ctx,
    year,
    promotion,
    services,
    hosting,
    refs: hosting.map((s) => s.ref),
    theirs: `les chiffres ${ofPhrase(ctx.site)}`,
  };
  return [...defisChecks(y), ...administrationChecks(y), ...ministryChecks(y), ...outsideParisChecks(y)];
}

function defisChecks({ ctx, year, promotion, services, theirs }: MapYear): QualityCheck[] {
  const defis = ctx.value(O.defis, promotion);
  if (!defis) return [];
  return [
    comparisonCheck({
      id: `origine-carte-defis-${year}`,
      compares: `Défis de ${year} (${promotion})`,
      a: { source: 'la somme des services de la carte du site d’origine', figure: defisOf(services, year) },
      b: { source: theirs, figure: defis },
    }),
  ];
}

function administrationChecks({ ctx, year, promotion, hosting, refs, theirs }: MapYear): QualityCheck[] {
  const administrations = ctx.value(O.administrations, promotion);
  if (!administrations) return [];
  return [
    comparisonCheck({
      id: `origine-carte-administrations-${year}`,
      compares: `Administrations ayant accueilli un défi en ${year} (${promotion})`,
      a: {
        source: 'les services de la carte du site d’origine qui en comptent un',
        figure: counted(hosting.length, refs, 'structures'),
      },
      b: { source: theirs, figure: administrations },
    }),
  ];
}

function ministryChecks({ ctx, year, promotion, hosting, refs }: MapYear): QualityCheck[] {
  const ministries = ctx.value(O.ministries, promotion);
  if (!ministries) return [];
  return [
    comparisonCheck({
      id: `origine-carte-ministeres-${year}`,
      compares: `Ministères ou organismes de tutelle ayant accueilli un défi en ${year} (${promotion})`,
      a: {
        source: 'les tutelles de la carte du site d’origine',
        figure: counted(new Set(hosting.map((s) => s.tutelle)).size, refs, 'structures'),
      },
      b: { source: `le nombre de ministères ${ofPhrase(ctx.site)}`, figure: ministries },
      different: 'ecart',
    }),
  ];
}

function outsideParisChecks({ ctx, year, promotion, hosting, theirs }: MapYear): QualityCheck[] {
  const outside = ctx.value(O.defisOutsideParis, promotion);
  if (!outside) return [];
  const far = hosting.filter(
    (s) => kilometres(s.latitude, s.longitude, PARIS_CENTRE.lat, PARIS_CENTRE.lon) > FAR_FROM_PARIS_KM,
  );
  const named = far.length > 0 ? ` : ${far.map((s) => s.service).join(', ')}` : '';
  return [
    comparisonCheck({
      id: `origine-carte-hors-paris-${year}`,
      compares: `Défis hors de Paris en ${year} (${promotion})`,
      a: {
        source: `la carte du site d’origine (services à plus de ${FAR_FROM_PARIS_KM} km du centre de Paris${named})`,
        figure: defisOf(far, year),
      },
      b: { source: theirs, figure: outside },
    }),
  ];
}

const defisOf = (services: readonly MapService[], year: Year) =>
  sumOf(
    services.map((s) => s.defis[year]),
    'défis',
  );

/** The original's défis in Paris against the towns of the current website's défis, once they could be placed. */
export function parisChecks(ctx: OriginalContext): QualityCheck[] {
  const { original, places } = ctx.inputs;
  if (!places.gazetteer) return [];
  return original.promotions.flatMap((promotion) => {
    const paris = ctx.value(O.defisParis, promotion);
    if (!paris) return [];
    const listed = places.byKind.filter((k) => k.promotion === promotion);
    const inParis =
      listed.find((k) => k.kind === 'paris')?.figure ??
      counted(
        0,
        listed.flatMap((k) => k.figure.from),
        'défis',
      );
    return [
      comparisonCheck({
        id: `origine-paris-site-${slugify(promotion)}`,
        compares: `Défis à Paris, ${promotion}`,
        a: { source: ctx.site, figure: paris },
        b: { source: 'les villes des défis du site actuel du programme', figure: inParis },
        different: 'ecart',
      }),
    ];
  });
}
