// A stand-in for XMLHttpRequest that a test drives by hand: it records what was sent, then the
// test reports upload progress and the server's answer (or a lost connection) when it wants.
type ProgressHandler = ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;

export class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  readonly upload: { onprogress: ProgressHandler } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: FormData): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }

  /** The file sent under the given form field. */
  file(field = 'file'): File | null {
    const value = this.body?.get(field);
    return value instanceof File ? value : null;
  }

  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }

  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }

  failNetwork(): void {
    this.onerror?.();
  }
}

/** A factory for createHttp's `xhr` option and the list of requests it has made. */
export function fakeXhrs(): { requests: FakeXhr[]; create: () => XMLHttpRequest } {
  const requests: FakeXhr[] = [];
  return {
    requests,
    create: () => {
      const xhr = new FakeXhr();
      requests.push(xhr);
      // Only the members xhrSend uses are implemented.
      return xhr as unknown as XMLHttpRequest;
    },
  };
}
