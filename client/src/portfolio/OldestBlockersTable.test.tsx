import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { OldestBlockersTable } from './OldestBlockersTable';

const blocker = { blockerId: 'b1', pilotId: 'p1', pilotName: 'HR helpdesk chatbot', text: 'Single sign-on not enabled for contractors', category: 'integration' as const, firstSeenWeek: '2026-W38', weeksOpen: 2, mentions: 3 };

describe('oldest open blockers', () => {
  it('leads to every open blocker of the unit, stage and sponsor the overview shows', () => {
    render(
      <MemoryRouter>
        <OldestBlockersTable blockers={[blocker]} filter={{ businessUnitId: 'u1', stage: 'piloting' }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'See all open blockers' })).toHaveAttribute('href', '/blockers?businessUnitId=u1&stage=piloting');
    expect(screen.getByRole('link', { name: 'HR helpdesk chatbot' })).toHaveAttribute('href', '/pilots/p1');
  });
});
