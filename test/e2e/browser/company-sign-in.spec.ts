import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { freePort, startServer, stopAllServers, type RunningServer } from '../../support/server-process';

const CHROMIUM = '/usr/bin/chromium';
const HAS_BROWSER = existsSync(CHROMIUM);
const describeWithBrowser = HAS_BROWSER ? describe : describe.skip;
const ADMIN = { email: 'office.admin@example.com', password: 'office admin passphrase' };
const CLIENT = { clientId: 'liftoff-test', clientSecret: 'a-secret-only-for-this-test' };

/**
 * Company sign-in against a real OpenID provider (oidc-provider, a child process on loopback) and the built
 * server on a real database: the whole browser round trip, the checks on state, nonce and the ID token's
 * expiry, group-to-role mapping at every sign-in, refusals, and the session lifecycle.
 */
describeWithBrowser('company sign-in (OpenID Connect) in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let provider: ChildProcess;
  let providerUrl: string;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  let adminCookie: string;

  const api = async (method: string, path: string, body?: unknown, cookie = adminCookie) => {
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const steer = (path: string, body: unknown) => fetch(`${providerUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    const [serverPort, providerPort] = [await freePort(), await freePort()];
    providerUrl = `http://127.0.0.1:${providerPort}`;
    const serverUrl = `http://127.0.0.1:${serverPort}`;
    provider = spawn(process.execPath, [resolve(__dirname, '../../support/oidc-provider.mjs'), JSON.stringify({ port: providerPort, ...CLIENT, redirectUri: `${serverUrl}/api/auth/sso/callback` })], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ready, fail) => {
      provider.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('provider ready') && ready());
      provider.once('exit', (code) => fail(new Error(`the test OpenID provider exited (${code})`)));
    });
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-sso-'));
    server = await startServer({
      ...(database ? database.env : { DATABASE_URL: undefined, DATA_DIR: dataDir! }),
      PORT: String(serverPort), PUBLIC_URL: serverUrl, SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOGIN_RATE_LIMIT: '1000',
      OIDC_ISSUER_URL: providerUrl, OIDC_CLIENT_ID: CLIENT.clientId, OIDC_CLIENT_SECRET: CLIENT.clientSecret, OIDC_SCOPES: 'openid email profile groups', OIDC_PROVIDER_NAME: 'Acme',
    }, 120_000);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    adminCookie = login.headers.getSetCookie()[0].split(';')[0];
    const settings = await api('GET', '/api/settings/sso');
    const saved = await api('PATCH', '/api/settings/sso', { version: settings.body.version, mappings: [{ group: 'ai-program-office', role: 'program_office' }, { group: 'ai-executives', role: 'executive' }] });
    expect(saved.status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllServers();
    provider?.kill();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh browser clicks "Sign in with Acme" as `account`; returns the page where it ends up. */
  async function signInAs(account: { sub: string; email: string; name: string; groups: string[] }, tamper?: (url: URL) => void): Promise<Page> {
    await steer('/__test/account', account);
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    if (tamper) {
      // Redirects are not routed, so the change is made in our server's answer that sends the browser away.
      await page.route(`${server.baseUrl}/api/auth/sso/start**`, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const location = new URL(response.headers().location);
        tamper(location);
        await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
      });
    }
    await page.goto(`${server.baseUrl}/sign-in`);
    const callback = page.waitForResponse((response) => response.url().startsWith(`${server.baseUrl}/api/auth/sso/callback`), { timeout: 60_000 });
    await page.getByRole('link', { name: 'Sign in with Acme' }).click();
    const answer = await callback;
    expect(answer.status()).toBe(302);
    const landing = new URL(answer.headers().location);
    // Signed in: the sign-in page sends the person on to their home; refused: it stays, saying why.
    await page.waitForURL((url) => url.href !== landing.href && url.pathname !== '/sign-in' || (url.pathname === '/sign-in' && url.searchParams.has('sso')));
    return page;
  }
  const me = async (page: Page) => (await page.request.get(`${server.baseUrl}/api/auth/me`)).json();
  const alice = { sub: 'alice-sub-1', email: 'Alice.Exec@example.com', name: 'Alice Exec', groups: ['ai-executives', 'staff'] };

  it('a new person in a mapped group signs in through the provider and is created with that role', async () => {
    const page = await signInAs(alice);
    expect(new URL(page.url()).pathname).toBe('/scale-queue');
    expect(await me(page)).toMatchObject({ email: 'alice.exec@example.com', name: 'Alice Exec', role: 'executive' });
    await page.context().close();
  }, 120_000);

  it('a group change changes the role at the next sign-in; sign-out ends that session', async () => {
    const page = await signInAs({ ...alice, groups: ['ai-program-office'] });
    expect(await me(page)).toMatchObject({ email: 'alice.exec@example.com', role: 'program_office' });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'liftoff_session')!;
    expect((await api('GET', '/api/auth/me', undefined, `liftoff_session=${cookie.value}`)).status).toBe(200);
    await api('POST', '/api/auth/logout', undefined, `liftoff_session=${cookie.value}`);
    expect((await api('GET', '/api/auth/me', undefined, `liftoff_session=${cookie.value}`)).status).toBe(401);
    await page.context().close();
  }, 120_000);

  it('someone in no mapped group is refused with a clear page, and nobody is created', async () => {
    const page = await signInAs({ sub: 'bob-sub', email: 'bob@example.com', name: 'Bob', groups: ['finance'] });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('alert').getByText('not in any group that has access to Liftoff').waitFor();
    const people = await api('GET', '/api/people?pageSize=100');
    expect(people.body.items.map((p: { email: string }) => p.email)).not.toContain('bob@example.com');
    await page.context().close();
  }, 120_000);

  it.each([
    ['state', (url: URL) => url.searchParams.set('state', 'a-state-the-server-never-issued')],
    ['nonce', (url: URL) => url.searchParams.set('nonce', 'a-nonce-the-server-never-issued')],
  ])('a wrong %s is refused', async (_what, tamper) => {
    const page = await signInAs(alice, tamper);
    expect(new URL(page.url()).searchParams.get('sso')).toBe('failed');
    expect((await page.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
    await page.context().close();
  }, 120_000);

  it('an ID token that expired on its way is refused', async () => {
    await steer('/__test/tokens', { idTokenTtl: 1, delayMs: 7_000 });
    try {
      const page = await signInAs(alice);
      expect(new URL(page.url()).searchParams.get('sso')).toBe('failed');
      expect((await page.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
      await page.context().close();
    } finally {
      await steer('/__test/tokens', { idTokenTtl: 3600, delayMs: 0 });
    }
  }, 120_000);

  it('a deactivated person is refused', async () => {
    const people = await api('GET', '/api/people?pageSize=100');
    const person = people.body.items.find((p: { email: string }) => p.email === 'alice.exec@example.com');
    expect((await api('POST', `/api/people/${person.id}/deactivate`, { version: person.version })).status).toBeLessThan(300);
    const page = await signInAs(alice);
    expect(new URL(page.url()).searchParams.get('sso')).toBe('deactivated');
    await page.getByRole('alert').getByText('has been deactivated').waitFor();
    await page.context().close();
  }, 120_000);

  it('passwords can be switched off only with a break-glass program-office account, which keeps its password', async () => {
    let settings = await api('GET', '/api/settings/sso');
    const refused = await api('PATCH', '/api/settings/sso', { version: settings.body.version, passwordSignIn: false, breakGlassPersonId: null });
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['breakGlassPersonId']);
    const self = await api('GET', '/api/auth/me');
    settings = await api('PATCH', '/api/settings/sso', { version: settings.body.version, passwordSignIn: false, breakGlassPersonId: self.body.id });
    expect(settings.status).toBe(200);
    expect((await (await fetch(`${server.baseUrl}/api/auth/sign-in-options`)).json())).toEqual({ sso: { providerName: 'Acme', startUrl: '/api/auth/sso/start' }, passwordSignIn: false });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
  }, 60_000);
});
