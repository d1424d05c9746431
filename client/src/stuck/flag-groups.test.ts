import { describe, expect, it } from 'vitest';
import type { SignalFlag } from '@liftoff/shared';
import { groupFlagsByPilot } from './flag-groups';

const flag = (id: string, pilotId: string, kind: SignalFlag['kind']): SignalFlag => ({
  id, pilotId, pilotName: `Pilot ${pilotId}`, businessUnitId: 'u', businessUnitName: 'Unit', stage: 'piloting', kind, subjectKey: '',
  status: 'open', summary: 's', evidence: {}, openedAt: '2026-11-01T00:00:00Z', lastSeenAt: '2026-11-01T00:00:00Z', resolvedAt: null,
});

describe('groupFlagsByPilot', () => {
  it('groups by pilot in order of first appearance', () => {
    const groups = groupFlagsByPilot([flag('1', 'a', 'silent'), flag('2', 'b', 'stalled_stage'), flag('3', 'a', 'over_timeline')]);
    expect(groups.map((g) => [g.pilotId, g.flags.map((f) => f.id)])).toEqual([['a', ['1', '3']], ['b', ['2']]]);
  });

  it('returns nothing for no flags', () => {
    expect(groupFlagsByPilot([])).toEqual([]);
  });
});
