import { canDecideFor, canWorkOnPilot, whoDecides, type PilotPeople } from '@liftoff/shared';
import type { Actor } from './actor';
import { deny } from './actor';

/**
 * Pilot leads work only on the pilots they lead; the program office works on all of them (the rule
 * lives in shared/, the dashboard applies the same). `actor` is absent for internal calls (seed,
 * tests of services), which act as the system.
 */
export function assertWorksOnPilot(actor: Actor | undefined, pilot: { id: string; leadId: string }, action: string): void {
  if (!actor || canWorkOnPilot(actor, { leadId: pilot.leadId, sponsorId: null })) return;
  deny(`Only this pilot's lead or the program office can ${action}`);
}

/** Executives decide only for the pilots they sponsor; the program office for any. */
export function assertDecidesFor(actor: Actor, pilot: PilotPeople): void {
  if (canDecideFor(actor, pilot)) return;
  deny(`Only ${whoDecides(pilot)} can record decisions for this pilot`);
}
