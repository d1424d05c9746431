import { describe, expect, it } from 'vitest';
import type { Pilot, SessionUser } from '@liftoff/shared';
import { canDecide, canWorkOnPilot, pilotOffers } from './permissions';

const user = (role: SessionUser['role'], id = 'me'): SessionUser => ({ id, name: 'Me', email: 'me@example.com', role, businessUnitId: null });
const pilot = { lead: { id: 'lead-1', name: 'L' }, sponsor: { id: 'exec-1', name: 'E' }, stage: 'piloting' } as Pilot;

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

  it.each([
    ['program office', user('program_office'), { postUpdate: true, recordDecision: true, reassess: true }],
    ['its lead', user('pilot_lead', 'lead-1'), { postUpdate: true, recordDecision: false, reassess: false }],
    ['its sponsor', user('executive', 'exec-1'), { postUpdate: false, recordDecision: true, reassess: false }],
    ['a viewer', user('viewer'), { postUpdate: false, recordDecision: false, reassess: false }],
  ])('the pilot page offers %s exactly what it may do', (_who, who, offers) => {
    expect(pilotOffers(who, pilot)).toEqual(offers);
  });

  it('offers nothing but reading on a killed pilot', () => {
    expect(pilotOffers(user('program_office'), { ...pilot, stage: 'killed' })).toEqual({ postUpdate: false, recordDecision: false, reassess: false });
  });
});
