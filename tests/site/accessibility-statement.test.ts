/**
 * The accessibility statement (/accessibilite/) in the form the RGAA 4.1 requires, its sections and recourse
 * written here from the RGAA's model, not read from the page's code; the status every page's footer gives; and
 * the audit's tools as the tests run them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../src/routes.ts';
import { listFiles, page, plainSpaces } from '../support/dist.ts';

const dist = inject('siteDir');
const statement = page(dist, 'accessibilite/index.html');
const text = (e: Element | null | undefined) =>
  plainSpaces(e?.textContent ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
const headings = (level: string) => [...statement.querySelectorAll(`main ${level}`)].map(text);
/** The text of a section: from its h2 to the next one. */
function section(title: string): string {
  const h2 = [...statement.querySelectorAll('main h2')].find((h) => text(h) === title);
  expect(h2, title).toBeTruthy();
  const parts: string[] = [];
  for (let e = h2!.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) parts.push(text(e));
  return parts.join(' ');
}
const linksOf = (title: string) => {
  const h2 = [...statement.querySelectorAll('main h2')].find((h) => text(h) === title)!;
  const hrefs: string[] = [];
  for (let e = h2.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling)
    for (const a of e.querySelectorAll('a[href]')) hrefs.push(a.getAttribute('href')!);
  return hrefs;
};

describe('the accessibility statement', () => {
  it('has the sections of the RGAA model, in its order', () => {
    expect(text(statement.querySelector('h1'))).toBe('Déclaration d’accessibilité');
    expect(headings('h2')).toEqual([
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration d’accessibilité',
      'Retour d’information et contact',
      'Voies de recours',
    ]);
    expect(headings('h3')).toEqual([
      'Non-conformités',
      'Dérogations pour charge disproportionnée',
      'Contenus non soumis à l’obligation d’accessibilité',
      'Technologies utilisées pour la réalisation du site',
      'Agents utilisateurs, technologies d’assistance et outils utilisés pour vérifier l’accessibilité',
      'Pages du site ayant fait l’objet de la vérification de conformité',
    ]);
  });

  it('states one of the three statuses, and every page’s footer gives the same', () => {
    const status = section('État de conformité').match(/en (conformité totale|conformité partielle|non-conformité)/u);
    expect(status, 'un état de conformité').not.toBeNull();
    const short = { 'conformité totale': 'totalement conforme', 'conformité partielle': 'partiellement conforme' }[
      status![1] as string
    ];
    const footerWords = `Accessibilité : ${short ?? 'non conforme'}`;
    let footers = 0;
    for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
      // Embeds and old addresses have no footer: the pages of the site have.
      const footer = page(dist, file).querySelector('footer');
      if (!footer) continue;
      footers++;
      expect(text(footer.querySelector(`a[href="${routes.accessibility}"]`)), file).toBe(footerWords);
    }
    expect(footers).toBeGreaterThan(10);
  });

  it('gives the Défenseur des droits’ channels as the recourse', () => {
    const recourse = section('Voies de recours');
    expect(linksOf('Voies de recours')).toEqual(
      expect.arrayContaining([
        'https://formulaire.defenseurdesdroits.fr/',
        'https://www.defenseurdesdroits.fr/saisir/delegues',
      ]),
    );
    expect(recourse).toContain('09 69 39 00 00');
    // The postal address, one line after the other.
    const address = statement.querySelector('#recours ~ ul address');
    const lines = plainSpaces(address?.innerHTML ?? '')
      .split(/<br\s*\/?>/u)
      .map((l) => l.trim());
    expect(lines).toEqual(['Défenseur des droits', 'Libre réponse 71120', '75342 Paris CEDEX 07']);
  });

  it('offers a contact that works (an e-mail address or a page), or says plainly that there is none yet', () => {
    const contact = section('Retour d’information et contact');
    const channels = linksOf('Retour d’information et contact').filter((href) => /^(mailto:|https:)/u.test(href));
    if (channels.length === 0) expect(contact).toMatch(/ne publie pas encore d’adresse de contact/u);
    // No channel named without its address (« ouvrir un ticket sur le dépôt », with no link to it).
    expect(contact).not.toMatch(/ticket|dépôt/u);
  });

  it('names the axe-core the tests run, and says which screen readers were used, if any', () => {
    const tools = text(statement.querySelector('#pages')?.previousElementSibling);
    const axe = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8'));
    expect(tools).toContain(`axe-core ${axe.version}`);
    expect(section('Établissement de cette déclaration d’accessibilité')).toMatch(/lecteurs? d’écran/u);
  });

  it('lists the pages checked, a chart page, an embed, a défi, a body and the statement among them', () => {
    const checked = [...statement.querySelectorAll('#pages + ul a')].map((a) => a.getAttribute('href'));
    expect(checked).toEqual(
      expect.arrayContaining([routes.home, routes.accessibility, routes.siteMap, routes.about, routes.tables]),
    );
    expect(checked.some((href) => href?.startsWith('/graphiques/'))).toBe(true);
    expect(checked.some((href) => href?.startsWith('/embed/'))).toBe(true);
    // A défi's page (with its locator map) and a host body's, and the search.
    expect(checked.some((href) => /^\/defis\/[^/]+\/$/u.test(href ?? ''))).toBe(true);
    expect(checked.some((href) => /^\/administrations\/[^/]+\/$/u.test(href ?? ''))).toBe(true);
    expect(checked).toContain(routes.search);
  });
});
