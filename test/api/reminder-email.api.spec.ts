import type { Person, Pilot } from '@liftoff/shared';
import { ReminderService } from '../../server/src/reminders/reminder.service';
import { createPerson, createPilot } from './support/fixtures';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://liftoff.example.com';
// Default schedule: Thursday 10:00 in each lead's own zone (week 2026-W45).
const AUCKLAND_THURSDAY_10 = new Date('2026-11-04T21:00:00Z'); // still Wednesday 13:00 in Los Angeles
const LOS_ANGELES_THURSDAY_10 = new Date('2026-11-05T18:00:00Z');

/** End to end: the reminder run, the outbox, the job queue, the email channel and a real SMTP server on loopback. */
describe('update reminders by email', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let leadAuckland: Person;
  let leadLosAngeles: Person;
  let pilotAuckland: Pilot;
  let pilotLosAngeles: Pilot;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Liftoff <liftoff@liftoff.test>', SMTP_TIMEOUT_MS: '3000', JOBS_POLL_SECONDS: '0.5' });
    const unit = (await t.http.post('/api/business-units').send({ name: 'Reminder mail unit' }).expect(201)).body;
    const inZone = async (timeZone: string) => {
      const person = await createPerson(t, 'pilot_lead', unit.id);
      return (await t.http.patch(`/api/people/${person.id}`).send({ timeZone, version: person.version }).expect(200)).body as Person;
    };
    leadAuckland = await inZone('Pacific/Auckland');
    leadLosAngeles = await inZone('America/Los_Angeles');
    pilotAuckland = await createPilot(t, { name: 'Claims triage assistant', businessUnitId: unit.id, leadId: leadAuckland.id, stage: 'piloting' });
    pilotLosAngeles = await createPilot(t, { name: 'Contract clause finder', businessUnitId: unit.id, leadId: leadLosAngeles.id, stage: 'piloting' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails the Auckland lead at 10:00 Auckland time and the Los Angeles lead only at 10:00 theirs, with a link to each form', async () => {
    const reminders = t.app.get(ReminderService);
    expect((await reminders.run(AUCKLAND_THURSDAY_10)).map((event) => event.data.recipient.id)).toEqual([leadAuckland.id]);
    const first = await smtp.nextMessage(0);
    expect(smtp.envelopes[0]).toEqual([leadAuckland.email]);
    expect(first.subject).toBe(`Weekly update due for ${pilotAuckland.name} (2026-W45)`);
    expect(first.text).toContain(pilotAuckland.name);
    expect(first.html).toContain(`href="${PUBLIC_URL}/pilots/${pilotAuckland.id}/updates/new"`);
    expect(first.text).not.toContain(pilotLosAngeles.name);

    expect((await reminders.run(LOS_ANGELES_THURSDAY_10)).map((event) => event.data.recipient.id)).toEqual([leadLosAngeles.id]);
    const second = await smtp.nextMessage(1);
    expect(smtp.envelopes[1]).toEqual([leadLosAngeles.email]);
    expect(second.html).toContain(`href="${PUBLIC_URL}/pilots/${pilotLosAngeles.id}/updates/new"`);
    // Neither lead hears twice in the same week.
    expect(await reminders.run(new Date('2026-11-06T03:00:00Z'))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages).toHaveLength(2);
  });
});
