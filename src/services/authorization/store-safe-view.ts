// Which viewers read through a store-safe application (an admin's flag on an OAuth app, for
// builds sold in app stores): they never see posts labelled sensitive or held for review, the
// way Parler's iOS app hid what the web showed behind a click.
//
// The flag belongs to the request's credentials, not to the person: the same account sees
// everything on the web. Authentication marks the account object it loaded for this request (a
// fresh object per request or stream), so every read path that already passes the viewer along
// applies the rule without a new parameter on each of them.
import type { AccountRow } from '../../db/schema.ts';

const storeSafeViewers = new WeakSet<AccountRow>();

export function markStoreSafeViewer(account: AccountRow): void {
  storeSafeViewers.add(account);
}

export function readsStoreSafe(viewer: AccountRow | null | undefined): boolean {
  return viewer != null && storeSafeViewers.has(viewer);
}
