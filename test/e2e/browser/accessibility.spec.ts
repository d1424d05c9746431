import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';
import { demoPassword } from './demo-passwords';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_BUILD = resolve(__dirname, '../../../client/dist/index.html');
// Evaluated through the devtools protocol, so the app's Content Security Policy stays as it is in production.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HAS_BROWSER = existsSync(CHROMIUM);
const describeWithBrowser = HAS_BROWSER ? describe : describe.skip;
if (!HAS_BROWSER) console.warn(`Skipping the browser suite: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

const PILOT = 'HR helpdesk chatbot';
const WIDE_WIDTHS = [1440, 1024, 768];
const PHONE = { width: 390, height: 844 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Every main page as the program office, in a real browser against the real built server
 * (`npm run build` first): axe-core finds no critical or serious violation, and no page scrolls
 * sideways at 1440, 1024 or 768 px. At 390 px the pilot page, the weekly update form and the
 * scale queue's decision dialog still work, with no serious violation there either.
 */
describeWithBrowser('accessibility and layout in a real browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  const contexts: BrowserContext[] = [];
  let pilotPath = '';

  beforeAll(async () => {
    if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-a11y-'));
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


  const newPage = async (viewport = { width: 1440, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };

  const signIn = async (email: string, published: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await newPage(viewport);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(demoPassword(email, published, database !== null, server.output()));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  };

  /** The page's heading is up and nothing is still loading. */
  const settled = async (page: Page) => {
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.querySelector('.state-loading, [aria-busy="true"]') === null);
  };

  const seriousViolations = async (page: Page): Promise<string[]> => {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  };

  /** How far the page reaches past the window's right edge, in px (0 when it does not scroll sideways). */
  const sidewaysOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

  const widthsOverflowing = async (page: Page): Promise<string[]> => {
    const found: string[] = [];
    for (const width of WIDE_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) found.push(`${width}px: ${overflow}px too wide`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    return found;
  };

  it('no main page has a critical or serious axe violation or scrolls sideways at 1440, 1024 or 768 px', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    await page.goto(`${server.baseUrl}/pilots`);
    const pilotLink = page.getByRole('table').getByRole('link', { name: PILOT, exact: true });
    pilotPath = (await pilotLink.getAttribute('href'))!;
    expect(pilotPath).toMatch(/^\/pilots\/[\w-]+$/);

    const pages = ['/', '/pilots', pilotPath, '/stuck', '/blockers', '/scale-queue', '/decisions', '/settings', '/audit', '/people', '/business-units', '/account', '/imports', `${pilotPath}/updates/new`];
    const problems: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${server.baseUrl}${path}`);
      await settled(page);
      const found = [...(await seriousViolations(page)), ...(await widthsOverflowing(page))];
      if (found.length > 0) problems[path] = found;
    }

    // The navigation collapses behind a menu button on narrower windows; opened, it is accessible too.
    await page.goto(`${server.baseUrl}/`);
    await settled(page);
    // At 1440 px every link shows in one row, with no menu button.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    const linkTops = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(linkTops.length).toBe(11);
    expect(new Set(linkTops).size).toBe(1);
    await page.setViewportSize({ width: 1024, height: 900 });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).waitFor();
    const openMenu = await seriousViolations(page);
    if (openMenu.length > 0) problems['/ (menu open at 1024px)'] = openMenu;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    // Following a link closes the menu.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    const signedOut = await newPage();
    await signedOut.goto(`${server.baseUrl}/sign-in`);
    await signedOut.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const signInFound = [...(await seriousViolations(signedOut)), ...(await widthsOverflowing(signedOut))];
    if (signInFound.length > 0) problems['/sign-in'] = signInFound;

    expect(problems).toEqual({});
  }, 120_000);

  it('the committee pack pages (list, pack, print view on A4 and Letter) have no serious axe violation and do not scroll sideways', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    // A pack to look at, made through the API from the signed-in page (its cookie and origin).
    const packId = await page.evaluate(async () => {
      const res = await fetch('/api/packs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Accessibility check pack' }) });
      return ((await res.json()) as { id: string }).id;
    });
    expect(packId).toMatch(/^[\w-]{36}$/);
    const problems: Record<string, string[]> = {};
    for (const path of ['/packs', `/packs/${packId}`, `/packs/${packId}/print?paper=a4`, `/packs/${packId}/print?paper=letter`]) {
      await page.goto(`${server.baseUrl}${path}`);
      await settled(page);
      const found = [...(await seriousViolations(page)), ...(await widthsOverflowing(page))];
      if (found.length > 0) problems[path] = found;
    }
    expect(problems).toEqual({});
  }, 120_000);

  it('the scale queue fits its card at 1440 and 1024 px, with every row\'s Decide button in view', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office');
    await page.goto(`${server.baseUrl}/scale-queue`);
    await settled(page);
    const card = page.locator('.table-wrap').filter({ has: page.getByRole('table') });
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      const cardBox = (await card.boundingBox())!;
      expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(width);
      const decides = page.getByRole('button', { name: /^Decide on / });
      expect(await decides.count()).toBeGreaterThan(0);
      for (const box of await Promise.all((await decides.all()).map((button) => button.boundingBox()))) {
        expect(box!.x).toBeGreaterThanOrEqual(cardBox.x);
        expect(box!.x + box!.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
      }
    }
  }, 60_000);

  it('at 390 px the pilot page, the weekly update form and the decision dialog fit and work', async () => {
    const page = await signIn('po@liftoff.demo', 'liftoff-office', PHONE);
    if (!pilotPath) {
      await page.goto(`${server.baseUrl}/pilots`);
      pilotPath = (await page.getByRole('table').getByRole('link', { name: PILOT, exact: true }).getAttribute('href'))!;
    }

    await page.goto(`${server.baseUrl}${pilotPath}`);
    await page.getByRole('heading', { name: PILOT, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /Recommendation/ }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Post weekly update' }).click();
    const form = page.getByRole('form', { name: 'Weekly update' });
    await form.waitFor();
    await settled(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    const post = form.getByRole('button', { name: 'Post update' });
    await post.scrollIntoViewIfNeeded();
    expect(await post.isVisible()).toBe(true);
    const postBox = (await post.boundingBox())!;
    expect(postBox.x).toBeGreaterThanOrEqual(0);
    expect(postBox.x + postBox.width).toBeLessThanOrEqual(PHONE.width);
    await form.getByLabel('Summary').fill('Checked on a phone.');
    expect(await form.getByLabel('Summary').inputValue()).toBe('Checked on a phone.');

    await page.goto(`${server.baseUrl}/scale-queue`);
    await settled(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const decide = page.getByRole('button', { name: /^Decide on / }).first();
    await decide.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Liftoff recommends/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x).toBeGreaterThanOrEqual(0);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(PHONE.width);
    await dialog.getByRole('radio', { name: 'Scale' }).check();
    await dialog.getByLabel('Rationale').fill('Checked on a phone.');
    const record = dialog.getByRole('button', { name: 'Record decision' });
    await record.scrollIntoViewIfNeeded();
    expect(await record.isVisible()).toBe(true);
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    await cancel.click();
    await dialog.waitFor({ state: 'detached' });
  }, 90_000);
});
