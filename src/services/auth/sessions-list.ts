// The sessions list in settings: the account's live web sessions and OAuth tokens, each with the
// device that created it and its last use, and revoking one of them. Public ids never expose a
// stored lookup key: a web session's id is a hash of its (already hashed) cookie value.
import type { AppContext } from '../../context.ts';
import { deleteAccountWebSession, listAccountLiveTokens, listAccountWebSessions, recordTokenClient, revokeAccountToken } from '../../db/repos/sessions.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { sha256 } from '../../domain/secrets.ts';
import { describeUserAgent, deviceLabel } from '../../domain/user-agent.ts';
import type { ClientInfo } from './web-sessions.ts';

export interface SessionEntry {
  id: string;
  kind: 'web' | 'oauth';
  /** The authorized application; null for a browser signed in to this server's pages. */
  app_name: string | null;
  app_website: string | null;
  /** "Firefox on Linux", or null when the creating request sent no User-Agent. */
  device: string | null;
  browser: string | null;
  platform: string | null;
  ip: string | null;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
  /** The session or token making this request. */
  current: boolean;
}

/** What identifies the caller: its token, and the web session cookie its browser also sent. */
export interface CurrentCredentials {
  tokenId: string | null;
  webSessionId: string | null;
}

const WEB_PREFIX = 'web-';
const TOKEN_PREFIX = 'token-';

const webPublicId = (storedId: string) => `${WEB_PREFIX}${sha256(`session-list:${storedId}`).slice(0, 32)}`;

function device(userAgent: string | null) {
  const d = describeUserAgent(userAgent);
  return { device: deviceLabel(d), browser: d.browser, platform: d.platform };
}

export async function listSessions(ctx: AppContext, accountId: string, current: CurrentCredentials): Promise<SessionEntry[]> {
  const now = ctx.clock.now().toISOString();
  const [sessions, tokens] = await Promise.all([listAccountWebSessions(ctx.db, accountId, now), listAccountLiveTokens(ctx.db, accountId, now)]);
  const entries: SessionEntry[] = [
    ...sessions.map((s) => ({
      id: webPublicId(s.id),
      kind: 'web' as const,
      app_name: null,
      app_website: null,
      ...device(s.user_agent),
      ip: s.ip,
      scopes: [],
      created_at: s.created_at,
      last_used_at: s.last_used_at,
      current: s.id === current.webSessionId,
    })),
    ...tokens.map((t) => ({
      id: `${TOKEN_PREFIX}${t.id}`,
      kind: 'oauth' as const,
      app_name: t.app_name,
      app_website: t.app_website,
      ...device(t.user_agent),
      ip: t.ip,
      scopes: t.scopes.split(' '),
      created_at: t.created_at,
      last_used_at: t.last_used_at,
      current: t.id === current.tokenId,
    })),
  ];
  // Most recently used first; never-used ones by creation.
  const lastSeen = (e: SessionEntry) => e.last_used_at ?? e.created_at;
  return entries.sort((a, b) => (lastSeen(a) < lastSeen(b) ? 1 : lastSeen(a) > lastSeen(b) ? -1 : 0));
}

/** Ends a web session or revokes a token of the account; 404 for anything else, someone else's included. */
export async function revokeSession(ctx: AppContext, accountId: string, publicId: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  if (publicId.startsWith(TOKEN_PREFIX)) {
    const tokenId = publicId.slice(TOKEN_PREFIX.length);
    if (isId(tokenId) && (await revokeAccountToken(ctx.db, accountId, tokenId, now))) return;
    throw notFound();
  }
  if (publicId.startsWith(WEB_PREFIX)) {
    const session = (await listAccountWebSessions(ctx.db, accountId, now)).find((s) => webPublicId(s.id) === publicId);
    if (session && (await deleteAccountWebSession(ctx.db, accountId, session.id))) return;
  }
  throw notFound();
}

/** Remembers which device asked for a token (the /oauth/token request), once it is issued. */
export async function rememberTokenClient(ctx: AppContext, tokenId: string, client: ClientInfo): Promise<void> {
  await recordTokenClient(ctx.db, tokenId, client);
}
