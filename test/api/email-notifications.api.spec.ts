import request from 'supertest';
import type { InvitedPerson, NotificationSettings, Person, Pilot, PortfolioDigestEvent, StuckSignOpenedEvent, UpdateReminderEvent, WebhookPilotRef } from '@liftoff/shared';
import type { ParsedMail } from 'mailparser';
import { EmailChannel } from '../../server/src/notifications/email/email-channel';
import type { OutboxMessage } from '../../server/src/notifications/delivery-channel';
import { createBasicPortfolio, createPerson, createPilot, fieldsOf } from './support/fixtures';
import { startSmtpCapture, UNKNOWN_DOMAIN, type SmtpCapture } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'http://liftoff.test:8080';
const ref = (pilot: Pilot): WebhookPilotRef => ({ id: pilot.id, name: pilot.name, stage: pilot.stage, businessUnitId: pilot.businessUnitId });
let serial = 0;
const eventId = () => `evt-${++serial}-${Date.now()}`;

function reminderFor(recipient: Person, pilots: Pilot[], lead: Person): UpdateReminderEvent {
  return {
    id: eventId(),
    type: 'update.reminder',
    occurredAt: new Date().toISOString(),
    data: {
      level: 'lead',
      recipient: { id: recipient.id, name: recipient.name },
      week: '2026-W49',
      pilots: pilots.map((pilot, i) => ({ pilot: ref(pilot), lead: { id: lead.id, name: lead.name }, weeksMissing: i + 1, updateUrl: `${PUBLIC_URL}/pilots/${pilot.id}/updates/new` })),
    },
  };
}

function digestFor(recipient: Person, own: Pilot, other: Pilot): PortfolioDigestEvent {
  const line = (pilot: Pilot, isOwn: boolean) => ({ pilot: ref(pilot), health: 'at_risk' as const, stuckSigns: ['No active users for three weeks'], recommendedAction: 'investigate' as never, url: `/pilots/${pilot.id}`, own: isOwn });
  return {
    id: eventId(),
    type: 'portfolio.digest',
    occurredAt: new Date().toISOString(),
    data: {
      recipient: { id: recipient.id, name: recipient.name },
      from: '2026-11-30',
      to: '2026-12-06',
      activePilots: 12,
      updatesPosted: 9,
      // Listed other-first on purpose: the email puts the recipient's own pilot first.
      newlyStuck: [line(other, false), line(own, true)],
      unstuck: [],
      enteredScaleQueue: [line(other, false)],
      decisions: [],
      reviewsOverdue: [],
      silent: [line(own, true)],
      dashboardUrl: `${PUBLIC_URL}/`,
    },
  };
}

/** The address of the List-Unsubscribe header, as the mail program reads it. */
function unsubscribeHeader(mail: ParsedMail): string {
  const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const match = /<([^>]+)>/.exec(line);
  if (!match) throw new Error(`no List-Unsubscribe header in: ${line}`);
  return match[1];
}

function stuckSign(pilot: Pilot): StuckSignOpenedEvent {
  const flag = { id: eventId(), pilotId: pilot.id, summary: 'No update for three weeks' } as StuckSignOpenedEvent['data']['flag'];
  return { id: eventId(), type: 'stuck_sign.opened', occurredAt: new Date().toISOString(), data: { pilot: ref(pilot), flag } };
}

/** Email notifications against a real SMTP server on loopback: who gets what, what it says, and how to stop it. */
describe('email notifications', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let channel: EmailChannel;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Liftoff <liftoff@liftoff.test>', SMTP_TIMEOUT_MS: '3000' });
    channel = t.app.get(EmailChannel);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const targetsOf = (message: OutboxMessage) => t.dataSource.transaction((manager) => channel.targets(manager, message));
  /** Fans out and sends as the outbox will; returns the messages the SMTP server received. */
  const deliver = async (message: OutboxMessage) => {
    const targets = await targetsOf(message);
    const from = smtp.messages.length;
    const results = [];
    for (const target of targets) results.push(await channel.send(target, message));
    const received = await Promise.all(results.map((_, i) => smtp.nextMessage(from + i)));
    return { targets, results, received };
  };

  it('mails a reminder to its recipient with a link to each update form, in HTML and text, with an unsubscribe link', async () => {
    const { lead, pilot } = await createBasicPortfolio(t);
    const second = await createPilot(t, { businessUnitId: pilot.businessUnitId, leadId: lead.id });
    const { targets, results, received } = await deliver({ event: reminderFor(lead, [pilot, second], lead), recipientIds: [lead.id] });
    expect(targets).toEqual([{ kind: 'email', channelId: null, personId: lead.id, label: lead.email }]);
    expect(results).toEqual([{ ok: true, responseCode: 250, error: null, retryable: false }]);
    const [mail] = received;
    expect(mail.subject).toBe('Weekly update due for 2 pilots (2026-W49)');
    expect((mail.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual([lead.email]);
    expect(mail.from?.value[0].address).toBe('liftoff@liftoff.test');
    for (const p of [pilot, second]) {
      const form = `${PUBLIC_URL}/pilots/${p.id}/updates/new`;
      expect(mail.text).toContain(form);
      expect(mail.html).toContain(`href="${form}"`);
      expect(mail.text).toContain(p.name);
    }
    expect(mail.text).toContain('2 weeks in a row');
    const unsubscribe = unsubscribeHeader(mail);
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/api/notifications/unsubscribe\\?token=`));
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribe);
    expect(mail.html).toContain(`href="${unsubscribe.replace(/&/g, '&amp;')}"`);
  });

  it('mails a digest with its sections and links, the recipient’s own pilots first', async () => {
    const { sponsor, pilot: own } = await createBasicPortfolio(t);
    const { pilot: other } = await createBasicPortfolio(t);
    const { received } = await deliver({ event: digestFor(sponsor, own, other), recipientIds: [sponsor.id] });
    const [mail] = received;
    expect(mail.subject).toBe('Liftoff portfolio digest, 2026-11-30 to 2026-12-06');
    expect(smtp.envelopes.at(-1)).toEqual([sponsor.email]);
    const text = mail.text!;
    for (const title of ['Newly stuck', 'Ready to scale', 'Gone quiet']) expect(text).toContain(title);
    expect(text).not.toContain('Decisions made');
    const stuckSection = text.slice(text.indexOf('Newly stuck'), text.indexOf('Ready to scale'));
    expect(stuckSection.indexOf(own.name)).toBeGreaterThan(-1);
    expect(stuckSection.indexOf(own.name)).toBeLessThan(stuckSection.indexOf(other.name));
    expect(text).toContain(`${PUBLIC_URL}/pilots/${own.id}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/pilots/${other.id}"`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/"`);
  });

  it('the unsubscribe link turns that event type off, and the next reminder does not go to that person', async () => {
    const { lead, pilot } = await createBasicPortfolio(t);
    const colleague = await createPerson(t, 'pilot_lead');
    const message = () => ({ event: reminderFor(lead, [pilot], lead), recipientIds: [lead.id, colleague.id] });
    const { received } = await deliver(message());
    const mine = received.find((m) => (m.to as { text: string }).text.includes(lead.email))!;
    const link = new URL(unsubscribeHeader(mine));

    // A tampered token is refused and changes nothing.
    const forged = link.searchParams.get('token')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await t.anonymous.get('/api/notifications/unsubscribe').query({ token: forged }).expect(400);
    expect((await targetsOf(message())).map((target) => target.personId).sort()).toEqual([lead.id, colleague.id].sort());

    const res = await t.anonymous.get(`${link.pathname}${link.search}`).set('Accept', 'application/json').expect(200);
    expect(res.body).toMatchObject({ eventType: 'update.reminder', label: 'Reminders about missing weekly updates' });
    expect((await targetsOf(message())).map((target) => target.personId)).toEqual([colleague.id]);
    const leadHttp = await t.as('pilot_lead', { id: lead.id } as never);
    const settings = (await leadHttp.get('/api/account/notifications').expect(200)).body as NotificationSettings;
    expect(settings.emailEvents).toEqual(['portfolio.digest']);

    // A browser gets a page to read; mail programs' one-click POST works too.
    const page = await t.anonymous.get(`${link.pathname}${link.search}`).set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('no longer get email');
    await t.anonymous.post(`${link.pathname}${link.search}`).type('form').send('List-Unsubscribe=One-Click').expect(200);
  });

  it('news for everyone goes to those who opted in and follow the pilot', async () => {
    const { lead, sponsor, pilot } = await createBasicPortfolio(t);
    const otherLead = await createPerson(t, 'pilot_lead');
    const quietExec = await createPerson(t, 'executive');
    const everyone = [lead, sponsor, otherLead];
    // Off by default: nobody gets stuck signs by email until they ask.
    expect((await targetsOf({ event: stuckSign(pilot), recipientIds: null })).filter((x) => [...everyone, quietExec].some((p) => p.id === x.personId))).toEqual([]);
    for (const person of everyone) {
      const http = await t.as(person.role, { id: person.id } as never);
      const { version } = (await http.get('/api/account/notifications').expect(200)).body as NotificationSettings;
      await http.put('/api/account/notifications').send({ timeZone: 'UTC', emailEvents: ['stuck_sign.opened', 'update.reminder'], version }).expect(200);
    }
    const targets = (await targetsOf({ event: stuckSign(pilot), recipientIds: null })).map((x) => x.personId);
    expect(targets).toEqual(expect.arrayContaining([lead.id, sponsor.id]));
    expect(targets).not.toContain(otherLead.id);
    expect(targets).not.toContain(quietExec.id);
  });

  it('skips deactivated people, and reports a refused address as not worth retrying', async () => {
    const { lead, pilot } = await createBasicPortfolio(t);
    await t.http.post(`/api/people/${lead.id}/deactivate`).expect(200);
    expect(await targetsOf({ event: reminderFor(lead, [pilot], lead), recipientIds: [lead.id] })).toEqual([]);

    const nowhere = (await t.http.post('/api/people').send({ name: 'Gone Away', email: `gone-${Date.now()}@${UNKNOWN_DOMAIN}`, role: 'pilot_lead' }).expect(201)).body as Person;
    const message = { event: reminderFor(nowhere, [pilot], nowhere), recipientIds: [nowhere.id] };
    const [target] = await targetsOf(message);
    const result = await channel.send(target, message);
    expect(result).toMatchObject({ ok: false, responseCode: 550, retryable: false });
  });

  it('writes every event type as subject, HTML and text of its own, escaping what people typed', async () => {
    const { lead, pilot } = await createBasicPortfolio(t);
    const named = { ...ref(pilot), name: 'Claims <b>bot</b> & co' };
    const person = { id: lead.id, name: lead.name };
    const update = { id: 'u1', pilotId: pilot.id, pilotName: named.name, week: '2026-W49', author: person, health: 'at_risk', summary: 'Volume doubled', confidence: 3 } as never;
    const decision = { id: 'd1', kind: 'scale', rationale: 'Saves 2,000 hours a year', decidedBy: person, nextReviewDate: '2027-01-15' } as never;
    const flag = { summary: 'No active users for three weeks' } as never;
    const now = new Date().toISOString();
    const events = [
      { id: 'e1', type: 'update.posted', occurredAt: now, data: { pilot: named, update } },
      { id: 'e2', type: 'stuck_sign.opened', occurredAt: now, data: { pilot: named, flag } },
      { id: 'e3', type: 'stuck_sign.resolved', occurredAt: now, data: { pilot: named, flag } },
      { id: 'e4', type: 'recommendation.changed', occurredAt: now, data: { pilot: named, previous: null, current: { action: 'scale', reasons: ['Adoption beyond the team'], readinessScore: 82 } } },
      { id: 'e5', type: 'decision.recorded', occurredAt: now, data: { pilot: named, decision } },
      reminderFor(lead, [{ ...pilot, name: named.name }], lead),
      digestFor(lead, { ...pilot, name: named.name }, pilot),
    ] as const;
    const subjects = new Set<string>();
    for (const event of events) {
      const email = await channel.render(lead, event as never);
      subjects.add(email.subject.replace(named.name, ''));
      expect(email.subject).toContain(event.type === 'portfolio.digest' ? '2026-11-30' : named.name);
      expect(email.text).toContain(named.name);
      expect(email.html).toContain('Claims &lt;b&gt;bot&lt;/b&gt; &amp; co');
      expect(email.html).not.toContain('<b>bot</b>');
      expect(email.html).toContain(`href="${PUBLIC_URL}/pilots/${pilot.id}`);
      expect(email.text).toContain(`${PUBLIC_URL}/pilots/${pilot.id}`);
      expect(email.text).toContain(email.unsubscribeUrl);
    }
    expect(subjects.size).toBe(events.length);
  });

  describe('notification settings', () => {
    it('starts from the defaults and saves switches and time zone together', async () => {
      const http = await t.as('executive');
      const settings = (await http.get('/api/account/notifications').expect(200)).body as NotificationSettings;
      expect(settings).toMatchObject({ timeZone: 'UTC', emailEvents: ['update.reminder', 'portfolio.digest'], emailConfigured: true });
      const saved = (await http.put('/api/account/notifications').send({ timeZone: 'Pacific/Auckland', emailEvents: ['decision.recorded'], version: settings.version }).expect(200)).body as NotificationSettings;
      expect(saved).toMatchObject({ timeZone: 'Pacific/Auckland', emailEvents: ['decision.recorded'], version: settings.version + 1 });
      expect((await t.http.get(`/api/people/${http.person.id}`).expect(200)).body.timeZone).toBe('Pacific/Auckland');
      // The new zone is in the audit trail, by the person who chose it; the email switches alone add no person change.
      const personChanges = async () =>
        ((await t.http.get(`/api/audit?entity=people&entityId=${http.person.id}`).expect(200)).body.items as { action: string; actorId: string | null; before: { timeZone?: string } | null; after: { timeZone?: string } | null }[]).filter((e) => e.action === 'update');
      const [zoneChange] = await personChanges();
      expect(zoneChange).toMatchObject({ actorId: http.person.id, before: { timeZone: 'UTC' }, after: { timeZone: 'Pacific/Auckland' } });
      await http.put('/api/account/notifications').send({ timeZone: 'Pacific/Auckland', emailEvents: ['stuck_sign.opened'], version: saved.version }).expect(200);
      expect(await personChanges()).toHaveLength(1);
      // The tab that read the old version is refused instead of overwriting.
      await http.put('/api/account/notifications').send({ timeZone: 'UTC', emailEvents: [], version: settings.version }).expect(409);
    });

    it.each([
      [{ timeZone: 'Mars/Olympus', emailEvents: [] }, 'timeZone'],
      [{ timeZone: 'UTC', emailEvents: ['update.teleported'] }, 'emailEvents'],
      [{ timeZone: 'UTC', emailEvents: 'update.reminder' }, 'emailEvents'],
      [{ timeZone: 'UTC', emailEvents: [] , version: 'one' }, 'version'],
    ])('refuses %j naming %s, changing nothing', async (body, field) => {
      const http = await t.as('viewer');
      const before = (await http.get('/api/account/notifications').expect(200)).body as NotificationSettings;
      const res = await http.put('/api/account/notifications').send({ version: before.version, ...body }).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect((await http.get('/api/account/notifications').expect(200)).body).toEqual(before);
    });
  });

  describe('invites and password resets', () => {
    it('mails the invite with a link that works, and says so', async () => {
      const address = `invited-${Date.now()}@example.com`;
      const from = smtp.messages.length;
      const invited = (await t.http.post('/api/people/invite').send({ name: 'Ada Invited', email: address, role: 'pilot_lead' }).expect(201)).body as InvitedPerson;
      expect(invited.link.mailed).toBe(true);
      const mail = await smtp.nextMessage(from);
      expect(mail.subject).toBe('You are invited to Liftoff');
      expect(smtp.envelopes[from]).toEqual([address]);
      const url = /http:\/\/liftoff\.test:8080\/welcome#token=[^\s]+/.exec(mail.text!)![0];
      expect(mail.html).toContain(url);
      const token = decodeURIComponent(new URL(url).hash.replace('#token=', ''));
      await request(t.app.getHttpServer()).post('/api/auth/links/accept').send({ token, password: 'orbit tangerine lantern' }).expect(200);
    });

    it('mails a password reset', async () => {
      const invited = (await t.http.post('/api/people/invite').send({ name: 'Reset Me', email: `reset-${Date.now()}@example.com`, role: 'viewer' }).expect(201)).body as InvitedPerson;
      const from = smtp.messages.length;
      const link = (await t.http.post(`/api/people/${invited.person.id}/password-reset`).expect(201)).body;
      expect(link.mailed).toBe(true);
      expect((await smtp.nextMessage(from)).subject).toBe('Set a new Liftoff password');
    });

    it('with the mail server down the invite still succeeds, mailed=false, and the link is shown', async () => {
      await smtp.close();
      const res = await t.http.post('/api/people/invite').send({ name: 'Offline Invitee', email: `offline-${Date.now()}@example.com`, role: 'viewer' }).expect(201);
      const invited = res.body as InvitedPerson;
      expect(invited.link.mailed).toBe(false);
      expect(invited.link.path).toMatch(/^\/welcome#token=/);
      await request(t.app.getHttpServer()).post('/api/auth/links/inspect').send({ token: invited.link.token }).expect(200);
    });
  });
});
