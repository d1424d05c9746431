import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Pilot } from '@liftoff/shared';
import { makePilot, makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { StageChangeDialog } from './StageChangeDialog';

function open(pilot: Pilot, routes: Parameters<typeof mockApi>[0]) {
  const api = mockApi(routes);
  const onClose = vi.fn();
  const onChanged = vi.fn();
  const onReload = vi.fn();
  renderRoute(<StageChangeDialog pilot={pilot} onClose={onClose} onChanged={onChanged} onReload={onReload} />, { path: '/', url: '/', session: makeSession('program_office') });
  return { api, onClose, onChanged, onReload, user: userEvent.setup() };
}

const optionsOf = () => within(screen.getByRole('group', { name: 'Move' })).getAllByRole('radio').map((radio) => radio.closest('label')!.textContent);

describe('stage change dialog', () => {
  it('offers only the moves the shared transitions allow from the current stage', () => {
    open(makePilot({ stage: 'paused' }), {});
    expect(optionsOf()).toEqual(['Resume as proposed', 'Resume as piloting', 'Resume as scaling', 'Mark as pivoted', 'Kill']);
  });

  it('offers pause, back to piloting and production from scaling', () => {
    open(makePilot({ stage: 'scaling' }), {});
    expect(optionsOf()).toEqual(['Move to production', 'Back to piloting', 'Pause', 'Mark as pivoted', 'Kill']);
  });

  it('requires a reason, then sends the move with the version read', async () => {
    const pilot = makePilot({ stage: 'piloting', version: 7 });
    const { api, user, onChanged, onClose } = open(pilot, { 'POST /api/pilots/pilot-1/stage': { ...pilot, stage: 'paused', version: 8 } });
    await user.click(screen.getByRole('radio', { name: 'Pause' }));
    expect(screen.getByText('No weekly updates are expected while it is paused.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription(expect.stringContaining('Give the reason'));
    expect(api.find('POST', '/api/pilots/pilot-1/stage')).toHaveLength(0);
    await user.type(screen.getByLabelText('Reason'), 'Data team on leave until January.');
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.find('POST', '/api/pilots/pilot-1/stage')[0].body).toEqual({ stage: 'paused', version: 7, note: 'Data team on leave until January.' });
    expect(onChanged).toHaveBeenCalledWith('Claims triage assistant is now paused.');
  });

  it('shows a stale stage change with who moved it, and Reload asks for the pilot again', async () => {
    const { user, onReload, onClose } = open(makePilot({ stage: 'piloting' }), {
      'POST /api/pilots/pilot-1/stage': reply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'changed by someone else',
        staleEdit: { currentVersion: 4, changedBy: { id: 'x', name: 'Pat Office' }, changedAt: '2026-11-30T14:05:00.000Z' },
      }),
    });
    await user.click(screen.getByRole('radio', { name: 'Move to scaling' }));
    await user.type(screen.getByLabelText('Reason'), 'Ready.');
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Pat Office changed it');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape as a native modal dialog', async () => {
    const { user, onClose } = open(makePilot({ stage: 'piloting' }), {});
    expect(screen.getByRole('dialog', { name: 'Change the stage of Claims triage assistant' })).toHaveAttribute('open');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
