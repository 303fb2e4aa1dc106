// Whether the signed-in account is on the moderation team, read from its role like Mastodon
// clients do: the role's permission bits (administrator or manage_reports).
import type { CredentialAccountJson } from '../../../api/entities.ts';

const ADMINISTRATOR = 0x1;
const MANAGE_REPORTS = 0x10;

export function isStaff(me: CredentialAccountJson | null): boolean {
  const bits = Number(me?.role?.permissions ?? 0);
  return Number.isFinite(bits) && (bits & (ADMINISTRATOR | MANAGE_REPORTS)) !== 0;
}

/** Admins alone: hides what only an admin may use (the server checks the role again on every call). */
export function isAdmin(me: CredentialAccountJson | null): boolean {
  const bits = Number(me?.role?.permissions ?? 0);
  return Number.isFinite(bits) && (bits & ADMINISTRATOR) !== 0;
}
