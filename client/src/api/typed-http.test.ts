import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, reply } from '../test/mock-api';
import { ApiError } from './http';
import { fillPath, typedApi } from './typed-http';

afterEach(() => vi.unstubAllGlobals());

describe('typed API calls', () => {
  it('fills and encodes path parameters and drops the /api base that apiRequest adds', () => {
    expect(fillPath('/api/business-units/{id}', { id: 'a/b c' })).toBe('/business-units/a%2Fb%20c');
    expect(fillPath('/api/pilots/{pilotId}/updates', { pilotId: 'p1' })).toBe('/pilots/p1/updates');
    expect(() => fillPath('/api/pilots/{id}', {})).toThrow('Missing path parameter id');
  });

  it('sends the method, path, query and body the document describes, and returns the answer', async () => {
    const api = mockApi({
      'PATCH /api/business-units/u1': (request: { body: unknown }) => ({ id: 'u1', name: (request.body as { name: string }).name, version: 3 }),
      'GET /api/pilots': { items: [], total: 0, page: 2, pageSize: 10 },
    });
    const unit = await typedApi.patch('/api/business-units/{id}', { path: { id: 'u1' }, body: { name: 'Retail', version: 2 } });
    expect(unit).toMatchObject({ id: 'u1', name: 'Retail' });
    expect(api.find('PATCH', '/api/business-units/u1')[0].body).toEqual({ name: 'Retail', version: 2 });
    const page = await typedApi.get('/api/pilots', { query: { page: 2, pageSize: 10, stage: 'piloting' } });
    expect(page.page).toBe(2);
    expect(Object.fromEntries(api.find('GET', '/api/pilots')[0].query)).toEqual({ page: '2', pageSize: '10', stage: 'piloting' });
  });

  it('throws the dashboard ApiError on a refusal', async () => {
    mockApi({ 'DELETE /api/business-units/u1': reply(409, { statusCode: 409, error: 'Conflict', message: 'The record is still in use by people' }) });
    const refusal = typedApi.delete('/api/business-units/{id}', { path: { id: 'u1' } });
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({ status: 409, message: 'The record is still in use by people' });
  });
});
