// Mastodon's Token entity, as /oauth/token and POST /api/v1/accounts return it.
import type { IssuedToken } from './issue-token.ts';

export interface TokenJson {
  access_token: string;
  token_type: 'Bearer';
  scope: string;
  created_at: number;
  refresh_token?: string;
}

export function tokenResponse(issued: IssuedToken): TokenJson {
  const json: TokenJson = {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    scope: issued.row.scopes,
    created_at: Math.floor(Date.parse(issued.row.created_at) / 1000),
  };
  if (issued.refreshToken) json.refresh_token = issued.refreshToken;
  return json;
}
