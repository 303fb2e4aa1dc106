// Shared shape of POST /api/v1/accounts/:id/<action>: run the action, answer the Relationship.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.ts';
import type { AccountRow } from '../../../../db/schema.ts';
import { relationshipFor } from '../../../../services/relationships/relationships.ts';
import { currentAccount } from '../../../plugins/auth.ts';

export function relationshipAction(
  app: FastifyInstance,
  ctx: AppContext,
  action: string,
  scope: string,
  run: (actor: AccountRow, targetId: string, request: FastifyRequest) => Promise<void>,
): void {
  app.post<{ Params: { id: string } }>(`/api/v1/accounts/:id/${action}`, { config: { auth: { mode: 'user', scope } } }, async (request) => {
    const actor = currentAccount(request);
    await run(actor, request.params.id, request);
    return relationshipFor(ctx, actor.id, request.params.id);
  });
}
