// The SQL feed store keeps feeds bounded: entries past the newest FEED_SIZE are trimmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { FEED_SIZE } from '../../src/timelines/feed-store.ts';
import { createSqlFeedStore } from '../../src/timelines/sql-feed-store.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
});
afterAll(() => s.close());

async function insertStatuses(n: number): Promise<string[]> {
  const ids: string[] = [];
  const base = Date.now() - n * 1000;
  const rows = Array.from({ length: n }, (_, i) => {
    const id = newId(base + i * 1000);
    ids.push(id);
    return {
      id, account_id: alice.id, text: `s${i}`, content_html: `<p>s${i}</p>`, spoiler_text: '', sensitive: 0 as const, visibility: 'public', language: null,
      in_reply_to_id: null, in_reply_to_account_id: null, reblog_of_id: null, quote_of_id: null, quote_state: null, conversation_id: id,
      application_id: null, poll_id: null, replies_count: 0, reblogs_count: 0, favourites_count: 0, quotes_count: 0, quote_policy: 'public',
      created_at: new Date(base + i * 1000).toISOString(), edited_at: null,
    };
  });
  for (let i = 0; i < rows.length; i += 200) await s.ctx.db.insertInto('statuses').values(rows.slice(i, i + 200)).execute();
  return ids;
}

describe('SQL feed store', () => {
  it(`keeps the newest ${FEED_SIZE} entries of a feed`, async () => {
    const ids = await insertStatuses(FEED_SIZE + 30);
    let calls = 0;
    // Trim on every 10th insert, deterministically.
    const store = createSqlFeedStore(s.ctx.db, () => (++calls % 10 === 0 ? 0 : 1));
    for (const id of ids) await store.add(['home:test'], { statusId: id, reblogOfId: null, accountId: alice.id });
    const kept = await s.ctx.db.selectFrom('feed_entries').select('status_id').where('feed', '=', 'home:test').orderBy('status_id', 'desc').execute();
    expect(kept.length).toBe(FEED_SIZE);
    expect(kept.map((r) => r.status_id)).toEqual(ids.slice(-FEED_SIZE).reverse());
    expect(await store.page('home:test', { limit: 3 })).toEqual(ids.slice(-3).reverse());
  });
});
