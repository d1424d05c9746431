import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { ReanalysisSummary } from '@liftoff/shared';
import { ReanalysisFindings } from './ReanalysisFindings';

const pilot = (id: string, name: string) => ({ pilot: { id, name, stage: 'piloting' as const, businessUnitId: 'u1' }, stuckSigns: [`${name} sign`], url: `https://x/pilots/${id}` });

function show(analysis: ReanalysisSummary) {
  render(
    <MemoryRouter>
      <ReanalysisFindings title="What the analysis found" analysis={analysis} />
    </MemoryRouter>,
  );
  return within(screen.getByRole('region', { name: 'What the analysis found' }));
}

describe('ReanalysisFindings', () => {
  it('counts the signs, names the pilots found stuck with their signs and links, and points to the rest', () => {
    const found = show({
      stuckSignsOpened: 5,
      stuckSignsResolved: 1,
      newlyStuckCount: 4,
      newlyStuck: [pilot('p1', 'Invoice triage'), pilot('p2', 'Reply drafts')],
      recommendationsChanged: 3,
      recommendationsNow: { scale: 1, pivot: 0, kill: 0, keep_piloting: 2 },
      stuckUrl: 'https://x/stuck',
    });
    expect(found.getByText(/5 stuck signs appeared on 4 pilots; 1 cleared\. 3 recommendations changed, now: scale 1, keep piloting 2\./)).toBeInTheDocument();
    const list = found.getByRole('list', { name: 'Pilots found stuck' });
    expect(within(list).getAllByRole('link').map((link) => link.textContent)).toEqual(['Invoice triage', 'Reply drafts']);
    expect(within(list).getByRole('list', { name: 'New stuck signs of Invoice triage' })).toHaveTextContent('Invoice triage sign');
    expect(within(list).getByRole('link', { name: 'Invoice triage' })).toHaveAttribute('href', '/pilots/p1');
    expect(found.getByText(/2 more pilots with new signs/)).toBeInTheDocument();
    expect(found.getByRole('link', { name: 'See every stuck pilot' })).toHaveAttribute('href', '/stuck');
  });

  it('says plainly when nothing got stuck', () => {
    const found = show({ stuckSignsOpened: 0, stuckSignsResolved: 0, newlyStuckCount: 0, newlyStuck: [], recommendationsChanged: 0, recommendationsNow: { scale: 0, pivot: 0, kill: 0, keep_piloting: 0 }, stuckUrl: 'https://x/stuck' });
    expect(found.getByText('No stuck sign appeared; 0 cleared.')).toBeInTheDocument();
    expect(found.queryByRole('list')).toBeNull();
    expect(found.queryByRole('link')).toBeNull();
  });
});
