// Token lookup for every authenticated request: token, account and login in one statement.
import { sql } from 'kysely';
import type { Db } from '../client.ts';
import { fromShape, slot } from '../compiled-shapes.ts';
import { ACCOUNT_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS, prefixedColumns, unprefixed } from '../columns.ts';
import type { AccountRow, TokenRow, UserRow } from '../schema.ts';

export interface TokenWithOwner {
  token: TokenRow;
  account: AccountRow | null;
  user: UserRow | null;
  /** The token's application is flagged store-safe. */
  storeSafe: boolean;
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenWithOwner | null> {
  const build = () => sql<Record<string, unknown>>`
    select ${prefixedColumns('t', 't', TOKEN_COLUMNS)}, ${prefixedColumns('a', 'a', ACCOUNT_COLUMNS)}, ${prefixedColumns('u', 'u', USER_COLUMNS)}, ap.store_safe as app_store_safe
    from oauth_tokens t
    left join apps ap on ap.id = t.app_id
    left join accounts a on a.id = t.account_id
    left join users u on u.account_id = t.account_id
    where t.token_hash = ${slot('hash')}`;
  const { rows } = await db.executeQuery(fromShape(db, 'token-with-owner', build, { hash: tokenHash }));
  const row = rows[0];
  if (!row) return null;
  return {
    token: unprefixed<TokenRow>(row, 't', TOKEN_COLUMNS),
    account: row.a_id == null ? null : unprefixed<AccountRow>(row, 'a', ACCOUNT_COLUMNS),
    user: row.u_account_id == null ? null : unprefixed<UserRow>(row, 'u', USER_COLUMNS),
    storeSafe: Number(row.app_store_safe) === 1,
  };
}

export async function touchToken(db: Db, tokenId: string, at: string): Promise<void> {
  await db.updateTable('oauth_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
