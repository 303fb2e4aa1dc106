// Parley's admin entity for a registered application. Pure.
import type { AdminAppJson } from '../../api/entities.ts';
import type { AdminAppRow } from '../db/repos/admin-apps.ts';

export function serializeAdminApp(a: AdminAppRow): AdminAppJson {
  return { id: a.id, name: a.name, website: a.website, store_safe: a.store_safe === 1, created_at: a.created_at, users_count: Number(a.users_count) };
}
