import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowserWithPostgres, screenshot, SHOTS, signedInOnEmptyDatabase, type SignedInSession } from '../../support/browser-session';
import type { RunningServer } from '../../support/server-process';

const describeWhenReady = describeInBrowserWithPostgres('portfolio set-up');

const ADMIN = { email: 'office@example.com', password: 'set-up-portfolio-2026', name: 'Olive Office' };

/**
 * The program office sets up a pilot from an empty real database through the screens: a business
 * unit, the pilot with a backdated stage clock, a KPI, then pauses and resumes it with reasons and
 * reads both moves in the stage history. Only the lead's account is made through the API (people
 * screens are built separately).
 */
describeWhenReady('setting up a pilot in a real browser', () => {
  let session: SignedInSession;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await signedInOnEmptyDatabase(ADMIN);
    ({ server, page } = session);
  }, 240_000);

  afterAll(() => session?.close());

  it('creates a unit and a pilot with a KPI, pauses and resumes it with reasons, and shows the stage history', async () => {
    await page.getByRole('link', { name: 'Units', exact: true }).click();
    await page.getByLabel('New business unit').fill('Claims operations');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByRole('rowheader', { name: 'Claims operations' }).waitFor();
    const lead = await page.request.post(`${server.baseUrl}/api/people`, { data: { name: 'Lena Lead', email: 'lena@example.com', role: 'pilot_lead' } });
    expect(lead.status()).toBe(201);

    await page.getByRole('link', { name: 'Pilots', exact: true }).click();
    await page.getByRole('link', { name: 'New pilot' }).click();
    const form = page.getByRole('form', { name: 'New pilot' });
    await form.getByLabel('Name').fill('Claims letter drafting');
    await form.getByLabel('Summary').fill('Drafts replies to claim letters for handlers to check.');
    await form.getByLabel('Business unit').selectOption({ label: 'Claims operations' });
    await form.getByLabel('Use-case category').selectOption({ label: 'Document processing' });
    await form.getByLabel('Complexity').selectOption('typical');
    await form.getByLabel('Pilot lead').selectOption({ label: 'Lena Lead' });
    await form.getByLabel('Stage it is in now').selectOption('piloting');
    await form.getByLabel('Start date').fill('2026-05-04');
    await form.getByLabel('In this stage since').fill('2026-06-01');
    await form.getByLabel('Systems to integrate').fill('Claims core, document store');
    await form.getByLabel('Value at scale per year').fill('400000');
    await form.getByLabel('Cost to scale').fill('90000');
    await screenshot(page, 'pilot-new');
    await form.getByRole('button', { name: 'Create pilot' }).click();

    await page.getByRole('heading', { name: 'Claims letter drafting', level: 1 }).waitFor();
    const pilotUrl = new URL(page.url()).pathname;
    const pilot = await (await page.request.get(`${server.baseUrl}/api${pilotUrl}`)).json();
    expect(pilot).toMatchObject({ stage: 'piloting', integrationSystems: ['Claims core', 'document store'], annualValueAtScale: 400000 });
    expect(pilot.stageEnteredAt.slice(0, 10)).toBe('2026-06-01');

    // A KPI whose target is on the wrong side is caught before it is sent, then corrected.
    await page.getByRole('button', { name: 'Add KPI' }).click();
    const kpi = page.getByRole('dialog', { name: 'Add a KPI' });
    await kpi.getByLabel('Name').fill('Drafting time');
    await kpi.getByLabel('Unit').fill('minutes');
    await kpi.getByText('Lower is better').click();
    await kpi.getByLabel('Baseline').fill('25');
    await kpi.getByLabel('Target').fill('30');
    await kpi.getByText(/target must be below the baseline \(25\)/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'kpi-dialog.png') });
    await kpi.getByLabel('Target').fill('10');
    await kpi.getByLabel('Lowest possible reading (optional)').fill('0');
    await kpi.getByRole('button', { name: 'Add KPI' }).click();
    await kpi.waitFor({ state: 'detached' });
    const kpiList = page.getByRole('region', { name: 'KPI definitions' });
    await kpiList.getByRole('listitem').filter({ hasText: 'Drafting time' }).waitFor();
    expect(await kpiList.textContent()).toMatch(/lower is better · baseline 25 · target 10 · readings 0 to ∞/);

    await moveStage(page, 'Pause', 'Handlers are busy with the year-end backlog.');
    await page.getByText('Claims letter drafting is now paused.').waitFor();
    await moveStage(page, 'Resume as piloting', 'Backlog cleared; handlers are back.');
    await page.getByText('Claims letter drafting is now piloting.').waitFor();

    const history = page.getByRole('region', { name: 'Stage history' });
    await history.getByText(/Backlog cleared; handlers are back\./).waitFor();
    const moves = await history.getByRole('listitem').allTextContents();
    expect(moves[0]).toMatch(/Paused\s*→\s*Piloting.*Backlog cleared; handlers are back\..*Olive Office/);
    expect(moves[1]).toMatch(/Piloting\s*→\s*Paused.*year-end backlog.*Olive Office/);
    await screenshot(page, 'pilot-after-stage-moves');
  });
});

async function moveStage(page: Page, move: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: 'Change stage' }).click();
  const dialog = page.getByRole('dialog', { name: /Change the stage of/ });
  await dialog.getByText(move, { exact: true }).click();
  await dialog.getByLabel('Reason').fill(reason);
  await page.screenshot({ path: join(SHOTS, 'stage-change-dialog.png') });
  await dialog.getByRole('button', { name: 'Change stage' }).click();
  await dialog.waitFor({ state: 'detached' });
}
