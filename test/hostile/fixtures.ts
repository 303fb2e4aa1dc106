// A small, real world for hostile requests to land in: three people, and one of most things
// the API names by id (posts, a poll, lists, filters, media, reports, strikes...). Handlers
// given a real id get past their "not found" checks, so the hostile rest of a request reaches
// the code that parses it; another person's real id is the "forged id" an attacker would try.
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { multipart } from '../media/multipart.ts';
import type { TestServer, TestUser } from '../helpers/server.ts';

export interface HostileWorld {
  alice: TestUser;
  bob: TestUser;
  carol: TestUser;
  /** Real ids by kind, for path parameters. */
  ids: Record<FixtureKind, string>;
  /** Ids of things that belong to alice and that bob must not reach (for forged-id cases). */
  alicePrivate: Partial<Record<FixtureKind, string>>;
}

export type FixtureKind =
  | 'account' | 'status' | 'poll' | 'list' | 'filter' | 'filterKeyword' | 'filterStatus' | 'filterV1' | 'media' | 'mediaKey' | 'scheduled' | 'featuredTag'
  | 'notification' | 'groupKey' | 'conversation' | 'report' | 'strike' | 'appeal' | 'domainBlock' | 'domainAllow' | 'ipBlock' | 'emailDomainBlock'
  | 'canonicalEmailBlock' | 'app' | 'tag' | 'username' | 'date';

function ok(res: LightMyRequestResponse, what: string): Record<string, unknown> {
  if (res.statusCode >= 300) throw new Error(`hostile fixtures: ${what} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
}

const idOf = (json: Record<string, unknown>) => String(json.id);
const ADMIN_SCOPES = ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'];

/** Creates the people (once per server). */
export async function createPeople(s: TestServer): Promise<Pick<HostileWorld, 'alice' | 'bob' | 'carol'>> {
  const alice = await s.createUser('alice', { role: 'admin', scopes: ADMIN_SCOPES });
  const bob = await s.createUser('bob');
  const carol = await s.createUser('carol', { locked: true });
  return { alice, bob, carol };
}

let generation = 0;

/**
 * One of each thing, new every call: hostile requests may delete or change what they reach,
 * so each class of cases starts from fresh objects.
 */
export async function createWorld(s: TestServer, people: Pick<HostileWorld, 'alice' | 'bob' | 'carol'>): Promise<HostileWorld> {
  const { alice, bob, carol } = people;
  const n = ++generation;
  await undoEarlierCases(people);
  const status = ok(await alice.post('/api/v1/statuses', { status: `hello #world ${n}`, poll: { options: ['a', 'b'], expires_in: 3600 } }), 'status');
  const secret = ok(await alice.post('/api/v1/statuses', { status: `only for followers ${n}`, visibility: 'private' }), 'private status');
  const mention = ok(await bob.post('/api/v1/statuses', { status: `@alice hi ${n}`, in_reply_to_id: idOf(status) }), 'mention');
  ok(await bob.post('/api/v1/statuses', { status: `@alice a secret ${n}`, visibility: 'direct' }), 'direct message');
  ok(await bob.post(`/api/v1/accounts/${carol.id}/follow`), 'follow request');
  const list = ok(await alice.post('/api/v1/lists', { title: `list ${n}` }), 'list');
  const filter = ok(await alice.post('/api/v2/filters', { title: `filter ${n}`, context: ['home'], keywords_attributes: [{ keyword: `word${n}` }] }), 'filter');
  const filterStatus = ok(await alice.post(`/api/v2/filters/${idOf(filter)}/statuses`, { status_id: idOf(mention) }), 'filter status');
  const filterV1 = ok(await alice.post('/api/v1/filters', { phrase: `phrase${n}`, context: ['home'] }), 'v1 filter');
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const form = multipart([{ name: 'file', value: png, filename: 'x.png', contentType: 'image/png' }]);
  const media = ok(await alice.post('/api/v2/media', form.payload, { headers: form.headers }), 'media');
  const scheduled = ok(await alice.post('/api/v1/statuses', { status: `later ${n}`, scheduled_at: new Date(Date.now() + 3 * 86400_000).toISOString() }), 'scheduled status');
  const featured = ok(await alice.post('/api/v1/featured_tags', { name: `feature${n}` }), 'featured tag');
  const report = ok(await bob.post('/api/v1/reports', { account_id: alice.id, status_ids: [idOf(status)], comment: `report ${n}` }), 'report');
  ok(await alice.post(`/api/v1/admin/accounts/${bob.id}/action`, { type: 'none', text: `warning ${n}` }), 'warning');
  const strikes = (await bob.get('/api/v1/strikes')).json() as Record<string, unknown>[];
  const strike = strikes[0];
  if (!strike) throw new Error('hostile fixtures: the warning made no strike');
  ok(await bob.post(`/api/v1/strikes/${idOf(strike)}/appeal`, { text: `appeal ${n}` }), 'appeal');
  const appeals = (await alice.get('/api/v1/admin/appeals')).json() as Record<string, unknown>[];
  const domainBlock = ok(await alice.post('/api/v1/admin/domain_blocks', { domain: `blocked${n}.example` }), 'domain block');
  const domainAllow = ok(await alice.post('/api/v1/admin/domain_allows', { domain: `allowed${n}.example` }), 'domain allow');
  const ipBlock = ok(await alice.post('/api/v1/admin/ip_blocks', { ip: `203.0.113.${n % 250}/32`, severity: 'sign_up_block' }), 'ip block');
  const emailBlock = ok(await alice.post('/api/v1/admin/email_domain_blocks', { domain: `spam${n}.example` }), 'email domain block');
  const canonicalBlock = ok(await alice.post('/api/v1/admin/canonical_email_blocks', { email: `spammer${n}@example.com` }), 'canonical e-mail block');
  const app = ok(await s.inject({ method: 'POST', url: '/api/v1/apps', payload: { client_name: `app ${n}`, redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' } }), 'app');
  await s.drainJobs();
  const notifications = (await alice.get('/api/v1/notifications')).json() as Record<string, unknown>[];
  const groups = (await alice.get('/api/v2/notifications')).json() as { notification_groups?: Record<string, unknown>[] };
  const conversations = (await alice.get('/api/v1/conversations')).json() as Record<string, unknown>[];
  const mediaUrl = new URL(String(media.url));
  const ids: Record<FixtureKind, string> = {
    account: bob.id,
    status: idOf(status),
    poll: idOf(status.poll as Record<string, unknown>),
    list: idOf(list),
    filter: idOf(filter),
    filterKeyword: idOf((filter.keywords as Record<string, unknown>[])[0]!),
    filterStatus: idOf(filterStatus),
    filterV1: idOf(filterV1),
    media: idOf(media),
    mediaKey: mediaUrl.pathname.split('/').pop()!,
    scheduled: idOf(scheduled),
    featuredTag: idOf(featured),
    notification: idOf(notifications[0] ?? { id: 'none' }),
    groupKey: String(groups.notification_groups?.[0]?.group_key ?? 'none'),
    conversation: idOf(conversations[0] ?? { id: 'none' }),
    report: idOf(report),
    strike: idOf(strike),
    appeal: idOf(appeals[0] ?? { id: 'none' }),
    domainBlock: idOf(domainBlock),
    domainAllow: idOf(domainAllow),
    ipBlock: idOf(ipBlock),
    emailDomainBlock: idOf(emailBlock),
    canonicalEmailBlock: idOf(canonicalBlock),
    app: idOf(app),
    tag: 'world',
    username: 'alice',
    date: '2025-01-01',
  };
  const missing = (['notification', 'groupKey', 'conversation', 'appeal'] as const).filter((k) => ids[k] === 'none');
  if (missing.length) throw new Error(`hostile fixtures: no ${missing.join(', ')} to point at`);
  const alicePrivate = { status: idOf(secret), list: ids.list, filter: ids.filter, filterKeyword: ids.filterKeyword, media: ids.media, scheduled: ids.scheduled, notification: ids.notification, conversation: ids.conversation };
  return { ...people, ids, alicePrivate };
}

/**
 * Puts back what earlier hostile cases legitimately changed (a request with junk in its query
 * still blocks, mutes or filters): otherwise bob's mentions would stop reaching alice.
 */
async function undoEarlierCases({ alice, bob }: Pick<HostileWorld, 'alice' | 'bob'>): Promise<void> {
  for (const [who, other] of [[alice, bob], [bob, alice]] as const) {
    for (const undo of ['unblock', 'unmute']) ok(await who.post(`/api/v1/accounts/${other.id}/${undo}`), undo);
  }
  const accept = { for_not_following: 'accept', for_not_followers: 'accept', for_new_accounts: 'accept', for_private_mentions: 'accept', for_limited_accounts: 'accept' };
  ok(await alice.patch('/api/v2/notifications/policy', accept), 'notification policy');
  // Mastodon allows ten featured tags; each world features one more.
  for (const tag of ok(await alice.get('/api/v1/featured_tags'), 'featured tags') as unknown as Record<string, unknown>[]) {
    ok(await alice.delete(`/api/v1/featured_tags/${idOf(tag)}`), 'unfeature');
  }
}

// Route pattern (the part before the parameter) -> the kind of id it takes.
const ROUTE_KINDS: [RegExp, FixtureKind][] = [
  [/^\/api\/v1\/(admin\/)?accounts\/:id|^\/api\/v1\/follow_requests\/:account_id/, 'account'],
  [/^\/api\/v1\/statuses\/:id\/quotes\/:quoting/, 'status'],
  [/^\/api\/v1\/statuses\/:id/, 'status'],
  [/^\/@:username\/:id/, 'status'],
  [/^\/api\/v1\/polls\/:id/, 'poll'],
  [/^\/api\/v1\/(lists\/:id|timelines\/list\/:list_id)/, 'list'],
  [/^\/api\/v2\/filters\/keywords\/:id/, 'filterKeyword'],
  [/^\/api\/v2\/filters\/statuses\/:id/, 'filterStatus'],
  [/^\/api\/v2\/filters\/:id/, 'filter'],
  [/^\/api\/v1\/filters\/:id/, 'filterV1'],
  [/^\/api\/v1\/media\/:id/, 'media'],
  [/^\/media\/:key/, 'mediaKey'],
  [/^\/api\/v1\/scheduled_statuses\/:id/, 'scheduled'],
  [/^\/api\/v1\/featured_tags\/:id/, 'featuredTag'],
  [/^\/api\/v1\/notifications\/(requests\/)?:id/, 'notification'],
  [/^\/api\/v2\/notifications\/:group_key/, 'groupKey'],
  [/^\/api\/v1\/conversations\/:id/, 'conversation'],
  [/^\/api\/v1\/admin\/reports\/:id/, 'report'],
  [/^\/api\/v1\/strikes\/:id/, 'strike'],
  [/^\/api\/v1\/admin\/appeals\/:id/, 'appeal'],
  [/^\/api\/v1\/admin\/domain_blocks\/:id/, 'domainBlock'],
  [/^\/api\/v1\/admin\/domain_allows\/:id/, 'domainAllow'],
  [/^\/api\/v1\/admin\/ip_blocks\/:id/, 'ipBlock'],
  [/^\/api\/v1\/admin\/email_domain_blocks\/:id/, 'emailDomainBlock'],
  [/^\/api\/v1\/admin\/canonical_email_blocks\/:id/, 'canonicalEmailBlock'],
  [/^\/(api\/v1\/admin\/apps|settings\/applications)\/:id/, 'app'],
  [/^\/api\/v1\/(tags\/:name|timelines\/tag\/:hashtag)/, 'tag'],
  [/^\/api\/v1\/instance\/terms_of_service\/:date/, 'date'],
];

/** The kind of id a route's parameter names: by route where known, else by parameter name. */
export function kindOf(route: string, param: string): FixtureKind {
  if (param === 'username') return 'username';
  const upTo = route.slice(0, route.indexOf(`:${param}`) + param.length + 1);
  for (const [pattern, kind] of ROUTE_KINDS) if (pattern.test(upTo)) return kind;
  return 'account';
}
