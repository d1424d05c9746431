import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowserWithPostgres, screenshot, signedInOnEmptyDatabase, type SignedInSession } from '../../support/browser-session';
import type { RunningServer } from '../../support/server-process';

const FIXTURES = resolve(__dirname, '../../fixtures/import');
const describeWhenReady = describeInBrowserWithPostgres('import');

const ADMIN = { email: 'office@example.com', password: 'import-portfolio-2026', name: 'Olive Office' };

/**
 * The program office uploads a pilots file on an empty real database, reads the dry run (a problem
 * first, then the fixed options), confirms, and finds the pilots on the pilots page.
 */
describeWhenReady('importing a spreadsheet in a real browser', () => {
  let session: SignedInSession;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await signedInOnEmptyDatabase(ADMIN);
    ({ server, page } = session);
  }, 240_000);

  afterAll(() => session?.close());

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
    await screenshot(page, 'import-dry-run');

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('heading', { name: 'Import done' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported: 3 rows created' }).waitFor();
    // What re-analysing the new pilots found, with the way to the stuck list.
    const findings = page.getByRole('region', { name: 'What the analysis found' });
    await findings.getByText(/stuck signs? appeared on \d+ pilots?/).waitFor();
    await findings.getByRole('link', { name: 'See every stuck pilot' }).waitFor();
    await screenshot(page, 'import-done-findings');
    await page.getByRole('link', { name: 'See the pilots' }).click();
    await page.getByRole('link', { name: 'Invoice triage' }).waitFor();
    await page.getByRole('link', { name: 'Reply drafts' }).waitFor();
    await screenshot(page, 'import-pilots-listed');
  }, 120_000);
});

async function expectNoImportButton(page: Page): Promise<void> {
  expect(await page.getByRole('button', { name: /^Import \d+ rows$/ }).count()).toBe(0);
}
