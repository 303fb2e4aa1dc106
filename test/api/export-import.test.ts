// Data portability end to end: an account's archive (outbox, actor, media, CSVs) opened and
// checked, the once-a-day rule, the owner-only download, CSV imports into another account that
// reproduce the same relationships, failures, refusals that change nothing, overwrite mode and
// the seven-day erasure.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { readZip, type ZipEntry } from '../../src/infra/archive/zip-reader.ts';
import { eraseExpiredPortability } from '../../src/services/portability/cleanup.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { multipart } from '../media/multipart.ts';

let offsetMs = 0;
let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser, erin: TestUser, zed: TestUser;
const ids: Record<string, string> = {};
const DAY = 24 * 3600_000;

const png = (r: number) => sharp({ create: { width: 32, height: 24, channels: 3, background: { r, g: 40, b: 90 } } }).png().toBuffer();

async function upload(user: TestUser, url: string, field: string, bytes: Buffer, method: 'POST' | 'PATCH' = 'POST') {
  const { payload, headers } = multipart([{ name: field, value: bytes, filename: 'pic.png', contentType: 'image/png' }]);
  return s.inject({ method, url, payload, headers: { ...headers, authorization: `Bearer ${user.token}` } });
}

async function post(user: TestUser, body: Record<string, unknown>): Promise<{ id: string; uri: string; media_attachments: { url: string }[] }> {
  const res = await user.post('/api/v1/statuses', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Requests an archive, runs the job, downloads and opens it. */
async function archiveOf(user: TestUser): Promise<{ id: string; files: Map<string, ZipEntry> }> {
  const requested = await user.post('/api/v1/exports');
  expect(requested.statusCode, requested.body).toBe(202);
  await s.drainJobs();
  const id = requested.json().id as string;
  const download = await user.get(`/api/v1/exports/${id}/download`);
  expect(download.statusCode).toBe(200);
  return { id, files: new Map(readZip(download.rawPayload).map((e) => [e.name, e])) };
}

const text = (files: Map<string, ZipEntry>, name: string) => files.get(name)?.data.toString('utf8');
const json = (files: Map<string, ZipEntry>, name: string) => JSON.parse(text(files, name) ?? 'null');

async function importCsv(user: TestUser, type: string, data: string, mode = 'merge') {
  return user.post('/api/v1/imports', { type, mode, data });
}

/** A CSV's header and its other lines in a fixed order. */
const lines = (csv: string) => {
  const [header, ...rest] = csv.split('\n');
  return [header, ...rest.sort()];
};

async function csvOf(user: TestUser, kind: string): Promise<string> {
  const res = await user.get(`/api/v1/exports/csv/${kind}`);
  expect(res.statusCode).toBe(200);
  return res.body;
}

const count = async (table: 'follows' | 'blocks' | 'mutes' | 'lists' | 'bookmarks' | 'account_imports', accountId?: string) => {
  let q = s.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (accountId) q = q.where('account_id', '=', accountId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  s = await createTestServer({ clock: { now: () => new Date(Date.now() + offsetMs) } });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  dave = await s.createUser('dave');
  erin = await s.createUser('erin');
  zed = await s.createUser('zed');

  expect((await upload(alice, '/api/v1/accounts/update_credentials', 'avatar', await png(200), 'PATCH')).statusCode).toBe(200);
  const media = await upload(alice, '/api/v2/media', 'file', await png(10));
  expect([200, 202]).toContain(media.statusCode);
  await s.drainJobs();

  ids.bobPost = (await post(bob, { status: 'bob says hi' })).id;
  ids.public = (await post(alice, { status: 'hello world #Portable @bob' })).id;
  ids.private = (await post(alice, { status: 'secret for followers', visibility: 'private' })).id;
  ids.direct = (await post(alice, { status: '@bob psst', visibility: 'direct' })).id;
  const withPicture = await post(alice, { status: 'a picture', media_ids: [media.json().id] });
  ids.picture = withPicture.id;
  ids.pictureKey = new URL(withPicture.media_attachments[0]!.url).pathname.split('/').pop()!;
  ids.reply = (await post(alice, { status: 'replying', in_reply_to_id: ids.bobPost })).id;
  ids.poll = (await post(alice, { status: 'pick one', poll: { options: ['tea', 'coffee'], expires_in: 3600 } })).id;
  const gone = await post(alice, { status: 'deleted-post-marker-7Q' });
  expect((await alice.delete(`/api/v1/statuses/${gone.id}`)).statusCode).toBe(200);
  ids.reblog = (await alice.post(`/api/v1/statuses/${ids.bobPost}/reblog`)).json().id;
  await alice.post(`/api/v1/statuses/${ids.bobPost}/bookmark`);
  await alice.post(`/api/v1/statuses/${ids.bobPost}/favourite`);

  expect((await alice.post(`/api/v1/accounts/${bob.id}/follow`, { reblogs: false, notify: true, languages: ['en', 'de'] })).statusCode).toBe(200);
  await alice.post(`/api/v1/accounts/${carol.id}/follow`);
  const friends = (await alice.post('/api/v1/lists', { title: 'Friends, close' })).json().id;
  const work = (await alice.post('/api/v1/lists', { title: 'Work' })).json().id;
  await alice.post(`/api/v1/lists/${friends}/accounts`, { account_ids: [bob.id] });
  await alice.post(`/api/v1/lists/${work}/accounts`, { account_ids: [carol.id] });
  await alice.post(`/api/v1/accounts/${dave.id}/block`);
  await alice.post(`/api/v1/accounts/${erin.id}/mute`, { notifications: false });
  await s.drainJobs();
});
afterAll(() => s.close());

describe('account archive', () => {
  let archive: { id: string; files: Map<string, ZipEntry> };
  beforeAll(async () => {
    archive = await archiveOf(alice);
  });

  it('lists the archive as ready, newest first, and serves it as an attachment to its owner', async () => {
    const list = (await alice.get('/api/v1/exports')).json();
    expect(list).toEqual([
      { id: archive.id, state: 'ready', size: expect.any(Number), created_at: expect.any(String), finished_at: expect.any(String), expires_at: expect.any(String), download_url: `https://parley.test/api/v1/exports/${archive.id}/download` },
    ]);
    const res = await alice.get(`/api/v1/exports/${archive.id}/download`);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="archive-alice-\d{8}\.zip"$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.length).toBe(list[0].size);
  });

  it("holds Mastodon's files", () => {
    const names = [...archive.files.keys()];
    for (const name of ['actor.json', 'outbox.json', 'likes.json', 'bookmarks.json', 'following_accounts.csv', 'lists.csv', 'blocked_accounts.csv', 'muted_accounts.csv', 'bookmarks.csv', 'blocked_domains.csv']) expect(names).toContain(name);
    expect(names).toContain(`media_attachments/files/${ids.pictureKey}`);
  });

  it('has the actor with its avatar inside the archive', () => {
    const actor = json(archive.files, 'actor.json');
    expect(actor).toMatchObject({ id: 'https://parley.test/users/alice', type: 'Person', preferredUsername: 'alice', outbox: 'outbox.json', likes: 'likes.json', bookmarks: 'bookmarks.json', url: 'https://parley.test/@alice' });
    expect(actor.icon).toMatchObject({ type: 'Image', url: expect.stringMatching(/^avatar\.(png|jpg|webp)$/) });
    expect(archive.files.get(actor.icon.url)?.data.length).toBeGreaterThan(0);
    expect(actor.image).toBeUndefined();
  });

  it("has every one of the owner's posts in the outbox, private and direct ones too, and nothing else", () => {
    const outbox = json(archive.files, 'outbox.json');
    expect(outbox).toMatchObject({ id: 'outbox.json', type: 'OrderedCollection', totalItems: 7 });
    const items = outbox.orderedItems as { id: string; type: string; actor: string; object: Record<string, unknown> | string; to: string[]; cc: string[] }[];
    expect(items).toHaveLength(7);
    for (const item of items) expect(item.actor).toBe('https://parley.test/users/alice');
    const byId = new Map(items.map((i) => [typeof i.object === 'string' ? i.id : (i.object.id as string), i]));
    const uri = (id: string) => `https://parley.test/users/alice/statuses/${id}`;

    const pub = byId.get(uri(ids.public!))!;
    expect(pub).toMatchObject({ id: `${uri(ids.public!)}/activity`, type: 'Create', to: ['https://www.w3.org/ns/activitystreams#Public'] });
    expect(pub.object).toMatchObject({ type: 'Note', url: `https://parley.test/@alice/${ids.public}`, attributedTo: 'https://parley.test/users/alice', content: expect.stringContaining('hello world') });
    expect((pub.object as { tag: unknown[] }).tag).toEqual(
      expect.arrayContaining([
        { type: 'Mention', href: 'https://parley.test/users/bob', name: '@bob' },
        { type: 'Hashtag', href: 'https://parley.test/tags/portable', name: '#Portable' },
      ]),
    );
    expect(byId.get(uri(ids.private!))!.to).toEqual(['https://parley.test/users/alice/followers']);
    expect(byId.get(uri(ids.direct!))!.to).toEqual(['https://parley.test/users/bob']);
    expect((byId.get(uri(ids.reply!))!.object as { inReplyTo: string }).inReplyTo).toBe(`https://parley.test/users/bob/statuses/${ids.bobPost}`);
    expect(byId.get(uri(ids.poll!))!.object).toMatchObject({ type: 'Question', oneOf: [{ type: 'Note', name: 'tea' }, { type: 'Note', name: 'coffee' }] });
    expect(byId.get(`${uri(ids.reblog!)}/activity`)).toMatchObject({ type: 'Announce', object: `https://parley.test/users/bob/statuses/${ids.bobPost}` });

    const picture = byId.get(uri(ids.picture!))!.object as { attachment: { type: string; mediaType: string; url: string }[] };
    expect(picture.attachment).toEqual([expect.objectContaining({ type: 'Document', url: `media_attachments/files/${ids.pictureKey}` })]);
    expect(archive.files.get(picture.attachment[0]!.url)?.data.length).toBeGreaterThan(0);

    const whole = text(archive.files, 'outbox.json')!;
    expect(whole).not.toContain('bob says hi');
    expect(whole).not.toContain('deleted-post-marker-7Q');
  });

  it('holds the same file bytes as storage', async () => {
    const chunks: Buffer[] = [];
    for await (const c of s.ctx.media.storage.open(ids.pictureKey!)) chunks.push(c as Buffer);
    expect(archive.files.get(`media_attachments/files/${ids.pictureKey}`)!.data.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('lists likes and bookmarks by URI', () => {
    const bobUri = `https://parley.test/users/bob/statuses/${ids.bobPost}`;
    expect(json(archive.files, 'likes.json')).toMatchObject({ id: 'likes.json', type: 'OrderedCollection', totalItems: 1, orderedItems: [bobUri] });
    expect(json(archive.files, 'bookmarks.json')).toMatchObject({ id: 'bookmarks.json', totalItems: 1, orderedItems: [bobUri] });
  });

  it("writes Mastodon's CSVs exactly, in the archive and as single downloads", async () => {
    const expected: Record<string, [string, string]> = {
      following: ['following_accounts.csv', 'Account address,Show boosts,Notify on new posts,Languages\ncarol@parley.test,true,false,\nbob@parley.test,false,true,"en, de"\n'],
      lists: ['lists.csv', '"Friends, close",bob@parley.test\nWork,carol@parley.test\n'],
      blocks: ['blocked_accounts.csv', 'dave@parley.test\n'],
      mutes: ['muted_accounts.csv', 'Account address,Hide notifications\nerin@parley.test,false\n'],
      bookmarks: ['bookmarks.csv', `https://parley.test/users/bob/statuses/${ids.bobPost}\n`],
      domain_blocks: ['blocked_domains.csv', ''],
    };
    for (const [kind, [file, body]] of Object.entries(expected)) {
      expect(text(archive.files, file), file).toBe(body);
      const res = await alice.get(`/api/v1/exports/csv/${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.body, kind).toBe(body);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${file}"`);
    }
  });

  it('can be requested once a day; a day later again', async () => {
    const again = await alice.post('/api/v1/exports');
    expect(again.statusCode).toBe(422);
    expect(again.json()).toEqual({ error: 'You can request an archive once every 24 hours' });
    expect((await alice.get('/api/v1/exports')).json()).toHaveLength(1);
    offsetMs = DAY + 60_000;
    try {
      const next = await alice.post('/api/v1/exports');
      expect(next.statusCode).toBe(202);
      expect(next.json()).toMatchObject({ state: 'pending', size: null, download_url: null });
      expect((await alice.get(`/api/v1/exports/${next.json().id}/download`)).statusCode).toBe(404);
      await s.drainJobs();
      expect((await alice.get('/api/v1/exports')).json().map((e: { id: string; state: string }) => [e.id, e.state])).toEqual([
        [next.json().id, 'ready'],
        [archive.id, 'ready'],
      ]);
    } finally {
      offsetMs = 0;
    }
  });

  it('is for its owner only: nobody else, no anonymous download, no public media address', async () => {
    expect((await bob.get(`/api/v1/exports/${archive.id}/download`)).statusCode).toBe(404);
    expect((await bob.get('/api/v1/exports')).json()).toEqual([]);
    expect((await s.inject({ method: 'GET', url: `/api/v1/exports/${archive.id}/download` })).statusCode).toBe(401);
    expect((await alice.get('/api/v1/exports/not-an-id/download')).statusCode).toBe(404);
    const { storage_key } = await s.ctx.db.selectFrom('account_exports').select('storage_key').where('id', '=', archive.id).executeTakeFirstOrThrow();
    expect((await s.ctx.media.storage.stat(storage_key))?.size).toBeGreaterThan(0);
    expect((await s.inject({ method: 'GET', url: `/media/${storage_key}` })).statusCode).toBe(404);
    expect((await alice.get(`/media/${storage_key}`)).statusCode).toBe(404);
  });

  it('building again changes nothing (the job is idempotent)', async () => {
    const before = await s.ctx.db.selectFrom('account_exports').selectAll().where('id', '=', archive.id).executeTakeFirstOrThrow();
    await s.ctx.queue.enqueue(s.ctx.db, 'build_account_export', { exportId: archive.id });
    await s.drainJobs();
    expect(await s.ctx.db.selectFrom('account_exports').selectAll().where('id', '=', archive.id).executeTakeFirstOrThrow()).toEqual(before);
  });
});

describe('a long outbox', () => {
  it('pages through hundreds of posts into one outbox', async () => {
    const writer = await s.createUser('writer');
    // Stored directly (posting 450 times through the API only makes the test slow; posting is
    // tested elsewhere): the export reads pages of 200, so this crosses two page boundaries.
    const start = Date.now() - 3600_000;
    const rows = Array.from({ length: 450 }, (_, i) => {
      const id = newId(start + i);
      return { id, account_id: writer.id, text: `post number ${i}`, content_html: `<p>post number ${i}</p>`, spoiler_text: '', sensitive: 0 as const, visibility: 'public', language: 'en', in_reply_to_id: null, in_reply_to_account_id: null, reblog_of_id: null, quote_of_id: null, quote_state: null, conversation_id: id, application_id: null, poll_id: null, replies_count: 0, reblogs_count: 0, favourites_count: 0, quotes_count: 0, quote_policy: 'public', created_at: new Date(start + i).toISOString(), edited_at: null, held_at: null };
    });
    await s.ctx.db.insertInto('statuses').values(rows.slice(0, 225)).execute();
    await s.ctx.db.insertInto('statuses').values(rows.slice(225)).execute();
    const { files } = await archiveOf(writer);
    const outbox = json(files, 'outbox.json');
    expect(outbox.totalItems).toBe(450);
    expect(outbox.orderedItems.map((i: { object: { content: string } }) => i.object.content)).toEqual(rows.map((r) => r.content_html));
  });
});

describe('CSV import', () => {
  it("reproduces the archive's relationships in another account (round trip)", async () => {
    const exported = {
      following: await csvOf(alice, 'following'),
      blocking: await csvOf(alice, 'blocks'),
      muting: await csvOf(alice, 'mutes'),
      lists: await csvOf(alice, 'lists'),
      bookmarks: await csvOf(alice, 'bookmarks'),
    };
    // The following file goes as a multipart upload, the others as text fields.
    const { payload, headers } = multipart([
      { name: 'type', value: 'following' },
      { name: 'data', value: Buffer.from(exported.following), filename: 'following_accounts.csv', contentType: 'text/csv' },
    ]);
    const first = await s.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...headers, authorization: `Bearer ${zed.token}` } });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({ type: 'following', mode: 'merge', state: 'pending', total_items: 2, processed_items: 0, failures_url: null });
    await s.drainJobs();
    expect((await zed.get(`/api/v1/imports/${first.json().id}`)).json()).toMatchObject({ state: 'finished', total_items: 2, processed_items: 2, imported_items: 2, failed_items: 0, finished_at: expect.any(String) });

    for (const type of ['blocking', 'muting', 'lists', 'bookmarks'] as const) {
      const res = await importCsv(zed, type, exported[type]);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(202);
      await s.drainJobs();
      expect((await zed.get(`/api/v1/imports/${res.json().id}`)).json(), type).toMatchObject({ state: 'finished', failed_items: 0 });
    }
    const rel = (await zed.get(`/api/v1/accounts/relationships?id[]=${bob.id}&id[]=${carol.id}&id[]=${dave.id}&id[]=${erin.id}`)).json();
    expect(rel.map((r: { following: boolean }) => r.following)).toEqual([true, true, false, false]);
    expect(rel[0]).toMatchObject({ showing_reblogs: false, notifying: true, languages: ['en', 'de'] });
    expect(rel[2].blocking).toBe(true);
    expect(rel[3]).toMatchObject({ muting: true, muting_notifications: false });
    // Exported again from the second account, every file has the same lines (newest first, so
    // the order of the follows made by the import differs).
    expect(lines(await csvOf(zed, 'following'))).toEqual(lines(exported.following));
    expect(await csvOf(zed, 'blocks')).toBe(exported.blocking);
    expect(await csvOf(zed, 'mutes')).toBe(exported.muting);
    expect(await csvOf(zed, 'lists')).toBe(exported.lists);
    expect(await csvOf(zed, 'bookmarks')).toBe(exported.bookmarks);
    // The follows went through the follow service: bob and carol were notified.
    const notes = (await bob.get('/api/v1/notifications')).json() as { type: string; account: { id: string } }[];
    expect(notes.some((n) => n.type === 'follow' && n.account.id === zed.id)).toBe(true);
    expect((await zed.get('/api/v1/imports')).json()).toHaveLength(5);
  });

  it('counts unknown and remote accounts as failures and offers them as CSV', async () => {
    const quinn = await s.createUser('quinn');
    const csv = 'Account address,Show boosts\nbob@parley.test,true\nghost@parley.test,false\nsomeone@mastodon.social,true\n@Carol,\n';
    const res = await importCsv(quinn, 'following', csv);
    expect(res.statusCode, res.body).toBe(202);
    expect((await quinn.get(`/api/v1/imports/${res.json().id}/failures`)).statusCode).toBe(404); // not finished yet
    await s.drainJobs();
    const done = (await quinn.get(`/api/v1/imports/${res.json().id}`)).json();
    expect(done).toMatchObject({ state: 'finished', total_items: 4, processed_items: 4, imported_items: 2, failed_items: 2, failures_url: `https://parley.test/api/v1/imports/${res.json().id}/failures` });
    const failures = await quinn.get(`/api/v1/imports/${res.json().id}/failures`);
    expect(failures.statusCode).toBe(200);
    expect(failures.headers['content-disposition']).toBe('attachment; filename="following_accounts_failures.csv"');
    expect(failures.body).toBe('Account address,Show boosts,Notify on new posts,Languages\nghost@parley.test,false,,\nsomeone@mastodon.social,true,,\n');
    expect((await bob.get(`/api/v1/imports/${res.json().id}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/imports/${res.json().id}/failures`)).statusCode).toBe(404);
    const rel = (await quinn.get(`/api/v1/accounts/relationships?id[]=${bob.id}&id[]=${carol.id}`)).json();
    expect(rel.map((r: { following: boolean }) => r.following)).toEqual([true, true]);
  });

  it('refuses bad files with a 422 and changes nothing', async () => {
    const victor = await s.createUser('victor');
    await victor.post(`/api/v1/accounts/${carol.id}/follow`);
    await s.drainJobs();
    const state = async () => [await count('account_imports'), await count('follows', victor.id), await count('blocks', victor.id), await count('lists', victor.id)];
    const before = await state();
    const bad: [string, unknown][] = [
      ['unclosed quote', { type: 'following', data: 'bob@parley.test\n"carol@parley.test\n' }],
      ['stray quote', { type: 'blocking', data: 'bob@parl"ey.test\n' }],
      ['text after a quote', { type: 'blocking', data: '"bob@parley.test"x\n' }],
      ['wrong columns for the type', { type: 'bookmarks', data: 'Account address,Hide notifications\nbob@parley.test,true\n' }],
      ['bad boolean', { type: 'following', data: 'Account address,Show boosts\nbob@parley.test,perhaps\n' }],
      ['bad language', { type: 'following', data: 'Account address,Languages\nbob@parley.test,"en, not a code"\n' }],
      ['blank address', { type: 'blocking', data: 'Account address\n \n' }],
      ['malformed address', { type: 'blocking', data: 'bob@parley.test@extra\n' }],
      ['not a URL', { type: 'bookmarks', data: 'javascript:alert(1)\n' }],
      ['blank list name', { type: 'lists', data: ',bob@parley.test\n' }],
      ['empty', { type: 'following', data: '' }],
      ['header only', { type: 'muting', data: 'Account address,Hide notifications\n' }],
      ['too many rows', { type: 'blocking', data: 'x@parley.test\n'.repeat(20_001) }],
      ['unknown type', { type: 'friends', data: 'bob@parley.test\n' }],
      ['unknown mode', { type: 'blocking', mode: 'replace', data: 'bob@parley.test\n' }],
      ['no data', { type: 'blocking' }],
      ['data not text', { type: 'blocking', data: 42 }],
    ];
    for (const [why, body] of bad) {
      const res = await victor.post('/api/v1/imports', body);
      expect(res.statusCode, `${why}: ${res.body}`).toBe(422);
      expect(res.json().error, why).toMatch(/^Validation failed: /);
    }
    // Not UTF-8, and larger than 1 MB, as uploaded files.
    for (const [why, bytes] of [
      ['latin-1', Buffer.from([0x62, 0x6f, 0x62, 0xe9, 0x0a])],
      ['too large', Buffer.alloc(1024 * 1024 + 1, 'a')],
    ] as const) {
      const { payload, headers } = multipart([{ name: 'type', value: 'blocking' }, { name: 'data', value: bytes, filename: 'x.csv', contentType: 'text/csv' }]);
      const res = await s.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...headers, authorization: `Bearer ${victor.token}` } });
      expect(res.statusCode, why).toBe(422);
    }
    const rowLine = await victor.post('/api/v1/imports', { type: 'following', data: 'bob@parley.test\n"bad\n' });
    expect(rowLine.json().error).toBe('Validation failed: invalid CSV file: Unclosed quoted field in line 2.');
    expect(await state()).toEqual(before);
    expect((await victor.post('/api/v1/imports', { type: 'blocking', data: 'bob@parley.test\n' }, { headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    expect(await state()).toEqual(before);
  });

  it('runs one import at a time per account', async () => {
    const uma = await s.createUser('uma');
    expect((await importCsv(uma, 'blocking', 'dave@parley.test\n')).statusCode).toBe(202);
    const second = await importCsv(uma, 'muting', 'erin@parley.test\n');
    expect(second.statusCode).toBe(422);
    await s.drainJobs();
    expect((await importCsv(uma, 'muting', 'erin@parley.test\n')).statusCode).toBe(202);
    await s.drainJobs();
  });

  it('overwrite mode undoes what the file leaves out, merge mode keeps it', async () => {
    const olga = await s.createUser('olga');
    for (const u of [bob, carol, erin]) await olga.post(`/api/v1/accounts/${u.id}/follow`);
    await olga.post(`/api/v1/accounts/${dave.id}/block`);
    const list = (await olga.post('/api/v1/lists', { title: 'Old' })).json().id;
    await olga.post(`/api/v1/lists/${list}/accounts`, { account_ids: [erin.id] });
    const keepList = (await olga.post('/api/v1/lists', { title: 'Keep' })).json().id;
    await olga.post(`/api/v1/lists/${keepList}/accounts`, { account_ids: [bob.id, carol.id] });
    await olga.post(`/api/v1/statuses/${ids.bobPost}/bookmark`);
    await s.drainJobs();
    const following = async () => (await olga.get(`/api/v1/accounts/relationships?id[]=${bob.id}&id[]=${carol.id}&id[]=${erin.id}`)).json().map((r: { following: boolean }) => r.following);

    expect((await importCsv(olga, 'following', 'carol@parley.test\n', 'merge')).statusCode).toBe(202);
    await s.drainJobs();
    expect(await following()).toEqual([true, true, true]);

    const over = await importCsv(olga, 'following', 'Account address,Show boosts\ncarol@parley.test,false\n', 'overwrite');
    expect(over.statusCode).toBe(202);
    expect(over.json().mode).toBe('overwrite');
    await s.drainJobs();
    expect(await following()).toEqual([false, true, false]);
    expect((await olga.get(`/api/v1/accounts/relationships?id[]=${carol.id}`)).json()[0].showing_reblogs).toBe(false);
    expect(await csvOf(olga, 'following')).toBe('Account address,Show boosts,Notify on new posts,Languages\ncarol@parley.test,false,false,\n');

    // Lists: "Old" is not in the file and goes; "Keep" keeps carol only; the block stays (another type).
    expect((await importCsv(olga, 'lists', 'Keep,carol@parley.test\n', 'overwrite')).statusCode).toBe(202);
    await s.drainJobs();
    expect(await csvOf(olga, 'lists')).toBe('Keep,carol@parley.test\n');
    expect((await olga.get('/api/v1/lists')).json().map((l: { title: string }) => l.title)).toEqual(['Keep']);
    expect(await csvOf(olga, 'blocks')).toBe('dave@parley.test\n');

    // An overwrite with another server's address only: everything of that kind is undone.
    expect((await importCsv(olga, 'bookmarks', 'https://elsewhere.example/users/x/statuses/1\n', 'overwrite')).statusCode).toBe(202);
    expect((await importCsv(olga, 'blocking', 'nobody@elsewhere.example\n', 'overwrite')).statusCode).toBe(422); // still running
    await s.drainJobs();
    expect(await csvOf(olga, 'bookmarks')).toBe('');
    expect((await importCsv(olga, 'blocking', 'nobody@elsewhere.example\n', 'overwrite')).statusCode).toBe(202);
    await s.drainJobs();
    expect(await csvOf(olga, 'blocks')).toBe('');
  });

  it('needs a write scope to import and the matching read scope to export', async () => {
    const reader = await s.createUser('reader', { scopes: ['read'] });
    expect((await importCsv(reader, 'blocking', 'dave@parley.test\n')).statusCode).toBe(403);
    expect((await reader.get('/api/v1/exports/csv/following')).statusCode).toBe(200);
    const listsOnly = await s.createUser('listsonly', { scopes: ['read:lists'] });
    expect((await listsOnly.get('/api/v1/exports/csv/lists')).statusCode).toBe(200);
    expect((await listsOnly.get('/api/v1/exports/csv/following')).statusCode).toBe(403);
  });
});

describe('erasure', () => {
  it('erases archives (file and row) and imports after seven days, and failed rows a day after they were read', async () => {
    const exportsBefore = await s.ctx.db.selectFrom('account_exports').select(['id', 'storage_key']).execute();
    expect(exportsBefore.length).toBeGreaterThan(0);
    const readImport = await s.ctx.db.selectFrom('account_imports').select('id').where('failures_read_at', 'is not', null).executeTakeFirstOrThrow();
    const failedLeft = () => s.ctx.db.selectFrom('account_import_rows').select('seq').where('import_id', '=', readImport.id).execute();
    expect((await failedLeft()).length).toBe(2);

    offsetMs = DAY + 60_000;
    try {
      await eraseExpiredPortability(s.ctx);
      expect(await failedLeft()).toEqual([]);
      expect(await s.ctx.db.selectFrom('account_exports').select('id').execute()).toHaveLength(exportsBefore.length);
      offsetMs = 8 * DAY + 60_000;
      expect(await eraseExpiredPortability(s.ctx)).toEqual({ exports: exportsBefore.length, imports: expect.any(Number) });
      expect(await s.ctx.db.selectFrom('account_exports').select('id').execute()).toEqual([]);
      expect(await s.ctx.db.selectFrom('account_imports').select('id').execute()).toEqual([]);
      expect(await s.ctx.db.selectFrom('account_import_rows').select('seq').execute()).toEqual([]);
      for (const e of exportsBefore) expect(await s.ctx.media.storage.stat(e.storage_key)).toBeNull();
      expect((await alice.get(`/api/v1/exports/${exportsBefore[0]!.id}/download`)).statusCode).toBe(404);
    } finally {
      offsetMs = 0;
    }
  });

  it("erases a deleted account's archive at the next run", async () => {
    const leaver = await s.createUser('leaver');
    await post(leaver, { status: 'bye' });
    await archiveOf(leaver);
    const row = await s.ctx.db.selectFrom('account_exports').select(['storage_key']).where('account_id', '=', leaver.id).executeTakeFirstOrThrow();
    expect((await leaver.post('/api/v1/accounts/delete', { password: leaver.password })).statusCode).toBe(202);
    await s.drainJobs();
    await eraseExpiredPortability(s.ctx);
    expect(await s.ctx.db.selectFrom('account_exports').select('id').where('account_id', '=', leaver.id).execute()).toEqual([]);
    expect(await s.ctx.media.storage.stat(row.storage_key)).toBeNull();
  });
});
