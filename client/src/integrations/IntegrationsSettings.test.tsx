import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NotificationChannelView } from '@liftoff/shared';
import { makeSession } from '../test/fixtures';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { IntegrationsSettings } from './IntegrationsSettings';
import DeliveryLogPage from './DeliveryLogPage';

const slack: NotificationChannelView = {
  id: 'c1',
  kind: 'slack',
  name: 'Portfolio news',
  maskedUrl: 'https://hooks.slack.example/…',
  eventTypes: ['update.posted', 'decision.recorded'],
  enabled: true,
  signed: false,
  version: 2,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

const render = () => renderRoute(<IntegrationsSettings />, { path: '/settings', url: '/settings', session: makeSession('program_office') });

describe('Integrations settings', () => {
  it('lists channels with masked addresses and reports a test send', async () => {
    const api = mockApi({
      'GET /api/notification-channels': [slack],
      'POST /api/notification-channels/c1/test': { ok: false, responseCode: 404, error: 'The receiver answered 404 Not Found', durationMs: 40 },
    });
    render();
    const row = (await screen.findByRole('rowheader', { name: 'Portfolio news' })).closest('tr')!;
    expect(within(row).getByText('https://hooks.slack.example/…')).toBeInTheDocument();
    expect(within(row).getByText('Weekly update posted, Decision recorded')).toBeInTheDocument();
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Send a test to Portfolio news' }));
    expect(await screen.findByText('The test to Portfolio news failed: The receiver answered 404 Not Found.')).toBeInTheDocument();
    expect(api.find('POST', '/api/notification-channels/c1/test')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Delivery log' })).toHaveAttribute('href', '/settings/deliveries');
  });

  // Much typing and clicking: give a loaded machine time.
  it('checks the form before sending, then adds a webhook and shows its secret once', { timeout: 30_000 }, async () => {
    let channels: NotificationChannelView[] = [];
    const api = mockApi({
      'GET /api/notification-channels': () => channels,
      'POST /api/notification-channels': (request: { body: unknown }) => {
        const body = request.body as { name: string; kind: 'webhook'; eventTypes: NotificationChannelView['eventTypes'] };
        const created = { ...slack, id: 'c2', kind: body.kind, name: body.name, eventTypes: body.eventTypes, signed: true, version: 1, maskedUrl: 'https://ops.example.com/…' };
        channels = [created];
        return reply(201, { ...created, signingSecret: 'lsec_abc123' });
      },
    });
    render();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a channel' });
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'webhook');
    await user.type(within(dialog).getByLabelText('Name'), 'Ops');
    await user.type(within(dialog).getByLabelText('Webhook address'), 'ftp://ops.example.com/in');
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    expect(within(dialog).getByText('Enter the full address, starting with https:// (or http://).')).toBeInTheDocument();
    expect(api.find('POST', '/api/notification-channels')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('Webhook address'));
    await user.type(within(dialog).getByLabelText('Webhook address'), 'https://ops.example.com/in');
    await user.click(within(dialog).getByLabelText('Update reminder'));
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByLabelText('Signing secret of Ops')).toHaveTextContent('lsec_abc123');
    expect(api.find('POST', '/api/notification-channels')[0].body).toEqual({
      kind: 'webhook',
      name: 'Ops',
      url: 'https://ops.example.com/in',
      eventTypes: ['update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'decision.recorded', 'update.reminder', 'portfolio.digest', 'import.completed', 'thresholds.changed'],
      enabled: true,
    });
    expect(await screen.findByRole('rowheader', { name: 'Ops' })).toBeInTheDocument();
  });

  it('edits with the version read, keeps the address when left empty, and shows the field the API refused', async () => {
    const api = mockApi({
      'GET /api/notification-channels': [slack],
      'PATCH /api/notification-channels/c1': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Validation failed', fieldErrors: [{ field: 'name', messages: ['name is taken'] }] }),
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Portfolio news' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Portfolio news' });
    expect(within(dialog).queryByLabelText('Kind')).toBeNull();
    await user.click(within(dialog).getByLabelText('Send to this channel'));
    await user.click(within(dialog).getByRole('button', { name: 'Save channel' }));
    expect(await within(dialog).findByText('name is taken')).toBeInTheDocument();
    expect(api.find('PATCH', '/api/notification-channels/c1')[0].body).toEqual({ version: 2, name: 'Portfolio news', eventTypes: ['update.posted', 'decision.recorded'], enabled: false });
  });

  it('deletes after a confirmation', async () => {
    const api = mockApi({ 'GET /api/notification-channels': [slack], 'DELETE /api/notification-channels/c1': reply(204) });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Portfolio news' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete Portfolio news?' })).getByRole('button', { name: 'Delete channel' }));
    expect(await screen.findByText('Deleted Portfolio news.')).toBeInTheDocument();
    expect(api.find('DELETE', '/api/notification-channels/c1')).toHaveLength(1);
  });
});

describe('delivery log', () => {
  it('lists deliveries with their outcome and filters by status', async () => {
    const failed = {
      id: 'd1', eventId: 'e1', eventType: 'update.posted', kind: 'webhook', target: 'Ops', channelId: 'c2', status: 'failed', attempts: 5,
      lastResponseCode: null, lastError: 'Connection refused (nothing listens at that address)', createdAt: '2026-12-01T10:00:00.000Z', deliveredAt: null, nextAttemptAt: null,
    };
    const api = mockApi({ 'GET /api/deliveries': (request: { query: URLSearchParams }) => ({ items: request.query.get('status') === 'delivered' ? [] : [failed], total: 1, page: 1, pageSize: 50 }) });
    renderRoute(<DeliveryLogPage />, { path: '/settings/deliveries', url: '/settings/deliveries', session: makeSession('program_office') });
    const row = (await screen.findByText('Connection refused (nothing listens at that address)')).closest('tr')!;
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('5')).toBeInTheDocument();
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'delivered');
    expect(await screen.findByText('Nothing sent yet with these filters.')).toBeInTheDocument();
    expect(api.find('GET', '/api/deliveries').at(-1)!.query.get('status')).toBe('delivered');
  });
});
