import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryPage, NotificationChannelWithSecret, WebhookEvent } from '@liftoff/shared';
import { DeliveryWorker } from '../../server/src/notifications/delivery-worker';
import { OutboxDispatcher } from '../../server/src/notifications/outbox-dispatcher';
import { createBasicPortfolio, postUpdate, updateBody } from './support/fixtures';
import { closedPortUrl, startReceiver, type HttpReceiver } from './support/http-receiver';
import { waitUntil } from './support/row-lock';
import { startTestApp, type TestApp } from './support/test-app';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** What a receiver does to trust a request: the scheme of docs/WEBHOOKS.md, with node:crypto. */
function signatureIsValid(secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const timestamp = String(headers['liftoff-timestamp']);
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(String(headers['liftoff-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Outbox to receivers over real HTTP on loopback: signed webhooks, retries, chat shapes, a write that never waits for them. */
describe('notification delivery', () => {
  let t: TestApp;
  const receivers: HttpReceiver[] = [];
  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_RETRY_BASE_MS: '50', DELIVERY_MAX_ATTEMPTS: '4', DELIVERY_TIMEOUT_MS: '2000', PUBLIC_URL: 'https://liftoff.example.org', JOBS_POLL_SECONDS: '0.5' });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(receivers.map((r) => r.close()));
  });
  afterEach(async () => {
    // Each test's channels only: later tests must not send to earlier receivers.
    await t.dataSource.query('DELETE FROM notification_channels');
  });

  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };
  const addChannel = async (kind: 'slack' | 'teams' | 'webhook', url: string, eventTypes: string[]) =>
    (await t.http.post('/api/notification-channels').send({ kind, name: `${kind} ${Date.now()}`, url, eventTypes }).expect(201)).body as NotificationChannelWithSecret;
  const deliveriesOf = async (channelId: string) => {
    const page = (await t.http.get('/api/deliveries?pageSize=200').expect(200)).body as DeliveryPage;
    return page.items.filter((d) => d.channelId === channelId);
  };

  it('posts a signed webhook a receiver can verify with the documented scheme', async () => {
    const hook = await receiver();
    const channel = await addChannel('webhook', hook.url, ['update.posted']);
    expect(channel.signingSecret).toMatch(/^lsec_[0-9a-f]{64}$/);
    const { pilot, lead } = await createBasicPortfolio(t);
    const update = await postUpdate(t, pilot.id, updateBody(lead.id, { week: '2026-W40' }));

    expect(await waitUntil(async () => hook.requests.length >= 1, 15_000)).toBeGreaterThanOrEqual(0);
    const [request] = hook.requests;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(signatureIsValid(channel.signingSecret!, request.headers, request.body)).toBe(true);
    expect(signatureIsValid('lsec_wrong', request.headers, request.body)).toBe(false);
    const event = JSON.parse(request.body) as WebhookEvent;
    expect(event).toMatchObject({ type: 'update.posted', data: { pilot: { id: pilot.id, name: pilot.name }, update: { id: update.id, week: '2026-W40' } } });
    expect(request.headers['liftoff-event-id']).toBe(event.id);
    expect(request.headers['liftoff-event-type']).toBe('update.posted');
    expect(Math.abs(Number(request.headers['liftoff-timestamp']) - Date.now() / 1000)).toBeLessThan(120);

    expect(await waitUntil(async () => (await deliveriesOf(channel.id))[0]?.status === 'delivered', 5000)).toBeGreaterThanOrEqual(0);
    expect((await deliveriesOf(channel.id))[0]).toMatchObject({ eventId: event.id, eventType: 'update.posted', kind: 'webhook', target: channel.name, attempts: 1, lastResponseCode: 200, lastError: null });
  });

  it('delivers exactly once to a receiver that fails twice and then recovers', async () => {
    const hook = await receiver();
    hook.respond = (index) => (index < 2 ? 503 : 200);
    const channel = await addChannel('webhook', hook.url, ['decision.recorded']);
    const { pilot } = await createBasicPortfolio(t);
    await t.http.post(`/api/pilots/${pilot.id}/decisions`).send({ kind: 'continue', rationale: 'Four more weeks of data', nextReviewDate: inAMonth() }).expect(201);

    expect(await waitUntil(async () => (await deliveriesOf(channel.id))[0]?.status === 'delivered', 20_000)).toBeGreaterThanOrEqual(0);
    // Running the dispatcher and the sender again changes nothing: a delivered delivery is final.
    const [delivery] = await deliveriesOf(channel.id);
    await t.app.get(OutboxDispatcher).dispatchAll();
    expect(await t.app.get(DeliveryWorker).deliver(delivery.id)).toBe('not_due');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(hook.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    const eventIds = new Set(hook.requests.map((r) => r.headers['liftoff-event-id']));
    expect(eventIds.size).toBe(1);
    expect(hook.requests.filter((r) => r.status === 200)).toHaveLength(1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastResponseCode: 200 });
    const attempts: { ok: boolean; response_code: number }[] = await t.dataSource.query(
      'SELECT ok, response_code FROM delivery_attempts WHERE delivery_id = $1 ORDER BY attempted_at',
      [delivery.id],
    );
    expect(attempts).toEqual([
      { ok: false, response_code: 503 },
      { ok: false, response_code: 503 },
      { ok: true, response_code: 200 },
    ]);
  });

  it('sends Slack blocks and a Teams adaptive card', async () => {
    const slack = await receiver();
    const teams = await receiver();
    await addChannel('slack', slack.url, ['decision.recorded']);
    await addChannel('teams', teams.url, ['decision.recorded']);
    const { pilot } = await createBasicPortfolio(t);
    await t.http.post(`/api/pilots/${pilot.id}/decisions`).send({ kind: 'continue', rationale: 'Adoption is still growing', nextReviewDate: inAMonth() }).expect(201);
    expect(await waitUntil(async () => slack.requests.length === 1 && teams.requests.length === 1, 15_000)).toBeGreaterThanOrEqual(0);

    const pilotUrl = `https://liftoff.example.org/pilots/${pilot.id}`;
    const slackBody = JSON.parse(slack.requests[0].body);
    expect(slackBody.text).toContain(pilot.name);
    expect(slackBody.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(slackBody.blocks[0].text.text).toContain(pilot.name);
    expect(slackBody.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: expect.stringContaining('Adoption is still growing') } });
    expect(slackBody.blocks[2]).toMatchObject({ type: 'actions', elements: [{ type: 'button', url: pilotUrl }] });

    const teamsBody = JSON.parse(teams.requests[0].body);
    expect(teamsBody.type).toBe('message');
    expect(teamsBody.attachments).toHaveLength(1);
    const card = teamsBody.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url: pilotUrl }] });
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: expect.stringContaining(pilot.name) });
    // Chat channels get no signature headers (their URL is the credential).
    expect(slack.requests[0].headers['liftoff-signature']).toBeUndefined();
  });

  it('accepts the write while every channel is down, then records each failed attempt', async () => {
    const down = await closedPortUrl();
    const channels = [await addChannel('webhook', down, ['update.posted']), await addChannel('slack', down, ['update.posted']), await addChannel('teams', down, ['update.posted'])];
    const { pilot, lead } = await createBasicPortfolio(t);
    const started = Date.now();
    await postUpdate(t, pilot.id, updateBody(lead.id, { week: '2026-W41' }));
    expect(Date.now() - started).toBeLessThan(5000);

    const allFailed = async () => (await Promise.all(channels.map((c) => deliveriesOf(c.id)))).every((list) => list[0]?.status === 'failed');
    expect(await waitUntil(allFailed, 20_000)).toBeGreaterThanOrEqual(0);
    const failed = ((await t.http.get('/api/deliveries?status=failed&pageSize=200').expect(200)).body as DeliveryPage).items;
    for (const channel of channels) {
      const delivery = failed.find((d) => d.channelId === channel.id);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 4, lastResponseCode: null, lastError: expect.stringContaining('Connection refused'), deliveredAt: null });
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM delivery_attempts WHERE delivery_id = $1 AND NOT ok', [delivery!.id]);
      expect(count).toBe(4);
    }
    // The log filters by kind too.
    const slackOnly = ((await t.http.get('/api/deliveries?kind=slack&pageSize=200').expect(200)).body as DeliveryPage).items;
    expect(slackOnly.every((d) => d.kind === 'slack')).toBe(true);
    expect(slackOnly.some((d) => d.channelId === channels[1].id)).toBe(true);
  });

  it('does not retry an answer that will not change (a 4xx other than 408 and 429)', async () => {
    const hook = await receiver();
    hook.respond = () => 410;
    const channel = await addChannel('webhook', hook.url, ['update.posted']);
    const { pilot, lead } = await createBasicPortfolio(t);
    await postUpdate(t, pilot.id, updateBody(lead.id, { week: '2026-W39' }));
    expect(await waitUntil(async () => (await deliveriesOf(channel.id))[0]?.status === 'failed', 15_000)).toBeGreaterThanOrEqual(0);
    expect((await deliveriesOf(channel.id))[0]).toMatchObject({ attempts: 1, lastResponseCode: 410 });
    expect(hook.requests).toHaveLength(1);
  });
});
