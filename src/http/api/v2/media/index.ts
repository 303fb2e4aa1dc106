// POST /api/v2/media: 200 with the attachment when it is ready (pictures), 202 while a video,
// animation or audio clip is processed in the background. POST /api/v1/media (deprecated in
// Mastodon, still used by older clients) takes the same parameters and always answers 200.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf, type Upload } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { badRequest } from '../../../../domain/errors.ts';
import { uploadMedia } from '../../../../services/media/upload-media.ts';
import { renderOwnMedia } from '../../v1/media/render-media.ts';

const Body = z.object({
  description: z.string().optional().nullable(),
  focus: z.string().optional().nullable(),
});

function single(uploads: Upload[], field: string): Upload | undefined {
  const found = uploads.filter((u) => u.fieldname === field);
  if (found.length > 1) throw badRequest(`Send one "${field}" file per request`);
  return found[0];
}

export const mediaV2Routes: RouteGroup = (app, ctx) => {
  for (const version of ['v1', 'v2'] as const) {
    app.post(`/api/${version}/media`, { config: { auth: { mode: 'user', scope: 'write:media' } } }, async (request, reply) => {
      const account = currentAccount(request);
      const b = parseInput(Body, paramsOf(request));
      const row = await uploadMedia(ctx, account, { file: single(request.uploads, 'file'), thumbnail: single(request.uploads, 'thumbnail'), description: b.description, focus: b.focus });
      reply.status(version === 'v2' && row.state === 'processing' ? 202 : 200);
      return renderOwnMedia(ctx, row);
    });
  }
};
