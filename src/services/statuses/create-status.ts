// POST /api/v1/statuses (and publication of scheduled statuses): validates, writes the status and
// everything hanging off it in one transaction, and enqueues fan-out and notifications.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { findUserByAccountId } from '../../db/repos/accounts.ts';
import { findIdempotentStatusId, rememberIdempotencyKey } from '../../db/repos/idempotency.ts';
import { insertPoll } from '../../db/repos/polls.ts';
import { insertScheduledStatus, type ScheduledStatusRow } from '../../db/repos/scheduled-statuses.ts';
import { bumpAccountStatusesCount, bumpStatusCounter, findStatusById, insertStatus } from '../../db/repos/statuses.ts';
import { followedAmong } from '../../db/repos/visibility.ts';
import type { AccountRow, Database, StatusRow } from '../../db/schema.ts';
import { AppError, notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { canQuote, isDistributable, isVisibility, type QuotePolicy } from '../../domain/visibility.ts';
import { JOB } from '../../jobs/types.ts';
import type { ScheduledParams } from '../../serializers/scheduled-status.ts';
import { canViewStatus } from '../authorization/status-visibility.ts';
import { attachToStatus, reserveForScheduled, resolveMedia } from '../media/attach-media.ts';
import { checkStatus, recordDecision } from '../moderation/content-check.ts';
import { checkPoll, prepareStatusText, writeStatusLinks, type PollInput } from './status-text.ts';

export interface CreateStatusInput {
  text: string;
  spoilerText?: string | null;
  sensitive?: boolean | null;
  visibility?: string | null;
  language?: string | null;
  inReplyToId?: string | null;
  quotedStatusId?: string | null;
  quoteApprovalPolicy?: QuotePolicy | null;
  poll?: PollInput | null;
  mediaIds?: string[] | null;
  scheduledAt?: string | null;
}

export interface CreateStatusOptions {
  appId: string | null;
  idempotencyKey?: string | null;
  /** The scheduled status being published: its reserved media may be attached. */
  scheduledStatusId?: string;
  /** Extra writes in the same transaction (publishing a scheduled status removes it). */
  beforeCommit?: (trx: Transaction<Database>) => Promise<void>;
}

export type CreateStatusResult = { kind: 'status'; statusId: string } | { kind: 'scheduled'; scheduled: ScheduledStatusRow };

const IDEMPOTENCY_WINDOW_MS = 3600_000;
const MIN_SCHEDULE_MS = 5 * 60_000;

async function loadTarget(ctx: AppContext, id: string, author: AccountRow): Promise<StatusRow> {
  const found = isId(id) ? await findStatusById(ctx.db, id) : undefined;
  if (!found || !(await canViewStatus(ctx, found, author))) throw notFound();
  if (!found.reblog_of_id) return found;
  const original = await findStatusById(ctx.db, found.reblog_of_id);
  if (!original) throw notFound();
  return original;
}

export async function createStatus(ctx: AppContext, author: AccountRow, input: CreateStatusInput, opts: CreateStatusOptions): Promise<CreateStatusResult> {
  const now = ctx.clock.now();

  if (opts.idempotencyKey) {
    const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
    const existing = await findIdempotentStatusId(ctx.db, author.id, opts.idempotencyKey, since);
    if (existing) return { kind: 'status', statusId: existing };
  }

  const spoilerText = (input.spoilerText ?? '').trim();
  const text = input.text;
  if (input.poll) checkPoll(input.poll);
  const scheduledId = opts.scheduledStatusId;
  const media = await resolveMedia(ctx.db, author, input.mediaIds ?? [], (m) => m.status_id === null && (m.scheduled_status_id === null || m.scheduled_status_id === scheduledId));
  if (media.length > 0 && input.poll) throw unprocessable('A post cannot have both media attachments and a poll');
  const rendered = await prepareStatusText(ctx, text, spoilerText, Boolean(input.poll) || media.length > 0);

  const user = await findUserByAccountId(ctx.db, author.id);
  const visibility = input.visibility ?? user?.default_visibility ?? 'public';
  if (!isVisibility(visibility)) throw unprocessable('Visibility is invalid');

  const parent = input.inReplyToId ? await loadTarget(ctx, input.inReplyToId, author) : null;
  const quoted = input.quotedStatusId ? await loadTarget(ctx, input.quotedStatusId, author) : null;
  if (quoted) {
    const follows = quoted.account_id === author.id ? new Set<string>() : await followedAmong(ctx.db, author.id, [quoted.account_id]);
    if (!canQuote({ visibility: quoted.visibility, policy: quoted.quote_policy, isAuthor: quoted.account_id === author.id, viewerFollowsAuthor: follows.has(quoted.account_id) })) {
      throw new AppError(403, 'This action is not allowed');
    }
  }

  // A date in the past publishes now; less than 5 minutes ahead is refused, like Mastodon.
  if (input.scheduledAt) {
    const at = new Date(input.scheduledAt);
    if (Number.isNaN(at.getTime())) throw unprocessable('Scheduled at is invalid');
    if (at.getTime() > now.getTime()) {
      if (at.getTime() - now.getTime() < MIN_SCHEDULE_MS) throw unprocessable('Scheduled at must be at least 5 minutes in the future');
      return { kind: 'scheduled', scheduled: await schedule(ctx, author, { ...input, mediaIds: media.map((m) => m.id) }, visibility, at, opts) };
    }
  }

  // The admin's content policies judge the post before it exists (a reject answers 422 here).
  const verdict = await checkStatus(ctx, author, { kind: 'status', text, spoilerText, mentions: rendered.mentions.length, media });
  const held = verdict.action === 'hold';
  const id = newId(now.getTime());
  const nowIso = now.toISOString();
  const pollId = input.poll ? newId(now.getTime()) : null;
  const quotePolicy = isDistributable(visibility) ? (input.quoteApprovalPolicy ?? author.quote_policy) : 'nobody';
  const row: StatusRow = {
    id,
    account_id: author.id,
    text,
    content_html: rendered.html,
    spoiler_text: spoilerText,
    // Pictures follow the author's "always mark media as sensitive" unless the post says otherwise.
    sensitive: input.sensitive || spoilerText !== '' || (input.sensitive == null && media.length > 0 && user?.default_sensitive === 1) || verdict.action === 'sensitive' ? 1 : 0,
    // "Hide from public timelines": a public post becomes unlisted.
    visibility: verdict.action === 'unlist' && visibility === 'public' ? 'unlisted' : visibility,
    language: input.language ?? user?.default_language ?? null,
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.account_id ?? null,
    reblog_of_id: null,
    quote_of_id: quoted?.id ?? null,
    quote_state: quoted ? 'accepted' : null,
    conversation_id: parent?.conversation_id ?? newId(now.getTime()),
    application_id: opts.appId,
    poll_id: pollId,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    quote_policy: quotePolicy,
    created_at: nowIso,
    edited_at: null,
    held_at: held ? nowIso : null,
  };

  await ctx.db.transaction().execute(async (trx) => {
    await insertStatus(trx, row);
    if (input.poll && pollId) {
      const expiresAt = new Date(now.getTime() + input.poll.expiresIn * 1000);
      await insertPoll(trx, {
        id: pollId,
        status_id: id,
        account_id: author.id,
        options: JSON.stringify(input.poll.options.map((o) => o.trim())),
        multiple: input.poll.multiple ? 1 : 0,
        hide_totals: input.poll.hideTotals ? 1 : 0,
        expires_at: expiresAt.toISOString(),
        votes_count: 0,
        voters_count: 0,
        created_at: nowIso,
      });
      await ctx.queue.enqueue(trx, JOB.pollExpired, { pollId }, { runAt: expiresAt });
    }
    await writeStatusLinks(trx, { id, account_id: author.id, text, spoiler_text: spoilerText }, rendered, nowIso);
    await attachToStatus(trx, id, media, nowIso);
    if (parent) await bumpStatusCounter(trx, parent.id, 'replies_count', 1);
    if (quoted) {
      await bumpStatusCounter(trx, quoted.id, 'quotes_count', 1);
      if (quoted.account_id !== author.id && !held) await ctx.queue.enqueue(trx, JOB.notify, { type: 'quote', accountId: quoted.account_id, fromAccountId: author.id, statusId: id });
    }
    await bumpAccountStatusesCount(trx, author.id, 1, nowIso);
    if (opts.idempotencyKey) await rememberIdempotencyKey(trx, { account_id: author.id, key: opts.idempotencyKey, status_id: id, created_at: nowIso });
    if (opts.beforeCommit) await opts.beforeCommit(trx);
    await recordDecision(ctx, trx, author, { type: 'status', id }, verdict);
    // A held post reaches nobody (no feeds, no notifications) until a moderator releases it.
    if (!held) await ctx.queue.enqueue(trx, JOB.distributeStatus, { statusId: id });
  });
  return { kind: 'status', statusId: id };
}

async function schedule(ctx: AppContext, author: AccountRow, input: CreateStatusInput, visibility: string, at: Date, opts: CreateStatusOptions): Promise<ScheduledStatusRow> {
  const now = ctx.clock.now();
  const params: ScheduledParams = {
    text: input.text,
    spoiler_text: input.spoilerText ?? null,
    sensitive: input.sensitive ?? null,
    visibility,
    language: input.language ?? null,
    in_reply_to_id: input.inReplyToId ?? null,
    quoted_status_id: input.quotedStatusId ?? null,
    quote_approval_policy: input.quoteApprovalPolicy ?? null,
    poll: input.poll ? { options: input.poll.options, expires_in: input.poll.expiresIn, multiple: input.poll.multiple, hide_totals: input.poll.hideTotals } : null,
    media_ids: input.mediaIds && input.mediaIds.length > 0 ? input.mediaIds : null,
    scheduled_at: at.toISOString(),
    application_id: opts.appId,
    idempotency: opts.idempotencyKey ?? null,
    with_rate_limit: false,
  };
  const row: ScheduledStatusRow = { id: newId(now.getTime()), account_id: author.id, app_id: opts.appId, scheduled_at: at.toISOString(), params: JSON.stringify(params), created_at: now.toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await insertScheduledStatus(trx, row);
    await reserveForScheduled(trx, row.id, await resolveMedia(trx, author, input.mediaIds ?? []), now.toISOString());
    await ctx.queue.enqueue(trx, JOB.publishScheduledStatus, { scheduledStatusId: row.id }, { runAt: at });
  });
  return row;
}

/** Turns stored scheduled parameters back into service input. */
export function inputFromScheduled(p: ScheduledParams): CreateStatusInput {
  return {
    text: p.text,
    spoilerText: p.spoiler_text,
    sensitive: p.sensitive,
    visibility: p.visibility,
    language: p.language,
    inReplyToId: p.in_reply_to_id,
    quotedStatusId: p.quoted_status_id,
    quoteApprovalPolicy: (p.quote_approval_policy as QuotePolicy | null) ?? null,
    poll: p.poll ? { options: p.poll.options, expiresIn: p.poll.expires_in, multiple: p.poll.multiple, hideTotals: p.poll.hide_totals } : null,
    mediaIds: p.media_ids,
  };
}
