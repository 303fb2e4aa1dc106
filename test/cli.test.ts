import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { verifyPassword } from '../src/domain/passwords.ts';

const run = promisify(execFile);
let dir: string;
let dbFile: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['src/cli/main.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${dbFile}`, PARLEY_DOMAIN: 'cli.test', PARLEY_DATA_DIR: dir, LOG_LEVEL: 'error' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDb<T>(fn: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase({ kind: 'sqlite', file: dbFile });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parley-cli-'));
  dbFile = path.join(dir, 'test.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each command starts a Node process (about a second, several on a loaded machine): a longer timeout.
describe('parley CLI', { timeout: 90_000 }, () => {
  it('migrates, prints help, and fails clearly on unknown commands', async () => {
    const m = await cli('db', 'migrate');
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/Applied: 0001-initial|up to date/);
    expect((await cli('db', 'migrate')).stdout).toMatch(/up to date/);
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('accounts create');
    const bad = await cli('frobnicate', 'now');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown command/);
  });

  it('creates an admin with a generated password, changes roles and resets the password', async () => {
    const r = await cli('accounts', 'create', 'boss', '--email', 'boss@example.com', '--role', 'admin');
    expect(r.code).toBe(0);
    const password = /Password: (\S+)/.exec(r.stdout)![1]!;
    const login = await withDb((db) => db.selectFrom('users').innerJoin('accounts', 'accounts.id', 'users.account_id').selectAll().where('username', '=', 'boss').executeTakeFirstOrThrow());
    expect(login.role).toBe('admin');
    expect(login.confirmed_at).not.toBeNull();
    expect(login.approved).toBe(1);
    expect(await verifyPassword(password, login.password_hash)).toBe(true);

    const dup = await cli('accounts', 'create', 'boss', '--email', 'other@example.com');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/Username has already been taken/);
    expect((await cli('accounts', 'create', 'x', '--email', 'x@example.com', '--role', 'king')).stderr).toMatch(/Unknown role/);
    expect((await cli('accounts', 'create', 'y')).stderr).toMatch(/--email/);

    expect((await cli('accounts', 'role', 'boss', 'moderator')).stdout).toMatch(/now moderator/);
    expect((await cli('accounts', 'role', 'nobody', 'admin')).code).toBe(1);

    const tok = await cli('tokens', 'create', 'boss', '--scopes', 'read');
    expect(tok.code).toBe(0);
    const reset = await cli('accounts', 'reset-password', 'boss', '--password', 'a brand new password');
    expect(reset.code).toBe(0);
    const after = await withDb(async (db) => ({
      user: await db.selectFrom('users').selectAll().where('email_lower', '=', 'boss@example.com').executeTakeFirstOrThrow(),
      live: await db.selectFrom('oauth_tokens').selectAll().where('revoked_at', 'is', null).where('account_id', 'is not', null).execute(),
    }));
    expect(await verifyPassword('a brand new password', after.user.password_hash)).toBe(true);
    expect(after.live).toHaveLength(0);
    expect((await cli('accounts', 'reset-password', 'boss', '--password', 'short')).code).toBe(1);
  });

  it('creates apps with credentials and, for an account, an access token', async () => {
    const r = await cli('apps', 'create', '--name', 'My bot', '--scopes', 'read write', '--account', 'boss');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Client key: \S+/);
    expect(r.stdout).toMatch(/Client secret: \S+/);
    expect(r.stdout).toMatch(/Access token \(for @boss\): \S+/);
    expect((await cli('apps', 'create', '--name', 'x', '--scopes', 'bogus')).code).toBe(1);
  });

  it('flags an app store-safe and back', async () => {
    const clientId = /Client key: (\S+)/.exec((await cli('apps', 'create', '--name', 'Store build')).stdout)![1]!;
    const flag = () => withDb(async (db) => (await db.selectFrom('apps').select('store_safe').where('client_id', '=', clientId).executeTakeFirstOrThrow()).store_safe);
    expect(await flag()).toBe(0);
    expect((await cli('apps', 'store-safe', clientId, 'on')).code).toBe(0);
    expect(await flag()).toBe(1);
    expect((await cli('apps', 'store-safe', clientId, 'off')).code).toBe(0);
    expect(await flag()).toBe(0);
    expect((await cli('apps', 'store-safe', clientId, 'maybe')).code).toBe(1);
    expect((await cli('apps', 'store-safe', 'no-such-key', 'on')).stderr).toMatch(/No application/);
  });

  it('creates invite links', async () => {
    const r = await cli('invites', 'create', '--max-uses', '1', '--expires-in', '1d', '--account', 'boss');
    expect(r.code).toBe(0);
    const code = /^https:\/\/cli\.test\/invite\/([A-Za-z0-9]{12})$/m.exec(r.stdout)![1]!;
    const invite = await withDb((db) => db.selectFrom('invites').innerJoin('accounts', 'accounts.id', 'invites.account_id').select(['username', 'max_uses', 'expires_at']).where('code', '=', code).executeTakeFirstOrThrow());
    expect(invite).toMatchObject({ username: 'boss', max_uses: 1 });
    expect(Date.parse(invite.expires_at!) - Date.now()).toBeGreaterThan(86_000_000);
    expect((await cli('invites', 'create', '--expires-in', 'soon', '--account', 'boss')).stderr).toMatch(/--expires-in/);
    expect((await cli('invites', 'create', '--account', 'nobody')).code).toBe(1);
  });

  it('gets and sets typed settings', async () => {
    expect((await cli('settings', 'get', 'password_grant')).stdout.trim()).toBe('true');
    expect((await cli('settings', 'set', 'password_grant', 'false')).code).toBe(0);
    expect((await cli('settings', 'get', 'password_grant')).stdout.trim()).toBe('false');
    expect((await cli('settings', 'set', 'site_title', 'My', 'Place')).code).toBe(0);
    expect((await cli('settings', 'get', 'site_title')).stdout.trim()).toBe('"My Place"');
    const bad = await cli('settings', 'set', 'registrations_mode', 'sometimes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/open, approval, invite or closed/);
    expect((await cli('settings', 'get', 'nope')).code).toBe(1);
  });
});
