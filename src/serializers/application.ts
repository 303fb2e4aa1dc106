// Mastodon's Application entity (CredentialApplication when the secret is included).
import type { AppRow } from '../db/schema.ts';
import type { ApplicationJson } from '../../api/entities.ts';
export type { ApplicationJson };

export function serializeApplication(app: AppRow, opts: { credentials?: boolean; vapidKey?: string } = {}): ApplicationJson {
  const uris = app.redirect_uris.split('\n');
  const json: ApplicationJson = {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes.split(' '),
    redirect_uri: uris.join('\n'),
    redirect_uris: uris,
  };
  if (opts.vapidKey) json.vapid_key = opts.vapidKey;
  if (opts.credentials) {
    json.client_id = app.client_id;
    json.client_secret = app.client_secret;
    json.client_secret_expires_at = 0;
  }
  return json;
}

/** The short form embedded in statuses: name and website only. */
export function serializeStatusApplication(app: Pick<AppRow, 'name' | 'website'>): ApplicationJson {
  return { name: app.name, website: app.website };
}
