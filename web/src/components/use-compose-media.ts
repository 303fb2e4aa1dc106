// The files attached to the post being written: each is uploaded as soon as it is chosen (with
// progress), asked about while the server processes it, and can be described, given a focal
// point, or removed. The post's media_ids and media_attributes come from here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaAttachmentJson } from '../../../api/entities.ts';
import type { StatusParams } from '../api/types.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { attachmentsFull, checkFiles, kindOfAttachment, mediaLimits, postedAlone, type MediaKind } from '../lib/media-limits.ts';
import { focusParam, sameFocus, type Focus } from '../lib/media-focus.ts';
import { errorText } from './errors.tsx';

/** How long to wait between questions about a file being processed (the server answers 206 meanwhile). */
export const POLL_MS = 1500;

export interface MediaItem {
  key: string;
  /** The chosen file's name; empty for media already on an edited post. */
  name: string;
  kind: MediaKind;
  /** An object URL of the chosen file, shown until the server's preview exists. */
  localUrl: string | null;
  /** Fraction of the file sent, 0 to 1. */
  progress: number;
  phase: 'uploading' | 'processing' | 'ready' | 'failed';
  error: string | null;
  attachment: MediaAttachmentJson | null;
  description: string;
  focus: Focus | null;
  /** Already part of the post being edited: described through media_attributes, never deleted here. */
  existing: boolean;
}

let counter = 0;
const nextKey = () => `media-${++counter}`;

function fromAttachment(a: MediaAttachmentJson): MediaItem {
  return {
    key: nextKey(),
    name: '',
    kind: kindOfAttachment(a),
    localUrl: null,
    progress: 1,
    phase: 'ready',
    error: null,
    attachment: a,
    description: a.description ?? '',
    focus: a.meta?.focus ?? null,
    existing: true,
  };
}

const active = (items: MediaItem[]) => items.filter((i) => i.phase !== 'failed');

export function useComposeMedia(initial: MediaAttachmentJson[]) {
  const { api, instance } = useSession();
  const { t } = useI18n();
  const limits = mediaLimits(instance);
  const [items, setItems] = useState<MediaItem[]>(() => initial.map(fromAttachment));
  const [problems, setProblems] = useState<string[]>([]);
  // What is still running per item, so removing it (or leaving) stops its upload or polling.
  const running = useRef(new Map<string, { abort: AbortController; timer?: ReturnType<typeof setTimeout> }>());
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
  }, [items]);

  const patch = useCallback((key: string, p: Partial<MediaItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i))), []);

  const stop = useCallback((key: string) => {
    const r = running.current.get(key);
    if (!r) return;
    r.abort.abort();
    if (r.timer) clearTimeout(r.timer);
    running.current.delete(key);
  }, []);

  useEffect(() => {
    const jobs = running.current;
    return () => {
      for (const key of [...jobs.keys()]) stop(key);
      for (const i of latest.current) if (i.localUrl) URL.revokeObjectURL(i.localUrl);
    };
  }, [stop]);

  const fail = useCallback(
    (key: string, err: unknown) => {
      running.current.delete(key);
      patch(key, { phase: 'failed', error: errorText(err, t) });
    },
    [patch, t],
  );

  const settle = useCallback(
    (key: string, a: MediaAttachmentJson) => {
      running.current.delete(key);
      const kind = kindOfAttachment(a);
      // A GIF turns out to be an animation only now; it cannot share the post with other files.
      const others = active(latest.current).filter((i) => i.key !== key);
      if (postedAlone(kind) && others.length > 0) {
        patch(key, { phase: 'failed', kind, attachment: null, error: t('media.animationAlone') });
        api.deleteMedia(a.id).catch(() => {
          // Unattached uploads are removed by the server after a while anyway.
        });
        return;
      }
      patch(key, { phase: 'ready', kind, attachment: a, progress: 1 });
    },
    [api, patch, t],
  );

  const poll = useCallback(
    (key: string, id: string) => {
      const job = running.current.get(key);
      if (!job) return;
      job.timer = setTimeout(() => {
        api.media(id).then(
          (a) => {
            if (!running.current.has(key)) return;
            if (a.url === null) poll(key, id);
            else settle(key, a);
          },
          (err: unknown) => running.current.has(key) && fail(key, err),
        );
      }, POLL_MS);
    },
    [api, settle, fail],
  );

  const start = useCallback(
    (item: MediaItem, file: File) => {
      const abort = new AbortController();
      running.current.set(item.key, { abort });
      api.uploadMedia(file, { signal: abort.signal, onProgress: (progress) => patch(item.key, { progress }) }).then(
        (a) => {
          if (!running.current.has(item.key)) return;
          if (a.url === null) {
            patch(item.key, { phase: 'processing', attachment: a, progress: 1 });
            poll(item.key, a.id);
          } else settle(item.key, a);
        },
        (err: unknown) => {
          if (err instanceof Error && err.name === 'AbortError') return;
          fail(item.key, err);
        },
      );
    },
    [api, patch, poll, settle, fail],
  );

  const add = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      const { accepted, problems: found } = checkFiles(
        active(latest.current).map((i) => i.kind),
        files,
        limits,
      );
      setProblems(found.map((p) => t(p.key, p.vars)));
      const added = accepted.map(({ file, kind }): MediaItem => ({
        key: nextKey(),
        name: file.name,
        kind,
        localUrl: kind === 'audio' ? null : URL.createObjectURL(file),
        progress: 0,
        phase: 'uploading',
        error: null,
        attachment: null,
        description: '',
        focus: null,
        existing: false,
      }));
      if (!added.length) return;
      latest.current = [...latest.current, ...added];
      setItems(latest.current);
      added.forEach((item, i) => start(item, accepted[i]!.file));
    },
    [limits, start, t],
  );

  const remove = useCallback(
    (key: string) => {
      const item = latest.current.find((i) => i.key === key);
      if (!item) return;
      stop(key);
      if (item.localUrl) URL.revokeObjectURL(item.localUrl);
      latest.current = latest.current.filter((i) => i.key !== key);
      setItems(latest.current);
      setProblems([]);
      if (item.attachment && !item.existing) {
        api.deleteMedia(item.attachment.id).catch(() => {
          // Unattached uploads are removed by the server after a while anyway.
        });
      }
    },
    [api, stop],
  );

  const describe = useCallback((key: string, description: string, focus: Focus | null) => patch(key, { description, focus }), [patch]);

  /**
   * The media part of the post: new files get their description and focal point now (they can
   * be set while still uploading), files already on an edited post get them as media_attributes.
   */
  const prepare = useCallback(async (): Promise<Pick<StatusParams, 'media_ids' | 'media_attributes'>> => {
    const ready = latest.current.filter((i) => i.phase === 'ready' && i.attachment);
    for (const i of ready) {
      const a = i.attachment!;
      if (i.existing || (i.description === (a.description ?? '') && sameFocus(i.focus, a.meta?.focus))) continue;
      const updated = await api.updateMedia(a.id, { description: i.description, focus: focusParam(i.focus) });
      patch(i.key, { attachment: updated });
    }
    const existing = ready.filter((i) => i.existing);
    return {
      media_ids: ready.map((i) => i.attachment!.id),
      ...(existing.length ? { media_attributes: existing.map((i) => ({ id: i.attachment!.id, description: i.description, focus: focusParam(i.focus) })) } : {}),
    };
  }, [api, patch]);

  /** After posting: the files now belong to the post, so they are forgotten, not deleted. */
  const reset = useCallback(() => {
    for (const i of latest.current) {
      stop(i.key);
      if (i.localUrl) URL.revokeObjectURL(i.localUrl);
    }
    latest.current = [];
    setItems([]);
    setProblems([]);
  }, [stop]);

  const current = active(items);
  return {
    items,
    problems,
    limits,
    add,
    remove,
    describe,
    prepare,
    reset,
    /** Uploading or processing: the post must wait. */
    busy: items.some((i) => i.phase === 'uploading' || i.phase === 'processing'),
    failed: items.some((i) => i.phase === 'failed'),
    ready: items.some((i) => i.phase === 'ready'),
    full: attachmentsFull(
      current.map((i) => i.kind),
      limits,
    ),
  };
}

export type ComposeMedia = ReturnType<typeof useComposeMedia>;
