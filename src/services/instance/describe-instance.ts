// Gathers what GET /api/v1|v2/instance and NodeInfo report: settings, rules, the contact
// account, usage counts and the limits the other parts of the server enforce.
import type { AppContext } from '../../context.ts';
import { countActiveUsers, countLocalStatuses, countLocalUsers, findFirstAdmin, listInstanceRules } from '../../db/repos/instance.ts';
import { serializeAccount } from '../../serializers/account.ts';
import type { InstanceFacts, InstanceLimits } from '../../serializers/instance.ts';
import { serializeRule } from '../../serializers/rule.ts';
import { IMAGE_MATRIX_LIMIT, VIDEO_FRAME_RATE_LIMIT, VIDEO_MATRIX_LIMIT } from '../../media/limits.ts';
import { DESCRIPTION_LIMIT } from '../media/media-input.ts';
import { loadInstanceSettings, type InstanceSettings } from './instance-settings.ts';

const DAY_MS = 24 * 3600_000;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/avif'];
const AV_TYPES = ['video/mp4', 'video/quicktime', 'video/webm', 'audio/mpeg', 'audio/mp3', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/flac', 'audio/x-flac', 'audio/webm'];

export function instanceLimits(ctx: AppContext): InstanceLimits {
  return {
    maxStatusChars: ctx.config.maxStatusChars,
    maxMediaAttachments: 4,
    charactersReservedPerUrl: 23,
    maxFeaturedTags: 10,
    maxPinnedStatuses: 5,
    poll: { maxOptions: 4, maxCharactersPerOption: 50, minExpiration: 300, maxExpiration: 2_629_746 },
    media: {
      // Video, animations and audio need ffmpeg; without it only still pictures are accepted.
      supportedMimeTypes: ctx.media.ffmpeg ? [...IMAGE_TYPES, ...AV_TYPES] : IMAGE_TYPES.filter((t) => t !== 'image/gif'),
      descriptionLimit: DESCRIPTION_LIMIT,
      imageSizeLimit: ctx.config.media.imageBytes,
      imageMatrixLimit: IMAGE_MATRIX_LIMIT,
      videoSizeLimit: ctx.config.media.videoBytes,
      videoFrameRateLimit: VIDEO_FRAME_RATE_LIMIT,
      videoMatrixLimit: VIDEO_MATRIX_LIMIT,
    },
  };
}

export interface UsageCounts {
  userCount: number;
  statusCount: number;
  activeMonth: number;
  activeHalfyear: number;
}

// Every client asks for the instance when it starts; the counts scan tables, so they are kept
// for a minute per process (Mastodon caches them too).
const USAGE_TTL_MS = 60_000;
const usageCache = new WeakMap<AppContext['db'], { at: number; counts: UsageCounts }>();

export async function usageCounts(ctx: AppContext): Promise<UsageCounts> {
  const now = ctx.clock.now().getTime();
  const cached = usageCache.get(ctx.db);
  if (cached && now - cached.at < USAGE_TTL_MS && now >= cached.at) return cached.counts;
  const counts = await countUsage(ctx, now);
  usageCache.set(ctx.db, { at: now, counts });
  return counts;
}

async function countUsage(ctx: AppContext, now: number): Promise<UsageCounts> {
  return {
    userCount: await countLocalUsers(ctx.db),
    statusCount: await countLocalStatuses(ctx.db),
    activeMonth: await countActiveUsers(ctx.db, new Date(now - 30 * DAY_MS).toISOString()),
    activeHalfyear: await countActiveUsers(ctx.db, new Date(now - 180 * DAY_MS).toISOString()),
  };
}

const INVITE_ONLY_MESSAGE = 'This server is invite-only: ask a member for an invite link to sign up.';

/**
 * Like Mastodon, an invite-only server reports registrations as not enabled (apps then show the
 * message instead of a form that cannot work without a code); the message says invites exist.
 */
function registrationFacts(settings: InstanceSettings): InstanceFacts['registrations'] {
  const mode = settings.registrationsMode;
  return {
    enabled: mode === 'open' || mode === 'approval',
    approvalRequired: mode === 'approval',
    message: mode === 'invite' ? (settings.registrationsMessage ?? INVITE_ONLY_MESSAGE) : settings.registrationsMessage,
    minAge: settings.minAge,
  };
}

export async function describeInstance(ctx: AppContext): Promise<InstanceFacts> {
  const settings = await loadInstanceSettings(ctx);
  const admin = await findFirstAdmin(ctx.db);
  const rules = await listInstanceRules(ctx.db);
  const usage = await usageCounts(ctx);
  return {
    title: settings.title,
    description: settings.shortDescription,
    contactEmail: settings.contactEmail,
    contactAccount: admin ? serializeAccount(ctx.config, admin) : null,
    languages: settings.languages,
    registrations: registrationFacts(settings),
    invitesEnabled: settings.registrationsMode === 'invite' || (settings.registrationsMode !== 'closed' && settings.invitesAllowedBy === 'users'),
    rules: rules.map(serializeRule),
    usage,
    hasPrivacyPolicy: true,
    hasTermsOfService: settings.termsOfService !== null,
    loggedOutAccess: settings.loggedOutAccess,
    limits: instanceLimits(ctx),
  };
}
