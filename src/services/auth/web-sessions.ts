// Browser sessions for the server-rendered pages: the cookie holds a random value, the database
// only its sha256, so a leaked database does not yield sessions. Each remembers the browser that
// signed in and when it was last used, for the sessions list in settings.
import type { AppContext } from '../../context.ts';
import { deleteWebSession, findWebSession, insertWebSession, touchWebSession } from '../../db/repos/sessions.ts';
import { findLoginByAccountId, type Login } from '../../db/repos/users.ts';
import type { WebSessionRow } from '../../db/schema.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';
import { updateUser } from '../../db/repos/users.ts';
import { loginBlocker } from './sign-in.ts';

const SESSION_DAYS = 30;
const TOUCH_INTERVAL_MS = 3600_000;
const USER_AGENT_MAX = 512;

/** Who is signing in, as the request tells it. */
export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

/** Cut to a size worth storing; an empty header is no header. */
export function clientInfo(userAgent: string | undefined, ip: string | undefined): ClientInfo {
  return { userAgent: userAgent?.trim().slice(0, USER_AGENT_MAX) || null, ip: ip || null };
}

export interface WebSession {
  session: WebSessionRow;
  login: Login;
}

export async function startWebSession(ctx: AppContext, accountId: string, client: ClientInfo = { userAgent: null, ip: null }): Promise<{ cookieValue: string; session: WebSessionRow }> {
  const cookieValue = randomSecret();
  const now = ctx.clock.now();
  const session: WebSessionRow = {
    id: sha256(cookieValue),
    account_id: accountId,
    csrf_secret: randomSecret(),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    user_agent: client.userAgent,
    ip: client.ip,
    last_used_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertWebSession(trx, session);
    await updateUser(trx, accountId, { last_sign_in_at: session.created_at });
  });
  return { cookieValue, session };
}

/** The session behind a cookie value, if it is valid and its account may still sign in. */
export async function resolveWebSession(ctx: AppContext, cookieValue: string | undefined): Promise<WebSession | null> {
  if (!cookieValue) return null;
  const session = await findWebSession(ctx.db, sha256(cookieValue), ctx.clock.now().toISOString());
  if (!session) return null;
  const login = await findLoginByAccountId(ctx.db, session.account_id);
  if (!login || loginBlocker(login)) return null;
  // An hour's precision is enough for "last used" and spares a write per page view.
  const now = ctx.clock.now();
  if (!session.last_used_at || Date.parse(session.last_used_at) < now.getTime() - TOUCH_INTERVAL_MS) {
    session.last_used_at = now.toISOString();
    await touchWebSession(ctx.db, session.id, session.last_used_at);
  }
  return { session, login };
}

export async function endWebSession(ctx: AppContext, cookieValue: string | undefined): Promise<void> {
  if (cookieValue) await deleteWebSession(ctx.db, sha256(cookieValue));
}
