import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import type { DigestPreview, DigestSettings } from '@liftoff/shared';
import { mockApi, reply } from '../test/mock-api';
import { DigestSettingsSection } from './DigestSettingsSection';

const stored: DigestSettings = { enabled: true, weekday: 1, hour: 8, version: 3, updatedAt: '2026-12-01T10:00:00.000Z' };

const pilot = (id: string, name: string) => ({ id, name, stage: 'piloting' as const, businessUnitId: 'u1' });
const preview: DigestPreview = {
  timeZone: 'Europe/Berlin',
  digest: {
    recipient: { id: 'me', name: 'Mira Office' },
    from: '2026-11-30',
    to: '2026-12-06',
    activePilots: 42,
    updatesPosted: 37,
    newlyStuck: [{ pilot: pilot('p1', 'Claims triage'), health: 'at_risk', stuckSigns: ['The same blocker for three weeks'], recommendedAction: 'keep_piloting', url: 'https://x/pilots/p1', own: true }],
    unstuck: [],
    enteredScaleQueue: [{ pilot: pilot('p2', 'Invoice matching'), health: 'on_track', stuckSigns: [], recommendedAction: 'scale', url: 'https://x/pilots/p2', own: false }],
    decisions: [],
    reviewsOverdue: [],
    silent: [],
    dashboardUrl: 'https://x/',
  },
};

function renderSection() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <DigestSettingsSection />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('digest settings section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the stored weekday and hour and saves a change with the version read', async () => {
    const api = mockApi({
      'GET /api/settings/digest': stored,
      'PATCH /api/settings/digest': (request: { body: unknown }) => ({ ...stored, ...(request.body as object), version: 4 }),
    });
    renderSection();
    const weekday = await screen.findByLabelText('Weekday');
    expect(weekday).toHaveValue('1');
    expect(screen.getByLabelText(/^Hour/)).toHaveValue('8');
    expect(screen.getByLabelText('Send the weekly digest')).toBeChecked();
    await userEvent.selectOptions(weekday, 'Friday');
    await userEvent.selectOptions(screen.getByLabelText(/^Hour/), '16:00');
    await userEvent.click(screen.getByLabelText('Send the weekly digest'));
    await userEvent.click(screen.getByRole('button', { name: 'Save digest settings' }));
    await waitFor(() => expect(api.find('PATCH', '/api/settings/digest')).toHaveLength(1));
    expect(api.find('PATCH', '/api/settings/digest')[0].body).toEqual({ version: 3, enabled: false, weekday: 5, hour: 16 });
    expect(await screen.findByLabelText('Weekday')).toHaveValue('5');
  });

  it('says so when someone else saved meanwhile and offers their values', async () => {
    mockApi({
      'GET /api/settings/digest': stored,
      'PATCH /api/settings/digest': reply(409, { statusCode: 409, error: 'Conflict', message: 'Digest settings 1 was changed by someone else' }),
    });
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Save digest settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed these settings meanwhile');
    expect(screen.getByRole('button', { name: 'Load their values' })).toBeVisible();
  });

  it('previews the digest readably: period, counts, sections, own pilots marked, links to the pilots', async () => {
    const api = mockApi({ 'GET /api/settings/digest': stored, 'GET /api/digest/preview': preview });
    renderSection();
    expect(api.find('GET', '/api/digest/preview')).toHaveLength(0);
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the digest' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your digest, if it went out now' });
    expect(await within(dialog).findByText(/30 Nov 2026 to 6 Dec 2026 \(Europe\/Berlin\): 42 pilots underway, 37 weekly updates posted/)).toBeVisible();
    const stuck = within(dialog).getByRole('region', { name: 'Newly stuck (1)' });
    expect(within(stuck).getByRole('link', { name: 'Claims triage' })).toHaveAttribute('href', '/pilots/p1');
    expect(within(stuck).getByText('Yours')).toBeVisible();
    expect(within(stuck).getByText(/The same blocker for three weeks/)).toBeVisible();
    const queue = within(dialog).getByRole('region', { name: 'Joined the scale queue (1)' });
    expect(within(queue).queryByText('Yours')).toBeNull();
    expect(within(dialog).getByText('Every pilot is reporting.')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
