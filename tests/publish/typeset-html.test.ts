/**
 * The French typography applied to every built page (src/site/typography.ts): text only, never tags, attributes,
 * code or the raw tables' cells.
 */
import { describe, expect, it } from 'vitest';
import { typesetHtml, typesetText } from '../../src/site/typography.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('typesetText', () => {
  it('puts no-break spaces inside « » and before the high signs, whatever white space was there', () => {
    expect(typesetText('des agents «\n   mentors » ; Sources : un ! deux ?')).toBe(
      `des agents «${NBSP}mentors${NBSP}»${NNBSP}; Sources${NBSP}: un${NNBSP}! deux${NNBSP}?`,
    );
  });

  it('writes the apostrophe between letters as ’, escaped or not', () => {
    expect(typesetText("Ministère de l&#39;Intérieur, l'Innovation, l’État")).toBe(
      'Ministère de l’Intérieur, l’Innovation, l’État',
    );
  });

  it('writes the programme’s acronyms in capitals, but not inside addresses, words or identifiers', () => {
    expect(typesetText('les nouveaux eig et les dig ; tous les eigs')).toBe(
      `les nouveaux EIG et les DIG${NNBSP}; tous les EIGs`,
    );
    expect(typesetText('data.eig-forever.org, eig2018, #eig2017, seigneur')).toBe(
      'data.eig-forever.org, eig2018, #eig2017, seigneur',
    );
  });

  it('leaves a sign with no space before it, and a « ? » inside an address', () => {
    expect(typesetText('Sources: un /?promotion=EIG+5 12:30')).toBe('Sources: un /?promotion=EIG+5 12:30');
  });
});

describe('typesetHtml', () => {
  it('changes text between tags only', () => {
    expect(typesetHtml('<p title="a : b">Données : <a href="/x?y=1">« titre »</a> !</p>')).toBe(
      `<p title="a : b">Données${NBSP}: <a href="/x?y=1">«${NBSP}titre${NBSP}»</a>${NNBSP}!</p>`,
    );
  });

  it('leaves scripts, code, the embed code and verbatim elements as written, nested ones too', () => {
    const html =
      '<script>a = "x : y"</script><code>l\'eig : <code>x ;</code> y ?</code>' +
      "<textarea>« a »</textarea><tbody data-verbatim><tr><td>l'Intérieur ; eig</td></tr></tbody><p>l'eig ;</p>";
    expect(typesetHtml(html)).toBe(
      '<script>a = "x : y"</script><code>l\'eig : <code>x ;</code> y ?</code>' +
        `<textarea>« a »</textarea><tbody data-verbatim><tr><td>l'Intérieur ; eig</td></tr></tbody><p>l’EIG${NNBSP};</p>`,
    );
  });

  it('reads a quoted attribute holding « > » as part of its tag', () => {
    expect(typesetHtml('<a title="x > y : z">a : b</a>')).toBe(`<a title="x > y : z">a${NBSP}: b</a>`);
  });
});
