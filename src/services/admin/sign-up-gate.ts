// The blocks that apply at sign-up (API and web form alike): IP ranges, e-mail domains with their
// subdomains, and canonical e-mail hashes. Either refuses with a 422 or says the account must
// wait for a moderator's approval.
import type { AppContext } from '../../context.ts';
import { canonicalEmailBlocksByHash, emailDomainBlocksAmong, insertEmailDomainBlockAttempt } from '../../db/repos/admin-email-blocks.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { ipPolicy } from './ip-blocks.ts';
import { canonicalEmailHash, domainAndParents, emailDomain, sha256Hex } from './names.ts';

export interface SignUpGate {
  requiresApproval: boolean;
}

const blockedEmail = () =>
  unprocessable('Email uses a disallowed e-mail provider', { details: { email: [{ error: 'ERR_BLOCKED', description: 'uses a disallowed e-mail provider' }] } });

/**
 * Six hex digits of a hash of the address, per block and day: enough to count distinct sources in
 * a block's history (collisions are rare at these numbers), while each value fits hundreds of
 * IPv4 addresses, so the table does not say who tried.
 */
function sourceTag(blockId: string, day: string, ip: string): string {
  return sha256Hex(`email-domain-block:${blockId}:${day}:${ip}`).slice(0, 6);
}

export async function checkSignUpBlocks(ctx: AppContext, input: { ip: string | null; email: string }): Promise<SignUpGate> {
  let requiresApproval = false;
  if (input.ip) {
    const policy = await ipPolicy(ctx, input.ip);
    if (policy === 'sign_up_block' || policy === 'no_access') throw unprocessable('Sign-ups from your network are not allowed', { details: { base: [{ error: 'ERR_BLOCKED', description: 'sign-ups from your network are not allowed' }] } });
    if (policy === 'sign_up_requires_approval') requiresApproval = true;
  }

  const domain = emailDomain(input.email);
  if (domain) {
    const [block] = await emailDomainBlocksAmong(ctx.db, domainAndParents(domain));
    if (block) {
      const now = ctx.clock.now();
      const day = now.toISOString().slice(0, 10);
      // Written outside any sign-up transaction, so a refused attempt is still counted.
      await insertEmailDomainBlockAttempt(ctx.db, { id: newId(now.getTime()), email_domain_block_id: block.id, ip_hash: sourceTag(block.id, day, input.ip ?? ''), created_at: now.toISOString() });
      if (!block.allow_with_approval) throw blockedEmail();
      requiresApproval = true;
    }
  }

  if ((await canonicalEmailBlocksByHash(ctx.db, canonicalEmailHash(input.email))).length) throw blockedEmail();
  return { requiresApproval };
}
