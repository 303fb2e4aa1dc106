// Publish/subscribe for streaming events. In-process now; a Redis pub/sub implementation of the
// same interface serves several processes later.
import { EventEmitter } from 'node:events';

export interface StreamEvent {
  /** Mastodon streaming event name: update, delete, notification, status.update, conversation, ... */
  event: string;
  /** Already-serialized payload (a JSON string, or a bare id for `delete`). */
  payload: string;
  /** For per-viewer filtering at delivery (blocks, mutes): the accounts this event is about. */
  accountIds?: string[];
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
