// POST /api/v1/accounts: sign up with an app token (e.g. from client_credentials); returns a Token.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { signUp } from '../../../../services/accounts/sign-up.ts';
import { issueToken } from '../../../../services/oauth/issue-token.ts';
import { tokenResponse } from '../../../../services/oauth/token-response.ts';

const Body = z.object({
  username: z.string({ message: "can't be blank" }).max(200),
  email: z.string({ message: "can't be blank" }).max(320),
  password: z.string({ message: "can't be blank" }).max(1000),
  agreement: zBool.optional().default(false),
  locale: z.string().max(20).optional(),
  reason: z.string().max(5000).optional().nullable(),
  date_of_birth: z.string().max(20).optional(),
});

export const createAccountRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/accounts', { config: { auth: { mode: 'app', scope: 'write:accounts' } } }, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    const created = await signUp(ctx, { ...body, reason: body.reason ?? null, ip: request.ip });
    const issued = await issueToken(ctx, { appId: request.auth!.token.app_id, accountId: created.account.id, scopes: [...request.auth!.scopes] });
    return tokenResponse(issued);
  });
};
