// IP range blocks: what the admins manage, and the policy for one address, read from a small
// in-memory copy (every request asks for no_access; the copy is at most a few seconds old, and
// this process's own changes apply at once).
import type { AppContext } from '../../context.ts';
import { activeIpBlocks, deleteIpBlock, findIpBlock, findIpBlockByRange, insertIpBlock, updateIpBlock } from '../../db/repos/admin-ip-blocks.ts';
import type { AccountRow, IpBlockRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { audit } from '../moderation/audit-log.ts';
import { cidrContains, formatCidr, parseCidr, type Cidr } from './cidr.ts';
import { uniquely } from './unique.ts';

export type IpSeverity = 'sign_up_requires_approval' | 'sign_up_block' | 'no_access';
/** When ranges overlap, the strictest applies. */
const RANK: Record<IpSeverity, number> = { sign_up_requires_approval: 1, sign_up_block: 2, no_access: 3 };
const CACHE_MS = 5_000;

export interface IpBlockInput {
  ip?: string;
  severity?: IpSeverity;
  comment?: string | null;
  /** Seconds from now; null or 0 for never. */
  expires_in?: number | null;
}

type Actor = Pick<AccountRow, 'id' | 'username'>;

interface CachedBlock {
  range: Cidr;
  severity: IpSeverity;
  expiresAt: string | null;
}

const cache = new WeakMap<AppContext, { loadedAt: number; blocks: CachedBlock[] }>();

function forget(ctx: AppContext): void {
  cache.delete(ctx);
}

async function cachedBlocks(ctx: AppContext): Promise<CachedBlock[]> {
  const hit = cache.get(ctx);
  if (hit && performance.now() - hit.loadedAt < CACHE_MS) return hit.blocks;
  const rows = await activeIpBlocks(ctx.db, ctx.clock.now().toISOString());
  const blocks = rows.flatMap((r) => {
    const range = parseCidr(r.ip);
    return range ? [{ range, severity: r.severity as IpSeverity, expiresAt: r.expires_at }] : [];
  });
  cache.set(ctx, { loadedAt: performance.now(), blocks });
  return blocks;
}

/** The strictest unexpired block covering an address, or null. */
export async function ipPolicy(ctx: AppContext, address: string): Promise<IpSeverity | null> {
  const blocks = await cachedBlocks(ctx);
  if (blocks.length === 0) return null;
  const now = ctx.clock.now().toISOString();
  let best: IpSeverity | null = null;
  for (const b of blocks) {
    if (b.expiresAt && b.expiresAt <= now) continue;
    if (cidrContains(b.range, address) && (!best || RANK[b.severity] > RANK[best])) best = b.severity;
  }
  return best;
}

function normaliseRange(raw: string): string {
  const range = parseCidr(raw);
  if (!range) throw unprocessable('Ip is not a valid IP address or CIDR range');
  return formatCidr(range);
}

function expiresAt(now: Date, seconds: number | null | undefined): string | null {
  return seconds ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
}

export async function createIpBlock(ctx: AppContext, actor: Actor, input: IpBlockInput): Promise<IpBlockRow> {
  if (!input.severity) throw unprocessable("Severity can't be blank");
  // Mastodon's default when no address is given.
  const ip = normaliseRange(input.ip ?? '0.0.0.0/32');
  const now = ctx.clock.now();
  const row: IpBlockRow = { id: newId(now.getTime()), ip, severity: input.severity, comment: input.comment?.trim() ?? '', expires_at: expiresAt(now, input.expires_in), created_at: now.toISOString(), updated_at: now.toISOString() };
  const created = await uniquely('Ip', () =>
    ctx.db.transaction().execute(async (trx) => {
      if (await findIpBlockByRange(trx, ip)) throw unprocessable('Ip has already been taken');
      await insertIpBlock(trx, row);
      await audit(ctx, trx, actor, { action: 'ip_block.create', targetType: 'ip_block', targetId: row.id, summary: `@${actor.username} added an IP rule for ${ip} (${row.severity})` });
      return row;
    }),
  );
  forget(ctx);
  return created;
}

export async function changeIpBlock(ctx: AppContext, actor: Actor, id: string, input: IpBlockInput): Promise<IpBlockRow> {
  const updated = await uniquely('Ip', () =>
    ctx.db.transaction().execute(async (trx) => {
      const block = await findIpBlock(trx, id);
      if (!block) throw notFound();
      const ip = input.ip === undefined ? block.ip : normaliseRange(input.ip);
      const other = ip === block.ip ? undefined : await findIpBlockByRange(trx, ip);
      if (other) throw unprocessable('Ip has already been taken');
      const now = ctx.clock.now();
      const patch = {
        ip,
        severity: input.severity ?? block.severity,
        comment: input.comment === undefined ? block.comment : input.comment?.trim() ?? '',
        expires_at: input.expires_in === undefined ? block.expires_at : expiresAt(now, input.expires_in),
        updated_at: now.toISOString(),
      };
      await updateIpBlock(trx, id, patch);
      await audit(ctx, trx, actor, { action: 'ip_block.update', targetType: 'ip_block', targetId: id, summary: `@${actor.username} changed the IP rule for ${patch.ip} (${patch.severity})` });
      return { ...block, ...patch };
    }),
  );
  forget(ctx);
  return updated;
}

export async function removeIpBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const block = await findIpBlock(trx, id);
    if (!block) throw notFound();
    await deleteIpBlock(trx, id);
    await audit(ctx, trx, actor, { action: 'ip_block.destroy', targetType: 'ip_block', targetId: id, summary: `@${actor.username} removed the IP rule for ${block.ip}` });
  });
  forget(ctx);
}
