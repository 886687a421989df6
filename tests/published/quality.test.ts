import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model.ts';
import type { QualityReport } from '../../src/lib/quality.ts';
import { jsonWithCitations } from '../../src/publish/outputs.ts';
import { loadContext } from '../support/site-context.ts';

let model: Model;
let report: QualityReport;
beforeAll(async () => {
  model = await loadContext();
  report = model.quality;
});

const check = (id: string) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`vérification absente : ${id}`);
  return found;
};

describe('data-quality report', () => {
  it('flags the 85 printed vs 94 summed défis proposed as an inconsistency, with both figures and their rows', () => {
    const c = check('total-defis-proposes');
    expect(c.severity).toBe('incoherence');
    expect(c.figures.map((f) => f.figure.value)).toEqual([85, 94]);
    expect(c.figures[1]!.figure.from).toHaveLength(3);
    expect(check('defis-deposes-billet-rapport').severity).toBe('incoherence');
  });

  it('calls the salaries total a rounding, not an inconsistency', () => {
    const c = check('total-budget-salaires');
    expect(c.severity).toBe('arrondi');
    expect(c.figures.map((f) => f.figure.value)).toEqual([4658243, 4658243.47]);
  });

  it('lists the disagreements SOURCES.md describes between the website and the publications', () => {
    expect(check('communaute-eig-eig-2').severity).toBe('ecart');
    for (const promotion of ['eig-1', 'eig-2', 'eig-3'])
      expect(check(`communaute-mentors-${promotion}`).severity).toBe('ecart');
    expect(check('taille-equipes-eig-1').figures.map((f) => f.figure.value)).toEqual([9, 11]);
    expect(check('defis-liste-eig-4').figures.map((f) => f.figure.value)).toEqual([17, 16]);
    expect(check('candidatures-billet-rapport').severity).toBe('approximation');
    expect(check('structures-accueil').severity).toBe('ecart');
  });

  it('finds that the November 2019 portage categories add up to 13 of the 14 projects', () => {
    const c = check('suivi-somme-eig-3-2019-11-portage');
    expect(c.severity).toBe('incoherence');
    expect(c.figures.map((f) => f.figure.value)).toEqual([13, 14]);
  });

  it('lists the malformed source-code links and the administrations spelled several ways', () => {
    const links = report.checks.filter((c) => c.id.startsWith('lien-'));
    expect(links).toHaveLength(3);
    expect(links.every((c) => c.severity === 'format')).toBe(true);
    expect(check('orthographe-cour-de-cassation').severity).toBe('format');
  });

  it('keeps the checks that passed, after the problems, each with a unique id', () => {
    expect(check('total-eig').severity).toBe('conforme');
    const order = ['incoherence', 'ecart', 'approximation', 'arrondi', 'format', 'conforme'];
    const ranks = report.checks.map((c) => order.indexOf(c.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(report.checks.map((c) => c.id)).size).toBe(report.checks.length);
    expect(report.counts.incoherence).toBe(report.checks.filter((c) => c.severity === 'incoherence').length);
  });

  it('writes each check to JSON as the page shows it: sentence, labels, values and the rows with their keys', () => {
    expect(structuredClone(report)).toEqual(report);
    const json = JSON.parse(jsonWithCitations(report, model)) as QualityReport;
    expect(json.checks.map((c) => c.id)).toEqual(report.checks.map((c) => c.id));
    json.checks.forEach((written, i) => {
      const shown = report.checks[i]!;
      expect(Object.keys(written).sort()).toEqual(['figures', 'id', 'severity', 'title']);
      expect(written.title).toBe(shown.title);
      expect(written.title).toMatch(/\.$/u);
      expect(written.figures.map((f) => [f.label, f.figure.value])).toEqual(
        shown.figures.map((f) => [f.label, f.figure.value]),
      );
    });
    const mentors = json.checks.find((c) => c.id === 'communaute-mentors-eig-1')!;
    expect(mentors.title).toMatch(
      /^Nombre de mentors, EIG 1 : \d+ selon la liste de la communauté du site du programme, \d+ selon /u,
    );
    const reported = mentors.figures[1]!.figure.from[0]! as unknown as Record<string, unknown>;
    expect(reported.table).toBe('chiffres-cles');
    expect(reported.key).toEqual({ promotion: 'EIG 1', indicateur: 'mentors' });
    expect(Object.keys(reported).sort()).toEqual(['key', 'line', 'source', 'table']);
  });
});
