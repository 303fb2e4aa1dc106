// The portability jobs (kept here rather than in src/jobs/types.ts: the services that enqueue
// them and src/jobs/portability.ts that handles them both import this file).
export const PORTABILITY_JOB = {
  /** Make one account archive. */
  buildExport: 'build_account_export', // { exportId }
  /** One step of a CSV import: the overwrite clean-up, or a batch of rows; re-enqueued until done. */
  runImport: 'run_account_import', // { importId, cursor? }
  /** Recurring: erase archives older than seven days, old imports and read failures. */
  eraseExpired: 'erase_expired_portability', // {}
} as const;
