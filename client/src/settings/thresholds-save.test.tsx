import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_THRESHOLDS, type AnalysisSettings, type SavedAnalysisSettings } from '@liftoff/shared';
import { makeSession } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import SettingsPage from './SettingsPage';

const stored: AnalysisSettings = { thresholds: { ...DEFAULT_THRESHOLDS }, version: 3, updatedAt: '2026-12-01T10:00:00.000Z' };

describe('saving the thresholds', () => {
  it('sends only what changed with the version read, then says what re-assessing every pilot found', async () => {
    const saved: SavedAnalysisSettings = {
      thresholds: { ...DEFAULT_THRESHOLDS, silentDays: 7 },
      version: 4,
      updatedAt: '2026-12-06T10:00:00.000Z',
      reassessed: {
        stuckSignsOpened: 2,
        stuckSignsResolved: 0,
        newlyStuckCount: 2,
        newlyStuck: [{ pilot: { id: 'p1', name: 'Claims triage', stage: 'piloting', businessUnitId: 'u1' }, stuckSigns: ['No update for 9 days'], url: 'https://x/pilots/p1' }],
        recommendationsChanged: 0,
        recommendationsNow: { scale: 0, pivot: 0, kill: 0, keep_piloting: 0 },
        stuckUrl: 'https://x/stuck',
      },
    };
    let current: AnalysisSettings = stored;
    const api = mockApi({
      'GET /api/settings': () => current,
      'PATCH /api/settings': () => {
        current = saved;
        return saved;
      },
    });
    renderRoute(<SettingsPage />, { path: '/settings', url: '/settings', session: makeSession('program_office') });
    expect(await screen.findByText(/Saving re-assesses every pilot with the new values at once\./)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    const silent = screen.getByLabelText('Silent: days without an update');
    await user.clear(silent);
    await user.type(silent, '7');
    await user.click(screen.getByRole('button', { name: 'Save thresholds' }));

    const found = within(await screen.findByRole('region', { name: 'What re-assessing every pilot found' }));
    expect(api.find('PATCH', '/api/settings')[0].body).toEqual({ thresholds: { silentDays: 7 }, version: 3 });
    expect(found.getByText(/2 stuck signs appeared on 2 pilots; 0 cleared\./)).toBeInTheDocument();
    expect(found.getByRole('link', { name: 'Claims triage' })).toHaveAttribute('href', '/pilots/p1');
    expect(found.getByText(/1 more pilot with new signs/)).toBeInTheDocument();
  });
});
