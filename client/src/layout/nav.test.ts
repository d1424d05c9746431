import { describe, expect, it } from 'vitest';
import { makeSession } from '../test/fixtures';
import { isActive, navItemsFor } from './nav-items';

describe('main navigation', () => {
  it('starts with each role\'s home, shows the audit trail only to the program office and the packs to it and executives', () => {
    expect(navItemsFor(makeSession('pilot_lead', 'l1')).map((i) => i.label)).toEqual(['My pilots', 'Portfolio', 'Pilots', 'Stuck', 'Blockers', 'Scale queue', 'Decisions', 'Settings']);
    expect(navItemsFor(makeSession('executive')).map((i) => i.label)).toEqual(['Scale queue', 'Portfolio', 'Pilots', 'Stuck', 'Blockers', 'Decisions', 'Settings', 'Packs']);
    expect(navItemsFor(makeSession('program_office')).map((i) => i.label)).toEqual(['Portfolio', 'Pilots', 'Stuck', 'Blockers', 'Scale queue', 'Decisions', 'Settings', 'Packs', 'People', 'Units', 'Audit']);
    expect(navItemsFor(makeSession('viewer')).map((i) => i.label)).not.toContain('Audit');
    expect(navItemsFor(makeSession('executive')).map((i) => i.label)).not.toContain('People');
    expect(navItemsFor(makeSession('viewer')).map((i) => i.label)).toContain('Blockers');
    expect(navItemsFor(makeSession('viewer')).map((i) => i.label)).not.toContain('Packs');
  });

  it('tells "My pilots" from "Pilots" by the query string', () => {
    const [myPilots, , pilots] = navItemsFor(makeSession('pilot_lead', 'l1'));
    expect(isActive(myPilots, '/pilots', '?leadId=l1')).toBe(true);
    expect(isActive(pilots, '/pilots', '?leadId=l1')).toBe(false);
    expect(isActive(pilots, '/pilots', '?stage=piloting')).toBe(true);
    expect(isActive(pilots, '/pilots/p1', '')).toBe(true);
    expect(isActive(myPilots, '/pilots/p1', '')).toBe(false);
  });
});
