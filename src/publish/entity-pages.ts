/**
 * A page per défi and a page per host body, from the current website's défis and the table organismes: what each
 * page shows, line by line with the snapshot rows it comes from, its addresses and its JSON file. Names that
 * designate no body (ambiguous, or missing from the correspondence) have no page: a défi shows them as written.
 */
import { sources } from '../../data/sources.ts';
import { isLink } from '../charts/explorateur-defis.ts';
import type { CurrentDefi } from '../lib/aggregates/current-defis.ts';
import { isWellFormedUrl } from '../lib/aggregates/defis.ts';
import { bodyLabel, bodyTitle, type Body } from '../lib/aggregates/host-bodies.ts';
import type { RowRef } from '../lib/figures.ts';
import type { Model } from '../lib/model.ts';
import { byPromotion } from '../lib/promotion-names.ts';
import { routes } from '../routes.ts';

export interface Link {
  label: string;
  url: string;
}

/** A body as a défi names it: its page when it is a body, the name alone when it designates none. */
export interface HostLink {
  title: string;
  page: string | null;
}

/** A placed site of a défi (its town, as the gazetteer spells it, and where it is). */
export interface Site {
  name: string;
  lat: number;
  lon: number;
}

/** One line of a page and the rows it was read from. */
export interface ProvenanceLine {
  line: string;
  refs: RowRef[];
}

export interface PublishedDefi {
  defi: CurrentDefi;
  slug: string;
  addresses: { page: string; json: string };
  hosts: HostLink[];
  sites: Site[];
  themes: Link[];
  expertises: Link[];
  links: Link[];
  provenance: ProvenanceLine[];
}

export interface PublishedBody {
  body: Body;
  slug: string;
  title: string;
  addresses: { page: string; json: string };
  /** Every way the website writes it, with its défis. */
  spellings: { text: string; defis: number }[];
  defis: PublishedDefi[];
  /** Its défis by promotion, every promotion of the website's défis (zero where it hosted none). */
  byPromotion: { promotion: string; defis: number }[];
  /** Its défis' towns as the gazetteer spells them, the most frequent first. */
  towns: { name: string; defis: number }[];
  provenance: ProvenanceLine[];
}

export interface EntityPages {
  defis: PublishedDefi[];
  bodies: PublishedBody[];
}

/** « site/content/defis/a-just.md@<commit> » → the file on the website's repository, at that commit. */
export function websiteFileUrl(sourceFile: string): string | null {
  const match = /^([^@]+)@([0-9a-f]{7,40})$/u.exec(sourceFile);
  return match ? `https://github.com/${sources.website.repository}/blob/${match[2]}/${match[1]}` : null;
}

export function entityPages(model: Model): EntityPages {
  const { list, byBody } = model.aggregates.defis.data.current;
  const placed = new Map(model.aggregates.origine.data.places.defis.map((p) => [p.slug, p]));
  const bodyCounts = byBody.filter((c) => c.status === 'organisme');
  const bodyPage = new Map(bodyCounts.map((c) => [c.body.key, c.pageSlug!]));

  const defis = list.map((defi): PublishedDefi => {
    const place = placed.get(defi.slug);
    const sites = (place?.matched ?? []).map((m) => ({ name: m.place.name, lat: m.lat, lon: m.lon }));
    const links: Link[] = [
      ...(isLink(defi.code) ? [{ label: 'Code source', url: defi.code }] : []),
      ...(defi.startupPage && isWellFormedUrl(defi.startupPage)
        ? [{ label: 'Page du service public numérique', url: defi.startupPage }]
        : []),
    ];
    const file = websiteFileUrl(defi.sourceFile);
    if (file) links.push({ label: 'Fichier de la page sur le dépôt du site du programme', url: file });
    const bodyRefs = defi.bodies.flatMap((b) => b.refs);
    return {
      defi,
      slug: defi.pageSlug,
      addresses: { page: routes.defi(defi.pageSlug), json: routes.defiJson(defi.pageSlug) },
      hosts: defi.bodies.map((b) => {
        const slug = bodyPage.get(b.key);
        return { title: bodyTitle(b), page: slug ? routes.body(slug) : null };
      }),
      sites,
      themes: defi.themes.map((t) => ({ label: t, url: routes.explorerFiltered('theme', t) })),
      expertises: defi.expertises.map((e) => ({ label: e, url: routes.explorerFiltered('expertise', e) })),
      links,
      provenance: [
        {
          line: 'Titre, description, promotion, administration, ville, thématiques, expertises, liens',
          refs: [defi.ref],
        },
        { line: 'Équipe (EIG et mentors comptés sur les pages des personnes)', refs: [defi.ref] },
        ...(defi.year && defi.year.from !== defi.ref ? [{ line: 'Année', refs: [defi.year.from] }] : []),
        ...(bodyRefs.length > 0 ? [{ line: 'Organisme d’accueil et ministère', refs: bodyRefs }] : []),
      ],
    };
  });

  const promotions = [...new Set(list.map((d) => d.promotion))].sort(byPromotion((p) => p));
  const bodies = bodyCounts.map((count): PublishedBody => {
    const slug = bodyPage.get(count.body.key)!;
    const own = defis.filter((p) => p.defi.bodies.some((b) => b.key === count.body.key));
    const towns = new Map<string, number>();
    for (const p of own)
      for (const name of new Set(p.sites.map((s) => s.name))) towns.set(name, (towns.get(name) ?? 0) + 1);
    return {
      body: count.body,
      slug,
      title: bodyLabel(count.body),
      addresses: { page: routes.body(slug), json: routes.bodyJson(slug) },
      spellings: count.spellings,
      defis: own,
      byPromotion: promotions.map((promotion) => ({
        promotion,
        defis: own.filter((p) => p.defi.promotion === promotion).length,
      })),
      towns: [...towns]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'))
        .map(([name, n]) => ({ name, defis: n })),
      provenance: [
        { line: 'Nom, sigle, ministère de rattachement, remarque', refs: count.body.refs },
        { line: 'Défis accueillis, par promotion', refs: own.map((p) => p.defi.ref) },
      ],
    };
  });
  return { defis, bodies };
}

const refJson = (model: Model, ref: RowRef) => model.cite(ref);

/** A défi's JSON file: what its page shows, with the rows each line comes from. */
export function defiJson(page: PublishedDefi, model: Model, site: URL) {
  const { defi } = page;
  return {
    page: new URL(page.addresses.page, site).href,
    slug: defi.slug,
    titre: defi.title,
    description: defi.description,
    promotion: defi.promotion,
    promotion_telle_qu_ecrite: defi.promotionSource,
    annee: defi.year?.value ?? null,
    administration_telle_qu_ecrite: defi.administration,
    organismes: page.hosts.map((h) => ({ nom: h.title, page: h.page && new URL(h.page, site).href })),
    ville_telle_qu_ecrite: defi.town,
    communes: page.sites,
    thematiques: defi.themes,
    expertises: defi.expertises,
    eig: defi.eig,
    mentors: defi.mentors,
    liens: page.links,
    provenance: page.provenance.map((p) => ({ ligne: p.line, lignes: p.refs.map((r) => refJson(model, r)) })),
  };
}

/** A body's JSON file: its names, its défis by promotion, with their rows. */
export function bodyJson(page: PublishedBody, model: Model, site: URL) {
  const { body } = page;
  return {
    page: new URL(page.addresses.page, site).href,
    nom: body.name,
    sigle: body.acronym,
    ministere: body.ministry,
    remarque: body.note,
    noms_sur_le_site: page.spellings,
    defis_par_promotion: page.byPromotion,
    defis: page.defis.map((p) => ({
      titre: p.defi.title,
      promotion: p.defi.promotion,
      page: new URL(p.addresses.page, site).href,
      json: new URL(p.addresses.json, site).href,
    })),
    communes: page.towns,
    provenance: page.provenance.map((p) => ({ ligne: p.line, lignes: p.refs.map((r) => refJson(model, r)) })),
  };
}
