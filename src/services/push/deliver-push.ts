// Delivers one notification to one Web Push subscription: builds Mastodon's payload, encrypts it
// for the browser (RFC 8291 aes128gcm, or the legacy aesgcm draft for non-standard
// subscriptions), signs with the VAPID key (RFC 8292) and POSTs it to the push service through
// safeFetch, which holds push endpoints to the same address rules as every server-side fetch.
import webpush from 'web-push';
import type { AppContext } from '../../context.ts';
import { findAccountById, findUserByAccountId } from '../../db/repos/accounts.ts';
import { findNotificationsByIds } from '../../db/repos/notifications.ts';
import { deleteSubscriptionById, findSubscriptionById, liveToken } from '../../db/repos/push-subscriptions.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { LOOPBACK_RANGES, withRanges, type PrivateAllowList } from '../../infra/safe-fetch/allow-list.ts';
import { SafeFetchError, type SafeFetchErrorCode } from '../../infra/safe-fetch/errors.ts';
import { safeFetch, type SafeFetchResponse } from '../../infra/safe-fetch/safe-fetch.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { endpointProblem } from './endpoint-rule.ts';
import { buildPushPayload } from './push-payload.ts';
import { vapidKeys, vapidSubject } from './vapid.ts';

const TTL_SECONDS = 48 * 3600;
const TIMEOUT_MS = 15_000;
// Refusals that retrying cannot cure: the endpoint is not one the server will ever POST to.
const REFUSED_FOR_GOOD = new Set<SafeFetchErrorCode>(['private-address', 'scheme', 'credentials', 'invalid-url']);

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
  let res: SafeFetchResponse;
  try {
    res = await safeFetch(sub.endpoint, {
      method: 'POST',
      // web-push gives some values as numbers (Content-Length).
      headers: Object.fromEntries(Object.entries(details.headers).map(([name, value]) => [name, String(value)])),
      body: details.body ?? undefined,
      // A push service answers directly; following redirects could lead the server anywhere.
      redirect: 'manual',
      timeoutMs: TIMEOUT_MS,
      allowHttp: ctx.allowLoopbackPush,
      allowPrivate: pushAllowList(ctx),
    });
  } catch (err) {
    // E.g. the endpoint's host name now resolves into the server's own network. DNS failures,
    // timeouts and unreachable services are thrown on, and the job is retried.
    if (err instanceof SafeFetchError && REFUSED_FOR_GOOD.has(err.code)) return remove();
    throw err;
  }
  if (res.status >= 200 && res.status < 300) return 'sent';
  // The browser unsubscribed or the subscription expired: stop pushing to it (RFC 8030 section 7.3).
  if (res.status === 404 || res.status === 410) return remove();
  if (res.status === 429 || res.status >= 500) throw new Error(`push service answered ${res.status}`);
  ctx.log.warn({ subscriptionId, status: res.status }, 'push service refused a notification');
  return 'refused';
}

/** The admin's exceptions, plus loopback when the tests' local push service is in use. */
function pushAllowList(ctx: AppContext): PrivateAllowList {
  return ctx.allowLoopbackPush ? withRanges(ctx.config.fetchAllowPrivate, LOOPBACK_RANGES) : ctx.config.fetchAllowPrivate;
}
