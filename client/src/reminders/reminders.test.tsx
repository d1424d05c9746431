import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DueUpdates, ReminderSettings } from '@liftoff/shared';
import { makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { DueUpdatesCard } from './DueUpdatesCard';
import { ReminderSettingsSection } from './ReminderSettingsForm';

const due: DueUpdates = {
  week: '2026-W45',
  timeZone: 'Pacific/Auckland',
  items: [
    { pilotId: 'p1', pilotName: 'Claims triage', stage: 'piloting', lastUpdateWeek: '2026-W42', weeksMissing: 3, updatePath: '/pilots/p1/updates/new' },
    { pilotId: 'p2', pilotName: 'Invoice reader', stage: 'proposed', lastUpdateWeek: null, weeksMissing: 1, updatePath: '/pilots/p2/updates/new' },
  ],
};

const settings: ReminderSettings = { enabled: true, weekday: 4, hour: 10, sponsorGraceDays: 2, officeGraceDays: 2, version: 3, updatedAt: '2026-11-01T10:00:00.000Z' };

describe('updates due this week on the home page', () => {
  it('lists the lead\'s due pilots with a link to each update form', async () => {
    mockApi({ 'GET /api/me/due-updates': due });
    renderRoute(<DueUpdatesCard role="pilot_lead" />, { path: '/', url: '/', session: makeSession('pilot_lead') });
    const card = await screen.findByRole('region', { name: 'Updates due this week' });
    expect(card).toHaveTextContent('2 pilots you lead have no update for 2026-W45');
    expect(within(card).getByRole('link', { name: 'Post update for Claims triage' })).toHaveAttribute('href', '/pilots/p1/updates/new');
    expect(within(card).getByRole('link', { name: 'Post update for Invoice reader' })).toHaveAttribute('href', '/pilots/p2/updates/new');
    expect(card).toHaveTextContent('3 weeks without an update');
    expect(card).toHaveTextContent('last update never');
  });

  it('says so when the lead is caught up, and stays away for a program office that leads nothing', async () => {
    mockApi({ 'GET /api/me/due-updates': { ...due, items: [] } });
    const lead = renderRoute(<DueUpdatesCard role="pilot_lead" />, { path: '/', url: '/', session: makeSession('pilot_lead') });
    expect(await screen.findByText(/All caught up/)).toBeInTheDocument();
    lead.unmount();
    const api = mockApi({ 'GET /api/me/due-updates': { ...due, items: [] } });
    renderRoute(<DueUpdatesCard role="program_office" />, { path: '/', url: '/', session: makeSession('program_office') });
    await screen.findByTestId('location');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.find('GET', '/api/me/due-updates')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Updates due this week' })).not.toBeInTheDocument();
  });

  it('does not ask for an executive or a viewer, who post no updates', async () => {
    const api = mockApi({ 'GET /api/me/due-updates': due });
    renderRoute(<DueUpdatesCard role="executive" />, { path: '/', url: '/', session: makeSession('executive') });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.find('GET', '/api/me/due-updates')).toHaveLength(0);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});

describe('reminder settings', () => {
  it('saves the day, hour and grace periods with the version read', async () => {
    const api = mockApi({
      'GET /api/settings/reminders': settings,
      'PATCH /api/settings/reminders': (request: { body: unknown }) => ({ ...settings, ...(request.body as object), version: 4 }),
    });
    renderRoute(<ReminderSettingsSection editable />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Reminder day'), 'Monday');
    await user.selectOptions(screen.getByLabelText("Reminder hour (the lead's local time)"), '09:00');
    const sponsorDays = screen.getByLabelText('Days before the sponsor is told');
    await user.clear(sponsorDays);
    await user.type(sponsorDays, '3');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(api.find('PATCH', '/api/settings/reminders')[0].body).toEqual({ version: 3, enabled: true, weekday: 1, hour: 9, sponsorGraceDays: 3, officeGraceDays: 2 });
  });

  it('shows a refused value beside its field, and a stale version with a reload', async () => {
    let answer = reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid input', fieldErrors: [{ field: 'officeGraceDays', messages: ['officeGraceDays must not be greater than 14'] }] });
    mockApi({ 'GET /api/settings/reminders': settings, 'PATCH /api/settings/reminders': () => answer });
    renderRoute(<ReminderSettingsSection editable />, { path: '/', url: '/', session: makeSession('program_office') });
    const user = userEvent.setup();
    const officeDays = await screen.findByLabelText('Further days before the program office is told');
    await user.clear(officeDays);
    await user.type(officeDays, '20');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('officeGraceDays must not be greater than 14')).toBeInTheDocument();
    answer = reply(409, { statusCode: 409, error: 'Conflict', message: 'Reminder settings 1 was changed by someone else' });
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed the reminders meanwhile.');
    expect(screen.getByRole('button', { name: 'Load their values' })).toBeInTheDocument();
  });

  it('is read-only for everyone but the program office', async () => {
    mockApi({ 'GET /api/settings/reminders': settings });
    renderRoute(<ReminderSettingsSection editable={false} />, { path: '/', url: '/', session: makeSession('pilot_lead') });
    expect(await screen.findByText('Only the program office can change the reminders.')).toBeInTheDocument();
    expect(screen.getByLabelText('Reminder day')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save reminders' })).not.toBeInTheDocument();
  });
});
