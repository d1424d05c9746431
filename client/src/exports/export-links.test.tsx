import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import BlockersPage from '../blockers/BlockersPage';
import DecisionsPage from '../decisions/DecisionsPage';
import PilotsPage from '../pilots/PilotsPage';
import StuckPage from '../stuck/StuckPage';
import { makeSession, pageOf } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { exportHref } from './export-links';

/** The export links of a page, by format: the address each one downloads. */
async function exportLinks(label: string): Promise<{ csv: URL; xlsx: URL }> {
  const group = await screen.findByRole('group', { name: label });
  const href = (name: string) => new URL(within(group).getByRole('link', { name }).getAttribute('href')!, 'http://liftoff.test');
  return { csv: href('Export CSV'), xlsx: href('Export XLSX') };
}

const paramsOf = (url: URL) => Object.fromEntries(url.searchParams);

describe('export links', () => {
  it('carry a list’s filters and sort, never its page, and leave empty filters out', () => {
    expect(exportHref('blockers', 'xlsx', { category: 'integration', status: undefined, businessUnitId: '', page: 3, pageSize: 25 })).toBe(
      '/api/exports/blockers?category=integration&format=xlsx',
    );
    expect(exportHref('pilots', 'csv', { stage: 'piloting', sort: 'lastUpdateAt', order: 'desc' })).toBe('/api/exports/pilots?stage=piloting&sort=lastUpdateAt&order=desc&format=csv');
  });

  it('on the blockers page follow the filters as they change', async () => {
    mockApi({ 'GET /api/blockers': pageOf([], 0), 'GET /api/business-units': [{ id: 'u1', name: 'People', version: 1 }] });
    const user = userEvent.setup();
    renderRoute(<BlockersPage />, { path: '/blockers', url: '/blockers?category=integration&businessUnitId=u1&page=2' });
    const { csv, xlsx } = await exportLinks('Export blockers');
    expect(csv.pathname).toBe('/api/exports/blockers');
    expect(paramsOf(csv)).toEqual({ category: 'integration', status: 'open', businessUnitId: 'u1', format: 'csv' });
    expect(paramsOf(xlsx)).toEqual({ category: 'integration', status: 'open', businessUnitId: 'u1', format: 'xlsx' });

    // "Open and resolved" is no status at all, as the list asks for it.
    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await waitFor(async () => expect(paramsOf((await exportLinks('Export blockers')).csv)).toEqual({ category: 'integration', businessUnitId: 'u1', format: 'csv' }));
  });

  it('on the stuck page ask for the open flags the page shows', async () => {
    mockApi({ 'GET /api/flags/by-pilot': pageOf([], 0), 'GET /api/business-units': [], 'GET /api/people': pageOf([]) });
    renderRoute(<StuckPage />, { path: '/stuck', url: '/stuck?kind=repeated_blocker&pattern=missing_executive_sponsor&page=4' });
    const { csv } = await exportLinks('Export the stuck list');
    expect(csv.pathname).toBe('/api/exports/flags');
    expect(paramsOf(csv)).toEqual({ status: 'open', kind: 'repeated_blocker', pattern: 'missing_executive_sponsor', format: 'csv' });
  });

  it('on the decision log carry its filters', async () => {
    mockApi({ 'GET /api/decisions': pageOf([], 0), 'GET /api/decisions/outcomes': null, 'GET /api/business-units': [], 'GET /api/people': pageOf([]) });
    renderRoute(<DecisionsPage />, { path: '/decisions', url: '/decisions?kind=kill&quarter=2026-Q3' });
    const { xlsx } = await exportLinks('Export the decision log');
    expect(xlsx.pathname).toBe('/api/exports/decisions');
    expect(paramsOf(xlsx)).toMatchObject({ kind: 'kill', quarter: '2026-Q3', format: 'xlsx' });
    expect(xlsx.searchParams.has('page')).toBe(false);
  });

  it('on the pilots list carry filters and sort for the program office, and are not offered to others', async () => {
    mockApi({ 'GET /api/business-units': [], 'GET /api/pilots': pageOf([], 0), 'GET /api/people': pageOf([]) });
    const { unmount } = renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?stage=piloting&sort=lastUpdateAt&order=desc&page=3', session: makeSession('program_office') });
    const { csv } = await exportLinks('Export pilots');
    expect(csv.pathname).toBe('/api/exports/pilots');
    expect(paramsOf(csv)).toEqual({ stage: 'piloting', sort: 'lastUpdateAt', order: 'desc', format: 'csv' });
    unmount();

    renderRoute(<PilotsPage />, { path: '/pilots', url: '/pilots?stage=piloting', session: makeSession('viewer') });
    await screen.findByText(/No pilots match these filters/);
    expect(screen.queryByRole('group', { name: 'Export pilots' })).not.toBeInTheDocument();
  });
});
