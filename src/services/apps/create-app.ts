// Registers an OAuth application (POST /api/v1/apps, the development page, the CLI).
import type { AppContext } from '../../context.ts';
import { insertApp } from '../../db/repos/apps.ts';
import type { AppRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { parseScopes, unknownScopes } from '../../domain/scopes.ts';
import { randomSecret } from '../../domain/secrets.ts';

export const OOB_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

export interface CreateAppInput {
  name: string;
  redirectUris: string[];
  scopes?: string;
  website?: string | null;
  ownerAccountId?: string | null;
}

function validRedirectUri(uri: string): boolean {
  if (uri === OOB_REDIRECT) return true;
  try {
    const u = new URL(uri);
    // Native apps use custom schemes (e.g. tusky://); fragments are not allowed by RFC 6749.
    return !u.hash && !['javascript:', 'data:', 'vbscript:', 'file:'].includes(u.protocol);
  } catch {
    return false;
  }
}

export async function createApp(ctx: AppContext, input: CreateAppInput): Promise<AppRow> {
  const name = input.name.trim();
  if (!name) throw unprocessable("Application name can't be blank");
  if (name.length > 60) throw unprocessable('Application name is too long (maximum is 60 characters)');
  if (input.redirectUris.length === 0) throw unprocessable("Redirect URI can't be blank");
  for (const uri of input.redirectUris) if (!validRedirectUri(uri)) throw unprocessable('Redirect URI must be an absolute URI.');
  const scopes = parseScopes(input.scopes);
  const unknown = unknownScopes(scopes);
  if (unknown.length) throw unprocessable(`Scopes are invalid: ${unknown.join(', ')}`);
  let website = input.website?.trim() || null;
  if (website) {
    try {
      const u = new URL(website);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    } catch {
      throw unprocessable('Website is invalid');
    }
    website = website.slice(0, 500);
  }
  const row: AppRow = {
    id: newId(ctx.clock.now().getTime()),
    name,
    website,
    redirect_uris: input.redirectUris.join('\n'),
    scopes: scopes.join(' '),
    client_id: randomSecret(32),
    client_secret: randomSecret(32),
    owner_account_id: input.ownerAccountId ?? null,
    created_at: ctx.clock.now().toISOString(),
    store_safe: 0,
  };
  await insertApp(ctx.db, row);
  return row;
}
