// POST /api/v1/statuses: publish a status, or schedule it when scheduled_at is given.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zBool, zId, zInt } from '../../../validation.ts';
import { renderStatus } from '../../../../hydration/render-statuses.ts';
import { renderOneScheduled } from '../../../../hydration/render-scheduled.ts';
import { createStatus } from '../../../../services/statuses/create-status.ts';
import { VISIBILITIES, QUOTE_POLICIES } from '../../../../domain/visibility.ts';
import { badRequest } from '../../../../domain/errors.ts';

export const PollParams = z.object({
  options: zArray(z.string().max(1000), 20),
  expires_in: zInt(0, 100_000_000),
  multiple: zBool.optional(),
  hide_totals: zBool.optional(),
});

const Body = z.object({
  status: z.string().max(100_000).optional().nullable(),
  spoiler_text: z.string().max(10_000).optional().nullable(),
  sensitive: zBool.optional().nullable(),
  visibility: z.enum(VISIBILITIES).optional().nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'is not a language code').optional().nullable().or(z.literal('')),
  in_reply_to_id: zId.optional().nullable().or(z.literal('')),
  quoted_status_id: zId.optional().nullable().or(z.literal('')),
  quote_approval_policy: z.enum(QUOTE_POLICIES).optional().nullable(),
  media_ids: zArray(z.string(), 20).optional().nullable(),
  poll: PollParams.optional().nullable(),
  scheduled_at: z.string().max(100).optional().nullable().or(z.literal('')),
});

export const createStatusRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/statuses', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const account = currentAccount(request);
    const body = parseInput(Body, paramsOf(request));
    const keyHeader = request.headers['idempotency-key'];
    const key = typeof keyHeader === 'string' ? keyHeader.trim() : null;
    if (key && key.length > 200) throw badRequest('Idempotency-Key is too long');
    const result = await createStatus(
      ctx,
      account,
      {
        text: body.status ?? '',
        spoilerText: body.spoiler_text,
        sensitive: body.sensitive,
        visibility: body.visibility,
        language: body.language || null,
        inReplyToId: body.in_reply_to_id || null,
        quotedStatusId: body.quoted_status_id || null,
        quoteApprovalPolicy: body.quote_approval_policy,
        mediaIds: body.media_ids,
        poll: body.poll ? { options: body.poll.options, expiresIn: body.poll.expires_in, multiple: body.poll.multiple ?? false, hideTotals: body.poll.hide_totals ?? false } : null,
        scheduledAt: body.scheduled_at || null,
      },
      { appId: request.auth!.token.app_id, idempotencyKey: key || null },
    );
    if (result.kind === 'scheduled') return renderOneScheduled(ctx, result.scheduled);
    return renderStatus(ctx, result.statusId, account);
  });
};
