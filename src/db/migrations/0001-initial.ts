// The initial schema. One definition for both dialects; `types` hides the few differences.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Table = CreateTableBuilder<any, any>;

export function initial(dialect: Dialect) {
  // Ids and times compare as strings: PostgreSQL must compare them bytewise, not by locale.
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  const id = text;
  const time = text;

  const table = (db: AnyDb, name: string, build: (t: Table) => Table) => build(db.schema.createTable(name)).execute();
  const bool = (t: Table, name: string, dflt: 0 | 1) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(dflt));
  const count = (t: Table, name: string) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));

  async function up(db: AnyDb): Promise<void> {
    await table(db, 'accounts', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('username_lower', text, (c) => c.notNull())
        .addColumn('domain', text)
        .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('note_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'));
      for (const [n, d] of [['locked', 0], ['bot', 0], ['discoverable', 1], ['indexable', 1], ['hide_collections', 0]] as const) t = bool(t, n, d);
      t = t
        .addColumn('quote_policy', 'text', (c) => c.notNull().defaultTo('public'))
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('user'))
        .addColumn('avatar_url', 'text')
        .addColumn('header_url', 'text');
      for (const n of ['statuses_count', 'followers_count', 'following_count']) t = count(t, n);
      return t
        .addColumn('last_status_at', time)
        .addColumn('suspended_at', time)
        .addColumn('deleted_at', time)
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull());
    });
    // Local accounts have domain NULL; a plain unique index would allow duplicate NULLs, so use an expression.
    await sql`create unique index accounts_username_domain on accounts (username_lower, coalesce(domain, ''))`.execute(db);

    await table(db, 'users', (t) => {
      t = t
        .addColumn('account_id', id, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_lower', text, (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', time)
        .addColumn('confirmation_token_hash', text)
        .addColumn('confirmation_sent_at', time);
      t = bool(t, 'approved', 1);
      t = t
        .addColumn('sign_up_reason', 'text')
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('default_visibility', 'text', (c) => c.notNull().defaultTo('public'));
      t = bool(t, 'default_sensitive', 0);
      return t
        .addColumn('default_language', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('last_sign_in_at', time);
    });

    await table(db, 'apps', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('redirect_uris', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('client_id', text, (c) => c.notNull().unique())
        .addColumn('client_secret', text, (c) => c.notNull())
        .addColumn('owner_account_id', id, (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('created_at', time, (c) => c.notNull()),
    );

    await table(db, 'oauth_codes', (t) =>
      t
        .addColumn('code_hash', text, (c) => c.primaryKey())
        .addColumn('app_id', id, (c) => c.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('redirect_uri', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('code_challenge', 'text')
        .addColumn('code_challenge_method', 'text')
        .addColumn('expires_at', time, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull()),
    );

    await table(db, 'oauth_tokens', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('token_hash', text, (c) => c.notNull().unique())
        .addColumn('refresh_token_hash', text, (c) => c.unique())
        .addColumn('app_id', id, (c) => c.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('account_id', id, (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('expires_at', time)
        .addColumn('revoked_at', time)
        .addColumn('last_used_at', time),
    );
    await db.schema.createIndex('oauth_tokens_account').on('oauth_tokens').column('account_id').execute();

    await table(db, 'statuses', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('text', 'text')
        .addColumn('content_html', 'text', (c) => c.notNull())
        .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''));
      t = bool(t, 'sensitive', 0);
      t = t
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        // No foreign keys on the thread columns: deleting a parent must not cascade to replies.
        .addColumn('in_reply_to_id', id)
        .addColumn('in_reply_to_account_id', id)
        .addColumn('reblog_of_id', id, (c) => c.references('statuses.id').onDelete('cascade'))
        .addColumn('quote_of_id', id)
        .addColumn('quote_state', 'text')
        .addColumn('conversation_id', id, (c) => c.notNull())
        .addColumn('application_id', id, (c) => c.references('apps.id').onDelete('set null'))
        .addColumn('poll_id', id);
      for (const n of ['replies_count', 'reblogs_count', 'favourites_count', 'quotes_count']) t = count(t, n);
      return t
        .addColumn('quote_policy', 'text', (c) => c.notNull().defaultTo('public'))
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('edited_at', time);
    });
    await db.schema.createIndex('statuses_account_id').on('statuses').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('statuses_reply').on('statuses').column('in_reply_to_id').execute();
    await db.schema.createIndex('statuses_reblog').on('statuses').columns(['reblog_of_id', 'account_id']).execute();
    await db.schema.createIndex('statuses_quote').on('statuses').column('quote_of_id').execute();
    await db.schema.createIndex('statuses_conversation').on('statuses').column('conversation_id').execute();
    await db.schema.createIndex('statuses_public').on('statuses').columns(['visibility', 'id']).execute();

    const statusChild = (name: string, build: (t: Table) => Table) =>
      table(db, name, (t) => build(t.addColumn('status_id', id, (c) => c.notNull().references('statuses.id').onDelete('cascade'))));

    await statusChild('status_edits', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('content_html', 'text', (c) => c.notNull())
        .addColumn('spoiler_text', 'text', (c) => c.notNull());
      t = bool(t, 'sensitive', 0);
      return t.addColumn('poll_options', 'text').addColumn('created_at', time, (c) => c.notNull());
    });
    await db.schema.createIndex('status_edits_status').on('status_edits').columns(['status_id', 'id']).execute();

    await statusChild('mentions', (t) => {
      t = t.addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'));
      return bool(t, 'silent', 0).addPrimaryKeyConstraint('mentions_pk', ['status_id', 'account_id']);
    });
    await db.schema.createIndex('mentions_account').on('mentions').columns(['account_id', 'status_id']).execute();

    await table(db, 'tags', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('name', text, (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('last_status_at', time),
    );
    await statusChild('status_tags', (t) =>
      t.addColumn('tag_id', id, (c) => c.notNull().references('tags.id').onDelete('cascade')).addPrimaryKeyConstraint('status_tags_pk', ['status_id', 'tag_id']),
    );
    await db.schema.createIndex('status_tags_tag').on('status_tags').columns(['tag_id', 'status_id']).execute();

    for (const name of ['favourites', 'bookmarks', 'status_pins']) {
      await statusChild(name, (t) =>
        t
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('created_at', time, (c) => c.notNull())
          .addUniqueConstraint(`${name}_unique`, ['account_id', 'status_id']),
      );
      await db.schema.createIndex(`${name}_by_status`).on(name).columns(['status_id', 'id']).execute();
    }

    await statusChild('polls', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull());
      t = bool(t, 'multiple', 0);
      t = bool(t, 'hide_totals', 0);
      t = t.addColumn('expires_at', time);
      t = count(t, 'votes_count');
      t = count(t, 'voters_count');
      return t.addColumn('created_at', time, (c) => c.notNull());
    });
    await table(db, 'poll_votes', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('poll_id', id, (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('choice', 'integer', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addUniqueConstraint('poll_votes_unique', ['poll_id', 'account_id', 'choice']),
    );

    const pair = (name: string, build: (t: Table) => Table = (t) => t) =>
      table(db, name, (t) =>
        build(
          t
            .addColumn('id', id, (c) => c.primaryKey())
            .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
            .addColumn('target_account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
            .addColumn('created_at', time, (c) => c.notNull())
            .addUniqueConstraint(`${name}_unique`, ['account_id', 'target_account_id']),
        ),
      ).then(() => db.schema.createIndex(`${name}_target`).on(name).columns(['target_account_id', 'id']).execute());

    for (const name of ['follows', 'follow_requests']) {
      await pair(name, (t) => bool(bool(t, 'show_reblogs', 1), 'notify', 0).addColumn('languages', 'text'));
    }
    await pair('blocks');
    await pair('mutes', (t) => bool(t, 'hide_notifications', 1).addColumn('expires_at', time));
    await pair('account_pins');

    await table(db, 'account_notes', (t) =>
      t
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('target_account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('account_notes_pk', ['account_id', 'target_account_id']),
    );

    await table(db, 'lists', (t) =>
      bool(
        t
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('replies_policy', 'text', (c) => c.notNull().defaultTo('list')),
        'exclusive',
        0,
      ).addColumn('created_at', time, (c) => c.notNull()),
    );
    await table(db, 'list_accounts', (t) =>
      t
        .addColumn('list_id', id, (c) => c.notNull().references('lists.id').onDelete('cascade'))
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('list_accounts_pk', ['list_id', 'account_id']),
    );
    await db.schema.createIndex('list_accounts_account').on('list_accounts').column('account_id').execute();

    for (const name of ['tag_follows', 'featured_tags']) {
      await table(db, name, (t) =>
        t
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('tag_id', id, (c) => c.notNull().references('tags.id').onDelete('cascade'))
          .addColumn('created_at', time, (c) => c.notNull())
          .addUniqueConstraint(`${name}_unique`, ['account_id', 'tag_id']),
      );
    }
    await db.schema.createIndex('tag_follows_tag').on('tag_follows').column('tag_id').execute();

    await table(db, 'feed_entries', (t) =>
      t
        .addColumn('feed', text, (c) => c.notNull())
        .addColumn('status_id', id, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
        .addColumn('reblog_of_id', id)
        .addColumn('account_id', id, (c) => c.notNull())
        .addPrimaryKeyConstraint('feed_entries_pk', ['feed', 'status_id']),
    );
    await db.schema.createIndex('feed_entries_status').on('feed_entries').column('status_id').execute();
    await db.schema.createIndex('feed_entries_author').on('feed_entries').columns(['feed', 'account_id']).execute();

    await table(db, 'notifications', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('from_account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status_id', id, (c) => c.references('statuses.id').onDelete('cascade'))
        .addColumn('created_at', time, (c) => c.notNull()),
    );
    await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('notifications_status').on('notifications').column('status_id').execute();

    await table(db, 'markers', (t) =>
      t
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('timeline', 'text', (c) => c.notNull())
        .addColumn('last_read_id', id, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('markers_pk', ['account_id', 'timeline']),
    );

    await table(db, 'conversations', (t) =>
      bool(
        t
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('conversation_id', id, (c) => c.notNull())
          .addColumn('participant_ids', 'text', (c) => c.notNull())
          .addColumn('last_status_id', id, (c) => c.notNull()),
        'unread',
        0,
      )
        .addColumn('updated_at', time, (c) => c.notNull())
        .addUniqueConstraint('conversations_unique', ['account_id', 'conversation_id']),
    );

    await table(db, 'scheduled_statuses', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('app_id', id, (c) => c.references('apps.id').onDelete('set null'))
        .addColumn('scheduled_at', time, (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull()),
    );

    // Muted conversations (POST /statuses/:id/mute): no notifications from the thread.
    await table(db, 'conversation_mutes', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('conversation_id', id, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addUniqueConstraint('conversation_mutes_unique', ['account_id', 'conversation_id']),
    );

    await table(db, 'idempotency_keys', (t) =>
      t
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('status_id', id, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
        .addColumn('created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key']),
    );

    await table(db, 'jobs', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('run_at', time, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
        .addColumn('locked_until', time)
        .addColumn('locked_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', time, (c) => c.notNull()),
    );
    await db.schema.createIndex('jobs_due').on('jobs').columns(['run_at']).execute();

    await table(db, 'instance_rules', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', time, (c) => c.notNull()),
    );
    await table(db, 'settings', (t) =>
      t
        .addColumn('key', text, (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull()),
    );
    await table(db, 'setup_tokens', (t) =>
      t
        .addColumn('token_hash', text, (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull()),
    );

    await table(db, 'web_sessions', (t) =>
      t
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('csrf_secret', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull()),
    );
    await db.schema.createIndex('web_sessions_account').on('web_sessions').column('account_id').execute();

    await table(db, 'web_push_subscriptions', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('token_id', id, (c) => c.notNull().unique().references('oauth_tokens.id').onDelete('cascade'))
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('key_p256dh', 'text', (c) => c.notNull())
        .addColumn('key_auth', 'text', (c) => c.notNull())
        .addColumn('alerts', 'text', (c) => c.notNull())
        .addColumn('policy', 'text', (c) => c.notNull().defaultTo('all'));
      return bool(t, 'standard', 0)
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull());
    });
    await db.schema.createIndex('web_push_subscriptions_account').on('web_push_subscriptions').column('account_id').execute();

    await table(db, 'reports', (t) => {
      t = t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('target_account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('rule_ids', 'text');
      return bool(t, 'forwarded', 0)
        .addColumn('action_taken_at', time)
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull());
    });
    await db.schema.createIndex('reports_target').on('reports').columns(['target_account_id', 'id']).execute();
    await table(db, 'report_statuses', (t) =>
      t
        .addColumn('report_id', id, (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('status_id', id, (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('content_html', 'text', (c) => c.notNull())
        .addColumn('spoiler_text', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('status_created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_statuses_pk', ['report_id', 'status_id']),
    );

    await table(db, 'password_resets', (t) =>
      t
        .addColumn('token_hash', text, (c) => c.primaryKey())
        .addColumn('account_id', id, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('expires_at', time, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull()),
    );
    await db.schema.createIndex('password_resets_account').on('password_resets').column('account_id').execute();

    if (dialect === 'sqlite') {
      await sql`create virtual table search_documents using fts5(status_id unindexed, account_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await sql`create table search_documents (
        status_id text collate "C" primary key references statuses(id) on delete cascade,
        account_id text collate "C" not null,
        body text not null,
        tsv tsvector generated always as (to_tsvector('simple', body)) stored)`.execute(db);
      await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
    }
  }

  async function down(): Promise<void> {
    throw new Error('The initial migration cannot be reverted; restore a backup instead.');
  }

  return { up, down };
}
