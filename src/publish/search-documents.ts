/**
 * What the site's search finds, one document per page: the défis, the host bodies, the charts and the tables,
 * from the same published objects as their pages (nothing listed by hand).
 */
import { sources } from '../../data/sources.ts';
import type { SearchDocument } from '../lib/search-options.ts';
import { tableNames, tables } from '../lib/tables.ts';
import { formatNumber } from '../lib/format.ts';
import { plural } from '../lib/text.ts';
import { routes } from '../routes.ts';
import type { EntityPages } from './entity-pages.ts';
import type { Published } from './publish.ts';

export function searchDocuments(published: Published, entities: EntityPages): SearchDocument[] {
  const defis = entities.defis.map(({ defi, hosts, addresses }): SearchDocument => ({
    id: addresses.page,
    kind: 'defi',
    url: addresses.page,
    title: defi.title,
    names: '',
    text: [
      defi.description,
      defi.promotion,
      defi.administration,
      ...hosts.map((h) => h.title),
      defi.town,
      ...defi.themes,
      ...defi.expertises,
    ]
      .filter(Boolean)
      .join(' · '),
    detail: [defi.promotion, ...hosts.map((h) => h.title)].join(' · '),
  }));
  const bodies = entities.bodies.map((b): SearchDocument => ({
    id: b.addresses.page,
    kind: 'organisme',
    url: b.addresses.page,
    title: b.title,
    names: [b.body.acronym, ...b.spellings.map((s) => s.text)].filter(Boolean).join(' · '),
    text: [b.body.ministry, ...b.defis.map((d) => d.defi.title)].filter(Boolean).join(' · '),
    detail: `${formatNumber(b.defis.length)} ${plural(b.defis.length, 'défi')}${b.body.ministry ? ` · ${b.body.ministry}` : ''}`,
  }));
  const charts = published.themes.flatMap(({ title: theme, charts: list }) =>
    list.map((c): SearchDocument => ({
      id: c.addresses.page,
      kind: 'graphique',
      url: c.addresses.page,
      title: c.title,
      names: '',
      text: `${theme} · ${c.description}`,
      detail: theme,
    })),
  );
  const tableDocs = [...tableNames, 'publications' as const].map((name): SearchDocument => {
    const spec = name === 'publications' ? sources.publications : tables[name];
    return {
      id: routes.table(name),
      kind: 'table',
      url: routes.table(name),
      title: spec.title,
      names: name,
      text: spec.description,
      detail: spec.file,
    };
  });
  return [...defis, ...bodies, ...charts, ...tableDocs];
}
