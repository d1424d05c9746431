import { COMPLEXITIES, type BusinessUnit, type Complexity, type Person, type Pilot, type PortfolioFilter, type PortfolioOverview, type Stage } from '@liftoff/shared';
import { createPerson, createPilot, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Row = [name: string, daysAgo: number, complexity: Complexity, stage: Stage, sponsor: 'S1' | 'S2' | null];

/**
 * Pilots of the main unit. Days are counted back from the database's today, far from the bucket
 * edges (a month is 30.44 days: 3 months = 91.3 days, 6 = 182.6, 9 = 274.0, 12 = 365.3, 18 = 547.9).
 * Production, pivoted and killed pilots are not underway. N starts in 20 days (a start date a user may
 * enter ahead): it has run 0 months, so it counts in the first bucket like a pilot that started today.
 */
const ROWS: Row[] = [
  ['A', 10, 'best', 'piloting', 'S1'],
  ['P', 29, 'best', 'piloting', 'S2'],
  ['Q', 32, 'best', 'proposed', null],
  ['B', 45, 'typical', 'proposed', 'S1'],
  ['C', 80, 'typical', 'paused', 'S2'],
  ['D', 100, 'typical', 'scaling', 'S1'],
  ['E', 150, 'complex', 'piloting', 'S2'],
  ['F', 200, 'best', 'piloting', 'S1'],
  ['G', 300, 'complex', 'piloting', null],
  ['H', 400, 'complex', 'scaling', 'S1'],
  ['I', 600, 'typical', 'piloting', 'S2'],
  ['J', 620, 'best', 'paused', 'S1'],
  ['K', 100, 'typical', 'production', 'S1'],
  ['L', 150, 'complex', 'killed', 'S2'],
  ['M', 45, 'typical', 'pivoted', 'S1'],
  ['N', -20, 'typical', 'proposed', 'S1'],
];

/** What the chart shows for the main unit, segment by segment. */
const EXPECTED: Record<string, Partial<Record<Complexity, string[]>>> = {
  '0-3 months': { best: ['A', 'P', 'Q'], typical: ['B', 'C', 'N'] },
  '3-6 months': { typical: ['D'], complex: ['E'] },
  '6-9 months': { best: ['F'] },
  '9-12 months': { complex: ['G'] },
  '12-18 months': { complex: ['H'] },
  '18+ months': { best: ['J'], typical: ['I'] },
};

describe('time in pilot: each chart segment lists exactly its pilots', () => {
  let t: TestApp;
  let unit: BusinessUnit;
  let sponsors: Record<'S1' | 'S2', Person>;
  const byId = new Map<string, string>();

  const query = (params: Record<string, string | number | boolean | undefined>) =>
    new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const list = async (params: Record<string, string | number | boolean | undefined>) => {
    const res = await t.http.get(`/api/pilots?pageSize=200&sort=name&${query(params)}`).expect(200);
    const names = (res.body.items as Pilot[]).map((p) => byId.get(p.id) ?? p.name).sort();
    return { total: res.body.total as number, names };
  };
  const overview = async (filter: PortfolioFilter): Promise<PortfolioOverview> =>
    (await t.http.get(`/api/portfolio/overview?${query({ ...filter })}`).expect(200)).body;
  const segment = (filter: PortfolioFilter, bucket: PortfolioOverview['timeInPilot'][number], complexity: Complexity) =>
    list({ ...filter, complexity, underway: true, monthsInPilotMin: bucket.fromMonths, monthsInPilotMax: bucket.toMonths ?? undefined });

  beforeAll(async () => {
    t = await startTestApp();
    unit = (await t.http.post('/api/business-units').send({ name: 'Timeline unit' }).expect(201)).body;
    const other: BusinessUnit = (await t.http.post('/api/business-units').send({ name: 'Other unit' }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', unit.id);
    sponsors = { S1: await createPerson(t, 'executive', unit.id), S2: await createPerson(t, 'executive', unit.id) };
    const daysAgo = async (days: number): Promise<string> =>
      (await t.dataSource.query(`SELECT to_char(current_date - $1::int, 'YYYY-MM-DD') AS day`, [days]))[0].day;
    for (const [name, days, complexity, stage, sponsor] of ROWS) {
      const pilot = await createPilot(t, {
        name: `Timeline ${name}`, startDate: await daysAgo(days), complexity, stage, businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor ? sponsors[sponsor].id : null,
      });
      byId.set(pilot.id, name);
    }
    const elsewhere = await createPilot(t, { name: 'Timeline O', startDate: await daysAgo(100), complexity: 'typical', stage: 'piloting', businessUnitId: other.id, leadId: lead.id });
    byId.set(elsewhere.id, 'O');
  });
  afterAll(() => t.close());

  it('puts the main unit’s underway pilots in the expected segments, and lists the same pilots for each', async () => {
    const chart = await overview({ businessUnitId: unit.id });
    expect(chart.timeInPilot.map((b) => b.bucket)).toEqual(Object.keys(EXPECTED));
    for (const bucket of chart.timeInPilot) {
      for (const complexity of COMPLEXITIES) {
        const expected = EXPECTED[bucket.bucket][complexity] ?? [];
        expect({ bucket: bucket.bucket, complexity, count: bucket.counts[complexity] }).toEqual({ bucket: bucket.bucket, complexity, count: expected.length });
        const listed = await segment({ businessUnitId: unit.id }, bucket, complexity);
        expect({ bucket: bucket.bucket, complexity, ...listed }).toEqual({ bucket: bucket.bucket, complexity, total: expected.length, names: expected });
      }
    }
  });

  it('counts a pilot entered with a start date ahead in the first bucket, and lists it there', async () => {
    const later: BusinessUnit = (await t.http.post('/api/business-units').send({ name: 'Later unit' }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', later.id);
    const ahead: string = (await t.dataSource.query(`SELECT to_char(current_date + 45, 'YYYY-MM-DD') AS day`))[0].day;
    const pilot = await createPilot(t, { name: 'Timeline starts later', startDate: ahead, complexity: 'complex', stage: 'proposed', businessUnitId: later.id, leadId: lead.id });
    byId.set(pilot.id, 'later');
    const chart = await overview({ businessUnitId: later.id });
    expect(chart.timeInPilot.map((b) => b.counts)).toEqual([{ best: 0, typical: 0, complex: 1 }, ...chart.timeInPilot.slice(1).map(() => ({ best: 0, typical: 0, complex: 0 }))]);
    const first = await list({ businessUnitId: later.id, complexity: 'complex', underway: true, monthsInPilotMin: 0, monthsInPilotMax: 3 });
    expect(first.names).toEqual(['later']);
  });

  it.each<[string, (ids: { unit: string; s1: string; s2: string }) => PortfolioFilter]>([
    ['no filter', () => ({})],
    ['a unit', ({ unit }) => ({ businessUnitId: unit })],
    ['a sponsor', ({ s1 }) => ({ sponsorId: s1 })],
    ['a stage', () => ({ stage: 'piloting' })],
    ['a unit, stage and sponsor', ({ unit, s2 }) => ({ businessUnitId: unit, stage: 'paused', sponsorId: s2 })],
    ['a closed stage', () => ({ stage: 'production' })],
    ['an unknown unit', () => ({ businessUnitId: UNKNOWN_ID })],
  ])('with %s, every segment count equals the list total, and the segments split the underway pilots', async (_label, make) => {
    const filter = make({ unit: unit.id, s1: sponsors.S1.id, s2: sponsors.S2.id });
    const chart = await overview(filter);
    const seen: string[] = [];
    for (const bucket of chart.timeInPilot) {
      for (const complexity of COMPLEXITIES) {
        const listed = await segment(filter, bucket, complexity);
        expect({ bucket: bucket.bucket, complexity, total: listed.total }).toEqual({ bucket: bucket.bucket, complexity, total: bucket.counts[complexity] });
        expect(listed.names).toHaveLength(listed.total);
        seen.push(...listed.names);
      }
    }
    const everyUnderway = await list({ ...filter, underway: true, monthsInPilotMin: 0 });
    expect(seen.sort()).toEqual(everyUnderway.names);
  });

  describe('the filters on their own', () => {
    it('filters by complexity and by underway stages', async () => {
      expect((await list({ businessUnitId: unit.id, complexity: 'complex' })).names).toEqual(['E', 'G', 'H', 'L']);
      expect((await list({ businessUnitId: unit.id, underway: true })).names).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'N', 'P', 'Q']);
      expect((await list({ businessUnitId: unit.id, underway: false })).total).toBe(ROWS.length);
      expect((await list({ businessUnitId: unit.id, stage: 'production', underway: true })).total).toBe(0);
    });

    it('takes the lower bound inclusive and the upper bound exclusive, counting 30.44 days to a month', async () => {
      // 29 days is 0.95 months, 32 days 1.05 (a day either side of the edge, so a run across midnight keeps them apart);
      // a pilot that starts in the future has run 0 months.
      expect((await list({ businessUnitId: unit.id, monthsInPilotMax: 1 })).names).toEqual(['A', 'N', 'P']);
      expect((await list({ businessUnitId: unit.id, monthsInPilotMin: 0, monthsInPilotMax: 1 })).names).toEqual(['A', 'N', 'P']);
      expect((await list({ businessUnitId: unit.id, monthsInPilotMin: 1, monthsInPilotMax: 2.5 })).names).toEqual(['B', 'M', 'Q']);
      expect((await list({ businessUnitId: unit.id, monthsInPilotMin: 18 })).names).toEqual(['I', 'J']);
      expect((await list({ monthsInPilotMin: 3, monthsInPilotMax: 6 })).names).toEqual(['D', 'E', 'K', 'L', 'O']);
    });

    it('combines with the other filters, sorts and pages', async () => {
      const oldest = await t.http
        .get(`/api/pilots?businessUnitId=${unit.id}&underway=true&monthsInPilotMin=0&sort=startDate&pageSize=2&page=1`)
        .expect(200);
      expect(oldest.body.total).toBe(13);
      expect((oldest.body.items as Pilot[]).map((p) => byId.get(p.id))).toEqual(['J', 'I']);
      expect((await list({ sponsorId: sponsors.S1.id, complexity: 'typical', underway: true, monthsInPilotMin: 0 })).names).toEqual(['B', 'D', 'N']);
    });
  });

  it.each([
    ['complexity=hard', 'complexity'],
    ['complexity=', 'complexity'],
    ['underway=yes', 'underway'],
    ['underway=1', 'underway'],
    ['underway=', 'underway'],
    ['monthsInPilotMin=-1', 'monthsInPilotMin'],
    ['monthsInPilotMin=three', 'monthsInPilotMin'],
    ['monthsInPilotMin=1e3', 'monthsInPilotMin'],
    ['monthsInPilotMin=', 'monthsInPilotMin'],
    ['monthsInPilotMin=1&monthsInPilotMin=2', 'monthsInPilotMin'],
    ['monthsInPilotMax=Infinity', 'monthsInPilotMax'],
    ['monthsInPilotMax=-3', 'monthsInPilotMax'],
    ['monthsInPilotMin=6&monthsInPilotMax=3', 'monthsInPilotMax'],
    ['monthsInPilotMin=3&monthsInPilotMax=3', 'monthsInPilotMax'],
  ])('rejects %s with 400 naming %s', async (params, field) => {
    const res = await t.http.get(`/api/pilots?${params}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fieldsOf(res)).toEqual([field]);
  });
});
