// Public pages for a profile (/@username) and a post (/@username/:id): readable without
// JavaScript, with OpenGraph and Twitter card tags for link previews, and `noindex` when the
// author asked not to be indexed. These are the URLs the API's `url` fields point to. They show
// exactly what an anonymous API client may see: the same rendering and visibility rules.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { findLocalAccountByUsername } from '../../db/repos/accounts.ts';
import type { AccountRow } from '../../db/schema.ts';
import { isId } from '../../domain/ids.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import { serializeAccount } from '../../serializers/account.ts';
import type { StatusJson } from '../../serializers/status.ts';
import type { MediaAttachmentJson } from '../../serializers/media-attachment.ts';
import { threadOf } from '../../services/statuses/context.ts';
import { loadVisibleStatus } from '../../services/statuses/load-visible-status.ts';
import { accountStatuses } from '../../services/timelines/timelines.ts';
import { loadInstanceSettings } from '../../services/instance/instance-settings.ts';
import { AppError } from '../../domain/errors.ts';
import { getHotSetting } from '../../db/repos/settings.ts';
import type { RouteGroup } from '../routes.ts';
import { plainExcerpt } from '../../text/plain-excerpt.ts';
import { webAppBuilt } from './app-shell.ts';
import { h, messagePage, PUBLIC_STYLE, raw, sendPage, type Html } from './page.ts';

interface Preview {
  title: string;
  description: string;
  url: string;
  type: 'profile' | 'article';
  image: string;
  siteName: string;
  noindex: boolean;
}

function previewTags(p: Preview): Html {
  return h`<link rel="canonical" href="${p.url}">${p.noindex ? raw('<meta name="robots" content="noindex, noarchive">') : ''}
<meta name="description" content="${p.description}">
<meta property="og:site_name" content="${p.siteName}"><meta property="og:type" content="${p.type}"><meta property="og:title" content="${p.title}">
<meta property="og:description" content="${p.description}"><meta property="og:url" content="${p.url}"><meta property="og:image" content="${p.image}">
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="${p.title}"><meta name="twitter:description" content="${p.description}">
<style>${raw(PUBLIC_STYLE)}</style>`;
}

const hidesFromSearch = (a: AccountRow) => a.indexable !== 1 || a.discoverable !== 1;

// Content is HTML that Parley rendered itself from escaped text (src/text/), so it is embedded as is.
function statusHtml(s: StatusJson): Html {
  const shown = s.reblog ?? s;
  const who = h`<a href="${shown.account.url}"><strong>${shown.account.display_name || shown.account.username}</strong> @${shown.account.acct}</a>`;
  const when = h`<a href="${shown.url ?? '#'}"><time datetime="${shown.created_at}">${shown.created_at.slice(0, 16).replace('T', ' ')}</time></a>`;
  const body = shown.spoiler_text ? h`<details><summary>${shown.spoiler_text}</summary>${raw(shown.content)}</details>` : raw(shown.content);
  const poll = shown.poll ? h`<ul>${shown.poll.options.map((o) => h`<li>${o.title}${o.votes_count === null ? '' : h` (${o.votes_count})`}</li>`)}</ul>` : '';
  const media = shown.media_attachments.length ? mediaHtml(shown.media_attachments, shown.sensitive) : '';
  return h`<article><header>${s.reblog ? h`${s.account.display_name || s.account.username} echoed · ` : ''}${who} · ${when}</header>${body}${media}${poll}</article>`;
}

/** Pictures as previews linking to the full file, players for video and audio; sensitive media behind a click. */
function mediaHtml(items: MediaAttachmentJson[], sensitive: boolean): Html {
  const one = (m: MediaAttachmentJson) => {
    const alt = m.description ?? '';
    if (m.type === 'image') return h`<a href="${m.url ?? '#'}"><img class="media" src="${m.preview_url ?? m.url ?? ''}" alt="${alt}" loading="lazy"></a>`;
    if (m.type === 'audio') return h`<audio controls preload="none" src="${m.url ?? ''}" aria-label="${alt || 'Audio'}"></audio>`;
    const loop = m.type === 'gifv' ? raw(' loop muted playsinline') : raw('');
    return h`<video controls${loop} preload="none" poster="${m.preview_url ?? ''}" src="${m.url ?? ''}" aria-label="${alt || 'Video'}"></video>`;
  };
  const all = h`<div class="media-grid">${items.map(one)}</div>`;
  return sensitive ? h`<details><summary>Sensitive media</summary>${all}</details>` : all;
}

/** A link preview shows the post's first picture (or poster frame), else the author's avatar. */
const previewImage = (s: StatusJson) => s.media_attachments.find((m) => m.preview_url && !s.sensitive)?.preview_url ?? s.account.avatar;

/** A link to the same thing in the web app (its routes: web/src/router.ts), when the app is built. */
async function openInApp(ctx: AppContext, appPath: string): Promise<Html> {
  return (await webAppBuilt(ctx)) ? h`<p><a href="${appPath}">Open in the app</a></p>` : raw('');
}

async function profilePage(ctx: AppContext, reply: FastifyReply, account: AccountRow, siteName: string): Promise<FastifyReply> {
  const json = serializeAccount(ctx.config, account);
  const ids = await accountStatuses(ctx, null, account.id, { onlyMedia: false, excludeReplies: true, excludeReblogs: false, pinned: false, tagged: null }, { limit: 20 });
  const statuses = await renderStatuses(ctx, ids, null);
  const name = json.display_name || json.username;
  const head = previewTags({ title: `${name} (@${json.acct}@${ctx.config.domain})`, description: plainExcerpt(json.note) || `Posts by @${json.acct}`, url: json.url, type: 'profile', image: json.avatar, siteName, noindex: hidesFromSearch(account) });
  const counts = json.hide_collections ? h`${json.statuses_count} posts` : h`${json.statuses_count} posts · ${json.following_count} following · ${json.followers_count} followers`;
  return sendPage(
    reply,
    200,
    name,
    h`<p><img class="avatar" src="${json.avatar}" alt="">@${json.acct}@${ctx.config.domain}</p>${raw(json.note)}<p>${counts}</p>
${await openInApp(ctx, `/accounts/${account.id}`)}<section aria-label="Posts">${statuses.length ? statuses.map(statusHtml) : account.hide_from_logged_out === 1 ? h`<p>@${json.acct} shows their posts only to people who are signed in.</p>` : h`<p>No public posts yet.</p>`}</section>
<p><a href="/auth/sign_in">Sign in</a> to follow, reply and more.</p>`,
    head,
  );
}

async function statusPage(ctx: AppContext, reply: FastifyReply, account: AccountRow, statusId: string, siteName: string): Promise<FastifyReply> {
  const status = await loadVisibleStatus(ctx, statusId, null);
  if (status.account_id !== account.id || status.reblog_of_id) return messagePage(reply, 404, 'Not found', 'This post does not exist or is not public.');
  const thread = await threadOf(ctx, status, null);
  const [main] = await renderStatuses(ctx, [status.id], null);
  if (!main) return messagePage(reply, 404, 'Not found', 'This post does not exist or is not public.');
  const [ancestors, descendants] = await Promise.all([renderStatuses(ctx, thread.ancestors, null), renderStatuses(ctx, thread.descendants, null)]);
  const name = main.account.display_name || main.account.username;
  const description = main.spoiler_text ? `Content warning: ${main.spoiler_text}` : plainExcerpt(main.content);
  const head = previewTags({ title: `${name} (@${main.account.acct}@${ctx.config.domain})`, description, url: main.url ?? '', type: 'article', image: previewImage(main), siteName, noindex: hidesFromSearch(account) });
  return sendPage(
    reply,
    200,
    `Post by ${name}`,
    h`${ancestors.map(statusHtml)}<div aria-current="page">${statusHtml(main)}</div>${descendants.length ? h`<section aria-label="Replies">${descendants.map(statusHtml)}</section>` : ''}
${await openInApp(ctx, `/statuses/${main.id}`)}<p><a href="/auth/sign_in">Sign in</a> to reply, echo or like.</p>`,
    head,
  );
}

export const publicPagesRoutes: RouteGroup = (app, ctx) => {
  const load = async (username: string) => {
    const account = await findLocalAccountByUsername(ctx.db, username);
    return account && !account.deleted_at && !account.suspended_at ? account : null;
  };
  const siteName = async () => (await loadInstanceSettings(ctx)).title;
  // The admin's logged_out_access: none closes these pages as it closes the API.
  const closed = async () => (await getHotSetting(ctx.db, ctx.config, 'logged_out_access')) === 'none';
  const signInFirst = (reply: FastifyReply) => messagePage(reply, 403, 'Sign in to see this', 'This server shows posts and profiles only to people who are signed in.');

  app.get<{ Params: { username: string } }>('/@:username', async (request, reply) => {
    if (await closed()) return signInFirst(reply);
    const account = await load(request.params.username);
    if (!account) return messagePage(reply, 404, 'Not found', 'There is no account with this name here.');
    return profilePage(ctx, reply, account, await siteName());
  });

  app.get<{ Params: { username: string; id: string } }>('/@:username/:id', async (request, reply) => {
    if (await closed()) return signInFirst(reply);
    const account = await load(request.params.username);
    if (!account || !isId(request.params.id)) return messagePage(reply, 404, 'Not found', 'This post does not exist or is not public.');
    try {
      return await statusPage(ctx, reply, account, request.params.id, await siteName());
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return messagePage(reply, 404, 'Not found', 'This post does not exist or is not public.');
      throw err;
    }
  });
};
