// POST /api/v1/emails/confirmations: resend the confirmation e-mail (optionally to a corrected
// address). Its callers are by definition unconfirmed, and the shared auth hook refuses
// unconfirmed logins; so this route takes the token aside before that hook runs and checks it here.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { bearerToken } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { findTokenByHash } from '../../../../db/repos/tokens.ts';
import { findUserByEmail } from '../../../../db/repos/accounts.ts';
import { AppError, forbidden, unauthorized, unprocessable } from '../../../../domain/errors.ts';
import { emailProblem } from '../../../../domain/accounts.ts';
import { scopeAllows } from '../../../../domain/scopes.ts';
import { sha256 } from '../../../../domain/secrets.ts';
import { resendConfirmation } from '../../../../services/accounts/confirmation-email.ts';

const Body = z.object({ email: z.string().max(320).optional() });

const heldTokens = new WeakMap<FastifyRequest, string | null>();

export const emailConfirmationsRoute: RouteGroup = (app, ctx) => {
  app.post(
    '/api/v1/emails/confirmations',
    {
      onRequest: async (request) => {
        heldTokens.set(request, bearerToken(request));
        delete request.headers.authorization;
        const q = request.query as Record<string, unknown> | undefined;
        if (q) delete q.access_token;
      },
    },
    async (request) => {
      const bearer = heldTokens.get(request);
      const found = bearer ? await findTokenByHash(ctx.db, sha256(bearer)) : null;
      if (!found || found.token.revoked_at || !found.account || !found.user || found.account.deleted_at) throw unauthorized();
      if (!scopeAllows(found.token.scopes.split(' '), 'write:accounts')) throw new AppError(403, 'This action is outside the authorized scopes');
      if (found.account.suspended_at) throw new AppError(403, 'Your login is currently disabled');
      // Mastodon: only the application that created the account may ask, and only while unconfirmed.
      if (found.user.confirmed_at) throw forbidden('This method is only available while the e-mail is awaiting confirmation');
      const body = parseInput(Body, paramsOf(request));
      let email: string | undefined;
      if (body.email && body.email.trim().toLowerCase() !== found.user.email_lower) {
        email = body.email.trim();
        const problem = emailProblem(email);
        if (problem) throw unprocessable(problem);
        if (await findUserByEmail(ctx.db, email)) throw unprocessable('Email has already been taken');
      }
      await resendConfirmation(ctx, found.user, found.account.username, email);
      return {};
    },
  );
};
