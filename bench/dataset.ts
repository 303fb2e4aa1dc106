// Generates the benchmark dataset straight into an SQLite file (bulk SQL is far faster than
// going through the API): accounts, follows, statuses, and the home feeds of the sampled users.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { newId } from '../src/domain/ids.ts';
import { hashPassword } from '../src/domain/passwords.ts';

export interface DatasetSpec {
  accounts: number;
  followsPerAccount: number;
  statuses: number;
  sampledUsers: number;
  /** Home feeds keep this many newest entries, like Mastodon's 800. */
  feedSize: number;
}

export interface Dataset {
  file: string;
  tokens: string[];
  spec: DatasetSpec;
}

const VERSION = 1;

// A tiny deterministic PRNG so every run benchmarks the same data.
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const tokenFor = (i: number) => `bench-token-${i}`;

export async function ensureDataset(dir: string, spec: DatasetSpec, log: (msg: string) => void): Promise<Dataset> {
  mkdirSync(dir, { recursive: true });
  const name = `bench-v${VERSION}-${spec.accounts}-${spec.followsPerAccount}-${spec.statuses}-${spec.sampledUsers}.sqlite`;
  const file = path.join(dir, name);
  const tokens = Array.from({ length: spec.sampledUsers }, (_, i) => tokenFor(i));
  if (existsSync(file)) {
    log(`reusing dataset ${file}`);
    return { file, tokens, spec };
  }
  const tmp = `${file}.building`;
  rmSync(tmp, { force: true });
  const handle = openDatabase({ kind: 'sqlite', file: tmp });
  await migrateToLatest(handle);
  await handle.close();

  const db = new DatabaseSync(tmp);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;');
  const rand = rng(42);
  const t0 = Date.now();
  const start = Date.now() - 30 * 24 * 3600_000;
  const passwordHash = await hashPassword('bench-password');

  db.exec('BEGIN');
  const accountIds: string[] = [];
  const insAccount = db.prepare(`insert into accounts (id, username, username_lower, display_name, note, note_html, fields, created_at, updated_at) values (?, ?, ?, ?, '', '', '[]', ?, ?)`);
  const insUser = db.prepare(`insert into users (account_id, email, email_lower, password_hash, confirmed_at, created_at) values (?, ?, ?, ?, ?, ?)`);
  for (let i = 0; i < spec.accounts; i++) {
    const created = new Date(start - 86400_000 + i).toISOString();
    const id = newId(start - 86400_000 + i);
    const username = `user${String(i).padStart(6, '0')}`;
    insAccount.run(id, username, username, `User ${i}`, created, created);
    insUser.run(id, `${username}@bench.test`, `${username}@bench.test`, passwordHash, created, created);
    accountIds.push(id);
  }
  const appId = newId();
  db.prepare(`insert into apps (id, name, redirect_uris, scopes, client_id, client_secret, created_at) values (?, 'bench', 'urn:ietf:wg:oauth:2.0:oob', 'read write follow', ?, ?, ?)`).run(appId, 'bench-client', 'bench-secret', new Date().toISOString());
  const insToken = db.prepare(`insert into oauth_tokens (id, token_hash, app_id, account_id, scopes, created_at) values (?, ?, ?, ?, 'read write follow', ?)`);
  for (let i = 0; i < spec.sampledUsers; i++) {
    insToken.run(newId(), createHash('sha256').update(tokenFor(i)).digest('hex'), appId, accountIds[i]!, new Date().toISOString());
  }
  log(`accounts: ${spec.accounts} in ${Date.now() - t0} ms`);

  const insFollow = db.prepare(`insert or ignore into follows (id, account_id, target_account_id, created_at) values (?, ?, ?, ?)`);
  const now = new Date().toISOString();
  for (let i = 0; i < spec.accounts; i++) {
    const seen = new Set<number>([i]);
    while (seen.size <= spec.followsPerAccount) {
      const j = Math.floor(rand() * spec.accounts);
      if (seen.has(j)) continue;
      seen.add(j);
      insFollow.run(newId(), accountIds[i]!, accountIds[j]!, now);
    }
  }
  log(`follows: ${spec.accounts * spec.followsPerAccount} in ${Date.now() - t0} ms`);

  const insStatus = db.prepare(
    `insert into statuses (id, account_id, text, content_html, visibility, language, conversation_id, created_at) values (?, ?, ?, ?, ?, 'en', ?, ?)`,
  );
  const span = Date.now() - start;
  for (let i = 0; i < spec.statuses; i++) {
    const ms = start + Math.floor((i / spec.statuses) * span);
    const id = newId(ms);
    const author = accountIds[Math.floor(rand() * spec.accounts)]!;
    const r = rand();
    const visibility = r < 0.9 ? 'public' : r < 0.95 ? 'unlisted' : 'private';
    const text = `Benchmark post number ${i}: the quick brown fox jumps over the lazy dog, again and again.`;
    insStatus.run(id, author, text, `<p>${text}</p>`, visibility, id, new Date(ms).toISOString());
  }
  log(`statuses: ${spec.statuses} in ${Date.now() - t0} ms`);

  db.exec(`update accounts set
    statuses_count = (select count(*) from statuses s where s.account_id = accounts.id),
    last_status_at = (select max(created_at) from statuses s where s.account_id = accounts.id),
    following_count = (select count(*) from follows f where f.account_id = accounts.id),
    followers_count = (select count(*) from follows f where f.target_account_id = accounts.id)`);
  // Home feeds of the sampled users, as fan-out on write would have left them.
  const fill = db.prepare(`insert into feed_entries (feed, status_id, reblog_of_id, account_id)
    select 'home:' || ?, s.id, null, s.account_id from statuses s
    where s.account_id in (select target_account_id from follows where account_id = ?) or s.account_id = ?
    order by s.id desc limit ?`);
  for (let i = 0; i < spec.sampledUsers; i++) fill.run(accountIds[i]!, accountIds[i]!, accountIds[i]!, spec.feedSize);
  db.exec('COMMIT');
  db.exec('ANALYZE');
  db.close();
  renameSync(tmp, file);
  log(`dataset ready in ${Date.now() - t0} ms: ${file}`);
  return { file, tokens, spec };
}
