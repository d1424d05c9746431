import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = resolve(__dirname, '../../../test-output/screenshots');
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`Skipping the browser suite: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/**
 * The week of a pilot portfolio in a real browser against the real built server: a lead repeats a
 * blocker for the third week, the program office sees the new flag, an executive scales a pilot from
 * the queue, and the decision shows in the log and the funnel.
 */
describeWithBrowser('dashboard in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // On a real PostgreSQL run the server gets its own database there; otherwise its own embedded one.
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
    server = await startServer({ SEED_DEMO: 'true', ...(database ? database.env : { DATABASE_URL: undefined, DATA_DIR: dataDir! }) }, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllServers();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (email: string, password: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('lead posts an update repeating a blocker for the third week and sees the new flag', async () => {
    const page = await signIn('lead@liftoff.demo', 'liftoff-lead');
    await page.goto(`${server.baseUrl}/pilots?search=HR%20helpdesk`);
    await page.getByRole('link', { name: 'HR helpdesk chatbot' }).first().click();
    await page.getByRole('link', { name: 'Post weekly update' }).click();
    await page.getByRole('group', { name: 'Health' }).getByText('At risk').click();
    await page.getByLabel('Summary').fill('Contractors still cannot sign in; usage flat.');
    await page.getByLabel('Confidence').fill('3');
    await page.getByLabel('Active users', { exact: true }).fill('40');
    await page.getByLabel('Active users outside the pilot team').fill('12');
    await page.getByRole('group', { name: 'Did leadership ask when this will scale?' }).getByText('No').click();
    await page.getByRole('group', { name: 'Were people or budget moved away from the pilot?' }).getByText('No').click();
    // The SSO blocker from the last two updates is carried forward ("Still blocking") by default.
    await shot(page, 'update-form');
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.getByText(/new stuck sign/).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Single sign-on not enabled for contractors.*3 consecutive updates/);
    await shot(page, 'pilot-page');
  });

  it('program office sees the new flag on the stuck list', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    await page.waitForSelector('.chart-grid svg');
    await shot(page, 'overview');
    await page.goto(`${server.baseUrl}/stuck?kind=repeated_blocker`);
    await page.getByText(/Single sign-on not enabled for contractors.*3 consecutive updates/).waitFor();
    await shot(page, 'stuck');
    await page.goto(`${server.baseUrl}/pilots`);
    await page.waitForSelector('table');
    await shot(page, 'pilots');
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('button', { name: 'Save thresholds' }).waitFor();
    await shot(page, 'settings');
  });

  it('executive scales a pilot from the queue; the log and the funnel show it', async () => {
    const page = await signIn('exec@liftoff.demo', 'liftoff-exec');
    expect(new URL(page.url()).pathname).toBe('/scale-queue');
    const before = await fetchScaling(page);
    const row = page.getByRole('row', { name: /Code review helper \(Platform\)/ });
    await shot(page, 'scale-queue');
    await row.getByRole('button', { name: 'Decide' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Scale' }).check();
    await dialog.getByLabel('Rationale').fill('All six tests pass and the KPIs hit target.');
    await dialog.getByLabel('Next review').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('row', { name: /Code review helper \(Platform\)/ }).count()).resolves.toBe(0);
    await page.goto(`${server.baseUrl}/decisions`);
    await page.getByRole('row', { name: /Code review helper \(Platform\).*Scale/ }).waitFor();
    await shot(page, 'decisions');
    expect(await fetchScaling(page)).toBe(before + 1);
  });
});

/** Pilots currently in scaling, as the overview's funnel reports them. */
async function fetchScaling(page: Page): Promise<number> {
  const overview = await page.evaluate(async () => (await fetch('/api/portfolio/overview', { credentials: 'include' })).json());
  return (overview as { funnel: { stage: string; current: number }[] }).funnel.find((f) => f.stage === 'scaling')!.current;
}
