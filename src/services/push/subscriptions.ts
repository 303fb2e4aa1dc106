// Mastodon's push API: one Web Push subscription per access token. Creating replaces the
// token's previous subscription; only `data` (alerts, policy) can be changed afterwards.
import type { AppContext } from '../../context.ts';
import {
  deleteSubscriptionByToken,
  findSubscriptionByToken,
  replaceSubscription,
  updateSubscriptionData,
  type PushSubscriptionRow,
} from '../../db/repos/push-subscriptions.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { PushPolicy } from '../../../api/entities.ts';
import { endpointProblem } from './endpoint-rule.ts';

export interface PushData {
  /** Only the alert types the client mentioned; the others are off. */
  alerts?: Record<string, boolean>;
  policy?: PushPolicy;
}

export interface NewPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  standard: boolean;
  data: PushData;
}

/** Browsers hand out base64url; some clients send standard base64 with padding. */
const toBase64Url = (v: string) => v.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function keyProblem(p256dh: string, auth: string): string | null {
  const valid = (v: string) => /^[A-Za-z0-9_-]+$/.test(v);
  if (!valid(p256dh) || !valid(auth)) return 'keys must be base64url';
  const pub = Buffer.from(p256dh, 'base64url');
  // An uncompressed P-256 point (RFC 8291 section 3.1) and a 16-byte auth secret.
  if (pub.length !== 65 || pub[0] !== 0x04) return 'keys.p256dh must be an uncompressed P-256 public key';
  if (Buffer.from(auth, 'base64url').length !== 16) return 'keys.auth must be 16 bytes';
  return null;
}

export async function subscribePush(ctx: AppContext, owner: { accountId: string; tokenId: string }, input: NewPushSubscription): Promise<PushSubscriptionRow> {
  const endpoint = input.endpoint.trim();
  const problem = endpointProblem(endpoint, { allowLoopbackHttp: ctx.allowLoopbackPush });
  if (problem) throw unprocessable(problem);
  const p256dh = toBase64Url(input.p256dh);
  const auth = toBase64Url(input.auth);
  const badKey = keyProblem(p256dh, auth);
  if (badKey) throw unprocessable(badKey);
  const now = ctx.clock.now().toISOString();
  const row: PushSubscriptionRow = {
    id: newId(ctx.clock.now().getTime()),
    account_id: owner.accountId,
    token_id: owner.tokenId,
    endpoint,
    key_p256dh: p256dh,
    key_auth: auth,
    alerts: JSON.stringify(input.data.alerts ?? {}),
    policy: input.data.policy ?? 'all',
    standard: input.standard ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute((trx) => replaceSubscription(trx, row));
  return row;
}

export async function findPushSubscription(ctx: AppContext, tokenId: string): Promise<PushSubscriptionRow> {
  const row = await findSubscriptionByToken(ctx.db, tokenId);
  if (!row) throw notFound();
  return row;
}

/** Alerts given replace the stored ones (as in Mastodon); policy given replaces the stored one. */
export async function updatePushData(ctx: AppContext, tokenId: string, data: PushData): Promise<PushSubscriptionRow> {
  const row = await findPushSubscription(ctx, tokenId);
  return updateSubscriptionData(ctx.db, row.id, {
    alerts: data.alerts ? JSON.stringify(data.alerts) : row.alerts,
    policy: data.policy ?? row.policy,
    updated_at: ctx.clock.now().toISOString(),
  });
}

export async function unsubscribePush(ctx: AppContext, tokenId: string): Promise<void> {
  await deleteSubscriptionByToken(ctx.db, tokenId);
}
