// GET /api/v1/exports/csv/{following,lists,blocks,mutes,bookmarks,domain_blocks}: one CSV of
// Mastodon's /settings/exports, streamed, with Mastodon's file name.
import { Readable } from 'node:stream';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { CSV_FILE_NAMES, CSV_KINDS, csvExport, type CsvKind } from '../../../../services/portability/csv-exports.ts';
import { attachmentHeaders } from './attachment.ts';

const SCOPES: Record<CsvKind, string> = {
  following: 'read:follows',
  lists: 'read:lists',
  blocks: 'read:blocks',
  mutes: 'read:mutes',
  bookmarks: 'read:bookmarks',
  domain_blocks: 'read:blocks',
};

export const csvExportRoutes: RouteGroup = (app, ctx) => {
  for (const kind of CSV_KINDS) {
    app.get(`/api/v1/exports/csv/${kind}`, { config: { auth: { mode: 'user', scope: SCOPES[kind] } } }, async (request, reply) => {
      const me = currentAccount(request);
      reply.headers(attachmentHeaders('text/csv; charset=utf-8', CSV_FILE_NAMES[kind]));
      return reply.send(Readable.from(csvExport(ctx, me.id, kind)));
    });
  }
};
