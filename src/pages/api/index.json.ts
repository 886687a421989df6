import type { APIRoute } from 'astro';
import { charts } from '../../charts/registry.ts';
import { site } from '../../site/data.ts';
import { sources } from '../../../data/sources.ts';
import { chartPath, embedPath } from '../../charts/types.ts';

/** Catalogue of the site's JSON and CSV files, for anyone who wants the data rather than the pages. */
export const GET: APIRoute = ({ site: siteUrl }) => {
  const url = (path: string) => new URL(path, siteUrl).href;
  const body = {
    title: 'Données EIG : catalogue',
    snapshotDate: site.snapshotDate,
    licence: sources.licence,
    dataset: sources.dataset,
    charts: charts.map((c) => ({
      slug: c.slug,
      title: c.title,
      description: c.description,
      page: url(chartPath(c.slug)),
      embed: url(embedPath(c.slug)),
      json: url(`/api/${c.slug}.json`),
      csv: url(`/data/${c.slug}.csv`),
      svg: url(`/images/${c.slug}.svg`),
      png: url(`/images/${c.slug}.png`),
    })),
    aggregates: Object.entries(site.aggregates).map(([name, a]) => ({
      name,
      title: a.title,
      json: url(`/api/agregats/${name}.json`),
    })),
    manifest: url('/manifest.json'),
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
