import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import BusinessUnitsPage from './BusinessUnitsPage';

const finance = { id: 'u1', name: 'Finance', version: 1 };
const claims = { id: 'u2', name: 'Claims', version: 3 };

describe('business units page', () => {
  it('lists units and adds one, refreshing the list', async () => {
    let units = [claims, finance];
    const api = mockApi({
      'GET /api/business-units': () => units,
      'POST /api/business-units': (request: { body: unknown }) => {
        const added = { id: 'u3', name: (request.body as { name: string }).name, version: 1 };
        units = [...units, added];
        return added;
      },
    });
    renderRoute(<BusinessUnitsPage />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    expect(await screen.findByRole('rowheader', { name: 'Finance' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('New business unit'), '  Legal ');
    await user.click(screen.getByRole('button', { name: 'Add unit' }));
    expect(await screen.findByRole('rowheader', { name: 'Legal' })).toBeInTheDocument();
    expect(api.find('POST', '/api/business-units')[0].body).toEqual({ name: 'Legal' });
    expect(screen.getByRole('status')).toHaveTextContent('Added Legal.');
  });

  it('renames with the version read, and shows a duplicate name refused by the API', async () => {
    const api = mockApi({
      'GET /api/business-units': [claims, finance],
      'PATCH /api/business-units/u2': reply(409, { statusCode: 409, error: 'Conflict', message: 'A business unit named "Finance" already exists' }),
    });
    renderRoute(<BusinessUnitsPage />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rename Claims' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename Claims' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Finance');
    await user.click(within(dialog).getByRole('button', { name: 'Save name' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A business unit named "Finance" already exists');
    expect(api.find('PATCH', '/api/business-units/u2')[0].body).toEqual({ name: 'Finance', version: 3 });
  });

  it("shows the API's refusal to delete a unit still in use, and deletes one that is not", async () => {
    let units = [claims, finance];
    mockApi({
      'GET /api/business-units': () => units,
      'DELETE /api/business-units/u2': reply(409, { statusCode: 409, error: 'Conflict', message: 'The record is still in use: Key (id)=(u2) is still referenced from table "pilots".' }),
      'DELETE /api/business-units/u1': () => {
        units = [claims];
        return reply(204);
      },
    });
    renderRoute(<BusinessUnitsPage />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Claims' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete unit' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('still referenced from table "pilots"');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Delete Finance' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete unit' }));
    expect(await screen.findByText('Deleted Finance.')).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Finance' })).toBeNull();
  });

  it('is read-only for everyone but the program office', async () => {
    mockApi({ 'GET /api/business-units': [claims] });
    renderRoute(<BusinessUnitsPage />, { path: '/', url: '/', session: makeSession('executive') });
    expect(await screen.findByRole('rowheader', { name: 'Claims' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
