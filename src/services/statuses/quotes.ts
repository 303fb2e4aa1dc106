// Quote management by the quoted author: revoking a quote, changing who may quote a post.
import type { AppContext } from '../../context.ts';
import { bumpStatusCounter, findStatusById, updateStatus } from '../../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { forbidden, notFound, unprocessable } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { isDistributable, type QuotePolicy } from '../../domain/visibility.ts';
import { JOB } from '../../jobs/types.ts';
import { loadVisibleStatus } from './load-visible-status.ts';

/** A status of the viewer's own: others get 404 if they cannot see it, 403 otherwise. */
export async function loadOwnStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  if (status.account_id !== viewer.id || status.reblog_of_id) throw forbidden();
  return status;
}

export async function revokeQuote(ctx: AppContext, viewer: AccountRow, id: string, quotingId: string): Promise<StatusRow> {
  const status = await loadOwnStatus(ctx, viewer, id);
  const quoting = isId(quotingId) ? await findStatusById(ctx.db, quotingId) : undefined;
  if (!quoting || quoting.quote_of_id !== status.id) throw notFound();
  if (quoting.quote_state === 'accepted') {
    await ctx.db.transaction().execute(async (trx) => {
      await updateStatus(trx, quoting.id, { quote_state: 'revoked' });
      await bumpStatusCounter(trx, status.id, 'quotes_count', -1);
      await ctx.queue.enqueue(trx, JOB.distributeStatusUpdate, { statusId: quoting.id });
    });
  }
  return { ...quoting, quote_state: quoting.quote_state === 'accepted' ? 'revoked' : quoting.quote_state };
}

export async function setQuotePolicy(ctx: AppContext, viewer: AccountRow, id: string, policy: QuotePolicy): Promise<StatusRow> {
  const status = await loadOwnStatus(ctx, viewer, id);
  if (!isDistributable(status.visibility) && policy !== 'nobody') throw unprocessable('Private and direct posts cannot be quoted');
  await updateStatus(ctx.db, status.id, { quote_policy: policy });
  return { ...status, quote_policy: policy };
}
