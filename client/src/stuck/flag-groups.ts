import type { SignalFlag, SignalKind } from '@liftoff/shared';

export const SIGNAL_LABELS: Record<SignalKind, string> = {
  repeated_blocker: 'Repeated blocker',
  stalled_stage: 'No stage progress',
  silent: 'Silent',
  confidence_decline: 'Falling confidence',
  off_track_streak: 'Red streak',
  scale_question_unanswered: 'Scale question unanswered',
  resources_redirected: 'Resources redirected',
  over_timeline: 'Past expected timeline',
  decision_overdue: 'Decision overdue',
};

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
