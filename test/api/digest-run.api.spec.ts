import type { DigestSettings, Person, PortfolioDigestEvent } from '@liftoff/shared';
import { DigestService } from '../../server/src/digest/digest.service';
import { createPerson } from './support/fixtures';
import { startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';

interface OutboxRow {
  event: PortfolioDigestEvent;
  recipient_ids: string[] | null;
}

/**
 * The hourly run hands each digest to the outbox once per person (or broadcast) and week, on each
 * person's own clock, however often it runs and from however many server instances.
 */
describe('weekly digest: the run', () => {
  let instances: TwoInstances;
  let first: TestApp;
  let second: TestApp;
  let auckland: Person;
  let losAngeles: Person;

  const digests = async (): Promise<OutboxRow[]> =>
    first.dataSource.query(
      `SELECT event, recipient_ids FROM outbox_events WHERE event_type = 'portfolio.digest' AND event->'data'->>'from' IN ('2026-12-02', '2026-12-09') ORDER BY created_at, id`,
    );
  const sentRows = async (): Promise<{ person_id: string | null; week: string }[]> =>
    // The weeks these runs are told it is (the hourly schedule may add the real week's).
    first.dataSource.query(`SELECT person_id, week FROM digests_sent WHERE week IN ('2026-W50', '2026-W51') ORDER BY week, person_id NULLS FIRST`);
  const utcOffice = async (): Promise<string[]> =>
    (await first.dataSource.query(`SELECT id FROM people WHERE role IN ('program_office', 'executive') AND time_zone = 'UTC' AND deactivated_at IS NULL`)).map((row: { id: string }) => row.id);

  beforeAll(async () => {
    instances = await startTwoInstances({ PUBLIC_URL: 'https://liftoff.example.com' });
    ({ first, second } = instances);
    auckland = await createPerson(first, 'executive');
    losAngeles = await createPerson(first, 'program_office');
    await first.http.patch(`/api/people/${auckland.id}`).send({ version: auckland.version, timeZone: 'Pacific/Auckland' }).expect(200);
    await first.http.patch(`/api/people/${losAngeles.id}`).send({ version: losAngeles.version, timeZone: 'America/Los_Angeles' }).expect(200);
    const gone = await createPerson(first, 'executive');
    await first.http.post(`/api/people/${gone.id}/deactivate`).expect(200);
    await createPerson(first, 'pilot_lead');
    await createPerson(first, 'viewer');
    const settings: DigestSettings = (await first.http.get('/api/settings/digest').expect(200)).body;
    await first.http.patch('/api/settings/digest').send({ version: settings.version, weekday: 3, hour: 8 }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await instances?.close();
  });

  it('sends on Wednesday 08:00 of each person’s own clock, once, even run again and from two instances at once', async () => {
    // Wednesday 07:30 UTC: 20:30 in Auckland, Tuesday 23:30 in Los Angeles, not yet 08:00 in UTC.
    const early = new Date('2026-12-09T07:30:00Z');
    const runs = await Promise.all([first.app.get(DigestService).run(early), second.app.get(DigestService).run(early), first.app.get(DigestService).run(early)]);
    expect(runs.reduce((sum, run) => sum + run.queued, 0)).toBe(1);
    expect(await sentRows()).toEqual([{ person_id: auckland.id, week: '2026-W50' }]);
    const [digest] = await digests();
    expect(digest.recipient_ids).toEqual([auckland.id]);
    expect(digest.event).toMatchObject({ type: 'portfolio.digest', data: { recipient: { id: auckland.id, name: auckland.name }, from: '2026-12-02', to: '2026-12-08', dashboardUrl: 'https://liftoff.example.com/' } });

    // 08:00 UTC: everyone on UTC and the channels' broadcast; Auckland had theirs.
    const eight = new Date('2026-12-09T08:00:00Z');
    const [a, b] = await Promise.all([first.app.get(DigestService).run(eight), second.app.get(DigestService).run(eight)]);
    const utc = await utcOffice();
    expect(utc.length).toBeGreaterThanOrEqual(2); // each test app's own program-office account
    expect(a.queued + b.queued).toBe(utc.length + 1);
    const broadcast = (await digests()).find((row) => row.recipient_ids === null)!;
    expect(broadcast.event.data).toMatchObject({ recipient: null, from: '2026-12-02', to: '2026-12-08' });
    expect(broadcast.event.data.newlyStuck.every((line) => !line.own)).toBe(true);

    // 16:00 UTC is 08:00 in Los Angeles.
    expect((await first.app.get(DigestService).run(new Date('2026-12-09T15:59:00Z'))).queued).toBe(0);
    expect((await second.app.get(DigestService).run(new Date('2026-12-09T16:00:00Z'))).queued).toBe(1);
    // Later in the week nothing is due again.
    expect((await first.app.get(DigestService).run(new Date('2026-12-12T12:00:00Z'))).queued).toBe(0);
    const rows = await sentRows();
    expect(rows).toHaveLength(utc.length + 3);
    expect(new Set(rows.map((row) => row.week))).toEqual(new Set(['2026-W50']));
    expect(rows.map((row) => row.person_id).sort()).toEqual([null, auckland.id, losAngeles.id, ...utc].sort((x, y) => String(x).localeCompare(String(y))));
    // Never the deactivated executive, the lead or the viewer; each person exactly once.
    expect((await digests()).map((row) => row.recipient_ids?.[0] ?? null).sort()).toEqual(rows.map((row) => row.person_id).sort());
  });

  it('starts again the next week, and sends nothing while switched off', async () => {
    const before = (await sentRows()).length;
    expect((await first.app.get(DigestService).run(new Date('2026-12-16T08:00:00Z'))).queued).toBe((await utcOffice()).length + 2); // UTC people, broadcast, Auckland
    expect((await sentRows()).filter((row) => row.week === '2026-W51')).toHaveLength((await sentRows()).length - before);
    const settings: DigestSettings = (await first.http.get('/api/settings/digest').expect(200)).body;
    await first.http.patch('/api/settings/digest').send({ version: settings.version, enabled: false }).expect(200);
    expect((await first.app.get(DigestService).run(new Date('2026-12-23T20:00:00Z'))).queued).toBe(0);
  });
});
