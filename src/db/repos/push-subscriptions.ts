// Web Push subscriptions (one per access token) and the server's VAPID key pair.
import type { Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { WebPushSubscriptionsTable } from '../schema.ts';

export type PushSubscriptionRow = Selectable<WebPushSubscriptionsTable>;

/** Replaces the token's subscription: Mastodon keeps one per access token. */
export async function replaceSubscription(exec: Executor, row: PushSubscriptionRow): Promise<void> {
  await exec.deleteFrom('web_push_subscriptions').where('token_id', '=', row.token_id).execute();
  await exec.insertInto('web_push_subscriptions').values(row).execute();
}

export async function findSubscriptionByToken(exec: Executor, tokenId: string): Promise<PushSubscriptionRow | undefined> {
  return exec.selectFrom('web_push_subscriptions').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
}

export async function findSubscriptionById(exec: Executor, id: string): Promise<PushSubscriptionRow | undefined> {
  return exec.selectFrom('web_push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function subscriptionsOfAccount(exec: Executor, accountId: string): Promise<PushSubscriptionRow[]> {
  return exec.selectFrom('web_push_subscriptions').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export async function updateSubscriptionData(exec: Executor, id: string, values: { alerts: string; policy: string; updated_at: string }): Promise<PushSubscriptionRow> {
  return exec.updateTable('web_push_subscriptions').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSubscriptionByToken(exec: Executor, tokenId: string): Promise<void> {
  await exec.deleteFrom('web_push_subscriptions').where('token_id', '=', tokenId).execute();
}

export async function deleteSubscriptionById(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('web_push_subscriptions').where('id', '=', id).execute();
}

/** Whether the token can still be used: pushes to a revoked or expired token's subscription stop. */
/** The subscription's token if it still works, with whether its application is store-safe. */
export async function liveToken(exec: Executor, tokenId: string, nowIso: string): Promise<{ storeSafe: boolean } | null> {
  const token = await exec
    .selectFrom('oauth_tokens as t')
    .innerJoin('apps as ap', 'ap.id', 't.app_id')
    .select(['t.revoked_at', 't.expires_at', 'ap.store_safe'])
    .where('t.id', '=', tokenId)
    .executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= nowIso)) return null;
  return { storeSafe: Number(token.store_safe) === 1 };
}

/** Whether `accountId` follows `otherId`, and whether `otherId` follows `accountId`. */
export async function followRelation(exec: Executor, accountId: string, otherId: string): Promise<{ follows: boolean; followedBy: boolean }> {
  const rows = await exec
    .selectFrom('follows')
    .select(['account_id', 'target_account_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', accountId), eb('target_account_id', '=', otherId)]),
        eb.and([eb('account_id', '=', otherId), eb('target_account_id', '=', accountId)]),
      ]),
    )
    .execute();
  return { follows: rows.some((r) => r.account_id === accountId), followedBy: rows.some((r) => r.account_id === otherId) };
}

const VAPID_KEY = 'vapid_keys';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export async function readVapidKeys(exec: Executor): Promise<VapidKeys | undefined> {
  const row = await exec.selectFrom('settings').select('value').where('key', '=', VAPID_KEY).executeTakeFirst();
  if (!row) return undefined;
  try {
    const v = JSON.parse(row.value) as Partial<VapidKeys>;
    return typeof v.publicKey === 'string' && typeof v.privateKey === 'string' ? { publicKey: v.publicKey, privateKey: v.privateKey } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the keys unless another process stored its own first; the stored pair wins. */
export async function storeVapidKeysOnce(exec: Executor, keys: VapidKeys, nowIso: string): Promise<void> {
  await exec
    .insertInto('settings')
    .values({ key: VAPID_KEY, value: JSON.stringify(keys), updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
