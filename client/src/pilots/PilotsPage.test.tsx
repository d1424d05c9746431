import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addIsoWeeks, isoWeekOf } from '@liftoff/shared';
import { makePilot, makeSession } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import PilotsPage from './PilotsPage';

const page = (items: ReturnType<typeof makePilot>[], total = items.length) => ({ items, total, page: 1, pageSize: 25 });

describe('pilots list', () => {
  it('reads filters from the URL, shows rows, and puts sorting back in the URL', async () => {
    const api = mockApi({
      'GET /api/business-units': [{ id: 'u1', name: 'Insurance Ops', version: 1 }],
      'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot', sponsor: null, lastUpdateWeek: null })], 30),
    });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?stage=piloting&search=claims' });

    const row = (await screen.findByRole('link', { name: 'Claims bot' })).closest('tr')!;
    expect(within(row).getByText('No sponsor')).toBeInTheDocument();
    expect(within(row).getByText('No updates yet')).toBeInTheDocument();
    expect(api.find('GET', '/api/pilots').at(-1)!.query.toString()).toContain('stage=piloting');
    expect(screen.getByLabelText('Stage')).toHaveValue('piloting');
    expect(screen.getByText(/1–25 of 30 pilots/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Pilot/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=name&order=desc'));
    const last = api.find('GET', '/api/pilots').at(-1)!;
    expect(Object.fromEntries(last.query)).toMatchObject({ stage: 'piloting', search: 'claims', sort: 'name', order: 'desc', pageSize: '25' });
  });

  it('shows health, open flags, patterns, recommendation and readiness when the list carries them', async () => {
    mockApi({
      'GET /api/business-units': [],
      'GET /api/pilots': page([
        makePilot({
          id: 'p1',
          name: 'Claims bot',
          lastHealth: 'at_risk',
          openFlagCount: 3,
          patterns: ['no_integration_path', 'missing_executive_sponsor', 'unclear_success_metrics'],
          recommendation: 'keep_piloting',
          readinessScore: 67,
        }),
        makePilot({ id: 'p2', name: 'Older server', lastHealth: undefined, openFlagCount: undefined, patterns: undefined, recommendation: undefined }),
      ]),
    });
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots', session: makeSession('viewer') });
    const row = (await screen.findByRole('link', { name: 'Claims bot' })).closest('tr')!;
    expect(within(row).getByText('At risk')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '3 open stuck signs' })).toHaveAttribute('href', '/stuck?pilotId=p1');
    expect(within(row).getByText('No integration path')).toBeInTheDocument();
    expect(within(row).getByText('+1')).toBeInTheDocument();
    expect(within(row).getByText('Keep piloting')).toBeInTheDocument();
    expect(within(row).getByText('67')).toBeInTheDocument();
    // Until the server adds the fields, the columns stay quiet instead of breaking.
    const older = screen.getByRole('link', { name: 'Older server' }).closest('tr')!;
    expect(within(older).getAllByText('—').length).toBeGreaterThanOrEqual(3);
  });

  it('sorts by open flags, readiness and days since update on the server, and says how the shown values run', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/people': page([]), 'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot' })]) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?sort=readinessScore&order=desc' });
    await screen.findByRole('link', { name: 'Claims bot' });
    expect(Object.fromEntries(api.find('GET', '/api/pilots')[0].query)).toMatchObject({ sort: 'readinessScore', order: 'desc' });
    expect(screen.getByRole('columnheader', { name: /Readiness/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /Open flags/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=openFlagCount'));
    expect(api.find('GET', '/api/pilots').at(-1)!.query.get('sort')).toBe('openFlagCount');

    // Fewest days since the update first: the latest update first.
    await user.click(screen.getByRole('button', { name: /Days since update/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=lastUpdateAt&order=desc'));
    expect(Object.fromEntries(api.find('GET', '/api/pilots').at(-1)!.query)).toMatchObject({ sort: 'lastUpdateAt', order: 'desc' });
    expect(screen.getByRole('columnheader', { name: /Days since update/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('filters by stuck pattern and start dates through the server', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/people': page([]), 'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot' })]) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?startedAfter=2026-01-31&startedBefore=2026-07-01' });
    await screen.findByRole('link', { name: 'Claims bot' });
    expect(screen.getByLabelText('Started after')).toHaveValue('2026-01-31');
    expect(screen.getByLabelText('Started before')).toHaveValue('2026-07-01');

    await user.selectOptions(screen.getByLabelText('Stuck pattern'), 'No integration path');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('pattern=no_integration_path'));
    expect(Object.fromEntries(api.find('GET', '/api/pilots').at(-1)!.query)).toMatchObject({
      pattern: 'no_integration_path',
      startedAfter: '2026-01-31',
      startedBefore: '2026-07-01',
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/pilots$/));
  });

  it('shows the time-in-pilot drill-down from the portfolio chart, sends it to the server, and removes it on its own', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/people': page([]), 'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot' })]) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?stage=piloting&complexity=typical&underway=true&monthsInPilotMin=3&monthsInPilotMax=6&sort=startDate' });
    await screen.findByRole('link', { name: 'Claims bot' });
    expect(screen.getByText('Complexity: Typical · 3–6 months in pilot · underway only')).toBeInTheDocument();
    expect(Object.fromEntries(api.find('GET', '/api/pilots').at(-1)!.query)).toMatchObject({
      stage: 'piloting',
      complexity: 'typical',
      underway: 'true',
      monthsInPilotMin: '3',
      monthsInPilotMax: '6',
      sort: 'startDate',
    });

    await user.click(screen.getByRole('button', { name: 'Remove these filters' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/pilots\?stage=piloting&sort=startDate$/));
    expect(screen.queryByText(/months in pilot/)).not.toBeInTheDocument();
    expect(api.find('GET', '/api/pilots').at(-1)!.query.has('complexity')).toBe(false);
  });

  it('shows the health in a week from the portfolio chart, sends it to the server, and removes it on its own', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/people': page([]), 'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot' })]) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?businessUnitId=u1&health=at_risk&healthWeek=2026-W40' });
    await screen.findByRole('link', { name: 'Claims bot' });
    expect(screen.getByText('Health in 2026-W40: At risk')).toBeInTheDocument();
    expect(screen.getByLabelText('Latest health')).toHaveValue('');
    expect(Object.fromEntries(api.find('GET', '/api/pilots').at(-1)!.query)).toMatchObject({ businessUnitId: 'u1', health: 'at_risk', healthWeek: '2026-W40' });

    await user.click(screen.getByRole('button', { name: 'Remove this filter' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/pilots\?businessUnitId=u1$/));
    expect(screen.queryByText(/Health in/)).not.toBeInTheDocument();
    expect(api.find('GET', '/api/pilots').at(-1)!.query.has('health')).toBe(false);
  });

  it('filters by latest health, replacing a health in a week', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/people': page([]), 'GET /api/pilots': page([makePilot({ id: 'p1', name: 'Claims bot' })]) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?health=at_risk&healthWeek=2026-W40' });
    await screen.findByRole('link', { name: 'Claims bot' });
    await user.selectOptions(screen.getByLabelText('Latest health'), 'Off track');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/pilots\?health=off_track$/));
    expect(screen.getByLabelText('Latest health')).toHaveValue('off_track');
    expect(screen.queryByText(/Health in/)).not.toBeInTheDocument();
    const last = api.find('GET', '/api/pilots').at(-1)!.query;
    expect(last.get('health')).toBe('off_track');
    expect(last.has('healthWeek')).toBe(false);
  });

  it('offers a way back when no pilot matches', async () => {
    mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': page([]) });
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?search=zzz' });
    expect(await screen.findByText('No pilots match these filters')).toBeInTheDocument();
  });
});

describe('pilots list paging', () => {
  it('offers the first page when a link points past the last one', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': (r: { query: URLSearchParams }) => (r.query.get('page') === '9' ? { items: [], total: 5, page: 9, pageSize: 25 } : page([makePilot()], 5)) });
    const user = userEvent.setup();
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?stage=killed&page=9' });
    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    expect(await screen.findByRole('link', { name: 'Claims triage assistant' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots?stage=killed');
    expect(api.find('GET', '/api/pilots').at(-1)!.query.get('page')).toBe('1');
  });
});

describe('my pilots (a pilot lead\'s home)', () => {
  const thisWeek = isoWeekOf(new Date());
  const lastWeek = addIsoWeeks(thisWeek, -1);
  const mine = [
    makePilot({ id: 'p1', name: 'Posted pilot', lastUpdateWeek: thisWeek, lead: { id: 'lead-1', name: 'Leo Lead' } }),
    makePilot({ id: 'p2', name: 'Due pilot', lastUpdateWeek: lastWeek, lead: { id: 'lead-1', name: 'Leo Lead' } }),
    makePilot({ id: 'p3', name: 'Paused pilot', stage: 'paused', lastUpdateWeek: lastWeek, lead: { id: 'lead-1', name: 'Leo Lead' } }),
  ];

  // The server's list, as the weekly reminder sends it: the lead's own week, in their time zone.
  const due = { week: thisWeek, timeZone: 'Pacific/Auckland', items: [
    { pilotId: 'p2', pilotName: 'Due pilot', stage: 'piloting', lastUpdateWeek: lastWeek, weeksMissing: 1, updatePath: '/pilots/p2/updates/new' },
  ] };

  it('lists the pilots they lead and which are due an update this week, as the reminder counts them', async () => {
    const api = mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': page(mine), 'GET /api/me/due-updates': due });
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?leadId=lead-1', session: makeSession('pilot_lead', 'lead-1') });
    expect(await screen.findByRole('heading', { name: 'My pilots' })).toBeInTheDocument();
    const card = await screen.findByRole('region', { name: 'Updates due this week' });
    expect(within(card).getByText(/1 pilot you lead has no update for/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Post update for Due pilot' })).toHaveAttribute('href', '/pilots/p2/updates/new');
    expect(screen.queryByRole('link', { name: 'Post update for Posted pilot' })).not.toBeInTheDocument();
    const table = screen.getByRole('table');
    const row = (name: string) => within(within(table).getByRole('link', { name }).closest('tr')!);
    expect(await row('Due pilot').findByRole('link', { name: 'Post update' })).toHaveAttribute('href', '/pilots/p2/updates/new');
    expect(row('Posted pilot').getByText('Posted')).toBeInTheDocument();
    expect(row('Paused pilot').getByText('No updates expected')).toBeInTheDocument();
    expect(api.find('GET', '/api/pilots').every((r) => r.query.get('leadId') === 'lead-1')).toBe(true);
  });

  it('takes the due week from the server, not from the browser clock', async () => {
    // Late on Sunday in UTC the lead's zone is already in the next week: nothing has its update yet.
    const ahead = { week: addIsoWeeks(thisWeek, 1), timeZone: 'Pacific/Auckland', items: [
      { pilotId: 'p1', pilotName: 'Posted pilot', stage: 'piloting', lastUpdateWeek: thisWeek, weeksMissing: 1, updatePath: '/pilots/p1/updates/new' },
      { pilotId: 'p2', pilotName: 'Due pilot', stage: 'piloting', lastUpdateWeek: lastWeek, weeksMissing: 2, updatePath: '/pilots/p2/updates/new' },
    ] };
    mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': page(mine), 'GET /api/me/due-updates': ahead });
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?leadId=lead-1', session: makeSession('pilot_lead', 'lead-1') });
    const card = await screen.findByRole('region', { name: 'Updates due this week' });
    expect(within(card).getByText(/2 pilots you lead have no update for/)).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(await within(within(table).getByRole('link', { name: 'Posted pilot' }).closest('tr')!).findByRole('link', { name: 'Post update' })).toBeInTheDocument();
    expect(within(table).queryByText('Posted')).not.toBeInTheDocument();
  });

  it('does not offer posting to someone who may not post', async () => {
    mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': page(mine) });
    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?leadId=lead-1', session: makeSession('viewer', 'viewer-1') });
    expect(await screen.findByRole('heading', { name: 'Pilots' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Post update/ })).not.toBeInTheDocument();
  });
});
