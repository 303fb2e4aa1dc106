// POST /api/v1/accounts: sign up with an app token (e.g. from client_credentials); returns a Token.
// Parley's `proof` (a solved sign_up proof of work, see /about/proof-of-work) is optional, so
// Mastodon clients work unchanged; one that is sent must be good, and is then used up.
// `invite_code` (Mastodon 4.3+) signs up with an invite: required when the server is invite-only.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { signUp } from '../../../../services/accounts/sign-up.ts';
import { issueToken } from '../../../../services/oauth/issue-token.ts';
import { tokenResponse } from '../../../../services/oauth/token-response.ts';
import { checkProof, proofProblemText } from '../../../../services/abuse/proof-of-work.ts';
import { unprocessable } from '../../../../domain/errors.ts';

const Body = z.object({
  username: z.string({ message: "can't be blank" }).max(200),
  email: z.string({ message: "can't be blank" }).max(320),
  password: z.string({ message: "can't be blank" }).max(1000),
  agreement: zBool.optional().default(false),
  locale: z.string().max(20).optional(),
  reason: z.string().max(5000).optional().nullable(),
  date_of_birth: z.string().max(20).optional(),
  proof: z.string().max(200).optional(),
  invite_code: z.string().max(200).optional().nullable(),
});

export const createAccountRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/accounts', { config: { auth: { mode: 'app', scope: 'write:accounts' } } }, async (request) => {
    const { proof, invite_code: inviteCode, ...body } = parseInput(Body, paramsOf(request));
    if (proof !== undefined) {
      const problem = await checkProof(ctx, 'sign_up', proof);
      if (problem) throw unprocessable(proofProblemText(problem));
    }
    const created = await signUp(ctx, { ...body, reason: body.reason ?? null, ip: request.ip, inviteCode: inviteCode ?? null });
    const issued = await issueToken(ctx, { appId: request.auth!.token.app_id, accountId: created.account.id, scopes: [...request.auth!.scopes] });
    return tokenResponse(issued);
  });
};
