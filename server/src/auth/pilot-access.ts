import type { Actor } from './actor';
import { deny } from './actor';

/**
 * Pilot leads work only on the pilots they lead; the program office works on all of them.
 * `actor` is absent for internal calls (seed, tests of services), which act as the system.
 */
export function assertWorksOnPilot(actor: Actor | undefined, pilot: { id: string; leadId: string }, action: string): void {
  if (!actor || actor.role === 'program_office') return;
  if (actor.role === 'pilot_lead' && pilot.leadId === actor.id) return;
  deny(`Only this pilot's lead or the program office can ${action}`);
}
