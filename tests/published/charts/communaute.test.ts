import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/communaute.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { keyFigure, keyRef, reference, rowRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const LIST = () => reference('communaute-par-profil.csv');
const EIG_PROFILES = ['developpement', 'data science', 'design', 'data engineering'];
/** Members of a promotion listed under the EIG programme with one of these profiles, from the reference file. */
const members = (promotion: string, profiles: string[]) =>
  LIST().filter((r) => r.promotion === promotion && r.programme === 'EIG' && profiles.includes(r.profil ?? ''));
const listed = (promotion: string, profiles: string[]) =>
  members(promotion, profiles).reduce((s, r) => s + Number(r.effectif), 0);
/** The reference lines a count adds up, to name them when it moves. */
const listedRef = (promotion: string, profiles: string[]) =>
  `sum of ${members(promotion, profiles)
    .map((r) => rowRef('communaute-par-profil.csv', r, ['promotion', 'programme', 'profil'], 'effectif'))
    .join(' ; ')}`;

/** The 2022 list's rows of the chart (the current website's are tested in programme-2017-2023.test.ts). */
const previous = () => chart.rows(ctx).filter((r) => r.site === 'Site du programme, 2022');

describe('communaute chart', () => {
  it('shows every line of the 2022 website’s community list, with its count', () => {
    const rows = previous();
    expect(rows).toHaveLength(LIST().length);
    for (const ref of LIST()) {
      const where = rowRef('communaute-par-profil.csv', ref, ['promotion', 'programme', 'profil'], 'effectif');
      const matching = rows.filter(
        (r) =>
          r.promotion === ref.promotion &&
          r.programme === ref.programme &&
          ctx.cite(r._from[0]!).key.profil === ref.profil,
      );
      expect(matching, where).toHaveLength(1);
      expect(matching[0]!.effectif, where).toBe(Number(ref.effectif));
    }
  });

  it('notes that the list counts 27 EIG for promotion 2 where the report says 28', () => {
    expect(listed('EIG 2', EIG_PROFILES), listedRef('EIG 2', EIG_PROFILES)).toBe(27);
    expect(keyFigure('EIG 2', 'eig'), keyRef('EIG 2', 'eig')).toBe(28);
    const notes = chart.notes!(chart.rows(ctx), ctx).join(' ');
    expect(notes, listedRef('EIG 2', EIG_PROFILES)).toContain(`${listed('EIG 2', EIG_PROFILES)} EIG pour EIG 2`);
    expect(notes, keyRef('EIG 2', 'eig')).toContain(`en donnent ${keyFigure('EIG 2', 'eig')}`);
  });

  it('notes the mentors listed (4, 24, 25) against the report (6, 18, 21)', () => {
    const notes = chart.notes!(chart.rows(ctx), ctx).join(' ');
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      const where = `${listedRef(promotion, ['mentor'])} ; ${keyRef(promotion, 'mentors')}`;
      expect(notes, where).toContain(`${listed(promotion, ['mentor'])} mentors pour ${promotion}`);
      expect(listed(promotion, ['mentor']), where).not.toBe(keyFigure(promotion, 'mentors'));
    }
    const published = ['EIG 1', 'EIG 2', 'EIG 3'].map((p) => keyFigure(p, 'mentors')).join(', ');
    expect(notes, keyRef(['EIG 1', 'EIG 2', 'EIG 3'], 'mentors')).toContain(published);
  });

  it('groups the categories: participants (EIG profiles), mentors and the programme’s team', () => {
    const categories = new Set(previous().map((r) => r.categorie));
    expect(categories).toEqual(new Set(['Participants', 'Mentors', 'Équipe du programme']));
    const eig4 = previous().filter(
      (r) => r.promotion === 'EIG 4' && r.programme === 'EIG' && r.categorie === 'Participants',
    );
    expect(eig4.reduce((s, r) => s + r.effectif, 0)).toBe(listed('EIG 4', EIG_PROFILES));
  });

  it('gives each bar the people of its promotion, category and website, as the reference files list them', () => {
    const sum = (list: readonly { effectif?: string }[]) => list.reduce((s, r) => s + Number(r.effectif), 0);
    // The 2022 list: its EIG profiles are participants, « mentor » mentors, the rest the programme's team; a
    // promotion's members listed under another programme are in its bar.
    const categoryOf = (profile = '') =>
      EIG_PROFILES.includes(profile) ? 'Participants' : profile === 'mentor' ? 'Mentors' : 'Équipe du programme';
    for (const row of previous()) {
      const listed = LIST().filter((r) => r.promotion === row.promotion && categoryOf(r.profil) === row.categorie);
      expect(row.total, `${row.promotion}, ${row.categorie}`).toBe(sum(listed));
    }
    // The current website: promotion 5's programme team adds up its agents and its alumni; promotion 1's
    // participants and its mentors or sponsors (agent-public).
    const people = reference('communaute-2017-2023.csv');
    const current = chart.rows(ctx).filter((r) => r.role !== null);
    const totals = (promotion: string, categorie: string) => [
      ...new Set(current.filter((r) => r.promotion === promotion && r.categorie === categorie).map((r) => r.total)),
    ];
    const team = people.filter(
      (r) => r.promotion === 'Promotion 5' && ['agent-programme', 'agent-programme-alumni'].includes(r.role!),
    );
    expect(new Set(team.map((r) => r.role)).size).toBe(2);
    expect(totals('EIG 5', 'Équipe du programme')).toEqual([sum(team)]);
    const ofPromotion1 = (role: string) => people.filter((r) => r.promotion === 'Promotion 1' && r.role === role);
    expect(totals('EIG 1', 'Participants')).toEqual([sum(ofPromotion1('participant'))]);
    expect(totals('EIG 1', 'Mentors')).toEqual([sum(ofPromotion1('agent-public'))]);
  });

  it('reads its figures from the current website’s rows', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    const people = reference('communaute-2017-2023.csv');
    const count = (promotion: string, role: string) =>
      people.filter((r) => r.promotion === promotion && r.role === role).reduce((s, r) => s + Number(r.effectif), 0);
    expect(reading).toContain(
      `${count('Promotion 1', 'participant')} participants et ${count('Promotion 1', 'agent-public')} mentors ou sponsors`,
    );
    expect(reading).toContain(`la promotion EIG 7 compte ${count('Promotion 7', 'participant')} participants`);
  });
});
