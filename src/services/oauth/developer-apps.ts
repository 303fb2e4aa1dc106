// The development page's use cases: an application of one's own, with a token for oneself.
import type { AppContext } from '../../context.ts';
import { deleteApp, findAppOwnedBy, revokeAccountTokens } from '../../db/repos/oauth.ts';
import type { AppRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { createApp } from '../apps/create-app.ts';
import { issueToken } from './issue-token.ts';

export interface DeveloperApp {
  app: AppRow;
  accessToken: string;
}

export async function createDeveloperApp(ctx: AppContext, ownerId: string, input: { name: string; redirectUri: string; scopes: string[] }): Promise<DeveloperApp> {
  const app = await createApp(ctx, { name: input.name, redirectUris: [input.redirectUri.trim() || 'urn:ietf:wg:oauth:2.0:oob'], scopes: input.scopes.join(' '), ownerAccountId: ownerId });
  const { accessToken } = await issueToken(ctx, { appId: app.id, accountId: ownerId, scopes: app.scopes.split(' ') });
  return { app, accessToken };
}

/** Revokes one's tokens of the app and issues a new one (tokens are stored hashed: the old cannot be shown again). */
export async function regenerateDeveloperToken(ctx: AppContext, ownerId: string, appId: string): Promise<DeveloperApp> {
  const app = await findAppOwnedBy(ctx.db, appId, ownerId);
  if (!app) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    await revokeAccountTokens(trx, ownerId, ctx.clock.now().toISOString(), app.id);
    const { accessToken } = await issueToken(ctx, { appId: app.id, accountId: ownerId, scopes: app.scopes.split(' '), exec: trx });
    return { app, accessToken };
  });
}

export async function deleteDeveloperApp(ctx: AppContext, ownerId: string, appId: string): Promise<void> {
  const app = await findAppOwnedBy(ctx.db, appId, ownerId);
  if (!app) throw notFound();
  await deleteApp(ctx.db, app.id);
}
