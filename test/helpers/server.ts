// Boots the real application on a fresh database for a test file, with helpers to create
// named users, call the API as them, and run queued jobs before asserting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { createContext, type AppContext, type ContextOverrides } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { createMemoryMailer, type Mail } from '../../src/infra/mailer.ts';
import type { Clock } from '../../src/infra/clock.ts';
import { createAccount } from '../../src/services/accounts/create-account.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { issueToken } from '../../src/services/oauth/issue-token.ts';
import type { AccountRow } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/accounts.ts';
import { createTestDatabase } from './database.ts';

export interface TestUser {
  account: AccountRow;
  id: string;
  username: string;
  token: string;
  password: string;
  /** Calls the API with this user's token. */
  get(url: string, opts?: Omit<InjectOptions, 'method' | 'url'>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, opts?: Omit<InjectOptions, 'method' | 'url' | 'payload'>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  mail: Mail[];
  /** Runs every due job, including jobs that those jobs enqueue. */
  drainJobs(): Promise<number>;
  createUser(username: string, opts?: { role?: Role; scopes?: string[]; locked?: boolean }): Promise<TestUser>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: Clock;
  smtp?: boolean;
  /** Context parts a test needs changed (a fake web/dist, loopback push endpoints, a statement counter). */
  context?: Pick<ContextOverrides, 'webDistDir' | 'allowLoopbackPush' | 'loadMonitor' | 'onQuery'>;
}

export async function createTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const testDb = await createTestDatabase();
  // A data folder of its own (media files, uploads in flight), removed when the server closes.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-test-'));
  // Rate limits, load shedding and proof of work are off unless a test turns them on: many tests sign up and call a
  // lot from one address, and a loaded test machine's event loop must not make answers flaky.
  const base = loadConfig({ PARLEY_DOMAIN: 'parley.test', PARLEY_HTTPS: 'true', LOG_LEVEL: 'silent', PARLEY_DATA_DIR: dataDir, PARLEY_RATE_LIMITS: 'off', PARLEY_LOAD_SHEDDING: 'off', PARLEY_POW_DIFFICULTY: '0', ...(opts.env ?? {}) });
  const config: Config = Object.freeze({ ...base, database: testDb.database });
  const mailer = createMemoryMailer();
  const ctx = await createContext(config, {
    mailer: opts.smtp ? mailer : { enabled: false, send: async () => { throw new Error('SMTP is not configured'); } },
    ...(opts.clock ? { clock: opts.clock } : {}),
    // API tests must not depend on whether the web app happens to be built.
    webDistDir: '/nonexistent/parley-web-dist',
    ...(opts.context ?? {}),
  });
  const app = await buildApp(ctx);
  await app.ready();
  let testApp: Awaited<ReturnType<typeof createApp>> | null = null;

  const server: TestServer = {
    app,
    ctx,
    config,
    mail: mailer.sent,
    async drainJobs() {
      let total = 0;
      for (let round = 0; round < 50; round++) {
        const n = await ctx.queue.runDue();
        total += n;
        if (n === 0) break;
      }
      return total;
    },
    async createUser(username, userOpts = {}) {
      testApp ??= await createApp(ctx, { name: 'Test client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write follow push' });
      const password = `${username}-password-1`;
      const { account } = await createAccount(ctx, { username, email: `${username}@example.com`, password, role: userOpts.role, confirmed: true, allowReserved: true });
      if (userOpts.locked) await ctx.db.updateTable('accounts').set({ locked: 1 }).where('id', '=', account.id).execute();
      const { accessToken } = await issueToken(ctx, { appId: testApp.id, accountId: account.id, scopes: userOpts.scopes ?? ['read', 'write', 'follow', 'push'] });
      const headers = { authorization: `Bearer ${accessToken}` };
      const call = (method: InjectOptions['method'], url: string, payload?: unknown, extra: Omit<InjectOptions, 'method' | 'url' | 'payload'> = {}) =>
        app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }), ...extra, headers: { ...headers, ...(extra.headers ?? {}) } });
      return {
        account,
        id: account.id,
        username,
        token: accessToken,
        password,
        get: (url, o) => call('GET', url, undefined, o),
        post: (url, payload, o) => call('POST', url, payload ?? {}, o),
        put: (url, payload) => call('PUT', url, payload ?? {}),
        patch: (url, payload) => call('PATCH', url, payload ?? {}),
        delete: (url, payload) => call('DELETE', url, payload),
      };
    },
    inject: (o) => app.inject(o),
    async close() {
      await app.close();
      await ctx.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
