// Whether the signed-in account is an admin, read from its role's permission bits like isStaff in
// lib/staff.ts (which has no admin check, and lies outside this folder's change). Only hides what
// an admin alone may use; the server checks the role again on every admin call.
import type { CredentialAccountJson } from '../../../api/entities.ts';

/** Mastodon's `administrator` permission bit. */
const ADMINISTRATOR = 0x1;

export function isAdmin(me: CredentialAccountJson | null): boolean {
  const bits = Number(me?.role?.permissions ?? 0);
  return Number.isFinite(bits) && (bits & ADMINISTRATOR) !== 0;
}
