import { describe, expect, it, vi } from 'vitest';
import { mockApi, reply } from '../test/mock-api';
import { ApiError, apiRequest, onUnauthorized, toQueryString } from './http';

describe('toQueryString', () => {
  it('leaves out empty values', () => {
    expect(toQueryString({ a: 1, b: '', c: undefined, d: null, e: 'x y' })).toBe('?a=1&e=x+y');
    expect(toQueryString({})).toBe('');
  });
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie', async () => {
    const api = mockApi({ 'POST /api/things': { ok: true } });
    await expect(apiRequest('/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const init = api.fetchMock.mock.calls[0][1]!;
    expect(init.credentials).toBe('include');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(api.requests[0].body).toEqual({ a: 1 });
  });

  it('throws an ApiError carrying field errors', async () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'week', messages: ['bad'] }] };
    mockApi({ 'GET /api/x': reply(400, body) });
    const error = await apiRequest('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual(body.fieldErrors);
    expect((error as ApiError).status).toBe(400);
  });

  it('tells listeners about 401 so the app can ask the user to sign in', async () => {
    mockApi({ 'GET /api/me': reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in' }) });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    const error = await apiRequest('/me').catch((e: unknown) => e);
    stop();
    expect((error as ApiError).isUnauthorized).toBe(true);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await apiRequest('/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, message: expect.stringContaining('Could not reach') });
  });
});
