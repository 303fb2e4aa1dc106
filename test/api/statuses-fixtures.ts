// Fixtures for status tests: direct rows for follows and blocks (so visibility tests do not
// depend on the graph endpoints), and counting rows in tables.
import { newId } from '../../src/domain/ids.ts';
import type { TestServer, TestUser } from '../helpers/server.ts';

export async function follow(s: TestServer, follower: TestUser, target: TestUser): Promise<void> {
  await s.ctx.db
    .insertInto('follows')
    .values({ id: newId(), account_id: follower.id, target_account_id: target.id, show_reblogs: 1, notify: 0, languages: null, created_at: new Date().toISOString() })
    .execute();
}

export async function block(s: TestServer, blocker: TestUser, target: TestUser): Promise<void> {
  await s.ctx.db.insertInto('blocks').values({ id: newId(), account_id: blocker.id, target_account_id: target.id, created_at: new Date().toISOString() }).execute();
}

export async function countRows(s: TestServer, table: 'statuses' | 'polls' | 'poll_votes' | 'favourites' | 'bookmarks' | 'status_pins' | 'scheduled_statuses' | 'status_edits' | 'mentions' | 'tags' | 'status_tags' | 'idempotency_keys', where: Record<string, string> = {}): Promise<number> {
  let q = s.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  for (const [col, value] of Object.entries(where)) q = q.where(col as never, '=', value as never);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Posts a status and returns its JSON, failing loudly on anything but 200. */
// Loose JSON on purpose: tests reach into nested fields (poll.id) that the typed shape makes nullable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function post(user: TestUser, payload: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await user.post('/api/v1/statuses', payload);
  if (res.statusCode !== 200) throw new Error(`POST /api/v1/statuses ${res.statusCode}: ${res.body}`);
  return res.json();
}
