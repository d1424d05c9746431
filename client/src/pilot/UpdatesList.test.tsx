import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { makeUpdate } from '../test/fixtures';
import { UpdatesList } from './UpdatesList';

const updates = [makeUpdate({ id: 'u2', pilotId: 'p1', week: '2026-W41' }), makeUpdate({ id: 'u1', pilotId: 'p1', week: '2026-W40' })];

function renderList(canEdit: boolean) {
  render(
    <MemoryRouter>
      <UpdatesList updates={updates} canEdit={canEdit} />
    </MemoryRouter>,
  );
}

describe('the pilot page’s update list', () => {
  it('links each update to its edit form for people who may work on the pilot', () => {
    renderList(true);
    expect(screen.getByRole('link', { name: 'Edit the update for 2026-W41' })).toHaveAttribute('href', '/pilots/p1/updates/u2/edit');
    expect(screen.getByRole('link', { name: 'Edit the update for 2026-W40' })).toHaveAttribute('href', '/pilots/p1/updates/u1/edit');
  });

  it('offers no edit to anyone else', () => {
    renderList(false);
    expect(screen.queryByRole('link', { name: /^Edit/ })).not.toBeInTheDocument();
  });
});
