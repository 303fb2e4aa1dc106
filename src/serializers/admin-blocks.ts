// Mastodon's admin block entities from their rows. Pure.
import type { AdminCanonicalEmailBlockJson, AdminDomainAllowJson, AdminDomainBlockJson, AdminEmailDomainBlockJson, AdminIpBlockJson, BlockHistoryJson, DomainBlockJson, DomainBlockSeverity, IpBlockSeverity } from '../../api/entities.ts';
import type { CanonicalEmailBlockRow, DomainAllowRow, DomainBlockRow, EmailDomainBlockRow, IpBlockRow } from '../db/schema.ts';
import { obfuscateDomain, sha256Hex } from '../services/admin/names.ts';

export function serializeAdminDomainBlock(b: DomainBlockRow): AdminDomainBlockJson {
  return {
    id: b.id,
    domain: b.domain,
    digest: sha256Hex(b.domain),
    created_at: b.created_at,
    severity: b.severity as DomainBlockSeverity,
    reject_media: b.reject_media === 1,
    reject_reports: b.reject_reports === 1,
    private_comment: b.private_comment,
    public_comment: b.public_comment,
    obfuscate: b.obfuscate === 1,
  };
}

/** The public list entry: the domain starred out when obfuscated, the digest always exact. */
export function serializeDomainBlock(b: DomainBlockRow): DomainBlockJson {
  const json: DomainBlockJson = { domain: b.obfuscate ? obfuscateDomain(b.domain) : b.domain, digest: sha256Hex(b.domain), severity: b.severity as 'silence' | 'suspend' };
  if (b.public_comment) json.comment = b.public_comment;
  return json;
}

export function serializeAdminDomainAllow(a: DomainAllowRow): AdminDomainAllowJson {
  return { id: a.id, domain: a.domain, created_at: a.created_at };
}

export function serializeAdminIpBlock(b: IpBlockRow): AdminIpBlockJson {
  return { id: b.id, ip: b.ip, severity: b.severity as IpBlockSeverity, comment: b.comment, created_at: b.created_at, expires_at: b.expires_at };
}

export function serializeAdminEmailDomainBlock(b: EmailDomainBlockRow, history: BlockHistoryJson[]): AdminEmailDomainBlockJson {
  return { id: b.id, domain: b.domain, created_at: b.created_at, history, allow_with_approval: b.allow_with_approval === 1 };
}

export function serializeAdminCanonicalEmailBlock(b: CanonicalEmailBlockRow): AdminCanonicalEmailBlockJson {
  return { id: b.id, canonical_email_hash: b.canonical_email_hash };
}
