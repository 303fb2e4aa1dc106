// Every route group of the server. Each group's index registers its endpoint files.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { appsRoutes } from './api/v1/apps/index.ts';
import { accountsRoutesC } from './api/v1/accounts/index-c.ts';
import { blocksRoutes } from './api/v1/blocks/index.ts';
import { endorsementsRoutes } from './api/v1/endorsements/index.ts';
import { followRequestsRoutes } from './api/v1/follow_requests/index.ts';
import { mutesRoutes } from './api/v1/mutes/index.ts';
import { timelinesRoutes } from './api/v1/timelines/index.ts';
import { legacyDismissRoute, notificationsRoutes } from './api/v1/notifications/index.ts';
import { notificationsV2Routes } from './api/v2/notifications/index.ts';
import { notificationPolicyV2Routes } from './api/v2/notifications/policy.ts';
import { notificationPolicyV1Routes } from './api/v1/notifications/policy.ts';
import { notificationRequestsRoutes } from './api/v1/notifications/requests.ts';
import { filtersV1Routes } from './api/v1/filters/index.ts';
import { filtersV2Routes } from './api/v2/filters/index.ts';
import { markersRoutes } from './api/v1/markers/index.ts';
import { listsRoutes } from './api/v1/lists/index.ts';
import { tagsRoutes } from './api/v1/tags/index.ts';
import { followedTagsRoutes } from './api/v1/followed_tags/index.ts';
import { featuredTagsRoutes } from './api/v1/featured_tags/index.ts';
import { conversationsRoutes } from './api/v1/conversations/index.ts';
import { directoryRoutes } from './api/v1/directory/index.ts';
import { announcementsRoutes } from './api/v1/announcements/index.ts';
import { customEmojisRoutes } from './api/v1/custom_emojis/index.ts';
import { instanceRoutes } from './api/v1/instance/index.ts';
import { trendsRoutes } from './api/v1/trends/index.ts';
import { instanceV2Routes } from './api/v2/instance/index.ts';
import { nodeinfoRoutes } from './nodeinfo/index.ts';
import { defaultImagesRoutes } from './static/default-images.ts';
import { hostMetaRoutes } from './well-known/host-meta.ts';
import { webfingerRoutes } from './well-known/webfinger.ts';
import { searchV2Routes } from './api/v2/search/index.ts';
import { accountsSearchRoute } from './api/v1/accounts/search.ts';
import { streamingRoutes } from './api/v1/streaming/index.ts';
import { accountsRoutesA } from './api/v1/accounts/index-a.ts';
import { emailsRoutes } from './api/v1/emails/index.ts';
import { oauthRoutes } from './oauth/index.ts';
import { webRoutes } from './web/index.ts';
import { statusesRoutes } from './api/v1/statuses/index.ts';
import { pollsRoutes } from './api/v1/polls/index.ts';
import { favouritesRoutes } from './api/v1/favourites/index.ts';
import { scheduledStatusesRoutes } from './api/v1/scheduled_statuses/index.ts';
import { pushRoutes } from './api/v1/push/index.ts';
import { reportsRoutes } from './api/v1/reports/index.ts';
import { mediaRoutes } from './api/v1/media/index.ts';
import { mediaV2Routes } from './api/v2/media/index.ts';
import { serveMediaRoutes } from './media/serve.ts';
import { adminReportsRoutes } from './api/v1/admin/reports.ts';
import { adminActionLogsRoutes } from './api/v1/admin/action-logs.ts';
import { adminAccountsRoutes } from './api/v1/admin/accounts.ts';
import { adminAppealsRoutes } from './api/v1/admin/appeals.ts';
import { adminDomainBlocksRoutes } from './api/v1/admin/domain-blocks.ts';
import { adminDomainAllowsRoutes } from './api/v1/admin/domain-allows.ts';
import { adminIpBlocksRoutes } from './api/v1/admin/ip-blocks.ts';
import { adminAppsRoutes } from './api/v1/admin/apps.ts';
import { proofOfWorkRoutes } from './api/v1/parley/proof-of-work.ts';
import { adminEmailDomainBlocksRoutes } from './api/v1/admin/email-domain-blocks.ts';
import { adminCanonicalEmailBlocksRoutes } from './api/v1/admin/canonical-email-blocks.ts';
import { adminMeasuresRoutes } from './api/v1/admin/measures.ts';
import { adminDimensionsRoutes } from './api/v1/admin/dimensions.ts';
import { adminRetentionRoutes } from './api/v1/admin/retention.ts';
import { adminTrendsRoutes } from './api/v1/admin/trends.ts';
import { strikesRoutes } from './api/v1/strikes.ts';
import { adminPolicyDecisionsRoutes } from './api/v1/admin/policy-decisions.ts';
import { profileImagesRoutes } from './api/v1/profile/index.ts';
import { parleySecurityRoutes } from './api/v1/parley/index.ts';
import { exportsRoutes } from './api/v1/exports/index.ts';
import { importsRoutes } from './api/v1/imports/index.ts';

export type RouteGroup = (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;

const groups: RouteGroup[] = [appsRoutes, accountsRoutesC, blocksRoutes, mutesRoutes, followRequestsRoutes, endorsementsRoutes, timelinesRoutes,
  legacyDismissRoute, notificationsRoutes, notificationsV2Routes, notificationPolicyV1Routes, notificationPolicyV2Routes, notificationRequestsRoutes, markersRoutes, listsRoutes, tagsRoutes, followedTagsRoutes, featuredTagsRoutes, conversationsRoutes, directoryRoutes,
  // Helper D: instance, discovery, default images.
  instanceRoutes, instanceV2Routes, customEmojisRoutes, trendsRoutes, announcementsRoutes, nodeinfoRoutes, webfingerRoutes, hostMetaRoutes, defaultImagesRoutes, searchV2Routes, accountsSearchRoute, streamingRoutes,
  // Helper A: accounts, OAuth, web pages.
  accountsRoutesA, emailsRoutes, oauthRoutes, webRoutes, parleySecurityRoutes,
  // Helper B: statuses, polls, favourites and bookmarks, scheduled statuses.
  statusesRoutes, pollsRoutes, favouritesRoutes, scheduledStatusesRoutes,
  // Helper W1: Web Push, reports.
  pushRoutes, reportsRoutes,
  // Media: uploads, serving, profile images.
  mediaV2Routes, mediaRoutes, serveMediaRoutes, profileImagesRoutes,
  // Helper H5: content filters.
  filtersV2Routes, filtersV1Routes,
  // Moderation.
  adminReportsRoutes, adminActionLogsRoutes, adminAccountsRoutes, adminAppealsRoutes, strikesRoutes, adminDomainBlocksRoutes, adminDomainAllowsRoutes, adminIpBlocksRoutes, adminEmailDomainBlocksRoutes, adminCanonicalEmailBlocksRoutes, adminMeasuresRoutes, adminDimensionsRoutes, adminRetentionRoutes, adminTrendsRoutes, adminPolicyDecisionsRoutes, adminAppsRoutes,
  // Helper E: data portability (archives, CSV exports and imports).
  exportsRoutes, importsRoutes,
  // Abuse resistance: proof-of-work challenges.
  proofOfWorkRoutes];

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const group of groups) await group(app, ctx);
}
