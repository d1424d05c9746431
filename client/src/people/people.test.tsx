import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IssuedAccountLink } from '@liftoff/shared';
import { makePerson, makeSession, pageOf } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import PeoplePage from './PeoplePage';
import { actionsFor } from './PersonRow';

const link = (overrides: Partial<IssuedAccountLink> = {}): IssuedAccountLink => ({
  id: 'l1',
  kind: 'invite',
  personId: 'new-1',
  expiresAt: '2026-12-08T12:00:00Z',
  token: 'secret-token-abc',
  path: '/welcome#token=secret-token-abc',
  mailed: false,
  ...overrides,
});

const lead = makePerson({ id: 'lead-1', name: 'Ada Lead', hasPassword: true });
const invited = makePerson({ id: 'inv-1', name: 'Ivy Invited', email: 'ivy@example.com', hasPassword: false, pendingLink: { kind: 'invite', expiresAt: '2026-12-05T00:00:00Z' } });
const office = makePerson({ id: 'me', name: 'Priya Office', role: 'program_office' });

function renderPeople(routes: Record<string, unknown> = {}) {
  const api = mockApi({
    'GET /api/people': pageOf([lead, invited, office]),
    'GET /api/business-units': [{ id: 'unit-1', name: 'Operations', version: 1 }],
    ...routes,
  });
  renderRoute(<PeoplePage />, { path: '/people', url: '/people', session: makeSession('program_office', 'me', 'Priya Office') });
  return api;
}

describe('people page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists active people with their sign-in state, asking the API for active people only', async () => {
    const api = renderPeople();
    const table = await screen.findByRole('table', { name: 'People' });
    expect(within(table).getByText('Ada Lead').closest('tr')).toHaveTextContent('Can sign in');
    expect(within(table).getByText('Ada Lead').closest('tr')).toHaveTextContent('Operations');
    expect(within(table).getByText('Ivy Invited').closest('tr')).toHaveTextContent('Invited, link valid until 5 Dec 2026');
    expect(api.find('GET', '/api/people')[0].query.get('active')).toBe('true');
  });

  it('invites a person and shows the link once, with a copy button', async () => {
    const api = renderPeople({ 'POST /api/people/invite': { person: makePerson({ id: 'new-1', name: 'Nia New' }), link: link() } });
    await userEvent.click(await screen.findByRole('button', { name: 'Invite a person' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite a person' });
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Nia New');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'nia@example.com');
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'executive');
    await userEvent.selectOptions(within(dialog).getByLabelText('Business unit'), 'unit-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    const shown = await screen.findByRole('dialog', { name: 'Invite link for Nia New' });
    expect(within(shown).getByDisplayValue(`${window.location.origin}/welcome#token=secret-token-abc`)).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(api.find('POST', '/api/people/invite')[0].body).toEqual({ name: 'Nia New', email: 'nia@example.com', role: 'executive', businessUnitId: 'unit-1', timeZone: 'UTC' });
    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue(/secret-token-abc/)).toBeNull();
  });

  it('says when the invite went out by email, keeping the link one click away', async () => {
    renderPeople({ 'POST /api/people/invite': { person: makePerson({ id: 'new-1', name: 'Nia New' }), link: link({ mailed: true }) } });
    await userEvent.click(await screen.findByRole('button', { name: 'Invite a person' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite a person' });
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Nia New');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'nia@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    const shown = await screen.findByRole('dialog', { name: 'Invite link for Nia New' });
    expect(within(shown).getByText('Sent by email')).toBeInTheDocument();
    expect(within(shown).getByDisplayValue(/secret-token-abc/)).not.toBeVisible();
    await userEvent.click(within(shown).getByText('Show the link, to pass it on yourself'));
    expect(within(shown).getByDisplayValue(/secret-token-abc/)).toBeVisible();
  });

  it('shows the server field error in the invite form', async () => {
    renderPeople({ 'POST /api/people/invite': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'email', messages: ['That domain does not take mail'] }] }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Invite a person' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Nia New');
    await userEvent.type(screen.getByLabelText('Email'), 'nia@example.invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('That domain does not take mail')).toBeInTheDocument();
  });

  it('says in plain words what an empty or malformed invite lacks, without asking the server', async () => {
    const api = renderPeople({});
    await userEvent.click(await screen.findByRole('button', { name: 'Invite a person' }));
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('Enter the person’s name.')).toBeInTheDocument();
    expect(screen.getByText('Enter their email address: invite and reset links are sent there.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Email'), 'nia at example');
    expect(screen.queryByText('Enter their email address: invite and reset links are sent there.')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('issues a reset link for someone who signs in, resends and withdraws an invite', async () => {
    const api = renderPeople({
      'POST /api/people/lead-1/password-reset': link({ kind: 'reset', personId: 'lead-1', token: 'reset-token', path: '/welcome#token=reset-token' }),
      'POST /api/people/inv-1/invite': link({ personId: 'inv-1', token: 'again', path: '/welcome#token=again' }),
      'DELETE /api/people/inv-1/links': { ...invited, pendingLink: null },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Reset-password link: Ada Lead' }));
    expect(await screen.findByRole('dialog', { name: 'Password-reset link for Ada Lead' })).toBeInTheDocument();
    expect(screen.getByDisplayValue(/#token=reset-token$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send invite link: Ivy Invited' }));
    expect(await screen.findByDisplayValue(/#token=again$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw link: Ivy Invited' }));
    await waitFor(() => expect(api.find('DELETE', '/api/people/inv-1/links')).toHaveLength(1));
  });

  it('deactivates only after a confirmation that names the effect', async () => {
    const api = renderPeople({ 'POST /api/people/lead-1/deactivate': { ...lead, active: false, deactivatedAt: '2026-12-01T10:00:00Z' } });
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate: Ada Lead' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Ada Lead?' });
    expect(dialog).toHaveTextContent(/signed out everywhere at once/);
    expect(api.find('POST', '/api/people/lead-1/deactivate')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(api.find('POST', '/api/people/lead-1/deactivate')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('edits a person\'s time zone', async () => {
    const api = renderPeople({ 'PATCH /api/people/lead-1': { ...lead, timeZone: 'Asia/Tokyo', version: 2 } });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit: Ada Lead' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Ada Lead' });
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue('UTC');
    await userEvent.selectOptions(within(dialog).getByLabelText('Time zone'), 'Asia/Tokyo');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.find('PATCH', '/api/people/lead-1')).toHaveLength(1));
    expect(api.find('PATCH', '/api/people/lead-1')[0].body).toMatchObject({ timeZone: 'Asia/Tokyo', version: 1 });
  });

  it('edits role and unit with the version read', async () => {
    const api = renderPeople({ 'PATCH /api/people/lead-1': { ...lead, role: 'executive', version: 2 } });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit: Ada Lead' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Ada Lead' });
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'executive');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.find('PATCH', '/api/people/lead-1')).toHaveLength(1));
    expect(api.find('PATCH', '/api/people/lead-1')[0].body).toMatchObject({ role: 'executive', version: 1, businessUnitId: 'unit-1' });
  });

  it('offers each person only the actions that apply, and never deactivating oneself', () => {
    expect(actionsFor(lead, false)).toEqual(['edit', 'reset', 'deactivate']);
    expect(actionsFor(invited, false)).toEqual(['edit', 'resend', 'withdraw', 'deactivate']);
    expect(actionsFor(office, true)).toEqual(['edit', 'reset']);
    expect(actionsFor({ ...lead, active: false, deactivatedAt: '2026-12-01T10:00:00Z' }, false)).toEqual(['edit', 'reactivate']);
  });
});
