// One streaming connection (WebSocket or server-sent events): its subscriptions on the event
// bus, and an ordered queue so a slow render never lets a later event overtake an earlier one.
import type { AppContext } from '../../context.ts';
import type { AccountRow } from '../../db/schema.ts';
import type { StreamEvent } from '../../infra/event-bus.ts';
import { renderEventFor, type Outgoing } from './render-event.ts';
import type { StreamSpec } from './streams.ts';

export interface StreamMessage extends Outgoing {
  stream: string[];
}

export interface StreamSession {
  subscribe(spec: StreamSpec): void;
  unsubscribe(key: string): void;
  /** Stops every subscription; pending renders are dropped. */
  close(): void;
  /** Resolves when every event received so far has been handled (for tests and shutdown). */
  idle(): Promise<void>;
}

export function createStreamSession(ctx: AppContext, viewer: AccountRow, send: (m: StreamMessage) => void): StreamSession {
  const subscriptions = new Map<string, () => void>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const handle = (spec: StreamSpec, e: StreamEvent) => {
    if (closed || (spec.events && !spec.events.has(e.event))) return;
    chain = chain.then(async () => {
      if (closed || !subscriptions.has(spec.key)) return;
      try {
        const out = await renderEventFor(ctx, viewer, e, { mediaOnly: spec.mediaOnly, filterContext: spec.name.startsWith('public') || spec.name.startsWith('hashtag') ? 'public' : 'home' });
        if (out && !closed) send({ stream: spec.label, ...out });
      } catch (err) {
        ctx.log.warn({ err: String(err), event: e.event }, 'streaming: could not render event');
      }
    });
  };

  return {
    subscribe(spec) {
      if (closed || subscriptions.has(spec.key)) return;
      const offs = spec.channels.map((ch) => ctx.events.subscribe(ch, (e) => handle(spec, e)));
      subscriptions.set(spec.key, () => offs.forEach((off) => off()));
    },
    unsubscribe(key) {
      subscriptions.get(key)?.();
      subscriptions.delete(key);
    },
    close() {
      closed = true;
      for (const off of subscriptions.values()) off();
      subscriptions.clear();
    },
    idle: () => chain,
  };
}
