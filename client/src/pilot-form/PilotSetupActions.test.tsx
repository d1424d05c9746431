import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makePilot, makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { PilotSetupActions } from './PilotSetupActions';

const pilot = makePilot();
const render = (session: ReturnType<typeof makeSession>) =>
  renderRoute(<PilotSetupActions pilot={pilot} onChanged={vi.fn()} onReload={vi.fn()} />, { path: '/pilots/:id', url: '/pilots/pilot-1', session, routes: { '/pilots': <p>Pilots list</p> } });

describe('pilot set-up actions', () => {
  it('offers its lead the details only, the program office stage and delete too, and others nothing', () => {
    mockApi({});
    const lead = render(makeSession('pilot_lead', 'lead-1'));
    expect(screen.getByRole('link', { name: 'Edit details' })).toHaveAttribute('href', '/pilots/pilot-1/edit');
    expect(screen.queryByRole('button', { name: 'Change stage' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete pilot' })).toBeNull();
    lead.unmount();
    const office = render(makeSession('program_office'));
    expect(screen.getByRole('button', { name: 'Change stage' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete pilot' })).toBeInTheDocument();
    office.unmount();
    render(makeSession('executive', 'sponsor-1'));
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("shows the API's refusal to delete a pilot that decisions refer to, and leaves the page", async () => {
    let refuse = true;
    const api = mockApi({
      'DELETE /api/pilots/pilot-1': () =>
        refuse ? reply(409, { statusCode: 409, error: 'Conflict', message: 'The record is still in use: Key (id)=(pilot-1) is still referenced from table "decisions".' }) : reply(204),
    });
    render(makeSession('program_office'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete pilot' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Claims triage assistant?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete pilot' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('still referenced from table "decisions"');
    expect(screen.getByTestId('location')).toHaveTextContent('/pilots/pilot-1');
    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Delete pilot' }));
    expect(await screen.findByText('Pilots list')).toBeInTheDocument();
    expect(api.find('DELETE', '/api/pilots/pilot-1')).toHaveLength(2);
  });
});
