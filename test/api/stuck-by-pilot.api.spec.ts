import { addIsoWeeks, isoWeekOf, isoWeekStart, type Page, type SignalFlag, type StuckPilot } from '@liftoff/shared';
import { createBasicPortfolio, createPilot, fieldsOf, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** The stuck list pages by pilot: a pilot's signs are never split across two pages. */
describe('GET /api/flags/by-pilot', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  const thisWeek = isoWeekOf(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
    // Three pilots with several signs each: off track for four weeks with the same blocker each week.
    for (const name of ['Alpha', 'Bravo', 'Charlie']) {
      const pilot = await createPilot(t, { name: `Stuck ${name}`, businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2025-01-06' });
      for (const back of [3, 2, 1, 0]) {
        await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -back), health: 'off_track', blockers: [{ text: `${name} data export blocked by the vendor` }] }));
      }
    }
  });
  afterAll(() => t.close());

  it('pages pilots, each with every matching open flag, and counts pilots', async () => {
    const all = ((await t.http.get('/api/flags?pageSize=200').expect(200)).body as Page<SignalFlag>).items;
    const first = (await t.http.get('/api/flags/by-pilot?pageSize=2').expect(200)).body as Page<StuckPilot>;
    const second = (await t.http.get('/api/flags/by-pilot?pageSize=2&page=2').expect(200)).body as Page<StuckPilot>;
    const pilots = new Set(all.map((f) => f.pilotId));
    expect(first.total).toBe(pilots.size);
    expect(first.items).toHaveLength(2);
    const groups = [...first.items, ...second.items];
    expect(groups.map((g) => g.pilotId).sort()).toEqual([...pilots].sort());
    for (const group of groups) {
      expect(group.flags.length).toBeGreaterThan(1);
      expect(group.flags.map((f) => f.id).sort()).toEqual(all.filter((f) => f.pilotId === group.pilotId).map((f) => f.id).sort());
    }
  });

  it('applies the list filters to the flags it shows', async () => {
    const page = (await t.http.get('/api/flags/by-pilot?kind=repeated_blocker').expect(200)).body as Page<StuckPilot>;
    expect(page.items.length).toBe(3);
    for (const group of page.items) expect(group.flags.map((f) => f.kind)).toEqual(['repeated_blocker']);
    // Each says when its blocker streak began: the Monday of the first of the four reports.
    const firstMonday = isoWeekStart(addIsoWeeks(thisWeek, -3)).toISOString().slice(0, 10);
    for (const group of page.items) expect(group.flags.map((f) => f.conditionSince)).toEqual([firstMonday]);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    expect(fieldsOf(await t.http.get('/api/flags/by-pilot?kind=sleepy').expect(400))).toEqual(['kind']);
  });
});
