import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Reply = { status?: number; body?: unknown };
type Handler = (request: RecordedRequest) => Reply | unknown;

/**
 * Stubs global fetch with routes like `'GET /api/pilots/p1'`. A handler returns a body (200) or
 * `{ status, body }`; unknown routes answer 404 so a missing mock fails loudly.
 */
export function mockApi(routes: Record<string, Handler | unknown>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${method} ${url.pathname}`];
    if (route === undefined) return json(404, { statusCode: 404, error: 'Not Found', message: `No mock for ${method} ${url.pathname}` });
    const result = typeof route === 'function' ? (route as Handler)(request) : route;
    if (isReply(result)) return json(result.status ?? 200, result.body);
    return json(200, result);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests, find: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path) };
}

export function reply(status: number, body?: unknown): Reply {
  return { __reply: true, status, body } as Reply;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && '__reply' in value;
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}
