// Parley's passkeys API for the web app's security settings:
//   GET    /api/v1/parley/passkeys          the account's passkeys (never their keys)
//   POST   /api/v1/parley/passkeys/options  creation options with a fresh single-use challenge
//   POST   /api/v1/parley/passkeys          {credential, name}: the authenticator's attestation
//   DELETE /api/v1/parley/passkeys/:id      {password}
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { deletePasskey, listPasskeys, passkeyCreationOptions, registerPasskey } from '../../../../services/auth/passkeys.ts';
import { RegistrationResponse } from '../../../../services/auth/passkeys-webauthn.ts';

const RegisterBody = z.object({
  credential: RegistrationResponse,
  name: z.string().trim().min(1).max(100),
});

const DeleteBody = z.object({ password: z.string().min(1).max(1024) });

export const passkeysRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:accounts' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:accounts' } as const } };
  // A challenge is good for one answer: never from a cache.
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/v1/parley/passkeys', read, async (request) => listPasskeys(ctx, currentAccount(request).id));

  app.post('/api/v1/parley/passkeys/options', write, async (request, reply) => {
    const options = await passkeyCreationOptions(ctx, currentAccount(request));
    reply.headers(noStore);
    return options;
  });

  app.post('/api/v1/parley/passkeys', write, async (request) => registerPasskey(ctx, currentAccount(request), parseInput(RegisterBody, paramsOf(request))));

  app.delete<{ Params: { id: string } }>('/api/v1/parley/passkeys/:id', write, async (request) => {
    const { password } = parseInput(DeleteBody, paramsOf(request));
    await deletePasskey(ctx, currentAccount(request), request.params.id, password);
    return {};
  });
};
