// Scheduled statuses with the media they will carry (the owner's, so with signed URLs).
import type { AppContext } from '../context.ts';
import { attachmentsOfScheduled } from '../db/repos/media.ts';
import type { ScheduledStatusRow } from '../db/repos/scheduled-statuses.ts';
import { signedUrls } from '../media/urls.ts';
import { serializeAttachment } from '../serializers/media-attachment.ts';
import { serializeScheduledStatus, type ScheduledStatusJson } from '../serializers/scheduled-status.ts';

export async function renderScheduled(ctx: AppContext, rows: readonly ScheduledStatusRow[]): Promise<ScheduledStatusJson[]> {
  const media = await attachmentsOfScheduled(ctx.db, rows.map((r) => r.id));
  const urlFor = signedUrls(ctx.config, ctx.media.signer, ctx.clock.now().getTime());
  return rows.map((row) => {
    const order: string[] = (JSON.parse(row.params) as { media_ids: string[] | null }).media_ids ?? [];
    const mine = media.filter((m) => m.scheduled_status_id === row.id).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return serializeScheduledStatus(row, mine.map((m) => serializeAttachment(m, urlFor)));
  });
}

export async function renderOneScheduled(ctx: AppContext, row: ScheduledStatusRow): Promise<ScheduledStatusJson> {
  return (await renderScheduled(ctx, [row]))[0]!;
}
