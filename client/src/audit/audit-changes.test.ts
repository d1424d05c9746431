import { describe, expect, it } from 'vitest';
import type { AuditEventView } from '@liftoff/shared';
import { changedFields } from './audit-changes';

const event = (action: AuditEventView['action'], before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEventView => ({
  id: 'e1', at: '2026-11-25T10:00:00Z', actorId: null, actorName: null, entity: 'pilots', entityId: 'p1', action, before, after,
});

describe('audit changes', () => {
  it('lists only the fields an update changed, without bookkeeping columns', () => {
    expect(changedFields(event('update', { stage: 'piloting', name: 'A', version: 1 }, { stage: 'scaling', name: 'A', version: 2 }))).toEqual([
      { field: 'stage', before: 'piloting', after: 'scaling' },
    ]);
  });

  it('lists every field of an insert', () => {
    expect(changedFields(event('insert', null, { kind: 'scale', next_review_date: null }))).toEqual([
      { field: 'kind', before: '—', after: 'scale' },
      { field: 'next_review_date', before: '—', after: '—' },
    ]);
  });
});
