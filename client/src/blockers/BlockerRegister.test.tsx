import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeBlocker } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { BlockerRegister } from './BlockerRegister';

const security = makeBlocker({ id: 'b1', pilotId: 'p1', text: 'Waiting on IT security review', mentionCount: 3, version: 5 });
const infosec = makeBlocker({ id: 'b2', pilotId: 'p1', text: 'Infosec questionnaire open', mentionCount: 1, version: 2 });

function renderRegister(canCorrect: boolean) {
  renderRoute(<BlockerRegister blockers={[security, infosec]} canCorrect={canCorrect} />, { path: '/pilots/:id', url: '/pilots/p1', session: null });
  return userEvent.setup();
}

describe('blocker register', () => {
  it('lists the blockers and offers no corrections to other roles', () => {
    mockApi({});
    renderRegister(false);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Waiting on IT security review' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Merge/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Split/ })).not.toBeInTheDocument();
  });

  it('merges one blocker into another, sending both versions', async () => {
    const api = mockApi({ 'POST /api/blockers/b2/merge': { ...security, mentionCount: 4, version: 6 } });
    const user = renderRegister(true);
    await user.click(screen.getByRole('button', { name: 'Merge ‘Infosec questionnaire open’ into another blocker' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge ‘Infosec questionnaire open’' });
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(within(dialog).getByRole('group', { name: 'Same blocker as' })).toHaveAccessibleDescription('Choose the blocker it is the same as');
    expect(api.find('POST', '/api/blockers/b2/merge')).toEqual([]);
    await user.click(within(dialog).getByRole('radio', { name: /Waiting on IT security review/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByRole('status')).toHaveTextContent('merged into ‘Waiting on IT security review’ (4 mentions)');
    expect(api.find('POST', '/api/blockers/b2/merge').map((r) => r.body)).toEqual([{ intoId: 'b1', version: 2, intoVersion: 5 }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('splits a chosen mention off, and says why when the server refuses', async () => {
    const api = mockApi({
      'GET /api/blockers/b1/mentions': [
        { updateId: 'u1', week: '2026-W38', text: 'Waiting on IT security review' },
        { updateId: 'u3', week: '2026-W40', text: 'Legal review of the contract pending' },
      ],
      'POST /api/blockers/b1/split': reply(409, { statusCode: 409, error: 'Conflict', message: 'Blocker b1 was changed by someone else; reload and try again' }),
    });
    const user = renderRegister(true);
    expect(screen.getByRole('button', { name: 'Split a mention off ‘Infosec questionnaire open’' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Split a mention off ‘Waiting on IT security review’' }));
    const dialog = screen.getByRole('dialog');
    await user.click(await within(dialog).findByRole('radio', { name: '2026-W40: ‘Legal review of the contract pending’' }));
    await user.click(within(dialog).getByRole('button', { name: 'Split off' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('changed by someone else');
    await waitFor(() => expect(api.find('POST', '/api/blockers/b1/split').map((r) => r.body)).toEqual([{ updateId: 'u3', version: 5 }]));
  });
});
