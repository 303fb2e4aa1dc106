// Renders components inside the app's providers, with a fake server behind the API client.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { AccountJson, MediaAttachmentJson, StatusJson } from '../../../api/entities.ts';
import { createHttp } from '../api/http.ts';
import { I18nProvider, type Lang } from '../i18n/index.tsx';
import { SessionProvider } from '../session.tsx';
import { ComposeProvider } from '../compose-state.tsx';
import { fakeXhrs } from './fake-xhr.ts';

export type Handler = (method: string, url: URL, body: unknown) => { status?: number; body: unknown } | undefined;

/** JSON requests go to the handler; uploads (XMLHttpRequest) are listed in `uploads` for the test to answer. */
export function fakeServer(handler: Handler) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const xhrs = fakeXhrs();
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const method = init?.method ?? 'GET';
    calls.push({ method, path: url.pathname + url.search, body });
    const answer = handler(method, url, body) ?? (url.pathname === '/api/v2/instance' ? { body: instance } : { status: 404, body: { error: 'Record not found' } });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { http: createHttp({ fetch: fetch as typeof globalThis.fetch, xhr: xhrs.create, retryDelayMs: 1, retries: 0 }), calls, uploads: xhrs.requests };
}

export const instance = {
  domain: 'p.example',
  title: 'Parley test',
  version: '4.5.0',
  description: '',
  languages: ['en'],
  configuration: {
    urls: { streaming: 'ws://localhost' },
    vapid: { public_key: '' },
    statuses: { max_characters: 50, characters_reserved_per_url: 23, max_media_attachments: 4 },
    polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
    media_attachments: {
      supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/webm', 'audio/mpeg', 'audio/ogg'],
      image_size_limit: 1024 * 1024,
      video_size_limit: 4 * 1024 * 1024,
      description_limit: 1500,
    },
  },
  registrations: { enabled: true, approval_required: false, message: null },
  rules: [],
};

export function account(over: Partial<AccountJson> = {}): AccountJson {
  return {
    id: '01ALICE',
    username: 'alice',
    acct: 'alice',
    display_name: 'Alice',
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: '2025-01-01T00:00:00.000Z',
    note: '',
    url: 'http://localhost/@alice',
    uri: 'http://localhost/users/alice',
    avatar: '/avatars/original/missing.png',
    avatar_static: '/avatars/original/missing.png',
    header: '',
    header_static: '',
    followers_count: 0,
    following_count: 0,
    statuses_count: 1,
    last_status_at: null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
    ...over,
  };
}

export function status(over: Partial<StatusJson> = {}): StatusJson {
  return {
    id: '01STATUS',
    created_at: new Date().toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: 'http://localhost/users/bob/statuses/01STATUS',
    url: 'http://localhost/@bob/01STATUS',
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    bookmarked: false,
    content: '<p>Hello world</p>',
    reblog: null,
    account: account({ id: '01BOB', username: 'bob', acct: 'bob', display_name: 'Bob' }),
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    quote: null,
    quote_approval: { automatic: ['public'], manual: [], current_user: 'automatic' },
    card: null,
    poll: null,
    ...over,
  };
}

export function mediaAttachment(over: Partial<MediaAttachmentJson> = {}): MediaAttachmentJson {
  return {
    id: '01MEDIA',
    type: 'image',
    url: 'http://localhost/media/01MEDIA/original.webp',
    preview_url: 'http://localhost/media/01MEDIA/small.webp',
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: { original: { width: 800, height: 600, aspect: 4 / 3 }, small: { width: 400, height: 300, aspect: 4 / 3 } },
    description: null,
    blurhash: null,
    ...over,
  };
}

export function renderApp(ui: ReactNode, http: ReturnType<typeof fakeServer>['http'], lang: Lang = 'en') {
  return render(
    <I18nProvider initial={lang}>
      <SessionProvider http={http}>
        <ComposeProvider>{ui}</ComposeProvider>
      </SessionProvider>
    </I18nProvider>,
  );
}
