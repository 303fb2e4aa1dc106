// Federation domain blocks and allows. Parley does not federate yet: they are stored, listed,
// published, and audited now, and apply when federation comes.
import type { AppContext } from '../../context.ts';
import { deleteDomainAllow, deleteDomainBlock, domainBlocksAmong, findDomainAllow, findDomainAllowByDomain, findDomainBlock, insertDomainAllow, insertDomainBlock, updateDomainBlock } from '../../db/repos/admin-domain-blocks.ts';
import type { AccountRow, DomainAllowRow, DomainBlockRow } from '../../db/schema.ts';
import { AppError, notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { serializeAdminDomainBlock } from '../../serializers/admin-blocks.ts';
import { audit } from '../moderation/audit-log.ts';
import { domainAndParents, normaliseDomain } from './names.ts';
import { uniquely } from './unique.ts';

export type Severity = 'noop' | 'silence' | 'suspend';
const RANK: Record<Severity, number> = { noop: 0, silence: 1, suspend: 2 };

export interface DomainBlockInput {
  severity?: Severity;
  reject_media?: boolean;
  reject_reports?: boolean;
  private_comment?: string | null;
  public_comment?: string | null;
  obfuscate?: boolean;
}

type Actor = Pick<AccountRow, 'id' | 'username'>;

export function requireDomain(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') throw unprocessable("Domain can't be blank");
  const domain = normaliseDomain(raw);
  if (!domain) throw unprocessable('Domain is not a valid domain name');
  return domain;
}

/** Whether `a` limits more than `b` does (a subdomain block must add something to its parent's). */
function stricterThan(a: Pick<DomainBlockRow, 'severity' | 'reject_media' | 'reject_reports'>, b: DomainBlockRow): boolean {
  if (b.severity === 'suspend') return false;
  return RANK[a.severity as Severity] > RANK[b.severity as Severity] || (a.reject_media === 1 && b.reject_media === 0) || (a.reject_reports === 1 && b.reject_reports === 0);
}

const bool = (v: boolean | undefined, fallback: 0 | 1): 0 | 1 => (v === undefined ? fallback : v ? 1 : 0);
const comment = (v: string | null | undefined, fallback: string | null) => (v === undefined ? fallback : v?.trim() || null);

export async function createDomainBlock(ctx: AppContext, actor: Actor, rawDomain: string | undefined, input: DomainBlockInput): Promise<DomainBlockRow> {
  const domain = requireDomain(rawDomain);
  const now = ctx.clock.now().toISOString();
  const row: DomainBlockRow = {
    id: newId(ctx.clock.now().getTime()),
    domain,
    severity: input.severity ?? 'silence',
    reject_media: bool(input.reject_media, 0),
    reject_reports: bool(input.reject_reports, 0),
    private_comment: comment(input.private_comment, null),
    public_comment: comment(input.public_comment, null),
    obfuscate: bool(input.obfuscate, 0),
    created_at: now,
    updated_at: now,
  };
  return uniquely('Domain', () => ctx.db.transaction().execute(async (trx) => {
    // Like Mastodon: no second block of one domain, and a subdomain's block must be stricter.
    const [existing] = await domainBlocksAmong(trx, domainAndParents(domain));
    if (existing && (existing.domain === domain || !stricterThan(row, existing))) {
      throw new AppError(422, `You have already imposed stricter limits on ${existing.domain}`, { extra: { existing_domain_block: serializeAdminDomainBlock(existing) } });
    }
    await insertDomainBlock(trx, row);
    await audit(ctx, trx, actor, { action: 'domain_block.create', targetType: 'domain_block', targetId: row.id, summary: `@${actor.username} blocked ${domain} (${describe(row)})` });
    return row;
  }));
}

export async function changeDomainBlock(ctx: AppContext, actor: Actor, id: string, input: DomainBlockInput): Promise<DomainBlockRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const block = await findDomainBlock(trx, id);
    if (!block) throw notFound();
    const patch = {
      severity: input.severity ?? block.severity,
      reject_media: bool(input.reject_media, block.reject_media),
      reject_reports: bool(input.reject_reports, block.reject_reports),
      private_comment: comment(input.private_comment, block.private_comment),
      public_comment: comment(input.public_comment, block.public_comment),
      obfuscate: bool(input.obfuscate, block.obfuscate),
      updated_at: ctx.clock.now().toISOString(),
    };
    await updateDomainBlock(trx, id, patch);
    const updated = { ...block, ...patch };
    await audit(ctx, trx, actor, { action: 'domain_block.update', targetType: 'domain_block', targetId: id, summary: `@${actor.username} changed the block of ${block.domain} (${describe(updated)})` });
    return updated;
  });
}

export async function removeDomainBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const block = await findDomainBlock(trx, id);
    if (!block) throw notFound();
    await deleteDomainBlock(trx, id);
    await audit(ctx, trx, actor, { action: 'domain_block.destroy', targetType: 'domain_block', targetId: id, summary: `@${actor.username} lifted the block of ${block.domain}` });
  });
}

function describe(b: Pick<DomainBlockRow, 'severity' | 'reject_media' | 'reject_reports'>): string {
  return [b.severity, b.reject_media ? 'reject media' : null, b.reject_reports ? 'reject reports' : null].filter(Boolean).join(', ');
}

/** Mastodon answers an existing allow with itself rather than an error. */
export async function createDomainAllow(ctx: AppContext, actor: Actor, rawDomain: string | undefined): Promise<DomainAllowRow> {
  const domain = requireDomain(rawDomain);
  return uniquely('Domain', () => ctx.db.transaction().execute(async (trx) => {
    const existing = await findDomainAllowByDomain(trx, domain);
    if (existing) return existing;
    const row: DomainAllowRow = { id: newId(ctx.clock.now().getTime()), domain, created_at: ctx.clock.now().toISOString() };
    await insertDomainAllow(trx, row);
    await audit(ctx, trx, actor, { action: 'domain_allow.create', targetType: 'domain_allow', targetId: row.id, summary: `@${actor.username} allowed federation with ${domain}` });
    return row;
  }));
}

export async function removeDomainAllow(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const allow = await findDomainAllow(trx, id);
    if (!allow) throw notFound();
    await deleteDomainAllow(trx, id);
    await audit(ctx, trx, actor, { action: 'domain_allow.destroy', targetType: 'domain_allow', targetId: id, summary: `@${actor.username} removed ${allow.domain} from the allowed domains` });
  });
}
