// Web Push per Mastodon's API: subscribe with the server's VAPID key, then register the
// subscription with POST /api/v1/push/subscription.
import type { Api } from '../api/endpoints.ts';

export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

export async function subscribePush(api: Api, vapidKey: string): Promise<void> {
  const reg = await navigator.serviceWorker.ready;
  const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidKey) });
  const json = sub.toJSON();
  await api.pushSubscribe({
    subscription: { endpoint: json.endpoint, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth } },
    data: { alerts: { mention: true, follow: true, favourite: true, reblog: true, poll: true, follow_request: true, status: false, update: true, quote: true }, policy: 'all' },
  });
}

export async function unsubscribePush(api: Api): Promise<void> {
  const sub = await currentPushSubscription();
  await sub?.unsubscribe();
  await api.pushUnsubscribe();
}
