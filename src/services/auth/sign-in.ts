// Checks a username-or-e-mail and password, in constant time whether or not the login exists.
import type { AppContext } from '../../context.ts';
import { findLogin, type Login } from '../../db/repos/users.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../domain/passwords.ts';

export async function checkPassword(ctx: AppContext, usernameOrEmail: string, password: string): Promise<Login | null> {
  const login = usernameOrEmail.trim() ? await findLogin(ctx.db, usernameOrEmail) : undefined;
  // Hash anyway when there is no such login, so response time does not reveal which names exist.
  const ok = await verifyPassword(password, login?.user.password_hash ?? (await DUMMY_HASH_PROMISE));
  return login && ok ? login : null;
}

/** Why a login with the right password may still not be used, or null when it may. */
export function loginBlocker(login: Login): string | null {
  if (login.account.suspended_at || login.user.disabled_at) return 'Your login is currently disabled';
  if (!login.user.confirmed_at) return 'Your login is missing a confirmed e-mail address';
  if (!login.user.approved) return 'Your login is currently pending approval';
  return null;
}
