import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PACK_SECTION_TITLES, PACK_SECTIONS, type Pack } from '@liftoff/shared';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, stopAllServers, type RunningServer } from '../../support/server-process';
import { demoPassword } from './demo-passwords';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_BUILD = resolve(__dirname, '../../../client/dist/index.html');
const PDF_TEXT = resolve(__dirname, '../../support/pdf-text.mjs');
const HAS_BROWSER = existsSync(CHROMIUM);
const describeWithBrowser = HAS_BROWSER ? describe : describe.skip;
if (!HAS_BROWSER) console.warn(`Skipping the browser suite: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

/** Page sizes in PDF points (1/72 inch): A4 is 210 x 297 mm, Letter 8.5 x 11 in. Chromium rounds to its own units, within 1.5 pt. */
const PAPER_POINTS = { A4: { width: 595.28, height: 841.89 }, Letter: { width: 612, height: 792 } };
const expectPaper = (page: PdfPage, paper: { width: number; height: number }) => {
  expect(Math.abs(page.width - paper.width)).toBeLessThan(1.5);
  expect(Math.abs(page.height - paper.height)).toBeLessThan(1.5);
};

interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/**
 * A committee pack printed to PDF by Chromium, as the program office would from the print view: on A4
 * and on Letter every section starts on its own page (read back from the PDF with pdf.js), the pack's
 * text is all there and the app's navigation is not.
 */
describeWithBrowser('a committee pack printed to PDF', () => {
  let browser: Browser;
  let server: RunningServer;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  const outDir = mkdtempSync(join(tmpdir(), 'liftoff-pack-pdf-'));
  let page: Page;
  let pack: Pack;

  beforeAll(async () => {
    if (!existsSync(CLIENT_BUILD)) throw new Error(`${CLIENT_BUILD} is missing: run "npm run build" first`);
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'liftoff-pack-'));
    const databaseEnv = database ? database.env : { DATABASE_URL: undefined, DATA_DIR: dataDir! };
    server = await startServer({ SEED_DEMO: 'true', ...databaseEnv }, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('po@liftoff.demo');
    await page.getByLabel('Password').fill(demoPassword('po@liftoff.demo', 'liftoff-office', database !== null, server.output()));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllServers();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  /** Makes a pack from the packs page, as the program office does, and returns it as the API serves it. */
  const makePackOnScreen = async (title: string): Promise<Pack> => {
    await page.goto(`${server.baseUrl}/packs`);
    await page.getByLabel('Title of the new pack').fill(title);
    await page.getByRole('button', { name: 'Make pack now' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    return page.evaluate(async (packId) => (await fetch(`/api/packs/${packId}`)).json(), id);
  };

  const printed = async (paper: 'a4' | 'letter', pdfOptions: Parameters<Page['pdf']>[0]): Promise<PdfPage[]> => {
    await page.goto(`${server.baseUrl}/packs/${pack.id}/print?paper=${paper}`);
    await page.getByRole('heading', { name: pack.title, level: 1 }).waitFor();
    // Every chart drawn before printing.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.pack-print .pack-chart')).filter((chart) => chart.querySelector('.recharts-surface')).length === 4);
    expect(await page.getByRole('navigation').count()).toBe(0);
    const file = join(outDir, `pack-${paper}-${pdfOptions?.format ?? 'css'}.pdf`);
    writeFileSync(file, await page.pdf(pdfOptions));
    return (JSON.parse(execFileSync(process.execPath, [PDF_TEXT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { pages: PdfPage[] }).pages;
  };

  /** Each section after the first opens a page of its own, in order; the first shares the cover page. */
  const expectSectionsOnSeparatePages = (pages: PdfPage[]) => {
    expect(pages.length).toBeGreaterThanOrEqual(PACK_SECTIONS.length);
    const opening = pages.map((p) => p.text.trimStart());
    expect(opening[0].startsWith(pack.title)).toBe(true);
    expect(opening[0]).toContain(PACK_SECTION_TITLES.overview);
    const starts = PACK_SECTIONS.slice(1).map((section) => opening.findIndex((text) => text.startsWith(PACK_SECTION_TITLES[section])));
    expect(starts.every((index) => index > 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
  };

  const expectPackText = (pages: PdfPage[]) => {
    // Table cells wrap names over lines: compare with runs of white space as one space.
    const text = pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Since the last pack:');
    for (const stuck of pack.snapshot.stuck.slice(0, 5)) expect(text).toContain(stuck.pilotName);
    for (const item of pack.snapshot.scaleQueue.slice(0, 5)) expect(text).toContain(item.pilotName);
    // The print view has no navigation and no print toolbar.
    for (const absent of ['Skip to content', 'Back to the pack', 'Sign out']) expect(text).not.toContain(absent);
  };

  it('on A4 and on Letter, each section starts its own page and the text is the pack\'s', async () => {
    await makePackOnScreen('Committee pack, first');
    pack = await makePackOnScreen('Committee pack, second');
    expect(pack.comparison).not.toBeNull();
    expect(pack.snapshot.stuck.length).toBeGreaterThan(0);

    const a4 = await printed('a4', { format: 'A4', printBackground: true });
    for (const sheet of a4) expectPaper(sheet, PAPER_POINTS.A4);
    expectSectionsOnSeparatePages(a4);
    expectPackText(a4);

    const letter = await printed('letter', { format: 'Letter', printBackground: true });
    for (const sheet of letter) expectPaper(sheet, PAPER_POINTS.Letter);
    expectSectionsOnSeparatePages(letter);
    expectPackText(letter);
  }, 180_000);

  it('the paper chosen in the print view sets the page size when the printer follows the page\'s CSS', async () => {
    for (const [paper, points] of [['letter', PAPER_POINTS.Letter], ['a4', PAPER_POINTS.A4]] as const) {
      const pages = await printed(paper, { preferCSSPageSize: true, printBackground: true });
      for (const sheet of pages) expectPaper(sheet, points);
      expectSectionsOnSeparatePages(pages);
    }
  }, 120_000);
});
