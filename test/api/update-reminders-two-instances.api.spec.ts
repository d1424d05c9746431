import type { Person, UpdateReminderEvent } from '@liftoff/shared';
import { ReminderService } from '../../server/src/reminders/reminder.service';
import { createPerson, createPilot } from './support/fixtures';
import { startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';

/** Two server instances on one database run the same hours at the same moment: every message leaves once. */
describe('update reminders from two server instances', () => {
  let instances: TwoInstances;
  let first: TestApp;
  let second: TestApp;
  const leads: Person[] = [];

  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ first, second } = instances);
    const unit = (await first.http.post('/api/business-units').send({ name: 'Twin unit' }).expect(201)).body;
    const sponsor = await createPerson(first, 'executive', unit.id);
    for (let i = 0; i < 6; i++) {
      const lead = await createPerson(first, 'pilot_lead', unit.id);
      leads.push(lead);
      await createPilot(first, { businessUnitId: unit.id, leadId: lead.id, sponsorId: i % 2 ? sponsor.id : null, stage: 'piloting' });
    }
  });

  afterAll(async () => {
    await instances?.close();
  });

  const runBoth = async (now: Date): Promise<UpdateReminderEvent[]> => {
    const [a, b] = await Promise.all([first.app.get(ReminderService).run(now), second.app.get(ReminderService).run(now)]);
    return [...a, ...b];
  };
  const outboxCount = async (level: string): Promise<number> =>
    (await first.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE event_type = 'update.reminder' AND event->'data'->>'level' = $1`, [level]))[0].n;

  it('sends each lead reminder and each escalation once', async () => {
    const office = (await first.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE role = 'program_office'`))[0].n;
    // Every lead is in UTC: Thursday 2026-11-05 10:00 is everyone's moment.
    for (let round = 0; round < 3; round++) await runBoth(new Date('2026-11-05T10:00:00Z'));
    expect(await outboxCount('lead')).toBe(leads.length);
    await runBoth(new Date('2026-11-07T10:00:00Z')); // first grace: the sponsor, and the office for unsponsored pilots
    await runBoth(new Date('2026-11-07T10:30:00Z'));
    expect(await outboxCount('sponsor')).toBe(1);
    expect(await outboxCount('program_office')).toBe(office);
    await Promise.all([runBoth(new Date('2026-11-09T10:00:00Z')), runBoth(new Date('2026-11-09T11:00:00Z'))]); // second grace
    expect(await outboxCount('program_office')).toBe(2 * office);
    const [{ n }] = await first.dataSource.query(`SELECT count(*)::int AS n FROM reminders_sent`);
    expect(n).toBe(leads.length + 1 + 2 * office);
  });
});
