import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiTokenView, NotificationSettings, SessionView } from '@liftoff/shared';
import { makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import AccountPage from './AccountPage';

const token = (overrides: Partial<ApiTokenView> = {}): ApiTokenView => ({
  id: 't1',
  name: 'Import script',
  prefix: 'lft_abcdef',
  createdAt: '2026-11-20T10:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});
const session = (overrides: Partial<SessionView> = {}): SessionView => ({
  id: 's1',
  createdAt: '2026-11-30T08:00:00Z',
  lastSeenAt: '2026-12-01T08:00:00Z',
  expiresAt: '2026-12-01T20:00:00Z',
  userAgent: 'Firefox on Linux',
  current: true,
  ...overrides,
});

const notificationSettings = (overrides: Partial<NotificationSettings> = {}): NotificationSettings => ({
  timeZone: 'UTC',
  emailEvents: ['update.reminder', 'portfolio.digest'],
  emailConfigured: true,
  version: 3,
  ...overrides,
});

function renderAccount(routes: Record<string, unknown> = {}) {
  const api = mockApi({ 'GET /api/account/notifications': notificationSettings(), 'GET /api/auth/tokens': [token()], 'GET /api/auth/sessions': [session(), session({ id: 's2', userAgent: 'Safari on iPhone', current: false })], ...routes });
  renderRoute(<AccountPage />, { path: '/account', url: '/account', session: makeSession('pilot_lead', 'me', 'Leo Lead') });
  return api;
}

describe('account page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('changes the password and says what ended with it', async () => {
    const api = renderAccount({ 'POST /api/auth/password': reply(204) });
    await userEvent.type(screen.getByLabelText('Current password'), 'old long passphrase');
    await userEvent.type(screen.getByLabelText('New password'), 'new long passphrase');
    await userEvent.type(screen.getByLabelText('New password again'), 'new long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/other sessions and API tokens have ended/);
    expect(api.find('POST', '/api/auth/password')[0].body).toEqual({ currentPassword: 'old long passphrase', newPassword: 'new long passphrase' });
  });

  it('does not send two different new passwords, and places the server field error under the field', async () => {
    const api = renderAccount({
      'POST /api/auth/password': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'newPassword', messages: ['newPassword is one of the most common passwords; choose another'] }] }),
    });
    await userEvent.type(screen.getByLabelText('Current password'), 'old long passphrase');
    await userEvent.type(screen.getByLabelText('New password'), 'password1234');
    await userEvent.type(screen.getByLabelText('New password again'), 'password12345');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByText('The two new passwords differ')).toBeInTheDocument();
    expect(api.find('POST', '/api/auth/password')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('New password again'), '{Backspace}');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/most common passwords/)).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('creates a token and shows it once, and revokes one', async () => {
    const api = renderAccount({
      'POST /api/auth/tokens': { ...token({ id: 't2', name: 'Nightly sync', prefix: 'lft_zzzzzz' }), token: 'lft_zzzzzz-the-whole-secret' },
      'DELETE /api/auth/tokens/t1': token({ revokedAt: '2026-12-01T09:00:00Z' }),
    });
    await userEvent.type(screen.getByLabelText('Token name'), 'Nightly sync');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByDisplayValue('lft_zzzzzz-the-whole-secret')).toBeInTheDocument();
    expect(screen.getByText(/Shown this once/)).toBeInTheDocument();
    expect(api.find('POST', '/api/auth/tokens')[0].body).toEqual({ name: 'Nightly sync' });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke token Import script' }));
    await waitFor(() => expect(api.find('DELETE', '/api/auth/tokens/t1')).toHaveLength(1));
  });

  it('lists sessions, marks this browser, and ends another one', async () => {
    const api = renderAccount({ 'DELETE /api/auth/sessions/s2': reply(204) });
    const table = await screen.findByRole('table', { name: 'Your active sessions' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Firefox on Linux');
    expect(rows[1]).toHaveTextContent('This browser');
    expect(within(rows[1]).queryByRole('button')).toBeNull();
    await userEvent.click(within(rows[2]).getByRole('button', { name: 'End session' }));
    await waitFor(() => expect(api.find('DELETE', '/api/auth/sessions/s2')).toHaveLength(1));
  });
});

describe('account page: notifications', () => {
  afterEach(() => vi.unstubAllGlobals());

  const section = async () => within(await screen.findByRole('region', { name: 'Notifications' }));

  it('shows a checkbox per event type as saved, and saves the switches and time zone with the version read', async () => {
    const api = renderAccount({
      'PUT /api/account/notifications': (request: { body: unknown }) => ({ ...notificationSettings(), ...(request.body as object), version: 4 }),
    });
    const notifications = await section();
    const reminders = await notifications.findByRole('checkbox', { name: 'Reminders about missing weekly updates' });
    expect(reminders).toBeChecked();
    expect(notifications.getByRole('checkbox', { name: 'The weekly portfolio digest' })).toBeChecked();
    expect(notifications.getByRole('checkbox', { name: 'A decision is recorded on a pilot' })).not.toBeChecked();
    expect(notifications.getByRole('checkbox', { name: 'A spreadsheet import is committed (one summary of the stuck signs it found)' })).not.toBeChecked();
    expect(notifications.getAllByRole('checkbox')).toHaveLength(9);

    await userEvent.click(reminders);
    await userEvent.click(notifications.getByRole('checkbox', { name: 'A decision is recorded on a pilot' }));
    await userEvent.selectOptions(notifications.getByLabelText('Time zone'), 'Europe/Berlin');
    await userEvent.click(notifications.getByRole('button', { name: 'Save notification settings' }));
    expect(await notifications.findByRole('status')).toHaveTextContent('Notification settings saved.');
    expect(api.find('PUT', '/api/account/notifications')[0].body).toEqual({ timeZone: 'Europe/Berlin', emailEvents: ['decision.recorded', 'portfolio.digest'], version: 3 });
    expect(notifications.getByRole('checkbox', { name: 'Reminders about missing weekly updates' })).not.toBeChecked();
    expect(notifications.getByLabelText('Time zone')).toHaveValue('Europe/Berlin');
  });

  it('says when no mail server is set up, and names a refused time zone under its field', async () => {
    renderAccount({
      'GET /api/account/notifications': notificationSettings({ emailConfigured: false }),
      'PUT /api/account/notifications': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'timeZone', messages: ['timeZone must be an IANA time zone like Europe/Berlin'] }] }),
    });
    const notifications = await section();
    expect(await notifications.findByText(/no mail server set up yet/)).toBeInTheDocument();
    await userEvent.click(notifications.getByRole('button', { name: 'Save notification settings' }));
    expect(await notifications.findByText('timeZone must be an IANA time zone like Europe/Berlin')).toBeInTheDocument();
    expect(notifications.getByLabelText('Time zone')).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers to load the current settings when another tab saved first', async () => {
    let version = 3;
    const api = renderAccount({
      'GET /api/account/notifications': () => notificationSettings({ version, emailEvents: version > 3 ? ['portfolio.digest'] : ['update.reminder', 'portfolio.digest'] }),
      'PUT /api/account/notifications': () => {
        version = 5;
        return reply(409, { statusCode: 409, error: 'Conflict', message: 'Your settings were changed elsewhere' });
      },
    });
    const notifications = await section();
    await notifications.findByRole('checkbox', { name: 'Reminders about missing weekly updates' });
    await userEvent.click(notifications.getByRole('button', { name: 'Save notification settings' }));
    await userEvent.click(await notifications.findByRole('button', { name: 'Load the current settings' }));
    await waitFor(() => expect(notifications.getByRole('checkbox', { name: 'Reminders about missing weekly updates' })).not.toBeChecked());
    expect(api.find('GET', '/api/account/notifications').length).toBeGreaterThanOrEqual(2);
  });
});
