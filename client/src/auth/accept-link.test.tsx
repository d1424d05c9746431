import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AccountLinkInspection } from '@liftoff/shared';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import AcceptLinkPage from './AcceptLinkPage';

const inspection = (overrides: Partial<AccountLinkInspection> = {}): AccountLinkInspection => ({
  kind: 'invite',
  name: 'Leo Lead',
  email: 'leo@example.com',
  expiresAt: '2026-12-08T12:00:00Z',
  status: 'valid',
  ...overrides,
});
const user = { id: 'u1', name: 'Leo Lead', email: 'leo@example.com', role: 'pilot_lead', businessUnitId: null };

describe('accept an invite or reset link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the token from the fragment, sends it in the body, sets the password and lands on the home page', async () => {
    const api = mockApi({ 'POST /api/auth/links/inspect': inspection(), 'POST /api/auth/links/accept': user });
    renderRoute(<AcceptLinkPage />, { path: '/welcome', url: '/welcome#token=abc123', session: null });
    expect(await screen.findByText(/Welcome, Leo Lead \(leo@example.com\)/)).toBeInTheDocument();
    expect(api.find('POST', '/api/auth/links/inspect')[0].body).toEqual({ token: 'abc123' });
    await userEvent.type(screen.getByLabelText('New password'), 'a long new passphrase');
    await userEvent.type(screen.getByLabelText('New password again'), 'a long new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/pilots?leadId=u1'));
    expect(api.find('POST', '/api/auth/links/accept')[0].body).toEqual({ token: 'abc123', password: 'a long new passphrase' });
  });

  it('shows the password rule the server refused', async () => {
    mockApi({
      'POST /api/auth/links/inspect': inspection({ kind: 'reset' }),
      'POST /api/auth/links/accept': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'password', messages: ['password must be at least 12 characters long'] }] }),
    });
    renderRoute(<AcceptLinkPage />, { path: '/welcome', url: '/welcome#token=abc123', session: null });
    await userEvent.type(await screen.findByLabelText('New password'), 'short');
    await userEvent.type(screen.getByLabelText('New password again'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('password must be at least 12 characters long')).toBeInTheDocument();
  });

  it.each([
    ['expired', /has expired/],
    ['used', /already been used/],
    ['revoked', /was withdrawn/],
  ] as const)('explains a %s link and offers no form', async (status, message) => {
    mockApi({ 'POST /api/auth/links/inspect': inspection({ status }) });
    renderRoute(<AcceptLinkPage />, { path: '/welcome', url: '/welcome#token=abc123', session: null });
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  it('says so when the address has no token', async () => {
    const api = mockApi({});
    renderRoute(<AcceptLinkPage />, { path: '/welcome', url: '/welcome', session: null });
    expect(screen.getByRole('alert')).toHaveTextContent(/no link token/);
    expect(api.requests).toHaveLength(0);
  });
});
