import type { RelationshipJson } from '../../api/entities.ts';
export type { RelationshipJson };
export interface RelationshipState {
  targetId: string;
  /** The viewer's follow (or pending request) options, if any. */
  follow: { show_reblogs: number; notify: number; languages: string | null } | null;
  request: { show_reblogs: number; notify: number; languages: string | null } | null;
  followedBy: boolean;
  blocking: boolean;
  blockedBy: boolean;
  mute: { hide_notifications: number; expires_at: string | null } | null;
  requestedBy: boolean;
  endorsed: boolean;
  note: string;
}

function parseLanguages(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : null;
  } catch {
    return null;
  }
}

export function serializeRelationship(s: RelationshipState): RelationshipJson {
  // Like Mastodon, a pending request reports the options it will have once accepted.
  const opts = s.follow ?? s.request;
  return {
    id: s.targetId,
    following: s.follow !== null,
    showing_reblogs: opts ? opts.show_reblogs === 1 : false,
    notifying: opts ? opts.notify === 1 : false,
    languages: opts ? parseLanguages(opts.languages) : null,
    followed_by: s.followedBy,
    blocking: s.blocking,
    blocked_by: s.blockedBy,
    muting: s.mute !== null,
    muting_notifications: s.mute ? s.mute.hide_notifications === 1 : false,
    muting_expires_at: s.mute?.expires_at ?? null,
    requested: s.request !== null,
    requested_by: s.requestedBy,
    domain_blocking: false,
    endorsed: s.endorsed,
    note: s.note,
  };
}
