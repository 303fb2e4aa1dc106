// OAuth scopes as Mastodon defines them: top-level scopes imply their granular children.
export const TOP_LEVEL_SCOPES = ['read', 'write', 'follow', 'push', 'profile'] as const;

export const GRANULAR_SCOPES = [
  'read:accounts', 'read:blocks', 'read:bookmarks', 'read:favourites', 'read:filters', 'read:follows',
  'read:lists', 'read:mutes', 'read:notifications', 'read:search', 'read:statuses',
  'write:accounts', 'write:blocks', 'write:bookmarks', 'write:conversations', 'write:favourites',
  'write:filters', 'write:follows', 'write:lists', 'write:media', 'write:mutes', 'write:notifications',
  'write:reports', 'write:statuses',
  'admin:read', 'admin:write',
  'admin:read:accounts', 'admin:read:reports', 'admin:read:domain_allows', 'admin:read:domain_blocks',
  'admin:read:ip_blocks', 'admin:read:email_domain_blocks', 'admin:read:canonical_email_blocks',
  'admin:write:accounts', 'admin:write:reports', 'admin:write:domain_allows', 'admin:write:domain_blocks',
  'admin:write:ip_blocks', 'admin:write:email_domain_blocks', 'admin:write:canonical_email_blocks',
] as const;

const KNOWN = new Set<string>([...TOP_LEVEL_SCOPES, ...GRANULAR_SCOPES]);

/** `follow` is the legacy scope for the social graph; Mastodon still grants these through it. */
const FOLLOW_IMPLIES = new Set(['read:blocks', 'write:blocks', 'read:follows', 'write:follows', 'read:mutes', 'write:mutes']);

export function parseScopes(value: string | undefined | null, fallback = 'read'): string[] {
  const raw = (value ?? '').trim() || fallback;
  return [...new Set(raw.split(/[\s+]+/).filter(Boolean))];
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !KNOWN.has(s));
}

/** Whether a set of granted scopes allows an action that requires `required`. */
export function scopeAllows(granted: ReadonlySet<string> | readonly string[], required: string): boolean {
  const has = (s: string) => (granted instanceof Set ? granted.has(s) : (granted as readonly string[]).includes(s));
  if (has(required)) return true;
  const parts = required.split(':');
  // admin:read:accounts is implied by admin:read; read:statuses by read.
  for (let i = parts.length - 1; i > 0; i--) if (has(parts.slice(0, i).join(':'))) return true;
  if (FOLLOW_IMPLIES.has(required) && has('follow')) return true;
  // Mastodon: "profile" grants only verify_credentials, which asks for read:accounts.
  return false;
}

/** Requested scopes must be a subset of what the application registered. */
export function scopesWithin(requested: string[], registered: string[]): boolean {
  return requested.every((s) => scopeAllows(registered, s));
}
