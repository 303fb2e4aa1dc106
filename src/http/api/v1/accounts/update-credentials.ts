// PATCH /api/v1/accounts/update_credentials: profile, fields and posting defaults.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zBool } from '../../../validation.ts';
import { countPendingFollowRequests, findLoginByAccountId } from '../../../../db/repos/users.ts';
import { badRequest, unauthorized } from '../../../../domain/errors.ts';
import { serializeCredentialAccount } from '../../../../serializers/account.ts';
import { updateCredentials } from '../../../../services/accounts/update-credentials.ts';
import { setProfileImage } from '../../../../services/media/profile-images.ts';
import { checkProfile, recordDecision } from '../../../../services/moderation/content-check.ts';

const Field = z.object({
  name: z.string().max(255, { message: 'is too long (maximum is 255 characters)' }).optional().default(''),
  value: z.string().max(255, { message: 'is too long (maximum is 255 characters)' }).optional().default(''),
});

const Body = z.object({
  display_name: z.string().max(30, { message: 'is too long (maximum is 30 characters)' }).optional(),
  note: z.string().max(500, { message: 'is too long (maximum is 500 characters)' }).optional(),
  fields_attributes: zArray(Field, 4).optional(),
  locked: zBool.optional(),
  bot: zBool.optional(),
  discoverable: zBool.optional(),
  indexable: zBool.optional(),
  hide_collections: zBool.optional(),
  /** Parley: hide my posts from people who are not signed in. */
  hide_from_logged_out: zBool.optional(),
  source: z
    .object({
      privacy: z.enum(['public', 'unlisted', 'private'], { message: 'must be public, unlisted or private' }).optional(),
      sensitive: zBool.optional(),
      language: z.union([z.string().regex(/^([a-z]{2,3})?$/, { message: 'must be an ISO 639 language code' }), z.null()]).optional(),
      quote_policy: z.enum(['public', 'followers', 'nobody'], { message: 'must be public, followers or nobody' }).optional(),
    })
    .optional(),
});

export const updateCredentialsRoute: RouteGroup = (app, ctx) => {
  app.patch('/api/v1/accounts/update_credentials', { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async (request) => {
    let me = currentAccount(request);
    const b = parseInput(Body, paramsOf(request));
    // The admin's content policies read what others will see of the profile (a reject is a 422).
    const profileText = [b.display_name, b.note, ...(b.fields_attributes ?? []).flatMap((f) => [f.name, f.value])].filter((t): t is string => typeof t === 'string' && t !== '').join('\n');
    const verdict = profileText ? await checkProfile(ctx, me, profileText) : null;
    for (const kind of ['avatar', 'header'] as const) {
      const files = request.uploads.filter((u) => u.fieldname === kind);
      if (files.length > 1) throw badRequest(`Send one ${kind} file`);
      if (files[0]) me = await setProfileImage(ctx, me, kind, files[0]);
    }
    const updated = await updateCredentials(ctx, me, {
      displayName: b.display_name,
      note: b.note,
      fields: b.fields_attributes,
      locked: b.locked,
      bot: b.bot,
      discoverable: b.discoverable,
      indexable: b.indexable,
      hideCollections: b.hide_collections,
      hideFromLoggedOut: b.hide_from_logged_out,
      privacy: b.source?.privacy,
      sensitive: b.source?.sensitive,
      language: b.source?.language === '' ? null : b.source?.language,
      quotePolicy: b.source?.quote_policy,
    });
    if (verdict) await recordDecision(ctx, ctx.db, updated, { type: 'profile', id: updated.id }, verdict);
    const login = await findLoginByAccountId(ctx.db, updated.id);
    if (!login) throw unauthorized();
    return serializeCredentialAccount(ctx.config, login.account, login.user, await countPendingFollowRequests(ctx.db, updated.id));
  });
};
