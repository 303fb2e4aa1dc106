// An uploader's own media as JSON: not yet public, so its URLs are signed.
import type { AppContext } from '../../../../context.ts';
import type { MediaAttachmentRow } from '../../../../db/schema.ts';
import { signedUrls } from '../../../../media/urls.ts';
import { serializeAttachment, type MediaAttachmentJson } from '../../../../serializers/media-attachment.ts';

export function renderOwnMedia(ctx: AppContext, row: MediaAttachmentRow): MediaAttachmentJson {
  return serializeAttachment(row, signedUrls(ctx.config, ctx.media.signer, ctx.clock.now().getTime()));
}
