// Client authentication at the token and revocation endpoints: client_secret_post or client_secret_basic.
import type { AppContext } from '../../context.ts';
import { findAppByClientId } from '../../db/repos/apps.ts';
import type { AppRow } from '../../db/schema.ts';
import { safeEqual } from '../../domain/secrets.ts';
import { oauthError } from './oauth-error.ts';

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
}

/** Reads `Authorization: Basic base64(id:secret)`, with RFC 6749's form-encoding of both parts. */
export function basicCredentials(header: string | undefined): ClientCredentials | null {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, i)), clientSecret: decodeURIComponent(decoded.slice(i + 1)) };
  } catch {
    return null;
  }
}

export async function authenticateClient(ctx: AppContext, creds: ClientCredentials): Promise<AppRow> {
  if (!creds.clientId || !creds.clientSecret) throw oauthError('invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
  const app = await findAppByClientId(ctx.db, creds.clientId);
  if (!app || !safeEqual(app.client_secret, creds.clientSecret)) {
    throw oauthError('invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
  }
  return app;
}
