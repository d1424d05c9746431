import type { AnalysisSettings, ImportCompletedEvent, SavedAnalysisSettings, ImportReport, NotificationSettings, ReanalysisSummary, SessionUser, ThresholdsChangedEvent, WebhookEvent } from '@liftoff/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addIsoWeeks, isoWeekOf } from '@liftoff/shared';
import { createBasicPortfolio, postUpdate, updateBody } from './support/fixtures';
import { startReceiver, type HttpReceiver } from './support/http-receiver';
import { waitUntil } from './support/row-lock';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://liftoff.example.org';
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/import', name));
const NEWS = ['update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'import.completed'];

interface OpenFlag {
  id: string;
  pilot_id: string;
  pilot_name: string;
  summary: string;
}

/**
 * A change that re-analyses many pilots at once (an import, a threshold change) announces itself once:
 * one summary of what changed and which pilots were found stuck, instead of a message per stuck sign
 * and recommendation (a first import of a portfolio's history would otherwise flood every chat channel).
 * Real receivers and a real SMTP server on loopback.
 */
describe('summary notifications', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const receivers: HttpReceiver[] = [];
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, DELIVERY_RETRY_BASE_MS: '50', DELIVERY_TIMEOUT_MS: '2000', JOBS_POLL_SECONDS: '0.5' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };
  const addChannel = async (kind: 'slack' | 'webhook', url: string, eventTypes: string[]) =>
    t.http.post('/api/notification-channels').send({ kind, name: `${kind} ${Date.now()}`, url, eventTypes }).expect(201);
  const upload = (path: string, name: string, fields: Record<string, string> = {}) => {
    let req = t.http.post(path).attach('file', fixture(name), name);
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    return req;
  };
  const openFlags = async (): Promise<OpenFlag[]> =>
    t.dataSource.query(`SELECT f.id, f.pilot_id, p.name AS pilot_name, f.summary FROM signal_flags f JOIN pilots p ON p.id = f.pilot_id WHERE f.status = 'open'`);
  const eventsAt = (hook: HttpReceiver) => hook.requests.map((r) => JSON.parse(r.body) as WebhookEvent);
  /** Nothing waits in the outbox and no delivery is pending. */
  const settled = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)::int + (SELECT count(*) FROM deliveries WHERE status = 'pending')::int AS waiting`,
    );
    return row.waiting === 0;
  };
  const countOutbox = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events`))[0].n);

  /** What a summary should say about the flags an import opened, read from the database. */
  function expectedStuck(before: OpenFlag[], after: OpenFlag[]) {
    const known = new Set(before.map((f) => f.id));
    const opened = after.filter((f) => !known.has(f.id));
    const byPilot = new Map<string, { name: string; signs: string[] }>();
    for (const flag of opened) {
      const entry = byPilot.get(flag.pilot_id) ?? { name: flag.pilot_name, signs: [] };
      entry.signs.push(flag.summary);
      byPilot.set(flag.pilot_id, entry);
    }
    return { opened: opened.length, pilots: [...byPilot.entries()].map(([id, e]) => ({ id, name: e.name, signs: e.signs.sort() })).sort((a, b) => a.id.localeCompare(b.id)) };
  }
  const summarised = (event: { data: ReanalysisSummary }) =>
    event.data.newlyStuck.map((e) => ({ id: e.pilot.id, name: e.pilot.name, signs: [...e.stuckSigns].sort() })).sort((a, b) => a.id.localeCompare(b.id));

  it('sends one summary per import to chat, webhooks and email, and no message per stuck sign', async () => {
    const hook = await receiver();
    const slack = await receiver();
    await addChannel('webhook', hook.url, NEWS);
    await addChannel('slack', slack.url, ['import.completed']);
    const me = (await t.http.get('/api/auth/me').expect(200)).body as SessionUser;
    // An executive who wants import summaries by email.
    const exec = await t.as('executive');
    const settings = (await exec.get('/api/account/notifications').expect(200)).body as NotificationSettings;
    await exec.put('/api/account/notifications').send({ timeZone: settings.timeZone, emailEvents: ['import.completed'], version: settings.version }).expect(200);

    // A dry run writes nothing, so it announces nothing.
    const outboxBefore = await countOutbox();
    const dry = (await upload('/api/imports/pilots/dry-run', 'pilots.csv', { createPeople: 'true', createUnits: 'true' }).expect(200)).body as ImportReport;
    expect(await countOutbox()).toBe(outboxBefore);

    expect(dry.analysis).toBeNull();
    const beforePilots = await openFlags();
    const pilotsReport = (await upload('/api/imports/pilots', 'pilots.csv', { createPeople: 'true', createUnits: 'true', expectedSha256: dry.fileSha256 }).expect(201)).body as ImportReport;
    const afterPilots = await openFlags();
    const updatesReport = (await upload('/api/imports/weekly-updates', 'weekly-updates.csv').expect(201)).body as ImportReport;
    const afterUpdates = await openFlags();

    expect(await waitUntil(async () => eventsAt(hook).filter((e) => e.type === 'import.completed').length >= 2 && slack.requests.length >= 2, 15_000)).toBeGreaterThanOrEqual(0);
    // Give a stray per-sign event time to arrive (the dispatcher runs at most every 250 ms).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const received = eventsAt(hook);
    expect(received.map((e) => e.type)).toEqual(['import.completed', 'import.completed']);
    const [pilotsImport, updatesImport] = received as ImportCompletedEvent[];

    const firstStuck = expectedStuck(beforePilots, afterPilots);
    expect(firstStuck.opened).toBeGreaterThan(0);
    expect(pilotsImport.data).toMatchObject({
      kind: 'pilots',
      fileName: 'pilots.csv',
      importedBy: { id: me.id, name: me.name },
      rowCount: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      stuckSignsOpened: firstStuck.opened,
      stuckSignsResolved: 0,
      newlyStuckCount: firstStuck.pilots.length,
      stuckUrl: `${PUBLIC_URL}/stuck`,
    });
    expect(summarised(pilotsImport)).toEqual(firstStuck.pilots);
    for (const entry of pilotsImport.data.newlyStuck) expect(entry.url).toBe(`${PUBLIC_URL}/pilots/${entry.pilot.id}`);
    // Every imported pilot got its first recommendation: the counts say what they recommend.
    const actions: { action: string; n: number }[] = await t.dataSource.query(
      `SELECT d.action, count(*)::int AS n FROM pilot_diagnoses d JOIN pilots p ON p.id = d.pilot_id WHERE p.name IN ('Invoice triage', 'Reply drafts') GROUP BY d.action`,
    );
    expect(pilotsImport.data.recommendationsChanged).toBe(2);
    for (const { action, n } of actions) expect(pilotsImport.data.recommendationsNow[action as 'scale']).toBe(n);

    const secondStuck = expectedStuck(afterPilots, afterUpdates);
    const cleared = afterPilots.filter((f) => !afterUpdates.some((g) => g.id === f.id)).length;
    expect(updatesImport.data).toMatchObject({ kind: 'weekly-updates', fileName: 'weekly-updates.csv', rowCount: 3, created: 3, stuckSignsOpened: secondStuck.opened, stuckSignsResolved: cleared });
    expect(summarised(updatesImport)).toEqual(secondStuck.pilots);
    // The import's own report says the same as its announcement.
    const { kind: _k, fileName: _f, importedBy: _i, rowCount: _r, created: _c, updated: _u, unchanged: _n, ...pilotsSummary } = pilotsImport.data;
    expect(pilotsReport.analysis).toEqual(pilotsSummary);
    expect(updatesReport.analysis).toMatchObject({ stuckSignsOpened: secondStuck.opened, stuckSignsResolved: cleared, newlyStuckCount: secondStuck.pilots.length });

    // Chat gets the same summary as readable text, linking to the stuck list.
    const text = slack.requests.map((r) => r.body).join('\n');
    expect(text).toContain('Import of pilots from pilots.csv by ' + me.name);
    expect(text).toContain('Import of weekly updates from weekly-updates.csv');
    expect(text).toContain(`${PUBLIC_URL}/stuck`);

    // The executive's email: one per import, naming the pilots found stuck.
    expect(await waitUntil(async () => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(exec.person.email)).length >= 2, 15_000)).toBeGreaterThanOrEqual(0);
    const mails = smtp.messages.filter((m) => JSON.stringify(m.to).includes(exec.person.email));
    expect(mails.map((m) => m.subject)).toEqual([
      `Import of pilots: ${firstStuck.opened} new stuck signs on ${firstStuck.pilots.length} pilots`,
      `Import of weekly updates: ${secondStuck.opened} new stuck signs on ${secondStuck.pilots.length} pilots`,
    ]);
    for (const pilot of firstStuck.pilots) expect(mails[0].text).toContain(pilot.name);

    // The same file again changes nothing, so it announces nothing.
    const outboxAfter = await countOutbox();
    await upload('/api/imports/weekly-updates', 'weekly-updates.csv').expect(201);
    expect(await countOutbox()).toBe(outboxAfter);
  });

  it('still announces stuck signs one by one for an ordinary write', async () => {
    const hook = await receiver();
    await addChannel('webhook', hook.url, ['stuck_sign.opened', 'import.completed']);
    const [pilot] = await t.dataSource.query(`SELECT id, lead_id FROM pilots WHERE name = 'Invoice triage'`);
    const before = await openFlags();
    // A weekly update posted in the dashboard saying resources were moved away is ordinary news.
    await postUpdate(t, pilot.id, updateBody(pilot.lead_id, { week: '2026-W20', health: 'off_track', confidence: 1, resourcesRedirected: true }));
    const opened = expectedStuck(before, await openFlags()).opened;
    expect(opened).toBeGreaterThan(0);
    expect(await waitUntil(async () => hook.requests.length >= opened, 15_000)).toBeGreaterThanOrEqual(0);
    expect(new Set(eventsAt(hook).map((e) => e.type))).toEqual(new Set(['stuck_sign.opened']));
  });

  it('announces a threshold change once, naming each threshold moved, and a save that moves none not at all', async () => {
    const hook = await receiver();
    await addChannel('webhook', hook.url, [...NEWS, 'thresholds.changed']);
    const me = (await t.http.get('/api/auth/me').expect(200)).body as SessionUser;
    const settings = (await t.http.get('/api/settings').expect(200)).body as AnalysisSettings;
    // A blocker in two updates in a row: a repeated blocker once two are enough. Longer clocks clear the
    // stage and timebox signs of the imported pilot.
    const { pilot, lead } = await createBasicPortfolio(t);
    const thisWeek = isoWeekOf(new Date());
    for (const n of [2, 1]) {
      await postUpdate(t, pilot.id, updateBody(lead.id, { week: addIsoWeeks(thisWeek, -n), blockers: [{ text: 'Budget for licences not approved', category: 'budget' }] }));
    }
    // Everything the posts announced has arrived before the change.
    expect(await waitUntil(settled, 15_000)).toBeGreaterThanOrEqual(0);
    const posted = hook.requests.length;
    const before = await openFlags();
    const thresholds = { repeatedBlockerConsecutiveUpdates: 2, stalledStageMonthsTypical: 24, pilotTimeboxMonths: 36 };
    const saved = (await t.http.patch('/api/settings').send({ version: settings.version, thresholds }).expect(200)).body as SavedAnalysisSettings;
    const after = await openFlags();
    const stuck = expectedStuck(before, after);
    const cleared = before.filter((f) => !after.some((g) => g.id === f.id)).length;
    expect(stuck.opened).toBeGreaterThan(0);
    expect(cleared).toBeGreaterThan(0);

    expect(await waitUntil(async () => hook.requests.length > posted, 15_000)).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(eventsAt(hook).slice(posted).map((e) => e.type)).toEqual(['thresholds.changed']);
    const event = eventsAt(hook)[posted] as ThresholdsChangedEvent;
    expect(event.data).toMatchObject({
      changedBy: { id: me.id, name: me.name },
      changes: [
        { key: 'repeatedBlockerConsecutiveUpdates', label: 'Repeated blocker: consecutive updates', from: settings.thresholds.repeatedBlockerConsecutiveUpdates, to: 2 },
        { key: 'stalledStageMonthsTypical', label: 'No stage progress: months (typical case)', from: settings.thresholds.stalledStageMonthsTypical, to: 24 },
        { key: 'pilotTimeboxMonths', label: 'Pilot timebox: months of piloting', from: settings.thresholds.pilotTimeboxMonths, to: 36 },
      ],
      stuckSignsOpened: stuck.opened,
      stuckSignsResolved: cleared,
      newlyStuckCount: stuck.pilots.length,
      settingsUrl: `${PUBLIC_URL}/settings`,
    });
    expect(summarised(event)).toEqual(stuck.pilots);
    // The save's own answer says the same, for the settings page.
    const { changedBy: _by, changes: _changes, settingsUrl: _url, ...eventSummary } = event.data;
    expect(saved.reassessed).toEqual(eventSummary);
    expect(saved.thresholds).toMatchObject(thresholds);

    // Saving the same values again re-assesses nothing new and announces nothing.
    await t.http.patch('/api/settings').send({ version: saved.version, thresholds }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(hook.requests).toHaveLength(posted + 1);
  });
});
