/**
 * Checks of the original data.eig-forever.org (May 2019): its figures against themselves (parts and totals,
 * shares and the counts they come from, its map against its counts) and against the other publications (the
 * June 2019 report, the May 2019 blog post, the website's community list and défis). Each says who says what;
 * a chart showing one of the rows compared lists the check (publish.ts finds them by provenance).
 */
import type { Figures } from '../aggregates/index.ts';
import { MAP_YEARS, ORIGINAL as O } from '../aggregates/original-site.ts';
import { concatFrom, sumOf, type Figure } from '../figures.ts';
import { formatNumber, formatValue, NBSP } from '../format.ts';
import type { Publications } from '../publications.ts';
import type { CheckedFigure, Comparison, QualityCheck, Severity } from '../quality.ts';
import { flat, ofPhrase, slugify } from '../text.ts';

/** Shares keep the original's two decimals (« 95,58 % »), which formatPercent would round to one. */
function text(figure: Figure): string {
  return figure.unit === 'pourcent'
    ? `${formatNumber(Math.round(figure.value * 100) / 100)}${NBSP}%`
    : formatValue(figure.value, figure.unit);
}

interface Side {
  /** Who says it, as a noun phrase (« le site d’origine », « le rapport 2019 », « la somme de ses postes »). */
  source: string;
  figure: Figure;
}

/** Decimals a printed figure was written with: 0 for 73, 2 for 95,58 (the original prints no other). */
const decimalsOf = (value: number) => (Number.isInteger(value) ? 0 : 2);

function severityOf(a: number, b: number, tolerance: number, different: Severity, printedRounding: boolean): Severity {
  const gap = Math.abs(a - b);
  if (gap < 1e-6) return 'conforme';
  // A share printed as its computation rounded to the printed precision (73 for 72,73) is the same figure.
  const k = 10 ** decimalsOf(a);
  if (printedRounding && Math.abs(Math.round(b * k) / k - a) < 1e-6) return 'conforme';
  return gap <= tolerance ? 'arrondi' : different;
}

/**
 * Two figures that should be equal. With `printedRounding`, `b` is a computation of what `a` prints, and `a`
 * equal to it rounded as printed is no difference at all. The check holds what is compared and the two sides;
 * its sentence is written when shown (comparisonTitle): a large snapshot has tens of thousands of them, and
 * their sentences would be the larger part of the report's memory.
 */
function compared(
  id: string,
  what: string,
  a: Side,
  b: Side,
  different: Severity,
  tolerance = 0,
  printedRounding = false,
): Comparison {
  return {
    id,
    severity: severityOf(a.figure.value, b.figure.value, tolerance, different, printedRounding),
    compares: what,
    sourceA: a.source,
    figureA: a.figure,
    sourceB: b.source,
    figureB: b.figure,
  };
}

/** The sentence of a comparison: « Designers, EIG 3 : 5 selon le site d’origine comme selon la liste… ». */
export function comparisonTitle(c: Comparison): string {
  const [a, b] = [text(c.figureA), text(c.figureB)];
  if (c.severity !== 'conforme')
    return flat`${c.compares} : ${a} selon ${c.sourceA}, ${b} selon ${c.sourceB}${c.severity === 'arrondi' ? ' (arrondi)' : ''}.`;
  return Math.abs(c.figureA.value - c.figureB.value) < 1e-6
    ? flat`${c.compares} : ${a} selon ${c.sourceA} comme selon ${c.sourceB}.`
    : flat`${c.compares} : ${a} selon ${c.sourceA}, ${b} selon ${c.sourceB}, soit le même chiffre une fois arrondi.`;
}

// The same few sources label thousands of figures on a quality page: one label string per source.
const labels = new Map<string, string>();
const capital = (s: string) => labels.get(s) ?? labels.set(s, s.charAt(0).toUpperCase() + s.slice(1)).get(s)!;

/** The figures of a comparison, each labelled with who says it (« Le rapport 2019 »). */
export const comparisonFigures = (check: Comparison): CheckedFigure[] => [
  { label: capital(check.sourceA), figure: check.figureA },
  { label: capital(check.sourceB), figure: check.figureB },
];

// The same few indicator names make the ids of thousands of checks on a large snapshot: each slugified once.
const slugs = new Map<string, string>();
const slug = (text: string) => slugs.get(text) ?? slugs.set(text, slugify(text)).get(text)!;

/** A share recomputed from the figures it is a share of, in percent. */
function share(part: Figure, whole: Figure): Figure | null {
  if (whole.value <= 0) return null;
  return { value: (100 * part.value) / whole.value, unit: 'pourcent', from: concatFrom([part, whole]), computed: true };
}

const count = (value: number, from: Figure['from'], unit: Figure['unit'] = 'nombre'): Figure => ({
  value,
  unit,
  from,
  computed: true,
});

export function originalSiteChecks(inputs: Figures, publications: Publications): QualityCheck[] {
  const { original, originalMap, kf, budget, community, places } = inputs;
  const checks: QualityCheck[] = [];
  // The publication the original's rows cite (data-eig-forever-2019 in the real snapshot).
  const site = publications.designation(original.source ?? '');
  const nameOf = (f: Figure) => publications.designation(f.from[0]?.source ?? '');
  const v = original.value;
  const promotions = original.promotions;

  // Parts against the totals the original printed.
  const sums: { id: string; what: string; total: string; parts: string[]; tolerance?: number }[] = [
    {
      id: 'cout-total',
      what: 'coût total du programme',
      total: O.programmeTotal,
      parts: [O.salariesTotal, O.communicationTotal, O.accompanimentTotal, O.researchTotal],
    },
    {
      id: 'salaires',
      what: 'coût total des salaires des EIG',
      total: O.salariesTotal,
      parts: [O.salariesPia, O.salariesCofinanced, O.salariesSelfFunded],
    },
    {
      id: 'accompagnement',
      what: 'coût total de l’accompagnement',
      total: O.accompanimentTotal,
      parts: [O.mentoring, O.technical, O.thirdPlace, O.development],
    },
    {
      id: 'defis-financement',
      what: 'défis',
      total: O.defis,
      parts: [O.defisFunded, O.defisCofunded, O.defisSelfFunded],
    },
    {
      id: 'defis-paris',
      what: 'défis à Paris et hors de Paris',
      total: O.defis,
      parts: [O.defisParis, O.defisOutsideParis],
    },
    { id: 'profils', what: 'EIG par profil', total: O.eig, parts: [O.developers, O.dataScientists, O.designers] },
    { id: 'genre', what: 'femmes et hommes', total: O.eig, parts: [O.women, O.men] },
    {
      id: 'femmes-profils',
      what: 'femmes par profil',
      total: O.women,
      parts: [O.womenDevelopers, O.womenDataScientists, O.womenDesigners],
    },
    {
      id: 'parcours',
      what: 'parcours après le programme',
      total: O.eig,
      parts: [O.civilService, O.phd, O.privateSector, O.freelance, O.otherCareers],
    },
    {
      id: 'parts-depenses',
      what: 'parts du coût total',
      total: '',
      parts: [O.shareSalaries, O.shareResearch, O.shareAccompaniment, O.shareCommunication],
      tolerance: 0.05,
    },
    {
      id: 'parts-salaires',
      what: 'parts des salaires',
      total: '',
      parts: [O.sharePia, O.shareSelfFunded, O.shareCofinanced],
      tolerance: 0.05,
    },
  ];
  for (const promotion of promotions) {
    for (const s of sums) {
      const parts = s.parts.map((p) => v(p, promotion));
      if (parts.some((p) => p === null)) continue;
      const sum = sumOf(parts as Figure[]);
      const total: Figure | null =
        s.total === '' ? { value: 100, unit: 'pourcent', from: [], computed: true } : v(s.total, promotion);
      if (!total) continue;
      checks.push(
        compared(
          flat`origine-somme-${s.id}-${slug(promotion)}`,
          flat`Site d’origine, ${promotion}, ${s.what}`,
          { source: s.total === '' ? 'le total attendu' : `le total ${ofPhrase(site)}`, figure: total },
          { source: 'la somme de ses parties', figure: sum },
          'incoherence',
          s.tolerance ?? 0,
        ),
      );
    }

    // The shares of the programme's cost: on what total were they computed?
    const parts = [O.salariesTotal, O.communicationTotal, O.accompanimentTotal, O.researchTotal].map((p) =>
      v(p, promotion),
    );
    const printedTotal = v(O.programmeTotal, promotion);
    if (parts.every((p) => p !== null) && printedTotal) {
      const basis = sumOf(parts as Figure[], 'euros');
      const pairs: [string, string][] = [
        [O.shareSalaries, O.salariesTotal],
        [O.shareResearch, O.researchTotal],
        [O.shareAccompaniment, O.accompanimentTotal],
        [O.shareCommunication, O.communicationTotal],
      ];
      for (const [shareName, partName] of pairs) {
        const printed = v(shareName, promotion);
        const part = v(partName, promotion);
        if (!printed || !part) continue;
        const onParts = share(part, basis);
        const onTotal = share(part, printedTotal);
        if (!onParts || !onTotal) continue;
        const matchesTotal = Math.abs(onTotal.value - printed.value) <= 0.006;
        checks.push(
          compared(
            flat`origine-part-${slug(shareName)}-${slug(promotion)}`,
            flat`Site d’origine, ${promotion}, « ${shareName} »`,
            { source: site, figure: printed },
            {
              source: matchesTotal
                ? `le calcul sur le total imprimé (${formatValue(printedTotal.value, 'euros')})`
                : `le calcul sur le total imprimé (${formatValue(printedTotal.value, 'euros')}) ; sur la somme des postes (${formatValue(basis.value, 'euros')}), le calcul donne ${text(onParts)}`,
              figure: onTotal,
            },
            'incoherence',
            0.006,
            true,
          ),
        );
      }
    }

    // Salary shares, profile shares, women shares and selection rates against the counts they come from.
    const ratios: [string, string, string, number][] = [
      [O.sharePia, O.salariesPia, O.salariesTotal, 0.006],
      [O.shareSelfFunded, O.salariesSelfFunded, O.salariesTotal, 0.006],
      [O.shareCofinanced, O.salariesCofinanced, O.salariesTotal, 0.006],
      [O.shareDevelopers, O.developers, O.eig, 0.5],
      [O.shareDataScientists, O.dataScientists, O.eig, 0.5],
      [O.shareDesigners, O.designers, O.eig, 0.5],
      [O.shareWomen, O.women, O.eig, 0.5],
      [O.shareWomenDevelopers, O.womenDevelopers, O.developers, 0.5],
      [O.shareWomenDataScientists, O.womenDataScientists, O.dataScientists, 0.5],
      [O.shareWomenDesigners, O.womenDesigners, O.designers, 0.5],
      [O.shareWomenDevelopersOfEig, O.womenDevelopers, O.eig, 0.5],
      [O.shareWomenDataScientistsOfEig, O.womenDataScientists, O.eig, 0.5],
      [O.shareWomenDesignersOfEig, O.womenDesigners, O.eig, 0.5],
      [O.shareJury, O.jury, O.candidates, 0.5],
      [O.selectivity, O.laureates, O.candidates, 0.5],
    ];
    for (const [shareName, partName, wholeName, tolerance] of ratios) {
      const printed = v(shareName, promotion);
      const part = v(partName, promotion);
      const whole = v(wholeName, promotion);
      if (!printed || !part || !whole) continue;
      const id = flat`origine-ratio-${slug(shareName)}-${slug(promotion)}`;
      const what = flat`Site d’origine, ${promotion}, « ${shareName} »`;
      const computed = share(part, whole);
      if (!computed) {
        checks.push({
          id,
          severity: 'format',
          title: flat`${what} : ${text(printed)} écrit alors que la promotion ne compte aucun ${wholeName.replace(/^Nombre de /u, '').replace(/s$/u, '')} : une part d’un effectif nul n’existe pas ; les graphiques l’écrivent « sans objet ».`,
          figures: [
            { label: 'Part écrite', figure: printed },
            { label: 'Effectif', figure: whole },
          ],
        });
        continue;
      }
      checks.push(
        compared(
          id,
          what,
          { source: site, figure: printed },
          { source: flat`le calcul ${formatNumber(part.value)} sur ${formatNumber(whole.value)}`, figure: computed },
          'incoherence',
          tolerance,
          true,
        ),
      );
    }
    const laureates = v(O.laureates, promotion);
    const eig = v(O.eig, promotion);
    if (laureates && eig)
      checks.push(
        compared(
          flat`origine-laureats-${slug(promotion)}`,
          flat`Site d’origine, ${promotion}, lauréats et EIG`,
          { source: `ses lauréats`, figure: laureates },
          { source: 'son nombre d’EIG', figure: eig },
          'incoherence',
        ),
      );
  }

  // The original against the June 2019 report and the May 2019 blog post, figure by figure.
  const keyFigure = (promotion: string, indicator: string) => kf.get(promotion, indicator);
  // Indexed once: the checks run per promotion, and a large snapshot has thousands (see the scale benchmark).
  const budgetIndex = new Map(budget.map((b) => [`${b.promotion}\u0001${b.line}`, b.figure]));
  const budgetLine = (promotion: string, line: string) => budgetIndex.get(`${promotion}\u0001${line}`) ?? null;
  const against: {
    id: string;
    what: string;
    mine: string;
    theirs: (p: string) => Figure | null;
    different: Severity;
    tolerance?: number;
  }[] = [
    { id: 'eig', what: 'EIG', mine: O.eig, theirs: (p) => keyFigure(p, 'eig'), different: 'ecart' },
    { id: 'mentors', what: 'mentors', mine: O.mentors, theirs: (p) => keyFigure(p, 'mentors'), different: 'ecart' },
    { id: 'defis', what: 'défis', mine: O.defis, theirs: (p) => keyFigure(p, 'defis'), different: 'ecart' },
    {
      id: 'administrations',
      what: 'administrations d’accueil (« services lauréats » pour le rapport)',
      mine: O.administrations,
      theirs: (p) => keyFigure(p, 'services_laureats'),
      different: 'ecart',
    },
    {
      id: 'candidats',
      what: 'candidatures',
      mine: O.candidates,
      theirs: (p) => keyFigure(p, 'candidats_eig'),
      different: 'ecart',
    },
    { id: 'age', what: 'âge moyen', mine: O.age, theirs: (p) => keyFigure(p, 'age_moyen'), different: 'ecart' },
    {
      id: 'candidatures-feminines',
      what: 'part des candidatures féminines',
      mine: O.femaleApplications,
      theirs: (p) => keyFigure(p, 'part_candidatures_feminines'),
      different: 'ecart',
    },
    {
      id: 'femmes',
      what: 'part des femmes',
      mine: O.shareWomen,
      theirs: (p) => keyFigure(p, 'part_femmes_eig'),
      different: 'ecart',
    },
    {
      id: 'part-developpeurs',
      what: 'part des développeurs',
      mine: O.shareDevelopers,
      theirs: (p) => keyFigure(p, 'part_developpeurs'),
      different: 'ecart',
    },
    {
      id: 'part-data-scientists',
      what: 'part des data scientists',
      mine: O.shareDataScientists,
      theirs: (p) => keyFigure(p, 'part_data_scientists'),
      different: 'ecart',
    },
    {
      id: 'part-designers',
      what: 'part des designers',
      mine: O.shareDesigners,
      theirs: (p) => keyFigure(p, 'part_designers'),
      different: 'ecart',
    },
    {
      id: 'developpeurs',
      what: 'développeurs',
      mine: O.developers,
      theirs: (p) => keyFigure(p, 'eig_developpement'),
      different: 'ecart',
    },
    {
      id: 'data-scientists',
      what: 'data scientists',
      mine: O.dataScientists,
      theirs: (p) => keyFigure(p, 'eig_data_science'),
      different: 'ecart',
    },
    {
      id: 'designers',
      what: 'designers',
      mine: O.designers,
      theirs: (p) => keyFigure(p, 'eig_design'),
      different: 'ecart',
    },
    {
      id: 'part-pia',
      what: 'part des salaires payée par le PIA',
      mine: O.sharePia,
      theirs: (p) => keyFigure(p, 'part_pia_dans_salaires'),
      different: 'ecart',
      tolerance: 1,
    },
    {
      id: 'equipe',
      what: 'équipe d’encadrement',
      mine: O.team,
      theirs: (p) => keyFigure(p, 'equipe_coordination'),
      different: 'ecart',
    },
    { id: 'eig-link', what: 'EIG Link', mine: O.eigLink, theirs: (p) => keyFigure(p, 'eig_link'), different: 'ecart' },
    {
      id: 'enveloppe',
      what: 'enveloppe du PIA',
      mine: O.envelope,
      theirs: (p) => budgetLine(p, 'enveloppe_pia'),
      different: 'ecart',
    },
    {
      id: 'salaires',
      what: 'salaires des EIG',
      mine: O.salariesTotal,
      theirs: (p) => budgetLine(p, 'salaires'),
      different: 'ecart',
    },
    {
      id: 'communication',
      what: 'communication',
      mine: O.communicationTotal,
      theirs: (p) => budgetLine(p, 'communication'),
      different: 'ecart',
    },
    {
      id: 'accompagnement',
      what: 'programme d’accompagnement',
      mine: O.accompanimentTotal,
      theirs: (p) => budgetLine(p, 'programme_accompagnement'),
      different: 'ecart',
    },
    {
      id: 'recherche',
      what: 'liens avec la recherche',
      mine: O.researchTotal,
      theirs: (p) => budgetLine(p, 'liens_recherche'),
      different: 'ecart',
    },
    {
      id: 'cout-total',
      what: 'coût total du programme (« dépenses totales » pour le rapport)',
      mine: O.programmeTotal,
      theirs: (p) => budgetLine(p, 'budget_total'),
      different: 'ecart',
    },
  ];
  for (const promotion of promotions) {
    for (const a of against) {
      const mine = v(a.mine, promotion);
      const theirs = a.theirs(promotion);
      if (!mine || !theirs) continue;
      checks.push(
        compared(
          flat`origine-${a.id}-${slug(promotion)}`,
          flat`${a.what.charAt(0).toUpperCase()}${a.what.slice(1)}, ${promotion}`,
          { source: site, figure: mine },
          { source: nameOf(theirs), figure: theirs },
          a.different,
          a.tolerance ?? 0,
        ),
      );
    }
    // The blog post's « administrations » share is self-funded and co-funded défis together.
    const self = v(O.shareSelfFunded, promotion);
    const cofunded = v(O.shareCofinanced, promotion);
    const blog = keyFigure(promotion, 'part_administrations_dans_salaires');
    if (self && cofunded && blog) {
      checks.push(
        compared(
          flat`origine-part-administrations-${slug(promotion)}`,
          flat`Part des salaires payée par les administrations (défis autofinancés et cofinancés), ${promotion}`,
          { source: flat`${site} (somme de ses deux parts)`, figure: sumOf([self, cofunded], 'pourcent') },
          { source: nameOf(blog), figure: blog },
          'ecart',
          1,
        ),
      );
    }
  }

  // Yearly counts of articles against the May 2019 post's totals.
  const articles: [string, string, string][] = [
    ['presse', O.press, 'articles_presse_depuis_2017'],
    ['blog-etalab', O.etalabBlog, 'articles_blog_etalab'],
    ['blog-eig', O.eigBlog, 'articles_blog_site_eig'],
  ];
  for (const [id, name, indicator] of articles) {
    const yearly = original
      .series(name)
      .map((f) => f.figure)
      .filter((f): f is Figure => f !== null);
    const total = keyFigure('Total', indicator);
    if (yearly.length === 0 || !total) continue;
    checks.push(
      compared(
        flat`origine-articles-${id}`,
        flat`${name}, 2017 à 2019`,
        { source: flat`la somme des chiffres annuels ${ofPhrase(site)}`, figure: sumOf(yearly, 'articles') },
        { source: nameOf(total), figure: total },
        'ecart',
      ),
    );
  }

  // Profiles against the website's community list.
  const COMMUNITY: [string, string][] = [
    [O.developers, 'developpement'],
    [O.dataScientists, 'data science'],
    [O.designers, 'design'],
  ];
  const communityIndex = new Map(
    community.filter((c) => c.programme === 'EIG').map((c) => [`${c.promotion}\u0001${c.profile}`, c]),
  );
  for (const promotion of promotions) {
    for (const [name, profile] of COMMUNITY) {
      const mine = v(name, promotion);
      const listed = communityIndex.get(`${promotion}\u0001${profile}`);
      if (!mine || !listed) continue;
      checks.push(
        compared(
          flat`origine-communaute-${slug(profile)}-${slug(promotion)}`,
          flat`${name.replace(/^Nombre de /u, '').replace(/^./u, (c) => c.toUpperCase())}, ${promotion}`,
          { source: site, figure: mine },
          { source: 'la liste de la communauté du site du programme', figure: listed.figure },
          'ecart',
        ),
      );
    }
  }

  // The original's map against its own counts.
  const ORIGINAL_PROMOTION: Record<number, string> = Object.fromEntries(
    promotions.map((p) => [original.get(O.eig, p)?.year ?? 0, p]),
  );
  for (const year of MAP_YEARS) {
    const promotion = ORIGINAL_PROMOTION[year];
    if (!promotion) continue;
    const hosting = originalMap.filter((s) => s.defis[year].value > 0);
    const refs = hosting.map((s) => s.ref);
    const defis = v(O.defis, promotion);
    if (defis)
      checks.push(
        compared(
          flat`origine-carte-defis-${year}`,
          flat`Défis de ${year} (${promotion})`,
          {
            source: 'la somme des services de la carte du site d’origine',
            figure: sumOf(
              originalMap.map((s) => s.defis[year]),
              'défis',
            ),
          },
          { source: flat`les chiffres ${ofPhrase(site)}`, figure: defis },
          'incoherence',
        ),
      );
    const administrations = v(O.administrations, promotion);
    if (administrations)
      checks.push(
        compared(
          flat`origine-carte-administrations-${year}`,
          flat`Administrations ayant accueilli un défi en ${year} (${promotion})`,
          {
            source: 'les services de la carte du site d’origine qui en comptent un',
            figure: count(hosting.length, refs, 'structures'),
          },
          { source: flat`les chiffres ${ofPhrase(site)}`, figure: administrations },
          'incoherence',
        ),
      );
    const ministries = v(O.ministries, promotion);
    if (ministries) {
      const tutelles = new Set(hosting.map((s) => s.tutelle));
      checks.push(
        compared(
          flat`origine-carte-ministeres-${year}`,
          flat`Ministères ou organismes de tutelle ayant accueilli un défi en ${year} (${promotion})`,
          { source: 'les tutelles de la carte du site d’origine', figure: count(tutelles.size, refs, 'structures') },
          { source: flat`le nombre de ministères ${ofPhrase(site)}`, figure: ministries },
          'ecart',
        ),
      );
    }
    const outside = v(O.defisOutsideParis, promotion);
    if (outside) {
      // Far from Paris: more than 30 km from its centre (Notre-Dame), which no service of the inner suburbs is.
      const far = hosting.filter((s) => kilometres(s.latitude, s.longitude, PARIS_CENTRE.lat, PARIS_CENTRE.lon) > 30);
      checks.push(
        compared(
          flat`origine-carte-hors-paris-${year}`,
          flat`Défis hors de Paris en ${year} (${promotion})`,
          {
            source: flat`la carte du site d’origine (services à plus de 30 km du centre de Paris${far.length > 0 ? ` : ${far.map((s) => s.service).join(', ')}` : ''})`,
            figure: sumOf(
              far.map((s) => s.defis[year]),
              'défis',
            ),
          },
          { source: flat`les chiffres ${ofPhrase(site)}`, figure: outside },
          'incoherence',
        ),
      );
    }
  }

  // The original's Paris counts against the towns of the website's défis, when the towns could be placed.
  if (places.gazetteer) {
    for (const promotion of promotions) {
      const paris = v(O.defisParis, promotion);
      if (!paris) continue;
      const listed = places.byKind.filter((k) => k.promotion === promotion);
      const inParis = listed.find((k) => k.kind === 'paris')?.figure;
      checks.push(
        compared(
          flat`origine-paris-site-${slug(promotion)}`,
          flat`Défis à Paris, ${promotion}`,
          { source: site, figure: paris },
          {
            source: 'les villes des défis du site actuel du programme',
            figure:
              inParis ??
              count(
                0,
                listed.flatMap((k) => k.figure.from),
                'défis',
              ),
          },
          'ecart',
        ),
      );
    }
  }
  return checks;
}

export const PARIS_CENTRE = { lat: 48.8534, lon: 2.3488 } as const;

/** Great-circle distance, in kilometres. */
export function kilometres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
