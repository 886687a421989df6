/**
 * The chart registry: every file of src/charts/ but this one and types.ts is a chart. Adding a chart is adding
 * a file; nothing else lists charts.
 */
import { THEMES, type Chart, type Theme } from './types.ts';

const modules = import.meta.glob<{ default: Chart }>(['./*.ts', '!./registry.ts', '!./types.ts'], {
  eager: true,
});

/** Every chart, in menu order (theme, then its order within the theme), checked for clashing addresses. */
function registered(found: Record<string, { default?: Chart }> = modules): Chart[] {
  const charts = Object.entries(found).map(([path, module]) => {
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

export const charts: readonly Chart[] = registered();

/** Old anchors of data.eig-forever.org and the chart each lands on, read from the declarations alone. */
export const legacyAnchors = () =>
  charts.flatMap((c) => (c.legacyAnchors ?? []).map((anchor) => ({ anchor, slug: c.slug, title: c.title })));
