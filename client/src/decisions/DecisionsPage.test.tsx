import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DecisionOutcomes, DecisionView } from '@liftoff/shared';
import { pageOf } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import DecisionsPage from './DecisionsPage';

const decision: DecisionView = {
  id: 'd1',
  pilotId: 'p1',
  pilotName: 'Claims bot',
  kind: 'scale',
  rationale: 'Targets met in two units',
  decidedBy: { id: 'e1', name: 'Eve Executive' },
  decidedAt: '2026-08-14T10:00:00.000Z',
  nextReviewDate: '2026-11-14',
  recommendedAction: 'scale',
  followedRecommendation: true,
  snapshot: { flags: [], patterns: [], recommendation: null },
  supersedesId: null,
  resultingPilotId: null,
};

const outcomes: DecisionOutcomes = {
  scale: [],
  pivots: [],
  kills: 2,
  medianDaysFirstUpdateToDecision: 40,
  byQuarter: [
    { quarter: '2026-Q2', scale: 0, pivot: 0, kill: 1, continue: 0 },
    { quarter: '2026-Q3', scale: 1, pivot: 0, kill: 1, continue: 0 },
  ],
  scaledReachedProductionShare: null,
};

const routes = () => ({
  'GET /api/decisions': pageOf([decision]),
  'GET /api/decisions/outcomes': outcomes,
  'GET /api/business-units': [{ id: 'u1', name: 'Insurance Ops', version: 1 }],
  'GET /api/people': pageOf([{ id: 's1', name: 'Sam Sponsor', email: 's@example.com', role: 'executive' as const, businessUnitId: null, version: 1 }]),
});

describe('decision log', () => {
  it('sends quarter, sponsor, stage, unit and kind from the URL to the server, and the unit to the outcomes', async () => {
    const api = mockApi(routes());
    renderRoute(<DecisionsPage />, { path: '/decisions', url: '/decisions?kind=scale&quarter=2026-Q3&sponsorId=s1&stage=scaling&businessUnitId=u1' });
    expect(await screen.findByRole('link', { name: 'Claims bot' })).toBeInTheDocument();
    expect(Object.fromEntries(api.find('GET', '/api/decisions')[0].query)).toEqual({
      kind: 'scale',
      quarter: '2026-Q3',
      sponsorId: 's1',
      stage: 'scaling',
      businessUnitId: 'u1',
      page: '1',
      pageSize: '25',
    });
    expect(Object.fromEntries(api.find('GET', '/api/decisions/outcomes')[0].query)).toEqual({ businessUnitId: 'u1' });
    expect(await screen.findByRole('option', { name: '2026 Q2' })).toBeInTheDocument();
    expect(screen.getByLabelText('Quarter')).toHaveValue('2026-Q3');
    expect(screen.getByLabelText('Pilot stage now')).toHaveValue('scaling');
  });

  it('drops a malformed quarter from a hand-edited link instead of getting a 400', async () => {
    const api = mockApi(routes());
    renderRoute(<DecisionsPage />, { path: '/decisions', url: '/decisions?quarter=2026-Q9' });
    await screen.findByRole('link', { name: 'Claims bot' });
    expect(api.find('GET', '/api/decisions')[0].query.has('quarter')).toBe(false);
    expect(api.find('GET', '/api/decisions/outcomes')[0].query.toString()).toBe('');
  });

  it('narrows the log to a quarter picked from those with decisions', async () => {
    const api = mockApi(routes());
    const user = userEvent.setup();
    renderRoute(<DecisionsPage />, { path: '/decisions', url: '/decisions?page=2' });
    await screen.findByRole('option', { name: '2026 Q2' });
    await user.selectOptions(screen.getByLabelText('Quarter'), '2026 Q2');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/decisions?quarter=2026-Q2'));
    expect(Object.fromEntries(api.find('GET', '/api/decisions').at(-1)!.query)).toMatchObject({ quarter: '2026-Q2', page: '1' });
  });
});
