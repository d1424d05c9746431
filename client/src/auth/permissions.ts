import type { Pilot, SessionUser } from '@liftoff/shared';

/** The same rules the server enforces, so the UI never offers what would be refused. */
export function canWorkOnPilot(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  if (!user) return false;
  return user.role === 'program_office' || (user.role === 'pilot_lead' && pilot.lead.id === user.id);
}

export function canDecide(user: SessionUser | null | undefined, pilot: Pilot): boolean {
  if (!user) return false;
  return user.role === 'program_office' || (user.role === 'executive' && pilot.sponsor?.id === user.id);
}
