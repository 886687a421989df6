/**
 * Every address of the site, in one place: pages, embeds, downloads, API files and the old addresses of
 * data.eig-forever.org. Nothing else types a path (astro.config.mjs and the tests read them here too); Astro's
 * file-based routes under src/pages/ must match, which the site tests check by following every link.
 */

export const routes = {
  home: '/',
  quality: '/qualite/',
  qualityCheck: (id: string) => `/qualite/#${id}`,
  tables: '/tables/',
  table: (name: string) => `/tables/${name}/`,
  /** The table's file, byte for byte as committed (or neutralised, see the tables route). */
  tableCsv: (name: string) => `/tables/${name}.csv`,
  /** One row of a table's page: its line in the CSV file (the header is line 1). */
  tableRow: (name: string, line: number) => `/tables/${name}/#L${line}`,
  history: '/historique/',
  about: '/a-propos/',
  aboutSection: (id: string) => `/a-propos/#${id}`,
  accessibility: '/accessibilite/',
  siteMap: '/plan-du-site/',
  sitemapXml: '/sitemap.xml',
  manifest: '/manifest.json',
  apiIndex: '/api/index.json',
  aggregate: (name: string) => `/api/agregats/${name}.json`,
  embedScript: '/embed.js',

  defis: '/defis/',
  /** A défi's page; its slug is the défi's made an address segment (CurrentDefi.pageSlug). */
  defi: (slug: string) => `/defis/${slug}/`,
  defiJson: (slug: string) => `/api/defis/${slug}.json`,
  bodies: '/administrations/',
  /** A host body's page (PublishedBody.slug); names that designate no body have none. */
  body: (slug: string) => `/administrations/${slug}/`,
  bodyJson: (slug: string) => `/api/administrations/${slug}.json`,
  /** The explorer of défis filtered on one value of a filter (its `param`, e.g. theme). */
  explorerFiltered: (param: string, value: string) =>
    `/graphiques/explorateur-defis/?${new URLSearchParams({ [param]: value }).toString()}`,
  /** The explorer filtered on a town (its « ville » filter): the défis a town of the map hosted. */
  explorerTown: (commune: string) =>
    `/graphiques/explorateur-defis/?${new URLSearchParams({ ville: commune }).toString()}`,
  search: '/recherche/',
  /** The search index, written at build time, fetched when the reader first focuses the search field. */
  searchIndex: '/recherche/index.json',
  icon: '/favicon.svg',

  chart: (slug: string) => `/graphiques/${slug}/`,
  embed: (slug: string) => `/embed/${slug}/`,
  chartCsv: (slug: string) => `/data/${slug}.csv`,
  /** The same rows for French spreadsheets: UTF-8 with a BOM, « ; » between columns, decimal commas. */
  chartSpreadsheetCsv: (slug: string) => `/data/tableur/${slug}.csv`,
  chartJson: (slug: string) => `/api/${slug}.json`,
  chartSvg: (slug: string) => `/images/${slug}.svg`,
  chartPng: (slug: string) => `/images/${slug}.png`,
  /** The SVG file drawn on the site's dark background: the home page's thumbnail in dark mode. */
  chartSvgDark: (slug: string) => `/images/sombre/${slug}.svg`,

  /** An old anchor of the one-page original (data.eig-forever.org/#promo), kept on the home page. */
  legacyAnchor: (anchor: string) => `/#${anchor}`,
  /** The short-lived path form of the same addresses (data.eig-forever.org/promo). */
  legacyPath: (anchor: string) => `/${anchor}/`,
} as const;

/** Every address a chart has, for its page, its embed, the catalogue and the tests. */
export function chartAddresses(slug: string) {
  return {
    page: routes.chart(slug),
    embed: routes.embed(slug),
    csv: routes.chartCsv(slug),
    spreadsheetCsv: routes.chartSpreadsheetCsv(slug),
    json: routes.chartJson(slug),
    svg: routes.chartSvg(slug),
    png: routes.chartPng(slug),
    svgDark: routes.chartSvgDark(slug),
  };
}

export type ChartAddresses = ReturnType<typeof chartAddresses>;

/** Path patterns of the headers file (dist/_headers): what static hosts must serve with CORS or caching. */
export const routePatterns = {
  assets: '/assets/*',
  api: '/api/*',
  chartData: '/data/*',
  tables: '/tables/*',
} as const;
