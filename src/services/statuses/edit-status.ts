// PUT /api/v1/statuses/:id: edits text, spoiler, sensitivity, language and poll, keeping history
// (the first edit also records the original), then enqueues the update fan-out and notifications.
import type { AppContext } from '../../context.ts';
import { deletePoll, findPollById, insertPoll } from '../../db/repos/polls.ts';
import { countEdits, insertStatusEdit } from '../../db/repos/status-edits.ts';
import { deleteMentions, findStatusById, quotersOf, reblogsOf, updateStatus } from '../../db/repos/statuses.ts';
import { unlinkStatusTags } from '../../db/repos/tags.ts';
import type { AccountRow, PollRow, StatusRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { pollOptions } from '../../serializers/poll.ts';
import { checkPoll, prepareStatusText, writeStatusLinks, type PollInput } from './status-text.ts';

export interface EditStatusInput {
  text: string;
  spoilerText?: string | null;
  sensitive?: boolean | null;
  language?: string | null;
  poll?: PollInput | null;
  mediaIds?: string[] | null;
}

function samePoll(old: PollRow, next: PollInput): boolean {
  const a = pollOptions(old);
  const b = next.options.map((o) => o.trim());
  return a.length === b.length && a.every((o, i) => o === b[i]) && (old.multiple === 1) === next.multiple;
}

export async function editStatus(ctx: AppContext, author: AccountRow, id: string, input: EditStatusInput): Promise<void> {
  const status = isId(id) ? await findStatusById(ctx.db, id) : undefined;
  if (!status || status.account_id !== author.id || status.reblog_of_id) throw notFound();
  if (input.mediaIds && input.mediaIds.length > 0) throw unprocessable('Media attachments are not supported yet');
  if (input.poll) checkPoll(input.poll);
  const spoilerText = (input.spoilerText ?? '').trim();
  const rendered = await prepareStatusText(ctx, input.text, spoilerText, Boolean(input.poll));
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const oldPoll = status.poll_id ? await findPollById(ctx.db, status.poll_id) : undefined;

  await ctx.db.transaction().execute(async (trx) => {
    if ((await countEdits(trx, status.id)) === 0) await insertStatusEdit(trx, snapshot(status, oldPoll, status.created_at));
    let pollId = status.poll_id;
    let pollOpts: string[] | null = oldPoll ? pollOptions(oldPoll) : null;
    // Changed options invalidate the votes: the poll is replaced, as Mastodon does.
    if (oldPoll && (!input.poll || !samePoll(oldPoll, input.poll))) {
      await deletePoll(trx, oldPoll.id);
      pollId = null;
      pollOpts = null;
    }
    if (input.poll && !pollId) {
      pollId = newId(now.getTime());
      const expiresAt = new Date(now.getTime() + input.poll.expiresIn * 1000);
      pollOpts = input.poll.options.map((o) => o.trim());
      await insertPoll(trx, { id: pollId, status_id: status.id, account_id: author.id, options: JSON.stringify(pollOpts), multiple: input.poll.multiple ? 1 : 0, hide_totals: input.poll.hideTotals ? 1 : 0, expires_at: expiresAt.toISOString(), votes_count: 0, voters_count: 0, created_at: nowIso });
      await ctx.queue.enqueue(trx, JOB.pollExpired, { pollId }, { runAt: expiresAt });
    }
    const sensitive = input.sensitive || spoilerText !== '' ? 1 : 0;
    await updateStatus(trx, status.id, { text: input.text, content_html: rendered.html, spoiler_text: spoilerText, sensitive, language: input.language ?? status.language, poll_id: pollId, edited_at: nowIso });
    await deleteMentions(trx, status.id);
    await unlinkStatusTags(trx, status.id);
    await writeStatusLinks(trx, { id: status.id, account_id: author.id, text: input.text, spoiler_text: spoilerText }, rendered, nowIso);
    await insertStatusEdit(trx, { id: newId(now.getTime()), status_id: status.id, account_id: author.id, text: input.text, content_html: rendered.html, spoiler_text: spoilerText, sensitive, poll_options: pollOpts ? JSON.stringify(pollOpts) : null, created_at: nowIso });
    await ctx.queue.enqueue(trx, JOB.distributeStatusUpdate, { statusId: status.id });
    const interested = new Set([...(await reblogsOf(trx, status.id)), ...(await quotersOf(trx, status.id))].map((s) => s.account_id));
    interested.delete(author.id);
    for (const accountId of interested) await ctx.queue.enqueue(trx, JOB.notify, { type: 'update', accountId, fromAccountId: author.id, statusId: status.id });
  });
}

function snapshot(s: StatusRow, poll: PollRow | undefined, createdAt: string) {
  return { id: newId(new Date(createdAt).getTime()), status_id: s.id, account_id: s.account_id, text: s.text ?? '', content_html: s.content_html, spoiler_text: s.spoiler_text, sensitive: s.sensitive, poll_options: poll ? JSON.stringify(pollOptions(poll)) : null, created_at: createdAt };
}
