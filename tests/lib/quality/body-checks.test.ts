/**
 * Host administrations counted as bodies, on copies of the small fixture: its table organismes maps the five names
 * its défis write to four bodies (« Ministère du Travail » and « ministère du travail » are one). Each test edits
 * the fixture the way a maintainer's update would: a name the table lacks, a name it calls ambiguous, a row no
 * défi uses, a body described two ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import administrations from '../../../src/charts/administrations.ts';
import explorer from '../../../src/charts/explorateur-defis.ts';
import { checkData } from '../../../src/commands/check.ts';
import type { Model } from '../../../src/lib/model.ts';
import { fixtureModel, lockedCopy, modelOf, removeCopy } from '../../support/fixtures.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
const readingOf = (model: Model) => plain(administrations.reading(administrations.rows(model), model));
const labels = (model: Model) => [...new Set(administrations.rows(model).map((r) => r.administration))];
const check = (model: Model, prefix: string) => model.quality.checks.filter((c) => c.id.startsWith(prefix));

describe('the fixture as written: every name mapped', () => {
  let model: Model;
  beforeAll(async () => {
    model = await fixtureModel('small');
  });

  it('counts the two spellings of one ministry as one body, under the table’s name and acronym', () => {
    expect(labels(model)).toEqual([
      'Ministère du Travail',
      'Agence d’essai (AE)',
      'Bibliothèque nationale de France (BnF)',
      'Ministère de la Mer',
    ]);
    const travail = administrations.rows(model).filter((r) => r.administration === 'Ministère du Travail');
    expect(travail.map((r) => [r.promotion, r.defis, r.total])).toEqual([
      ['EIG 1', 1, 2],
      ['EIG 2', 1, 2],
    ]);
    expect(travail[0]!.graphies).toBe('« Ministère du Travail », « ministère du travail »');
    // Each row cites the défis' rows and the table's rows that name the body.
    expect(new Set(travail.flatMap((r) => r._from.map((ref) => ref.table)))).toEqual(
      new Set(['defis-2017-2023', 'organismes']),
    );
    expect(readingOf(model)).toBe(
      'Les 5 défis listés ont été accueillis par 4 organismes ; 1 en a accueilli plusieurs, dont « Ministère du Travail » (2 défis).',
    );
  });

  it('says every name is mapped, and finds nothing else to report', () => {
    expect(model.quality.checks.filter((c) => c.id.startsWith('organisme'))).toEqual([
      expect.objectContaining({
        id: 'organismes-tous-rattaches',
        severity: 'conforme',
        title: expect.stringContaining('Les 5 noms d’administration écrits sur le site ont chacun leur ligne'),
      }),
    ]);
  });

  it('offers the bodies to the explorer’s administration filter', () => {
    const filter = explorer.filters!.find((f) => f.param === 'administration')!;
    const values = explorer.rows(model).map((r) => filter.values(r));
    expect(values).toContainEqual(['Ministère du Travail']);
    expect(values.filter((v) => v[0] === 'Ministère du Travail')).toHaveLength(2);
  });
});

describe('an update that brings a name the table lacks', () => {
  let dir: string;
  let model: Model;
  beforeAll(async () => {
    dir = await lockedCopy('small', {
      'defis-2017-2023': (text) => text.replace('Bibliothèque nationale de France', 'Bibliothèque Nationale de France'),
    });
    model = await modelOf(dir);
  });
  afterAll(() => removeCopy(dir));

  it('never makes it a body: the name is shown as written, apart, last, and the reading counts it apart', () => {
    expect(labels(model).at(-1)).toBe('« Bibliothèque Nationale de France » (nom absent de la correspondance)');
    expect(readingOf(model)).toContain('accueillis par 3 organismes');
    expect(readingOf(model)).toContain(
      '1 défi porte un nom absent de la correspondance des organismes (« Bibliothèque Nationale de France ») : il est compté à part.',
    );
  });

  it('reports it as an incoherence asking for its row, and the table’s row no défi uses any more', () => {
    const [missing] = check(model, 'organisme-manquant');
    expect(missing?.severity).toBe('incoherence');
    expect(missing?.title).toContain('« Bibliothèque Nationale de France » (défi « Défi Gamma » (DIG))');
    expect(missing?.title).toContain('ajoutez sa ligne à data/snapshot/organismes.csv');
    expect(check(model, 'organisme-inutilise').map((c) => c.title)).toEqual([
      expect.stringContaining('« Bibliothèque nationale de France » (Bibliothèque nationale de France)'),
    ]);
    expect(check(model, 'organismes-tous-rattaches')).toEqual([]);
  });

  it('is printed by npm run data:check', async () => {
    const lines: string[] = [];
    const code = await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(plain(l)) });
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain(
      '[Incohérence] Nom d’administration que la correspondance des organismes ne connaît pas : « Bibliothèque Nationale de France »',
    );
  });
});

describe('a name the table calls ambiguous, and a body described two ways', () => {
  let model: Model;
  let dir: string;
  beforeAll(async () => {
    dir = await lockedCopy('small', {
      'defis-2017-2023': (text) => text.replace('"Agence d’essai,"', 'Ministère'),
      organismes: (text) =>
        `${text}Ministère,,,,Le site n’écrit que « Ministère ».,organismes-essai\n`.replace(
          'ministère du travail,Ministère du Travail,,Ministère du Travail',
          'ministère du travail,Ministère du Travail,MT,Ministère du Travail',
        ),
    });
    model = await modelOf(dir);
  });
  afterAll(() => removeCopy(dir));

  it('shows the name as such, apart from the bodies', () => {
    expect(labels(model).at(-1)).toBe('« Ministère » (nom ambigu)');
    expect(readingOf(model)).toContain('accueillis par 3 organismes');
    const [ambiguous] = check(model, 'organisme-ambigu');
    expect(ambiguous?.severity).toBe('format');
    expect(ambiguous?.title).toContain('« Ministère » (défi « Défi Epsilon » (EIG 7))');
    // Still mapped: the summary says so, with the name apart.
    expect(check(model, 'organismes-tous-rattaches')[0]?.title).toContain(
      ': 3 organismes, et 1 nom qui n’en désigne aucun.',
    );
  });

  it('reports the two descriptions of one body, and shows the first', () => {
    const [twoWays] = check(model, 'organisme-decrit');
    expect(twoWays?.severity).toBe('incoherence');
    expect(twoWays?.title).toContain('« Ministère du Travail » (sigle aucun, ministère « Ministère du Travail »)');
    expect(twoWays?.title).toContain('(sigle « MT », ministère « Ministère du Travail »)');
    expect(labels(model)[0]).toBe('Ministère du Travail');
  });
});
