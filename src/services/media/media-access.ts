// Who may fetch a stored file: the one rule for serving media. Without a valid signature only
// files that anyone may see are served (avatars, headers, media of public and unlisted posts of
// active accounts); everything else needs the signed URL that rendering gave to a viewer who
// could see the post. A file that is not registered (deleted, never existed) is never served.
import type { AppContext } from '../../context.ts';
import { mediaFileAccess } from '../../db/repos/media.ts';
import { isMediaKey } from '../../media/keys.ts';
import { isPublicVisibility } from '../../media/urls.ts';

export interface ServableFile {
  contentType: string;
  /** Public files may be cached by anyone for a year; signed ones privately until they expire. */
  isPublic: boolean;
}

export async function servableFile(ctx: AppContext, key: string, query: { exp?: string; sig?: string }): Promise<ServableFile | null> {
  if (!isMediaKey(key)) return null;
  const access = await mediaFileAccess(ctx.db, key);
  if (!access || !access.ownerActive) return null;
  const isPublic = access.role === 'avatar' || access.role === 'header' || (access.shownOnStatus && access.statusVisibility !== null && isPublicVisibility(access.statusVisibility));
  if (isPublic) return { contentType: access.contentType, isPublic: true };
  if (ctx.media.signer.verify(key, query.exp, query.sig, ctx.clock.now().getTime())) return { contentType: access.contentType, isPublic: false };
  return null;
}
