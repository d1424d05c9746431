import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addIsoWeeks, isoWeekOf, type WeeklyUpdate } from '@liftoff/shared';
import { makeBlocker, makeKpi, makePilot, makeSession, makeUpdate, pageOf } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { RequireSession } from '../auth/RequireSession';
import SignInPage from '../auth/SignInPage';
import NewUpdatePage from './NewUpdatePage';

const thisWeek = isoWeekOf(new Date());
const lastWeek = addIsoWeeks(thisWeek, -1);
const pilot = makePilot({ id: 'p1', lead: { id: 'lead-1', name: 'Ada Lead' }, lastUpdateWeek: lastWeek });
const kpis = [makeKpi({ id: 'k1', pilotId: 'p1', name: 'Handling time', unit: 'min' }), makeKpi({ id: 'k2', pilotId: 'p1', name: 'Accuracy', unit: '%' })];

function mockNewApi(recent: WeeklyUpdate[] = [], post: unknown = makeUpdate({ pilotId: 'p1', week: thisWeek })) {
  return mockApi({
    'GET /api/pilots/p1': pilot,
    'GET /api/pilots/p1/kpis': kpis,
    'GET /api/pilots/p1/blockers': [makeBlocker({ id: 'b1', pilotId: 'p1', text: 'Waiting for API access' })],
    'GET /api/pilots/p1/updates': pageOf(recent),
    'GET /api/pilots/p1/blocker-matches': [],
    'POST /api/pilots/p1/updates': post,
  });
}

async function renderNew(session = makeSession('pilot_lead', 'lead-1')) {
  const user = userEvent.setup();
  const view = renderRoute(<NewUpdatePage />, {
    path: '/pilots/:id/updates/new',
    url: '/pilots/p1/updates/new',
    session,
    routes: { '/pilots/:id': <p>Pilot page</p>, '/pilots/:id/updates/:updateId/edit': <p>Edit page</p> },
  });
  await screen.findByRole('form', { name: 'Weekly update' });
  return { user, ...view };
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: 'On track' }));
  await user.type(screen.getByLabelText('Summary'), 'A good week.');
  await user.type(screen.getByLabelText('Confidence'), '4');
  await user.type(screen.getByLabelText('Active users'), '30');
  await user.type(screen.getByLabelText('Active users outside the pilot team'), '10');
  await user.click(within(screen.getByRole('group', { name: /leadership ask/i })).getByRole('radio', { name: 'No' }));
  await user.click(within(screen.getByRole('group', { name: /moved away/i })).getByRole('radio', { name: 'No' }));
}

const draftKeys = () => Object.keys(window.localStorage).filter((key) => key.startsWith('liftoff.update-draft.'));

afterEach(() => vi.restoreAllMocks());

describe('the new-update form', () => {
  it('shows last week’s values beside the fields, and each KPI’s latest reading', async () => {
    const earlier = makeUpdate({ id: 'u0', pilotId: 'p1', week: addIsoWeeks(thisWeek, -3), kpiReadings: [{ kpiId: 'k2', kpiName: 'Accuracy', value: 88 }] });
    const previous = makeUpdate({
      id: 'u1',
      pilotId: 'p1',
      week: lastWeek,
      health: 'at_risk',
      confidence: 4,
      activeUsers: 1200,
      activeUsersOutsideTeam: 35,
      kpiReadings: [{ kpiId: 'k1', kpiName: 'Handling time', value: 21.5 }],
    });
    mockNewApi([previous, earlier]);
    await renderNew();
    await waitFor(() => expect(screen.getByLabelText('Confidence')).toHaveAccessibleDescription(expect.stringContaining('Last week: 4')));
    expect(screen.getByRole('group', { name: 'Health' })).toHaveAccessibleDescription('Last week: At risk');
    expect(screen.getByLabelText('Active users')).toHaveAccessibleDescription(expect.stringContaining('Last week: 1,200'));
    expect(screen.getByLabelText('Active users outside the pilot team')).toHaveAccessibleDescription(expect.stringContaining('Last week: 35'));
    expect(screen.getByLabelText('Handling time (min)')).toHaveAccessibleDescription(expect.stringContaining('Last week: 21.5'));
    // Not measured last week: its latest reading, with the week it is from.
    expect(screen.getByLabelText('Accuracy (%)')).toHaveAccessibleDescription(expect.stringContaining(`Last reading (${earlier.week}): 88`));
  });

  it('says nothing about last week for a pilot’s first update', async () => {
    mockNewApi([]);
    await renderNew();
    expect(screen.getByLabelText('Confidence')).not.toHaveAccessibleDescription(expect.stringContaining('Last'));
  });

  it('on a duplicate week, links to editing the update already posted for it', async () => {
    const message = `This pilot already has an update for ${thisWeek}; edit that one instead`;
    const existing = makeUpdate({ id: 'u-this', pilotId: 'p1', week: thisWeek });
    // Posted from elsewhere after the form opened: the first look at the list does not have it yet.
    let recent: WeeklyUpdate[] = [];
    mockApi({
      'GET /api/pilots/p1': pilot,
      'GET /api/pilots/p1/kpis': kpis,
      'GET /api/pilots/p1/blockers': [],
      'GET /api/pilots/p1/updates': () => pageOf(recent),
      'POST /api/pilots/p1/updates': () => {
        recent = [existing];
        return reply(409, { statusCode: 409, error: 'Conflict', message });
      },
    });
    const { user } = await renderNew();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Post update' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('already has an update');
    const link = await within(alert).findByRole('link', { name: 'Edit the update for that week' });
    expect(link).toHaveAttribute('href', '/pilots/p1/updates/u-this/edit');
    expect(screen.getByLabelText('Week reported on')).toHaveAttribute('aria-invalid', 'true');
    // The message is about that week: choosing another one clears it.
    await user.selectOptions(screen.getByLabelText('Week reported on'), lastWeek);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Week reported on'), thisWeek);
    await user.click(within(screen.getByRole('alert')).getByRole('link', { name: 'Edit the update for that week' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1/updates/u-this/edit');
  });

  it('offers editing a week that is already posted as soon as it is chosen', async () => {
    mockNewApi([makeUpdate({ id: 'u-last', pilotId: 'p1', week: lastWeek })]);
    const { user } = await renderNew();
    await user.selectOptions(screen.getByLabelText('Week reported on'), lastWeek);
    expect(await screen.findByRole('link', { name: 'Edit that update' })).toHaveAttribute('href', '/pilots/p1/updates/u-last/edit');
  });

  it('keeps what was typed as a draft and restores it when the form is opened again (after a reload or signing in)', async () => {
    mockNewApi();
    const first = await renderNew();
    await first.user.type(screen.getByLabelText('Summary'), 'Half a sentence');
    await first.user.type(screen.getByLabelText('Handling time (min)'), '19');
    await first.user.click(within(screen.getByRole('group', { name: 'Waiting for API access' })).getByRole('radio', { name: 'Resolved' }));
    expect(draftKeys()).toEqual([`liftoff.update-draft.lead-1.p1.week.${thisWeek}`]);
    first.unmount();

    await renderNew();
    expect(screen.getByRole('status')).toHaveTextContent('Restored the draft you had not posted');
    expect(screen.getByLabelText('Summary')).toHaveValue('Half a sentence');
    expect(screen.getByLabelText('Handling time (min)')).toHaveValue(19);
    expect(within(screen.getByRole('group', { name: 'Waiting for API access' })).getByRole('radio', { name: 'Resolved' })).toBeChecked();
  });

  it('does not restore one person’s draft for another', async () => {
    mockNewApi();
    const first = await renderNew();
    await first.user.type(screen.getByLabelText('Summary'), 'Ada’s words');
    first.unmount();
    await renderNew(makeSession('program_office', 'po-1'));
    expect(screen.getByLabelText('Summary')).toHaveValue('');
  });

  it('clears the draft once the update is posted', async () => {
    const api = mockNewApi();
    const { user } = await renderNew();
    await fillRequired(user);
    expect(draftKeys()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Post update' }));
    await screen.findByText('Pilot page');
    expect(api.find('POST', '/api/pilots/p1/updates')).toHaveLength(1);
    expect(draftKeys()).toEqual([]);
  });

  it('discards a restored draft on request', async () => {
    mockNewApi();
    const first = await renderNew();
    await first.user.type(screen.getByLabelText('Summary'), 'Not wanted');
    first.unmount();
    const { user } = await renderNew();
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(screen.getByLabelText('Summary')).toHaveValue('');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(draftKeys()).toEqual([]);
  });

  it('asks before leaving with unsaved text: on reload or closing the tab, and on Cancel', async () => {
    mockNewApi();
    const { user } = await renderNew();
    const untouched = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(untouched);
    expect(untouched.defaultPrevented).toBe(false);

    await user.type(screen.getByLabelText('Summary'), 'Typed');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1/updates/new');
    expect(draftKeys()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/pilots\/p1$/);
    expect(draftKeys()).toEqual([]);
  });

  it('keeps the draft through a session that ended, and restores it once signed in again', async () => {
    const lead = makeSession('pilot_lead', 'lead-1');
    let signedIn = true;
    const unauthorized = reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });
    mockApi({
      'GET /api/auth/me': () => (signedIn ? lead : unauthorized),
      'POST /api/auth/login': () => {
        signedIn = true;
        return lead;
      },
      'GET /api/pilots/p1': pilot,
      'GET /api/pilots/p1/kpis': kpis,
      'GET /api/pilots/p1/blockers': [],
      'GET /api/pilots/p1/updates': pageOf([]),
      // The session ended in another tab: the post is refused.
      'POST /api/pilots/p1/updates': () => {
        signedIn = false;
        return unauthorized;
      },
    });
    const user = userEvent.setup();
    renderRoute(
      <RequireSession>
        <NewUpdatePage />
      </RequireSession>,
      { path: '/pilots/:id/updates/new', url: '/pilots/p1/updates/new', session: lead, routes: { '/sign-in': <SignInPage /> } },
    );
    await screen.findByRole('form', { name: 'Weekly update' });
    await fillRequired(user);
    await user.clear(screen.getByLabelText('Summary'));
    await user.type(screen.getByLabelText('Summary'), 'Written before the session ended');
    await user.click(screen.getByRole('button', { name: 'Post update' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Fpilots%2Fp1%2Fupdates%2Fnew'));
    await user.type(screen.getByLabelText('Email'), 'lead-1@liftoff.demo');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('form', { name: 'Weekly update' });
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1/updates/new');
    expect(screen.getByRole('status')).toHaveTextContent('Restored the draft');
    expect(screen.getByLabelText('Summary')).toHaveValue('Written before the session ended');
    expect(screen.getByLabelText('Active users')).toHaveValue(30);
  });
});
