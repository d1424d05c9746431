import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_BUILD = resolve(__dirname, '../../../client/dist/index.html');
const FIXTURES = resolve(__dirname, '../../fixtures/import');
const SHOTS = resolve(__dirname, '../../../test-output/screenshots');
const HAS_BROWSER = existsSync(CHROMIUM);
const HAS_POSTGRES = Boolean(process.env.DATABASE_URL);
const describeWhenReady = HAS_BROWSER && HAS_POSTGRES ? describe : describe.skip;
if (!HAS_BROWSER || !HAS_POSTGRES) console.warn('Skipping the import browser suite: it needs /usr/bin/chromium and DATABASE_URL (a real PostgreSQL)');

const ADMIN = { email: 'office@example.com', password: 'import-portfolio-2026', name: 'Olive Office' };

/**
 * The program office uploads a pilots file on an empty real database, reads the dry run (a problem
 * first, then the fixed options), confirms, and finds the pilots on the pilots page.
 */
describeWhenReady('importing a spreadsheet in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
    mkdirSync(SHOTS, { recursive: true });
    database = await createTestDatabase();
    server = await startServer({ SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ADMIN_NAME: ADMIN.name, ...database.env }, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stopAllServers();
    await database?.drop();
  });

  it('uploads a pilots file, shows the dry run, imports on confirm and lists the pilots', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pilots', exact: true }).click();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    const form = page.getByRole('form', { name: 'Import a spreadsheet' });
    await form.getByLabel('File').setInputFiles(join(FIXTURES, 'pilots.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();
    // Nobody and no unit exists yet: the dry run says so, row by row, and offers no import.
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.getByRole('row', { name: /business_unit.*there is no business unit named "Finance"/ }).first().waitFor();
    await expectNoImportButton(page);

    await form.getByLabel(/Create missing people/).check();
    await form.getByLabel(/Create missing business units/).check();
    await form.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('heading', { name: 'Dry run: nothing written yet' }).waitFor();
    const rows = page.getByRole('table', { name: 'Rows of the file' });
    await rows.getByRole('row', { name: /Finance \/ Invoice triage.*new pilot; new KPI "Hours saved per week"/ }).waitFor();
    expect(await rows.getByRole('row').count()).toBe(4);
    const before = await page.request.get(`${server.baseUrl}/api/pilots`);
    expect((await before.json()).total).toBe(0);
    await shot(page, 'import-dry-run');

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('heading', { name: 'Import done' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported: 3 rows created' }).waitFor();
    await page.getByRole('link', { name: 'See the pilots' }).click();
    await page.getByRole('link', { name: 'Invoice triage' }).waitFor();
    await page.getByRole('link', { name: 'Reply drafts' }).waitFor();
    await shot(page, 'import-pilots-listed');
  }, 120_000);
});

async function expectNoImportButton(page: Page): Promise<void> {
  expect(await page.getByRole('button', { name: /^Import \d+ rows$/ }).count()).toBe(0);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
