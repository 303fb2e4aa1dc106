// Media on the local disk, under config.media.dir: <dir>/<k0k1>/<k2k3>/<key>. Keys are
// validated before any path is built, so no request can reach outside the folder.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMediaKey } from '../keys.ts';
import type { MediaStorage } from './storage.ts';

export function createLocalStorage(dir: string): MediaStorage {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    if (!isMediaKey(key)) throw new Error('invalid media key');
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };

  return {
    async put(key, source) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      if ('data' in source) {
        await writeFile(target, source.data, { flag: 'wx' });
        return;
      }
      try {
        await rename(source.path, target);
      } catch (err) {
        // Another filesystem (a separate incoming volume): copy, then remove the source.
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await copyFile(source.path, target);
        await unlink(source.path);
      }
    },
    async stat(key) {
      if (!isMediaKey(key)) return null;
      try {
        const s = await stat(pathOf(key));
        return s.isFile() ? { size: s.size } : null;
      } catch {
        return null;
      }
    },
    open(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async delete(keys) {
      for (const key of keys) if (isMediaKey(key)) await rm(pathOf(key), { force: true });
    },
    async *list() {
      let level1: string[];
      try {
        level1 = await readdir(root);
      } catch {
        return;
      }
      for (const a of level1) {
        for (const b of await readdir(path.join(root, a)).catch(() => [] as string[])) {
          for (const key of await readdir(path.join(root, a, b)).catch(() => [] as string[])) if (isMediaKey(key)) yield key;
        }
      }
    },
  };
}
