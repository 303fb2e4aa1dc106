// The admin commands. Each prints what the admin needs and throws on failure.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { getSetting, isSettingKey, setSetting, settingFromText, SETTINGS } from '../db/repos/settings.ts';
import { isRole } from '../domain/accounts.ts';
import { createAccount } from '../services/accounts/create-account.ts';
import { findLocalAccountOrFail, resetPassword, setRole } from '../services/accounts/admin-accounts.ts';
import { createApp } from '../services/apps/create-app.ts';
import { findAppByClientId } from '../db/repos/apps.ts';
import { setStoreSafe } from '../db/repos/admin-apps.ts';
import { issueToken } from '../services/oauth/issue-token.ts';
import { parseScopes } from '../domain/scopes.ts';
import { findFirstAdmin } from '../db/repos/instance.ts';
import { findLoginByAccountId } from '../db/repos/users.ts';
import { createInvite } from '../services/invites/create-invite.ts';
import { parseDuration } from '../services/invites/duration.ts';
import { inviteUrl } from '../services/invites/invite-json.ts';
import { UsageError, type ParsedArgs } from './args.ts';

export type Print = (line: string) => void;

const generatedPassword = () => randomBytes(18).toString('base64url');

function need(args: ParsedArgs, index: number, what: string): string {
  const v = args.positional[index];
  if (!v) throw new UsageError(`Missing ${what}`);
  return v;
}

function role(value: string | undefined) {
  const r = value ?? 'user';
  if (!isRole(r)) throw new UsageError(`Unknown role ${r}: use user, moderator or admin`);
  return r;
}

export async function accountsCreate(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const username = need(args, 0, '<username>');
  const email = args.options.get('email');
  if (!email) throw new UsageError('Missing --email');
  const given = args.options.get('password');
  const password = given ?? generatedPassword();
  const { account } = await createAccount(ctx, { username, email, password, role: role(args.options.get('role')), confirmed: true, approved: true, allowReserved: true });
  print(`Created @${account.username} (${account.role}), id ${account.id}`);
  if (!given) print(`Password: ${password}`);
}

export async function accountsRole(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const account = await setRole(ctx, need(args, 0, '<username>'), role(need(args, 1, '<role>')));
  print(`@${account.username} is now ${account.role}`);
}

export async function accountsResetPassword(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const username = need(args, 0, '<username>');
  const given = args.options.get('password');
  const password = given ?? generatedPassword();
  await resetPassword(ctx, username, password);
  print(`Password of @${username.replace(/^@/, '')} changed; its sessions and access tokens were revoked.`);
  if (!given) print(`Password: ${password}`);
}

export async function appsCreate(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const name = args.options.get('name');
  if (!name) throw new UsageError('Missing --name');
  const owner = args.options.has('account') ? await findLocalAccountOrFail(ctx, args.options.get('account')!) : null;
  const app = await createApp(ctx, {
    name,
    redirectUris: [args.options.get('redirect-uri') ?? 'urn:ietf:wg:oauth:2.0:oob'],
    scopes: args.options.get('scopes') ?? 'read',
    ownerAccountId: owner?.id ?? null,
  });
  print(`Client key: ${app.client_id}`);
  print(`Client secret: ${app.client_secret}`);
  print(`Scopes: ${app.scopes}`);
  if (owner) {
    const { accessToken } = await issueToken(ctx, { appId: app.id, accountId: owner.id, scopes: app.scopes.split(' ') });
    print(`Access token (for @${owner.username}): ${accessToken}`);
  }
}

/** `apps store-safe <client_id> on|off`: the CLI's way to the admin API's store-safe flag. */
export async function appsStoreSafe(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const clientId = need(args, 0, '<client_id>');
  const state = need(args, 1, 'on or off');
  if (state !== 'on' && state !== 'off') throw new UsageError('Say on or off');
  const app = await findAppByClientId(ctx.db, clientId);
  if (!app) throw new UsageError(`No application has the client key ${clientId}`);
  await setStoreSafe(ctx.db, app.id, state === 'on');
  print(state === 'on' ? `"${app.name}" is store-safe: its users no longer see sensitive or held posts.` : `"${app.name}" shows what the web app shows.`);
}

export async function tokensCreate(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const owner = await findLocalAccountOrFail(ctx, need(args, 0, '<username>'));
  const scopes = parseScopes(args.options.get('scopes'), 'read write follow push');
  const app = await createApp(ctx, { name: args.options.get('app-name') ?? 'Parley CLI', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: scopes.join(' '), ownerAccountId: owner.id });
  const { accessToken } = await issueToken(ctx, { appId: app.id, accountId: owner.id, scopes });
  print(`Access token (for @${owner.username}, scopes ${scopes.join(' ')}): ${accessToken}`);
}

/** `invites create`: an invite link in the name of --account (default: the first admin). */
export async function invitesCreate(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const maxUsesText = args.options.get('max-uses');
  if (maxUsesText !== undefined && !/^\d+$/.test(maxUsesText)) throw new UsageError('--max-uses takes a whole number');
  const expiresIn = parseDuration(args.options.get('expires-in') ?? 'never');
  if (expiresIn === undefined) throw new UsageError('--expires-in takes a duration like 30m, 12h, 1d or 1w, or never');
  const account = args.options.has('account') ? await findLocalAccountOrFail(ctx, args.options.get('account')!) : await findFirstAdmin(ctx.db);
  if (!account) throw new UsageError('There is no admin account yet: pass --account <username>');
  const login = await findLoginByAccountId(ctx.db, account.id);
  if (!login) throw new UsageError(`@${account.username} has no login`);
  const invite = await createInvite(ctx, login, { maxUses: maxUsesText === undefined ? null : Number(maxUsesText), expiresIn, autofollow: false }, { byAdmin: true });
  print(inviteUrl(ctx.config, invite.code));
  print(`Invited by @${account.username}; ${invite.max_uses === null ? 'any number of uses' : `${invite.max_uses} use(s)`}, ${invite.expires_at ? `expires ${invite.expires_at}` : 'never expires'}.`);
}

export async function settingsSet(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const key = need(args, 0, '<key>');
  if (!isSettingKey(key)) throw new UsageError(`Unknown setting ${key}. Known settings:\n${settingsHelp()}`);
  const raw = args.positional.slice(1).join(' ');
  if (args.positional.length < 2) throw new UsageError('Missing <value>');
  const value = settingFromText(key, raw);
  if (value === undefined) throw new UsageError(`Invalid value for ${key}: ${SETTINGS[key].description}`);
  await setSetting(ctx.db, key, value, ctx.clock.now());
  print(`${key} = ${JSON.stringify(value)}`);
}

export async function settingsGet(ctx: AppContext, args: ParsedArgs, print: Print): Promise<void> {
  const key = need(args, 0, '<key>');
  if (!isSettingKey(key)) throw new UsageError(`Unknown setting ${key}. Known settings:\n${settingsHelp()}`);
  print(JSON.stringify(await getSetting(ctx.db, ctx.config, key)));
}

export function settingsHelp(): string {
  return Object.entries(SETTINGS)
    .map(([k, d]) => `  ${k.padEnd(26)} ${d.description}`)
    .join('\n');
}
