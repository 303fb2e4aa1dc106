// NodeInfo discovery (/.well-known/nodeinfo) and documents 2.0 and 2.1: what fediverse
// crawlers and client detectors (megalodon reads software.name) use to identify the server.
import type { RouteGroup } from '../routes.ts';
import { usageCounts } from '../../services/instance/describe-instance.ts';
import { loadInstanceSettings } from '../../services/instance/instance-settings.ts';
import { SOURCE_URL } from '../../serializers/instance.ts';

const VERSIONS = ['2.0', '2.1'] as const;
const schema = (v: string) => `http://nodeinfo.diaspora.software/ns/schema/${v}`;

export const nodeinfoRoutes: RouteGroup = (app, ctx) => {
  const opts = { config: { auth: { mode: 'none' as const } } };

  app.get('/.well-known/nodeinfo', opts, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=259200');
    return { links: VERSIONS.map((v) => ({ rel: schema(v), href: `${ctx.config.baseUrl}/nodeinfo/${v}` })) };
  });

  for (const v of VERSIONS) {
    app.get(`/nodeinfo/${v}`, opts, async (_request, reply) => {
      const settings = await loadInstanceSettings(ctx);
      const usage = await usageCounts(ctx);
      reply.header('cache-control', 'public, max-age=1800');
      reply.type(`application/json; profile="${schema(v)}#"`);
      const software: Record<string, string> = { name: 'parley', version: '0.1.0' };
      if (v === '2.1') {
        software.repository = SOURCE_URL;
        software.homepage = SOURCE_URL;
      }
      return {
        version: v,
        software,
        protocols: [] as string[],
        services: { outbound: [] as string[], inbound: [] as string[] },
        usage: {
          users: { total: usage.userCount, activeMonth: usage.activeMonth, activeHalfyear: usage.activeHalfyear },
          localPosts: usage.statusCount,
        },
        openRegistrations: settings.registrationsMode === 'open',
        metadata: { nodeName: settings.title, nodeDescription: settings.shortDescription },
      };
    });
  }
};
