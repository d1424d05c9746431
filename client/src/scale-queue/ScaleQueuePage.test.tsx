import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScaleQueueItem, SessionUser } from '@liftoff/shared';
import { makeSession, pageOf } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import ScaleQueuePage from './ScaleQueuePage';

const item = (overrides: Partial<ScaleQueueItem>): ScaleQueueItem => ({
  rank: 1,
  pilotId: 'p1',
  pilotName: 'Code review helper',
  businessUnitId: 'u1',
  businessUnitName: 'Platform',
  stage: 'piloting',
  sponsor: { id: 'exec-1', name: 'Erin Executive' },
  readinessScore: 100,
  annualValueAtScale: 1_800_000,
  costToScale: 200_000,
  recommendation: 'scale',
  reasons: ['recommended_scale', 'high_readiness'],
  blockingPattern: null,
  blockedReason: null,
  daysWaiting: 111,
  lastDecisionAt: null,
  ...overrides,
});
const queue = [
  item({}),
  item({ rank: 2, pilotId: 'p2', pilotName: 'HR helpdesk chatbot', sponsor: { id: 'exec-2', name: 'Other Exec' }, blockingPattern: 'no_integration_path', recommendation: 'keep_piloting' }),
  item({
    rank: 3, pilotId: 'p3', pilotName: 'Invoice matcher', sponsor: null, readinessScore: 50, blockingPattern: 'missing_executive_sponsor', recommendation: 'keep_piloting',
    reasons: ['scale_question'], blockedReason: 'No executive sponsor is named for the pilot.',
  }),
];

function renderQueue(session: SessionUser, url = '/scale-queue') {
  const api = mockApi({ 'GET /api/scale-queue': pageOf(queue), 'GET /api/business-units': [] });
  renderRoute(<ScaleQueuePage />, { path: '/scale-queue', url, session });
  return api;
}

const rowOf = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;

describe('scale queue', () => {
  it('ranks pilots with readiness, value, days waiting, blocking pattern and recommendation', async () => {
    renderQueue(makeSession('viewer'));
    const row = await rowOf('HR helpdesk chatbot');
    expect(within(row).getByText('No integration path')).toBeInTheDocument();
    expect(within(row).getByText('Keep piloting')).toBeInTheDocument();
    expect(within(await rowOf('Code review helper')).getByText(/^1\.8m$/i)).toBeInTheDocument();
  });

  it('marks a pilot that is only asked about, with its sponsorship failing, as blocked with the reason', async () => {
    renderQueue(makeSession('viewer'));
    const row = await rowOf('Invoice matcher');
    expect(within(row).getByText('Blocked: No executive sponsor is named for the pilot.')).toBeInTheDocument();
    expect(within(row).getByText('Asked when it scales')).toBeInTheDocument();
    expect(within(await rowOf('Code review helper')).queryByText(/^Blocked:/)).toBeNull();
  });

  it('lets an executive decide only on the pilots they sponsor', async () => {
    renderQueue(makeSession('executive', 'exec-1'));
    expect(within(await rowOf('Code review helper')).getByRole('button', { name: 'Decide on Code review helper' })).toBeInTheDocument();
    const notMine = await rowOf('HR helpdesk chatbot');
    expect(within(notMine).queryByRole('button')).toBeNull();
    expect(within(notMine).getByText('You do not sponsor this pilot. Who can: its sponsor (Other Exec) or the program office.')).toBeInTheDocument();
    // Seen: a short line, the row names the sponsor; the whole reason is read out and shown on hover.
    expect(within(notMine).getByText('Its sponsor decides')).toHaveAttribute('aria-hidden', 'true');
    expect(within(notMine).getByTitle('You do not sponsor this pilot. Who can: its sponsor (Other Exec) or the program office.')).toBeInTheDocument();
  });

  it('says who can decide on a pilot that has no sponsor', async () => {
    const api = mockApi({ 'GET /api/scale-queue': pageOf([item({ sponsor: null })]), 'GET /api/business-units': [] });
    renderRoute(<ScaleQueuePage />, { path: '/scale-queue', url: '/scale-queue', session: makeSession('viewer') });
    expect(await screen.findByText('Only its sponsoring executive or the program office decides. Who can: the program office (it has no sponsor).')).toBeInTheDocument();
    expect(screen.getByText('Program office decides')).toBeInTheDocument();
    expect(api.find('GET', '/api/scale-queue')).toHaveLength(1);
  });

  it('lets the program office decide on any pilot, and offers viewers and leads no decision', async () => {
    renderQueue(makeSession('program_office'));
    expect(await screen.findAllByRole('button', { name: /Decide on/ })).toHaveLength(3);
  });

  it.each([
    ['a viewer', makeSession('viewer')],
    ['a pilot lead', makeSession('pilot_lead', 'lead-1')],
  ])('offers %s no decision and no "mine" toggle', async (_who, session) => {
    renderQueue(session);
    await rowOf('Code review helper');
    expect(screen.queryByRole('button', { name: /Decide on/ })).toBeNull();
    expect(screen.queryByLabelText('Only pilots I sponsor')).toBeNull();
  });

  it('keeps the "mine" toggle in the URL for an executive', async () => {
    const api = renderQueue(makeSession('executive', 'exec-1'));
    await rowOf('Code review helper');
    await userEvent.setup().click(screen.getByLabelText('Only pilots I sponsor'));
    expect(screen.getByTestId('location')).toHaveTextContent('/scale-queue?mine=true');
    expect(api.find('GET', '/api/scale-queue').at(-1)!.query.get('mine')).toBe('true');
  });

  it('pages through a long queue, asking for the page in the URL and keeping ranks across pages', async () => {
    const onPage = (page: number) => Array.from({ length: 25 }, (_, i) => item({ rank: (page - 1) * 25 + i + 1, pilotId: `p${page}-${i}`, pilotName: `Pilot ${(page - 1) * 25 + i + 1}` }));
    const api = mockApi({
      'GET /api/scale-queue': ({ query }: { query: URLSearchParams }) => {
        const page = Number(query.get('page'));
        return { items: page === 3 ? onPage(3).slice(0, 10) : onPage(page), total: 60, page, pageSize: 25 };
      },
      'GET /api/business-units': [],
    });
    renderRoute(<ScaleQueuePage />, { path: '/scale-queue', url: '/scale-queue', session: makeSession('viewer') });
    await rowOf('Pilot 1');
    expect(screen.getByText('1–25 of 60 pilots')).toBeInTheDocument();
    expect(Object.fromEntries(api.find('GET', '/api/scale-queue')[0].query)).toMatchObject({ page: '1', pageSize: '25' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next' }));
    expect(within(await rowOf('Pilot 26')).getByText('26')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/scale-queue?page=2');
    expect(api.find('GET', '/api/scale-queue').at(-1)!.query.get('page')).toBe('2');
    expect(screen.queryByRole('link', { name: 'Pilot 1' })).toBeNull();
  });

  it('goes back to the first page when a filter changes', async () => {
    const api = renderQueue(makeSession('executive', 'exec-1'), '/scale-queue?page=2');
    await rowOf('Code review helper');
    expect(api.find('GET', '/api/scale-queue')[0].query.get('page')).toBe('2');
    await userEvent.setup().click(screen.getByLabelText('Only pilots I sponsor'));
    expect(api.find('GET', '/api/scale-queue').at(-1)!.query.get('page')).toBe('1');
  });
});
