// Writes the PWA's PNG icons (plain and maskable, 192 and 512 px) without any image library:
// the same "P" mark as icon.svg, drawn pixel by pixel and encoded as PNG with node:zlib.
// Run with: node web/scripts/make-icons.ts
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size: number, maskable: boolean): Buffer {
  const s = size / 512;
  // In 512-unit space: maskable icons keep the mark inside the 80% safe zone and fill the square.
  const [x0, y0, w, stemBottom, radius, hole] = maskable ? [176, 160, 128, 360, 72, 28] : [136, 128, 160, 384, 88, 36];
  const cy = y0 + radius;
  const bowlX = x0 + w - radius;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / s;
      const y = (py + 0.5) / s;
      const cornerR = maskable ? 0 : 96;
      const cx = Math.min(Math.max(x, cornerR), 512 - cornerR);
      const cyy = Math.min(Math.max(y, cornerR), 512 - cornerR);
      const inside = (x - cx) ** 2 + (y - cyy) ** 2 <= cornerR ** 2;
      const inBowl = (x >= x0 && x <= bowlX && y >= y0 && y <= y0 + 2 * radius) || (x > bowlX && (x - bowlX) ** 2 + (y - cy) ** 2 <= radius ** 2);
      const inStem = x >= x0 && x <= x0 + 72 * (maskable ? 64 / 72 : 1) && y >= y0 && y <= stemBottom;
      const inHole = (x - (bowlX + (maskable ? 0 : 4))) ** 2 + (y - cy) ** 2 <= hole ** 2;
      const white = (inBowl || inStem) && !inHole;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      if (!inside) raw.writeUInt32BE(0x00000000, o);
      else raw.writeUInt32BE(white ? 0xffffffff : 0x4b3fb5ff, o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  return png;
}

const dir = new URL('../public/icons/', import.meta.url);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), icon(size, false));
  writeFileSync(new URL(`icon-maskable-${size}.png`, dir), icon(size, true));
}
