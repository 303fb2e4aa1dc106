// Delivers one notification to one Web Push subscription: builds Mastodon's payload, encrypts it
// for the browser (RFC 8291 aes128gcm, or the legacy aesgcm draft for non-standard
// subscriptions), signs with the VAPID key (RFC 8292) and POSTs it to the push service.
import webpush from 'web-push';
import type { AppContext } from '../../context.ts';
import { findAccountById, findUserByAccountId } from '../../db/repos/accounts.ts';
import { findNotificationsByIds } from '../../db/repos/notifications.ts';
import { deleteSubscriptionById, findSubscriptionById, liveToken } from '../../db/repos/push-subscriptions.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { endpointProblem, resolvesToPrivateAddress } from './endpoint-rule.ts';
import { buildPushPayload } from './push-payload.ts';
import { vapidKeys, vapidSubject } from './vapid.ts';

const TTL_SECONDS = 48 * 3600;
const TIMEOUT_MS = 15_000;

export type PushOutcome = 'sent' | 'skipped' | 'subscription-removed' | 'refused';

export async function deliverWebPush(ctx: AppContext, subscriptionId: string, notificationId: string): Promise<PushOutcome> {
  const sub = await findSubscriptionById(ctx.db, subscriptionId);
  if (!sub) return 'skipped';
  const [notification] = await findNotificationsByIds(ctx.db, [notificationId]);
  if (!notification || notification.account_id !== sub.account_id) return 'skipped';
  const remove = async () => {
    await deleteSubscriptionById(ctx.db, sub.id);
    return 'subscription-removed' as const;
  };
  const token = await liveToken(ctx.db, sub.token_id, ctx.clock.now().toISOString());
  if (!token) return remove();
  // The rule is checked again at delivery: a subscription stored under another rule is not used.
  if (endpointProblem(sub.endpoint, { allowLoopbackHttp: ctx.allowLoopbackPush })) return remove();
  if (!ctx.allowLoopbackPush && (await resolvesToPrivateAddress(sub.endpoint))) return remove();

  const [from, user, status] = await Promise.all([
    findAccountById(ctx.db, notification.from_account_id),
    findUserByAccountId(ctx.db, sub.account_id),
    notification.status_id ? findStatusById(ctx.db, notification.status_id) : Promise.resolve(undefined),
  ]);
  if (!from) return 'skipped';
  // A store-safe app shows nothing sensitive of others, and a push's body is an excerpt of the post.
  const othersSensitive = status && status.account_id !== sub.account_id && (status.sensitive === 1 || (status.account_id === from.id && from.sensitized_at !== null));
  if (token.storeSafe && othersSensitive) return 'skipped';
  const payload = buildPushPayload({ notification, from, status: status ?? null, locale: user?.locale ?? 'en', icon: serializeAccount(ctx.config, from).avatar_static });

  const keys = await vapidKeys(ctx);
  const contact = await getSetting(ctx.db, ctx.config, 'site_contact_email');
  const details = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.key_p256dh, auth: sub.key_auth } }, JSON.stringify(payload), {
    vapidDetails: { subject: vapidSubject(ctx.config.baseUrl, ctx.config.domain, contact), publicKey: keys.publicKey, privateKey: keys.privateKey },
    contentEncoding: sub.standard === 1 ? 'aes128gcm' : 'aesgcm',
    TTL: TTL_SECONDS,
    urgency: 'normal',
  });
  const res = await fetch(sub.endpoint, {
    method: 'POST',
    headers: details.headers as Record<string, string>,
    body: details.body ?? undefined,
    // A push service answers directly; following redirects could lead the server anywhere.
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status >= 200 && res.status < 300) return 'sent';
  // The browser unsubscribed or the subscription expired: stop pushing to it (RFC 8030 section 7.3).
  if (res.status === 404 || res.status === 410) return remove();
  if (res.status === 429 || res.status >= 500) throw new Error(`push service answered ${res.status}`);
  ctx.log.warn({ subscriptionId, status: res.status }, 'push service refused a notification');
  return 'refused';
}
