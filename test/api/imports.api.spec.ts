import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '@liftoff/shared';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const FIXTURES = join(__dirname, '../fixtures/import');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const TABLES = ['pilots', 'kpis', 'people', 'business_units', 'weekly_updates', 'kpi_readings', 'blockers', 'update_blockers', 'stage_changes', 'audit_events'];

async function counts(t: TestApp): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = await countRows(t.dataSource, table);
  return result;
}

/** Sends a file the way the dashboard does: multipart, with the options as form fields. */
function upload(t: TestApp, path: string, body: Buffer, name: string, fields: Record<string, string> = {}) {
  let req = t.http.post(path).attach('file', body, name);
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return req;
}

describe('Imports API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('dry-runs a pilots file without writing, reporting each row, then confirms it in one go', async () => {
    const before = await counts(t);
    const dry = await upload(t, '/api/imports/pilots/dry-run', fixture('pilots.csv'), 'pilots.csv', { createPeople: 'true', createUnits: 'true' }).expect(200);
    const report = dry.body as ImportReport;
    expect(report).toMatchObject({ kind: 'pilots', dryRun: true, committed: false, format: 'csv', rowCount: 3, created: 3, updated: 0, unchanged: 0, errorCount: 0 });
    expect(report.rows.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'create'], [4, 'create']]);
    expect(report.rows[0].detail).toBe('new pilot; new KPI "Hours saved per week"');
    expect(report.unitsCreated.sort()).toEqual(['Customer Care', 'Finance']);
    expect(report.peopleCreated.sort()).toEqual(['ana.lead@example.com', 'bo.lead@example.com', 'eve.exec@example.com']);
    expect(await counts(t)).toEqual(before);

    const done = await upload(t, '/api/imports/pilots', fixture('pilots.csv'), 'pilots.csv', { createPeople: 'true', createUnits: 'true', expectedSha256: report.fileSha256 }).expect(201);
    expect(done.body).toMatchObject({ committed: true, dryRun: false, created: 3 });
    const [pilot] = await t.dataSource.query(
      `SELECT p.name, p.stage, p.stage_entered_at, p.integration_systems, p.annual_value_at_scale::float8 AS value, l.email AS lead, s.email AS sponsor, l.role AS lead_role, s.role AS sponsor_role
         FROM pilots p JOIN people l ON l.id = p.lead_id LEFT JOIN people s ON s.id = p.sponsor_id WHERE p.name = 'Invoice triage'`,
    );
    expect(pilot).toMatchObject({ stage: 'piloting', integration_systems: ['SAP', 'Outlook'], value: 250000, lead: 'ana.lead@example.com', sponsor: 'eve.exec@example.com', lead_role: 'pilot_lead', sponsor_role: 'executive' });
    expect(new Date(pilot.stage_entered_at).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const [drafts] = await t.dataSource.query(`SELECT summary FROM pilots WHERE name = 'Reply drafts'`);
    expect(drafts.summary).toBe("=cmd|' /C calc'!A0 is plain text here");
    expect(await countRows(t.dataSource, 'kpis')).toBe(before.kpis + 2);
    // The stage clock of an imported pilot starts when the file says, with a stage change to show for it.
    const [change] = await t.dataSource.query(`SELECT c.to_stage, c.changed_at FROM stage_changes c JOIN pilots p ON p.id = c.pilot_id WHERE p.name = 'Invoice triage'`);
    expect(new Date(change.changed_at).toISOString()).toBe('2026-03-02T00:00:00.000Z');

    // Idempotent: the same file again creates nothing and reports every row unchanged.
    const afterFirst = await counts(t);
    const again = await upload(t, '/api/imports/pilots', fixture('pilots.csv'), 'pilots.csv').expect(201);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errorCount: 0 });
    expect(await counts(t)).toEqual(afterFirst);
  });

  it('imports weekly updates with readings and blockers, analyses them like posted ones, and is idempotent', async () => {
    const dry = await upload(t, '/api/imports/weekly-updates/dry-run', fixture('weekly-updates.csv'), 'weekly-updates.csv').expect(200);
    expect(dry.body).toMatchObject({ created: 3, errorCount: 0 });
    await upload(t, '/api/imports/weekly-updates', fixture('weekly-updates.csv'), 'weekly-updates.csv').expect(201);
    const blockers = await t.dataSource.query(`SELECT text, category, status, first_seen_week, last_seen_week, resolved_at FROM blockers ORDER BY text`);
    expect(blockers).toEqual([
      { text: 'No SAP write access yet', category: 'integration', status: 'open', first_seen_week: '2026-W13', last_seen_week: '2026-W14', resolved_at: null },
      { text: 'Supplier master data is incomplete', category: 'data', status: 'resolved', first_seen_week: '2026-W12', last_seen_week: '2026-W13', resolved_at: expect.any(Date) },
    ]);
    const readings = await t.dataSource.query(`SELECT u.week, k.name, r.value::float8 AS value FROM kpi_readings r JOIN weekly_updates u ON u.id = r.update_id JOIN kpis k ON k.id = r.kpi_id ORDER BY u.week, k.name`);
    expect(readings).toContainEqual({ week: '2026-W12', name: 'Error rate', value: 6.5 });
    // Analysis ran in the import's transaction: the pilot has a current diagnosis computed after the import.
    const [diagnosis] = await t.dataSource.query(`SELECT d.computed_at FROM pilot_diagnoses d JOIN pilots p ON p.id = d.pilot_id WHERE p.name = 'Invoice triage'`);
    expect(diagnosis).toBeDefined();
    const afterFirst = await counts(t);
    const again = await upload(t, '/api/imports/weekly-updates', fixture('weekly-updates.csv'), 'weekly-updates.csv').expect(201);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts(t)).toEqual(afterFirst);
  });

  it('imports nothing from a file with one bad row and names its row, column and problem', async () => {
    const before = await counts(t);
    const res = await upload(t, '/api/imports/weekly-updates', fixture('weekly-updates-one-bad-row.csv'), 'bad.csv').expect(400);
    expect(res.body.importReport).toMatchObject({ committed: false, errorCount: 1, errors: [{ row: 3, column: 'confidence', message: 'must be between 1 and 5' }] });
    expect(res.body.message).toContain('Nothing was imported');
    expect(await counts(t)).toEqual(before);
  });

  it('reads a semicolon file with a BOM, decimal commas, day-first dates, quoted separators and line breaks, and empty trailing rows', async () => {
    const file = fixture('pilots-excel-semicolon.csv');
    const iso = await upload(t, '/api/imports/pilots/dry-run', file, 'export.csv', { createPeople: 'true', createUnits: 'true' }).expect(200);
    expect(iso.body.errors).toContainEqual({ row: 2, column: 'start_date', message: expect.stringContaining('choose "day first"') });
    const res = await upload(t, '/api/imports/pilots', file, 'export.csv', { createPeople: 'true', createUnits: 'true', dateOrder: 'day_first' }).expect(201);
    expect(res.body).toMatchObject({ rowCount: 1, created: 1, errorCount: 0 });
    const [pilot] = await t.dataSource.query(
      `SELECT summary, start_date::text, target_production_date::text, integration_systems, annual_value_at_scale::float8 AS value, cost_to_scale::float8 AS cost FROM pilots WHERE name = 'Routenplanung'`,
    );
    expect(pilot).toEqual({ summary: 'Plant Touren; spart Kilometer\r\nund Zeit', start_date: '2026-03-15', target_production_date: '2026-12-31', integration_systems: ['SAP', 'Telematik'], value: 1250000.5, cost: 300000.25 });
    const [kpi] = await t.dataSource.query(`SELECT baseline::float8 AS baseline FROM kpis WHERE name = 'Kilometer pro Tour'`);
    expect(kpi.baseline).toBe(182.5);
  });
});
