import type { BusinessUnit, DecisionKind, DecisionOutcomes, DecisionView, Person, Pilot } from '@liftoff/shared';
import { createPerson, createPilot, fieldsOf } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Decisions are append-only and the API stamps them with the present, so past ones are inserted
 * directly, at known times, on pilots whose unit, sponsor and stage differ.
 *
 * | pilot      | unit | sponsor | stage    | decisions                                        |
 * | Claims     | 1    | A       | piloting | continue 2025-02-10 (Q1), continue 2025-10-01 (Q4) |
 * | Contracts  | 1    | B       | killed   | kill 2025-08-01 (Q3)                             |
 * | Forecasts  | 2    | A       | scaling  | scale 2025-09-30 12:00Z (Q3)                     |
 * | Helpdesk   | 2    | none    | pivoted  | pivot 2025-05-15 (Q2)                            |
 */
describe('decision log and outcomes filters', () => {
  let t: TestApp;
  let unit1: BusinessUnit;
  let unit2: BusinessUnit;
  let sponsorA: Person;
  let sponsorB: Person;
  let decider: Person;
  const pilots: Record<string, Pilot> = {};

  const insertDecision = async (pilot: Pilot, kind: DecisionKind, decidedAt: string, rationale: string) => {
    await t.dataSource.query(
      `INSERT INTO decisions (pilot_id, kind, rationale, decided_by_id, decided_at, snapshot, followed_recommendation)
       VALUES ($1, $2, $3, $4, $5, '{"flags":[],"patterns":[],"recommendation":null}', false)`,
      [pilot.id, kind, rationale, decider.id, decidedAt],
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    unit1 = (await t.http.post('/api/business-units').send({ name: 'Decisions unit 1' }).expect(201)).body;
    unit2 = (await t.http.post('/api/business-units').send({ name: 'Decisions unit 2' }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', unit1.id);
    [sponsorA, sponsorB, decider] = [await createPerson(t, 'executive'), await createPerson(t, 'executive'), await createPerson(t, 'program_office')];
    const rows: [string, BusinessUnit, Person | null, string][] = [
      ['Claims', unit1, sponsorA, 'piloting'],
      ['Contracts', unit1, sponsorB, 'killed'],
      ['Forecasts', unit2, sponsorA, 'scaling'],
      ['Helpdesk', unit2, null, 'pivoted'],
    ];
    for (const [name, unit, sponsor, stage] of rows) {
      pilots[name] = await createPilot(t, { name, stage, businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor?.id ?? null, startDate: '2025-01-06' });
    }
    await insertDecision(pilots.Claims, 'continue', '2025-02-10T10:00:00Z', 'Claims Q1');
    await insertDecision(pilots.Claims, 'continue', '2025-10-01T12:00:00Z', 'Claims Q4');
    await insertDecision(pilots.Contracts, 'kill', '2025-08-01T10:00:00Z', 'Contracts Q3');
    await insertDecision(pilots.Forecasts, 'scale', '2025-09-30T12:00:00Z', 'Forecasts Q3');
    await insertDecision(pilots.Helpdesk, 'pivot', '2025-05-15T10:00:00Z', 'Helpdesk Q2');
  });
  afterAll(() => t.close());

  const log = async (query: string) => ((await t.http.get(`/api/decisions?${query}`).expect(200)).body.items as DecisionView[]).map((d) => d.rationale);

  describe('GET /api/decisions', () => {
    it('lists newest first without filters', async () => {
      expect(await log('')).toEqual(['Claims Q4', 'Forecasts Q3', 'Contracts Q3', 'Helpdesk Q2', 'Claims Q1']);
    });

    it('filters by the quarter the decision was taken in (the last day of Q3 is Q3, the next day Q4)', async () => {
      expect(await log('quarter=2025-Q3')).toEqual(['Forecasts Q3', 'Contracts Q3']);
      expect(await log('quarter=2025-Q4')).toEqual(['Claims Q4']);
      expect(await log('quarter=2025-Q1')).toEqual(['Claims Q1']);
      expect(await log('quarter=2024-Q3')).toEqual([]);
      const total = (await t.http.get('/api/decisions?quarter=2025-Q3&pageSize=1').expect(200)).body;
      expect(total).toMatchObject({ total: 2, items: [expect.objectContaining({ rationale: 'Forecasts Q3' })] });
    });

    it('filters by the sponsor of the pilot', async () => {
      expect(await log(`sponsorId=${sponsorA.id}`)).toEqual(['Claims Q4', 'Forecasts Q3', 'Claims Q1']);
      expect(await log(`sponsorId=${sponsorB.id}`)).toEqual(['Contracts Q3']);
      expect(await log(`sponsorId=${decider.id}`)).toEqual([]);
    });

    it('filters by the stage the pilot is in now', async () => {
      expect(await log('stage=piloting')).toEqual(['Claims Q4', 'Claims Q1']);
      expect(await log('stage=killed')).toEqual(['Contracts Q3']);
      expect(await log('stage=production')).toEqual([]);
    });

    it('combines the new filters with each other and with unit and kind', async () => {
      expect(await log(`quarter=2025-Q3&sponsorId=${sponsorA.id}`)).toEqual(['Forecasts Q3']);
      expect(await log(`quarter=2025-Q3&businessUnitId=${unit1.id}`)).toEqual(['Contracts Q3']);
      expect(await log(`sponsorId=${sponsorA.id}&stage=piloting&kind=continue`)).toEqual(['Claims Q4', 'Claims Q1']);
      expect(await log(`sponsorId=${sponsorA.id}&stage=scaling&quarter=2025-Q1`)).toEqual([]);
    });

    it('applies them to one pilot’s decisions too', async () => {
      const res = await t.http.get(`/api/pilots/${pilots.Claims.id}/decisions?quarter=2025-Q4`).expect(200);
      expect(res.body.items.map((d: DecisionView) => d.rationale)).toEqual(['Claims Q4']);
    });

    it.each([
      ['quarter=2025-Q5', 'quarter'],
      ['quarter=2025-Q0', 'quarter'],
      ['quarter=2025Q3', 'quarter'],
      ['quarter=25-Q3', 'quarter'],
      ['quarter=2025-q3', 'quarter'],
      ['quarter=2025-Q3x', 'quarter'],
      ['quarter=', 'quarter'],
      ['sponsorId=not-a-uuid', 'sponsorId'],
      ['stage=flying', 'stage'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/decisions?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toEqual([field]);
    });
  });

  describe('GET /api/decisions/outcomes', () => {
    const outcomes = async (query = '') => (await t.http.get(`/api/decisions/outcomes${query}`).expect(200)).body as DecisionOutcomes;

    it('counts every unit without a filter', async () => {
      const all = await outcomes();
      expect(all.scale.map((s) => s.pilotName)).toEqual(['Forecasts']);
      expect(all.pivots.map((p) => p.pilotName)).toEqual(['Helpdesk']);
      expect(all.kills).toBe(1);
      expect(all.byQuarter.map((q) => q.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    });

    it('counts only the decisions on one unit’s pilots with businessUnitId', async () => {
      const first = await outcomes(`?businessUnitId=${unit1.id}`);
      expect(first).toMatchObject({ scale: [], pivots: [], kills: 1, scaledReachedProductionShare: null });
      expect(first.byQuarter).toEqual([
        { quarter: '2025-Q1', scale: 0, pivot: 0, kill: 0, continue: 1 },
        { quarter: '2025-Q3', scale: 0, pivot: 0, kill: 1, continue: 0 },
        { quarter: '2025-Q4', scale: 0, pivot: 0, kill: 0, continue: 1 },
      ]);
      const second = await outcomes(`?businessUnitId=${unit2.id}`);
      expect(second.scale.map((s) => s.pilotName)).toEqual(['Forecasts']);
      expect(second.pivots.map((p) => p.pilotName)).toEqual(['Helpdesk']);
      expect(second.kills).toBe(0);
      expect(second.byQuarter).toEqual([
        { quarter: '2025-Q2', scale: 0, pivot: 1, kill: 0, continue: 0 },
        { quarter: '2025-Q3', scale: 1, pivot: 0, kill: 0, continue: 0 },
      ]);
      const none = await outcomes('?businessUnitId=00000000-0000-4000-8000-000000000000');
      expect(none).toMatchObject({ scale: [], pivots: [], kills: 0, byQuarter: [], medianDaysFirstUpdateToDecision: null });
    });

    it.each([
      ['businessUnitId=unit-1', 'businessUnitId'],
      ['unitId=00000000-0000-4000-8000-000000000000', 'unitId'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/decisions/outcomes?${query}`).expect(400);
      expect(fieldsOf(res)).toEqual([field]);
    });
  });
});
