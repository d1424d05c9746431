import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';
import { demoPassword } from './demo-passwords';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_BUILD = resolve(__dirname, '../../../client/dist/index.html');
const SHOTS = resolve(__dirname, '../../../test-output/screenshots');
const HAS_BROWSER = existsSync(CHROMIUM);
const describeWithBrowser = HAS_BROWSER ? describe : describe.skip;
if (!HAS_BROWSER) console.warn(`Skipping the browser suite: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

const SSO_BLOCKER = 'Single sign-on not enabled for contractors';
const SCALED_PILOT = 'Code review helper (Platform)';

/**
 * A week of the portfolio in a real browser against the real built server (`npm run build` first):
 * a lead repeats a blocker for the third week and sees the new flag, the program office finds it on
 * the stuck list and (from the overview) on the blockers list, follows a week of the health chart to
 * the pilots at risk that week, an executive scales a pilot from the queue, and the decision shows in
 * the log and in the portfolio's scaling count. Screenshots of every main page land in test-output/screenshots/.
 */
describeWithBrowser('dashboard in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
    mkdirSync(SHOTS, { recursive: true });
    // With DATABASE_URL the server gets a fresh database there; otherwise its own embedded one in a temp dir.
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
    const databaseEnv = database ? database.env : { DATABASE_URL: undefined, DATA_DIR: dataDir! };
    server = await startServer({ SEED_DEMO: 'true', ...databaseEnv }, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stopAllServers();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });


  /** A fresh browser session (its own cookies) signed in through the sign-in page. */
  const signIn = async (email: string, published: string): Promise<Page> => {
    const password = demoPassword(email, published, database !== null, server.output());
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/`);
    // Signed out: the guard sends every page to sign-in.
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  };
  const shot = async (page: Page, name: string) => {
    // From the top, so the sticky header sits where it belongs in a full-page capture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const chartsDrawn = (page: Page) => page.locator('.recharts-surface').first().waitFor();

  it('a lead carries a blocker forward for the third week and sees the repeated-blocker flag it raises', async () => {
    const page = await signIn('lead@liftoff.demo', 'liftoff-lead');
    // A lead starts on the pilots they lead, with this week's updates due.
    expect(new URL(page.url()).searchParams.has('leadId')).toBe(true);
    await page.getByRole('heading', { name: 'My pilots' }).waitFor();
    await page.getByText(/due this week|All caught up/).first().waitFor();
    await shot(page, 'my-pilots');

    await page.getByRole('table').getByRole('link', { name: 'HR helpdesk chatbot' }).click();
    await page.getByRole('heading', { name: /Recommendation/ }).waitFor();
    await page.getByRole('link', { name: 'Post weekly update' }).click();

    const form = page.getByRole('form', { name: 'Weekly update' });
    await form.waitFor();
    // The SSO blocker from the last two updates is pre-filled and carried forward by default.
    const carried = form.getByRole('group', { name: SSO_BLOCKER });
    expect(await carried.getByRole('radio', { name: 'Still blocking' }).isChecked()).toBe(true);
    await form.getByRole('group', { name: 'Health' }).getByText('At risk').click();
    await form.getByLabel('Summary').fill('Contractors still cannot sign in; usage is flat outside the core team.');
    await form.getByLabel('Confidence').fill('3');
    await form.getByLabel('Active users', { exact: true }).fill('40');
    await form.getByLabel('Active users outside the pilot team').fill('12');
    await form.getByRole('group', { name: 'Did leadership ask when this will scale?' }).getByText('No').click();
    await form.getByRole('group', { name: 'Were people or budget moved away from the pilot?' }).getByText('No').click();
    await shot(page, 'update-form');
    await form.getByRole('button', { name: 'Post update' }).click();

    // Back on the pilot page, the notice names the stuck sign this update raised.
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/new stuck sign/);
    expect(await notice.textContent()).toMatch(new RegExp(`Repeated blocker.*${SSO_BLOCKER}.*3 consecutive updates`));
    await page.locator('.recharts-surface').first().waitFor();
    await shot(page, 'pilot-page');
  });

  it('the program office finds the new flag on the stuck list', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Stage funnel' }).waitFor();
    await chartsDrawn(page);
    await shot(page, 'overview');

    await page.getByRole('link', { name: 'Stuck', exact: true }).click();
    await page.getByLabel('Signal').selectOption('repeated_blocker');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'repeated_blocker');
    const group = page.getByRole('region', { name: 'HR helpdesk chatbot' });
    await group.getByText(new RegExp(`${SSO_BLOCKER}.*3 consecutive updates`)).waitFor();
    await shot(page, 'stuck');

    await page.goto(`${server.baseUrl}/pilots`);
    await page.getByRole('table').waitFor();
    await shot(page, 'pilots');
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('button', { name: 'Save thresholds' }).waitFor();
    await shot(page, 'settings');
    await page.goto(`${server.baseUrl}/audit`);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('table').waitFor();
    await shot(page, 'audit');
  });

  it('the program office follows the overview to the blockers list and finds the repeated blocker', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    await page.getByRole('heading', { name: 'Oldest open blockers' }).waitFor();
    await page.getByRole('link', { name: 'See all open blockers' }).click();
    await page.waitForURL((url) => url.pathname === '/blockers');
    await page.getByRole('heading', { name: 'Blockers', level: 1 }).waitFor();
    expect(await page.title()).toBe('Blockers · Liftoff');
    await page.getByLabel('Category').selectOption('integration');
    await page.waitForURL((url) => url.searchParams.get('category') === 'integration');
    const row = page.getByRole('row', { name: new RegExp(`${SSO_BLOCKER}.*HR helpdesk chatbot`) });
    await row.waitFor();
    expect(await row.getByText('Open', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'blockers');
  });

  it('the program office clicks a week on the health chart and lists the pilots at risk that week', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    const card = page.getByRole('region', { name: 'Portfolio health over time' });
    const surface = card.getByRole('application');
    await surface.waitFor();
    const week = card.getByRole('combobox', { name: 'Week' });
    const latest = await week.inputValue();
    // A click a third of the way along the plot picks an earlier week than the latest one shown by default.
    const box = (await surface.boundingBox())!;
    const position = { x: box.width / 3, y: box.height / 2 };
    // As a person does: the pointer rests on the week (its tooltip shows), then clicks.
    await surface.hover({ position });
    await card.locator('.recharts-tooltip-wrapper').getByText(/W\d\d ·/).waitFor();
    await surface.click({ position });
    await page.waitForFunction((value) => (document.querySelector('.health-week-select') as HTMLSelectElement | null)?.value !== value, latest);
    const picked = await week.inputValue();
    expect(picked < latest).toBe(true);

    const atRisk = card.getByRole('link', { name: /^\d+ at risk$/ });
    const count = Number(/^(\d+)/.exec((await atRisk.textContent()) ?? '')![1]);
    await atRisk.click();
    await page.waitForURL((url) => url.pathname === '/pilots' && url.searchParams.get('healthWeek') === picked && url.searchParams.get('health') === 'at_risk');
    await page.getByText(`Health in ${picked}: At risk`).waitFor();
    await page.getByText(count === 1 ? '1 pilot' : `${count} pilots`, { exact: true }).waitFor();
  });

  it('an executive scales a sponsored pilot from the queue; the log and the portfolio show it', async () => {
    const page = await signIn('exec@liftoff.demo', 'liftoff-exec');
    // The scale queue is an executive's home.
    expect(new URL(page.url()).pathname).toBe('/scale-queue');
    const before = await scalingOnPortfolio(page, server.baseUrl);

    await page.goto(`${server.baseUrl}/scale-queue`);
    const row = page.getByRole('row', { name: new RegExp(escape(SCALED_PILOT)) });
    await row.waitFor();
    await shot(page, 'scale-queue');
    await row.getByRole('button', { name: /^Decide/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Liftoff recommends/).waitFor();
    await dialog.getByRole('radio', { name: 'Scale' }).check();
    // The rationale is required: trying without it keeps the dialog open with the message in place.
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.getByText(/Say why/).waitFor();
    await dialog.getByLabel('Rationale').fill('All six tests pass and the KPIs have been at target for six weeks.');
    await dialog.getByLabel('Next review').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await shot(page, 'decision-dialog');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `Recorded: Scale for ${SCALED_PILOT}` }).waitFor();
    await page.waitForFunction((name) => !Array.from(document.querySelectorAll('tbody tr')).some((tr) => tr.textContent?.includes(name)), SCALED_PILOT);

    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(`${escape(SCALED_PILOT)}.*Scale.*All six tests pass`) }).waitFor();
    await shot(page, 'decisions');

    expect(await scalingOnPortfolio(page, server.baseUrl)).toBe(before + 1);
  });
});

/** "9 scaling" on the portfolio's pilots tile, as the funnel counts pilots there now. */
async function scalingOnPortfolio(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/`);
  const hint = page.getByText(/\d+ piloting · \d+ scaling/);
  await hint.waitFor();
  const match = /(\d+) scaling/.exec((await hint.textContent()) ?? '');
  if (!match) throw new Error('No scaling count on the portfolio tile');
  return Number(match[1]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
