// Gathers what GET /api/v1|v2/instance and NodeInfo report: settings, rules, the contact
// account, usage counts and the limits the other parts of the server enforce.
import type { AppContext } from '../../context.ts';
import { countActiveUsers, countLocalStatuses, countLocalUsers, findFirstAdmin, listInstanceRules } from '../../db/repos/instance.ts';
import { serializeAccount } from '../../serializers/account.ts';
import type { InstanceFacts, InstanceLimits } from '../../serializers/instance.ts';
import { serializeRule } from '../../serializers/rule.ts';
import { loadInstanceSettings } from './instance-settings.ts';

const DAY_MS = 24 * 3600_000;

export function instanceLimits(ctx: AppContext): InstanceLimits {
  return {
    maxStatusChars: ctx.config.maxStatusChars,
    maxMediaAttachments: 4,
    charactersReservedPerUrl: 23,
    maxFeaturedTags: 10,
    maxPinnedStatuses: 5,
    poll: { maxOptions: 4, maxCharactersPerOption: 50, minExpiration: 300, maxExpiration: 2_629_746 },
    // Uploads arrive with the media work; until then no type is accepted, in Mastodon's shape.
    media: {
      supportedMimeTypes: [],
      descriptionLimit: 1500,
      imageSizeLimit: 16 * 1024 * 1024,
      imageMatrixLimit: 33_177_600,
      videoSizeLimit: 99 * 1024 * 1024,
      videoFrameRateLimit: 120,
      videoMatrixLimit: 8_294_400,
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
    registrations: {
      enabled: settings.registrationsMode !== 'closed',
      approvalRequired: settings.registrationsMode === 'approval',
      message: settings.registrationsMessage,
      minAge: settings.minAge,
    },
    rules: rules.map(serializeRule),
    usage,
    hasPrivacyPolicy: true,
    hasTermsOfService: settings.termsOfService !== null,
    limits: instanceLimits(ctx),
  };
}
