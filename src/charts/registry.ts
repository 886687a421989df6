/**
 * The chart registry: every file of src/charts/ but this one and types.ts is a chart. Adding a chart is adding
 * a file; nothing else lists charts.
 */
import { THEMES, type AnyChart, type Theme } from './types.ts';

const modules = import.meta.glob<{ default: AnyChart }>(['./*.ts', '!./registry.ts', '!./types.ts'], {
  eager: true,
});

function collect(): AnyChart[] {
  const charts = Object.entries(modules).map(([path, module]) => {
    if (!module.default?.slug) throw new Error(`${path} : un graphique doit exporter par défaut defineChart({...})`);
    return module.default;
  });
  const themeOrder = Object.keys(THEMES) as Theme[];
  charts.sort(
    (a, b) =>
      themeOrder.indexOf(a.theme) - themeOrder.indexOf(b.theme) || a.order - b.order || a.slug.localeCompare(b.slug),
  );
  const seen = new Map<string, string>();
  for (const chart of charts) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(chart.slug))
      throw new Error(`Identifiant de graphique invalide : « ${chart.slug} »`);
    for (const id of [chart.slug, ...(chart.legacyAnchors ?? []).map((a) => `#${a}`)]) {
      if (seen.has(id)) throw new Error(`« ${id} » est déclaré par deux graphiques : ${seen.get(id)} et ${chart.slug}`);
      seen.set(id, chart.slug);
    }
  }
  return charts;
}

export const charts: readonly AnyChart[] = collect();

/** The static paths of every route with one page or file per chart (its getStaticPaths). */
export const chartRoutes = () => charts.map((chart) => ({ params: { slug: chart.slug }, props: { chart } }));

export function chartBySlug(slug: string): AnyChart {
  const chart = charts.find((c) => c.slug === slug);
  if (!chart) throw new Error(`Graphique inconnu : « ${slug} »`);
  return chart;
}

/** Charts grouped by theme, in menu order. */
export function chartsByTheme(): { theme: Theme; title: string; charts: AnyChart[] }[] {
  return (Object.keys(THEMES) as Theme[])
    .map((theme) => ({ theme, title: THEMES[theme], charts: charts.filter((c) => c.theme === theme) }))
    .filter((group) => group.charts.length > 0);
}

/** Old anchors of data.eig-forever.org and the chart each now lands on. */
export function legacyAnchors(): { anchor: string; slug: string; title: string }[] {
  return charts.flatMap((c) => (c.legacyAnchors ?? []).map((anchor) => ({ anchor, slug: c.slug, title: c.title })));
}
