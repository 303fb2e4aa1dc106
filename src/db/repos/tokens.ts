import type { Db } from '../client.ts';
import type { AccountRow, TokenRow, UserRow } from '../schema.ts';

export interface TokenWithOwner {
  token: TokenRow;
  account: AccountRow | null;
  user: UserRow | null;
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenWithOwner | null> {
  const token = await db.selectFrom('oauth_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!token) return null;
  if (!token.account_id) return { token, account: null, user: null };
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', token.account_id).executeTakeFirst();
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', token.account_id).executeTakeFirst();
  return { token, account: account ?? null, user: user ?? null };
}
