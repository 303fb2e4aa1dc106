// The compose box: live character count, content warning, visibility, poll, media (attach,
// drop or paste), reply/quote/edit, @mention and #hashtag autocomplete, and a local draft that
// survives reloads.
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { draftContext, useCompose, type ComposeMode } from '../compose-state.tsx';
import { charactersLeft } from '../lib/count.ts';
import { clearDraft, loadDraft, saveDraft, type Draft } from '../lib/drafts.ts';
import { emitStatus } from '../lib/events.ts';
import { randomString } from '../api/oauth.ts';
import type { StatusParams, Visibility } from '../api/types.ts';
import { errorText } from './errors.tsx';
import { displayName } from './AccountName.tsx';
import { AttachButton, ComposeMediaList } from './ComposeMedia.tsx';
import { useComposeMedia } from './use-compose-media.ts';

const EMPTY: Draft = { text: '', spoiler: '', visibility: 'public', pollOptions: null, pollExpiresIn: 86400, pollMultiple: false };
const DURATIONS = [300, 1800, 3600, 21600, 86400, 259200, 604800];

interface Suggestion {
  key: string;
  label: string;
  insert: string;
}

/** The @word or #word being typed at the caret, if any. */
export function tokenAtCaret(text: string, caret: number): { start: number; token: string } | null {
  const before = text.slice(0, caret);
  const m = /(?:^|[\s(])([@#][\p{L}\p{N}_.@-]*)$/u.exec(before);
  if (!m?.[1] || m[1].length < 2) return null;
  return { start: caret - m[1].length, token: m[1] };
}

/** What a new draft starts with: a reply mentions the people in the conversation. */
export function startingDraft(mode: ComposeMode, ownAcct: string | undefined): Draft {
  if (mode.kind === 'reply') {
    const s = mode.status;
    const mentions = [s.account.acct, ...s.mentions.map((m) => m.acct)].filter((acct, i, all) => acct !== ownAcct && all.indexOf(acct) === i);
    return { ...EMPTY, text: mentions.map((a) => `@${a} `).join(''), spoiler: s.spoiler_text, visibility: s.visibility };
  }
  if (mode.kind === 'edit') {
    const s = mode.status;
    return { ...EMPTY, visibility: s.visibility, spoiler: s.spoiler_text, pollOptions: s.poll ? s.poll.options.map((o) => o.title) : null };
  }
  return EMPTY;
}

const carriesFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

/** Remount (key) it per draft context: each post being written keeps its own state. */
export function Compose() {
  const { api, instance, me } = useSession();
  const { t } = useI18n();
  const { mode, focusTick, close } = useCompose();
  const context = draftContext(mode);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(context) ?? startingDraft(mode, me?.acct));
  const [cwOpen, setCwOpen] = useState(Boolean(draft.spoiler));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const idempotency = useRef(randomString(16));
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const media = useComposeMedia(mode.kind === 'edit' ? mode.status.media_attachments : []);
  const [mediaSensitive, setMediaSensitive] = useState(mode.kind === 'edit' && mode.status.sensitive && mode.status.media_attachments.length > 0);
  const [dragging, setDragging] = useState(false);

  const max = instance?.configuration.statuses.max_characters ?? 500;
  const urlLength = instance?.configuration.statuses.characters_reserved_per_url ?? 23;
  const maxOptions = instance?.configuration.polls.max_options ?? 4;
  const left = charactersLeft(draft.text, cwOpen ? draft.spoiler : '', max, urlLength);

  // Editing starts from the post's source text unless a draft of the edit was kept.
  useEffect(() => {
    if (mode.kind !== 'edit' || loadDraft(context)) return;
    api.source(mode.status.id).then(
      (src) => setDraft((d) => ({ ...d, text: src.text, spoiler: src.spoiler_text })),
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [api, mode, context, t]);

  useEffect(() => {
    saveDraft(context, draft);
  }, [context, draft]);

  useEffect(() => {
    if (focusTick > 0) {
      const el = textarea.current;
      el?.focus();
      el?.setSelectionRange(el.value.length, el.value.length);
    }
  }, [focusTick]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // Autocomplete: ask the server for accounts or hashtags matching the word at the caret.
  const lookup = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSuggestions = (text: string, caret: number) => {
    if (lookup.current) clearTimeout(lookup.current);
    const tok = tokenAtCaret(text, caret);
    if (!tok) {
      setSuggestions([]);
      return;
    }
    lookup.current = setTimeout(() => {
      const q = tok.token.slice(1);
      const isTag = tok.token.startsWith('#');
      api.search(q, isTag ? 'hashtags' : 'accounts', 5).then(
        (r) => {
          setActive(0);
          setSuggestions(
            isTag
              ? r.hashtags.map((h) => ({ key: h.name, label: `#${h.name}`, insert: `#${h.name} ` }))
              : r.accounts.map((a) => ({ key: a.id, label: `${displayName(a)} @${a.acct}`, insert: `@${a.acct} ` })),
          );
        },
        () => setSuggestions([]),
      );
    }, 200);
  };

  const accept = (s: Suggestion) => {
    const el = textarea.current;
    const caret = el?.selectionStart ?? draft.text.length;
    const tok = tokenAtCaret(draft.text, caret);
    if (!tok) return;
    const text = draft.text.slice(0, tok.start) + s.insert + draft.text.slice(caret);
    update({ text });
    setSuggestions([]);
    const pos = tok.start + s.insert.length;
    requestAnimationFrame(() => el?.setSelectionRange(pos, pos));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
      return;
    }
    if (!suggestions.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const s = suggestions[active];
      if (s) {
        e.preventDefault();
        accept(s);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setSuggestions([]);
    }
  };

  // A post has either a poll or media (Mastodon's rule).
  const attach = (files: File[]) => {
    if (!files.length) return;
    if (draft.pollOptions) setError(t('media.notWithPoll'));
    else media.add(files);
  };

  const pollValid = !draft.pollOptions || draft.pollOptions.filter((o) => o.trim()).length >= 2;
  // Files still uploading or processing hold the post back; so do failed ones until removed.
  const mediaSettled = !media.busy && !media.failed;
  const canPost = !busy && mediaSettled && left >= 0 && (draft.text.trim().length > 0 || media.ready) && pollValid;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canPost) return;
    setBusy(true);
    setError(null);
    const params: StatusParams = {
      status: draft.text,
      visibility: draft.visibility as Visibility,
      spoiler_text: cwOpen ? draft.spoiler : '',
      sensitive: (cwOpen && Boolean(draft.spoiler.trim())) || (media.ready && mediaSensitive),
    };
    if (draft.pollOptions) params.poll = { options: draft.pollOptions.filter((o) => o.trim()), expires_in: draft.pollExpiresIn, multiple: draft.pollMultiple };
    if (mode.kind === 'reply') params.in_reply_to_id = mode.status.id;
    if (mode.kind === 'quote') params.quoted_status_id = mode.status.id;
    try {
      const attached = await media.prepare();
      // An edit always says which media the post keeps (none, when all were removed).
      if (attached.media_ids?.length || mode.kind === 'edit') Object.assign(params, attached);
      if (mode.kind === 'edit') {
        emitStatus({ kind: 'updated', status: await api.edit(mode.status.id, params) });
      } else {
        emitStatus({ kind: 'posted', status: await api.post(params, idempotency.current) });
      }
      clearDraft(context);
      setDraft(EMPTY);
      setCwOpen(false);
      media.reset();
      setMediaSensitive(false);
      setNotice(mode.kind === 'edit' ? t('compose.saved') : t('compose.posted'));
      idempotency.current = randomString(16);
      close();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const heading = useMemo(() => {
    if (mode.kind === 'reply') return t('compose.replyingTo', { name: displayName(mode.status.account) });
    if (mode.kind === 'quote') return t('compose.quoting', { name: displayName(mode.status.account) });
    if (mode.kind === 'edit') return t('compose.editing');
    return null;
  }, [mode, t]);

  const listId = `${ids}-suggestions`;
  return (
    <form
      className={dragging ? 'compose dragging' : 'compose'}
      onSubmit={submit}
      aria-label={t('compose.title')}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        attach([...e.dataTransfer.files]);
      }}
    >
      {heading && (
        <div className="compose-context">
          <span>{heading}</span>
          <button type="button" className="link-button" onClick={close}>
            {t('action.cancel')}
          </button>
        </div>
      )}
      {cwOpen && (
        <input
          type="text"
          className="cw-input"
          aria-label={t('compose.cwLabel')}
          placeholder={t('compose.cwLabel')}
          value={draft.spoiler}
          onChange={(e) => update({ spoiler: e.target.value })}
        />
      )}
      <textarea
        ref={textarea}
        aria-label={t('compose.placeholder')}
        placeholder={t('compose.placeholder')}
        value={draft.text}
        rows={5}
        aria-autocomplete="list"
        aria-controls={suggestions.length ? listId : undefined}
        aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          update({ text: e.target.value });
          refreshSuggestions(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          const files = [...e.clipboardData.files];
          if (!files.length) return;
          e.preventDefault();
          attach(files);
        }}
        onBlur={() => setTimeout(() => setSuggestions([]), 150)}
      />
      {dragging && (
        <p className="drop-hint" aria-hidden="true">
          {t('media.dropHint')}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t('compose.suggestions')} className="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(s);
              }}
            >
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ComposeMediaList media={media} sensitive={mediaSensitive} onSensitive={setMediaSensitive} />
      {draft.pollOptions && (
        <fieldset className="poll-editor">
          <legend>{t('compose.poll')}</legend>
          {draft.pollOptions.map((opt, i) => (
            <div key={i} className="poll-option">
              <input
                type="text"
                aria-label={t('compose.pollOption', { n: i + 1 })}
                value={opt}
                maxLength={instance?.configuration.polls.max_characters_per_option ?? 50}
                onChange={(e) => update({ pollOptions: draft.pollOptions!.map((o, j) => (j === i ? e.target.value : o)) })}
              />
              {draft.pollOptions!.length > 2 && (
                <button type="button" className="link-button" aria-label={t('compose.pollRemoveOption', { n: i + 1 })} onClick={() => update({ pollOptions: draft.pollOptions!.filter((_, j) => j !== i) })}>
                  ×
                </button>
              )}
            </div>
          ))}
          {draft.pollOptions.length < maxOptions && (
            <button type="button" className="link-button" onClick={() => update({ pollOptions: [...draft.pollOptions!, ''] })}>
              {t('compose.pollAddOption')}
            </button>
          )}
          <label>
            {t('compose.pollDuration')}{' '}
            <select value={draft.pollExpiresIn} onChange={(e) => update({ pollExpiresIn: Number(e.target.value) })}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {d < 3600 ? t('time.minutes', { n: d / 60 }) : d < 86400 ? t('time.hours', { n: d / 3600 }) : t('time.days', { n: d / 86400 })}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={draft.pollMultiple} onChange={(e) => update({ pollMultiple: e.target.checked })} /> {t('compose.pollMultiple')}
          </label>
        </fieldset>
      )}
      <div className="compose-tools">
        <AttachButton media={media} disabled={Boolean(draft.pollOptions)} onFiles={attach} />
        <button
          type="button"
          className="tool"
          aria-pressed={Boolean(draft.pollOptions)}
          disabled={(mode.kind === 'edit' && !draft.pollOptions) || media.items.length > 0}
          onClick={() => update({ pollOptions: draft.pollOptions ? null : ['', ''] })}>
          {t('compose.pollToggle')}
        </button>
        <button type="button" className="tool" aria-pressed={cwOpen} onClick={() => setCwOpen((o) => !o)}>
          {t('compose.cwToggle')}
        </button>
        <label className="visibility">
          <span className="visually-hidden">{t('compose.visibility')}</span>
          <select aria-label={t('compose.visibility')} value={draft.visibility} disabled={mode.kind === 'edit'} onChange={(e) => update({ visibility: e.target.value })}>
            <option value="public">{t('visibility.public')}</option>
            <option value="unlisted">{t('visibility.unlisted')}</option>
            <option value="private">{t('visibility.private')}</option>
            <option value="direct">{t('visibility.direct')}</option>
          </select>
        </label>
        <span className={left < 0 ? 'counter over' : 'counter'} aria-label={t('compose.charactersLeft', { n: left })} role="status">
          {left}
        </span>
        <button type="submit" className="primary" disabled={!canPost}>
          {mode.kind === 'edit' ? t('compose.save') : t('compose.post')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && !error && (
        <p className="visually-hidden" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
