import type { ApiErrorBody, FieldError, StaleEdit } from '@liftoff/shared';

/** Base path of the REST API; the Vite dev server proxies it to the NestJS server. */
export const API_BASE = '/api';

/** An error response from the API, carrying the server's body so forms can place field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.body = body;
  }

  get fieldErrors(): FieldError[] {
    return this.body.fieldErrors ?? [];
  }

  /** A 409 for a stale version: who changed the record since it was read, and when. */
  get staleEdit(): StaleEdit | null {
    return this.status === 409 ? (this.body.staleEdit ?? null) : null;
  }

  /** The session is missing or expired: the caller should send the user to sign in, not retry. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=2`, leaving out empty values so the server applies its defaults. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** Listeners told about every 401, so the app can switch to the sign-in page once it exists. */
const unauthorizedListeners = new Set<(error: ApiError) => void>();

export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** JSON request against the API with the session cookie; throws `ApiError` on any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body (a file upload) gets its multipart content type, with the boundary, from the browser.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    // Network failure or server down: give it the same shape as a server error.
    throw new ApiError({ statusCode: 0, error: 'Network Error', message: 'Could not reach the Liftoff server. Check your connection and try again.' });
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await readJson(response);
  if (response.ok) return payload as T;

  const error = new ApiError(toErrorBody(response, payload));
  if (error.isUnauthorized) unauthorizedListeners.forEach((listener) => listener(error));
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toErrorBody(response: Response, payload: unknown): ApiErrorBody {
  if (payload && typeof payload === 'object' && 'message' in payload) {
    const body = payload as Partial<ApiErrorBody>;
    return {
      statusCode: body.statusCode ?? response.status,
      error: body.error ?? response.statusText,
      message: String(body.message),
      fieldErrors: Array.isArray(body.fieldErrors) ? body.fieldErrors : undefined,
      staleEdit: body.staleEdit,
      importReport: body.importReport,
    };
  }
  // Proxies and gateways may answer with HTML or plain text.
  return { statusCode: response.status, error: response.statusText || 'Error', message: `Request failed (${response.status})` };
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: (path: string) => apiRequest<void>(path, { method: 'DELETE' }),
};
