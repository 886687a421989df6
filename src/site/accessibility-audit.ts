/**
 * The record of the site's last accessibility audit, which the statement (/accessibilite/) and the footer of every
 * page report. It describes an event: when the site changes in a way the audit did not see, audit again and update
 * it (date, browser, status). The tools' versions are the ones the project's lock file installs, which the tests
 * run on every change (the site tests check that the axe-core named is the one they run).
 */
import lock from '../../package-lock.json' with { type: 'json' };

const locked = lock.packages as Record<string, { version?: string }>;
/** The version of a tool as package-lock.json installs it. */
function installed(name: string): string {
  const version = locked[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`package-lock.json : ${name} n’y est pas installé, la déclaration ne peut le citer.`);
  return version;
}

export const accessibilityAudit = {
  /** The day the audit was run (and the statement written): a date of the record, not of the build. */
  date: '2026-12-04',
  /** RGAA status: « totalement », « partiellement » or « non » conforme, as the statement model words it. */
  status: 'partiellement conforme',
  standard: 'RGAA 4.1',
  browser: 'Chromium 150 sous Debian 12, piloté par Playwright',
  /** None was used: the statement says so rather than claim a test that was not run. */
  screenReaders: [] as string[],
  /**
   * Where to report a problem: an e-mail address or a form someone reads ({ label, href }, mailto: or https:). None
   * is published yet: the statement says so plainly until one is given here.
   */
  contact: null as { label: string; href: string } | null,
  tools: [
    {
      name: 'axe-core',
      version: installed('axe-core'),
      use: 'règles WCAG 2.1 A et AA, bonnes pratiques et taille des cibles (WCAG 2.2), sur chaque page, en thème clair et sombre',
    },
    // Not a dependency: run once for the audit (npx html-validate@9.7.1 with its « standard » preset, on a build).
    {
      name: 'html-validate',
      version: '9.7.1',
      use: 'validité du code HTML (règles « standard »), sur chaque page',
    },
    { name: 'culori', version: installed('culori'), use: 'calcul des contrastes mesurés dans le navigateur' },
    {
      name: 'Playwright',
      version: installed('playwright-core'),
      use: 'parcours au clavier, noms et rôles lus dans l’arbre d’accessibilité de Chromium, mises en page mesurées',
    },
    {
      name: 'Vitest',
      version: installed('vitest'),
      use: 'tests du site : clavier, contrastes, structure des pages, espacement du texte, largeur de 320 px',
    },
  ],
};
