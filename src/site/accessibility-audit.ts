/**
 * The record of the site's last accessibility audit, which the statement (/accessibilite/) and the footer of every
 * page report. It describes an event: when the site changes in a way the audit did not see, audit again and update
 * it (date, tools, status) — the site tests check that the axe-core named here is the one they run.
 */
export const accessibilityAudit = {
  /** The day the audit was run (and the statement written). */
  date: '2026-12-04',
  /** RGAA status: « totalement », « partiellement » or « non » conforme, as the statement model words it. */
  status: 'partiellement conforme',
  standard: 'RGAA 4.1',
  browser: 'Chromium 150 sous Debian 12, piloté par Playwright',
  /** None was used: the statement says so rather than claim a test that was not run. */
  screenReaders: [] as string[],
  tools: [
    { name: 'axe-core', version: '4.14.1', use: 'règles WCAG 2.1 A et AA et bonnes pratiques, sur chaque page' },
    { name: 'html-validate', version: '9.7.1', use: 'validité du code HTML (règles « standard »), sur chaque page' },
    { name: 'culori', version: '4.0.2', use: 'calcul des contrastes mesurés dans le navigateur' },
    {
      name: 'Vitest',
      version: '3.2.7',
      use: 'tests du site : clavier, contrastes, structure des pages, espacement du texte',
    },
  ],
} as const;
