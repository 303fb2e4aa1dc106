// Creates a local account with its login (sign-up, the CLI, tests).
import type { AppContext } from '../../context.ts';
import { findLocalAccountByUsername, findUserByEmail, insertAccountWithUser } from '../../db/repos/accounts.ts';
import type { AccountRow } from '../../db/schema.ts';
import type { Executor } from '../../jobs/queue.ts';
import { emailProblem, passwordProblem, usernameProblem, type Role } from '../../domain/accounts.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { hashPassword } from '../../domain/passwords.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';

export interface CreateAccountInput {
  username: string;
  email: string;
  password: string;
  role?: Role;
  locale?: string;
  /** Skip e-mail confirmation (CLI, tests, or no SMTP configured). */
  confirmed?: boolean;
  approved?: boolean;
  reason?: string | null;
  /** Admins may create accounts with reserved names from the CLI. */
  allowReserved?: boolean;
  /** More writes in the same transaction (e.g. enqueueing the confirmation e-mail). */
  inTransaction?: (trx: Executor, created: CreatedAccount) => Promise<void>;
}

export interface CreatedAccount {
  account: AccountRow;
  /** The e-mail confirmation token to send, when confirmation is required. */
  confirmationToken: string | null;
}

export async function createAccount(ctx: AppContext, input: CreateAccountInput): Promise<CreatedAccount> {
  const username = input.username.trim();
  const email = input.email.trim();
  const problem = usernameProblem(username, { allowReserved: input.allowReserved }) ?? emailProblem(email) ?? passwordProblem(input.password);
  if (problem) throw unprocessable(problem, { details: {} });
  if (await findLocalAccountByUsername(ctx.db, username)) throw unprocessable('Username has already been taken');
  if (await findUserByEmail(ctx.db, email)) throw unprocessable('Email has already been taken');

  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  const confirmed = input.confirmed ?? !ctx.mailer.enabled;
  const confirmationToken = confirmed ? null : randomSecret();
  const account: AccountRow = {
    id,
    username,
    username_lower: username.toLowerCase(),
    domain: null,
    display_name: '',
    note: '',
    note_html: '',
    fields: '[]',
    locked: 0,
    bot: 0,
    discoverable: 1,
    indexable: 1,
    hide_collections: 0,
    hide_from_logged_out: 0,
    quote_policy: 'public',
    role: input.role ?? 'user',
    avatar_file: null,
    header_file: null,
    statuses_count: 0,
    followers_count: 0,
    following_count: 0,
    last_status_at: null,
    suspended_at: null,
    silenced_at: null,
    sensitized_at: null,
    deleted_at: null,
    created_at: now,
    updated_at: now,
  };
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await insertAccountWithUser(trx, account, {
      account_id: id,
      email,
      email_lower: email.toLowerCase(),
      password_hash: passwordHash,
      confirmed_at: confirmed ? now : null,
      confirmation_token_hash: confirmationToken ? sha256(confirmationToken) : null,
      confirmation_sent_at: confirmationToken ? now : null,
      approved: input.approved === false ? 0 : 1,
      sign_up_reason: input.reason ?? null,
      locale: input.locale ?? 'en',
      default_visibility: 'public',
      default_sensitive: 0,
      default_language: null,
      created_at: now,
      last_sign_in_at: null,
      disabled_at: null,
    });
    await input.inTransaction?.(trx, { account, confirmationToken });
  });
  return { account, confirmationToken };
}
