import { describe, expect, it } from 'vitest';
import { decode, detectDelimiter, findMojibake, sniffNotText } from '../../../src/lib/csv/decode.ts';
import { encode } from './snapshot-variants.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decode', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decode(utf8('année;é'))).toEqual({ text: 'année;é', encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM and says it was there', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9))).toEqual({ text: 'aé', encoding: 'utf-8-bom' });
  });

  it('reads Windows-1252 bytes 0x80–0x9F as the characters Windows puts there, not as control codes', () => {
    // « l’État coûte 12 € — œuvre » typed on French Windows: ’ = 0x92, € = 0x80, — = 0x97, œ = 0x9C.
    const cp1252 = bytes(
      0x6c,
      0x92,
      0xc9,
      0x74,
      0x61,
      0x74,
      0x20,
      0x63,
      0x6f,
      0xfb,
      0x74,
      0x65,
      0x20,
      0x31,
      0x32,
      0x20,
      0x80,
      0x20,
      0x97,
      0x20,
      0x9c,
      0x75,
      0x76,
      0x72,
      0x65,
    );
    expect(decode(cp1252)).toEqual({ text: 'l’État coûte 12 € — œuvre', encoding: 'windows-1252' });
  });

  it('reads every character of Windows-1252 back (table of the test helper, written independently)', () => {
    const all =
      '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
    expect(decode(encode(`a;${all}`, 'windows-1252'))).toEqual({ text: `a;${all}`, encoding: 'windows-1252' });
  });

  it('reads Latin-1 accents (the part Windows-1252 shares with ISO-8859-1)', () => {
    expect(decode(bytes(0xe9, 0xe8, 0xe0, 0xe7, 0xf4, 0xc9, 0xa0))).toEqual({
      text: 'éèàçôÉ\u00a0',
      encoding: 'windows-1252',
    });
  });

  it('keeps a UTF-8 file whose download stopped in the middle of a character as UTF-8', () => {
    // « é » is C3 A9; the file ends after C3. Decoding the whole file as Windows-1252 would garble every accent.
    expect(decode(bytes(0x61, 0xc3, 0xa9, 0x62, 0xc3))).toEqual({ text: 'aéb', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM, and without one when every other byte is zero', () => {
    expect(decode(bytes(0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00))).toEqual({ text: 'aé', encoding: 'utf-16le' });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0xe9))).toEqual({ text: 'aé', encoding: 'utf-16be' });
    expect(decode(bytes(0x61, 0x00, 0x3b, 0x00, 0x62, 0x00, 0x0a, 0x00))).toEqual({
      text: 'a;b\n',
      encoding: 'utf-16le',
    });
  });

  it('decodes an empty file to an empty text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('sniffNotText: files that are not text at all', () => {
  it.each([
    ['an Excel workbook or ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'Excel'],
    ['an old Excel file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'Excel'],
    ['a gzip archive', bytes(0x1f, 0x8b, 0x08, 0x00), 'gzip'],
    ['a PDF', utf8('%PDF-1.7\n'), 'PDF'],
    ['binary with zero bytes', bytes(0x61, 0x00, 0x00, 0x00, 0x62, 0x00, 0x00, 0x63), 'binaire'],
  ])('recognises %s', (_label, input, word) => {
    expect(sniffNotText(input)).toContain(word);
  });

  it('lets CSV text through', () => {
    expect(sniffNotText(utf8('a;b\n1;2\n'))).toBeNull();
    expect(sniffNotText(bytes(0x61, 0x00, 0x3b, 0x00))).toBeNull(); // UTF-16 without BOM is text
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a|b|c\n1|2|3', '|'],
    // Commas inside a quoted French label do not count.
    ['"Montant (€, TTC)";b\n1;2', ';'],
    ['\n\na;b\n', ';'],
    ['"a\nb";c;d\n', ';'],
  ] as const)('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('findMojibake: UTF-8 text that was decoded as Windows-1252 somewhere on its way', () => {
  it.each([
    ['SecrÃ©tariat', 'Ã©'],
    ['Ã\u00a0Paris', 'Ã\u00a0'], // « à » is C3 A0: the second byte is a no-break space in Windows-1252
    ['l’Ã‰tat', 'Ã‰'],
    ['lâ€™État', 'â€™'],
    ['12 â‚¬', 'â‚¬'],
    ['CÅ“ur', 'Å“'],
    ['Â« guillemets Â»', 'Â«'],
    ['12Â\u00a0%', 'Â\u00a0'],
  ])('finds it in %j', (text, found) => {
    expect(findMojibake(text)?.sequence).toBe(found);
  });

  it.each(['Secrétariat général', 'À Paris', 'ÉTÉ', 'Ça coûte 12 €', 'L’État, « Cœur »', 'Âge', 'pâté', 'Ã', 'Ãgua'])(
    'leaves correct French text alone: %j',
    (text) => {
      expect(findMojibake(text)).toBeNull();
    },
  );
});
