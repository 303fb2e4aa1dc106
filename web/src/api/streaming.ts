// The streaming API over one WebSocket (token as Sec-WebSocket-Protocol), reconnecting with
// back-off; listeners get Mastodon's {stream, event, payload} messages.
import type { StreamMessage } from './types.ts';

export type StreamListener = (msg: StreamMessage) => void;

export function openStream(baseUrl: string, token: string, stream: string, params: Record<string, string> = {}, onMessage: StreamListener): () => void {
  let socket: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const connect = () => {
    const url = new URL('/api/v1/streaming', baseUrl || location.origin.replace(/^http/, 'ws'));
    url.searchParams.set('stream', stream);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    try {
      socket = new WebSocket(url, token);
    } catch {
      return;
    }
    socket.onopen = () => {
      attempt = 0;
    };
    socket.onmessage = (ev) => {
      try {
        onMessage(JSON.parse(String(ev.data)) as StreamMessage);
      } catch {
        // Ignore what is not JSON.
      }
    };
    socket.onclose = () => {
      if (closed) return;
      timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempt++));
    };
  };
  connect();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    socket?.close();
  };
}
