import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './png.ts';

function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const out = [];
  let o = 8;
  while (o < png.length) {
    const len = png.readUInt32BE(o);
    const type = png.subarray(o + 4, o + 8).toString('ascii');
    out.push({ type, data: png.subarray(o + 8, o + 8 + len), crc: png.readUInt32BE(o + 8 + len) });
    o += 12 + len;
  }
  return out;
}

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a valid PNG with the requested size and pixels', () => {
    const png = encodePng(3, 2, (x, y) => [x * 10, y * 20, 255]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of cs) expect(c.crc).toBe(crc32(Buffer.concat([Buffer.from(c.type), c.data])));
    expect(cs[0]!.data.readUInt32BE(0)).toBe(3);
    expect(cs[0]!.data.readUInt32BE(4)).toBe(2);
    const raw = inflateSync(cs[1]!.data);
    expect(raw.length).toBe(2 * (1 + 3 * 3));
    // Row 1, pixel 2: filter byte then RGB triples.
    expect([...raw.subarray(10 + 1 + 6, 10 + 1 + 9)]).toEqual([20, 20, 255]);
  });
});
