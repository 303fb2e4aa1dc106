// The hostile-input suite (issue 6): thousands of generated requests across every route of the
// app and every class of bad input (path traversal, forged ids, invalid pagination, script,
// SQL metacharacters, wrong types, oversized and 10,000-deep bodies, malformed JSON and UTF-8,
// wrong content types, prototype-pollution keys, regex worst cases). Every answer must be
// below 500 and within a second, and the server must still answer its health check after each.
// The cases are deterministic: a failure prints HOSTILE_SEED=<n>, which replays the same run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { CASE_CLASSES, generateCases, hostileRoutes, type HostileCase } from './cases.ts';
import { createPeople, createWorld, type HostileWorld } from './fixtures.ts';
import { createRng, hostileSeed } from './prng.ts';
import { runCases, TIME_LIMIT_MS } from './run-cases.ts';

const seed = hostileSeed();
let s: TestServer;
let people: Pick<HostileWorld, 'alice' | 'bob' | 'carol'>;
let cases: HostileCase[];

beforeAll(async () => {
  s = await createTestServer();
  people = await createPeople(s);
  cases = generateCases(s.app.parleyRoutes, createRng(seed));
});
afterAll(() => s.close());

const report = (line: string) => process.stdout.write(`hostile input: ${line}\n`);

describe('the generator', () => {
  it('makes at least 500 cases, in every class, covering every route, the same for the same seed', () => {
    const byClass = Object.fromEntries(CASE_CLASSES.map((cls) => [cls, cases.filter((c) => c.cls === cls).length]));
    report(`${cases.length} cases from seed ${seed}: ${JSON.stringify(byClass)}`);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    for (const cls of CASE_CLASSES) expect(byClass[cls], cls).toBeGreaterThan(0);
    const covered = new Set(cases.map((c) => `${c.method} ${c.route}`));
    const routes = hostileRoutes(s.app.parleyRoutes);
    expect(routes.length).toBeGreaterThan(200);
    expect(routes.filter((r) => !covered.has(`${r.method} ${r.url}`))).toEqual([]);
    expect(generateCases(s.app.parleyRoutes, createRng(seed)).map((c) => c.label)).toEqual(cases.map((c) => c.label));
  });
});

describe.each(CASE_CLASSES)('%s cases', (cls) => {
  it(`answer below 500 within ${TIME_LIMIT_MS} ms, and the server stays up`, async () => {
    // Fresh things to point at: an earlier class may have deleted or changed the last ones.
    const world = await createWorld(s, people);
    const mine = cases.filter((c) => c.cls === cls);
    const summary = await runCases(s, world, mine, seed);
    report(`${cls}: ${summary.sent} of ${mine.length} sent, ${summary.failures.length} failures, slowest ${summary.slowest.ms} ms (${summary.slowest.label}), statuses ${JSON.stringify(summary.statuses)}`);
    for (const line of summary.slowOnce) report(`slow once, fine when sent again: ${line}`);
    expect(summary.failures).toEqual([]);
    expect(summary.sent).toBe(mine.length);
  }, 600_000);
});

describe('afterwards', () => {
  it('no object was polluted and the people are who they were', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    const alice = await people.alice.get('/api/v1/accounts/verify_credentials');
    expect(alice.statusCode).toBe(200);
    const bob = await people.alice.get(`/api/v1/admin/accounts/${people.bob.id}`);
    expect(bob.json()).toMatchObject({ username: 'bob', role: { name: expect.not.stringMatching(/admin/i) } });
  });
});
