import { ACTIVE_STAGES, type Pilot, type SessionUser, type Stage } from '@liftoff/shared';

/** The same rules the server enforces, so the UI never offers what would be refused. */
export function canWorkOnPilot(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  if (!user) return false;
  return user.role === 'program_office' || (user.role === 'pilot_lead' && pilot.lead.id === user.id);
}

export function canDecide(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  if (!user) return false;
  return user.role === 'program_office' || (user.role === 'executive' && pilot.sponsor?.id === user.id);
}

/** Readiness assessments are the program office's call. */
export function canAssess(user: SessionUser | null | undefined): boolean {
  return user?.role === 'program_office';
}

/** Thresholds and the audit trail belong to the program office; everyone else reads. */
export function canAdminister(user: SessionUser | null | undefined): boolean {
  return user?.role === 'program_office';
}

/** Killed and pivoted pilots are closed: nothing more is decided, assessed or reported on them. */
export function isClosed(stage: Stage): boolean {
  return stage === 'killed' || stage === 'pivoted';
}

/** Weekly updates are posted while a pilot is proposed, piloting or scaling. */
export function takesUpdates(stage: Stage): boolean {
  return stage === 'proposed' || ACTIVE_STAGES.includes(stage);
}

export interface PilotOffers {
  postUpdate: boolean;
  recordDecision: boolean;
  reassess: boolean;
}

/** Every action the pilot page offers this person for this pilot. */
export function pilotOffers(user: SessionUser | null | undefined, pilot: Pilot): PilotOffers {
  const open = !isClosed(pilot.stage);
  return {
    postUpdate: takesUpdates(pilot.stage) && canWorkOnPilot(user, pilot),
    recordDecision: open && canDecide(user, pilot),
    reassess: open && canAssess(user),
  };
}
