// GET /auth/confirmation?confirmation_token=...: the link of the confirmation e-mail.
import type { RouteGroup } from '../routes.ts';
import { confirmEmail } from '../../services/accounts/confirmation-email.ts';
import { messagePage } from './page.ts';

export const confirmationRoutes: RouteGroup = (app, ctx) => {
  app.get('/auth/confirmation', async (request, reply) => {
    const token = (request.query as Record<string, unknown>).confirmation_token;
    if (typeof token !== 'string' || !(await confirmEmail(ctx, token))) {
      return messagePage(reply, 404, 'Confirmation failed', 'This confirmation link is invalid or has expired. Sign in to your app and ask for a new one.');
    }
    return messagePage(reply, 200, 'E-mail confirmed', 'Your e-mail address is confirmed. You can now sign in.');
  });
};
