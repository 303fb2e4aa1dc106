// Parley's two-factor API for the web app's security settings:
//   GET  /api/v1/parley/two_factor                 state (never the secret)
//   POST /api/v1/parley/two_factor/setup           {secret, otpauth_uri, qr_svg} of a pending secret
//   POST /api/v1/parley/two_factor/confirm         {code, password} -> {recovery_codes}
//   POST /api/v1/parley/two_factor/disable         {code, password}
//   POST /api/v1/parley/two_factor/recovery_codes  {code, password} -> {recovery_codes}
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import {
  beginTwoFactorSetup,
  confirmTwoFactor,
  disableTwoFactor,
  regenerateRecoveryCodes,
  twoFactorState,
} from '../../../../services/auth/two-factor-setup.ts';

const ProofBody = z.object({
  code: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const twoFactorRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:accounts' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:accounts' } as const } };
  // Secrets and recovery codes must not linger in caches.
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/v1/parley/two_factor', read, async (request) => twoFactorState(ctx, currentAccount(request).id));

  app.post('/api/v1/parley/two_factor/setup', write, async (request, reply) => {
    const setup = await beginTwoFactorSetup(ctx, currentAccount(request));
    reply.headers(noStore);
    return setup;
  });

  app.post('/api/v1/parley/two_factor/confirm', write, async (request, reply) => {
    const recoveryCodes = await confirmTwoFactor(ctx, currentAccount(request), parseInput(ProofBody, paramsOf(request)));
    reply.headers(noStore);
    return { recovery_codes: recoveryCodes };
  });

  app.post('/api/v1/parley/two_factor/disable', write, async (request) => {
    await disableTwoFactor(ctx, currentAccount(request), parseInput(ProofBody, paramsOf(request)));
    return twoFactorState(ctx, currentAccount(request).id);
  });

  app.post('/api/v1/parley/two_factor/recovery_codes', write, async (request, reply) => {
    const recoveryCodes = await regenerateRecoveryCodes(ctx, currentAccount(request), parseInput(ProofBody, paramsOf(request)));
    reply.headers(noStore);
    return { recovery_codes: recoveryCodes };
  });
};
