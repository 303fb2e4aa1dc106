// GET /.well-known/webfinger?resource=acct:user@domain (also the profile URLs): a JRD that
// points at the profile page. Remote lookups and the ActivityPub actor come with federation.
import type { RouteGroup } from '../routes.ts';
import { findLocalAccountByUsername } from '../../db/repos/accounts.ts';
import { AppError, badRequest, notFound } from '../../domain/errors.ts';
import { accountUrl } from '../../serializers/account.ts';

/** The local username a WebFinger resource names, or null when it is not about this server. */
export function usernameFromResource(resource: string, domain: string, baseUrl: string): string | null {
  const acct = /^(?:acct:)?@?([^@\s/]+)@([^@\s/]+)$/i.exec(resource);
  if (acct) return acct[2]!.toLowerCase() === domain ? acct[1]! : null;
  for (const prefix of [`${baseUrl}/@`, `${baseUrl}/users/`]) {
    if (resource.toLowerCase().startsWith(prefix.toLowerCase())) {
      const rest = resource.slice(prefix.length);
      return /^[A-Za-z0-9_]+$/.test(rest) ? rest : null;
    }
  }
  return null;
}

export const webfingerRoutes: RouteGroup = (app, ctx) => {
  app.get('/.well-known/webfinger', { config: { auth: { mode: 'none' } } }, async (request, reply) => {
    const resource = (request.query as Record<string, unknown>).resource;
    if (typeof resource !== 'string' || resource.trim() === '') throw badRequest('The resource parameter is required');
    const username = usernameFromResource(resource.trim(), ctx.config.domain, ctx.config.baseUrl);
    if (!username) throw notFound();
    const account = await findLocalAccountByUsername(ctx.db, username);
    if (!account) throw notFound();
    if (account.deleted_at) throw new AppError(410, 'Gone');
    const profile = accountUrl(ctx.config, account.username);
    reply.type('application/jrd+json; charset=utf-8');
    reply.header('cache-control', 'public, max-age=259200');
    reply.header('vary', 'Accept');
    return {
      subject: `acct:${account.username}@${ctx.config.domain}`,
      aliases: [profile, `${ctx.config.baseUrl}/users/${account.username}`],
      links: [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: profile }],
    };
  });
};
