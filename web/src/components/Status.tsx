// One post: author, content behind its content warning, media, quote, poll, and the actions
// (reply, echo, quote, like, bookmark, and a menu with edit, delete, report, mute, block).
import { useEffect, useState, type MouseEvent } from 'react';
import type { PollJson, QuoteJson, StatusJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useCompose } from '../compose-state.tsx';
import { emitStatus, onStatus } from '../lib/events.ts';
import { navigate } from '../router.ts';
import { AccountName, Avatar, displayName } from './AccountName.tsx';
import { Link } from './Link.tsx';
import { Menu, type MenuItem } from './Menu.tsx';
import { errorText } from './errors.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import { MediaGrid } from './MediaGrid.tsx';
import { formatTime } from '../lib/time.ts';

/** Follow mention and hashtag links inside the app instead of leaving it. */
function contentClick(status: StatusJson) {
  return (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a || e.metaKey || e.ctrlKey) return;
    const href = a.getAttribute('href') ?? '';
    const mention = status.mentions.find((m) => m.url === href);
    if (mention) {
      e.preventDefault();
      navigate(`/accounts/${mention.id}`);
      return;
    }
    const tag = a.classList.contains('hashtag') || /\/tags\//.test(href) ? (/\/tags\/([^/?#]+)/.exec(href)?.[1] ?? null) : null;
    if (tag) {
      e.preventDefault();
      navigate(`/tags/${tag}`);
    }
  };
}

function Poll({ poll, onChange }: { poll: PollJson; onChange: (p: PollJson) => void }) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const [choices, setChoices] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const showResults = poll.expired || poll.voted || !me;
  const total = poll.votes_count || 0;
  if (showResults) {
    return (
      <ul className="poll" aria-label={t('status.poll')}>
        {poll.options.map((o, i) => {
          const pct = total ? Math.round(((o.votes_count ?? 0) / total) * 100) : 0;
          return (
            <li key={i}>
              <span className="poll-bar" style={{ width: `${pct}%` }} aria-hidden="true" />
              <span>
                {pct}% {o.title} {poll.own_votes?.includes(i) ? `(${t('status.yourVote')})` : ''}
              </span>
            </li>
          );
        })}
        <li className="meta">{t('status.votes', { n: total })}{poll.expired ? ` · ${t('status.pollClosed')}` : ''}</li>
      </ul>
    );
  }
  return (
    <fieldset className="poll">
      <legend>{t('status.poll')}</legend>
      {poll.options.map((o, i) => (
        <label key={i}>
          <input
            type={poll.multiple ? 'checkbox' : 'radio'}
            name={`poll-${poll.id}`}
            checked={choices.includes(i)}
            onChange={(e) => setChoices(poll.multiple ? (e.target.checked ? [...choices, i] : choices.filter((c) => c !== i)) : [i])}
          />{' '}
          {o.title}
        </label>
      ))}
      <button
        type="button"
        disabled={!choices.length}
        onClick={() =>
          api.vote(poll.id, choices).then(
            (p) => onChange(p as PollJson),
            (err: unknown) => setError(errorText(err, t)),
          )
        }
      >
        {t('status.vote')}
      </button>
      {error && <p role="alert">{error}</p>}
    </fieldset>
  );
}

function QuotedStatus({ quote }: { quote: QuoteJson }) {
  const { t } = useI18n();
  const q = quote.quoted_status;
  if (!q) return <p className="quote meta">{t('status.quoteUnavailable')}</p>;
  return (
    <blockquote className="quote" aria-label={t('status.quoteOf', { name: displayName(q.account) })}>
      <AccountName account={q.account} />
      {q.spoiler_text ? (
        <p className="meta">{q.spoiler_text}</p>
      ) : (
        <>
          <div className="content" dangerouslySetInnerHTML={{ __html: q.content }} />
          {q.media_attachments.length > 0 && <MediaGrid media={q.media_attachments} sensitive={q.sensitive} />}
        </>
      )}
      <Link href={`/statuses/${q.id}`}>{t('status.openQuoted')}</Link>
    </blockquote>
  );
}

export function Status({ status: initial, focused = false }: { status: StatusJson; focused?: boolean }) {
  const { api, me } = useSession();
  const { t, lang } = useI18n();
  const compose = useCompose();
  const [wrapper, setWrapper] = useState(initial);
  const [deleted, setDeleted] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => setWrapper(initial), [initial]);
  useEffect(
    () =>
      onStatus((e) => {
        if (e.kind === 'deleted') {
          if (e.id === wrapper.id || e.id === wrapper.reblog?.id) setDeleted(true);
        } else if (e.kind === 'updated') {
          if (e.status.id === wrapper.id) setWrapper(e.status);
          else if (e.status.id === wrapper.reblog?.id) setWrapper((w) => ({ ...w, reblog: e.status }));
        }
      }),
    [wrapper.id, wrapper.reblog?.id],
  );

  if (deleted) return null;
  const status = wrapper.reblog ?? wrapper;
  const own = me?.id === status.account.id;
  const name = displayName(status.account);

  const replace = (s: StatusJson) => {
    const target = s.reblog && s.reblog.id === status.id ? s.reblog : s;
    setWrapper((w) => (w.reblog ? { ...w, reblog: target } : target));
    emitStatus({ kind: 'updated', status: target });
  };

  const act = async (action: Parameters<typeof api.statusAction>[1]) => {
    setError(null);
    try {
      replace(await api.statusAction(status.id, action));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const relation = async (action: 'mute' | 'block') => {
    if (!window.confirm(t(action === 'block' ? 'account.confirmBlock' : 'account.confirmMute', { name: `@${status.account.acct}` }))) return;
    try {
      await api.accountAction(status.account.id, action);
      setNotice(t(action === 'block' ? 'account.blocked' : 'account.muted', { name: `@${status.account.acct}` }));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const remove = async () => {
    if (!window.confirm(t('status.confirmDelete'))) return;
    try {
      await api.remove(status.id);
      emitStatus({ kind: 'deleted', id: status.id });
      setDeleted(true);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const items: MenuItem[] = [];
  if (me) {
    if (status.visibility === 'public' || status.visibility === 'unlisted') items.push({ label: t('status.quote'), onSelect: () => compose.start({ kind: 'quote', status }) });
    if (own) {
      items.push({ label: t('status.edit'), onSelect: () => compose.start({ kind: 'edit', status }) });
      items.push({ label: t('status.delete'), onSelect: () => void remove(), danger: true });
    } else {
      items.push({ label: t('account.muteName', { name: `@${status.account.acct}` }), onSelect: () => void relation('mute') });
      items.push({ label: t('account.blockName', { name: `@${status.account.acct}` }), onSelect: () => void relation('block'), danger: true });
      items.push({ label: t('status.report'), onSelect: () => setReporting(true), danger: true });
    }
  }
  if (status.url) items.push({ label: t('status.copyLink'), onSelect: () => void navigator.clipboard?.writeText(status.url ?? '') });

  const hidden = Boolean(status.spoiler_text) && !expanded;
  const canEcho = status.visibility === 'public' || status.visibility === 'unlisted' || (own && status.visibility === 'private');

  return (
    <article className={focused ? 'status focused' : 'status'} aria-label={t('status.by', { name })} tabIndex={-1} data-status-id={status.id}>
      {wrapper.reblog && (
        <p className="meta echoed-by">
          {t('status.echoedBy', { name: displayName(wrapper.account) })}
        </p>
      )}
      <header className="status-header">
        <Avatar account={status.account} />
        <AccountName account={status.account} />
        <Link href={`/statuses/${status.id}`} className="time">
          <time dateTime={status.created_at}>{formatTime(status.created_at, lang)}</time>
          {status.edited_at ? ` · ${t('status.edited')}` : ''}
        </Link>
      </header>
      {status.in_reply_to_id && !focused && (
        <p className="meta">
          <Link href={`/statuses/${status.in_reply_to_id}`}>{t('status.inReply')}</Link>
        </p>
      )}
      {status.spoiler_text && (
        <p className="spoiler">
          <span>{status.spoiler_text}</span>{' '}
          <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('status.showLess') : t('status.showMore')}
          </button>
        </p>
      )}
      {!hidden && (
        <>
          <div className="content" lang={status.language ?? undefined} onClick={contentClick(status)} dangerouslySetInnerHTML={{ __html: status.content }} />
          {status.media_attachments.length > 0 && <MediaGrid media={status.media_attachments} sensitive={status.sensitive} />}
          {status.poll && <Poll poll={status.poll} onChange={(poll) => replace({ ...status, poll })} />}
          {status.quote && 'quoted_status' in status.quote && <QuotedStatus quote={status.quote} />}
        </>
      )}
      {me && (
        <div className="actions" role="group" aria-label={t('status.actions')}>
          <button type="button" onClick={() => compose.start({ kind: 'reply', status })}>
            <span aria-hidden="true">↩ {status.replies_count}</span>
            <span className="visually-hidden">{t('status.replyCount', { n: status.replies_count })}</span>
          </button>
          <button
            type="button"
            disabled={!canEcho}
            aria-pressed={Boolean(status.reblogged)}
            onClick={() => void act(status.reblogged ? 'unreblog' : 'reblog')}
          >
            <span aria-hidden="true">⟳ {status.reblogs_count}</span>
            <span className="visually-hidden">{t('status.echoCount', { n: status.reblogs_count })}</span>
          </button>
          <button
            type="button"
            aria-pressed={Boolean(status.favourited)}
            onClick={() => void act(status.favourited ? 'unfavourite' : 'favourite')}
          >
            <span aria-hidden="true">♥ {status.favourites_count}</span>
            <span className="visually-hidden">{t('status.likeCount', { n: status.favourites_count })}</span>
          </button>
          <button type="button" aria-pressed={Boolean(status.bookmarked)} onClick={() => void act(status.bookmarked ? 'unbookmark' : 'bookmark')} aria-label={t('status.bookmark')}>
            <span aria-hidden="true">⚑</span>
          </button>
          <Menu label={t('status.more')} items={items} />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="meta" role="status">
          {notice}
        </p>
      )}
      {reporting && <ReportDialog account={status.account} status={status} onClose={() => setReporting(false)} />}
    </article>
  );
}
