import { describe, expect, it } from 'vitest';
import type { AuditEventView } from '@liftoff/shared';
import { changedFields, subjectOf } from '@liftoff/shared';

const event = (action: AuditEventView['action'], before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEventView => ({
  id: 'e1', at: '2026-11-25T10:00:00Z', actorId: null, actorName: null, entity: 'pilots', entityId: 'p1', action, before, after, names: {},
});

describe('audit changes', () => {
  it('lists only the fields an update changed, without bookkeeping columns', () => {
    expect(changedFields(event('update', { stage: 'piloting', name: 'A', version: 1 }, { stage: 'scaling', name: 'A', version: 2 }))).toEqual([
      { field: 'stage', label: 'Stage', before: 'piloting', after: 'scaling' },
    ]);
  });

  it('lists every field of an insert', () => {
    expect(changedFields(event('insert', null, { kind: 'scale', next_review_date: null }))).toEqual([
      { field: 'kind', label: 'Kind', before: '—', after: 'scale' },
      { field: 'next_review_date', label: 'Next review date', before: '—', after: '—' },
    ]);
  });

  it('names the records behind ids, and says yes / no and lists in words', () => {
    const sponsor = '11111111-1111-4111-8111-111111111111';
    const gone = '22222222-2222-4222-8222-222222222222';
    const changed = { ...event('update', { sponsor_id: null, lead_id: gone, scale_question_asked: false, integration_systems: [] }, { sponsor_id: sponsor, lead_id: gone, scale_question_asked: true, integration_systems: ['CRM', 'SAP'] }), names: { [sponsor]: 'Sam Sponsor' } };
    expect(changedFields(changed)).toEqual([
      { field: 'sponsor_id', label: 'Sponsor', before: '—', after: 'Sam Sponsor' },
      { field: 'scale_question_asked', label: 'Scale question asked', before: 'no', after: 'yes' },
      { field: 'integration_systems', label: 'Integration systems', before: 'none', after: 'CRM, SAP' },
    ]);
  });

  it('reads an assessment\'s answers as pairs', () => {
    const inserted = event('insert', null, { answers: { executive_sponsorship: { answer: 'fail', note: null }, measurement: { answer: 'pass', note: null } } });
    expect(changedFields(inserted)[0].after).toBe('Executive sponsorship: fail; Measurement: pass');
  });

  it('names the record, or the pilot it belongs to', () => {
    expect(subjectOf({ ...event('update', {}, {}), names: { p1: 'Claims triage' } })).toBe('pilot “Claims triage”');
    const update = { ...event('insert', null, { pilot_id: 'p1', week: '2026-W40' }), entity: 'weekly_updates', entityId: 'u1', names: { p1: 'Claims triage' } };
    expect(subjectOf(update)).toBe('weekly update of “Claims triage”');
  });
});
