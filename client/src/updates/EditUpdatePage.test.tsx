import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Blocker, EditWeeklyUpdateRequest, WeeklyUpdate } from '@liftoff/shared';
import { makeBlocker, makeKpi, makePilot, makeSession, makeUpdate, pageOf } from '../test/fixtures';
import { mockApi, reply, type RecordedRequest } from '../test/mock-api';
import { renderRoute } from '../test/render';
import EditUpdatePage from './EditUpdatePage';

const pilot = makePilot({ id: 'p1', lead: { id: 'lead-1', name: 'Ada Lead' } });
const reported = makeBlocker({ id: 'b1', pilotId: 'p1', text: 'Waiting for API access', category: 'integration' });
const notReported = makeBlocker({ id: 'b9', pilotId: 'p1', text: 'Budget frozen', category: 'budget' });
const posted = makeUpdate({
  id: 'u1',
  pilotId: 'p1',
  week: '2026-W40',
  health: 'at_risk',
  summary: 'Integration still slow.',
  confidence: 3,
  activeUsers: 40,
  activeUsersOutsideTeam: 12,
  scaleQuestionAsked: true,
  resourcesRedirected: false,
  pivotSuggested: false,
  kpiReadings: [{ kpiId: 'k1', kpiName: 'Handling time', value: 21.5 }],
  blockers: [{ id: 'b1', text: 'Waiting for API access', category: 'integration', status: 'open' }],
  version: 2,
});
const staleEdit = {
  statusCode: 409,
  error: 'Conflict',
  message: 'Weekly update was changed by someone else',
  staleEdit: { currentVersion: 3, changedBy: { id: 'po-2', name: 'Pat Office' }, changedAt: '2026-11-30T14:05:00.000Z' },
};

function mockEditApi(options: { patch?: (request: RecordedRequest) => unknown; getUpdate?: () => WeeklyUpdate; blockers?: Blocker[] } = {}) {
  return mockApi({
    'GET /api/pilots/p1': pilot,
    'GET /api/updates/u1': options.getUpdate ?? posted,
    'GET /api/pilots/p1/kpis': [makeKpi({ id: 'k1', pilotId: 'p1', name: 'Handling time', unit: 'min' })],
    'GET /api/pilots/p1/blockers': options.blockers ?? [reported, notReported],
    'GET /api/pilots/p1/updates': pageOf([posted]),
    'PATCH /api/updates/u1': options.patch ?? (({ body }: RecordedRequest) => ({ ...posted, ...(body as object), version: 3 })),
  });
}

async function renderEdit(session = makeSession('pilot_lead', 'lead-1')) {
  const user = userEvent.setup();
  const view = renderRoute(<EditUpdatePage />, {
    path: '/pilots/:id/updates/:updateId/edit',
    url: '/pilots/p1/updates/u1/edit',
    session,
    routes: { '/pilots/:id': <p>Pilot page</p> },
  });
  await screen.findByRole('form', { name: 'Weekly update' });
  return { user, ...view };
}

describe('editing a posted weekly update', () => {
  it('starts from the update as posted, with its week fixed and the blockers it reported', async () => {
    mockEditApi();
    await renderEdit();
    expect(screen.getByLabelText('Week reported on')).toHaveValue('2026-W40');
    expect(screen.getByLabelText('Week reported on')).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'At risk' })).toBeChecked();
    expect(screen.getByLabelText('Summary')).toHaveValue('Integration still slow.');
    expect(screen.getByLabelText('Confidence')).toHaveValue(3);
    expect(screen.getByLabelText('Active users')).toHaveValue(40);
    expect(screen.getByLabelText('Active users outside the pilot team')).toHaveValue(12);
    expect(within(screen.getByRole('group', { name: /leadership ask/i })).getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(within(screen.getByRole('group', { name: /moved away/i })).getByRole('radio', { name: 'No' })).toBeChecked();
    expect(screen.getByLabelText('Handling time (min)')).toHaveValue(21.5);
    // Only what this update reported, not every open blocker of the pilot.
    expect(within(screen.getByRole('group', { name: 'Waiting for API access' })).getByRole('radio', { name: 'Still blocking' })).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Budget frozen' })).not.toBeInTheDocument();
  });

  it('sends every field with the version it started from, and not the week', async () => {
    const api = mockEditApi();
    const { user } = await renderEdit();
    await user.clear(screen.getByLabelText('Summary'));
    await user.type(screen.getByLabelText('Summary'), 'Integration unblocked on Friday.');
    await user.clear(screen.getByLabelText('Confidence'));
    await user.type(screen.getByLabelText('Confidence'), '4');
    await user.click(within(screen.getByRole('group', { name: 'Waiting for API access' })).getByRole('radio', { name: 'Resolved' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1'));
    const [patch] = api.find('PATCH', '/api/updates/u1');
    const body = patch.body as EditWeeklyUpdateRequest;
    expect(body).not.toHaveProperty('week');
    expect(body).toEqual({
      version: 2,
      health: 'at_risk',
      summary: 'Integration unblocked on Friday.',
      confidence: 4,
      activeUsers: 40,
      activeUsersOutsideTeam: 12,
      scaleQuestionAsked: true,
      resourcesRedirected: false,
      pivotSuggested: false,
      kpiReadings: [{ kpiId: 'k1', value: 21.5 }],
      blockers: [],
      resolvedBlockers: [{ blockerId: 'b1' }],
    });
    expect(JSON.parse(screen.getByTestId('location-state').textContent!).notice).toBe('Update for 2026-W40 saved.');
  });

  it('leaves the reported blockers alone when only the answers change (a since-resolved one is not reopened)', async () => {
    const since = { ...posted, blockers: [{ id: 'b1', text: 'Waiting for API access', category: 'integration' as const, status: 'resolved' as const }] };
    const api = mockEditApi({ getUpdate: () => since, blockers: [{ ...reported, status: 'resolved' }, notReported] });
    const { user } = await renderEdit();
    const row = screen.getByRole('group', { name: 'Waiting for API access' });
    expect(row).toHaveAccessibleDescription(expect.stringContaining('since resolved'));
    expect(within(row).queryByRole('radio', { name: 'Resolved' })).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Active users'));
    await user.type(screen.getByLabelText('Active users'), '41');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.find('PATCH', '/api/updates/u1')).toHaveLength(1));
    const body = api.find('PATCH', '/api/updates/u1')[0].body as EditWeeklyUpdateRequest;
    expect(body).toMatchObject({ version: 2, activeUsers: 41, summary: 'Integration still slow.' });
    expect(body).not.toHaveProperty('blockers');
    expect(body).not.toHaveProperty('resolvedBlockers');
  });

  it('on a stale edit says who changed it, overwrites nothing, and reloads the stored update on request', async () => {
    let stored = posted;
    const api = mockEditApi({ patch: () => reply(409, staleEdit), getUpdate: () => stored });
    const { user } = await renderEdit();
    await user.clear(screen.getByLabelText('Summary'));
    await user.type(screen.getByLabelText('Summary'), 'My version of the week.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Pat Office changed it');
    expect(alert).toHaveTextContent('nothing was overwritten');
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1/updates/u1/edit');
    expect(api.find('PATCH', '/api/updates/u1')).toHaveLength(1);

    stored = { ...posted, summary: 'Pat’s correction.', version: 3 };
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText('Summary')).toHaveValue('Pat’s correction.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The draft built on the old version is gone: a reload of the page starts from the stored update too.
    expect(Object.keys(window.localStorage).filter((key) => key.includes('u1'))).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.find('PATCH', '/api/updates/u1')).toHaveLength(2));
    expect((api.find('PATCH', '/api/updates/u1')[1].body as EditWeeklyUpdateRequest).version).toBe(3);
  });

  it('keeps a draft of the edit and restores it, sent with the version it was started from', async () => {
    mockEditApi();
    const first = await renderEdit();
    await first.user.clear(screen.getByLabelText('Summary'));
    await first.user.type(screen.getByLabelText('Summary'), 'Half-written correction');
    first.unmount();

    // Someone else saved in between: the restored draft must not overwrite it silently.
    const api = mockEditApi({ getUpdate: () => ({ ...posted, version: 5 }), patch: () => reply(409, staleEdit) });
    const { user } = await renderEdit();
    expect(screen.getByLabelText('Summary')).toHaveValue('Half-written correction');
    expect(screen.getByRole('status')).toHaveTextContent('Restored the draft you had not saved');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pat Office changed it');
    const [patch] = api.find('PATCH', '/api/updates/u1');
    expect(patch.body).toMatchObject({ version: 2, summary: 'Half-written correction' });
  });

  it('is not offered to people who may not work on the pilot', async () => {
    mockEditApi();
    renderRoute(<EditUpdatePage />, { path: '/pilots/:id/updates/:updateId/edit', url: '/pilots/p1/updates/u1/edit', session: makeSession('pilot_lead', 'lead-2') });
    expect(await screen.findByText('You can’t edit this pilot’s updates')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Weekly update' })).not.toBeInTheDocument();
  });
});
