// The `data` parameter of the push API: data[alerts][<type>] booleans and data[policy].
import { z } from 'zod';
import { PUSH_ALERT_TYPES } from '../../../../../api/entities.ts';
import { zBool } from '../../../validation.ts';
import type { PushData } from '../../../../services/push/subscriptions.ts';

const alertShape = Object.fromEntries(PUSH_ALERT_TYPES.map((t) => [t, zBool.optional()]));

export const DataParam = z
  .object({
    // Forms may nest admin.sign_up as data[alerts][admin][sign_up].
    alerts: z.object({ ...alertShape, admin: z.object({ sign_up: zBool.optional(), report: zBool.optional() }).optional() }).optional(),
    policy: z.enum(['all', 'followed', 'follower', 'none']).optional(),
  })
  .optional();

export function pushData(data: z.infer<typeof DataParam>): PushData {
  if (!data) return {};
  const out: PushData = {};
  if (data.alerts) {
    const given = data.alerts as Record<string, unknown>;
    const alerts: Record<string, boolean> = {};
    for (const t of PUSH_ALERT_TYPES) if (given[t] === true) alerts[t] = true;
    if (data.alerts.admin?.sign_up === true) alerts['admin.sign_up'] = true;
    if (data.alerts.admin?.report === true) alerts['admin.report'] = true;
    out.alerts = alerts;
  }
  if (data.policy) out.policy = data.policy;
  return out;
}

export const PUSH_AUTH = { config: { auth: { mode: 'user' as const, scope: 'push' } } };
