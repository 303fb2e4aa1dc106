// Runs the admin's content policies (src/moderation/) on a post or profile before it is written,
// and records every decision that is not a plain accept for moderators to review. The policy
// list comes from the `content_policies` setting, rebuilt when the setting changes; a list that
// does not build is reported and replaced by holding everything for review (fail closed).
import type { AppContext } from '../../context.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow, MediaAttachmentRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';
import { runPolicies, type ContentPolicy, type PipelineResult, type PolicySubject } from '../../moderation/pipeline.ts';
import { AppError } from '../../domain/errors.ts';

const CACHE_MS = 10_000;
const cache = new WeakMap<AppContext, { at: number; json: string; policies: ContentPolicy[] }>();

/** A stand-in for a configuration that does not build: nothing passes unseen. */
const brokenConfig = (problem: string): ContentPolicy => ({ name: 'configuration', check: async () => ({ action: 'hold', reason: `content_policies setting is invalid: ${problem}` }) });

export async function activePolicies(ctx: AppContext): Promise<ContentPolicy[]> {
  const now = ctx.clock.now().getTime();
  const hit = cache.get(ctx);
  if (hit && now - hit.at < CACHE_MS) return hit.policies;
  const config = await getSetting(ctx.db, ctx.config, 'content_policies');
  const json = JSON.stringify(config);
  if (hit && hit.json === json) {
    hit.at = now;
    return hit.policies;
  }
  let policies: ContentPolicy[] = [];
  try {
    // The policy modules (word lists, the image classifier's loader) load only when configured.
    if (config.length > 0) policies = (await import('../../moderation/registry.ts')).buildPolicies(config);
  } catch (err) {
    ctx.log.error({ err: err instanceof Error ? err.message : String(err) }, 'content_policies setting is invalid: holding every post for review until it is fixed');
    policies = [brokenConfig(err instanceof Error ? err.message : 'unreadable')];
  }
  cache.set(ctx, { at: now, json, policies });
  return policies;
}

const LINK = /https?:\/\/[^\s<>"']+/g;

export interface StatusCheckInput {
  kind: 'status' | 'edit';
  text: string;
  spoilerText: string;
  mentions: number;
  media: readonly MediaAttachmentRow[];
}

async function previews(ctx: AppContext, media: readonly MediaAttachmentRow[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const m of media) {
    if (!m.preview_key) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.media.storage.open(m.preview_key)) chunks.push(chunk as Buffer);
    out.push(Buffer.concat(chunks));
  }
  return out;
}

export async function checkStatus(ctx: AppContext, author: AccountRow, input: StatusCheckInput): Promise<PipelineResult> {
  const policies = await activePolicies(ctx);
  if (policies.length === 0) return { action: 'accept', decisive: null, verdicts: [] };
  const needs = new Set(policies.flatMap((p) => p.needs ?? (['images', 'recentPosts'] as const)));
  // Stored images and post history are read only for the policies that look at them.
  const recent = needs.has('recentPosts') ? await ctx.db.selectFrom('statuses').select(['created_at', 'text']).where('account_id', '=', author.id).where('reblog_of_id', 'is', null).orderBy('id', 'desc').limit(10).execute() : [];
  const text = [input.spoilerText, input.text, ...input.media.map((m) => m.description ?? '')].filter(Boolean).join('\n');
  const subject: PolicySubject = {
    kind: input.kind,
    accountId: author.id,
    accountCreatedAt: author.created_at,
    text,
    mentions: input.mentions,
    links: text.match(LINK) ?? [],
    images: needs.has('images') ? await previews(ctx, input.media) : [],
    recentPosts: recent.map((r) => ({ createdAt: r.created_at, text: r.text ?? '', links: (r.text ?? '').match(LINK) ?? [] })),
  };
  const result = await runPolicies(policies, subject, { now: ctx.clock.now(), reportError: (policy, error) => ctx.log.error({ policy, err: String(error) }, 'content policy failed') });
  if (result.action === 'reject') throw new AppError(422, `Validation failed: ${result.decisive?.reason ?? 'This post was refused by the server\u2019s content rules'}`);
  return result;
}

export async function checkProfile(ctx: AppContext, account: AccountRow, text: string): Promise<PipelineResult> {
  const policies = await activePolicies(ctx);
  if (policies.length === 0) return { action: 'accept', decisive: null, verdicts: [] };
  const subject: PolicySubject = { kind: 'profile', accountId: account.id, accountCreatedAt: account.created_at, text, mentions: 0, links: text.match(LINK) ?? [], images: [] };
  const result = await runPolicies(policies, subject, { now: ctx.clock.now(), reportError: (policy, error) => ctx.log.error({ policy, err: String(error) }, 'content policy failed') });
  if (result.action === 'reject') throw new AppError(422, `Validation failed: ${result.decisive?.reason ?? 'This profile was refused by the server\u2019s content rules'}`);
  return result;
}

/** Logs a decision other than accept, in the transaction of the write it judged. */
export async function recordDecision(ctx: AppContext, exec: Executor, account: AccountRow, subject: { type: 'status' | 'profile'; id: string }, result: PipelineResult): Promise<void> {
  if (result.action === 'accept') return;
  const now = ctx.clock.now();
  await exec
    .insertInto('policy_decisions')
    .values({ id: newId(now.getTime()), account_id: account.id, subject_type: subject.type, subject_id: subject.id, action: result.action, verdicts: JSON.stringify(result.verdicts), reviewed_at: null, reviewed_by_account_id: null, outcome: null, created_at: now.toISOString() })
    .execute();
}
