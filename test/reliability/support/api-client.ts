export interface Answer {
  status: number;
  text: string;
  /** Milliseconds until the whole body arrived. */
  ms: number;
}

export interface RawRequest {
  method: string;
  /** Path and query string, exactly as sent (`/api/pilots?stage=%zz`). */
  url: string;
  /** Body text, sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

/**
 * Requests to the server under test as one signed-in person, without Origin (an API client). `credentials` is
 * the header that signs them in: `{ Cookie }` for a browser session, `{ Authorization }` for an API token.
 */
export class ApiClient {
  /** Told of every request `expect` saw accepted (the fuzzer keeps them as seeds to mutate). */
  onAccepted?: (request: RawRequest) => void;

  constructor(
    readonly baseUrl: string,
    public credentials: Record<string, string>,
  ) {}

  async raw(request: RawRequest, timeoutMs = 15_000): Promise<Answer> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...this.credentials, ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  }

  /** A JSON request that must answer `status`; returns the parsed answer. */
  async expect<T = Record<string, unknown>>(status: number, method: string, url: string, body?: unknown): Promise<T> {
    const request: RawRequest = { method, url, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'Content-Type': 'application/json' } };
    const answer = await this.raw(request);
    if (answer.status < 300) this.onAccepted?.(request);
    if (answer.status !== status) throw new Error(`${method} ${url} answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 500)}`);
    return (answer.text ? JSON.parse(answer.text) : undefined) as T;
  }
}
