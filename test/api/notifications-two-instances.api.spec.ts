import type { DeliveryPage, WebhookEvent } from '@liftoff/shared';
import { createBasicPortfolio, postUpdate, updateBody } from './support/fixtures';
import { startReceiver, type HttpReceiver } from './support/http-receiver';
import { waitUntil } from './support/row-lock';
import { startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';

const WEEKS = ['2026-W30', '2026-W31', '2026-W32', '2026-W33', '2026-W34', '2026-W35', '2026-W36', '2026-W37'];

/** Two server instances share one database, its outbox and its job queue: each event reaches a receiver once. */
describe('notification delivery from two server instances', () => {
  let instances: TwoInstances;
  let first: TestApp;
  let second: TestApp;
  let hook: HttpReceiver;

  beforeAll(async () => {
    const env = { DELIVERY_RETRY_BASE_MS: '50', JOBS_POLL_SECONDS: '0.5', PUBLIC_URL: 'https://liftoff.example.org' };
    instances = await startTwoInstances(env);
    ({ first, second } = instances);
    hook = await startReceiver();
  }, 120_000);
  afterAll(async () => {
    await instances?.close();
    await hook?.close();
  });

  it('sends every posted update once, whichever instance took the write and whichever one delivers', async () => {
    await first.http.post('/api/notification-channels').send({ kind: 'webhook', name: 'Twin receiver', url: hook.url, eventTypes: ['update.posted'] }).expect(201);
    const { pilot, lead } = await createBasicPortfolio(first);
    // Both instances take writes; both run dispatchers and delivery workers on the same queue.
    for (const [index, week] of WEEKS.entries()) await postUpdate(index % 2 ? second : first, pilot.id, updateBody(lead.id, { week }));

    expect(await waitUntil(async () => hook.requests.length >= WEEKS.length, 30_000)).toBeGreaterThanOrEqual(0);
    // Time for a duplicate to show up, if either instance were to send one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const events = hook.requests.map((request) => JSON.parse(request.body) as WebhookEvent);
    expect(hook.requests).toHaveLength(WEEKS.length);
    expect(new Set(events.map((event) => event.id)).size).toBe(WEEKS.length);
    expect(events.map((event) => (event.type === 'update.posted' ? event.data.update.week : null)).sort()).toEqual(WEEKS);

    const log = (await second.http.get('/api/deliveries?pageSize=200').expect(200)).body as DeliveryPage;
    expect(log.items).toHaveLength(WEEKS.length);
    expect(log.items.every((delivery) => delivery.status === 'delivered' && delivery.attempts === 1)).toBe(true);
  });
});
