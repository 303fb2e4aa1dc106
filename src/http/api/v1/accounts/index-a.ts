// Helper A's account endpoints: sign-up, own credentials, lookup, profile (one or several), preferences.
import type { RouteGroup } from '../../../routes.ts';
import { createAccountRoute } from './create.ts';
import { getAccountRoute } from './get.ts';
import { getAccountsRoute } from './get-many.ts';
import { lookupAccountRoute } from './lookup.ts';
import { preferencesRoute } from './preferences.ts';
import { updateCredentialsRoute } from './update-credentials.ts';
import { deleteOwnAccountRoute } from './delete-own.ts';
import { verifyCredentialsRoute } from './verify-credentials.ts';

export const accountsRoutesA: RouteGroup = async (app, ctx) => {
  for (const route of [createAccountRoute, verifyCredentialsRoute, updateCredentialsRoute, lookupAccountRoute, getAccountRoute, getAccountsRoute, preferencesRoute, deleteOwnAccountRoute]) await route(app, ctx);
};
