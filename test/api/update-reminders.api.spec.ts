import type { DueUpdates, Person, Pilot, ReminderSettings, UpdateReminderEvent } from '@liftoff/shared';
import { currentWeekIn } from '@liftoff/shared';
import { ReminderService } from '../../server/src/reminders/reminder.service';
import { Person as PersonRecord } from '../../server/src/people/person.entity';
import { createPerson, createPilot, fieldsOf, postUpdate, updateBody } from './support/fixtures';
import { startTestApp, countRows, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://liftoff.example.test';
const WEEK = '2026-W45'; // Monday 2026-11-02 to Sunday 2026-11-08
// Default schedule: Thursday 10:00 in each lead's zone; sponsor after 2 days, program office 2 days later.
const AUCKLAND_THURSDAY_10 = new Date('2026-11-04T21:00:00Z'); // UTC+13: Wednesday 13:00 in Los Angeles
const LOS_ANGELES_THURSDAY_10 = new Date('2026-11-05T18:00:00Z'); // UTC-8

describe('weekly update reminders and their escalation', () => {
  let t: TestApp;
  let leadAuckland: Person;
  let leadLosAngeles: Person;
  let sponsor: Person;
  const pilots: Record<string, Pilot> = {};
  let run: (now: Date) => Promise<UpdateReminderEvent[]>;

  const setZone = async (person: Person, timeZone: string) =>
    (await t.http.patch(`/api/people/${person.id}`).send({ timeZone, version: person.version }).expect(200)).body as Person;
  const outboxRows = async (): Promise<{ event: UpdateReminderEvent; recipient_ids: string[] }[]> =>
    t.dataSource.query(`SELECT event, recipient_ids FROM outbox_events WHERE event_type = 'update.reminder' ORDER BY created_at, event->>'occurredAt'`);
  const names = (event: UpdateReminderEvent) => event.data.pilots.map((p) => p.pilot.name);

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    run = (now) => t.app.get(ReminderService).run(now);
    const unit = (await t.http.post('/api/business-units').send({ name: 'Reminders unit' }).expect(201)).body;
    leadAuckland = await setZone(await createPerson(t, 'pilot_lead', unit.id), 'Pacific/Auckland');
    leadLosAngeles = await setZone(await createPerson(t, 'pilot_lead', unit.id), 'America/Los_Angeles');
    sponsor = await createPerson(t, 'executive', unit.id);
    const make = async (name: string, lead: Person, stage: string, sponsorId: string | null) => {
      pilots[name] = await createPilot(t, { name, businessUnitId: unit.id, leadId: lead.id, sponsorId, stage });
    };
    await make('A Auckland sponsored', leadAuckland, 'piloting', sponsor.id);
    await make('B Auckland unsponsored', leadAuckland, 'proposed', null);
    await make('C Auckland paused', leadAuckland, 'paused', sponsor.id);
    await make('D Auckland killed', leadAuckland, 'killed', sponsor.id);
    await make('E Auckland updated', leadAuckland, 'scaling', sponsor.id);
    await make('F Auckland updated late', leadAuckland, 'piloting', sponsor.id);
    await make('G Los Angeles sponsored', leadLosAngeles, 'piloting', sponsor.id);
    await postUpdate(t, pilots['E Auckland updated'].id, updateBody(leadAuckland.id, { week: WEEK }));
    await postUpdate(t, pilots['A Auckland sponsored'].id, updateBody(leadAuckland.id, { week: '2026-W42' }));
  });

  afterAll(() => t.close());

  it('reminds each lead once, at Thursday 10:00 of their own zone, listing every due pilot with its form', async () => {
    expect(await run(new Date('2026-11-04T20:59:00Z'))).toEqual([]); // 09:59 in Auckland

    const [auckland, ...others] = await run(AUCKLAND_THURSDAY_10);
    expect(others).toEqual([]); // Los Angeles is still on Wednesday
    expect(auckland.type).toBe('update.reminder');
    expect(auckland.data).toMatchObject({ level: 'lead', week: WEEK, recipient: { id: leadAuckland.id, name: leadAuckland.name } });
    // Not the paused, the killed or the updated pilot.
    expect(names(auckland)).toEqual(['A Auckland sponsored', 'B Auckland unsponsored', 'F Auckland updated late']);
    const a = auckland.data.pilots[0];
    expect(a.updateUrl).toBe(`${PUBLIC_URL}/pilots/${pilots['A Auckland sponsored'].id}/updates/new`);
    expect(a.lead).toEqual({ id: leadAuckland.id, name: leadAuckland.name });
    expect(a.weeksMissing).toBe(3); // W43, W44, W45

    expect(await run(new Date('2026-11-05T17:59:00Z'))).toEqual([]); // 09:59 in Los Angeles; Auckland already sent
    const [losAngeles, ...more] = await run(LOS_ANGELES_THURSDAY_10);
    expect(more).toEqual([]);
    expect(losAngeles.data).toMatchObject({ level: 'lead', week: WEEK, recipient: { id: leadLosAngeles.id } });
    expect(names(losAngeles)).toEqual(['G Los Angeles sponsored']);

    expect(await run(new Date('2026-11-06T03:00:00Z'))).toEqual([]); // later the same week: nothing twice
    const rows = await outboxRows();
    expect(rows.map((r) => r.recipient_ids)).toEqual([[leadAuckland.id], [leadLosAngeles.id]]);
    expect(rows[0].event.id).toBe(auckland.id);
  });

  it('tells the sponsor after the first grace and the program office after the second, once each', async () => {
    await postUpdate(t, pilots['F Auckland updated late'].id, updateBody(leadAuckland.id, { week: WEEK }));
    expect(await run(new Date('2026-11-06T20:59:00Z'))).toEqual([]);

    // Two days after Auckland's reminder: one message to the sponsor (Los Angeles's pilot joins it: same week,
    // its deadline within a day) and the unsponsored pilot straight to every program-office person.
    const firstGrace = await run(new Date('2026-11-06T21:00:00Z'));
    const toSponsor = firstGrace.filter((e) => e.data.level === 'sponsor');
    expect(toSponsor).toHaveLength(1);
    expect(toSponsor[0].data.recipient.id).toBe(sponsor.id);
    expect(names(toSponsor[0])).toEqual(['A Auckland sponsored', 'G Los Angeles sponsored']);
    const office = await t.dataSource.query(`SELECT id FROM people WHERE role = 'program_office' AND deactivated_at IS NULL`);
    const toOffice = firstGrace.filter((e) => e.data.level === 'program_office');
    expect(toOffice.map((e) => e.data.recipient.id).sort()).toEqual(office.map((p: { id: string }) => p.id).sort());
    for (const event of toOffice) expect(names(event)).toEqual(['B Auckland unsponsored']);
    expect(firstGrace).toHaveLength(1 + office.length);

    expect(await run(new Date('2026-11-07T20:00:00Z'))).toEqual([]);
    const secondGrace = await run(new Date('2026-11-08T21:00:00Z'));
    expect(secondGrace.map((e) => e.data.level)).toEqual(office.map(() => 'program_office'));
    for (const event of secondGrace) expect(names(event)).toEqual(['A Auckland sponsored', 'G Los Angeles sponsored']);
    expect(await run(new Date('2026-11-09T21:00:00Z'))).toEqual([]);

    const rows = await outboxRows();
    expect(rows).toHaveLength(2 + 1 + 2 * office.length);
    expect(rows.every((r) => r.recipient_ids.length === 1 && r.recipient_ids[0] === r.event.data.recipient.id)).toBe(true);
    expect(await countRows(t.dataSource, 'reminders_sent')).toBe(rows.length);
  });

  it('sends nothing while reminders are switched off', async () => {
    const settings = (await t.http.get('/api/settings/reminders').expect(200)).body as ReminderSettings;
    await t.http.patch('/api/settings/reminders').send({ version: settings.version, enabled: false }).expect(200);
    expect(await run(new Date('2026-11-12T21:00:00Z'))).toEqual([]); // Auckland's Thursday of W46
    const again = (await t.http.get('/api/settings/reminders').expect(200)).body as ReminderSettings;
    await t.http.patch('/api/settings/reminders').send({ version: again.version, enabled: true }).expect(200);
    const late = await run(new Date('2026-11-13T21:00:00Z')); // switched on again: a missed moment still goes out that week
    expect(late.map((e) => e.data.recipient.id)).toContain(leadAuckland.id);
  });

  it('lists the signed-in lead\'s due pilots for the week of their zone', async () => {
    const week = currentWeekIn(new Date(), 'Pacific/Auckland');
    await postUpdate(t, pilots['A Auckland sponsored'].id, updateBody(leadAuckland.id, { week }));
    const lead = await t.as('pilot_lead', await t.dataSource.manager.findOneByOrFail(PersonRecord, { id: leadAuckland.id }));
    const due = (await lead.get('/api/me/due-updates').expect(200)).body as DueUpdates;
    expect(due.week).toBe(week);
    expect(due.timeZone).toBe('Pacific/Auckland');
    expect(due.items.map((i) => i.pilotName)).toEqual(['B Auckland unsponsored', 'E Auckland updated', 'F Auckland updated late']);
    expect(due.items[0]).toMatchObject({ stage: 'proposed', updatePath: `/pilots/${pilots['B Auckland unsponsored'].id}/updates/new` });
    const viewer = await t.as('viewer');
    expect(((await viewer.get('/api/me/due-updates').expect(200)).body as DueUpdates).items).toEqual([]);
  });

  it('validates the settings and refuses a stale version', async () => {
    const settings = (await t.http.get('/api/settings/reminders').expect(200)).body as ReminderSettings;
    expect(settings).toMatchObject({ enabled: true, weekday: 4, hour: 10, sponsorGraceDays: 2, officeGraceDays: 2 });
    const bad = await t.http.patch('/api/settings/reminders').send({ version: settings.version, weekday: 8, hour: 24, sponsorGraceDays: 0 }).expect(400);
    expect(fieldsOf(bad).sort()).toEqual(['hour', 'sponsorGraceDays', 'weekday']);
    const saved = (await t.http.patch('/api/settings/reminders').send({ version: settings.version, weekday: 1, hour: 9 }).expect(200)).body as ReminderSettings;
    expect(saved).toMatchObject({ weekday: 1, hour: 9, version: settings.version + 1 });
    await t.http.patch('/api/settings/reminders').send({ version: settings.version, hour: 11 }).expect(409);
    const lead = await t.as('pilot_lead');
    await lead.patch('/api/settings/reminders').send({ version: saved.version, hour: 11 }).expect(403);
    expect(((await lead.get('/api/settings/reminders').expect(200)).body as ReminderSettings).hour).toBe(9);
  });
});
