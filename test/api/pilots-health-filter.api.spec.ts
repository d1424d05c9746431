import {
  HEALTHS,
  addIsoWeeks,
  isoWeekOf,
  type BusinessUnit,
  type Health,
  type Person,
  type Pilot,
  type PortfolioFilter,
  type PortfolioOverview,
  type Stage,
} from '@liftoff/shared';
import { createPerson, createPilot, fieldsOf, postUpdate, updateBody, UNKNOWN_ID } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = isoWeekOf(new Date());
/** Three recent weeks, oldest first, all inside the overview's year of weekly health. */
const WEEKS = [addIsoWeeks(NOW, -3), addIsoWeeks(NOW, -2), addIsoWeeks(NOW, -1)];
/** A week well before the chart's year: the filter still answers for it. */
const OLD_WEEK = addIsoWeeks(NOW, -70);

type Unit = 'U1' | 'U2';
type Sponsor = 'S1' | 'S2' | null;
/** Health reported in each of `WEEKS` (null: no update that week), in the order the updates are posted. */
type Row = { name: string; unit: Unit; stage: Stage; sponsor: Sponsor; healths: (Health | null)[]; postOrder?: number[]; old?: Health };

const ROWS: Row[] = [
  { name: 'A', unit: 'U1', stage: 'piloting', sponsor: 'S1', healths: ['on_track', 'on_track', 'on_track'] },
  { name: 'B', unit: 'U1', stage: 'piloting', sponsor: 'S2', healths: ['on_track', 'at_risk', 'off_track'] },
  { name: 'C', unit: 'U1', stage: 'scaling', sponsor: 'S1', healths: ['at_risk', null, 'at_risk'], old: 'off_track' },
  { name: 'D', unit: 'U1', stage: 'paused', sponsor: null, healths: ['off_track', 'off_track', null] },
  // Posted newest week first: the latest update is the one for the latest week, not the last one posted.
  { name: 'E', unit: 'U1', stage: 'piloting', sponsor: 'S2', healths: ['at_risk', 'on_track', 'off_track'], postOrder: [2, 0, 1] },
  { name: 'F', unit: 'U2', stage: 'piloting', sponsor: 'S1', healths: [null, 'at_risk', 'on_track'] },
  { name: 'G', unit: 'U2', stage: 'proposed', sponsor: 'S2', healths: ['on_track', null, null] },
  { name: 'H', unit: 'U2', stage: 'scaling', sponsor: null, healths: ['off_track', 'at_risk', 'at_risk'] },
  // No updates at all: no latest health, in no week.
  { name: 'I', unit: 'U2', stage: 'piloting', sponsor: 'S1', healths: [null, null, null] },
  { name: 'J', unit: 'U1', stage: 'proposed', sponsor: null, healths: [null, null, null], old: 'on_track' },
];

const latestHealth = (row: Row): Health | null => [...row.healths].reverse().find((h) => h !== null) ?? row.old ?? null;

describe('pilots list: health in a week and latest health', () => {
  let t: TestApp;
  const units = {} as Record<Unit, BusinessUnit>;
  const sponsors = {} as Record<'S1' | 'S2', Person>;
  const byId = new Map<string, string>();

  const query = (params: Record<string, string | number | boolean | undefined>) =>
    new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const list = async (params: Record<string, string | undefined>) => {
    const res = await t.http.get(`/api/pilots?pageSize=200&${query(params)}`).expect(200);
    const items = res.body.items as Pilot[];
    return { total: res.body.total as number, names: items.map((p) => byId.get(p.id) ?? p.name).sort(), items };
  };
  const overview = async (filter: PortfolioFilter): Promise<PortfolioOverview> =>
    (await t.http.get(`/api/portfolio/overview?${query({ ...filter })}`).expect(200)).body;
  /** Which rows a portfolio filter keeps, worked out from the fixture. */
  const kept = (filter: PortfolioFilter) => (row: Row) =>
    (!filter.businessUnitId || units[row.unit].id === filter.businessUnitId) &&
    (!filter.stage || row.stage === filter.stage) &&
    (!filter.sponsorId || (row.sponsor !== null && sponsors[row.sponsor].id === filter.sponsorId));

  beforeAll(async () => {
    t = await startTestApp();
    for (const unit of ['U1', 'U2'] as const) {
      units[unit] = (await t.http.post('/api/business-units').send({ name: `Health unit ${unit}` }).expect(201)).body;
    }
    const lead = await createPerson(t, 'pilot_lead', units.U1.id);
    sponsors.S1 = await createPerson(t, 'executive', units.U1.id);
    sponsors.S2 = await createPerson(t, 'executive', units.U2.id);
    for (const row of ROWS) {
      const pilot = await createPilot(t, {
        // A paused pilot takes no updates: it reports while piloting, then pauses.
        name: `Health ${row.name}`, startDate: '2024-01-01', stage: row.stage === 'paused' ? 'piloting' : row.stage, businessUnitId: units[row.unit].id, leadId: lead.id,
        sponsorId: row.sponsor ? sponsors[row.sponsor].id : null,
      });
      byId.set(pilot.id, row.name);
      if (row.old) await postUpdate(t, pilot.id, updateBody(lead.id, { week: OLD_WEEK, health: row.old }));
      for (const index of row.postOrder ?? [0, 1, 2]) {
        const health = row.healths[index];
        if (health) await postUpdate(t, pilot.id, updateBody(lead.id, { week: WEEKS[index], health }));
      }
      if (row.stage === 'paused') await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'paused', version: (await t.http.get(`/api/pilots/${pilot.id}`)).body.version }).expect(200);
    }
  });
  afterAll(() => t.close());

  it('lists exactly the pilots that reported each health in each week', async () => {
    const chart = await overview({});
    expect(chart.healthOverTime.map((w) => w.week)).toEqual(WEEKS);
    for (const [index, week] of WEEKS.entries()) {
      for (const health of HEALTHS) {
        const expected = ROWS.filter((r) => r.healths[index] === health).map((r) => r.name);
        const listed = await list({ health, healthWeek: week });
        expect({ week, health, total: listed.total, names: listed.names }).toEqual({ week, health, total: expected.length, names: expected });
      }
    }
  });

  it.each<[string, (ids: { u1: string; u2: string; s1: string; s2: string }) => PortfolioFilter]>([
    ['no filter', () => ({})],
    ['a unit', ({ u1 }) => ({ businessUnitId: u1 })],
    ['the other unit', ({ u2 }) => ({ businessUnitId: u2 })],
    ['a sponsor', ({ s2 }) => ({ sponsorId: s2 })],
    ['a stage', () => ({ stage: 'piloting' })],
    ['a unit, stage and sponsor', ({ u1, s2 }) => ({ businessUnitId: u1, stage: 'piloting', sponsorId: s2 })],
    ['an unknown unit', () => ({ businessUnitId: UNKNOWN_ID })],
  ])('with %s, every week and health of the chart lists as many pilots as it counts', async (_label, make) => {
    const filter = make({ u1: units.U1.id, u2: units.U2.id, s1: sponsors.S1.id, s2: sponsors.S2.id });
    const chart = await overview(filter);
    const rows = ROWS.filter(kept(filter));
    const weeksWithUpdates = WEEKS.filter((_week, index) => rows.some((r) => r.healths[index] !== null));
    expect(chart.healthOverTime.map((w) => w.week)).toEqual(weeksWithUpdates);
    for (const point of chart.healthOverTime) {
      for (const health of HEALTHS) {
        const listed = await list({ ...filter, health, healthWeek: point.week });
        expect({ week: point.week, health, total: listed.total }).toEqual({ week: point.week, health, total: point[health] });
        const index = WEEKS.indexOf(point.week);
        expect(listed.names).toEqual(rows.filter((r) => r.healths[index] === health).map((r) => r.name));
      }
    }
  });

  it('answers for a week outside the chart’s year, and for a week nobody reported', async () => {
    expect((await list({ health: 'off_track', healthWeek: OLD_WEEK })).names).toEqual(['C']);
    expect((await list({ health: 'on_track', healthWeek: OLD_WEEK })).names).toEqual(['J']);
    expect((await list({ health: 'on_track', healthWeek: addIsoWeeks(NOW, -10) })).total).toBe(0);
  });

  it('with health alone, lists the pilots whose latest update reported it, as the lastHealth column shows', async () => {
    const everyone = await list({});
    const shown = new Map(everyone.items.map((p) => [byId.get(p.id)!, p.lastHealth ?? null]));
    for (const row of ROWS) expect({ name: row.name, lastHealth: shown.get(row.name) }).toEqual({ name: row.name, lastHealth: latestHealth(row) });
    for (const health of HEALTHS) {
      const listed = await list({ health });
      expect({ health, names: listed.names }).toEqual({ health, names: ROWS.filter((r) => latestHealth(r) === health).map((r) => r.name) });
      expect(listed.items.every((p) => p.lastHealth === health)).toBe(true);
    }
    expect((await list({ health: 'off_track' })).names).toEqual(['B', 'D', 'E']);
    expect((await list({ health: 'at_risk', businessUnitId: units.U2.id })).names).toEqual(['H']);
  });

  it('combines with sorting and paging', async () => {
    const res = await t.http.get(`/api/pilots?health=on_track&healthWeek=${WEEKS[0]}&sort=name&order=desc&pageSize=2&page=1`).expect(200);
    expect(res.body.total).toBe(3);
    expect((res.body.items as Pilot[]).map((p) => byId.get(p.id))).toEqual(['G', 'B']);
  });

  it.each([
    ['health=green', 'health'],
    ['health=', 'health'],
    ['health=ON_TRACK', 'health'],
    ['health=on_track&health=at_risk', 'health'],
    ['health=on_track&healthWeek=2026-40', 'healthWeek'],
    ['health=on_track&healthWeek=2026-W54', 'healthWeek'],
    ['health=on_track&healthWeek=', 'healthWeek'],
    ['healthWeek=2026-W40', 'health'],
  ])('rejects %s with 400 naming %s', async (params, field) => {
    const res = await t.http.get(`/api/pilots?${params}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fieldsOf(res)).toEqual([field]);
  });
});
