import {
  canDecideFor,
  canWorkOnPilot as worksOnPilot,
  isClosedStage,
  takesUpdates,
  type Pilot,
  type PilotPeople,
  type SessionUser,
} from '@liftoff/shared';

/** The rules the server enforces (from shared/), applied to the dashboard's pilot view. */
function peopleOf(pilot: Pilot): PilotPeople {
  return { leadId: pilot.lead.id, sponsorId: pilot.sponsor?.id ?? null };
}

export function canWorkOnPilot(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  return worksOnPilot(user, peopleOf(pilot));
}

export function canDecide(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  return canDecideFor(user, peopleOf(pilot));
}

/** Readiness assessments are the program office's call. */
export function canAssess(user: SessionUser | null | undefined): boolean {
  return user?.role === 'program_office';
}

/** Thresholds and the audit trail belong to the program office; everyone else reads. */
export function canAdminister(user: SessionUser | null | undefined): boolean {
  return user?.role === 'program_office';
}

export interface PilotOffers {
  postUpdate: boolean;
  recordDecision: boolean;
  reassess: boolean;
}

/** Every action the pilot page offers this person for this pilot. */
export function pilotOffers(user: SessionUser | null | undefined, pilot: Pilot): PilotOffers {
  const open = !isClosedStage(pilot.stage);
  return {
    postUpdate: takesUpdates(pilot.stage) && canWorkOnPilot(user, pilot),
    recordDecision: open && canDecide(user, pilot),
    reassess: open && canAssess(user),
  };
}
