// GET /api/v1/polls/:id and POST /api/v1/polls/:id/votes.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import type { AppContext } from '../../../../context.ts';
import type { AccountRow, PollRow } from '../../../../db/schema.ts';
import { currentAccount, viewerOf } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zInt } from '../../../validation.ts';
import { tallies, votesOf, findPollById } from '../../../../db/repos/polls.ts';
import { notFound } from '../../../../domain/errors.ts';
import { serializePollBase, withPollViewer, type PollJson } from '../../../../serializers/poll.ts';
import { loadVisiblePoll, voteInPoll } from '../../../../services/polls/vote.ts';

const VoteBody = z.object({ choices: zArray(zInt(0, 100), 20) });

async function renderPoll(ctx: AppContext, poll: PollRow, viewer: AccountRow | null): Promise<PollJson> {
  const fresh = (await findPollById(ctx.db, poll.id)) ?? poll;
  const tally = new Map((await tallies(ctx.db, [poll.id])).map((t) => [t.choice, t.n]));
  const base = serializePollBase(fresh, tally, ctx.clock.now());
  if (!viewer) return base;
  const choices = (await votesOf(ctx.db, viewer.id, [poll.id])).map((v) => Number(v.choice));
  return withPollViewer(base, { isAuthor: poll.account_id === viewer.id, choices });
}

export const pollsRoutes: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/polls/:id', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request) => {
    const viewer = viewerOf(request);
    const poll = await loadVisiblePoll(ctx, request.params.id, viewer);
    return renderPoll(ctx, poll, viewer);
  });
  app.post<{ Params: { id: string } }>('/api/v1/polls/:id/votes', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const viewer = currentAccount(request);
    const { choices } = parseInput(VoteBody, paramsOf(request));
    const poll = await voteInPoll(ctx, viewer, request.params.id, choices);
    if (!poll) throw notFound();
    return renderPoll(ctx, poll, viewer);
  });
};
