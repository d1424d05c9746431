import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makePerson, makePilot, makeSession, pageOf } from '../test/fixtures';
import { mockApi, reply, type RecordedRequest } from '../test/mock-api';
import { renderRoute } from '../test/render';
import EditPilotPage from './EditPilotPage';
import NewPilotPage from './NewPilotPage';

const units = [
  { id: 'unit-1', name: 'Insurance Ops', version: 1 },
  { id: 'unit-2', name: 'Claims', version: 1 },
];
const leads = [makePerson({ id: 'lead-1', name: 'Ada Lead' }), makePerson({ id: 'lead-2', name: 'Bo Lead' })];
const executives = [makePerson({ id: 'sponsor-1', name: 'Sam Sponsor', role: 'executive' }), makePerson({ id: 'sponsor-2', name: 'Eve Exec', role: 'executive' })];

const people = (request: RecordedRequest) => pageOf(request.query.get('role') === 'executive' ? executives : leads);

describe('new pilot form', () => {
  it('creates a pilot with every field, a backdated stage clock included, and opens its page', async () => {
    const created = makePilot({ id: 'new-1', name: 'Invoice reader' });
    const api = mockApi({ 'GET /api/business-units': units, 'GET /api/people': people, 'POST /api/pilots': created });
    renderRoute(<NewPilotPage />, { path: '/pilots/new', url: '/pilots/new', session: makeSession('program_office'), routes: { '/pilots/:id': <p>Pilot page</p> } });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Invoice reader');
    await user.type(screen.getByLabelText('Summary'), 'Reads supplier invoices.');
    await user.selectOptions(await screen.findByLabelText('Business unit'), await screen.findByRole('option', { name: 'Claims' }));
    await user.selectOptions(screen.getByLabelText('Use-case category'), 'document_processing');
    await user.selectOptions(screen.getByLabelText('Complexity'), 'complex');
    await user.selectOptions(screen.getByLabelText('Pilot lead'), await screen.findByRole('option', { name: 'Bo Lead' }));
    await user.selectOptions(screen.getByLabelText('Executive sponsor'), await screen.findByRole('option', { name: 'Eve Exec' }));
    await user.selectOptions(screen.getByLabelText('Stage it is in now'), 'piloting');
    await user.type(screen.getByLabelText('Start date'), '2026-03-02');
    await user.type(screen.getByLabelText('In this stage since'), '2026-04-01');
    await user.type(screen.getByLabelText('Target production date'), '2027-01-15');
    await user.type(screen.getByLabelText('Systems to integrate'), 'ERP, document store');
    await user.type(screen.getByLabelText('Value at scale per year'), '750000');
    await user.type(screen.getByLabelText('Cost to date'), '42000.50');
    await user.type(screen.getByLabelText('Cost to scale'), '180000');
    await user.click(screen.getByRole('button', { name: 'Create pilot' }));

    expect(await screen.findByText('Pilot page')).toBeInTheDocument();
    expect(api.find('POST', '/api/pilots')[0].body).toEqual({
      name: 'Invoice reader',
      summary: 'Reads supplier invoices.',
      businessUnitId: 'unit-2',
      useCaseCategory: 'document_processing',
      leadId: 'lead-2',
      sponsorId: 'sponsor-2',
      complexity: 'complex',
      stage: 'piloting',
      startDate: '2026-03-02',
      stageEnteredAt: '2026-04-01',
      targetProductionDate: '2027-01-15',
      integrationSystems: ['ERP', 'document store'],
      annualValueAtScale: 750000,
      costToDate: 42000.5,
      costToScale: 180000,
    });
  });

  it('names the missing fields without asking the server', async () => {
    const api = mockApi({ 'GET /api/business-units': units, 'GET /api/people': people });
    renderRoute(<NewPilotPage />, { path: '/pilots/new', url: '/pilots/new', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create pilot' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Give the pilot a name');
    expect(screen.getByLabelText('Start date')).toHaveAttribute('aria-invalid', 'true');
    expect(api.find('POST', '/api/pilots')).toHaveLength(0);
  });

  it("places the API's 400 field errors under the fields they name", async () => {
    mockApi({
      'GET /api/business-units': units,
      'GET /api/people': people,
      'POST /api/pilots': reply(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request',
        fieldErrors: [
          { field: 'name', messages: ['name must be shorter than or equal to 200 characters'] },
          { field: 'stageEnteredAt', messages: ['stageEnteredAt must not be before startDate'] },
        ],
      }),
    });
    renderRoute(<NewPilotPage />, { path: '/pilots/new', url: '/pilots/new', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Too long, says the server');
    await user.selectOptions(await screen.findByLabelText('Business unit'), await screen.findByRole('option', { name: 'Claims' }));
    await user.selectOptions(screen.getByLabelText('Use-case category'), 'forecasting');
    await user.selectOptions(screen.getByLabelText('Complexity'), 'typical');
    await user.selectOptions(screen.getByLabelText('Pilot lead'), await screen.findByRole('option', { name: 'Ada Lead' }));
    await user.type(screen.getByLabelText('Start date'), '2026-05-01');
    await user.type(screen.getByLabelText('In this stage since'), '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Create pilot' }));
    expect(await screen.findByText('name must be shorter than or equal to 200 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('name must be shorter than or equal to 200 characters');
    expect(screen.getByLabelText('In this stage since')).toHaveAccessibleDescription(expect.stringContaining('stageEnteredAt must not be before startDate'));
  });

  it('is only for the program office', () => {
    mockApi({});
    renderRoute(<NewPilotPage />, { path: '/pilots/new', url: '/pilots/new', session: makeSession('pilot_lead', 'lead-1') });
    expect(screen.getByRole('alert')).toHaveTextContent('Only the program office');
    expect(screen.queryByRole('button', { name: 'Create pilot' })).toBeNull();
  });
});

describe('edit pilot form', () => {
  const pilot = makePilot({ integrationSystems: ['Claims core'], targetProductionDate: '2027-02-01' });

  it('sends only what changed, with the version read', async () => {
    const api = mockApi({ 'GET /api/pilots/pilot-1': pilot, 'GET /api/business-units': units, 'GET /api/people': people, 'PATCH /api/pilots/pilot-1': { ...pilot, version: 4 } });
    renderRoute(<EditPilotPage />, { path: '/pilots/:id/edit', url: '/pilots/pilot-1/edit', session: makeSession('program_office'), routes: { '/pilots/:id': <p>Pilot page</p> } });
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Name')).toHaveValue('Claims triage assistant');
    expect(screen.getByLabelText('Systems to integrate')).toHaveValue('Claims core');
    await user.clear(screen.getByLabelText('Cost to date'));
    await user.type(screen.getByLabelText('Cost to date'), '55000');
    await user.clear(screen.getByLabelText('In this stage since'));
    await user.type(screen.getByLabelText('In this stage since'), '2026-05-15');
    await user.selectOptions(screen.getByLabelText('Executive sponsor'), await screen.findByRole('option', { name: 'Eve Exec' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Pilot page')).toBeInTheDocument();
    expect(api.find('PATCH', '/api/pilots/pilot-1')[0].body).toEqual({ version: 3, costToDate: 55000, sponsorId: 'sponsor-2', stageEnteredAt: '2026-05-15' });
  });

  it("lets its lead edit details but not the sponsor or the stage clock", async () => {
    const api = mockApi({ 'GET /api/pilots/pilot-1': pilot, 'GET /api/business-units': units, 'GET /api/people': people, 'PATCH /api/pilots/pilot-1': pilot });
    renderRoute(<EditPilotPage />, { path: '/pilots/:id/edit', url: '/pilots/pilot-1/edit', session: makeSession('pilot_lead', 'lead-1'), routes: { '/pilots/:id': <p>Pilot page</p> } });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Summary'), ' Now with email.');
    expect(screen.queryByLabelText('Executive sponsor')).toBeNull();
    expect(screen.queryByLabelText('In this stage since')).toBeNull();
    expect(screen.getByLabelText('Pilot lead')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Pilot page');
    expect(api.find('PATCH', '/api/pilots/pilot-1')[0].body).toEqual({ version: 3, summary: 'Routes incoming claims to the right team. Now with email.' });
  });

  it('a stale edit says who changed the pilot and when, and Reload starts over from the stored pilot', async () => {
    let reads = 0;
    mockApi({
      'GET /api/pilots/pilot-1': () => (++reads === 1 ? pilot : { ...pilot, version: 4, name: 'Claims triage, renamed' }),
      'GET /api/business-units': units,
      'GET /api/people': people,
      'PATCH /api/pilots/pilot-1': reply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Pilot pilot-1 was changed by someone else since you read it',
        staleEdit: { currentVersion: 4, changedBy: { id: 'po-2', name: 'Pat Office' }, changedAt: '2026-11-30T14:05:00.000Z' },
      }),
    });
    renderRoute(<EditPilotPage />, { path: '/pilots/:id/edit', url: '/pilots/pilot-1/edit', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Summary'), ' Mine.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Pat Office changed it at 30 Nov 2026');
    expect(alert).toHaveTextContent('nothing was overwritten');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByDisplayValue('Claims triage, renamed')).toBeInTheDocument();
    expect(screen.getByLabelText('Summary')).toHaveValue('Routes incoming claims to the right team.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
