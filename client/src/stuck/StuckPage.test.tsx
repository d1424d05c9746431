import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { SignalFlag, StuckPilot } from '@liftoff/shared';
import { makeFlag, pageOf } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import StuckPage from './StuckPage';

const flags = [
  makeFlag({ id: 'f1', pilotId: 'p1', pilotName: 'HR helpdesk chatbot', kind: 'repeated_blocker', summary: "'Single sign-on not enabled for contractors' reported in 3 consecutive updates." }),
  makeFlag({ id: 'f2', pilotId: 'p1', pilotName: 'HR helpdesk chatbot', kind: 'over_timeline', summary: 'Started 2026-08-05: 3 months in against a 3-month upper bound.' }),
  makeFlag({ id: 'f3', pilotId: 'p2', pilotName: 'Invoice extraction', kind: 'silent', summary: 'No weekly update for 21 days.' }),
];

/** The server's answer: flags grouped by pilot, in the order the pilots first appear. */
function byPilot(list: SignalFlag[]): StuckPilot[] {
  const groups = new Map<string, StuckPilot>();
  for (const flag of list) {
    const group = groups.get(flag.pilotId) ?? { pilotId: flag.pilotId, pilotName: flag.pilotName, businessUnitId: flag.businessUnitId, businessUnitName: flag.businessUnitName, stage: flag.stage, flags: [] };
    group.flags.push(flag);
    groups.set(flag.pilotId, group);
  }
  return [...groups.values()];
}

describe('stuck list', () => {
  it('groups open flags by pilot with their evidence, filtered from the URL', async () => {
    const api = mockApi({ 'GET /api/flags/by-pilot': pageOf(byPilot(flags)), 'GET /api/business-units': [], 'GET /api/people': pageOf([]) });
    renderRoute(<StuckPage />, { path: '/stuck', url: '/stuck?kind=repeated_blocker&businessUnitId=u1' });
    const group = await screen.findByRole('region', { name: 'HR helpdesk chatbot' });
    expect(group).toHaveTextContent('Repeated blocker');
    expect(group).toHaveTextContent('Single sign-on not enabled for contractors');
    expect(group).toHaveTextContent('Past expected timeline');
    // Dated by when the condition began (the fixture's 12 Oct), with the flagging day beside it.
    expect(group).toHaveTextContent('reported in 3 consecutive updates. · since 12 Oct 2026 · flagged 25 Nov 2026');
    expect(group).not.toHaveTextContent('open since');
    expect(Object.fromEntries(api.find('GET', '/api/flags/by-pilot')[0].query)).toMatchObject({ status: 'open', kind: 'repeated_blocker', businessUnitId: 'u1', page: '1' });
    expect(screen.getByLabelText('Signal')).toHaveValue('repeated_blocker');
  });

  it('asks the server for the flags of pilots diagnosed with a pattern and sponsored by someone (a click on the overview chart)', async () => {
    const api = mockApi({
      'GET /api/flags/by-pilot': pageOf(byPilot(flags.slice(0, 2))),
      'GET /api/business-units': [],
      'GET /api/people': pageOf([{ id: 's1', name: 'Sam Sponsor', email: 's@example.com', role: 'executive', businessUnitId: null, version: 1 }]),
    });
    renderRoute(<StuckPage />, { path: '/stuck', url: '/stuck?businessUnitId=u1&pattern=no_integration_path&sponsorId=s1' });
    expect(await screen.findByRole('region', { name: 'HR helpdesk chatbot' })).toBeInTheDocument();
    const requests = api.find('GET', '/api/flags/by-pilot');
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0].query)).toEqual({ status: 'open', businessUnitId: 'u1', pattern: 'no_integration_path', sponsorId: 's1', page: '1', pageSize: '50' });
    // No pilots are fetched to assemble the list in the browser.
    expect(api.find('GET', '/api/pilots')).toEqual([]);
    expect(screen.getByLabelText('Pattern')).toHaveValue('no_integration_path');
    expect(await screen.findByRole('option', { name: 'Sam Sponsor' })).toBeInTheDocument();
    expect(screen.getByLabelText('Sponsor')).toHaveValue('s1');
  });

  it('says so when nothing is stuck', async () => {
    mockApi({ 'GET /api/flags/by-pilot': pageOf([]), 'GET /api/business-units': [], 'GET /api/people': pageOf([]) });
    renderRoute(<StuckPage />, { path: '/stuck', url: '/stuck' });
    expect(await screen.findByText('No pilot is stuck')).toBeInTheDocument();
  });
});
