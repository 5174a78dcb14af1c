import { errorFromResponse } from './errorFromResponse.ts';
import { HttpError } from './errors/HttpError.ts';
import { NetworkError } from './errors/NetworkError.ts';
import { TimeoutError } from './errors/TimeoutError.ts';

/** What {@link uploadFile} needs besides the file. */
export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  body: FormData;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
}

/**
 * POSTs a multipart body with `XMLHttpRequest`, because fetch has no upload progress in browsers and the
 * composer shows a progress bar. Rejects with the same typed errors as the fetch path.
 *
 * @param Xhr - the XMLHttpRequest constructor to use
 * @returns the parsed JSON body of a 2xx answer
 */
export function uploadFile(Xhr: typeof XMLHttpRequest, request: UploadRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const { signal, onProgress } = request;
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new Xhr();
    const onAbort = (): void => xhr.abort();
    const settle = (fn: () => void): void => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    xhr.open('POST', request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.timeout = request.timeoutMs;
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
      };
    }
    xhr.onload = () =>
      settle(() => {
        const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
        if (xhr.status < 200 || xhr.status > 299) return reject(errorFromResponse(xhr.status, parseHeaders(xhr.getAllResponseHeaders()), text));
        try {
          const value: unknown = JSON.parse(text);
          onProgress?.(1);
          resolve(value);
        } catch {
          reject(new HttpError({ status: xhr.status, body: text, message: 'the server sent a reply that is not JSON' }));
        }
      });
    // XHR hides the cause of a network failure; the event is all there is.
    xhr.onerror = (event) => settle(() => reject(new NetworkError(event)));
    xhr.ontimeout = () => settle(() => reject(new TimeoutError(request.timeoutMs)));
    xhr.onabort = () => settle(() => reject(signal?.reason ?? new NetworkError('aborted')));
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(request.body);
  });
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      try {
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      } catch {
        // A header name the Headers class refuses: not one we read.
      }
    }
  }
  return headers;
}
