// One page of invites (an inviter's own, or everyone's for staff) with their inviters loaded in
// one query, serialized. Invites of deleted inviters are left out (they no longer work), but
// still move the page cursor.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { listInvites as pageOfInvites } from '../../db/repos/invites.ts';
import type { IdPage } from '../../db/repos/paging.ts';
import { serializeInvite, type InviteJson } from './invite-json.ts';

export async function listInvites(ctx: AppContext, inviterId: string | null, page: IdPage): Promise<{ items: InviteJson[]; pageIds: string[] }> {
  const invites = await pageOfInvites(ctx.db, inviterId, page);
  const inviters = new Map((await findAccountsByIds(ctx.db, invites.map((i) => i.account_id))).map((a) => [a.id, a]));
  const now = ctx.clock.now();
  const items = invites.flatMap((invite) => {
    const inviter = inviters.get(invite.account_id);
    return inviter ? [serializeInvite(ctx.config, invite, inviter, now)] : [];
  });
  return { items, pageIds: invites.map((i) => i.id) };
}
