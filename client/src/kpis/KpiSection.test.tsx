import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeKpi, makePilot, makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { KpiSection } from './KpiSection';

const pilot = makePilot();

describe('KPI definitions on the pilot page', () => {
  it("lets the pilot's lead manage its KPIs, and shows others the definitions only", async () => {
    mockApi({ 'GET /api/pilots/pilot-1/kpis': [makeKpi({ minValue: 0, maxValue: null })] });
    const { unmount } = renderRoute(<KpiSection pilot={pilot} />, { path: '/', url: '/', session: makeSession('pilot_lead', 'lead-1') });
    expect(await screen.findByText(/min · lower is better · baseline 30 · target 15 · readings 0 to ∞/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add KPI' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Handling time' })).toBeInTheDocument();
    unmount();
    renderRoute(<KpiSection pilot={pilot} />, { path: '/', url: '/', session: makeSession('pilot_lead', 'another-lead') });
    await screen.findByText('Handling time');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a stale KPI edit names who changed it; Reload starts the form over from the stored KPI', async () => {
    let reads = 0;
    mockApi({
      'GET /api/pilots/pilot-1/kpis': () => [++reads === 1 ? makeKpi() : makeKpi({ version: 2, target: 12 })],
      'PATCH /api/kpis/kpi-1': reply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'KPI kpi-1 was changed by someone else',
        staleEdit: { currentVersion: 2, changedBy: { id: 'lead-2', name: 'Bo Lead' }, changedAt: '2026-11-29T08:00:00.000Z' },
      }),
    });
    renderRoute(<KpiSection pilot={pilot} />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Handling time' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Handling time' });
    await user.clear(within(dialog).getByLabelText('Target'));
    await user.type(within(dialog).getByLabelText('Target'), '10');
    await user.click(within(dialog).getByRole('button', { name: 'Save KPI' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Bo Lead changed it at 29 Nov 2026');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByDisplayValue('12')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
