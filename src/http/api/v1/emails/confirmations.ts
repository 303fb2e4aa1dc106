// POST /api/v1/emails/confirmations: resend the confirmation e-mail (optionally to a corrected
// address). Its callers are by definition unconfirmed, so the route lets unconfirmed logins in.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { findUserByEmail } from '../../../../db/repos/accounts.ts';
import { forbidden, unauthorized, unprocessable } from '../../../../domain/errors.ts';
import { emailProblem } from '../../../../domain/accounts.ts';
import { resendConfirmation } from '../../../../services/accounts/confirmation-email.ts';

const Body = z.object({ email: z.string().max(320).optional() });

export const emailConfirmationsRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/emails/confirmations', { config: { auth: { mode: 'user', scope: 'write:accounts', allowUnconfirmed: true } } }, async (request) => {
    const { account, user } = request.auth!;
    if (!account || !user) throw unauthorized();
    // Mastodon: only while the e-mail is awaiting confirmation.
    if (user.confirmed_at) throw forbidden('This method is only available while the e-mail is awaiting confirmation');
    const body = parseInput(Body, paramsOf(request));
    let email: string | undefined;
    if (body.email && body.email.trim().toLowerCase() !== user.email_lower) {
      email = body.email.trim();
      const problem = emailProblem(email);
      if (problem) throw unprocessable(problem);
      if (await findUserByEmail(ctx.db, email)) throw unprocessable('Email has already been taken');
    }
    await resendConfirmation(ctx, user, account.username, email);
    return {};
  });
};
