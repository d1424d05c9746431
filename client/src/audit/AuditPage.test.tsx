import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AuditEventView } from '@liftoff/shared';
import { makeSession, pageOf } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import AuditPage from './AuditPage';

const event = (id: string, actorId: string | null, actorName: string | null): AuditEventView => ({
  id, at: '2026-11-25T10:00:00Z', actorId, actorName, entity: 'pilots', entityId: `pilot-${id}`, action: 'update', before: { name: 'Old' }, after: { name: 'New' }, names: {},
});

describe('audit trail', () => {
  it('shows who made each change by name, the system, or a person since removed', async () => {
    mockApi({ 'GET /api/audit': pageOf([event('e1', 'p1', 'Ada Office'), event('e2', null, null), event('e3', 'p9', null)]) });
    renderRoute(<AuditPage />, { path: '/audit', url: '/audit', session: makeSession('program_office') });
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1].textContent)).toEqual(['Ada Office', 'System', 'Removed person']);
  });
});
