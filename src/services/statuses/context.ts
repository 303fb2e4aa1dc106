// GET /api/v1/statuses/:id/context: the ancestors and descendants of a status, in thread order.
import type { AppContext } from '../../context.ts';
import { statusesInConversation } from '../../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';

const LIMITS = {
  anonymous: { ancestors: 40, descendants: 60, depth: 20 },
  signedIn: { ancestors: 4096, descendants: 4096, depth: 4096 },
};
const THREAD_ROWS = 5000;

export async function threadOf(ctx: AppContext, status: StatusRow, viewer: AccountRow | null): Promise<{ ancestors: string[]; descendants: string[] }> {
  const limits = viewer ? LIMITS.signedIn : LIMITS.anonymous;
  const rows = await statusesInConversation(ctx.db, status.conversation_id, THREAD_ROWS);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, StatusRow[]>();
  for (const r of rows) {
    if (!r.in_reply_to_id) continue;
    const list = children.get(r.in_reply_to_id) ?? [];
    list.push(r);
    children.set(r.in_reply_to_id, list);
  }
  const ancestors: string[] = [];
  const seen = new Set<string>([status.id]);
  for (let p = status.in_reply_to_id; p && ancestors.length < limits.ancestors && !seen.has(p); ) {
    const parent = byId.get(p);
    if (!parent) break;
    seen.add(p);
    ancestors.unshift(parent.id);
    p = parent.in_reply_to_id;
  }
  // Depth-first, oldest reply first, as Mastodon orders descendants.
  const descendants: string[] = [];
  const walk = (id: string, depth: number) => {
    if (depth > limits.depth) return;
    for (const child of children.get(id) ?? []) {
      if (descendants.length >= limits.descendants || seen.has(child.id)) return;
      seen.add(child.id);
      descendants.push(child.id);
      walk(child.id, depth + 1);
    }
  };
  walk(status.id, 1);
  return { ancestors, descendants };
}
