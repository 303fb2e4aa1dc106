// E-mail domain blocks and canonical e-mail blocks: managing them, and each domain block's
// seven days of stopped sign-ups.
import type { AppContext } from '../../context.ts';
import { attemptsByDay, canonicalEmailBlocksByHash, deleteCanonicalEmailBlock, deleteEmailDomainBlock, findCanonicalEmailBlock, findEmailDomainBlock, insertCanonicalEmailBlock, insertEmailDomainBlock } from '../../db/repos/admin-email-blocks.ts';
import type { AccountRow, CanonicalEmailBlockRow, EmailDomainBlockRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { AdminEmailDomainBlockJson, BlockHistoryJson } from '../../../api/entities.ts';
import { serializeAdminEmailDomainBlock } from '../../serializers/admin-blocks.ts';
import { audit } from '../moderation/audit-log.ts';
import { canonicalEmailHash } from './names.ts';
import { requireDomain } from './domain-blocks.ts';
import { uniquely } from './unique.ts';

type Actor = Pick<AccountRow, 'id' | 'username'>;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 7;

export async function createEmailDomainBlock(ctx: AppContext, actor: Actor, rawDomain: string | undefined, allowWithApproval: boolean): Promise<EmailDomainBlockRow> {
  const domain = requireDomain(rawDomain);
  const row: EmailDomainBlockRow = { id: newId(ctx.clock.now().getTime()), domain, allow_with_approval: allowWithApproval ? 1 : 0, created_at: ctx.clock.now().toISOString() };
  return uniquely('Domain', () =>
    ctx.db.transaction().execute(async (trx) => {
      await insertEmailDomainBlock(trx, row);
      const what = allowWithApproval ? 'held sign-ups for approval from' : 'blocked sign-ups from';
      await audit(ctx, trx, actor, { action: 'email_domain_block.create', targetType: 'email_domain_block', targetId: row.id, summary: `@${actor.username} ${what} e-mail addresses at ${domain}` });
      return row;
    }),
  );
}

export async function removeEmailDomainBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const block = await findEmailDomainBlock(trx, id);
    if (!block) throw notFound();
    await deleteEmailDomainBlock(trx, id);
    await audit(ctx, trx, actor, { action: 'email_domain_block.destroy', targetType: 'email_domain_block', targetId: id, summary: `@${actor.username} removed the e-mail domain block of ${block.domain}` });
  });
}

/** Blocks with their history: the last seven UTC days, today first, as Mastodon sends it. */
export async function renderEmailDomainBlocks(ctx: AppContext, blocks: EmailDomainBlockRow[]): Promise<AdminEmailDomainBlockJson[]> {
  const now = ctx.clock.now();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (HISTORY_DAYS - 1) * DAY_MS).toISOString();
  const counts = new Map((await attemptsByDay(ctx.db, blocks.map((b) => b.id), since)).map((a) => [`${a.block_id} ${a.day}`, a]));
  return blocks.map((b) => {
    const history: BlockHistoryJson[] = [];
    for (let i = 0; i < HISTORY_DAYS; i++) {
      const day = today - i * DAY_MS;
      const c = counts.get(`${b.id} ${new Date(day).toISOString().slice(0, 10)}`);
      history.push({ day: String(day / 1000), accounts: String(c?.accounts ?? 0), uses: String(c?.uses ?? 0) });
    }
    return serializeAdminEmailDomainBlock(b, history);
  });
}

const HASH = /^[0-9a-f]{64}$/;

/** Blocks an address by its canonical hash; `email` wins over a hash given directly. */
export async function createCanonicalEmailBlock(ctx: AppContext, actor: Actor, input: { email?: string; canonical_email_hash?: string }): Promise<CanonicalEmailBlockRow> {
  let hash: string;
  if (input.email?.trim()) hash = canonicalEmailHash(input.email);
  else if (input.canonical_email_hash !== undefined && HASH.test(input.canonical_email_hash.trim().toLowerCase())) hash = input.canonical_email_hash.trim().toLowerCase();
  else throw unprocessable(input.canonical_email_hash ? 'Canonical email hash is not a SHA-256 hex digest' : "Canonical email hash can't be blank");
  const row: CanonicalEmailBlockRow = { id: newId(ctx.clock.now().getTime()), canonical_email_hash: hash, created_at: ctx.clock.now().toISOString() };
  return uniquely('Canonical email hash', () =>
    ctx.db.transaction().execute(async (trx) => {
      if ((await canonicalEmailBlocksByHash(trx, hash)).length) throw unprocessable('Canonical email hash has already been taken');
      await insertCanonicalEmailBlock(trx, row);
      // The address itself is never logged: only the start of its hash, to tell blocks apart.
      await audit(ctx, trx, actor, { action: 'canonical_email_block.create', targetType: 'canonical_email_block', targetId: row.id, summary: `@${actor.username} blocked an e-mail address (hash ${hash.slice(0, 12)}…)` });
      return row;
    }),
  );
}

export async function removeCanonicalEmailBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const block = await findCanonicalEmailBlock(trx, id);
    if (!block) throw notFound();
    await deleteCanonicalEmailBlock(trx, id);
    await audit(ctx, trx, actor, { action: 'canonical_email_block.destroy', targetType: 'canonical_email_block', targetId: id, summary: `@${actor.username} unblocked an e-mail address (hash ${block.canonical_email_hash.slice(0, 12)}…)` });
  });
}

export async function testCanonicalEmail(ctx: AppContext, email: string): Promise<CanonicalEmailBlockRow[]> {
  return canonicalEmailBlocksByHash(ctx.db, canonicalEmailHash(email));
}
