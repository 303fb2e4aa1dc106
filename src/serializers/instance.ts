// Mastodon's Instance (v2) and V1::Instance entities, built from facts the instance service gathers.
import type { Config } from '../config.ts';
import type { AccountJson } from './account.ts';
import type { RuleJson } from './rule.ts';

/** Client libraries parse this: a bare "0.1.0" makes some refuse to talk to the server. */
export const MASTODON_COMPAT_VERSION = '4.5.0 (compatible; Parley 0.1.0)';
/** Mastodon 4.5's API version number (instance api_versions.mastodon). */
export const MASTODON_API_VERSION = 7;
export const SOURCE_URL = 'https://github.com/parley-social/parley';

export interface InstanceLimits {
  maxStatusChars: number;
  maxMediaAttachments: number;
  charactersReservedPerUrl: number;
  maxFeaturedTags: number;
  maxPinnedStatuses: number;
  poll: { maxOptions: number; maxCharactersPerOption: number; minExpiration: number; maxExpiration: number };
  media: {
    supportedMimeTypes: string[];
    descriptionLimit: number;
    imageSizeLimit: number;
    imageMatrixLimit: number;
    videoSizeLimit: number;
    videoFrameRateLimit: number;
    videoMatrixLimit: number;
  };
}

export interface InstanceFacts {
  title: string;
  description: string;
  contactEmail: string;
  contactAccount: AccountJson | null;
  languages: string[];
  registrations: { enabled: boolean; approvalRequired: boolean; message: string | null; minAge: number | null };
  /** v1's invites_enabled: invite-only, or every user may invite. */
  invitesEnabled: boolean;
  rules: RuleJson[];
  usage: { userCount: number; statusCount: number; activeMonth: number };
  hasPrivacyPolicy: boolean;
  hasTermsOfService: boolean;
  /** The admin's logged_out_access: none means every feed needs a login. */
  loggedOutAccess: 'public' | 'none';
  limits: InstanceLimits;
}

export function streamingUrl(config: Config): string {
  return config.baseUrl.replace(/^http/, 'ws');
}

export function thumbnailUrl(config: Config): string {
  return `${config.baseUrl}/headers/original/missing.png`;
}

function mediaJson(l: InstanceLimits) {
  return {
    supported_mime_types: l.media.supportedMimeTypes,
    description_limit: l.media.descriptionLimit,
    image_size_limit: l.media.imageSizeLimit,
    image_matrix_limit: l.media.imageMatrixLimit,
    video_size_limit: l.media.videoSizeLimit,
    video_frame_rate_limit: l.media.videoFrameRateLimit,
    video_matrix_limit: l.media.videoMatrixLimit,
  };
}

function pollsJson(l: InstanceLimits) {
  return {
    max_options: l.poll.maxOptions,
    max_characters_per_option: l.poll.maxCharactersPerOption,
    min_expiration: l.poll.minExpiration,
    max_expiration: l.poll.maxExpiration,
  };
}

function statusesJson(l: InstanceLimits) {
  return { max_characters: l.maxStatusChars, max_media_attachments: l.maxMediaAttachments, characters_reserved_per_url: l.charactersReservedPerUrl };
}

function timelinesAccess(who: 'public' | 'authenticated') {
  const feed = { local: who, remote: who };
  return { live_feeds: feed, hashtag_feeds: feed, trending_link_feeds: feed };
}

export function serializeInstanceV2(config: Config, f: InstanceFacts, vapidPublicKey = '') {
  const l = f.limits;
  return {
    domain: config.domain,
    title: f.title,
    version: MASTODON_COMPAT_VERSION,
    source_url: SOURCE_URL,
    description: f.description,
    usage: { users: { active_month: f.usage.activeMonth } },
    thumbnail: { url: thumbnailUrl(config) },
    icon: [] as { src: string; size: string }[],
    languages: f.languages,
    configuration: {
      urls: {
        streaming: streamingUrl(config),
        status: null,
        about: `${config.baseUrl}/about`,
        privacy_policy: f.hasPrivacyPolicy ? `${config.baseUrl}/privacy-policy` : null,
        terms_of_service: f.hasTermsOfService ? `${config.baseUrl}/terms-of-service` : null,
      },
      vapid: { public_key: vapidPublicKey },
      accounts: { max_featured_tags: l.maxFeaturedTags, max_pinned_statuses: l.maxPinnedStatuses },
      statuses: statusesJson(l),
      media_attachments: mediaJson(l),
      polls: pollsJson(l),
      translation: { enabled: false },
      timelines_access: timelinesAccess(f.loggedOutAccess === 'none' ? 'authenticated' : 'public'),
      limited_federation: false,
    },
    registrations: {
      enabled: f.registrations.enabled,
      approval_required: f.registrations.approvalRequired,
      reason_required: f.registrations.approvalRequired,
      message: f.registrations.message,
      min_age: f.registrations.minAge,
      url: null,
    },
    api_versions: { mastodon: MASTODON_API_VERSION },
    contact: { email: f.contactEmail, account: f.contactAccount },
    rules: f.rules,
  };
}

export function serializeInstanceV1(config: Config, f: InstanceFacts) {
  const l = f.limits;
  return {
    uri: config.domain,
    title: f.title,
    short_description: f.description,
    description: f.description,
    email: f.contactEmail,
    version: MASTODON_COMPAT_VERSION,
    urls: { streaming_api: streamingUrl(config) },
    stats: { user_count: f.usage.userCount, status_count: f.usage.statusCount, domain_count: 0 },
    thumbnail: thumbnailUrl(config),
    languages: f.languages,
    registrations: f.registrations.enabled,
    approval_required: f.registrations.approvalRequired,
    invites_enabled: f.invitesEnabled,
    configuration: {
      accounts: { max_featured_tags: l.maxFeaturedTags, max_pinned_statuses: l.maxPinnedStatuses },
      statuses: statusesJson(l),
      media_attachments: mediaJson(l),
      polls: pollsJson(l),
    },
    contact_account: f.contactAccount,
    rules: f.rules,
  };
}

export type InstanceV2Json = ReturnType<typeof serializeInstanceV2>;
export type InstanceV1Json = ReturnType<typeof serializeInstanceV1>;
