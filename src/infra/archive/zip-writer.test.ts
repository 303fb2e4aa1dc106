import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from './zip-reader.ts';
import { createZipWriter, isSafeEntryName } from './zip-writer.ts';

/** A system tool that lists the archive as sound, or null when the tool is not installed. */
function systemCheck(command: string, args: string[]): string | null {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function* slowly(parts: string[]): AsyncIterable<string> {
  for (const p of parts) yield p;
}

describe('zip writer', () => {
  const big = Array.from({ length: 40_000 }, (_, i) => `{"n":${i},"text":"line ${i} of a long outbox"}\n`).join('');
  const binary = randomBytes(300_000);

  it('writes text, binary, empty and streamed entries that unzip, python and our reader accept', async () => {
    const file = path.join(dir, 'a.zip');
    const zip = await createZipWriter(file);
    await zip.add('actor.json', '{"type":"Person","name":"Zoë"}', { modified: new Date('2024-05-06T07:08:10Z') });
    await zip.add('media_attachments/files/picture.jpg', binary, { compress: false });
    await zip.add('empty.csv', '');
    await zip.add('outbox.json', slowly(big.match(/[\s\S]{1,70000}/g)!));
    await zip.add('lists/Grüße.csv', Buffer.from('Freunde,bob@parley.test\n'));
    const size = await zip.finish();
    const bytes = await readFile(file);
    expect(bytes.length).toBe(size);

    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(['actor.json', 'media_attachments/files/picture.jpg', 'empty.csv', 'outbox.json', 'lists/Grüße.csv']);
    expect(entries[0]!.data.toString()).toBe('{"type":"Person","name":"Zoë"}');
    expect(entries[1]!.data.equals(binary)).toBe(true);
    expect(entries[1]!.method).toBe(0);
    expect(entries[2]!.data.length).toBe(0);
    expect(entries[3]!.data.toString()).toBe(big);
    expect(entries[3]!.method).toBe(8);
    // Several deflate chunks, and they compress: the outbox is well over the 1 MiB chunk size.
    expect(big.length).toBeGreaterThan(1 << 20);
    expect(bytes.length).toBeLessThan(binary.length + big.length / 3);
    for (const e of entries) expect(e.flags & 0x0800).toBe(0x0800);

    // The first local header, byte by byte: what any reader relies on, checked even without tools.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(8); // deflated
    expect(bytes.readUInt16LE(12)).toBe(((2024 - 1980) << 9) | (5 << 5) | 6);
    expect(bytes.readUInt16LE(10)).toBe((7 << 11) | (8 << 5) | 5);
    expect(bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString()).toBe('actor.json');

    const unzip = systemCheck('unzip', ['-t', file]);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
    const python = systemCheck('python3', ['-m', 'zipfile', '-t', file]);
    if (python !== null) expect(python).toContain('Done testing');
  });

  it('writes ZIP64 end records past 65,535 entries', async () => {
    const file = path.join(dir, 'many.zip');
    const zip = await createZipWriter(file);
    const n = 65_600;
    for (let i = 0; i < n; i++) await zip.add(`f/${i}.txt`, String(i), { compress: false });
    await zip.finish();
    const bytes = await readFile(file);
    // The classic end record says "see ZIP64"; the ZIP64 record holds the real count.
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(end + 10)).toBe(0xffff);
    const entries = readZip(bytes);
    expect(entries.length).toBe(n);
    expect(entries[n - 1]!.data.toString()).toBe(String(n - 1));
    const unzip = systemCheck('unzip', ['-tq', file]);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
    const python = systemCheck('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(len(z.namelist()), z.read("f/65599.txt").decode())', file]);
    if (python !== null) expect(python.trim()).toBe(`${n} 65599`);
  }, 60_000);

  it('refuses unsafe names and overlapping entries', async () => {
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a\\b', 'a//b', 'nul\0']) expect(isSafeEntryName(bad), bad).toBe(false);
    expect(isSafeEntryName('media_attachments/files/0123.jpg')).toBe(true);
    const zip = await createZipWriter(path.join(dir, 'bad.zip'));
    await expect(zip.add('../escape.txt', 'x')).rejects.toThrow(/unsafe/);
    const first = zip.add('one.txt', slowly(['a', 'b']));
    await expect(zip.add('two.txt', 'x')).rejects.toThrow(/one at a time/);
    await first;
    await zip.finish();
    expect(readZip(await readFile(path.join(dir, 'bad.zip'))).map((e) => e.name)).toEqual(['one.txt']);
  });

  it('never overwrites an existing file', async () => {
    await expect(createZipWriter(path.join(dir, 'a.zip'))).rejects.toThrow(/EEXIST/);
  });
});
