// Publish/subscribe for streaming events. In-process now; a Redis pub/sub implementation of the
// same interface serves several processes later.
import { EventEmitter } from 'node:events';

/**
 * What travels on the bus: ids, not rendered JSON, because status JSON differs per viewer
 * (favourited, bookmarked...). The streaming layer renders and filters for each subscriber.
 * Channels are named in src/infra/streams.ts.
 */
export interface StreamEvent {
  /** Mastodon streaming event name: update, delete, notification, status.update, conversation, filters_changed. */
  event: string;
  /** For update / status.update / delete: the status. */
  statusId?: string;
  /** For notification. */
  notificationId?: string;
  /** For conversation: the viewer's conversation row id. */
  conversationId?: string;
}

export interface EventBus {
  publish(channel: string, event: StreamEvent): Promise<void>;
  subscribe(channel: string, listener: (event: StreamEvent) => void): () => void;
  close(): Promise<void>;
}

export function createMemoryEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, event) {
      emitter.emit(channel, event);
    },
    subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
