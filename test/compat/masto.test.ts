// masto.js, used as a black box against the real listening server: a new user's whole journey,
// from registering an app to receiving streamed events. Nothing here reaches into the database
// except to read what a step must verify; the server's jobs are drained where a real worker
// would have run them.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, MastoHttpError, type mastodon } from 'masto';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { cookieFetch, createListeningServer, formFields } from '../helpers/listening-server.ts';

let s: TestServer;
let base: string;
let app: mastodon.v1.Client;
let alice: mastodon.rest.Client; // logs in with the password grant
let aliceId: string;
let aliceToken: string;
let bob: mastodon.rest.Client; // signs up through the API
let bobId: string;
let bobToken: string;
let carol: TestUser; // a locked account, created as a fixture
let dave: TestUser;

const REDIRECT = 'http://127.0.0.1:9/callback';
const rest = (accessToken: string) => createRestAPIClient({ url: base, accessToken });

async function collect<T>(paginator: AsyncIterable<T[]>, max = 20): Promise<T[]> {
  const out: T[] = [];
  let pages = 0;
  for await (const page of paginator) {
    out.push(...page);
    if (++pages >= max) break;
  }
  return out;
}

beforeAll(async () => {
  ({ s, base } = await createListeningServer());
  await s.createUser('alice');
  carol = await s.createUser('carol', { locked: true });
  dave = await s.createUser('dave');
});
afterAll(() => s?.close());

describe('masto.js: apps and OAuth', () => {
  it('registers an app', async () => {
    const anon = createRestAPIClient({ url: base });
    app = await anon.v1.apps.create({ clientName: 'masto.js compat', redirectUris: ['urn:ietf:wg:oauth:2.0:oob', REDIRECT], scopes: 'read write follow push', website: 'https://masto.example' });
    expect(app.name).toBe('masto.js compat');
    expect(app.clientId).toBeTruthy();
    expect(app.clientSecret).toBeTruthy();
    expect(app.redirectUris).toEqual(['urn:ietf:wg:oauth:2.0:oob', REDIRECT]);
    expect(app.scopes).toEqual(['read', 'write', 'follow', 'push']);
  });

  it('logs in with the password grant', async () => {
    const oauth = createOAuthAPIClient({ url: base });
    const token = await oauth.token.create({
      grantType: 'password', clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
      scope: 'read write follow push', username: 'alice@example.com', password: 'alice-password-1',
    });
    expect(token.tokenType).toBe('Bearer');
    expect(token.scope).toBe('read write follow push');
    aliceToken = token.accessToken;
    alice = rest(aliceToken);
    const me = await alice.v1.accounts.verifyCredentials();
    expect(me.username).toBe('alice');
    aliceId = me.id;
    // A wrong password is a 400 invalid_grant the library turns into an error.
    const bad = oauth.token.create({ grantType: 'password', clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: 'urn:ietf:wg:oauth:2.0:oob', username: 'alice@example.com', password: 'wrong' });
    await expect(bad).rejects.toBeInstanceOf(MastoHttpError);
    await expect(bad).rejects.toMatchObject({ statusCode: 400, message: 'invalid_grant' });
  });

  it('logs in through the browser with the authorization code flow and PKCE', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const browser = cookieFetch(base);
    const authorize = `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: app.clientId!, redirect_uri: REDIRECT, scope: 'read write', state: 'st4te', code_challenge: challenge, code_challenge_method: 'S256' })}`;

    const toSignIn = await browser(authorize);
    expect(toSignIn.status).toBe(302);
    const signInPage = await browser(toSignIn.headers.get('location')!);
    expect(signInPage.status).toBe(200);
    const signInForm = formFields(await signInPage.text(), '/auth/sign_in');
    expect(signInForm.csrf_token).toBeTruthy();
    const signedIn = await browser('/auth/sign_in', { form: { ...signInForm, login: 'dave', password: dave.password } });
    expect(signedIn.status).toBe(303);
    const back = signedIn.headers.get('location')!;
    expect(back.startsWith('/oauth/authorize?')).toBe(true);

    const consent = await browser(back);
    expect(consent.status).toBe(200);
    const html = await consent.text();
    expect(html).toContain('masto.js compat');
    const fields = formFields(html, '/oauth/authorize');
    expect(fields).toMatchObject({ client_id: app.clientId, redirect_uri: REDIRECT, scope: 'read write', state: 'st4te', code_challenge: challenge });
    const approved = await browser('/oauth/authorize', { form: { ...fields, decision: 'approve' } });
    expect(approved.status).toBe(302);
    const target = new URL(approved.headers.get('location')!);
    expect(target.origin + target.pathname).toBe(REDIRECT);
    expect(target.searchParams.get('state')).toBe('st4te');
    const code = target.searchParams.get('code')!;

    const oauth = createOAuthAPIClient({ url: base });
    const exchange = (codeVerifier: string) =>
      oauth.token.create({ grantType: 'authorization_code', clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: REDIRECT, code, codeVerifier } as mastodon.oauth.CreateTokenParams);
    await expect(exchange('not-the-verifier')).rejects.toMatchObject({ statusCode: 400 });
    const token = await exchange(verifier);
    expect(token.scope).toBe('read write');
    const me = await rest(token.accessToken).v1.accounts.verifyCredentials();
    expect(me.username).toBe('dave');
    // The code is spent.
    await expect(exchange(verifier)).rejects.toMatchObject({ statusCode: 400 });
    // And the token can be revoked through the library.
    await oauth.revoke({ clientId: app.clientId!, clientSecret: app.clientSecret!, token: token.accessToken });
    await expect(rest(token.accessToken).v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('signs up a second user with a client_credentials token', async () => {
    const oauth = createOAuthAPIClient({ url: base });
    const appToken = await oauth.token.create({ grantType: 'client_credentials', clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: 'urn:ietf:wg:oauth:2.0:oob', scope: 'read write follow push' });
    const anonApp = rest(appToken.accessToken);
    expect((await anonApp.v1.apps.verifyCredentials()).name).toBe('masto.js compat');
    const token = await anonApp.v1.accounts.create({ username: 'bob', email: 'bob@example.com', password: 'bob has a long password', agreement: true, locale: 'en' });
    expect(token.accessToken).toBeTruthy();
    bobToken = token.accessToken;
    bob = rest(bobToken);
    const me = await bob.v1.accounts.verifyCredentials();
    expect(me.username).toBe('bob');
    expect(me.acct).toBe('bob');
    bobId = me.id;
    // Taken names are a 422 with details.
    await expect(anonApp.v1.accounts.create({ username: 'bob', email: 'bob2@example.com', password: 'bob has a long password', agreement: true, locale: 'en' }))
      .rejects.toMatchObject({ statusCode: 422 });
  });
});

describe('masto.js: accounts and statuses', () => {
  it('updates credentials (multipart, with profile fields)', async () => {
    const updated = await alice.v1.accounts.updateCredentials({
      displayName: 'Alice A.', note: 'Hello, I am #alice', locked: false, bot: false,
      source: { privacy: 'public', language: 'en' },
      fieldsAttributes: [{ name: 'Site', value: 'https://alice.example' }, { name: 'Pronouns', value: 'she/her' }],
    });
    expect(updated.displayName).toBe('Alice A.');
    expect(updated.note).toContain('#');
    expect(updated.source.note).toBe('Hello, I am #alice');
    expect(updated.source.fields.map((f) => [f.name, f.value])).toEqual([['Site', 'https://alice.example'], ['Pronouns', 'she/her']]);
    expect(updated.fields.map((f) => f.name)).toEqual(['Site', 'Pronouns']);
    expect((await alice.v1.accounts.verifyCredentials()).displayName).toBe('Alice A.');
  });

  let first: mastodon.v1.Status;
  let reply: mastodon.v1.Status;

  it('posts, replies and quotes', async () => {
    first = await alice.v1.statuses.create({ status: 'Hello from masto.js #compat', visibility: 'public', language: 'en' });
    expect(first.content).toContain('Hello from masto.js');
    expect(first.tags.map((t) => t.name)).toEqual(['compat']);
    expect(first.account.id).toBe(aliceId);
    expect(first.application?.name).toBe('masto.js compat');

    reply = await bob.v1.statuses.create({ status: '@alice hi back', inReplyToId: first.id });
    expect(reply.inReplyToId).toBe(first.id);
    expect(reply.inReplyToAccountId).toBe(aliceId);
    expect(reply.mentions.map((m) => m.acct)).toEqual(['alice']);

    const quote = await bob.v1.statuses.create({ status: 'Look at this', quotedStatusId: first.id });
    expect(quote.quote).toBeTruthy();
    expect(quote.quote!.state).toBe('accepted');
    expect((quote.quote as mastodon.v1.Quote).quotedStatus?.id).toBe(first.id);
    await s.drainJobs();

    const context = await alice.v1.statuses.$select(first.id).context.fetch();
    expect(context.descendants.map((d) => d.id)).toEqual([reply.id]);
    const quotes = await alice.v1.statuses.$select(first.id).quotes.list();
    expect(quotes.map((q) => q.id)).toEqual([quote.id]);
  });

  it('favourites, reblogs and bookmarks', async () => {
    const fav = await bob.v1.statuses.$select(first.id).favourite();
    expect(fav.favourited).toBe(true);
    expect(fav.favouritesCount).toBe(1);
    const boost = await bob.v1.statuses.$select(first.id).reblog();
    expect(boost.reblog?.id).toBe(first.id);
    expect(boost.reblog?.reblogged).toBe(true);
    const marked = await bob.v1.statuses.$select(first.id).bookmark();
    expect(marked.bookmarked).toBe(true);
    expect((await bob.v1.bookmarks.list()).map((b) => b.id)).toEqual([first.id]);
    expect((await bob.v1.favourites.list()).map((b) => b.id)).toEqual([first.id]);
    const favBy = await alice.v1.statuses.$select(first.id).favouritedBy.list();
    expect(favBy.map((a) => a.id)).toEqual([bobId]);
    const seen = await alice.v1.statuses.$select(first.id).fetch();
    expect(seen.favouritesCount).toBe(1);
    expect(seen.reblogsCount).toBe(1);
    expect(seen.favourited).toBe(false);
  });

  it('creates a poll and votes on it', async () => {
    const poll = await alice.v1.statuses.create({ status: 'Tea or coffee?', poll: { options: ['tea', 'coffee', 'water'], expiresIn: 3600, multiple: true } });
    expect(poll.poll?.options.map((o) => o.title)).toEqual(['tea', 'coffee', 'water']);
    expect(poll.poll?.multiple).toBe(true);
    const voted = await bob.v1.polls.$select(poll.poll!.id).votes.create({ choices: [0, 2] });
    expect(voted.voted).toBe(true);
    expect(voted.ownVotes).toEqual([0, 2]);
    expect(voted.votesCount).toBe(2);
    expect(voted.votersCount).toBe(1);
    expect(voted.options.map((o) => o.votesCount)).toEqual([1, 0, 1]);
    // As in Mastodon, the author counts as having voted in their own poll.
    const again = await alice.v1.polls.$select(poll.poll!.id).fetch();
    expect(again.voted).toBe(true);
    expect(again.ownVotes).toEqual([]);
    expect(again.votesCount).toBe(2);
    await expect(bob.v1.polls.$select(poll.poll!.id).votes.create({ choices: [1] })).rejects.toMatchObject({ statusCode: 422 });
  });

  it('edits a status, keeping its history, and deletes one', async () => {
    const post = await alice.v1.statuses.create({ status: 'Frist post', spoilerText: '' });
    const edited = await alice.v1.statuses.$select(post.id).update({ status: 'First post', spoilerText: 'typo fixed', sensitive: true });
    expect(edited.id).toBe(post.id);
    expect(edited.editedAt).toBeTruthy();
    expect(edited.content).toContain('First post');
    expect(edited.spoilerText).toBe('typo fixed');
    const history = await alice.v1.statuses.$select(post.id).history.list();
    expect(history.map((h) => h.content)).toEqual([expect.stringContaining('Frist post'), expect.stringContaining('First post')]);
    const source = await alice.v1.statuses.$select(post.id).source.fetch();
    expect(source.text).toBe('First post');

    const deleted = await alice.v1.statuses.$select(post.id).remove();
    expect(deleted.id).toBe(post.id);
    expect(deleted.text).toBe('First post');
    await expect(alice.v1.statuses.$select(post.id).fetch()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('masto.js: the social graph and timelines', () => {
  it('follows an open account and asks to follow a locked one', async () => {
    const rel = await bob.v1.accounts.$select(aliceId).follow();
    expect(rel.following).toBe(true);
    const asked = await bob.v1.accounts.$select(carol.id).follow();
    expect(asked.following).toBe(false);
    expect(asked.requested).toBe(true);

    const asCarol = rest(carol.token);
    const requests = await asCarol.v1.followRequests.list();
    expect(requests.map((a) => a.id)).toEqual([bobId]);
    const accepted = await asCarol.v1.followRequests.$select(bobId).authorize();
    expect(accepted.followedBy).toBe(true);

    const rels = await bob.v1.accounts.relationships.fetch({ id: [aliceId, carol.id, dave.id] });
    expect(rels.map((r) => [r.id, r.following, r.requested])).toEqual([[aliceId, true, false], [carol.id, true, false], [dave.id, false, false]]);
    const many = await bob.v1.accounts.fetch({ id: [carol.id, aliceId] });
    expect(many.map((a) => a.username)).toEqual(['carol', 'alice']);
    const followers = await alice.v1.accounts.$select(aliceId).followers.list();
    expect(followers.map((a) => a.id)).toEqual([bobId]);
  });

  it('reads home, public, tag and list timelines, paging through Link headers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await alice.v1.statuses.create({ status: `Numbered post ${i} #paging` })).id);
    await s.drainJobs();

    const home = await bob.v1.timelines.home.list({ limit: 3 });
    expect(home).toHaveLength(3);
    expect(home.map((st) => st.id)).toEqual(ids.slice(-3).reverse());

    // The paginator follows rel="next" until the server stops giving one.
    const tagged = await collect(bob.v1.timelines.tag.$select('paging').list({ limit: 2 }));
    expect(tagged.map((st) => st.id)).toEqual([...ids].reverse());
    const pub = await collect(bob.v1.timelines.public.list({ limit: 4, local: true }));
    expect(pub.map((st) => st.id).slice(0, 7)).toEqual([...ids].reverse());
    expect(new Set(pub.map((st) => st.id)).size).toBe(pub.length);
    // And rel="prev" the other way: nothing is newer than the newest.
    const newer = bob.v1.timelines.home.list({ limit: 2, sinceId: ids[4] });
    expect((await newer).map((st) => st.id)).toEqual([ids[6], ids[5]]);

    const list = await bob.v1.lists.create({ title: 'Friends', exclusive: false });
    expect(list.title).toBe('Friends');
    await bob.v1.lists.$select(list.id).accounts.create({ accountIds: [aliceId] });
    expect((await bob.v1.lists.$select(list.id).accounts.list()).map((a) => a.id)).toEqual([aliceId]);
    const listed = await alice.v1.statuses.create({ status: 'For the list' });
    await s.drainJobs();
    const listTimeline = await bob.v1.timelines.list.$select(list.id).list({ limit: 1 });
    expect(listTimeline.map((st) => st.id)).toEqual([listed.id]);
  });

  it('pages backwards with rel="prev", and through grouped notifications', async () => {
    const tagged = await collect(bob.v1.timelines.tag.$select('paging').list({ limit: 2 }));
    const ids = tagged.map((st) => st.id).reverse(); // oldest first
    const pages: string[][] = [];
    for await (const page of bob.v1.timelines.tag.$select('paging').list({ limit: 2, maxId: ids[2] }).setDirection('prev')) {
      pages.push(page.map((st) => st.id));
      if (pages.length > 10) break;
    }
    // As Mastodon does, the last non-empty page still links to newer posts; the empty page after it does not.
    expect(pages).toEqual([[ids[1], ids[0]], [ids[3], ids[2]], [ids[5], ids[4]], [ids[6]], []]);

    const byAccount = await alice.v1.accounts.$select(bobId).statuses.list({ excludeReplies: true, limit: 40 });
    expect(byAccount.some((st) => st.inReplyToId)).toBe(false);
    expect(byAccount.length).toBeGreaterThan(0);
    const withReplies = await alice.v1.accounts.$select(bobId).statuses.list({ excludeReplies: false, limit: 40 });
    expect(withReplies.some((st) => st.inReplyToId)).toBe(true);
    expect((await bob.v1.accounts.lookup({ acct: 'alice' })).id).toBe(aliceId);
  });

  it('searches', async () => {
    const found = await bob.v2.search.list({ q: 'alice', type: 'accounts' });
    expect(found.accounts.map((a) => a.username)).toContain('alice');
    const tags = await bob.v2.search.list({ q: '#paging' });
    expect(tags.hashtags.map((t) => t.name)).toContain('paging');
  });

  it('reads instance information, v1 and v2', async () => {
    const v1 = await bob.v1.instance.fetch();
    expect(v1.uri).toBe(new URL(base).host);
    expect(v1.urls.streamingApi).toBe(base.replace('http', 'ws'));
    expect(v1.configuration.statuses.maxCharacters).toBeGreaterThan(0);
    const v2 = await bob.v2.instance.fetch();
    expect(v2.domain).toBe(new URL(base).host);
    expect(v2.configuration.urls.streaming).toBe(base.replace('http', 'ws'));
    expect(typeof v2.registrations.enabled).toBe('boolean');
  });
});

describe('masto.js: notifications, markers and conversations', () => {
  it('lists notifications (v1 and grouped v2) and sets markers', async () => {
    await s.drainJobs();
    const all = await alice.v1.notifications.list({ limit: 30 });
    const types = new Set(all.map((n) => n.type));
    for (const t of ['follow', 'favourite', 'reblog', 'mention', 'quote'] as const) expect(types).toContain(t);
    const favourites = await alice.v1.notifications.list({ types: ['favourite'] });
    expect(favourites.map((n) => n.type)).toEqual(['favourite']);
    expect(favourites[0]!.account.id).toBe(bobId);
    const noMentions = await alice.v1.notifications.list({ excludeTypes: ['mention', 'quote'] });
    expect(noMentions.some((n) => n.type === 'mention' || n.type === 'quote')).toBe(false);

    const grouped = await alice.v2.notifications.list({ limit: 30 });
    expect(grouped.notificationGroups.length).toBeGreaterThan(0);
    const favGroup = grouped.notificationGroups.find((g) => (g.type as string) === 'favourite')!;
    expect(favGroup.sampleAccountIds).toEqual([bobId]);
    expect(grouped.accounts.map((a) => a.id)).toContain(bobId);
    expect(grouped.statuses.length).toBeGreaterThan(0);
    const unread = await alice.v2.notifications.unreadCount.fetch();
    expect(unread.count).toBeGreaterThan(0);

    const newest = all[0]!.id;
    const set = await alice.v1.markers.create({ notifications: { lastReadId: newest } });
    expect(set.notifications?.lastReadId).toBe(newest);
    const read = await alice.v1.markers.fetch({ timeline: ['notifications', 'home'] });
    expect(read.notifications?.lastReadId).toBe(newest);
    expect(read.notifications?.version).toBeGreaterThan(0);
  });

  it('pages through grouped notifications and dismisses one', async () => {
    const keys: string[] = [];
    let pages = 0;
    for await (const page of alice.v2.notifications.list({ limit: 2 })) {
      expect(page.notificationGroups.length).toBeLessThanOrEqual(2);
      keys.push(...page.notificationGroups.map((g) => g.groupKey));
      if (++pages > 20) break;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(keys).size).toBe(keys.length);
    const ungrouped = await alice.v2.notifications.list({ limit: 40 });
    expect(keys).toEqual(ungrouped.notificationGroups.map((g) => g.groupKey));

    const [latest] = await alice.v1.notifications.list({ limit: 1 });
    expect((await alice.v1.notifications.$select(latest!.id).fetch()).id).toBe(latest!.id);
    await alice.v1.notifications.$select(latest!.id).dismiss();
    await expect(alice.v1.notifications.$select(latest!.id).fetch()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('undoes favourites, reblogs, bookmarks and follows', async () => {
    const post = await alice.v1.statuses.create({ status: 'Undo me' });
    await bob.v1.statuses.$select(post.id).favourite();
    await bob.v1.statuses.$select(post.id).reblog({ visibility: 'unlisted' });
    await bob.v1.statuses.$select(post.id).bookmark();
    expect((await bob.v1.statuses.$select(post.id).unfavourite()).favourited).toBe(false);
    const unboosted = await bob.v1.statuses.$select(post.id).unreblog();
    expect(unboosted.id).toBe(post.id);
    expect(unboosted.reblogged).toBe(false);
    expect((await bob.v1.statuses.$select(post.id).unbookmark()).bookmarked).toBe(false);
    const daveClient = rest(dave.token);
    expect((await daveClient.v1.accounts.$select(aliceId).follow()).following).toBe(true);
    const changed = await daveClient.v1.accounts.$select(aliceId).follow({ reblogs: false, notify: true, languages: ['en', 'de'] });
    expect(changed).toMatchObject({ following: true, showingReblogs: false, notifying: true, languages: ['en', 'de'] });
    expect((await daveClient.v1.accounts.$select(aliceId).unfollow()).following).toBe(false);
  });

  it('sends direct messages into a conversation', async () => {
    const dm = await bob.v1.statuses.create({ status: '@alice psst, a secret', visibility: 'direct' });
    expect(dm.visibility).toBe('direct');
    await s.drainJobs();
    const conversations = await alice.v1.conversations.list();
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.lastStatus?.id).toBe(dm.id);
    expect(conversations[0]!.accounts.map((a) => a.id)).toEqual([bobId]);
    expect(conversations[0]!.unread).toBe(true);
    const read = await alice.v1.conversations.$select(conversations[0]!.id).read();
    expect(read.unread).toBe(false);
    // Not on the public timeline.
    const pub = await rest(dave.token).v1.timelines.public.list({ limit: 40 });
    expect(pub.map((st) => st.id)).not.toContain(dm.id);
  });
});

describe('masto.js: streaming', () => {
  it('receives updates, notifications and deletions over the WebSocket', async () => {
    const instance = await alice.v1.instance.fetch();
    const streaming = createStreamingAPIClient({ streamingApiUrl: instance.urls.streamingApi, accessToken: bobToken, retry: false });
    const alicesStream = createStreamingAPIClient({ streamingApiUrl: instance.urls.streamingApi, accessToken: aliceToken, retry: false });
    try {
      const userEvents = streaming.user.subscribe();
      const publicEvents = streaming.public.subscribe();
      const notifications = alicesStream.user.notification.subscribe();
      const nextOf = (sub: mastodon.streaming.Subscription, pred: (e: mastodon.streaming.Event) => boolean) => {
        const found = (async () => {
          for await (const e of sub) if (pred(e)) return e;
          throw new Error('stream ended');
        })();
        found.catch(() => {}); // closing the client at the end rejects whatever is still waiting
        return found;
      };
      await streaming.prepare();
      await alicesStream.prepare();
      // Subscriptions are sent when iteration starts; give the server a moment to register them.
      const gotHome = nextOf(userEvents, (e) => e.event === 'update');
      const gotPublic = nextOf(publicEvents, (e) => e.event === 'update');
      const gotNotification = nextOf(notifications, (e) => e.event === 'notification');
      const gotTagged = nextOf(streaming.hashtag.subscribe({ tag: 'live' }), (e) => e.event === 'update');
      await new Promise((r) => setTimeout(r, 200));

      const post = await alice.v1.statuses.create({ status: 'Live from the stream #live' });
      await bob.v1.statuses.$select(post.id).favourite();
      await s.drainJobs();

      const [home, pub, note, tagged] = await Promise.all([withTimeout(gotHome), withTimeout(gotPublic), withTimeout(gotNotification), withTimeout(gotTagged)]);
      expect(home.stream).toEqual(['user']);
      expect(home.event === 'update' && home.payload.id).toBe(post.id);
      expect(home.event === 'update' && home.payload.content).toContain('Live from the stream');
      expect(pub.stream).toEqual(['public']);
      expect(pub.event === 'update' && pub.payload.id).toBe(post.id);
      expect(tagged.stream).toEqual(['hashtag', 'live']);
      expect(tagged.event === 'update' && tagged.payload.id).toBe(post.id);
      expect(note.event).toBe('notification');
      if (note.event === 'notification') {
        expect(note.payload.type).toBe('favourite');
        expect(note.payload.account.id).toBe(bobId);
        expect(note.payload.type === 'favourite' && note.payload.status.id).toBe(post.id);
      }

      // A deletion arrives as the bare id, not as JSON.
      const gotDelete = nextOf(streaming.public.subscribe(), (e) => e.event === 'delete');
      await new Promise((r) => setTimeout(r, 200));
      await alice.v1.statuses.$select(post.id).remove();
      await s.drainJobs();
      const deleted = await withTimeout(gotDelete);
      expect(deleted).toEqual({ stream: ['public'], event: 'delete', payload: post.id });
    } finally {
      streaming.close();
      alicesStream.close();
    }
  });
});

async function withTimeout<T>(p: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timed out waiting for a stream event')), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}
