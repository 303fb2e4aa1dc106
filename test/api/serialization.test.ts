// Clients compare what they posted with what timelines later return (to merge, deduplicate and
// update in place): the status answered by POST /api/v1/statuses must be byte for byte the copy
// in every timeline and list the author reads, as in Mastodon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  expect((await alice.post(`/api/v1/accounts/${bob.id}/follow`)).statusCode).toBe(200);
});
afterAll(() => s.close());

const firstOf = (body: string) => JSON.stringify((JSON.parse(body) as unknown[])[0]);

describe('a posted status', () => {
  it('is the same bytes in the answer to POST and in every timeline', async () => {
    const listRes = await alice.post('/api/v1/lists', { title: 'friends' });
    const list = listRes.json() as { id: string };
    expect((await alice.post(`/api/v1/lists/${list.id}/accounts`, { account_ids: [bob.id] })).statusCode).toBe(200);
    const posted = await alice.post('/api/v1/statuses', {
      status: 'Hello @bob, see https://example.com/a-long-path-to-somewhere #Parley',
      spoiler_text: 'greeting',
      poll: { options: ['yes', 'no'], expires_in: 3600 },
      language: 'en',
    });
    expect(posted.statusCode).toBe(200);
    await s.drainJobs();
    const id = (posted.json() as { id: string }).id;
    const copies: Record<string, string> = {
      'GET /statuses/:id': (await alice.get(`/api/v1/statuses/${id}`)).body,
      'GET /statuses?id[]': firstOf((await alice.get(`/api/v1/statuses?id[]=${id}`)).body),
      home: firstOf((await alice.get('/api/v1/timelines/home')).body),
      public: firstOf((await alice.get('/api/v1/timelines/public')).body),
      'public (local)': firstOf((await alice.get('/api/v1/timelines/public?local=true')).body),
      tag: firstOf((await alice.get('/api/v1/timelines/tag/parley')).body),
      'account statuses': firstOf((await alice.get(`/api/v1/accounts/${alice.id}/statuses`)).body),
    };
    for (const [where, body] of Object.entries(copies)) expect({ where, body }).toEqual({ where, body: posted.body });
  });

  it('is the same bytes for a reader, in their home and list timelines', async () => {
    const posted = await bob.post('/api/v1/statuses', { status: 'plain words' });
    await s.drainJobs();
    expect(JSON.parse(posted.body).content).toBe('<p>plain words</p>');
    const [list] = (await alice.get('/api/v1/lists')).json() as { id: string }[];
    const fromAlice = (await alice.get(`/api/v1/statuses/${posted.json().id}`)).body;
    expect(firstOf((await alice.get('/api/v1/timelines/home')).body)).toBe(fromAlice);
    expect(firstOf((await alice.get(`/api/v1/timelines/list/${list!.id}`)).body)).toBe(fromAlice);
  });
});
