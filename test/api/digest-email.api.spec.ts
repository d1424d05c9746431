import { zonedClock, type DigestSettings } from '@liftoff/shared';
import type { ParsedMail } from 'mailparser';
import { DigestService } from '../../server/src/digest/digest.service';
import { createBasicPortfolio, type BasicPortfolio } from './support/fixtures';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://liftoff.example.com';

/** End to end: the hourly run, the outbox, the email channel and a real SMTP server on loopback. */
describe('weekly digest by email', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let portfolio: BasicPortfolio;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Liftoff <liftoff@liftoff.test>', SMTP_TIMEOUT_MS: '3000' });
    portfolio = await createBasicPortfolio(t);
    await t.dataSource.query('DELETE FROM signal_flags');
    await t.dataSource.query(
      `INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, opened_at, last_seen_at)
       VALUES ($1, 'repeated_blocker', '', 'open', 'The same blocker for three weeks', now() - interval '2 days', now())`,
      [portfolio.pilot.id],
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The next mails until one reaches `address`. */
  async function mailTo(address: string): Promise<ParsedMail> {
    for (let index = 0; index < 10; index++) {
      const mail = await smtp.nextMessage(index);
      if (smtp.envelopes[index].includes(address)) return mail;
    }
    throw new Error(`no digest reached ${address}`);
  }

  it('the SMTP server receives the sponsor’s digest, with their pilot and its link', async () => {
    const now = new Date();
    const today = zonedClock(now, 'UTC');
    const settings: DigestSettings = (await t.http.get('/api/settings/digest').expect(200)).body;
    await t.http.patch('/api/settings/digest').send({ version: settings.version, weekday: today.weekday, hour: 0 }).expect(200);
    const { queued } = await t.app.get(DigestService).run(now);
    expect(queued).toBeGreaterThanOrEqual(3); // the sponsor, the program office, the channels' copy
    const mail = await mailTo(portfolio.sponsor.email);
    const from = new Date(Date.parse(`${today.day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${today.day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(mail.subject).toBe(`Liftoff portfolio digest, ${from} to ${to}`);
    expect(mail.text).toContain(portfolio.pilot.name);
    expect(mail.text).toContain(`${PUBLIC_URL}/pilots/${portfolio.pilot.id}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/pilots/${portfolio.pilot.id}"`);
    // Running again in the same hour sends nothing more.
    expect((await t.app.get(DigestService).run(now)).queued).toBe(0);
  });
});
