// Pinning own statuses to the profile (at most 5), and muting conversations.
import type { AppContext } from '../../context.ts';
import { muteConversation, unmuteConversation } from '../../db/repos/conversation-mutes.ts';
import { addMark, countMarks, findMark, removeMark } from '../../db/repos/status-marks.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { loadVisibleStatus } from './load-visible-status.ts';

export const MAX_PINS = 5;

export async function pinStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  if (status.reblog_of_id) throw unprocessable('A boost cannot be pinned');
  if (status.account_id !== viewer.id) throw unprocessable('Post that is not yours cannot be pinned');
  if (status.visibility === 'direct') throw unprocessable('Direct posts cannot be pinned');
  if (await findMark(ctx.db, 'status_pins', viewer.id, status.id)) return status;
  if ((await countMarks(ctx.db, 'status_pins', viewer.id)) >= MAX_PINS) throw unprocessable('You have already pinned the maximum number of posts');
  const now = ctx.clock.now();
  await addMark(ctx.db, 'status_pins', { id: newId(now.getTime()), account_id: viewer.id, status_id: status.id, created_at: now.toISOString() });
  return status;
}

export async function unpinStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  await removeMark(ctx.db, 'status_pins', viewer.id, status.id);
  return status;
}

export async function muteStatusConversation(ctx: AppContext, viewer: AccountRow, id: string, mute: boolean): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  if (mute) await muteConversation(ctx.db, viewer.id, status.conversation_id, ctx.clock.now().toISOString());
  else await unmuteConversation(ctx.db, viewer.id, status.conversation_id);
  return status;
}
