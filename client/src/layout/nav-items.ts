import type { SessionUser } from '@liftoff/shared';
import { homeFor } from '../auth/session';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/**
 * The main navigation for a person: their home first (my pilots for a lead, the scale queue for an
 * executive), the audit trail only for the program office.
 */
export function navItemsFor(user: SessionUser | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'Portfolio', end: true },
    { to: '/pilots', label: 'Pilots' },
    { to: '/stuck', label: 'Stuck' },
    // Every role reads the portfolio-wide blocker list (GET /api/blockers is open to any signed-in person).
    { to: '/blockers', label: 'Blockers' },
    { to: '/scale-queue', label: 'Scale queue' },
    { to: '/decisions', label: 'Decisions' },
    { to: '/settings', label: 'Settings' },
  ];
  if (user?.role === 'pilot_lead') items.unshift({ to: homeFor(user), label: 'My pilots', end: true });
  if (user?.role === 'executive') items.unshift(...items.splice(items.findIndex((i) => i.to === '/scale-queue'), 1));
  // Committee packs: the program office makes them, executives read them.
  if (user?.role === 'program_office' || user?.role === 'executive') items.push({ to: '/packs', label: 'Packs' });
  if (user?.role === 'program_office') items.push({ to: '/people', label: 'People' }, { to: '/business-units', label: 'Units' }, { to: '/audit', label: 'Audit' });
  return items;
}

/** "My pilots" (`/pilots?leadId=me`) and "Pilots" share a path: the query string tells which one is showing. */
export function isActive(item: NavItem, pathname: string, search: string): boolean {
  const [path, query] = item.to.split('?');
  const onPath = item.end ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
  if (!onPath) return false;
  const current = new URLSearchParams(search);
  if (query) return [...new URLSearchParams(query)].every(([key, value]) => current.get(key) === value);
  return !(path === '/pilots' && pathname === '/pilots' && current.has('leadId'));
}
