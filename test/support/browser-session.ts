import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from './server-process';

export const CHROMIUM = '/usr/bin/chromium';
export const CLIENT_BUILD = resolve(__dirname, '../../client/dist/index.html');
export const SHOTS = resolve(__dirname, '../../test-output/screenshots');

/** `describe` when chromium and a real PostgreSQL are there, else a skipped suite that says what is missing. */
export function describeInBrowserWithPostgres(suite: string): jest.Describe {
  if (existsSync(CHROMIUM) && process.env.DATABASE_URL) return describe;
  console.warn(`Skipping the ${suite} browser suite: it needs ${CHROMIUM} and DATABASE_URL (a real PostgreSQL)`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface SignedInSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the browser, stops the server and drops the database. */
  close(): Promise<void>;
}

/**
 * The built app on a new empty database, started with a first program-office account, and a browser
 * page signed in as that account.
 */
export async function signedInOnEmptyDatabase(admin: { email: string; password: string; name: string }): Promise<SignedInSession> {
  if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
  mkdirSync(SHOTS, { recursive: true });
  let database: TestDatabase | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stopAllServers();
    await database?.drop();
  };
  try {
    database = await createTestDatabase();
    const server = await startServer({ SEED_DEMO: 'false', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ADMIN_NAME: admin.name, ...database.env }, 180_000);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return { server, browser, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A full-page screenshot from the top, into test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
