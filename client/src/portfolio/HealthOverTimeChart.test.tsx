import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import type { PortfolioFilter } from '@liftoff/shared';
import { HealthWeekLinks } from './HealthOverTimeChart';
import { selectedHealthWeek, type HealthWeekRow } from './overview-data';

const rows: HealthWeekRow[] = [
  { week: '2026-W45', on_track: 38, at_risk: 10, off_track: 4 },
  { week: '2026-W46', on_track: 39, at_risk: 0, off_track: 6 },
  { week: '2026-W47', on_track: 40, at_risk: 12, off_track: 5 },
];

/** The footnote as the chart holds it: the picked week in state, the latest until one is picked. */
function Footnote({ filter }: { filter: PortfolioFilter }) {
  const [picked, setPicked] = useState<string | null>(null);
  return <HealthWeekLinks rows={rows} selected={selectedHealthWeek(rows, picked)!} filter={filter} onSelect={setPicked} />;
}

const renderFootnote = (filter: PortfolioFilter = {}) =>
  render(
    <MemoryRouter>
      <Footnote filter={filter} />
    </MemoryRouter>,
  );

describe('health over time: the week under the chart', () => {
  it('shows the latest week’s counts, each a link to the pilots that reported that health in that week', () => {
    renderFootnote({ businessUnitId: 'u1', stage: 'piloting', sponsorId: 's1' });
    expect(screen.getByRole('combobox', { name: 'Week' })).toHaveValue('2026-W47');
    // The select names the week; its other options are part of the paragraph's text too.
    expect(screen.getByRole('paragraph')).toHaveTextContent(/2026-W45: 40 on track · 12 at risk · 5 off track$/);
    const filters = 'businessUnitId=u1&stage=piloting&sponsorId=s1';
    expect(screen.getByRole('link', { name: '40 on track' })).toHaveAttribute('href', `/pilots?${filters}&health=on_track&healthWeek=2026-W47`);
    expect(screen.getByRole('link', { name: '12 at risk' })).toHaveAttribute('href', `/pilots?${filters}&health=at_risk&healthWeek=2026-W47`);
    expect(screen.getByRole('link', { name: '5 off track' })).toHaveAttribute('href', `/pilots?${filters}&health=off_track&healthWeek=2026-W47`);
  });

  it('lists the weeks latest first, and follows the week picked in the select', async () => {
    const user = userEvent.setup();
    renderFootnote();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['2026-W47', '2026-W46', '2026-W45']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Week' }), '2026-W45');
    expect(screen.getByRole('link', { name: '38 on track' })).toHaveAttribute('href', '/pilots?health=on_track&healthWeek=2026-W45');
    expect(screen.getByRole('link', { name: '10 at risk' })).toHaveAttribute('href', '/pilots?health=at_risk&healthWeek=2026-W45');
    expect(screen.getByRole('link', { name: '4 off track' })).toHaveAttribute('href', '/pilots?health=off_track&healthWeek=2026-W45');
  });

  it('shows a count of zero without a link to an empty list', async () => {
    const user = userEvent.setup();
    renderFootnote();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Week' }), '2026-W46');
    expect(screen.getByRole('combobox', { name: 'Week' })).toHaveValue('2026-W46');
    expect(screen.getByRole('paragraph')).toHaveTextContent(/: 39 on track · 0 at risk · 6 off track$/);
    expect(screen.queryByRole('link', { name: /at risk/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('link')).toHaveLength(2);
  });

  it('tells the chart which week was picked', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <HealthWeekLinks rows={rows} selected={rows[2]} filter={{}} onSelect={onSelect} />
      </MemoryRouter>,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Week' }), '2026-W46');
    expect(onSelect).toHaveBeenCalledWith('2026-W46');
  });
});
