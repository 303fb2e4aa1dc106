import { describe, expect, it } from 'vitest';
import { charactersLeft, countCharacters } from './count.ts';

describe('countCharacters', () => {
  it('counts plain text by characters a person sees', () => {
    expect(countCharacters('hello')).toBe(5);
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('👍🏽 ok')).toBe(4);
    expect(countCharacters('Grüße')).toBe(5);
  });

  it('counts every URL as 23 characters, however long', () => {
    expect(countCharacters('https://example.com/a/very/long/path/that/goes/on?and=on&on=on')).toBe(23);
    expect(countCharacters('see http://x.io now')).toBe(4 + 23 + 4);
    expect(countCharacters('a https://a.example/1 b https://b.example/2')).toBe(2 + 23 + 3 + 23);
  });

  it('honours a server-specific URL length', () => {
    expect(countCharacters('https://example.com/abc', 10)).toBe(10);
  });

  it('leaves trailing punctuation out of a URL', () => {
    expect(countCharacters('look: https://example.com.')).toBe(6 + 23 + 1);
  });

  it('counts a remote mention by its local part only', () => {
    expect(countCharacters('@bob@remote.example hi')).toBe('@bob hi'.length);
    expect(countCharacters('@bob hi')).toBe(7);
  });

  it('subtracts text and content warning from the limit', () => {
    expect(charactersLeft('12345', 'cw', 500)).toBe(493);
    expect(charactersLeft('x'.repeat(501), '', 500)).toBe(-1);
  });
});
