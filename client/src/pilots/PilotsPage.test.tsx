import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makePilot } from '../test/fixtures';
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
    expect(api.requests[api.requests.length - 1].query.toString()).toContain('stage=piloting');
    expect(screen.getByLabelText('Stage')).toHaveValue('piloting');
    expect(screen.getByText(/1–25 of 30 pilots/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Pilot/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=name&order=desc'));
    const last = api.find('GET', '/api/pilots').at(-1)!;
    expect(Object.fromEntries(last.query)).toMatchObject({ stage: 'piloting', search: 'claims', sort: 'name', order: 'desc', pageSize: '25' });
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
