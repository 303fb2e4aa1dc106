// A timeline of posts with infinite scroll and a "new posts" button fed by the streaming API.
import { useCallback, useEffect, useState } from 'react';
import type { StatusJson } from '../../../api/entities.ts';
import type { Page } from '../api/http.ts';
import { openStream } from '../api/streaming.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { onStatus } from '../lib/events.ts';
import { usePaged } from '../lib/use-paged.ts';
import { InfiniteList } from './InfiniteList.tsx';
import { Status } from './Status.tsx';

export interface TimelineProps {
  label: string;
  load: (url?: string) => Promise<Page<StatusJson>>;
  /** Identifies the timeline; a change reloads it. */
  id: string;
  stream?: { name: string; params?: Record<string, string> };
  /** Show the viewer's own new posts at the top (home). */
  showOwnPosts?: boolean;
}

export function Timeline({ label, load, id, stream, showOwnPosts = false }: TimelineProps) {
  const { token, instance, me } = useSession();
  const { t } = useI18n();
  const paged = usePaged(load, id);
  const [pending, setPending] = useState<StatusJson[]>([]);
  const { setItems } = paged;

  useEffect(() => setPending([]), [id]);

  const streamName = stream?.name;
  const streamParams = JSON.stringify(stream?.params ?? {});
  useEffect(() => {
    if (!streamName || !token) return;
    const base = instance?.configuration.urls.streaming ?? '';
    return openStream(base, token, streamName, JSON.parse(streamParams) as Record<string, string>, (msg) => {
      if (msg.event === 'update' && msg.payload) {
        const status = JSON.parse(msg.payload) as StatusJson;
        // The viewer's own posts appear at once (they were just written here).
        if (status.account.id === me?.id) return;
        setPending((p) => (p.some((s) => s.id === status.id) ? p : [status, ...p]));
      } else if (msg.event === 'delete' && msg.payload) {
        const deleted = msg.payload;
        setItems((items) => items.filter((s) => s.id !== deleted && s.reblog?.id !== deleted));
        setPending((p) => p.filter((s) => s.id !== deleted));
      }
    });
  }, [streamName, streamParams, token, instance, me?.id, setItems]);

  useEffect(
    () =>
      onStatus((e) => {
        if (e.kind === 'posted' && showOwnPosts) setItems((items) => [e.status, ...items]);
        if (e.kind === 'deleted') setItems((items) => items.filter((s) => s.id !== e.id && s.reblog?.id !== e.id));
      }),
    [showOwnPosts, setItems],
  );

  const showPending = useCallback(() => {
    setItems((items) => {
      const known = new Set(items.map((s) => s.id));
      return [...pending.filter((s) => !known.has(s.id)), ...items];
    });
    setPending([]);
    document.getElementById('main')?.scrollIntoView?.();
  }, [pending, setItems]);

  return (
    <>
      {pending.length > 0 && (
        <button type="button" className="new-posts" onClick={showPending}>
          {t('timeline.newPosts', { n: pending.length })}
        </button>
      )}
      <InfiniteList paged={paged} feed label={label} empty={t('timeline.empty')} keyOf={(s) => s.id} render={(s) => <Status status={s} />} />
    </>
  );
}
