// GET /api/v1/parley/proof_of_work?purpose=api|sign_in|sign_up: a challenge to solve (Parley's
// own API; see /about/proof-of-work). Never behind a proof itself, never needs a token.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { parseInput } from '../../../validation.ts';
import { throttleIp } from '../../../../infra/rate-limit/client-ip.ts';
import { issueChallenge, POW_PURPOSES } from '../../../../services/abuse/proof-of-work.ts';
import { PROOF_OF_WORK_ROUTE } from '../../../plugins/rate-limit.ts';

const Query = z.object({ purpose: z.enum(POW_PURPOSES, { message: 'must be api, sign_in or sign_up' }).default('api') });

export const proofOfWorkRoutes: RouteGroup = (app, ctx) => {
  app.get(PROOF_OF_WORK_ROUTE, { config: { auth: { mode: 'none' } } }, async (request, reply) => {
    const { purpose } = parseInput(Query, request.query);
    const challenge = await issueChallenge(ctx, purpose, throttleIp(request.ip));
    reply.header('cache-control', 'no-store');
    return challenge ? { required: true, ...challenge } : { required: false };
  });
};
