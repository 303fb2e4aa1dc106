// Sends hostile cases to the real app and collects what went wrong: any 5xx, a JSON error
// without Mastodon's {"error": "..."} shape, an answer slower than a second, a request that
// made inject itself fail, a server that stops answering its health check afterwards, and a
// polluted Object.prototype. Every finding names the seed and the case, to replay it.
import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../helpers/server.ts';
import { authHeader, type HostileCase } from './cases.ts';
import type { HostileWorld } from './fixtures.ts';

/** A correctness bound, not a benchmark: nothing a client sends may hold a request this long. */
export const TIME_LIMIT_MS = 1000;

export interface RunSummary {
  sent: number;
  failures: string[];
  /** Answers over the limit once but not when sent again (a pause of the loaded test machine). */
  slowOnce: string[];
  slowest: { label: string; ms: number };
  /** How many answers had each status: shows how deep the cases got (a 422 was parsed, a 401 was not). */
  statuses: Record<number, number>;
}

async function timed(s: TestServer, c: HostileCase, world: HostileWorld): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const { headers, ...request } = c.build(world);
  const options = { ...request, headers: { ...authHeader(c, world), ...(headers ?? {}) } };
  // Only the request is timed: building a 2 MB body is the test's work, not the server's.
  const started = performance.now();
  const res = await s.inject(options);
  return { res, ms: performance.now() - started };
}

function problemsOf(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 400 && type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 120)}`;
    }
    if (typeof (body as { error?: unknown }).error !== 'string') return `${res.statusCode} without an "error" string: ${res.body.slice(0, 120)}`;
  }
  return null;
}

export async function runCases(s: TestServer, world: HostileWorld, cases: readonly HostileCase[], seed: number): Promise<RunSummary> {
  const summary: RunSummary = { sent: 0, failures: [], slowOnce: [], slowest: { label: '', ms: 0 }, statuses: {} };
  const fail = (c: HostileCase, what: string) => summary.failures.push(`[HOSTILE_SEED=${seed}] ${c.label}: ${what}`);
  for (const c of cases) {
    let outcome: { res: LightMyRequestResponse; ms: number };
    try {
      outcome = await timed(s, c, world);
      if (outcome.ms > TIME_LIMIT_MS) {
        // Sent again once: a slow route is slow every time, a GC pause or a busy neighbour is not.
        const again = await timed(s, c, world);
        if (again.ms <= TIME_LIMIT_MS) summary.slowOnce.push(`${c.label}: ${Math.round(outcome.ms)} ms, then ${Math.round(again.ms)} ms`);
        outcome = again;
      }
    } catch (err) {
      fail(c, `the request failed: ${(err as Error).message}`);
      continue;
    }
    summary.sent++;
    summary.statuses[outcome.res.statusCode] = (summary.statuses[outcome.res.statusCode] ?? 0) + 1;
    if (outcome.ms > summary.slowest.ms) summary.slowest = { label: c.label, ms: Math.round(outcome.ms) };
    if (outcome.ms > TIME_LIMIT_MS) fail(c, `took ${Math.round(outcome.ms)} ms twice (limit ${TIME_LIMIT_MS} ms)`);
    const problem = problemsOf(outcome.res);
    if (problem) fail(c, problem);
    if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).polluted !== undefined) {
      fail(c, 'Object.prototype was polluted');
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    const startedHealth = performance.now();
    const health = await s.inject({ method: 'GET', url: '/api/v1/streaming/health' });
    const healthMs = performance.now() - startedHealth;
    if (health.statusCode !== 200 || healthMs > TIME_LIMIT_MS) fail(c, `the health check afterwards answered ${health.statusCode} in ${Math.round(healthMs)} ms`);
  }
  return summary;
}
