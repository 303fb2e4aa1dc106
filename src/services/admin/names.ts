// Domain names and e-mail addresses as the blocks compare them. Pure.
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Lower-cased punycode of a domain name, or null when it is not one. A leading "*." or "." is
 * dropped (admins paste wildcards; a block covers subdomains anyway).
 */
export function normaliseDomain(input: string): string | null {
  const raw = input.trim().replace(/^\*?\./, '').replace(/\.$/, '');
  if (!raw || raw.length > 253 || /[\s/:@?#]/.test(raw)) return null;
  const ascii = domainToASCII(raw).toLowerCase();
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  return labels.every((l) => LABEL.test(l)) ? ascii : null;
}

/** The domain and every parent: a.b.example → [a.b.example, b.example, example]. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** The domain part of an address, normalised; null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? normaliseDomain(email.slice(at + 1)) : null;
}

/**
 * Mastodon's canonical form of an address: lower-cased, dots and any "+tag" removed from the
 * local part (for every provider, as Mastodon does, since many ignore them like Gmail).
 */
export function canonicalEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = at >= 0 ? lower.slice(0, at) : lower;
  const domain = at >= 0 ? lower.slice(at + 1) : '';
  return `${local.replace(/\./g, '').split('+')[0]}@${domain}`;
}

export function canonicalEmailHash(email: string): string {
  return sha256Hex(canonicalEmail(email));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hides the middle of a domain for the public list, keeping dots and both ends readable. */
export function obfuscateDomain(domain: string): string {
  const keep = Math.floor(domain.length / 4);
  return [...domain].map((ch, i) => (ch !== '.' && i > keep && i < domain.length - keep - 1 ? '*' : ch)).join('');
}
