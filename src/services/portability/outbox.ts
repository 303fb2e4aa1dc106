// The JSON documents of an archive, written as streams: outbox.json (every post of the account,
// private and direct ones included, in pages of 200 with what they refer to loaded in bulk),
// likes.json and bookmarks.json (the URIs of the posts). Deleted posts are gone from the
// database, so they cannot appear. totalItems is written last, once it is known.
import type { AppContext } from '../../context.ts';
import type { AccountRow, MediaAttachmentRow, PollRow, StatusRow } from '../../db/schema.ts';
import { statusUrls } from '../../serializers/status.ts';
import { AS_CONTEXT, outboxItem, type ArchivePost } from './activitystreams.ts';

const PAGE = 200;

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** The URIs of the posts with these ids that still exist. */
async function urisOf(ctx: AppContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('statuses as s').innerJoin('accounts as a', 'a.id', 's.account_id').select(['s.id', 's.reblog_of_id', 'a.username']).where('s.id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, statusUrls(ctx.config, r, r.username).uri]));
}

/** A page of posts with their mentions, tags, attachments, polls and the posts they point at. */
async function loadPosts(ctx: AppContext, statuses: StatusRow[]): Promise<ArchivePost[]> {
  const ids = statuses.map((s) => s.id);
  const [uris, mentions, tags, attachments, polls] = await Promise.all([
    urisOf(ctx, statuses.flatMap((s) => [s.in_reply_to_id, s.quote_of_id, s.reblog_of_id])),
    ctx.db.selectFrom('mentions as m').innerJoin('accounts as a', 'a.id', 'm.account_id').select(['m.status_id', 'a.username', 'a.domain']).where('m.status_id', 'in', ids).execute(),
    ctx.db.selectFrom('status_tags as st').innerJoin('tags as t', 't.id', 'st.tag_id').select(['st.status_id', 't.display_name']).where('st.status_id', 'in', ids).execute(),
    ctx.db.selectFrom('media_attachments').selectAll().where('status_id', 'in', ids).where('position', 'is not', null).where('state', '=', 'ready').orderBy('position').execute(),
    ctx.db.selectFrom('polls').selectAll().where('status_id', 'in', ids).execute(),
  ]);
  const votes = polls.length === 0 ? [] : await ctx.db.selectFrom('poll_votes').select(['poll_id', 'choice', (eb) => eb.fn.countAll<number>().as('n')]).where('poll_id', 'in', polls.map((p) => p.id)).groupBy(['poll_id', 'choice']).execute();
  const mentionsOf = groupBy(mentions, (m) => m.status_id);
  const tagsOf = groupBy(tags, (t) => t.status_id);
  const attachmentsOf = groupBy<MediaAttachmentRow, string | null>(attachments, (m) => m.status_id);
  const pollOf = new Map<string, PollRow>(polls.map((p) => [p.status_id, p]));
  const tallyOf = groupBy(votes, (v) => v.poll_id);
  return statuses.map((s) => {
    const poll = pollOf.get(s.id);
    return {
      status: s,
      inReplyTo: s.in_reply_to_id ? (uris.get(s.in_reply_to_id) ?? null) : null,
      quote: s.quote_of_id ? (uris.get(s.quote_of_id) ?? null) : null,
      reblogOf: s.reblog_of_id ? (uris.get(s.reblog_of_id) ?? null) : null,
      mentions: (mentionsOf.get(s.id) ?? []).map((m) => ({ username: m.username, domain: m.domain })),
      tags: (tagsOf.get(s.id) ?? []).map((t) => t.display_name),
      attachments: attachmentsOf.get(s.id) ?? [],
      poll: poll ? { row: poll, tally: new Map((tallyOf.get(poll.id) ?? []).map((v) => [v.choice, Number(v.n)])) } : null,
    };
  });
}

/** Opening of an OrderedCollection whose items follow; close it with collectionEnd. */
function collectionStart(id: string, withContext: boolean): string {
  const head = JSON.stringify({ ...(withContext ? { '@context': AS_CONTEXT } : {}), id, type: 'OrderedCollection' });
  return `${head.slice(0, -1)},"orderedItems":[`;
}

const collectionEnd = (total: number) => `],"totalItems":${total}}`;

export async function* outboxJson(ctx: AppContext, account: AccountRow, mediaTypeOf: (key: string) => string): AsyncIterable<string> {
  yield collectionStart('outbox.json', true);
  let after: string | null = null;
  let total = 0;
  for (;;) {
    let q = ctx.db.selectFrom('statuses').selectAll().where('account_id', '=', account.id);
    if (after) q = q.where('id', '>', after);
    const page = await q.orderBy('id').limit(PAGE).execute();
    if (page.length === 0) break;
    const items = (await loadPosts(ctx, page)).map((p) => JSON.stringify(outboxItem(ctx.config, account, p, mediaTypeOf)));
    yield (total > 0 ? ',' : '') + items.join(',');
    total += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  yield collectionEnd(total);
}

/** likes.json or bookmarks.json: the URIs of the posts the account favourited or bookmarked. */
export async function* markedJson(ctx: AppContext, accountId: string, table: 'favourites' | 'bookmarks'): AsyncIterable<string> {
  yield collectionStart(table === 'favourites' ? 'likes.json' : 'bookmarks.json', true);
  let after: string | null = null;
  let total = 0;
  for (;;) {
    let q = ctx.db
      .selectFrom(`${table} as f`)
      .innerJoin('statuses as s', 's.id', 'f.status_id')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select(['f.id', 's.id as status_id', 's.reblog_of_id', 'a.username'])
      .where('f.account_id', '=', accountId);
    if (after) q = q.where('f.id', '>', after);
    const page = await q.orderBy('f.id').limit(1000).execute();
    if (page.length === 0) break;
    const uris = page.map((r) => JSON.stringify(statusUrls(ctx.config, { id: r.status_id, reblog_of_id: r.reblog_of_id }, r.username).uri));
    yield (total > 0 ? ',' : '') + uris.join(',');
    total += page.length;
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  yield collectionEnd(total);
}

/** The account's attached, processed files (each once, with its storage key), page by page. */
export async function* attachedFiles(ctx: AppContext, accountId: string): AsyncIterable<{ key: string }> {
  let after: string | null = null;
  for (;;) {
    let q = ctx.db
      .selectFrom('media_attachments')
      .select(['id', 'file_key'])
      .where('account_id', '=', accountId)
      .where('status_id', 'is not', null)
      .where('position', 'is not', null)
      .where('state', '=', 'ready')
      .where('file_key', 'is not', null);
    if (after) q = q.where('id', '>', after);
    const page = await q.orderBy('id').limit(500).execute();
    for (const m of page) yield { key: m.file_key! };
    if (page.length < 500) return;
    after = page[page.length - 1]!.id;
  }
}
