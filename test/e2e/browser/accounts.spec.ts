import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_BUILD = resolve(__dirname, '../../../client/dist/index.html');
const HAS_BROWSER = existsSync(CHROMIUM);
const describeWithBrowser = HAS_BROWSER ? describe : describe.skip;
if (!HAS_BROWSER) console.warn(`Skipping the accounts browser suite: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

const ADMIN = { email: 'office.admin@example.com', password: 'office admin passphrase' };
const LEAD_EMAIL = 'new.lead@example.com';
const LEAD_PASSWORD = 'my own lead passphrase';

/**
 * From an empty real database with its first admin (`npm run build` first): the program office
 * invites a lead on the People page, the lead opens the link, sets a password and is signed in, posts
 * an update and corrects it; the
 * program office deactivates them and their next request sends them to sign in; reactivated, they
 * sign in again, and after signing out the old session cookie gets 401.
 */
describeWithBrowser('accounts in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;

  beforeAll(async () => {
    if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-accounts-'));
    const databaseEnv = database ? database.env : { DATABASE_URL: undefined, DATA_DIR: dataDir! };
    server = await startServer({ ...databaseEnv, SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, 120_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllServers();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('invite, set a password, deactivation signs out at once, reactivation, and sign-out ends the cookie', async () => {
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Invite a person' }).click();
    const form = page.getByRole('dialog', { name: 'Invite a person' });
    await form.getByLabel('Name').fill('Nova Lead');
    await form.getByLabel('Email').fill(LEAD_EMAIL);
    await form.getByLabel('Role').selectOption('pilot_lead');
    await form.getByRole('button', { name: 'Invite' }).click();
    const shown = page.getByRole('dialog', { name: 'Invite link for Nova Lead' });
    const link = await shown.getByLabel('Invite link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/welcome#token=`));
    await shown.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('row', { name: /Nova Lead/ }).getByText(/Invited, link valid until/).waitFor();

    // The lead, in a browser of their own.
    const leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lead = await leadContext.newPage();
    lead.setDefaultTimeout(20_000);
    await lead.goto(link);
    await lead.getByText(/Welcome, Nova Lead/).waitFor();
    await lead.getByLabel('New password', { exact: true }).fill(LEAD_PASSWORD);
    await lead.getByLabel('New password again').fill(LEAD_PASSWORD);
    await lead.getByRole('button', { name: 'Set password and sign in' }).click();
    await lead.getByRole('heading', { name: 'My pilots' }).waitFor();

    // The lead posts this week's update for a pilot they lead, then corrects it.
    const people = (await (await page.request.get(`${server.baseUrl}/api/people?pageSize=200`)).json()).items as { id: string; email: string }[];
    const leadId = people.find((person) => person.email === LEAD_EMAIL)!.id;
    const unit = await (await page.request.post(`${server.baseUrl}/api/business-units`, { data: { name: 'Claims' } })).json();
    const pilot = await (await page.request.post(`${server.baseUrl}/api/pilots`, {
      data: { name: 'Claims triage assistant', businessUnitId: unit.id, leadId, useCaseCategory: 'customer_service', stage: 'piloting', startDate: '2026-09-07', complexity: 'typical' },
    })).json();
    await lead.goto(`${server.baseUrl}/pilots/${pilot.id}/updates/new`);
    await lead.getByRole('radio', { name: 'On track' }).check();
    await lead.getByLabel('Summary').fill('First users onboarded.');
    await lead.getByLabel('Confidence').fill('4');
    await lead.getByLabel('Active users', { exact: true }).fill('12');
    await lead.getByLabel('Active users outside the pilot team').fill('3');
    await lead.getByRole('group', { name: /leadership ask/i }).getByRole('radio', { name: 'No' }).check();
    await lead.getByRole('group', { name: /moved away/i }).getByRole('radio', { name: 'No' }).check();
    await lead.getByRole('button', { name: 'Post update' }).click();
    await lead.waitForURL((url) => url.pathname === `/pilots/${pilot.id}`);
    await lead.getByText('First users onboarded.').waitFor();
    await lead.getByRole('link', { name: /^Edit the update for / }).click();
    await lead.getByLabel('Summary').fill('First twelve users onboarded in two teams.');
    await lead.getByRole('button', { name: 'Save changes' }).click();
    await lead.waitForURL((url) => url.pathname === `/pilots/${pilot.id}`);
    await lead.getByText('First twelve users onboarded in two teams.').waitFor();
    const updates = (await (await page.request.get(`${server.baseUrl}/api/pilots/${pilot.id}/updates`)).json()).items as { summary: string; version: number }[];
    expect(updates.map((u) => u.summary)).toEqual(['First twelve users onboarded in two teams.']);

    // Deactivated while signed in: the very next request sends the lead to sign in.
    await page.reload();
    await page.getByRole('button', { name: 'Deactivate: Nova Lead' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Nova Lead?' }).getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await lead.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Show').selectOption('deactivated');
    await page.getByRole('button', { name: 'Reactivate: Nova Lead' }).click();
    await page.getByLabel('Show').selectOption('active');
    await page.getByRole('button', { name: 'Deactivate: Nova Lead' }).waitFor();
    await office.close();

    // Active again: the lead signs in with the password they chose.
    await lead.getByLabel('Email').fill(LEAD_EMAIL);
    await lead.getByLabel('Password').fill(LEAD_PASSWORD);
    await lead.getByRole('button', { name: 'Sign in', exact: true }).click();
    await lead.waitForURL((url) => url.pathname !== '/sign-in');
    const cookie = (await leadContext.cookies()).find((c) => c.name === 'liftoff_session');
    expect(cookie).toBeDefined();

    await lead.getByRole('button', { name: 'Sign out' }).click();
    await lead.waitForURL((url) => url.pathname === '/sign-in');
    const replay = await fetch(`${server.baseUrl}/api/auth/me`, { headers: { Cookie: `liftoff_session=${cookie!.value}` } });
    expect(replay.status).toBe(401);

    // The link was single use.
    await lead.goto(link);
    await lead.getByText(/already been used/).waitFor();
    await leadContext.close();
  }, 120_000);
});
