/**
 * Who may act on a pilot. The server enforces these rules and the dashboard offers only what they
 * allow, so both import them from here.
 */
import type { Role } from './enums';

export interface PilotActor {
  id: string;
  role: Role;
}

export interface PilotPeople {
  leadId: string;
  sponsorId: string | null;
}

/** Post and edit updates, resolve blockers, manage KPIs, edit details: its lead or the program office. */
export function canWorkOnPilot(actor: PilotActor | null | undefined, pilot: PilotPeople): boolean {
  if (!actor) return false;
  return actor.role === 'program_office' || (actor.role === 'pilot_lead' && pilot.leadId === actor.id);
}

/** Record scale / pivot / kill / continue: its sponsoring executive or the program office. */
export function canDecideFor(actor: PilotActor | null | undefined, pilot: PilotPeople): boolean {
  if (!actor) return false;
  return actor.role === 'program_office' || (actor.role === 'executive' && pilot.sponsorId === actor.id);
}

/** Who can decide instead, for a person who may not: said on screen next to a refused action. */
export function whoDecides(pilot: PilotPeople & { sponsorName?: string | null }): string {
  return pilot.sponsorId ? `its sponsor${pilot.sponsorName ? ` (${pilot.sponsorName})` : ''} or the program office` : 'the program office (it has no sponsor)';
}

/**
 * Whose news about a pilot reaches them (broadcast emails): the program office, executives and
 * viewers follow the whole portfolio; a pilot lead follows the pilots they lead.
 */
export function followsPilot(person: PilotActor, pilot: PilotPeople): boolean {
  if (person.role === 'pilot_lead') return pilot.leadId === person.id;
  return true;
}
