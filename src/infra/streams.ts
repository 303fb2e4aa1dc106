// Names of the event-bus channels that streaming clients subscribe to (Mastodon's stream names
// map onto these in the streaming endpoint).
export const channel = {
  /** Home timeline updates, notifications and conversations of one account (Mastodon's `user`). */
  user: (accountId: string) => `user:${accountId}`,
  /** Public statuses (federated; equal to local until federation exists). */
  public: () => 'public',
  publicLocal: () => 'public:local',
  hashtag: (name: string) => `hashtag:${name.toLowerCase()}`,
  hashtagLocal: (name: string) => `hashtag:local:${name.toLowerCase()}`,
  list: (listId: string) => `list:${listId}`,
  direct: (accountId: string) => `direct:${accountId}`,
} as const;
