import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, CsvSyntaxError, parseCsv } from './csv.ts';

describe('csv', () => {
  it('writes what Ruby writes for Mastodon exports', () => {
    expect(csvLine(['Account address', 'Show boosts', 'Notify on new posts', 'Languages'])).toBe('Account address,Show boosts,Notify on new posts,Languages\n');
    expect(csvLine(['username@domain', true, false, null])).toBe('username@domain,true,false,\n');
    expect(csvLine(['bob@x', true, false, 'en, de'])).toBe('bob@x,true,false,"en, de"\n');
    expect(csvLine(['Say "hi"', 'a\nb'])).toBe('"Say ""hi""","a\nb"\n');
  });

  it('parses RFC 4180: quotes, doubled quotes, CRLF, line breaks in fields, blank lines, a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"c,d","e""f"\n\n"multi\nline",\n')).toEqual([['a', 'b'], ['c,d', 'e"f'], ['multi\nline', '']]);
    expect(parseCsv('only')).toEqual([['only']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('x,,y\n')).toEqual([['x', '', 'y']]);
  });

  it('refuses malformed input with the line', () => {
    const line = (text: string) => {
      try {
        parseCsv(text);
      } catch (err) {
        expect(err).toBeInstanceOf(CsvSyntaxError);
        return [(err as CsvSyntaxError).line, (err as Error).message];
      }
      return null;
    };
    expect(line('ok\nab"c\n')).toEqual([2, 'Illegal quoting in line 2.']);
    expect(line('ok\n"abc" x\n')).toEqual([2, "Any value after quoted field isn't allowed in line 2."]);
    expect(line('a\n"never closed\n\n')).toEqual([2, 'Unclosed quoted field in line 2.']);
    expect(line('a\rb')?.[0]).toBe(1);
  });

  it('reads back whatever it writes', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('"', ',', '\n', '\r\n', ' x ', 'ü'));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        expect(parseCsv(rows.map(csvLine).join(''))).toEqual(rows);
      }),
    );
  });
});
