// The hostile-case generator: the app's own route table (app.parleyRoutes) crossed with the
// payload classes of payloads.ts, chosen by a seeded generator. Cases are plain data plus a
// function that builds the request against the current fixtures, so the same seed always
// gives the same cases and a failure names the one to replay.
import type { InjectOptions } from 'fastify';
import type { RouteInfo } from '../../src/http/app.ts';
import { multipart } from '../media/multipart.ts';
import { kindOf, type FixtureKind, type HostileWorld } from './fixtures.ts';
import { FIELD_NAMES, MALFORMED_JSON, nestedFields, PATH_VALUES, QUERIES, REDOS, SQL, WRONG_TYPE_VALUES, WRONG_TYPES, XSS } from './payloads.ts';
import type { Rng } from './prng.ts';

export const CASE_CLASSES = [
  'path-traversal', 'forged-id', 'invalid-query', 'xss', 'sql', 'wrong-types', 'oversized', 'deep-nesting', 'malformed-json', 'invalid-utf8', 'content-type',
  'prototype-pollution', 'redos',
] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];

export type Caller = 'alice' | 'bob' | 'anonymous' | 'bad-token';

export interface HostileCase {
  cls: CaseClass;
  /** Short, unique description for failure messages. */
  label: string;
  method: string;
  route: string;
  as: Caller;
  /** The Authorization header a 'bad-token' caller sends. */
  badToken: string;
  build(world: HostileWorld): Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BAD_TOKENS = ["Bearer ' OR 1=1--", `Bearer ${'a'.repeat(10_000)}`, 'Basic YWxpY2U6cGFzc3dvcmQ=', 'Bearer', 'Bearer <script>alert(1)</script>', 'Bearer ../../etc/passwd', 'Bearer \u00ff\u00fe'];
/** Routes whose text goes through src/text/ (tokenizing, rendering, length counting). */
const PARSES_TEXT = new Set(['POST /api/v1/statuses', 'PUT /api/v1/statuses/:id', 'PATCH /api/v1/accounts/update_credentials', 'PUT /api/v1/scheduled_statuses/:id']);
/** 10,000 levels: far beyond any legitimate body, and deep enough to overflow a naive recursive walk. */
const DEPTH = 10_000;

/** Routes every class may call: not websockets, not event streams that stay open by design. */
export function hostileRoutes(routes: readonly RouteInfo[]): RouteInfo[] {
  return routes.filter((r) => !r.websocket && r.method !== 'HEAD' && r.method !== 'OPTIONS' && (!r.url.startsWith('/api/v1/streaming') || r.url === '/api/v1/streaming/health'));
}

const paramsOf = (route: string) => [...route.matchAll(/:([A-Za-z_]+)|\*/g)].map((m) => m[1] ?? '*');

/** The route with every parameter filled by a real id, except `override`, which is used verbatim. */
export function fillRoute(route: string, world: HostileWorld, override?: { param: string; value: string }): string {
  return route.replace(/:([A-Za-z_]+)|\*/g, (_m, name: string | undefined) => {
    const param = name ?? '*';
    if (override && override.param === param) return override.value;
    return param === '*' ? 'index.html' : encodeURIComponent(world.ids[kindOf(route, param)]);
  });
}

function forgedUlid(rng: Rng): string {
  // The shape of a real id (a millisecond timestamp, then 80 random bits) that names nothing.
  let id = `0${ULID_ALPHABET[rng.int(8)]!}`;
  for (let i = 0; i < 24; i++) id += ULID_ALPHABET[rng.int(32)]!;
  return id;
}

/** Rails-style flat parameters (`a[b][]`, `a[0][c]`) from a nested object, for forms and multipart. */
export function flattenParams(value: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => [`${prefix}[]`, String(v)]);
    return value.flatMap((v, i) => flattenParams(v, `${prefix}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flattenParams(v, prefix ? `${prefix}[${k}]` : k));
  }
  return [[prefix, String(value)]];
}

/** Every field name (and every nested slot) set to `value(slot)`. */
function everyField(value: (slot: string) => unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) body[name] = value(name);
  return { ...body, ...nestedFields(value) };
}

/** The fields people write prose into, with nested ones (poll options, profile fields, keywords). */
function textFields(value: () => string): Record<string, unknown> {
  const names = ['status', 'spoiler_text', 'display_name', 'note', 'title', 'phrase', 'comment', 'text', 'description', 'client_name', 'reason', 'public_comment', 'private_comment'];
  return {
    ...Object.fromEntries(names.map((n) => [n, value()])),
    poll: { options: [value(), value()], expires_in: 3600 },
    fields_attributes: [{ name: value(), value: value() }],
    keywords_attributes: [{ keyword: value() }],
  };
}

const SHORT_XSS = XSS.filter((x) => x.length <= 30);

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
const form = (payload: unknown) => ({ payload: new URLSearchParams(flattenParams(payload)).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
function multipartOf(payload: unknown) {
  const { payload: body, headers } = multipart(flattenParams(payload).map(([name, value]) => ({ name, value })));
  return { payload: body, headers };
}

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
}
function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

/** Generates every case for these routes; the same seed and routes give the same cases. */
export function generateCases(routes: readonly RouteInfo[], rng: Rng): HostileCase[] {
  const all = hostileRoutes(routes);
  // Destructive requests last within each class, so they do not remove what others point at.
  const ordered = [...all.filter((r) => r.method !== 'DELETE'), ...all.filter((r) => r.method === 'DELETE')];
  const withParams = ordered.filter((r) => paramsOf(r.url).length > 0);
  const withBody = ordered.filter((r) => BODY_METHODS.has(r.method));
  const cases: HostileCase[] = [];
  const counter = new Map<CaseClass, number>();
  const add = (cls: CaseClass, r: RouteInfo, as: Caller, variant: string, build: HostileCase['build']) => {
    const n = (counter.get(cls) ?? 0) + 1;
    counter.set(cls, n);
    cases.push({ cls, label: `${cls}#${n} ${r.method} ${r.url} (${variant}, as ${as})`, method: r.method, route: r.url, as, badToken: rng.pick(BAD_TOKENS), build });
  };
  const caller = (): Caller => rng.pick(['alice', 'alice', 'alice', 'bob', 'anonymous', 'bad-token'] as const);
  const bodyOf = (r: RouteInfo) => (BODY_METHODS.has(r.method) ? json({ status: 'x' }) : {});

  // Path traversal, NUL, bad encodings, overlong and malformed ids in every path parameter.
  for (const r of withParams) {
    for (const param of paramsOf(r.url)) {
      for (const value of rng.sample(PATH_VALUES, 12)) {
        add('path-traversal', r, caller(), `${param}=${value.slice(0, 40)}`, (w) => ({ method: r.method as 'GET', url: fillRoute(r.url, w, { param, value }), ...bodyOf(r) }));
      }
    }
  }

  // Ids that look right but are not: random ULIDs, ids of another kind, bad alphabets, and
  // alice's private things asked for by bob.
  for (const r of withParams) {
    const param = paramsOf(r.url).at(-1)!;
    const kind = kindOf(r.url, param);
    const [randomA, randomB, badAlphabet] = [forgedUlid(rng), forgedUlid(rng), `01ILOU${forgedUlid(rng).slice(6)}`];
    const forged: [string, Caller, (w: HostileWorld) => string][] = [
      ['random ULID', caller(), () => randomA],
      ['random ULID', caller(), () => randomB],
      ['id of another kind', 'alice', (w) => (kind === 'status' ? w.ids.list : w.ids.status)],
      ['lower-case ULID', 'alice', (w) => w.ids[kind].toLowerCase()],
      ['ULID with I, L, O, U', 'alice', () => badAlphabet],
      ['27-character ULID', 'alice', (w) => `${w.ids[kind]}0`],
    ];
    if (['status', 'list', 'filter', 'filterKeyword', 'media', 'scheduled', 'notification', 'conversation'].includes(kind)) {
      forged.push(["alice's private id", 'bob', (w) => w.alicePrivate[kind as FixtureKind] ?? w.ids[kind]]);
    }
    for (const [variant, as, value] of forged) {
      add('forged-id', r, as, variant, (w) => ({ method: r.method as 'GET', url: fillRoute(r.url, w, { param, value: encodeURIComponent(value(w)) }), ...bodyOf(r) }));
    }
  }

  // Invalid pagination and other query junk: many per read route, a few per write route.
  for (const r of ordered) {
    for (const query of rng.sample(QUERIES, r.method === 'GET' ? 10 : 2)) {
      add('invalid-query', r, caller(), query.slice(0, 50), (w) => ({ method: r.method as 'GET', url: `${fillRoute(r.url, w)}?${query}`, ...bodyOf(r) }));
    }
    if (r.method === 'GET') {
      const redos = rng.pick(REDOS).slice(0, 6000);
      add('redos', r, caller(), `q=${JSON.stringify(redos.slice(0, 12))}…`, (w) => ({ method: 'GET', url: `${fillRoute(r.url, w)}?q=${encodeURIComponent(redos)}&acct=${encodeURIComponent(redos)}&resource=${encodeURIComponent(redos)}` }));
    }
  }

  for (const r of withBody) {
    const url = (w: HostileWorld) => fillRoute(r.url, w);
    const m = r.method as 'POST';
    // Script in every text field, as JSON, form and multipart.
    const xss = everyField(() => rng.pick(XSS));
    add('xss', r, 'alice', 'JSON', (w) => ({ method: m, url: url(w), ...json(xss) }));
    add('xss', r, 'alice', 'form', (w) => ({ method: m, url: url(w), ...form(xss) }));
    add('xss', r, caller(), 'multipart', (w) => ({ method: m, url: url(w), ...multipartOf(xss) }));
    // Only the free-text fields, with payloads short enough for every length limit, so the
    // script reaches storage wherever the route stores text.
    const text = textFields(() => rng.pick(SHORT_XSS));
    add('xss', r, 'alice', 'text fields, JSON', (w) => ({ method: m, url: url(w), ...json(text) }));
    add('xss', r, 'alice', 'text fields, multipart', (w) => ({ method: m, url: url(w), ...multipartOf(text) }));
    const sql = everyField(() => rng.pick(SQL));
    add('sql', r, 'alice', 'JSON', (w) => ({ method: m, url: url(w), ...json(sql) }));
    add('sql', r, caller(), 'form', (w) => ({ method: m, url: url(w), ...form(sql) }));
    const wrong = everyField(() => rng.pick(WRONG_TYPE_VALUES));
    add('wrong-types', r, 'alice', 'JSON', (w) => ({ method: m, url: url(w), ...json(wrong) }));
    const scalars = everyField(() => rng.pick(['1', '-1', 'true', 'null', '[]', '{}', '', ' ']));
    add('wrong-types', r, caller(), 'form scalars', (w) => ({ method: m, url: url(w), ...form({ ...scalars, 'status[x]': 'y', 'poll[options]': 'not-a-list' }) }));

    // Just under the 1 MB body limit in one field (the parser and validator must stay fast),
    // and past it (a 413, not a crash).
    const field = rng.pick(['status', 'status', 'note', 'title', 'description', 'comment', 'q', 'text', 'display_name', 'keyword']);
    add('oversized', r, 'alice', `1 MB ${field}`, (w) => ({ method: m, url: url(w), ...json({ [field]: 'a'.repeat(1_040_000) }) }));
    add('oversized', r, caller(), '2 MB JSON', (w) => ({ method: m, url: url(w), ...json({ status: 'b'.repeat(2_000_000) }) }));
    add('oversized', r, caller(), '1 MB form', (w) => ({ method: m, url: url(w), ...form({ [field]: 'c'.repeat(1_000_000) }) }));
    add('oversized', r, caller(), 'multipart 300 fields', (w) => ({ method: m, url: url(w), ...multipartOf(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, 'x'.repeat(3000)]))) }));

    // 10,000 levels of nesting, in a field and as the whole body, and in form keys.
    add('deep-nesting', r, 'alice', 'array in a field', (w) => ({ method: m, url: url(w), payload: `{"status":${deepArray(DEPTH)},"poll":{"options":${deepArray(DEPTH)}}}`, headers: { 'content-type': 'application/json' } }));
    add('deep-nesting', r, caller(), 'object body', (w) => ({ method: m, url: url(w), payload: deepObject(DEPTH), headers: { 'content-type': 'application/json' } }));
    add('deep-nesting', r, caller(), 'form keys', (w) => ({ method: m, url: url(w), payload: `status${'[a]'.repeat(DEPTH)}=x&poll${'[]'.repeat(DEPTH)}=y`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));

    for (const bad of rng.sample(MALFORMED_JSON, 2)) {
      add('malformed-json', r, caller(), JSON.stringify(bad.slice(0, 30)), (w) => ({ method: m, url: url(w), payload: bad, headers: { 'content-type': 'application/json' } }));
    }

    // Bytes that are not UTF-8 (overlong, lone surrogate halves, 0xFF) in each body format.
    const invalid = Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0xe0, 0xa4]);
    const withBytes = (before: string, after: string) => Buffer.concat([Buffer.from(before), invalid, Buffer.from(after)]);
    add('invalid-utf8', r, 'alice', 'JSON', (w) => ({ method: m, url: url(w), payload: withBytes('{"status":"', '","title":"x"}'), headers: { 'content-type': 'application/json' } }));
    add('invalid-utf8', r, caller(), 'form', (w) => ({ method: m, url: url(w), payload: withBytes('status=', '&title=%C0%AF%ED%A0%80'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    add('invalid-utf8', r, caller(), 'multipart', (w) => {
      const { payload, headers } = multipart([{ name: 'status', value: withBytes('a', 'b') }, { name: `ti${invalid.toString('latin1')}tle`, value: 'x' }]);
      return { method: m, url: url(w), payload, headers };
    });

    for (const type of rng.sample(WRONG_TYPES, 2)) {
      const payload = rng.pick(['{"status":"x"}', 'status=x', '<status>x</status>', '--x\r\n\r\n']);
      add('content-type', r, caller(), `${type.slice(0, 40)}: ${JSON.stringify(payload)}`, (w) => ({ method: m, url: url(w), payload, headers: { 'content-type': type } }));
    }
    add('content-type', r, 'alice', 'multipart, broken boundary', (w) => ({
      method: m,
      url: url(w),
      payload: '--abc\r\nContent-Disposition: form-data; name="status"\r\n\r\nunterminated',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    }));

    // __proto__ and constructor keys: must neither change objects nor crash a handler.
    const pollution = '{"__proto__":{"polluted":"yes","role":"admin","admin":true},"constructor":{"prototype":{"polluted":"yes"}},"status":"x","prototype":{"x":1}}';
    add('prototype-pollution', r, 'alice', 'JSON', (w) => ({ method: m, url: url(w), payload: pollution, headers: { 'content-type': 'application/json' } }));
    add('prototype-pollution', r, caller(), 'form', (w) => ({ method: m, url: url(w), payload: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&status[__proto__][x]=1&__proto__=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    add('prototype-pollution', r, caller(), 'multipart', (w) => ({ method: m, url: url(w), ...multipartOf({ '__proto__[polluted]': 'yes', 'constructor[prototype][polluted]': 'yes', 'fields_attributes[__proto__][name]': 'x' }) }));

    // Worst cases for the text parsers, in the fields that reach them (under the body limit):
    // every one of them where text is parsed, one at random elsewhere.
    for (const redos of PARSES_TEXT.has(`${r.method} ${r.url}`) ? REDOS : [rng.pick(REDOS)]) {
      const redosBody = Object.fromEntries(['status', 'note', 'title', 'q', 'comment', 'text', 'keyword', 'description'].map((f) => [f, redos]));
      add('redos', r, 'alice', JSON.stringify(redos.slice(0, 12)), (w) => ({ method: m, url: url(w), ...json(redosBody) }));
      add('redos', r, 'alice', `status only: ${JSON.stringify(redos.slice(0, 12))}`, (w) => ({ method: m, url: url(w), ...json({ status: redos }) }));
    }
  }
  return cases;
}

/** The Authorization header of a case's caller. */
export function authHeader(c: HostileCase, world: HostileWorld): Record<string, string> {
  if (c.as === 'anonymous') return {};
  if (c.as === 'bad-token') return { authorization: c.badToken };
  return { authorization: `Bearer ${world[c.as].token}` };
}
