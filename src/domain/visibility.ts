// Who may see a status: the pure rule. The facts (follows, blocks, mentions) are loaded in bulk
// by src/services/authorization/status-visibility.ts, the one place that applies this rule.
export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function isVisibility(v: unknown): v is Visibility {
  return typeof v === 'string' && (VISIBILITIES as readonly string[]).includes(v);
}

/** Visibilities whose posts may be reblogged, pinned and quoted by others. */
export function isDistributable(v: string): boolean {
  return v === 'public' || v === 'unlisted';
}

export interface VisibilityFacts {
  visibility: string;
  /** The viewer wrote the status. */
  isAuthor: boolean;
  anonymous: boolean;
  authorUnavailable: boolean;
  /** The author blocks the viewer or the viewer blocks the author. */
  blockedEitherWay: boolean;
  viewerFollowsAuthor: boolean;
  viewerMentioned: boolean;
  /** A content policy holds the status for a moderator: nobody but its author sees it yet. */
  held?: boolean;
  /** Labelled sensitive: by its author, a content policy, or a moderator (the post or its author). */
  sensitive?: boolean;
  /** The author hides their posts from people who are not signed in. */
  authorHidesFromAnonymous?: boolean;
  /** The viewer reads through a store-safe application: sensitive and held posts of others are left out. */
  storeSafe?: boolean;
}

export function canSee(f: VisibilityFacts): boolean {
  if (f.isAuthor) return true;
  if (f.held) return false;
  if (f.storeSafe && f.sensitive) return false;
  if (f.authorUnavailable) return false;
  if (f.anonymous) return isDistributable(f.visibility) && !f.authorHidesFromAnonymous;
  if (f.blockedEitherWay) return false;
  switch (f.visibility) {
    case 'public':
    case 'unlisted':
      return true;
    case 'private':
      return f.viewerFollowsAuthor || f.viewerMentioned;
    case 'direct':
      return f.viewerMentioned;
    default:
      return false;
  }
}

/**
 * Of `candidates`, the ids the viewer may see: a status it `sees`, and for a reblog also its
 * original (looked up in `byId`; a missing original hides the reblog).
 */
export function visibleAmong<T extends { id: string; reblog_of_id: string | null }>(
  candidates: Iterable<T>,
  byId: ReadonlyMap<string, T>,
  sees: (s: T) => boolean,
): Set<string> {
  const visible = new Set<string>();
  for (const s of candidates) {
    if (!sees(s)) continue;
    if (s.reblog_of_id) {
      const original = byId.get(s.reblog_of_id);
      if (!original || !sees(original)) continue;
    }
    visible.add(s.id);
  }
  return visible;
}

/** Mastodon's quote policies and what each allows. */
export const QUOTE_POLICIES = ['public', 'followers', 'nobody'] as const;
export type QuotePolicy = (typeof QUOTE_POLICIES)[number];

export function quoteApprovalAutomatic(policy: string): string[] {
  if (policy === 'public') return ['public'];
  if (policy === 'followers') return ['followers'];
  return [];
}

export function canQuote(f: { visibility: string; policy: string; isAuthor: boolean; viewerFollowsAuthor: boolean }): boolean {
  // Quoting a private or direct post would leak it to the quoter's audience.
  if (!isDistributable(f.visibility)) return false;
  if (f.isAuthor) return true;
  if (f.policy === 'public') return true;
  if (f.policy === 'followers') return f.viewerFollowsAuthor;
  return false;
}
