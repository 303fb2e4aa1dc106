// A Parley server for the media benchmark, in a data folder of its own under the system's
// temporary folder (database, stored media, uploads in flight), removed when it stops. It runs
// as `npm start` runs it, web and job worker in one process, so videos are transcoded by the
// job queue exactly as they would be in production.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { createApp } from '../src/services/apps/create-app.ts';
import { issueToken } from '../src/services/oauth/issue-token.ts';
import { BENCH_RATE_LIMITS, freePort, stopProcess, waitFor } from './processes.ts';

export interface MediaServer {
  base: string;
  pid: number;
  /** One token per user, with the write:media scope. */
  tokens: string[];
  dataDir: string;
  stop(): Promise<void>;
}

/** Users are made through the app's own services, before the server opens the same database. */
async function createUsers(env: Record<string, string>, count: number): Promise<string[]> {
  const ctx = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  try {
    const app = await createApp(ctx, { name: 'Media bench', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write' });
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const username = `uploader${i}`;
      const { account } = await createAccount(ctx, { username, email: `${username}@bench.test`, password: `${username}-bench-password`, confirmed: true });
      tokens.push((await issueToken(ctx, { appId: app.id, accountId: account.id, scopes: ['read', 'write'] })).accessToken);
    }
    return tokens;
  } finally {
    await ctx.close();
  }
}

export async function startMediaServer(users: number): Promise<MediaServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-media-'));
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    // Every location is set here, so neither the caller's environment nor a .env file can point
    // the server at real data.
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DOMAIN: `127.0.0.1:${port}`,
      PARLEY_DATA_DIR: dataDir,
      PARLEY_MEDIA_DIR: path.join(dataDir, 'media'),
      DATABASE_URL: `sqlite:${path.join(dataDir, 'parley.sqlite')}`,
      PARLEY_ROLE: 'all',
      LOG_LEVEL: 'warn',
      ...BENCH_RATE_LIMITS,
    };
    const tokens = await createUsers(env, users);
    child = fork('dist/src/main.js', [], { env: { ...process.env, ...env }, stdio: 'inherit', execArgv: ['--max-semi-space-size=2'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/instance`, child);
    return { base, pid: child.pid!, tokens, dataDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
