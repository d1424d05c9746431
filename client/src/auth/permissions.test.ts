import { describe, expect, it } from 'vitest';
import type { Pilot, SessionUser } from '@liftoff/shared';
import { canDecide, canWorkOnPilot } from './permissions';

const user = (role: SessionUser['role'], id = 'me'): SessionUser => ({ id, name: 'Me', email: 'me@example.com', role, businessUnitId: null });
const pilot = { lead: { id: 'lead-1', name: 'L' }, sponsor: { id: 'exec-1', name: 'E' } } as Pilot;

describe('what the UI offers', () => {
  it.each([
    [user('program_office'), true],
    [user('pilot_lead', 'lead-1'), true],
    [user('pilot_lead', 'someone-else'), false],
    [user('executive', 'exec-1'), false],
    [user('viewer'), false],
    [null, false],
  ])('posting updates: %j -> %s', (who, allowed) => {
    expect(canWorkOnPilot(who, pilot)).toBe(allowed);
  });

  it.each([
    [user('program_office'), true],
    [user('executive', 'exec-1'), true],
    [user('executive', 'exec-2'), false],
    [user('pilot_lead', 'lead-1'), false],
    [user('viewer'), false],
  ])('recording decisions: %j -> %s', (who, allowed) => {
    expect(canDecide(who, pilot)).toBe(allowed);
  });
});
