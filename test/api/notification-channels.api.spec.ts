import type { ChannelTestResult, NotificationChannelView, NotificationChannelWithSecret } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { closedPortUrl, startReceiver, type HttpReceiver } from './support/http-receiver';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** The program office's channels: validation naming the field, optimistic locking, secrets shown once, "send a test". */
describe('notification channels', () => {
  let t: TestApp;
  let hook: HttpReceiver;
  beforeAll(async () => {
    t = await startTestApp();
    hook = await startReceiver('/services/T1/B2/very-secret-token');
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  const valid = () => ({ kind: 'webhook', name: 'Ops webhook', url: hook.url, eventTypes: ['update.posted', 'decision.recorded'] });

  it.each([
    [{ url: 'ftp://example.com/hook' }, 'url'],
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ kind: 'email' }, 'kind'],
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ eventTypes: [] }, 'eventTypes'],
    [{ eventTypes: ['update.posted', 'pilot.exploded'] }, 'eventTypes'],
    [{ eventTypes: 'update.posted' }, 'eventTypes'],
    [{ enabled: 'yes' }, 'enabled'],
  ])('refuses %j with a 400 naming %s, and stores nothing', async (change, field) => {
    const res = await t.http.post('/api/notification-channels').send({ ...valid(), ...change }).expect(400);
    expect(fieldsOf(res)).toContain(field);
    expect(await countRows(t.dataSource, 'notification_channels')).toBe(0);
  });

  it('shows a webhook its signing secret once, masks the URL and keeps both out of the audit trail', async () => {
    const created = (await t.http.post('/api/notification-channels').send(valid()).expect(201)).body as NotificationChannelWithSecret;
    expect(created).toMatchObject({ kind: 'webhook', name: 'Ops webhook', enabled: true, signed: true, version: 1, eventTypes: ['update.posted', 'decision.recorded'] });
    expect(created.signingSecret).toMatch(/^lsec_/);
    expect(created.maskedUrl).toBe(`${new URL(hook.url).origin}/…`);
    const read = (await t.http.get(`/api/notification-channels/${created.id}`).expect(200)).body;
    expect(read).not.toHaveProperty('signingSecret');
    expect(JSON.stringify(read)).not.toContain('very-secret-token');
    const listed = (await t.http.get('/api/notification-channels').expect(200)).body as NotificationChannelView[];
    expect(JSON.stringify(listed)).not.toContain('very-secret-token');
    expect(JSON.stringify(listed)).not.toContain(created.signingSecret!);
    const audit = JSON.stringify(await t.dataSource.query(`SELECT before, after FROM audit_events WHERE entity = 'notification_channels'`));
    expect(audit).toContain('Ops webhook');
    expect(audit).not.toContain('very-secret-token');
    expect(audit).not.toContain(created.signingSecret!);

    const slack = (await t.http.post('/api/notification-channels').send({ ...valid(), kind: 'slack', name: 'Slack' }).expect(201)).body as NotificationChannelWithSecret;
    expect(slack).toMatchObject({ signed: false, signingSecret: null });
    await t.http.post(`/api/notification-channels/${slack.id}/rotate-secret`).send({ version: 1 }).expect(400);
  });

  it('edits with optimistic locking and validates the edit', async () => {
    const created = (await t.http.post('/api/notification-channels').send({ ...valid(), name: 'To edit' }).expect(201)).body as NotificationChannelWithSecret;
    const bad = await t.http.patch(`/api/notification-channels/${created.id}`).send({ version: 1, url: 'file:///etc/passwd' }).expect(400);
    expect(fieldsOf(bad)).toEqual(['url']);
    const missingVersion = await t.http.patch(`/api/notification-channels/${created.id}`).send({ name: 'No version' }).expect(400);
    expect(fieldsOf(missingVersion)).toContain('version');
    const edited = (await t.http.patch(`/api/notification-channels/${created.id}`).send({ version: 1, name: 'Edited', enabled: false, eventTypes: ['portfolio.digest'] }).expect(200)).body;
    expect(edited).toMatchObject({ name: 'Edited', enabled: false, eventTypes: ['portfolio.digest'], version: 2 });
    const stale = await t.http.patch(`/api/notification-channels/${created.id}`).send({ version: 1, name: 'Stale' }).expect(409);
    expect(stale.body.message).toMatch(/version/);
    expect((await t.http.get(`/api/notification-channels/${created.id}`).expect(200)).body.name).toBe('Edited');

    const rotated = (await t.http.post(`/api/notification-channels/${created.id}/rotate-secret`).send({ version: 2 }).expect(200)).body as NotificationChannelWithSecret;
    expect(rotated.signingSecret).toMatch(/^lsec_/);
    expect(rotated.signingSecret).not.toBe(created.signingSecret);
    expect(rotated.version).toBe(3);
    await t.http.post(`/api/notification-channels/${created.id}/rotate-secret`).send({ version: 2 }).expect(409);

    await t.http.delete(`/api/notification-channels/${created.id}`).expect(204);
    await t.http.get(`/api/notification-channels/${created.id}`).expect(404);
    await t.http.delete(`/api/notification-channels/${UNKNOWN_ID}`).expect(404);
  });

  it('sends a test and reports the outcome, and the failure when nothing listens', async () => {
    const created = (await t.http.post('/api/notification-channels').send({ ...valid(), name: 'Testable' }).expect(201)).body as NotificationChannelWithSecret;
    const before = hook.requests.length;
    const ok = (await t.http.post(`/api/notification-channels/${created.id}/test`).expect(200)).body as ChannelTestResult;
    expect(ok).toMatchObject({ ok: true, responseCode: 200, error: null });
    expect(hook.requests).toHaveLength(before + 1);
    expect(JSON.parse(hook.requests[before].body).data.update.summary).toMatch(/test message/);

    const down = (await t.http.post('/api/notification-channels').send({ ...valid(), name: 'Down', url: await closedPortUrl() }).expect(201)).body as NotificationChannelWithSecret;
    const failed = (await t.http.post(`/api/notification-channels/${down.id}/test`).expect(200)).body as ChannelTestResult;
    expect(failed).toMatchObject({ ok: false, responseCode: null, error: expect.stringContaining('Connection refused') });
    await t.http.post(`/api/notification-channels/${UNKNOWN_ID}/test`).expect(404);
  });

  it('refuses bad delivery-log filters with a 400 naming them', async () => {
    expect(fieldsOf(await t.http.get('/api/deliveries?status=lost').expect(400))).toEqual(['status']);
    expect(fieldsOf(await t.http.get('/api/deliveries?kind=fax').expect(400))).toEqual(['kind']);
    expect(fieldsOf(await t.http.get('/api/deliveries?pageSize=0').expect(400))).toEqual(['pageSize']);
  });

  it('writes outbox rows for a sweep that changed something, and none for a sweep that did not', async () => {
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
    const types = async () =>
      Object.fromEntries(
        ((await t.dataSource.query(`SELECT event_type, count(*)::int AS n FROM outbox_events GROUP BY event_type`)) as { event_type: string; n: number }[]).map((r) => [r.event_type, r.n]),
      );
    const afterFirst = await types();
    expect(afterFirst['stuck_sign.opened']).toBeGreaterThan(0);
    expect(afterFirst['recommendation.changed']).toBeGreaterThan(0);
    await t.http.post('/api/sweeps').expect(200);
    expect(await types()).toEqual(afterFirst);

    // A flag whose condition cleared is announced as resolved, with its pilot.
    const [flag] = await t.dataSource.query(`SELECT id, pilot_id FROM signal_flags WHERE status = 'open' ORDER BY id LIMIT 1`);
    await t.dataSource.query(`UPDATE signal_flags SET status = 'resolved', resolved_at = now(), resolution = 'condition_cleared' WHERE id = $1`, [flag.id]);
    await t.dataSource.query(`INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, opened_at, last_seen_at)
      VALUES ($1, 'silent', 'never-fires', 'open', 'A sign the rules no longer see', now(), now())`, [flag.pilot_id]);
    await t.http.post('/api/sweeps').expect(200);
    const resolved = await t.dataSource.query(`SELECT event FROM outbox_events WHERE event_type = 'stuck_sign.resolved'`);
    expect(resolved.map((r: { event: { data: { flag: { subjectKey: string }; pilot: { id: string } } } }) => [r.event.data.flag.subjectKey, r.event.data.pilot.id])).toContainEqual(['never-fires', flag.pilot_id]);
  });
});
