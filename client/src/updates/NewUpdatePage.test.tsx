import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { BlockerMatch, CreateWeeklyUpdateRequest } from '@liftoff/shared';
import { makeBlocker, makeFlag, makeKpi, makePilot, makeSession, makeUpdate } from '../test/fixtures';
import { mockApi, reply, type RecordedRequest } from '../test/mock-api';
import { renderRoute } from '../test/render';
import NewUpdatePage from './NewUpdatePage';

const pilot = makePilot({ id: 'p1', lead: { id: 'lead-1', name: 'Ada Lead' } });
const stillOpen = makeBlocker({ id: 'b1', text: 'Waiting for API access', category: 'integration', version: 4 });
const toReword = makeBlocker({ id: 'b2', text: 'Data is messy', category: 'data', version: 2 });
const toResolve = makeBlocker({ id: 'b3', text: 'No security sign-off', category: 'security_compliance', version: 7 });

function mockPilotApi(createUpdate: unknown = makeUpdate({ pilotId: 'p1' })) {
  return mockApi({
    'GET /api/pilots/p1': pilot,
    'GET /api/pilots/p1/kpis': [makeKpi({ id: 'k1', name: 'Handling time', unit: 'min' })],
    'GET /api/pilots/p1/blockers': [stillOpen, toReword, toResolve],
    'POST /api/pilots/p1/updates': createUpdate,
    'GET /api/pilots/p1/updates': { items: [], total: 0, page: 1, pageSize: 10 },
    // Texts about API access resemble the open b1; anything else resembles nothing.
    'GET /api/pilots/p1/blocker-matches': ({ query }: RecordedRequest) =>
      /api/i.test(query.get('text') ?? '')
        ? [{ blockerId: 'b1', text: stillOpen.text, category: 'integration', score: 0.55, autoLink: false, matchedWording: stillOpen.text } satisfies BlockerMatch]
        : [],
  });
}

/** The match look-up waits for typing to pause (300 ms), then asks the (mocked) server. */
const LOOKUP_WAIT = 3000;
/** Typing a whole form through user-event is slow on a busy machine. */
const LONG_FORM_TEST = 20_000;

/** The pilot page, reduced to what the form hands it on arrival. */
function PilotPageProbe() {
  return <p>Pilot page</p>;
}

async function renderForm(session = makeSession('pilot_lead', 'lead-1')) {
  const user = userEvent.setup();
  renderRoute(<NewUpdatePage />, { path: '/pilots/:id/updates/new', url: '/pilots/p1/updates/new', session, routes: { '/pilots/:id': <PilotPageProbe /> } });
  await screen.findByRole('form', { name: 'Weekly update' });
  return user;
}

/** Fills every required field with valid answers. */
async function fillValidForm(user: UserEvent) {
  await user.click(screen.getByRole('radio', { name: 'At risk' }));
  await user.type(screen.getByLabelText('Summary'), 'Integration still slow.');
  await user.type(screen.getByLabelText('Confidence'), '3');
  await user.type(screen.getByLabelText('Active users'), '40');
  await user.type(screen.getByLabelText('Active users outside the pilot team'), '12');
  await user.click(within(screen.getByRole('group', { name: /leadership ask/i })).getByRole('radio', { name: 'Yes' }));
  await user.click(within(screen.getByRole('group', { name: /moved away/i })).getByRole('radio', { name: 'No' }));
}

describe('weekly update form', () => {
  it('shows validation messages next to the fields and sends nothing', async () => {
    const api = mockPilotApi();
    const user = await renderForm();

    await user.type(screen.getByLabelText('Confidence'), '7');
    await user.type(screen.getByLabelText('Active users'), '5');
    await user.type(screen.getByLabelText('Active users outside the pilot team'), '9');
    await user.click(screen.getByRole('button', { name: 'Post update' }));

    expect(screen.getByLabelText('Confidence')).toHaveAccessibleDescription(expect.stringContaining('whole number from 1 to 5'));
    expect(screen.getByLabelText('Active users outside the pilot team')).toHaveAccessibleDescription(
      expect.stringContaining('can’t be more than active users'),
    );
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription(expect.stringContaining('Write a short summary'));
    expect(screen.getByLabelText('Summary')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the highlighted fields');
    // Focus moves to the first field needing attention.
    expect(screen.getByRole('radio', { name: 'On track' })).toHaveFocus();
    expect(api.find('POST', '/api/pilots/p1/updates')).toHaveLength(0);
  }, LONG_FORM_TEST);

  it('clears a message once the field is corrected', async () => {
    mockPilotApi();
    const user = await renderForm();
    await user.type(screen.getByLabelText('Confidence'), '0');
    await user.click(screen.getByRole('button', { name: 'Post update' }));
    expect(screen.getByText('Confidence must be a whole number from 1 to 5')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Confidence'));
    await user.type(screen.getByLabelText('Confidence'), '4');
    expect(screen.queryByText('Confidence must be a whole number from 1 to 5')).not.toBeInTheDocument();
  });

  it('pre-fills open blockers; confirming sends blockerId, rewording sends blockerId + text, resolving goes in the same request', async () => {
    const api = mockPilotApi();
    const user = await renderForm();

    // Open blockers are listed and carried forward by default.
    const confirmed = screen.getByRole('group', { name: 'Waiting for API access' });
    expect(within(confirmed).getByRole('radio', { name: 'Still blocking' })).toBeChecked();
    expect(screen.getByRole('group', { name: 'Data is messy' })).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: 'Data is messy' })).getByRole('radio', { name: 'Reword' }));
    const wording = screen.getByLabelText('New wording');
    expect(wording).toHaveValue('Data is messy');
    await user.clear(wording);
    await user.type(wording, 'Source data has duplicate claims');
    await user.click(within(screen.getByRole('group', { name: 'No security sign-off' })).getByRole('radio', { name: 'Resolved' }));

    await user.click(screen.getByRole('button', { name: '+ Add a blocker' }));
    await user.type(screen.getByLabelText('New blocker 1'), 'Budget frozen until Q1');
    await user.selectOptions(screen.getByLabelText('Category', { selector: '[id^="new-blocker-"]' }), 'budget');

    await user.type(screen.getByLabelText('Handling time (min)'), '21.5');
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Post update' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1'));
    const [post] = api.find('POST', '/api/pilots/p1/updates');
    const body = post.body as CreateWeeklyUpdateRequest;
    expect(body.blockers).toEqual([
      { blockerId: 'b1' },
      { blockerId: 'b2', text: 'Source data has duplicate claims' },
      { text: 'Budget frozen until Q1', category: 'budget' },
    ]);
    // The author is whoever is signed in: the server takes it from the session.
    expect(body).not.toHaveProperty('authorId');
    expect(body).toMatchObject({
      health: 'at_risk',
      summary: 'Integration still slow.',
      confidence: 3,
      activeUsers: 40,
      activeUsersOutsideTeam: 12,
      scaleQuestionAsked: true,
      resourcesRedirected: false,
      kpiReadings: [{ kpiId: 'k1', value: 21.5 }],
    });
    expect(body.week).toMatch(/^\d{4}-W\d{2}$/);
    // Resolved by the same request, in the update's transaction: no second call that could fail alone.
    expect(body.resolvedBlockers).toEqual([{ blockerId: 'b3' }]);
    expect(body.pivotSuggested).toBe(false);
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/pilots/p1/updates']);
  }, LONG_FORM_TEST);

  describe('a new blocker that resembles an open one', () => {
    async function typeNewBlocker(user: UserEvent, text: string) {
      await user.click(screen.getByRole('button', { name: '+ Add a blocker' }));
      await user.type(screen.getByLabelText('New blocker 1'), text);
    }

    it('asks "Same as ...?" and, on yes, posts the open blocker\'s id with the words typed', async () => {
      const api = mockPilotApi();
      const user = await renderForm();
      await typeNewBlocker(user, 'Still no API keys from IT');
      const prompt = await screen.findByRole('group', { name: 'Same as ‘Waiting for API access’?' }, { timeout: LOOKUP_WAIT });
      // Typing is debounced: not one look-up per key, and the last one is for the whole text.
      const lookups = api.find('GET', '/api/pilots/p1/blocker-matches');
      expect(lookups.length).toBeLessThan('Still no API keys from IT'.length);
      expect(lookups.at(-1)!.query.get('text')).toBe('Still no API keys from IT');

      await fillValidForm(user);
      await user.click(screen.getByRole('button', { name: 'Post update' }));
      expect(prompt).toHaveAccessibleDescription(expect.stringContaining('Say whether this is one of the open blockers'));
      expect(api.find('POST', '/api/pilots/p1/updates')).toEqual([]);

      await user.click(within(prompt).getByRole('radio', { name: 'Yes, the same blocker' }));
      await user.click(screen.getByRole('button', { name: 'Post update' }));
      await waitFor(() => expect(api.find('POST', '/api/pilots/p1/updates')).toHaveLength(1));
      const body = api.find('POST', '/api/pilots/p1/updates')[0].body as CreateWeeklyUpdateRequest;
      expect(body.blockers).toEqual([{ blockerId: 'b1' }, { blockerId: 'b2' }, { blockerId: 'b3' }, { blockerId: 'b1', text: 'Still no API keys from IT' }]);
    }, LONG_FORM_TEST);

    it('on no, posts a new blocker that the server never links', async () => {
      const api = mockPilotApi();
      const user = await renderForm();
      await typeNewBlocker(user, 'API pricing not agreed with the vendor');
      await user.selectOptions(screen.getByLabelText('Category', { selector: '[id^="new-blocker-"]' }), 'budget');
      const prompt = await screen.findByRole('group', { name: 'Same as ‘Waiting for API access’?' }, { timeout: LOOKUP_WAIT });
      await user.click(within(prompt).getByRole('radio', { name: 'No, a new blocker' }));
      await fillValidForm(user);
      await user.click(screen.getByRole('button', { name: 'Post update' }));
      await waitFor(() => expect(api.find('POST', '/api/pilots/p1/updates')).toHaveLength(1));
      const body = api.find('POST', '/api/pilots/p1/updates')[0].body as CreateWeeklyUpdateRequest;
      expect(body.blockers!.at(-1)).toEqual({ text: 'API pricing not agreed with the vendor', category: 'budget', isNew: true });
    }, LONG_FORM_TEST);

    it('drops the question once the text resembles no open blocker', async () => {
      mockPilotApi();
      const user = await renderForm();
      await typeNewBlocker(user, 'API rate limits');
      expect(await screen.findByRole('group', { name: /^Same as/ }, { timeout: LOOKUP_WAIT })).toBeInTheDocument();
      await user.clear(screen.getByLabelText('New blocker 1'));
      await user.type(screen.getByLabelText('New blocker 1'), 'Budget frozen until Q1');
      await waitFor(() => expect(screen.queryByRole('group', { name: /^Same as/ })).not.toBeInTheDocument(), { timeout: LOOKUP_WAIT });
    }, LONG_FORM_TEST);
  });

  it('shows server field errors next to the matching fields', async () => {
    mockPilotApi(
      reply(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request',
        fieldErrors: [
          { field: 'week', messages: ['week must not be in the future'] },
          { field: 'confidence', messages: ['confidence must not be greater than 5'] },
          { field: 'blockers.1.text', messages: ['blockers.1.text must be shorter than or equal to 500 characters'] },
        ],
      }),
    );
    const user = await renderForm();
    // blockers.0 is the carried-forward b1; blockers.1 is the reworded b2 (b3 resolved, left out).
    await user.click(within(screen.getByRole('group', { name: 'No security sign-off' })).getByRole('radio', { name: 'Resolved' }));
    await user.click(within(screen.getByRole('group', { name: 'Data is messy' })).getByRole('radio', { name: 'Reword' }));
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Post update' }));

    expect(await screen.findByText('week must not be in the future')).toBeInTheDocument();
    expect(screen.getByLabelText('Week reported on')).toHaveAccessibleDescription(expect.stringContaining('week must not be in the future'));
    expect(screen.getByLabelText('Confidence')).toHaveAccessibleDescription(expect.stringContaining('must not be greater than 5'));
    expect(screen.getByLabelText('New wording')).toHaveAccessibleDescription(expect.stringContaining('shorter than or equal to 500'));
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/p1/updates/new');
    expect(screen.getByRole('button', { name: 'Post update' })).toBeEnabled();
  }, LONG_FORM_TEST);

  it('shows errors without field names (e.g. a duplicate week) at the top of the form', async () => {
    mockPilotApi(reply(409, { statusCode: 409, error: 'Conflict', message: 'This pilot already has an update for 2026-W40; edit that one instead' }));
    const user = await renderForm();
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Post update' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already has an update');
  });

  it('hands the stuck signs the update raised to the pilot page', async () => {
    const flag = makeFlag({ kind: 'repeated_blocker', summary: "'Waiting for API access' reported in 3 consecutive updates." });
    mockPilotApi(makeUpdate({ pilotId: 'p1', analysis: { newFlags: [flag], openFlags: [flag] } }));
    const user = await renderForm();
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Post update' }));
    expect(await screen.findByText('Pilot page')).toBeInTheDocument();
    const state = JSON.parse(screen.getByTestId('location-state').textContent!);
    expect(state.newFlags).toEqual([{ kind: 'repeated_blocker', summary: flag.summary }]);
  });

  it.each([
    ['a viewer', makeSession('viewer', 'v1')],
    ['another pilot\'s lead', makeSession('pilot_lead', 'lead-2')],
    ['the sponsor', makeSession('executive', 'sponsor-1')],
  ])('does not offer the form to %s', async (_who, session) => {
    mockPilotApi();
    renderRoute(<NewUpdatePage />, { path: '/pilots/:id/updates/new', url: '/pilots/p1/updates/new', session });
    expect(await screen.findByText('You can’t post updates for this pilot')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Weekly update' })).not.toBeInTheDocument();
  });

  it('lets the program office post on the lead\'s behalf, without choosing an author', async () => {
    mockPilotApi();
    await renderForm(makeSession('program_office', 'po-1'));
    expect(screen.queryByLabelText('Posted by')).not.toBeInTheDocument();
  });
});
