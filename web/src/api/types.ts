// Client-side shapes not (yet) in api/entities.ts: the parts of the instance and the OAuth
// token the web app reads.
export interface InstanceV2 {
  domain: string;
  title: string;
  version: string;
  description: string;
  languages: string[];
  configuration: {
    urls: { streaming: string; terms_of_service?: string | null; privacy_policy?: string | null; about?: string };
    vapid: { public_key: string };
    statuses: { max_characters: number; characters_reserved_per_url: number; max_media_attachments: number };
    polls: { max_options: number; max_characters_per_option: number; min_expiration: number; max_expiration: number };
    /** Absent on servers that do not take uploads (the app then uses Mastodon's defaults). */
    media_attachments?: {
      supported_mime_types: string[];
      image_size_limit: number;
      video_size_limit: number;
      description_limit?: number;
    };
    /** Mastodon 4.5: who may read the feeds ('authenticated': sign in first). */
    timelines_access?: { live_feeds: { local: string; remote: string } };
  };
  registrations: { enabled: boolean; approval_required: boolean; reason_required?: boolean; message: string | null; min_age?: number | null };
  rules: { id: string; text: string; hint: string }[];
}

export interface TokenJson {
  access_token: string;
  token_type: string;
  scope: string;
  created_at: number;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface StatusParams {
  status: string;
  spoiler_text?: string;
  sensitive?: boolean;
  visibility?: Visibility;
  in_reply_to_id?: string;
  quoted_status_id?: string;
  language?: string;
  poll?: { options: string[]; expires_in: number; multiple: boolean };
  media_ids?: string[];
  /** Editing only: descriptions and focal points of media already attached to the post. */
  media_attributes?: { id: string; description: string; focus: string }[];
}

export interface StreamMessage {
  stream: string[];
  event: string;
  payload?: string;
}

/** GET /api/v1/parley/proof_of_work (see /about/proof-of-work). */
export type ProofOfWorkChallenge = { required: false } | { required: true; algorithm: string; challenge: string; difficulty: number; expires_at: string };
