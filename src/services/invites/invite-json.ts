// The invite as Parley's invites API shows it to its inviter (and to staff): InviteJson in
// api/entities.ts. Mastodon has no such entity in its client API; the names follow its Invite
// model (max_uses, uses, expires_at, autofollow) so they read familiar.
import type { Config } from '../../config.ts';
import type { AccountRow, InviteRow } from '../../db/schema.ts';
import type { InviteJson } from '../../../api/entities.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { inviteState } from './invite-state.ts';
export type { InviteJson };

export function inviteUrl(config: Config, code: string): string {
  return `${config.baseUrl}/invite/${encodeURIComponent(code)}`;
}

export function serializeInvite(config: Config, invite: InviteRow, inviter: AccountRow, now: Date): InviteJson {
  return {
    id: invite.id,
    code: invite.code,
    url: inviteUrl(config, invite.code),
    uses: invite.uses,
    max_uses: invite.max_uses,
    expires_at: invite.expires_at,
    autofollow: invite.autofollow === 1,
    created_at: invite.created_at,
    revoked_at: invite.revoked_at,
    state: inviteState(invite, now),
    inviter: serializeAccount(config, inviter),
  };
}
