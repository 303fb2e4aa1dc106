// RFC 6749 errors: {"error": "invalid_grant", "error_description": "..."} with 400 or 401.
import { AppError } from '../../domain/errors.ts';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type';

export function oauthError(error: OAuthErrorCode, description: string): AppError {
  // invalid_client is the one that means "who are you?": 401 with a challenge, as RFC 6749 5.2 asks.
  if (error === 'invalid_client') return new AppError(401, error, { description, headers: { 'www-authenticate': 'Basic realm="Parley"' } });
  return new AppError(400, error, { description });
}

export const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
