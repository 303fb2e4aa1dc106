// GET /.well-known/host-meta: the XRD (or JRD with ?format=json) that points at WebFinger.
import type { RouteGroup } from '../routes.ts';

export const hostMetaRoutes: RouteGroup = (app, ctx) => {
  app.get('/.well-known/host-meta', { config: { auth: { mode: 'none' } } }, async (request, reply) => {
    const template = `${ctx.config.baseUrl}/.well-known/webfinger?resource={uri}`;
    reply.header('cache-control', 'public, max-age=259200');
    if ((request.query as Record<string, unknown>).format === 'json') {
      reply.type('application/json; charset=utf-8');
      return { links: [{ rel: 'lrdd', template }] };
    }
    reply.type('application/xrd+xml; charset=utf-8');
    // baseUrl is a validated host name, so it needs no XML escaping.
    return `<?xml version="1.0" encoding="UTF-8"?>\n<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n  <Link rel="lrdd" template="${template}"/>\n</XRD>\n`;
  });
};
