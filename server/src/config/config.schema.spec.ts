import { validateConfig } from './config.schema';

describe('validateConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = validateConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('./data');
    // Decided by where the data lives: on for the embedded default, off on a real database.
    expect(config.SEED_DEMO).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(validateConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['LOG_LEVEL', 'loud'],
    ['DB_POOL_SIZE', '0'],
    ['SWEEP_CRON', 'every night'],
    ['SEED_DEMO', 'maybe'],
    ['ADMIN_PASSWORD', 'short'],
    ['PUBLIC_URL', 'ftp://files.example'],
    ['PUBLIC_URL', 'not a url'],
    ['BODY_LIMIT_BYTES', '10'],
    ['DB_STATEMENT_TIMEOUT_MS', '50'],
    ['DB_STATEMENT_TIMEOUT_MS', '-1'],
    ['DB_STATEMENT_TIMEOUT_MS', '1.5'],
    ['DB_STATEMENT_TIMEOUT_MS', 'soon'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => validateConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: .*${name}`));
  });

  it.each([
    [{}, 'http://localhost:3000'],
    [{ PORT: '8080' }, 'http://localhost:8080'],
    [{ HOST: 'liftoff.example', PORT: '80' }, 'http://liftoff.example'],
    [{ PUBLIC_URL: 'https://Liftoff.Example.com/app/' }, 'https://liftoff.example.com'],
  ])('PUBLIC_URL for %j is the origin %s', (env, origin) => {
    expect(validateConfig(env).PUBLIC_URL).toBe(origin);
  });

  it('limits bodies to 1 MB unless told otherwise', () => {
    expect(validateConfig({}).BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(validateConfig({ BODY_LIMIT_BYTES: '65536' }).BODY_LIMIT_BYTES).toBe(65536);
  });

  it('gives the embedded database 32MB of shared buffers unless told otherwise, and refuses a size PostgreSQL would not take', () => {
    expect(validateConfig({}).EMBEDDED_SHARED_BUFFERS).toBe('32MB');
    expect(validateConfig({ EMBEDDED_SHARED_BUFFERS: '256MB' }).EMBEDDED_SHARED_BUFFERS).toBe('256MB');
    for (const size of ['32', '32 MB', '0MB', '32mb', '1TB', '32MB; DROP']) {
      expect(() => validateConfig({ EMBEDDED_SHARED_BUFFERS: size })).toThrow(/EMBEDDED_SHARED_BUFFERS/);
    }
  });

  it('bounds statements to 15 s unless told otherwise; 0 turns the limit off', () => {
    expect(validateConfig({}).DB_STATEMENT_TIMEOUT_MS).toBe(15_000);
    expect(validateConfig({ DB_STATEMENT_TIMEOUT_MS: '2500' }).DB_STATEMENT_TIMEOUT_MS).toBe(2500);
    expect(validateConfig({ DB_STATEMENT_TIMEOUT_MS: '0' }).DB_STATEMENT_TIMEOUT_MS).toBe(0);
  });

  it('serves from one process unless told otherwise; more only on a real database', () => {
    const db = { DATABASE_URL: 'postgres://db.example/liftoff' };
    expect(validateConfig({}).SERVER_WORKERS).toBe(1);
    expect(validateConfig({ ...db, SERVER_WORKERS: '2' }).SERVER_WORKERS).toBe(2);
    expect(() => validateConfig({ SERVER_WORKERS: '2' })).toThrow(/"SERVER_WORKERS" must be 1 with the embedded database/);
    for (const bad of ['0', '1.5', 'two', '65']) expect(() => validateConfig({ ...db, SERVER_WORKERS: bad })).toThrow(/Invalid configuration: .*SERVER_WORKERS/);
  });

  it('company sign-in: issuer, client id and secret together or not at all; scopes must include openid', () => {
    const sso = { OIDC_ISSUER_URL: 'https://login.example.com', OIDC_CLIENT_ID: 'liftoff', OIDC_CLIENT_SECRET: 's3cret' };
    expect(validateConfig(sso)).toMatchObject({ ...sso, OIDC_SCOPES: 'openid email profile', OIDC_GROUPS_CLAIM: 'groups' });
    expect(() => validateConfig({ OIDC_ISSUER_URL: 'https://login.example.com' })).toThrow(/OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/);
    expect(() => validateConfig({ ...sso, OIDC_ISSUER_URL: 'ftp://x' })).toThrow(/OIDC_ISSUER_URL/);
    expect(() => validateConfig({ ...sso, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES" must include openid/);
    expect(validateConfig({ ...sso, OIDC_SCOPES: 'openid groups' }).OIDC_SCOPES).toBe('openid groups');
  });
});

describe('validateConfig: outgoing mail', () => {
  it('leaves email off when SMTP_URL is unset', () => {
    const config = validateConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.SMTP_TIMEOUT_MS).toBe(15_000);
  });

  it.each(['smtp://mail.example:25', 'smtps://user:p%40ss@mail.example:465', 'smtp://127.0.0.1:2525'])('accepts SMTP_URL %s', (url) => {
    expect(validateConfig({ SMTP_URL: url }).SMTP_URL).toBe(url);
  });

  it.each([
    ['SMTP_URL', 'http://mail.example'],
    ['SMTP_URL', 'mail.example:25'],
    ['SMTP_URL', 'smtp://'],
    ['MAIL_FROM', 'not an address'],
    ['MAIL_FROM', 'Liftoff <nobody>'],
    ['SMTP_TIMEOUT_MS', '10'],
    ['NOTIFICATION_SECRET', 'too short'],
  ])('names the bad variable %s (%s)', (name, value) => {
    expect(() => validateConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: .*${name}`));
  });

  it('never repeats the SMTP password in its error', () => {
    expect(() => validateConfig({ SMTP_URL: 'ftp://user:hunter2-secret@mail.example' })).toThrow(/SMTP_URL/);
    try {
      validateConfig({ SMTP_URL: 'ftp://user:hunter2-secret@mail.example' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2-secret');
    }
  });

  it.each(['liftoff@example.com', 'Liftoff <liftoff@example.com>'])('accepts MAIL_FROM %s', (from) => {
    expect(validateConfig({ MAIL_FROM: from }).MAIL_FROM).toBe(from);
  });
});
