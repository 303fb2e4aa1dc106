// Multipart uploads through XMLHttpRequest: fetch cannot report how much of a request body has
// been sent, and someone attaching a video deserves to see how far it has got.

export interface XhrAnswer {
  status: number;
  statusText: string;
  text: string;
}

export interface XhrRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: FormData;
  /** Called with the fraction of the body sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled', 'AbortError');
}

/**
 * Sends the request and resolves with whatever the server answered (any status). Rejects with a
 * TypeError when the network failed and with an AbortError when the signal aborted it, the same
 * two ways fetch fails, so the caller can treat both transports alike.
 */
export function xhrSend(makeXhr: () => XMLHttpRequest, req: XhrRequest): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = makeXhr();
    const onAbortSignal = () => xhr.abort();
    const done = () => req.signal?.removeEventListener('abort', onAbortSignal);
    xhr.open(req.method, req.url);
    for (const [name, value] of Object.entries(req.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) req.onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Network request failed'));
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    req.signal?.addEventListener('abort', onAbortSignal);
    xhr.send(req.body);
  });
}
