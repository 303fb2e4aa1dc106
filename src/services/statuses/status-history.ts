// GET /api/v1/statuses/:id/history: every version of a status, each with the media it carried
// then (attachments an edit removed stay stored with the status until it is deleted).
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { allAttachmentsOfStatus } from '../../db/repos/media.ts';
import { editsOf, type StatusEditRow } from '../../db/repos/status-edits.ts';
import type { StatusRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isPublicVisibility, plainUrls, signedUrls } from '../../media/urls.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { serializeAttachment } from '../../serializers/media-attachment.ts';
import { serializeStatusEdit, type StatusEditJson } from '../../serializers/status-edit.ts';

export async function statusHistory(ctx: AppContext, status: StatusRow): Promise<StatusEditJson[]> {
  const author = await findAccountById(ctx.db, status.account_id);
  if (!author) throw notFound();
  const account = serializeAccount(ctx.config, author);
  const rows = await allAttachmentsOfStatus(ctx.db, status.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const urlFor = isPublicVisibility(status.visibility) ? plainUrls(ctx.config) : signedUrls(ctx.config, ctx.media.signer, ctx.clock.now().getTime());
  const mediaOf = (e: StatusEditRow) =>
    (e.media ? (JSON.parse(e.media) as { id: string; description: string | null }[]) : []).flatMap((m) => {
      const row = byId.get(m.id);
      return row ? [serializeAttachment({ ...row, description: m.description }, urlFor)] : [];
    });
  const edits = await editsOf(ctx.db, status.id);
  if (edits.length > 0) return edits.map((e) => serializeStatusEdit(e, account, mediaOf(e)));
  // Never edited: the history is the current version alone.
  const current = rows.filter((r) => r.position !== null).sort((a, b) => a.position! - b.position!);
  const only: StatusEditRow = { id: status.id, status_id: status.id, account_id: status.account_id, text: status.text ?? '', content_html: status.content_html, spoiler_text: status.spoiler_text, sensitive: status.sensitive, poll_options: null, media: null, created_at: status.created_at };
  return [serializeStatusEdit(only, account, current.map((r) => serializeAttachment(r, urlFor)))];
}
