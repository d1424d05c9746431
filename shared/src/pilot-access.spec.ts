import { followsPilot } from './pilot-access';

describe('followsPilot (who gets broadcast news of a pilot by email)', () => {
  const pilot = { leadId: 'lead-1', sponsorId: 'exec-1' };

  it('a pilot lead follows the pilots they lead, and no others', () => {
    expect(followsPilot({ id: 'lead-1', role: 'pilot_lead' }, pilot)).toBe(true);
    expect(followsPilot({ id: 'lead-2', role: 'pilot_lead' }, pilot)).toBe(false);
  });

  it.each(['program_office', 'executive', 'viewer'] as const)('%s follows the whole portfolio', (role) => {
    expect(followsPilot({ id: 'someone', role }, pilot)).toBe(true);
    expect(followsPilot({ id: 'someone', role }, { leadId: 'lead-9', sponsorId: null })).toBe(true);
  });
});
