// Job types and their payloads: the contract between the services that enqueue work and the
// handlers that do it. Payloads carry ids only; handlers load fresh state and are idempotent.
export const JOB = {
  /** A new (or scheduled, now published) status: fan out to home/list feeds, mention notifications, conversations, streaming. */
  distributeStatus: 'distribute_status', // { statusId }
  /** An edited status: notify those who reblogged/quoted it (type update), stream status.update. */
  distributeStatusUpdate: 'distribute_status_update', // { statusId }
  /** A deleted status (already removed from the database): stream `delete` to everyone who could see it. */
  distributeDelete: 'distribute_delete', // { statusId, accountId, visibility, tagNames: string[], audienceIds: string[], listIds: string[] }
  /** Create one notification (favourite, reblog, quote, follow, follow_request, poll, status, update, mention). */
  notify: 'notify', // { type, accountId, fromAccountId, statusId? }
  /** Copy an account's recent statuses into a new follower's home feed. */
  mergeIntoHome: 'merge_into_home', // { accountId (follower), targetAccountId }
  /** Remove an account's statuses from a home feed after unfollow/block/mute. */
  unmergeFromHome: 'unmerge_from_home', // { accountId, targetAccountId }
  /** Publish a scheduled status when its time comes. */
  publishScheduledStatus: 'publish_scheduled_status', // { scheduledStatusId }
  /** A poll has ended: notify the voters and the author. */
  pollExpired: 'poll_expired', // { pollId }
  /** Send an e-mail (confirmation, password reset). */
  sendEmail: 'send_email', // { to, subject, text }
  /** Encrypt one notification for one Web Push subscription and POST it to the push service. */
  webPush: 'web_push', // { subscriptionId, notificationId }
  /** Transcode a queued video, animation or audio upload (slow lane). */
  processMedia: 'process_media', // { mediaId }
  /** Delete stored media files (and leftover uploads) whose rows are already gone. */
  deleteMediaFiles: 'delete_media_files', // { keys: string[], incoming: string[] }
  /** Recurring: erase uploads never posted within a day, and stray files of interrupted uploads. */
  cleanupMedia: 'cleanup_media', // {}
  /** Erase a deleted account, a batch of posts per run (re-enqueues itself until done). */
  eraseAccount: 'erase_account', // { accountId }
  /** Recurring: erase accounts whose suspension was not lifted within 30 days. */
  eraseLongSuspended: 'erase_long_suspended', // {}
  /** Recurring: escalate open reports past their response deadline. */
  escalateOverdueReports: 'escalate_overdue_reports', // {}
} as const;
