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
import { attachmentsOfStatuses, updateAttachment } from '../../db/repos/media.ts';
import type { MediaAttachmentRow } from '../../db/schema.ts';
import { attachToStatus, resolveMedia } from '../media/attach-media.ts';
import { checkDescription, parseFocus } from '../media/media-input.ts';
import { checkStatus, recordDecision } from '../moderation/content-check.ts';
import { checkPoll, prepareStatusText, writeStatusLinks, type PollInput } from './status-text.ts';

export interface EditStatusInput {
  text: string;
  spoilerText?: string | null;
  sensitive?: boolean | null;
  language?: string | null;
  poll?: PollInput | null;
  /** undefined or null keeps the media as they are; [] removes them all. */
  mediaIds?: string[] | null;
  /** New alt text and focal points of attached media (Mastodon's media_attributes[]). */
  mediaAttributes?: { id: string; description?: string | null; focus?: string | null }[] | null;
}

/** What status_edits.media records of one version: which attachments, with which alt text. */
const mediaSnapshot = (rows: readonly MediaAttachmentRow[]) => (rows.length > 0 ? JSON.stringify(rows.map((r) => ({ id: r.id, description: r.description }))) : null);

/** Applies media_attributes to the rows (in memory) and returns the column changes to write. */
function applyAttributes(rows: MediaAttachmentRow[], attributes: EditStatusInput['mediaAttributes']): Map<string, Partial<MediaAttachmentRow>> {
  const patches = new Map<string, Partial<MediaAttachmentRow>>();
  for (const attr of attributes ?? []) {
    const row = rows.find((r) => r.id === String(attr.id));
    if (!row) continue;
    const description = checkDescription(attr.description);
    const focus = parseFocus(attr.focus);
    const patch: Partial<MediaAttachmentRow> = {};
    if (description !== undefined) patch.description = description;
    if (focus !== undefined) Object.assign(patch, { focus_x: focus?.x ?? null, focus_y: focus?.y ?? null });
    Object.assign(row, patch);
    patches.set(row.id, patch);
  }
  return patches;
}

function samePoll(old: PollRow, next: PollInput): boolean {
  const a = pollOptions(old);
  const b = next.options.map((o) => o.trim());
  return a.length === b.length && a.every((o, i) => o === b[i]) && (old.multiple === 1) === next.multiple;
}

export async function editStatus(ctx: AppContext, author: AccountRow, id: string, input: EditStatusInput): Promise<void> {
  const status = isId(id) ? await findStatusById(ctx.db, id) : undefined;
  if (!status || status.account_id !== author.id || status.reblog_of_id) throw notFound();
  if (input.poll) checkPoll(input.poll);
  const current = await attachmentsOfStatuses(ctx.db, [status.id]);
  const media = input.mediaIds == null ? current.map((r) => ({ ...r })) : await resolveMedia(ctx.db, author, input.mediaIds, (m) => m.status_id === status.id || (m.status_id === null && m.scheduled_status_id === null));
  if (media.length > 0 && input.poll) throw unprocessable('A post cannot have both media attachments and a poll');
  const patches = applyAttributes(media, input.mediaAttributes);
  const spoilerText = (input.spoilerText ?? '').trim();
  const rendered = await prepareStatusText(ctx, input.text, spoilerText, Boolean(input.poll) || media.length > 0);
  const verdict = await checkStatus(ctx, author, { kind: 'edit', text: input.text, spoilerText, mentions: rendered.mentions.length, media });
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const oldPoll = status.poll_id ? await findPollById(ctx.db, status.poll_id) : undefined;

  await ctx.db.transaction().execute(async (trx) => {
    if ((await countEdits(trx, status.id)) === 0) await insertStatusEdit(trx, snapshot(status, oldPoll, current, status.created_at));
    await attachToStatus(trx, status.id, media, nowIso, current);
    for (const [id, patch] of patches) await updateAttachment(trx, id, { ...patch, updated_at: nowIso });
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
    const sensitive = input.sensitive || spoilerText !== '' || verdict.action === 'sensitive' ? 1 : 0;
    // An edit a policy holds hides the post again until a moderator looks at it.
    const heldAt = verdict.action === 'hold' ? nowIso : status.held_at;
    await updateStatus(trx, status.id, { text: input.text, content_html: rendered.html, spoiler_text: spoilerText, sensitive, language: input.language ?? status.language, poll_id: pollId, edited_at: nowIso, held_at: heldAt });
    await recordDecision(ctx, trx, author, { type: 'status', id: status.id }, verdict);
    await deleteMentions(trx, status.id);
    await unlinkStatusTags(trx, status.id);
    await writeStatusLinks(trx, { id: status.id, account_id: author.id, text: input.text, spoiler_text: spoilerText }, rendered, nowIso);
    await insertStatusEdit(trx, { id: newId(now.getTime()), status_id: status.id, account_id: author.id, text: input.text, content_html: rendered.html, spoiler_text: spoilerText, sensitive, poll_options: pollOpts ? JSON.stringify(pollOpts) : null, media: mediaSnapshot(media), created_at: nowIso });
    await ctx.queue.enqueue(trx, JOB.distributeStatusUpdate, { statusId: status.id });
    const interested = new Set([...(await reblogsOf(trx, status.id)), ...(await quotersOf(trx, status.id))].map((s) => s.account_id));
    interested.delete(author.id);
    for (const accountId of interested) await ctx.queue.enqueue(trx, JOB.notify, { type: 'update', accountId, fromAccountId: author.id, statusId: status.id });
  });
}

function snapshot(s: StatusRow, poll: PollRow | undefined, media: readonly MediaAttachmentRow[], createdAt: string) {
  return { id: newId(new Date(createdAt).getTime()), status_id: s.id, account_id: s.account_id, text: s.text ?? '', content_html: s.content_html, spoiler_text: s.spoiler_text, sensitive: s.sensitive, poll_options: poll ? JSON.stringify(pollOptions(poll)) : null, media: mediaSnapshot(media), created_at: createdAt };
}
