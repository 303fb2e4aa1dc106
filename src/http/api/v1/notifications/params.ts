// Query parameters shared by the v1 and v2 notification endpoints.
import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../../../../services/notifications/create-notification.ts';
import { zArray, zBool, zId } from '../../../validation.ts';

// Unknown types are ignored, as Mastodon does, so newer clients keep working.
const notificationType = z.string().max(40);
const known = (types: string[] | undefined) => types?.filter((t) => (NOTIFICATION_TYPES as readonly string[]).includes(t));

export const NotificationQuery = z.object({
  types: zArray(notificationType, 20).optional(),
  exclude_types: zArray(notificationType, 20).optional(),
  account_id: zId.optional(),
  grouped_types: zArray(notificationType, 20).optional(),
  expand_accounts: z.enum(['full', 'partial_avatars']).optional(),
  include_filtered: zBool.optional(),
});

export function filterInput(q: z.infer<typeof NotificationQuery>) {
  const types = known(q.types);
  return {
    // Only unknown types asked for: nothing matches.
    types: q.types && q.types.length > 0 && types!.length === 0 ? ['none'] : types,
    excludeTypes: q.exclude_types,
    accountId: q.account_id,
  };
}
