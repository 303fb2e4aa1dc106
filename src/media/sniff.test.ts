import { describe, expect, it } from 'vitest';
import { declaredTypeContradicts, sniffMedia } from './sniff.ts';

const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (major: string, ...compatible: string[]) => {
  const body = bytes('ftyp', major, [0, 0, 0, 0], ...compatible);
  return bytes([0, 0, 0, body.length + 4], body, 'x'.repeat(40));
};

describe('sniffMedia', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image', 'jpeg'],
    [bytes([0x89], 'PNG\r\n', [0x1a, 0x0a]), 'image', 'png'],
    [bytes('GIF89a'), 'gif', 'gif'],
    [bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image', 'webp'],
    [bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'audio', 'wav'],
    [ftyp('heic', 'mif1', 'heic'), 'image', 'heic'],
    [ftyp('mif1', 'mif1', 'avif', 'miaf'), 'image', 'avif'],
    [ftyp('M4A ', 'M4A ', 'isom'), 'audio', 'm4a'],
    [ftyp('qt  ', 'qt  '), 'video', 'mov'],
    [ftyp('isom', 'isom', 'mp41'), 'video', 'mp4'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video', 'webm'],
    [bytes('OggS', [0]), 'audio', 'ogg'],
    [bytes('fLaC'), 'audio', 'flac'],
    [bytes('ID3', [4, 0]), 'audio', 'mp3'],
    [bytes([0xff, 0xfb, 0x90, 0x64]), 'audio', 'mp3'],
  ])('recognises %#', (head, kind, format) => {
    expect(sniffMedia(head)).toEqual({ kind, format });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['an HLS playlist', bytes('#EXTM3U\n#EXT-X-VERSION:3\nfile:///etc/passwd\n')],
    ['a ZIP', bytes('PK', [3, 4, 20, 0])],
    ['a PDF', bytes('%PDF-1.7')],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
  ])('refuses %s', (_name, head) => {
    expect(sniffMedia(head)).toBeNull();
  });
});

describe('declaredTypeContradicts', () => {
  const png = { kind: 'image', format: 'png' } as const;
  const mp4 = { kind: 'video', format: 'mp4' } as const;
  const mp3 = { kind: 'audio', format: 'mp3' } as const;
  it('accepts the right family and generic types', () => {
    expect(declaredTypeContradicts('image/png', png)).toBe(false);
    expect(declaredTypeContradicts('image/jpeg', png)).toBe(false);
    expect(declaredTypeContradicts('application/octet-stream', png)).toBe(false);
    expect(declaredTypeContradicts('', png)).toBe(false);
    // An MP4 may hold only sound: audio/mp4 is an honest name for it.
    expect(declaredTypeContradicts('audio/mp4', mp4)).toBe(false);
  });
  it('refuses a type of another family or a non-media type', () => {
    expect(declaredTypeContradicts('video/mp4', png)).toBe(true);
    expect(declaredTypeContradicts('image/png', mp4)).toBe(true);
    expect(declaredTypeContradicts('video/mp4', mp3)).toBe(true);
    expect(declaredTypeContradicts('text/html', png)).toBe(true);
    expect(declaredTypeContradicts('image/svg+xml', png)).toBe(false);
  });
});
