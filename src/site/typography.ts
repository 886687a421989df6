/**
 * French typography of every page's text, applied once to the built HTML (src/middleware.ts) rather than in each
 * template and data string: a no-break space inside « » and before « : », a narrow no-break space before
 * « ; ! ? » (the line never starts with the sign), the typographic apostrophe (’) between letters, and the
 * programme's acronyms in capitals (« eig » → « EIG »).
 *
 * Only text is touched, never a tag or an attribute, nor what is not prose: scripts, styles, code, the embed code's
 * field, and elements marked `data-verbatim` (the raw tables' cells show the data files as written). The files
 * offered for download (CSV, JSON) keep the data's own characters.
 */

/** Elements whose text is left as written. */
const VERBATIM = new Set(['script', 'style', 'textarea', 'code', 'pre', 'kbd', 'samp']);
/** A tag, its quoted attribute values allowed to hold « > ». */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![^>]*>/gu;
const SPACE = '[ \\t\\r\\n]+';
const OPENING_QUOTE = new RegExp(`«${SPACE}`, 'gu');
const CLOSING_QUOTE = new RegExp(`${SPACE}»`, 'gu');
const COLON = new RegExp(`${SPACE}:(?=[\\s\\u00a0]|$)`, 'gu');
const HIGH_SIGN = new RegExp(`${SPACE}([;!?])(?=[\\s\\u00a0]|$)`, 'gu');
const APOSTROPHE = /(\p{L})(?:'|&#39;|&#x27;|&apos;)(?=\p{L})/gu;
const ACRONYM = /(?<![\p{L}\p{N}./@_#&=-])(eig|dig)(s?)(?![\p{L}\p{N}_-])/gu;
/** What any rule needs: a text without one of these is left as it is (most runs between tags are). */
const CANDIDATE = /[«»:;!?'&]|eig|dig/u;

/** French typography of one run of text (HTML-escaped, as it stands between two tags). */
export function typesetText(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  return text
    .replace(OPENING_QUOTE, '«\u00a0')
    .replace(CLOSING_QUOTE, '\u00a0»')
    .replace(COLON, '\u00a0:')
    .replace(HIGH_SIGN, '\u202f$1')
    .replace(APOSTROPHE, '$1’')
    .replace(ACRONYM, (_, acronym: string, s: string) => acronym.toUpperCase() + s);
}

/** `html` with French typography in its text (see the module's comment). */
export function typesetHtml(html: string): string {
  let out = '';
  let last = 0;
  // The verbatim element the text is in, and how many of its kind are open (a <code> inside a <code>).
  let verbatim: { name: string; depth: number } | null = null;
  for (const match of html.matchAll(TAG)) {
    const text = html.slice(last, match.index);
    out += verbatim ? text : typesetText(text);
    out += match[0];
    last = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    const selfClosing = /\/\s*$/u.test(attributes);
    if (verbatim) {
      if (name === verbatim.name && !selfClosing) verbatim.depth += closing ? -1 : 1;
      if (verbatim.depth === 0) verbatim = null;
    } else if (!closing && !selfClosing && (VERBATIM.has(name) || /\sdata-verbatim\b/u.test(attributes))) {
      verbatim = { name, depth: 1 };
    }
  }
  return out + (verbatim ? html.slice(last) : typesetText(html.slice(last)));
}
