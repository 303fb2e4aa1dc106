// The Mastodon API calls the web app makes, typed with the shared entities.
import type {
  AccountJson,
  AccountWarningJson,
  CredentialAccountJson,
  ListJson,
  MarkerJson,
  ReportCategory,
  MediaAttachmentJson,
  NotificationJson,
  RelationshipJson,
  RuleJson,
  SearchJson,
  StatusJson,
  StatusSourceJson,
  TagJson,
} from '../../../api/entities.ts';
import type { Http, UploadOptions } from './http.ts';
import type { InstanceV2, ProofOfWorkChallenge, StatusParams, TokenJson } from './types.ts';

const enc = encodeURIComponent;

export function endpoints(http: Http) {
  return {
    instance: () => http.get<InstanceV2>('/api/v2/instance', { token: null }),
    rules: () => http.get<RuleJson[]>('/api/v1/instance/rules', { token: null }),
    me: () => http.get<CredentialAccountJson>('/api/v1/accounts/verify_credentials'),
    register: (appToken: string, body: { username: string; email: string; password: string; agreement: boolean; locale: string; reason?: string; proof?: string }) =>
      http.post<TokenJson>('/api/v1/accounts', body, { token: appToken }),
    proofOfWork: (purpose: 'sign_up' | 'sign_in' | 'api') => http.get<ProofOfWorkChallenge>('/api/v1/parley/proof_of_work', { token: null, query: { purpose } }),
    deleteAccount: (password: string) => http.post<Record<string, never>>('/api/v1/accounts/delete', { password }),
    updateCredentials: (body: Record<string, unknown>) => http.patch<CredentialAccountJson>('/api/v1/accounts/update_credentials', body),

    homeTimeline: (url?: string) => http.page<StatusJson>(url ?? '/api/v1/timelines/home'),
    localTimeline: (url?: string) => http.page<StatusJson>(url ?? '/api/v1/timelines/public', { query: url ? undefined : { local: true } }),
    tagTimeline: (tag: string, url?: string) => http.page<StatusJson>(url ?? `/api/v1/timelines/tag/${enc(tag)}`),
    listTimeline: (id: string, url?: string) => http.page<StatusJson>(url ?? `/api/v1/timelines/list/${enc(id)}`),
    accountStatuses: (id: string, withReplies: boolean, url?: string) =>
      http.page<StatusJson>(url ?? `/api/v1/accounts/${enc(id)}/statuses`, { query: url ? undefined : { exclude_replies: !withReplies } }),
    bookmarks: (url?: string) => http.page<StatusJson>(url ?? '/api/v1/bookmarks'),

    status: (id: string) => http.get<StatusJson>(`/api/v1/statuses/${enc(id)}`),
    context: (id: string) => http.get<{ ancestors: StatusJson[]; descendants: StatusJson[] }>(`/api/v1/statuses/${enc(id)}/context`),
    source: (id: string) => http.get<StatusSourceJson>(`/api/v1/statuses/${enc(id)}/source`),
    post: (params: StatusParams, idempotencyKey: string) => http.post<StatusJson>('/api/v1/statuses', params, { idempotencyKey }),
    edit: (id: string, params: StatusParams) => http.put<StatusJson>(`/api/v1/statuses/${enc(id)}`, params),
    // The files go with the post at once; only "delete & redraft" would keep them, to reuse them.
    remove: (id: string) => http.del<StatusJson>(`/api/v1/statuses/${enc(id)}`, { query: { delete_media: true } }),
    statusAction: (id: string, action: 'favourite' | 'unfavourite' | 'reblog' | 'unreblog' | 'bookmark' | 'unbookmark') =>
      http.post<StatusJson>(`/api/v1/statuses/${enc(id)}/${action}`),
    vote: (pollId: string, choices: number[]) => http.post<unknown>(`/api/v1/polls/${enc(pollId)}/votes`, { choices }),

    uploadMedia: (file: File, o?: UploadOptions) => {
      const form = new FormData();
      form.append('file', file);
      return http.upload<MediaAttachmentJson>('POST', '/api/v2/media', form, o);
    },
    /** Answers with `url: null` while the server is still processing the file. */
    media: (id: string) => http.get<MediaAttachmentJson>(`/api/v1/media/${enc(id)}`),
    updateMedia: (id: string, body: { description: string; focus: string }) => http.put<MediaAttachmentJson>(`/api/v1/media/${enc(id)}`, body),
    deleteMedia: (id: string) => http.del<unknown>(`/api/v1/media/${enc(id)}`),
    updateProfileImage: (kind: 'avatar' | 'header', file: File, o?: UploadOptions) => {
      const form = new FormData();
      form.append(kind, file);
      return http.upload<CredentialAccountJson>('PATCH', '/api/v1/accounts/update_credentials', form, o);
    },
    deleteProfileImage: (kind: 'avatar' | 'header') => http.del<CredentialAccountJson>(`/api/v1/profile/${kind}`),

    account: (id: string) => http.get<AccountJson>(`/api/v1/accounts/${enc(id)}`),
    lookup: (acct: string) => http.get<AccountJson>('/api/v1/accounts/lookup', { query: { acct } }),
    relationships: (ids: string[]) => http.get<RelationshipJson[]>('/api/v1/accounts/relationships', { query: { id: ids } }),
    followers: (id: string, url?: string) => http.page<AccountJson>(url ?? `/api/v1/accounts/${enc(id)}/followers`),
    following: (id: string, url?: string) => http.page<AccountJson>(url ?? `/api/v1/accounts/${enc(id)}/following`),
    accountAction: (id: string, action: 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute') =>
      http.post<RelationshipJson>(`/api/v1/accounts/${enc(id)}/${action}`),

    notifications: (url?: string) => http.page<NotificationJson>(url ?? '/api/v1/notifications'),
    unreadCount: () => http.get<{ count: number }>('/api/v1/notifications/unread_count'),
    markers: () => http.get<{ notifications?: MarkerJson; home?: MarkerJson }>('/api/v1/markers', { query: { timeline: ['notifications'] } }),
    markRead: (lastReadId: string) => http.post<unknown>('/api/v1/markers', { notifications: { last_read_id: lastReadId } }),

    search: (q: string, type?: 'accounts' | 'hashtags' | 'statuses', limit = 20) =>
      http.get<SearchJson>('/api/v2/search', { query: { q, type, limit, resolve: false } }),
    tag: (name: string) => http.get<TagJson>(`/api/v1/tags/${enc(name)}`),

    lists: () => http.get<ListJson[]>('/api/v1/lists'),
    list: (id: string) => http.get<ListJson>(`/api/v1/lists/${enc(id)}`),
    createList: (title: string) => http.post<ListJson>('/api/v1/lists', { title }),
    deleteList: (id: string) => http.del<unknown>(`/api/v1/lists/${enc(id)}`),
    listAccounts: (id: string) => http.page<AccountJson>(`/api/v1/lists/${enc(id)}/accounts`, { query: { limit: 0 } }),
    addToList: (id: string, accountIds: string[]) => http.post<unknown>(`/api/v1/lists/${enc(id)}/accounts`, { account_ids: accountIds }),
    removeFromList: (id: string, accountIds: string[]) => http.del<unknown>(`/api/v1/lists/${enc(id)}/accounts`, { query: { account_ids: accountIds } }),

    followRequests: (url?: string) => http.page<AccountJson>(url ?? '/api/v1/follow_requests'),
    authorizeFollow: (id: string) => http.post<RelationshipJson>(`/api/v1/follow_requests/${enc(id)}/authorize`),
    rejectFollow: (id: string) => http.post<RelationshipJson>(`/api/v1/follow_requests/${enc(id)}/reject`),

    report: (body: { account_id: string; status_ids?: string[]; comment: string; category: ReportCategory; rule_ids?: string[]; forward?: boolean }) =>
      http.post<unknown>('/api/v1/reports', body),
    strikes: (url?: string) => http.page<AccountWarningJson>(url ?? '/api/v1/strikes'),
    appealStrike: (id: string, text: string) => http.post<AccountWarningJson>(`/api/v1/strikes/${enc(id)}/appeal`, { text }),
    pushSubscribe: (body: unknown) => http.post<unknown>('/api/v1/push/subscription', body),
    pushUnsubscribe: () => http.del<unknown>('/api/v1/push/subscription'),
  };
}

export type Api = ReturnType<typeof endpoints>;
