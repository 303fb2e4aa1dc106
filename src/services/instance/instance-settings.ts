// The admin-chosen facts about this server that the instance endpoints show, read through the
// settings repo (defaults from the configuration). Empty texts mean "not written".
import type { AppContext } from '../../context.ts';
import { settingsUpdatedAt } from '../../db/repos/instance.ts';
import { getSetting, type RegistrationsMode } from '../../db/repos/settings.ts';

export interface InstanceSettings {
  title: string;
  shortDescription: string;
  /** HTML shown on the about page (Mastodon's extended description). */
  extendedDescription: string;
  extendedDescriptionUpdatedAt: string | null;
  contactEmail: string;
  registrationsMode: RegistrationsMode;
  /** Who may create invite links. */
  invitesAllowedBy: 'staff' | 'users';
  registrationsMessage: string | null;
  languages: string[];
  privacyPolicy: string | null;
  privacyPolicyUpdatedAt: string | null;
  termsOfService: string | null;
  /** YYYY-MM-DD: the day the current terms were saved. */
  termsOfServiceEffectiveDate: string | null;
  minAge: number | null;
  loggedOutAccess: 'public' | 'none';
}

export async function loadInstanceSettings(ctx: AppContext): Promise<InstanceSettings> {
  const get = <K extends Parameters<typeof getSetting>[2]>(key: K) => getSetting(ctx.db, ctx.config, key);
  const updated = await settingsUpdatedAt(ctx.db, ['site_extended_description', 'privacy_policy', 'terms_of_service']);
  const terms = await get('terms_of_service');
  const privacy = await get('privacy_policy');
  const message = await get('registrations_message');
  return {
    title: await get('site_title'),
    shortDescription: await get('site_short_description'),
    extendedDescription: await get('site_extended_description'),
    extendedDescriptionUpdatedAt: updated.get('site_extended_description') ?? null,
    contactEmail: await get('site_contact_email'),
    registrationsMode: await get('registrations_mode'),
    invitesAllowedBy: await get('invites_allowed_by'),
    loggedOutAccess: await get('logged_out_access'),
    registrationsMessage: message === '' ? null : message,
    languages: await get('site_languages'),
    privacyPolicy: privacy === '' ? null : privacy,
    privacyPolicyUpdatedAt: privacy === '' ? null : (updated.get('privacy_policy') ?? null),
    termsOfService: terms === '' ? null : terms,
    termsOfServiceEffectiveDate: terms === '' ? null : (updated.get('terms_of_service')?.slice(0, 10) ?? null),
    minAge: await get('min_age'),
  };
}
