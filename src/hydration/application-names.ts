// Names and websites of client applications, shown to authors on their own statuses. Apps cannot
// be renamed through the API, so a per-process cache is safe; a deleted app's statuses lose the
// reference through the foreign key and are never looked up again.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { appsByIds } from '../db/repos/statuses.ts';
import { Lru } from '../infra/lru.ts';
import type { ApplicationJson } from '../serializers/application.ts';

const caches = new WeakMap<Db, Lru<string, ApplicationJson>>();

export async function applicationNames(ctx: AppContext, ids: readonly string[]): Promise<Map<string, ApplicationJson>> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Lru(1000)));
  const out = new Map<string, ApplicationJson>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(id);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  for (const app of await appsByIds(ctx.db, missing)) {
    const json = { name: app.name, website: app.website };
    cache.set(app.id, json);
    out.set(app.id, json);
  }
  return out;
}
