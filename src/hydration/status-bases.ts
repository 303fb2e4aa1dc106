// The viewer-independent half of status rendering: loads, in a fixed number of queries, what
// every viewer sees the same (author, mentions, tags, poll totals) and builds StatusBaseJson.
// This is the layer a cache can sit in front of (keyed by status id, invalidated on change).
import type { AppContext } from '../context.ts';
import { findPollsByIds, tallies } from '../db/repos/polls.ts';
import { mentionsOfStatuses, statusAuthors } from '../db/repos/statuses.ts';
import { tagsOfStatuses } from '../db/repos/tags.ts';
import type { AccountRow, PollRow, StatusRow } from '../db/schema.ts';
import { isDistributable, quoteApprovalAutomatic } from '../domain/visibility.ts';
import { serializeAccount } from '../serializers/account.ts';
import { serializePollBase, type PollJson } from '../serializers/poll.ts';
import { serializeMention, serializeStatusBase, type StatusBaseJson, type StatusMentionJson } from '../serializers/status.ts';
import { serializeStatusTag, type StatusTagJson } from '../serializers/tag.ts';

export interface StatusBase {
  row: StatusRow;
  author: AccountRow;
  json: StatusBaseJson;
  poll: { row: PollRow; json: PollJson } | null;
}

function groupBy<T, V>(items: readonly T[], key: (t: T) => string, value: (t: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(value(item));
    else out.set(k, [value(item)]);
  }
  return out;
}

export async function loadStatusBases(ctx: AppContext, rows: readonly StatusRow[]): Promise<Map<string, StatusBase>> {
  const ids = rows.map((r) => r.id);
  const pollIds = rows.map((r) => r.poll_id).filter((p): p is string => p !== null);
  const [authors, mentions, tags, polls, tally] = await Promise.all([
    statusAuthors(ctx.db, rows.map((r) => r.account_id)),
    mentionsOfStatuses(ctx.db, ids),
    tagsOfStatuses(ctx.db, ids),
    findPollsByIds(ctx.db, pollIds),
    tallies(ctx.db, pollIds),
  ]);
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const mentionsBy = groupBy<(typeof mentions)[number], StatusMentionJson>(mentions, (m) => m.status_id, (m) => serializeMention(ctx.config, m.account));
  const tagsBy = groupBy<(typeof tags)[number], StatusTagJson>(tags, (t) => t.status_id, (t) => serializeStatusTag(ctx.config, t.name));
  const tallyBy = new Map<string, Map<number, number>>();
  for (const t of tally) {
    const m = tallyBy.get(t.poll_id) ?? new Map<number, number>();
    m.set(t.choice, t.n);
    tallyBy.set(t.poll_id, m);
  }
  const pollById = new Map(polls.map((p) => [p.id, p]));
  const now = ctx.clock.now();
  const out = new Map<string, StatusBase>();
  for (const row of rows) {
    const author = authorById.get(row.account_id);
    if (!author) continue;
    const pollRow = row.poll_id ? pollById.get(row.poll_id) : undefined;
    const json = serializeStatusBase(ctx.config, row, {
      account: serializeAccount(ctx.config, author),
      mentions: mentionsBy.get(row.id) ?? [],
      tags: tagsBy.get(row.id) ?? [],
      quoteAutomatic: !row.reblog_of_id && isDistributable(row.visibility) ? quoteApprovalAutomatic(row.quote_policy) : [],
    });
    out.set(row.id, { row, author, json, poll: pollRow ? { row: pollRow, json: serializePollBase(pollRow, tallyBy.get(pollRow.id) ?? new Map(), now) } : null });
  }
  return out;
}
