import { request } from 'node:http';

type Handler = ((event: ProgressEvent) => void) | null;

/**
 * The part of XMLHttpRequest that `upload()` uses, over `node:http`, so the progress wiring is tested with real
 * bytes leaving a real socket (happy-dom's XHR never fires upload progress). The body is written in 64 KB
 * chunks and `upload.onprogress` fires as each chunk is handed to the socket, as a browser's does.
 */
export class NodeXhr {
  static created = 0;
  upload: { onprogress: Handler } = { onprogress: null };
  onload: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;
  onabort: Handler = null;
  timeout = 0;
  status = 0;
  responseText = '';
  #method = 'GET';
  #url = '';
  #headers: Record<string, string> = {};
  #responseHeaders = '';
  #abort: (() => void) | null = null;

  constructor() {
    NodeXhr.created++;
  }

  open(method: string, url: string): void {
    this.#method = method;
    this.#url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.#headers[name] = value;
  }

  getAllResponseHeaders(): string {
    return this.#responseHeaders;
  }

  abort(): void {
    this.#abort?.();
  }

  send(body: FormData): void {
    void this.#send(body);
  }

  async #send(form: FormData): Promise<void> {
    // The browser's own multipart encoding, via Response.
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const event = (loaded: number) => ({ lengthComputable: true, loaded, total: bytes.length }) as ProgressEvent;
    const req = request(this.#url, {
      method: this.#method,
      headers: { ...this.#headers, 'content-type': encoded.headers.get('content-type') ?? '', 'content-length': String(bytes.length) },
      timeout: this.timeout || undefined,
    });
    let settled = false;
    const finish = (handler: Handler): void => {
      if (settled) return;
      settled = true;
      handler?.({} as ProgressEvent);
    };
    this.#abort = () => {
      req.destroy();
      finish(this.onabort);
    };
    req.on('timeout', () => {
      req.destroy();
      finish(this.ontimeout);
    });
    req.on('error', () => finish(this.onerror));
    req.on('response', (res) => {
      this.status = res.statusCode ?? 0;
      this.#responseHeaders = Object.entries(res.headers)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
        .join('\r\n');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        this.responseText = Buffer.concat(chunks).toString('utf8');
        finish(this.onload);
      });
    });
    const CHUNK = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !settled; offset += CHUNK) {
      const end = Math.min(bytes.length, offset + CHUNK);
      await new Promise<void>((resolve) => req.write(bytes.subarray(offset, end), () => resolve()));
      this.upload.onprogress?.(event(end));
    }
    req.end();
  }
}
