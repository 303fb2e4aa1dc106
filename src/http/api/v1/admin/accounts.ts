// Mastodon's admin API for local accounts: list (v2), show, act (warn, sensitive, disable,
// silence, suspend), undo (unsensitive, enable, unsilence, unsuspend), approve and reject
// sign-ups. Moderators and admins only; a moderator cannot act on staff of their rank.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zArray, zBool, zId } from '../../../validation.ts';
import { adminAccountPage, type AdminAccountStatus } from '../../../../db/repos/admin-accounts.ts';
import { findLoginByAccountId } from '../../../../db/repos/users.ts';
import { notFound } from '../../../../domain/errors.ts';
import { isId } from '../../../../domain/ids.ts';
import { serializeAdminAccount } from '../../../../serializers/admin-account.ts';
import { ACCOUNT_ACTIONS, UNDO_ACTIONS, actOnAccount, undoAccountAction } from '../../../../services/moderation/account-actions.ts';
import { approveSignUp, rejectSignUp } from '../../../../services/moderation/sign-up-review.ts';

const ListQuery = z.object({
  origin: z.enum(['local', 'remote']).optional(),
  status: z.enum(['active', 'pending', 'disabled', 'silenced', 'suspended']).optional(),
  username: z.string().max(100).optional(),
  display_name: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  role_ids: zArray(z.string().max(20), 3).optional(),
});
const ActionBody = z.object({
  type: z.enum(ACCOUNT_ACTIONS).optional().default('none'),
  report_id: zId.optional().nullable(),
  warning_preset_id: z.string().max(40).optional().nullable(),
  text: z.string().max(10_000).optional().default(''),
  send_email_notification: zBool.optional(),
  rule_ids: zArray(z.string().max(40), 50).optional(),
});

export const adminAccountsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:accounts', role: 'moderator' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:accounts', role: 'moderator' } as const } };
  const one = async (id: string) => {
    const login = isId(id) ? await findLoginByAccountId(ctx.db, id) : undefined;
    if (!login) throw notFound();
    return serializeAdminAccount(ctx.config, login.account, login.user);
  };

  app.get('/api/v2/admin/accounts', read, async (request, reply) => {
    const q = parseInput(ListQuery, request.query);
    // Parley has no remote accounts yet.
    if (q.origin === 'remote') return [];
    const rows = await adminAccountPage(ctx.db, { status: q.status as AdminAccountStatus | undefined, username: q.username, displayName: q.display_name, email: q.email, roles: q.role_ids }, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.account.id));
    return rows.map((r) => serializeAdminAccount(ctx.config, r.account, r.user));
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/accounts/:id', read, async (request) => one(request.params.id));

  app.post<{ Params: { id: string } }>('/api/v1/admin/accounts/:id/action', write, async (request) => {
    const b = parseInput(ActionBody, paramsOf(request));
    await actOnAccount(ctx, currentAccount(request), request.params.id, { type: b.type, text: b.text, reportId: b.report_id, ruleIds: b.rule_ids, sendEmail: b.send_email_notification ?? false });
    return {};
  });

  for (const undo of UNDO_ACTIONS) {
    app.post<{ Params: { id: string } }>(`/api/v1/admin/accounts/:id/${undo}`, write, async (request) => {
      await undoAccountAction(ctx, currentAccount(request), request.params.id, undo);
      return one(request.params.id);
    });
  }

  app.post<{ Params: { id: string } }>('/api/v1/admin/accounts/:id/approve', write, async (request) => {
    await approveSignUp(ctx, currentAccount(request), request.params.id);
    return one(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/accounts/:id/reject', write, async (request) => {
    const before = await one(request.params.id);
    await rejectSignUp(ctx, currentAccount(request), request.params.id);
    return before;
  });
};
