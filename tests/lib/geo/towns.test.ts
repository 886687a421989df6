import { describe, expect, it } from 'vitest';
import { canonicalCommune, departementOfPostalCode, parseTown, type TownSite } from '../../../src/lib/geo/towns.ts';
import { reference } from '../../support/reference.ts';

/** A site written out in full: raw text, commune, postal code, département. */
const site = (raw: string, commune: string, postalCode: string | null, departement: string | null): TownSite => ({
  raw,
  commune,
  postalCode,
  departement,
});

/** Every distinct spelling of the website's `ville`, with the sites it names, written by hand. */
const EXPECTED: Record<string, TownSite[]> = {
  '69003 Lyon': [site('69003 Lyon', 'Lyon', '69003', '69')],
  '75007 Paris': [site('75007 Paris', 'Paris', '75007', '75')],
  '75008 Paris': [site('75008 Paris', 'Paris', '75008', '75')],
  '75012 Paris': [site('75012 Paris', 'Paris', '75012', '75')],
  '75015 Paris': [site('75015 Paris', 'Paris', '75015', '75')],
  '75019 Paris': [site('75019 Paris', 'Paris', '75019', '75')],
  '91000 Evry + 75020 Paris': [site('91000 Evry', 'Evry', '91000', '91'), site('75020 Paris', 'Paris', '75020', '75')],
  '92055 La Défense': [site('92055 La Défense', 'La Défense', '92055', '92')],
  '92120 Montrouge': [site('92120 Montrouge', 'Montrouge', '92120', '92')],
  '92130 Issy-les-Moulineaux': [site('92130 Issy-les-Moulineaux', 'Issy-les-Moulineaux', '92130', '92')],
  '92800 Puteaux': [site('92800 Puteaux', 'Puteaux', '92800', '92')],
  '93100 Montreuil': [site('93100 Montreuil', 'Montreuil', '93100', '93')],
  '93108 Montreuil': [site('93108 Montreuil', 'Montreuil', '93108', '93')],
  '93160 Noisy-le-Grand': [site('93160 Noisy-le-Grand', 'Noisy-le-Grand', '93160', '93')],
  '93200 Saint Denis': [site('93200 Saint Denis', 'Saint-Denis', '93200', '93')],
  'Bordeaux (33) | Champs-sur-Marne (77)': [
    site('Bordeaux (33)', 'Bordeaux', null, '33'),
    site('Champs-sur-Marne (77)', 'Champs-sur-Marne', null, '77'),
  ],
  Brest: [site('Brest', 'Brest', null, null)],
  'Champs-sur-Marne (77) | Lyon (69)': [
    site('Champs-sur-Marne (77)', 'Champs-sur-Marne', null, '77'),
    site('Lyon (69)', 'Lyon', null, '69'),
  ],
  'Clermont-Ferrand': [site('Clermont-Ferrand', 'Clermont-Ferrand', null, null)],
  'Issy-les-Moulineaux': [site('Issy-les-Moulineaux', 'Issy-les-Moulineaux', null, null)],
  'Issy-les-Moulineaux (92130)': [site('Issy-les-Moulineaux (92130)', 'Issy-les-Moulineaux', '92130', '92')],
  'La Défense (92)': [site('La Défense (92)', 'La Défense', null, '92')],
  'La Défense (92400)': [site('La Défense (92400)', 'La Défense', '92400', '92')],
  'Lille (59)': [site('Lille (59)', 'Lille', null, '59')],
  Lyon: [site('Lyon', 'Lyon', null, null)],
  Montreuil: [site('Montreuil', 'Montreuil', null, null)],
  Montrouge: [site('Montrouge', 'Montrouge', null, null)],
  'Montrouge (92)': [site('Montrouge (92)', 'Montrouge', null, '92')],
  'Montrouge (92120)': [site('Montrouge (92120)', 'Montrouge', '92120', '92')],
  Paris: [site('Paris', 'Paris', null, null)],
  'Paris (75)': [site('Paris (75)', 'Paris', null, '75')],
  'Paris (75) | Rambouillet (78)': [
    site('Paris (75)', 'Paris', null, '75'),
    site('Rambouillet (78)', 'Rambouillet', null, '78'),
  ],
  'Paris (75001)': [site('Paris (75001)', 'Paris', '75001', '75')],
  'Paris (75007)': [site('Paris (75007)', 'Paris', '75007', '75')],
  'Paris (75008)': [site('Paris (75008)', 'Paris', '75008', '75')],
  'Paris (75012)': [site('Paris (75012)', 'Paris', '75012', '75')],
  'Paris (75013)': [site('Paris (75013)', 'Paris', '75013', '75')],
  'Paris (75017)': [site('Paris (75017)', 'Paris', '75017', '75')],
  'Puteaux (92)': [site('Puteaux (92)', 'Puteaux', null, '92')],
  'Saint Mandé': [site('Saint Mandé', 'Saint-Mandé', null, null)],
  'Saint-Denis (93200)': [site('Saint-Denis (93200)', 'Saint-Denis', '93200', '93')],
  'Saint-Mandé (94)': [site('Saint-Mandé (94)', 'Saint-Mandé', null, '94')],
  'Vincennes (94307)': [site('Vincennes (94307)', 'Vincennes', '94307', '94')],
  'Étel (56410)': [site('Étel (56410)', 'Étel', '56410', '56')],
};

describe('the website’s town spellings', () => {
  const spellings = [...new Set(reference('defis-2017-2023.csv').map((r) => r.ville!))].sort();

  it('are the 44 spellings this test has a case for, no more, no fewer', () => {
    expect(spellings).toHaveLength(44);
    expect(spellings).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('« %s »', (value, sites) => {
    expect(parseTown(value)).toEqual(sites);
  });
});

describe('other writings', () => {
  it('reads nothing from an empty value', () => {
    expect(parseTown('')).toEqual([]);
    expect(parseTown('  ')).toEqual([]);
  });

  it('trims and collapses spaces, around separators too', () => {
    expect(parseTown('  91000   Evry  +75020 Paris ')).toEqual([
      site('91000 Evry', 'Evry', '91000', '91'),
      site('75020 Paris', 'Paris', '75020', '75'),
    ]);
  });

  it('composes decomposed accents, as the website’s file names write them', () => {
    expect(parseTown('E\u0301tel (56410)')).toEqual([site('Étel (56410)', 'Étel', '56410', '56')]);
  });

  it('reads Corsican and overseas départements, written or from the postal code', () => {
    expect(parseTown('Saint-Denis (974)')).toEqual([site('Saint-Denis (974)', 'Saint-Denis', null, '974')]);
    expect(parseTown('97400 Saint-Denis')).toEqual([site('97400 Saint-Denis', 'Saint-Denis', '97400', '974')]);
    expect(parseTown('Ajaccio (2A)')).toEqual([site('Ajaccio (2A)', 'Ajaccio', null, '2A')]);
    expect(departementOfPostalCode('20000')).toBe('2A');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('97600')).toBe('976');
    expect(departementOfPostalCode('98800')).toBe('988');
  });

  it('keeps what it cannot read as the commune’s text, with no code invented', () => {
    expect(parseTown('Paris 75007')).toEqual([site('Paris 75007', 'Paris 75007', null, null)]);
    expect(parseTown('Lyon (6)')).toEqual([site('Lyon (6)', 'Lyon (6)', null, null)]);
  });
});

describe('canonical commune names', () => {
  it.each([
    ['Saint Mandé', 'Saint-Mandé'],
    ['Saint - Denis', 'Saint-Denis'],
    ['Issy les Moulineaux', 'Issy-les-Moulineaux'],
    ['La Défense', 'La Défense'],
    ['La-Défense', 'La Défense'],
    ['Le Havre', 'Le Havre'],
    ['Les Lilas', 'Les Lilas'],
    ['Le Pré Saint Gervais', 'Le Pré-Saint-Gervais'],
    ['St Denis', 'Saint-Denis'],
    ['Ste Geneviève des Bois', 'Sainte-Geneviève-des-Bois'],
    ['Clermont-Ferrand', 'Clermont-Ferrand'],
    ['Paris', 'Paris'],
  ])('« %s » → « %s »', (name, expected) => {
    expect(canonicalCommune(name)).toBe(expected);
  });
});
