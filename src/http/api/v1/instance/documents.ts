// GET /api/v1/instance/extended_description, /privacy_policy, /terms_of_service[/:date]:
// the admin's texts (HTML) from the instance settings.
import type { RouteGroup } from '../../../routes.ts';
import { notFound } from '../../../../domain/errors.ts';
import { loadInstanceSettings } from '../../../../services/instance/instance-settings.ts';
import { defaultPrivacyPolicy } from '../../../../services/instance/default-privacy-policy.ts';

// When the admin has not written these, Mastodon still answers with a timestamp.
const EPOCH = '1970-01-01T00:00:00.000Z';

export const instanceDocumentsRoute: RouteGroup = (app, ctx) => {
  const opts = { config: { auth: { mode: 'none' as const } } };

  app.get('/api/v1/instance/extended_description', opts, async () => {
    const s = await loadInstanceSettings(ctx);
    return { updated_at: s.extendedDescriptionUpdatedAt ?? EPOCH, content: s.extendedDescription };
  });

  app.get('/api/v1/instance/privacy_policy', opts, async () => {
    const s = await loadInstanceSettings(ctx);
    return { updated_at: s.privacyPolicyUpdatedAt ?? EPOCH, content: s.privacyPolicy ?? defaultPrivacyPolicy(ctx.config.domain) };
  });

  const terms = async (date?: string) => {
    const s = await loadInstanceSettings(ctx);
    if (s.termsOfService === null) throw notFound();
    const effective = s.termsOfServiceEffectiveDate ?? EPOCH.slice(0, 10);
    // Only one version is kept: any other date is unknown.
    if (date !== undefined && date !== effective) throw notFound();
    return { effective_date: effective, effective: true, content: s.termsOfService, succeeded_by: null };
  };
  app.get('/api/v1/instance/terms_of_service', opts, async () => terms());
  app.get<{ Params: { date: string } }>('/api/v1/instance/terms_of_service/:date', opts, async (request) => terms(request.params.date));
};
