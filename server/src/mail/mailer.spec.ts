import { ConfigService } from '@nestjs/config';
import { createServer, type AddressInfo } from 'node:net';
import { validateConfig, type AppConfig } from '../config/config.schema';
import { describeSmtpUrl, Mailer } from './mailer';

const mailerFor = (env: Record<string, string>) => new Mailer(new ConfigService<AppConfig, true>(validateConfig(env) as never));
const message = { to: 'someone@example.com', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>' };

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Mailer', () => {
  it('is off without SMTP_URL and says so instead of failing', async () => {
    const mailer = mailerFor({});
    expect(mailer.enabled).toBe(false);
    expect(await mailer.send(message)).toEqual({ ok: false, responseCode: null, error: 'Email is not configured (SMTP_URL is unset)', retryable: false });
  });

  it('names the mail server for logs without its user or password', () => {
    expect(describeSmtpUrl('smtps://mailer:s3cret-pass@mail.example:465')).toBe('smtps://mail.example:465');
    expect(describeSmtpUrl('smtp://mail.example')).toBe('smtp://mail.example');
  });

  it('reports an unreachable server as worth retrying, without the password', async () => {
    const mailer = mailerFor({ SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${await closedPort()}`, SMTP_TIMEOUT_MS: '2000' });
    const outcome = await mailer.send(message);
    mailer.onModuleDestroy();
    expect(outcome).toMatchObject({ ok: false, responseCode: null, retryable: true });
    expect(outcome.error).toBeTruthy();
    expect(outcome.error).not.toContain('s3cret-pass');
  });
});
