// Who is streaming: a user token from the Authorization header, the access_token parameter
// (both read by the auth plugin) or, for browsers' WebSocket, the Sec-WebSocket-Protocol header.
// Since Mastodon 4.2 every stream needs a user token.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.ts';
import type { AccountRow } from '../../../../db/schema.ts';
import { AppError, unauthorized } from '../../../../domain/errors.ts';
import { scopeAllows } from '../../../../domain/scopes.ts';
import { authenticate } from '../../../../services/auth/authenticate.ts';
import type { StreamSpec } from '../../../../services/streaming/streams.ts';

export async function streamingViewer(ctx: AppContext, request: FastifyRequest): Promise<AccountRow> {
  if (!request.auth) {
    const protocol = request.headers['sec-websocket-protocol'];
    const token = typeof protocol === 'string' ? protocol.split(',')[0]!.trim() : '';
    if (token) request.auth = await authenticate(ctx, token);
  }
  if (!request.auth) throw unauthorized('Missing access token');
  const account = request.auth.account;
  if (!account) throw unauthorized('This method requires an authenticated user');
  if (!['read', 'read:statuses', 'read:notifications'].some((s) => scopeAllows(request.auth!.scopes, s))) throw insufficientScope();
  return account;
}

export function checkStreamScopes(request: FastifyRequest, spec: StreamSpec): void {
  if (!spec.scopes.some((s) => scopeAllows(request.auth!.scopes, s))) throw insufficientScope();
}

const insufficientScope = () => new AppError(401, 'Access token does not have the required scopes');
