import type { ArgumentsHost } from '@nestjs/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

/** What the filter answers for a PostgreSQL error as the pg driver reports it. */
function answerFor(driverError: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = { status: (code: number) => ((sent.status = code), { json: (body: Record<string, unknown>) => (sent.body = body) }) };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), driverError)), host);
  return sent;
}

describe('ApiExceptionFilter on database errors', () => {
  it.each([
    ['Key (name)=(Treasury Ops) already exists.', ['name'], 'A record with the same name already exists'],
    ['Key (pilot_id, week)=(2b0e…, 2026-W30) already exists.', ['pilotId', 'week'], 'A record with the same pilotId and week already exists'],
    ['Key (lower(email::text))=(someone@example.com) already exists.', ['email'], 'A record with the same email already exists'],
  ])('a unique violation (%s) is a 409 naming %j without the stored values', (detail, fields, message) => {
    const { status, body } = answerFor({ code: '23505', detail, constraint: 'UQ_secret_name' });
    expect(status).toBe(409);
    expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', message });
    expect((body.fieldErrors as { field: string }[]).map((e) => e.field)).toEqual(fields);
    expect(JSON.stringify(body)).not.toMatch(/Treasury|someone@|2026-W30|UQ_secret_name|Key \(/);
  });

  it('a missing foreign row names the field, not the id', () => {
    const { status, body } = answerFor({ code: '23503', detail: 'Key (lead_id)=(6f1c…) is not present in table "people".' });
    expect(status).toBe(400);
    expect(body.message).toBe('A referenced record does not exist or is still in use: leadId');
    expect(JSON.stringify(body)).not.toMatch(/6f1c/);
  });

  it('a row still referenced says by what, without the key', () => {
    const { status, body } = answerFor({ code: '23503', detail: 'Key (id)=(6f1c…) is still referenced from table "weekly_updates".' });
    expect(status).toBe(409);
    expect(body.message).toBe('The record is still in use by weekly updates');
  });

  it('a NOT NULL violation is a 400 naming the field', () => {
    const { status, body } = answerFor({ code: '23502', column: 'cost_to_scale', detail: 'Failing row contains (…, secret, …).' });
    expect(status).toBe(400);
    expect((body.fieldErrors as { field: string }[]).map((e) => e.field)).toEqual(['costToScale']);
    expect(JSON.stringify(body)).not.toMatch(/secret/);
  });

  it('a check violation does not echo the failing row', () => {
    const { status, body } = answerFor({ code: '23514', detail: 'Failing row contains (…, secret, …).' });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).not.toMatch(/secret/);
  });
});

describe('ApiExceptionFilter on a row that vanished', () => {
  it('an entity another request deleted in between is a 404, not a 500', () => {
    const sent = { status: 0, body: {} as Record<string, unknown> };
    const response = { status: (code: number) => ((sent.status = code), { json: (body: Record<string, unknown>) => (sent.body = body) }) };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(new EntityNotFoundError('PilotDiagnosisRecord', { where: { pilotId: 'p' } }), host);
    expect(sent.status).toBe(404);
    expect(sent.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(JSON.stringify(sent.body)).not.toMatch(/PilotDiagnosisRecord|pilotId/);
  });
});
