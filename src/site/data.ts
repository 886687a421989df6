/**
 * What the build publishes: the snapshot of data/ (or EIG_DATA_DIR) loaded, modelled and published once per
 * build. Pages ask for it with `await getSite()`; a snapshot that cannot be published stops the build with every
 * problem, one per line. Tests build the same thing from fixture folders with load → buildModel → publish.
 */
import { buildModel } from '../lib/model.ts';
import { realEffects } from '../effects.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { dataDir } from '../load/paths.ts';
import { load, type Loaded } from '../load/load-folder.ts';
import { entityPages, type EntityPages } from '../publish/entity-pages.ts';
import { publish, type Published, type PublishedChart } from '../publish/publish.ts';
import { pngQueue } from './chart-png.ts';
import { locatorBase, type LocatorBase } from './locator-map.ts';
import { drawChart, renderChartFile, type ChartDrawings, type Scheme } from './render-chart.ts';

/** The id of the element every page showing a chart gives its reading, which describes the drawings. */
export const READING_ID = 'lecture';

/** The width and height of a défi's locator map, in pixels. */
const LOCATOR_SIZE = 150;

export type Site = Published &
  Pick<Loaded, 'history' | 'files'> & {
    /** A chart drawn at every width, once per build: its page and its embed show the same drawings. */
    drawings(chart: PublishedChart): ChartDrawings;
    /** A chart's image file (wide), once per build: the SVG download, and the PNG made from it. */
    file(chart: PublishedChart, scheme: Scheme): string;
    /** A chart's PNG, made from its light image file in the background from the start of the build. */
    png(chart: PublishedChart): Promise<Uint8Array<ArrayBuffer>>;
    /** A page per défi and per host body. */
    entities: EntityPages;
    /** The défis' locator map without its points, once per build. */
    locator(): LocatorBase;
  };

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
  site ??= build();
  return site;
}

/** `make` of a key, made on the first call and given again after. */
function once<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

async function build(): Promise<Site> {
  const result = await load(dataDir(process.env), realEffects);
  if (!result.ok) {
    throw new Error(`Instantané invalide, site non construit :\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  const { snapshot, history, files } = result.data;
  const gazetteer = await loadGazetteer(realEffects);
  const published = publish(buildModel({ ...snapshot, gazetteer }));
  const drawings = once((slug) => drawChart(published.chart(slug), READING_ID));
  let locator: LocatorBase | undefined;
  const imageFiles = once((key) => {
    const [slug, scheme] = key.split(' ') as [string, Scheme];
    return renderChartFile(published.chart(slug), 'wide', scheme);
  });
  const pngs = pngQueue(
    published.charts.map((chart) => chart.slug),
    (slug) => imageFiles(`${slug} light`),
  );
  return {
    ...published,
    history,
    files,
    drawings: (chart) => drawings(chart.slug),
    file: (chart, scheme) => imageFiles(`${chart.slug} ${scheme}`),
    png: (chart) => pngs.get(chart.slug)!,
    entities: entityPages(published.model),
    locator: () => (locator ??= locatorBase(LOCATOR_SIZE)),
  };
}

/** The static paths of every route with one page or file per chart (their getStaticPaths). */
export async function chartPaths() {
  return (await getSite()).charts.map((chart) => ({ params: { slug: chart.slug }, props: { chart } }));
}

/** The static paths of the défis' pages and files. */
export async function defiPaths() {
  return (await getSite()).entities.defis.map((page) => ({ params: { slug: page.slug }, props: { page } }));
}

/** The static paths of the host bodies' pages and files. */
export async function bodyPaths() {
  return (await getSite()).entities.bodies.map((page) => ({ params: { slug: page.slug }, props: { page } }));
}
