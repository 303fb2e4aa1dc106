// Every job type and its handler. Handlers receive ids, load fresh state, and are idempotent.
import type { AppContext } from '../context.ts';
import { registerDistributeDeleteJob } from './distribute-delete.ts';
import { registerDistributeStatusJob } from './distribute-status.ts';
import { registerDistributeUpdateJob } from './distribute-update.ts';
import { registerMergeHomeJob } from './merge-home.ts';
import { registerNotifyJob } from './notify.ts';
import { registerUnmergeHomeJob } from './unmerge-home.ts';
import { registerSendEmail } from './send-email.ts';
import { registerStatusJobs } from './statuses.ts';
import { registerWebPushJob } from './web-push.ts';
import { registerMediaJobs } from './media.ts';
import { registerModerationJobs } from './moderation.ts';
import { registerTrendsJob } from './trends.ts';
import { registerPortabilityJobs } from './portability.ts';

type Registration = (ctx: AppContext) => void;

const registrations: Registration[] = [registerNotifyJob, registerMergeHomeJob, registerUnmergeHomeJob, registerDistributeStatusJob, registerDistributeUpdateJob, registerDistributeDeleteJob, registerSendEmail, registerStatusJobs, registerWebPushJob, registerMediaJobs, registerModerationJobs, registerTrendsJob, registerPortabilityJobs];

export function registerJobHandlers(ctx: AppContext): void {
  for (const register of registrations) register(ctx);
}
