import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Kpi } from '@liftoff/shared';
import { makeKpi, makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { KpiDialog } from './KpiDialog';

function open(routes: Parameters<typeof mockApi>[0], kpi?: Kpi) {
  const api = mockApi(routes);
  const onClose = vi.fn();
  const onSaved = vi.fn();
  renderRoute(<KpiDialog pilotId="pilot-1" kpi={kpi} onClose={onClose} onSaved={onSaved} onReload={vi.fn()} />, { path: '/', url: '/', session: makeSession('pilot_lead', 'lead-1') });
  return { api, onClose, onSaved, user: userEvent.setup() };
}

describe('KPI dialog', () => {
  it('adds a KPI with direction, baseline, target and bounds', async () => {
    const saved = makeKpi({ id: 'kpi-9', name: 'First-contact resolution' });
    const { api, user, onSaved } = open({ 'POST /api/pilots/pilot-1/kpis': saved });
    await user.type(screen.getByLabelText('Name'), 'First-contact resolution');
    await user.type(screen.getByLabelText('Unit'), '%');
    await user.click(screen.getByRole('radio', { name: 'Higher is better' }));
    await user.type(screen.getByLabelText('Baseline'), '55');
    await user.type(screen.getByLabelText('Target'), '70');
    await user.type(screen.getByLabelText('Lowest possible reading (optional)'), '0');
    await user.type(screen.getByLabelText('Highest possible reading (optional)'), '100');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.find('POST', '/api/pilots/pilot-1/kpis')[0].body).toEqual({
      name: 'First-contact resolution', unit: '%', direction: 'higher_is_better', baseline: 55, target: 70, minValue: 0, maxValue: 100,
    });
  });

  it('shows a target on the wrong side of the baseline before anything is sent', async () => {
    const { api, user } = open({});
    await user.type(screen.getByLabelText('Name'), 'Handling time');
    await user.type(screen.getByLabelText('Unit'), 'min');
    await user.click(screen.getByRole('radio', { name: 'Lower is better' }));
    await user.type(screen.getByLabelText('Baseline'), '12');
    await user.type(screen.getByLabelText('Target'), '15');
    expect(screen.getByLabelText('Target')).toHaveAccessibleDescription(expect.stringContaining('target must be below the baseline (12) when lower is better'));
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    expect(api.requests).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Higher is better' }));
    expect(screen.getByLabelText('Target')).not.toHaveAttribute('aria-invalid');
  });

  it('shows bounds problems as they are typed: min above max, a baseline below the minimum', async () => {
    const { api, user } = open({});
    await user.type(screen.getByLabelText('Lowest possible reading (optional)'), '10');
    await user.type(screen.getByLabelText('Highest possible reading (optional)'), '5');
    expect(screen.getByLabelText('Highest possible reading (optional)')).toHaveAccessibleDescription(expect.stringContaining('maxValue must not be below minValue (10)'));
    await user.clear(screen.getByLabelText('Highest possible reading (optional)'));
    await user.type(screen.getByLabelText('Baseline'), '-3');
    expect(screen.getByLabelText('Baseline')).toHaveAccessibleDescription(expect.stringContaining('baseline must be at least 10'));
    expect(api.requests).toHaveLength(0);
  });

  it("edits only what changed and places the API's field errors", async () => {
    const kpi = makeKpi({ version: 2 });
    const { api, user } = open(
      {
        'PATCH /api/kpis/kpi-1': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'unit', messages: ['unit must be shorter than or equal to 40 characters'] }] }),
      },
      kpi,
    );
    await user.clear(screen.getByLabelText('Unit'));
    await user.type(screen.getByLabelText('Unit'), 'minutes');
    await user.click(screen.getByRole('button', { name: 'Save KPI' }));
    expect(await screen.findByText('unit must be shorter than or equal to 40 characters')).toBeInTheDocument();
    expect(api.find('PATCH', '/api/kpis/kpi-1')[0].body).toEqual({ version: 2, unit: 'minutes' });
  });
});
