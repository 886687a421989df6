/**
 * Issue 23, item 3: the one rule for text from outside written where a person reads it. Every control
 * character is shown (C0 with ESC and CR, DEL, C1, line separators, bidirectional controls), no line break
 * survives, and JSON written by a command holds none raw while reading back the same values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControls, inertJson, printable } from '../../src/lib/printable.ts';

/** Every character a terminal, an editor or a bidirectional renderer would obey rather than show. */
const OBEYED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('printable', () => {
  it('shows each kind of control character', () => {
    expect(printable('\u001b[2J\u001b[31mrouge\u001b[0m')).toBe('<U+001B>[2J<U+001B>[31mrouge<U+001B>[0m');
    expect(printable('a\r\nb\nc\rd\te')).toBe('a↵b↵c↵d⇥e');
    expect(printable('\u0000\u0007\u007f\u0085\u009b')).toBe('<U+0000><U+0007><U+007F><U+0085><U+009B>');
    expect(printable('\u2028\u2029')).toBe('<U+2028><U+2029>');
    expect(printable('abc\u202edef\u2066g\u200fh\u061c')).toBe('abc<U+202E>def<U+2066>g<U+200F>h<U+061C>');
    // French text is left as it is: no-break spaces, apostrophes, guillemets, accents, €.
    expect(printable('« 1 234 € » l’été')).toBe('« 1 234 € » l’été');
  });

  it('leaves nothing a terminal would obey, on one line, whatever the input; twice is once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = printable(text);
        expect(shown).not.toMatch(OBEYED);
        expect(hasControls(shown)).toBe(false);
        expect(printable(shown)).toBe(shown);
        expect(hasControls(text)).toBe(OBEYED.test(text));
      }),
    );
  });
});

describe('inertJson', () => {
  it('writes no raw control character, and reads back the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const written = inertJson(JSON.stringify({ value, text }, null, 2));
        expect(written).not.toMatch(
          /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u,
        );
        expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
    expect(inertJson(JSON.stringify('\u009b\u202e'))).toBe('"\\u009b\\u202e"');
  });
});
