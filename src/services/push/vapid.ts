// The server's VAPID key pair (RFC 8292): generated once, on first start, and kept in the
// settings table so every process and every restart signs with the same key.
import webpush from 'web-push';
import type { AppContext } from '../../context.ts';
import { readVapidKeys, storeVapidKeysOnce, type VapidKeys } from '../../db/repos/push-subscriptions.ts';

const cache = new WeakMap<AppContext, Promise<VapidKeys>>();

async function loadOrCreate(ctx: AppContext): Promise<VapidKeys> {
  const existing = await readVapidKeys(ctx.db);
  if (existing) return existing;
  await storeVapidKeysOnce(ctx.db, webpush.generateVAPIDKeys(), ctx.clock.now().toISOString());
  const stored = await readVapidKeys(ctx.db);
  if (!stored) throw new Error('VAPID keys could not be stored');
  return stored;
}

export function vapidKeys(ctx: AppContext): Promise<VapidKeys> {
  let keys = cache.get(ctx);
  if (!keys) {
    keys = loadOrCreate(ctx);
    // A failure (database down at start) must not be remembered.
    keys.catch(() => cache.delete(ctx));
    cache.set(ctx, keys);
  }
  return keys;
}

export async function vapidPublicKey(ctx: AppContext): Promise<string> {
  return (await vapidKeys(ctx)).publicKey;
}

/** RFC 8292 asks for a contact: an https URL or a mailto address. */
export function vapidSubject(baseUrl: string, domain: string, contactEmail: string): string {
  if (contactEmail) return `mailto:${contactEmail}`;
  if (baseUrl.startsWith('https:')) return baseUrl;
  return `mailto:admin@${domain.replace(/:\d+$/, '')}`;
}
