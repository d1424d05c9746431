import type { SignalFlag } from '@liftoff/shared';

export interface FlagGroup {
  pilotId: string;
  pilotName: string;
  businessUnitName: string;
  stage: SignalFlag['stage'];
  flags: SignalFlag[];
}

/** Groups flags by pilot, keeping the order in which each pilot first appears. */
export function groupFlagsByPilot(flags: SignalFlag[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const flag of flags) {
    let group = groups.get(flag.pilotId);
    if (!group) {
      group = { pilotId: flag.pilotId, pilotName: flag.pilotName, businessUnitName: flag.businessUnitName, stage: flag.stage, flags: [] };
      groups.set(flag.pilotId, group);
    }
    group.flags.push(flag);
  }
  return [...groups.values()];
}
