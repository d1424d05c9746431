import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PortfolioBlocker } from '@liftoff/shared';
import { makeBlocker, pageOf } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import BlockersPage from './BlockersPage';

const blockers: PortfolioBlocker[] = [
  {
    ...makeBlocker({ id: 'b1', pilotId: 'p1', text: 'Single sign-on not enabled for contractors', category: 'integration', firstSeenWeek: '2026-W38', lastSeenWeek: '2026-W40', mentionCount: 3 }),
    pilotName: 'HR helpdesk chatbot',
    businessUnitId: 'u1',
    businessUnitName: 'People',
  },
  {
    ...makeBlocker({ id: 'b2', pilotId: 'p2', text: 'No budget for licences', category: 'budget', status: 'resolved', firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W31', mentionCount: 2, resolvedAt: '2026-08-03T09:00:00.000Z' }),
    pilotName: 'Invoice extraction',
    businessUnitId: 'u2',
    businessUnitName: 'Finance',
  },
];

const units = [
  { id: 'u1', name: 'People', version: 1 },
  { id: 'u2', name: 'Finance', version: 1 },
];

const routes = (items = blockers) => ({ 'GET /api/blockers': pageOf(items, 60), 'GET /api/business-units': units });
const lastQuery = (api: ReturnType<typeof mockApi>) => Object.fromEntries(api.find('GET', '/api/blockers').at(-1)!.query);

describe('blockers list', () => {
  it('shows each blocker with its pilot, unit, weeks and status, and asks for open ones by default', async () => {
    const api = mockApi(routes());
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers' });
    const row = (await screen.findByRole('row', { name: /Single sign-on not enabled for contractors/ })) as HTMLElement;
    expect(within(row).getByRole('link', { name: 'HR helpdesk chatbot' })).toHaveAttribute('href', '/pilots/p1');
    expect(row).toHaveTextContent('Integration');
    expect(row).toHaveTextContent('People');
    expect(row).toHaveTextContent('2026-W38');
    expect(row).toHaveTextContent('2026-W40');
    expect(row).toHaveTextContent('Open');
    const resolved = screen.getByRole('row', { name: /No budget for licences/ });
    expect(resolved).toHaveTextContent('Budget');
    expect(resolved).toHaveTextContent('Resolved');
    // Weeks open are counted for open blockers only.
    expect(within(resolved).getByText('—')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(/1–25 of 60 blockers.*Page 1 of 3/);
    expect(lastQuery(api)).toEqual({ status: 'open', page: '1', pageSize: '25' });
    expect(screen.getByLabelText('Status')).toHaveValue('open');
    expect(document.title).toBe('Blockers · Liftoff');
  });

  it('sends the category, status and unit from a link to the server', async () => {
    const api = mockApi(routes());
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?category=integration&status=all&businessUnitId=u1&page=2' });
    await screen.findByRole('row', { name: /Single sign-on/ });
    expect(lastQuery(api)).toEqual({ category: 'integration', businessUnitId: 'u1', page: '2', pageSize: '25' });
    expect(screen.getByLabelText('Category')).toHaveValue('integration');
    expect(screen.getByLabelText('Status')).toHaveValue('all');
    expect(await screen.findByRole('option', { name: 'People' })).toBeInTheDocument();
    expect(screen.getByLabelText('Business unit')).toHaveValue('u1');
  });

  it('drops values the server would refuse from a hand-edited link', async () => {
    const api = mockApi(routes());
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?category=weather&status=stuck' });
    await screen.findByRole('row', { name: /Single sign-on/ });
    expect(lastQuery(api)).toEqual({ status: 'open', page: '1', pageSize: '25' });
  });

  it('writes the filters to the URL, back to page 1, and asks the server again', async () => {
    const api = mockApi(routes());
    const user = userEvent.setup();
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?page=3' });
    await screen.findByRole('row', { name: /Single sign-on/ });

    await user.selectOptions(screen.getByLabelText('Category'), 'security_compliance');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/blockers?category=security_compliance'));
    await user.selectOptions(screen.getByLabelText('Status'), 'Resolved');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/blockers?category=security_compliance&status=resolved'));
    await screen.findByRole('option', { name: 'Finance' });
    await user.selectOptions(screen.getByLabelText('Business unit'), 'Finance');
    await waitFor(() => expect(lastQuery(api)).toEqual({ category: 'security_compliance', status: 'resolved', businessUnitId: 'u2', page: '1', pageSize: '25' }));

    // Open is the default, so choosing it again takes the status out of the URL.
    await user.selectOptions(screen.getByLabelText('Status'), 'Open');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/blockers?category=security_compliance&businessUnitId=u2'));
    await user.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/blockers$/));
    expect(screen.queryByRole('link', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('pages through the list', async () => {
    const api = mockApi(routes());
    const user = userEvent.setup();
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?category=integration' });
    await screen.findByRole('row', { name: /Single sign-on/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/blockers?category=integration&page=2'));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ category: 'integration', page: '2' }));
  });

  it('says so when there are no open blockers, or none match the filters', async () => {
    mockApi(routes([]));
    const first = renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers' });
    expect(await screen.findByText('No open blockers')).toBeInTheDocument();
    first.unmount();
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?category=budget' });
    expect(await screen.findByText('No blockers match these filters')).toBeInTheDocument();
  });

  it('explains a failed request and offers to try again', async () => {
    mockApi({ 'GET /api/blockers': reply(500, { statusCode: 500, error: 'Internal Server Error', message: 'Database unavailable' }), 'GET /api/business-units': units });
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the blockers');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
