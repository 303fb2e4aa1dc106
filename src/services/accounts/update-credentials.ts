// PATCH /api/v1/accounts/update_credentials: profile and posting defaults, in one transaction.
import type { AppContext } from '../../context.ts';
import { updateAccount, updateUser } from '../../db/repos/users.ts';
import type { AccountRow, AccountsTable, UsersTable } from '../../db/schema.ts';
import type { Updateable } from 'kysely';
import { renderFieldValue, renderProfileText } from '../../text/render-profile-text.ts';

export interface ProfileChanges {
  displayName?: string;
  note?: string;
  fields?: { name: string; value: string }[];
  locked?: boolean;
  bot?: boolean;
  discoverable?: boolean;
  indexable?: boolean;
  hideCollections?: boolean;
  hideFromLoggedOut?: boolean;
  privacy?: string;
  sensitive?: boolean;
  language?: string | null;
  quotePolicy?: string;
}

const bit = (b: boolean) => (b ? 1 : 0) as 0 | 1;

export async function updateCredentials(ctx: AppContext, account: AccountRow, c: ProfileChanges): Promise<AccountRow> {
  const now = ctx.clock.now().toISOString();
  const a: Updateable<AccountsTable> = { updated_at: now };
  if (c.displayName !== undefined) a.display_name = c.displayName;
  if (c.note !== undefined) {
    a.note = c.note;
    a.note_html = c.note.trim() ? (await renderProfileText(ctx, c.note)).html : '';
  }
  if (c.fields !== undefined) {
    const rendered = [];
    // Mastodon drops rows where both name and value are blank.
    for (const f of c.fields.filter((f) => f.name.trim() || f.value.trim())) {
      rendered.push({ name: f.name.trim(), value: f.value.trim(), value_html: (await renderFieldValue(ctx, f.value)).html, verified_at: null });
    }
    a.fields = JSON.stringify(rendered);
  }
  if (c.locked !== undefined) a.locked = bit(c.locked);
  if (c.bot !== undefined) a.bot = bit(c.bot);
  if (c.discoverable !== undefined) a.discoverable = bit(c.discoverable);
  if (c.indexable !== undefined) a.indexable = bit(c.indexable);
  if (c.hideCollections !== undefined) a.hide_collections = bit(c.hideCollections);
  if (c.hideFromLoggedOut !== undefined) a.hide_from_logged_out = bit(c.hideFromLoggedOut);
  if (c.quotePolicy !== undefined) a.quote_policy = c.quotePolicy;
  const u: Updateable<UsersTable> = {};
  if (c.privacy !== undefined) u.default_visibility = c.privacy;
  if (c.sensitive !== undefined) u.default_sensitive = bit(c.sensitive);
  if (c.language !== undefined) u.default_language = c.language;
  return ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(u).length > 0) await updateUser(trx, account.id, u);
    return updateAccount(trx, account.id, a);
  });
}
