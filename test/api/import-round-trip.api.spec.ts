import ExcelJS from 'exceljs';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { startTestApp, countRows, type TestApp } from './support/test-app';

/** A download as bytes (supertest leaves binary bodies unparsed unless told). */
async function download(t: TestApp, path: string): Promise<Buffer> {
  const res = await t.http
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return res.body as Buffer;
}

function upload(t: TestApp, path: string, body: Buffer, name: string) {
  return t.http.post(path).attach('file', body, name).field('createPeople', 'true').field('createUnits', 'true');
}

/** Every cell of the first sheet as plain values, for comparing workbooks whose zip bytes carry timestamps. */
async function cells(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => rows.push(Array.from((row.values as unknown[]).slice(1))));
  return rows;
}

describe('Export, import into an empty database, export again', () => {
  let source: TestApp;
  let target: TestApp;
  beforeAll(async () => {
    // The demo portfolio: about 60 pilots with their KPIs, a year of weekly updates, blockers resolved and open.
    source = await startTestApp();
    await source.app.get(DemoSeeder).seedIfEmpty();
    target = await startTestApp();
  }, 180_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('gives byte-identical CSV files, and XLSX files with identical cells', async () => {
    const pilots = await download(source, '/api/exports/pilots?format=csv');
    const updates = await download(source, '/api/exports/weekly-updates?format=csv');
    expect(await countRows(source.dataSource, 'weekly_updates')).toBeGreaterThan(500);
    expect(pilots.toString('utf8').split('\r\n').length).toBeGreaterThan(60);

    const importedPilots = await upload(target, '/api/imports/pilots', pilots, 'pilots.csv').expect(201);
    expect(importedPilots.body).toMatchObject({ errorCount: 0, updated: 0, unchanged: 0 });
    const importedUpdates = await upload(target, '/api/imports/weekly-updates', updates, 'weekly-updates.csv').expect(201);
    expect(importedUpdates.body).toMatchObject({ errorCount: 0, created: await countRows(source.dataSource, 'weekly_updates') });

    expect((await download(target, '/api/exports/pilots?format=csv')).toString('utf8')).toBe(pilots.toString('utf8'));
    expect((await download(target, '/api/exports/weekly-updates?format=csv')).toString('utf8')).toBe(updates.toString('utf8'));

    for (const kind of ['pilots', 'weekly-updates']) {
      const before = await download(source, `/api/exports/${kind}?format=xlsx`);
      expect(await cells(await download(target, `/api/exports/${kind}?format=xlsx`))).toEqual(await cells(before));
      // The XLSX export imported again over the same data changes nothing.
      const again = await upload(target, `/api/imports/${kind}`, before, `${kind}.xlsx`).expect(201);
      expect(again.body).toMatchObject({ format: 'xlsx', created: 0, updated: 0, errorCount: 0 });
    }
  }, 300_000);
});
