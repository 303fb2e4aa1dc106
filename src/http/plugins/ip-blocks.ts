// IP blocks of severity no_access: every request from such a range is refused before any work
// is done. The blocks are read from a copy in memory refreshed every few seconds.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { forbidden } from '../../domain/errors.ts';
import { ipPolicy } from '../../services/admin/ip-blocks.ts';

export function registerIpBlocks(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    if ((await ipPolicy(ctx, request.ip)) === 'no_access') throw forbidden();
  });
}
