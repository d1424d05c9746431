import type { BusinessUnit, Pattern, Person, Pilot, SignalFlag, WeeklyUpdate } from '@liftoff/shared';
import { PilotDiagnosisRecord } from '../../server/src/signals/pilot-diagnosis.entity';
import { SignalFlag as SignalFlagEntity } from '../../server/src/signals/signal-flag.entity';
import { createPerson, createPilot, postUpdate, updateBody, fieldsOf } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const names = (res: { body: { items: Pilot[] } }) => res.body.items.map((p) => p.name);
const at = (minute: number) => new Date(Date.UTC(2026, 9, 20, 9, minute));

/**
 * Four pilots whose order by name, last update, readiness and open flags all differ, and whose
 * diagnoses and flags are set directly: what is stored decides membership, not the analysis rules.
 *
 * | pilot   | start      | sponsor | latest update (posted)        | readiness | patterns                     | flags         |
 * | Alpha   | 2026-01-10 | A       | W40 (minute 3)                | 40        | no_integration_path          | 1 open        |
 * | Bravo   | 2026-03-15 | B       | none                          | 85        | missing_sponsor, no_integr.  | 3 open, 1 res |
 * | Charlie | 2026-02-01 | none    | W42 (minute 1), W38 posted @4 | none      | none                         | 2 resolved    |
 * | Delta   | 2026-05-20 | A       | W41 (minute 2)                | 60        | workflow_unchanged           | 2 open        |
 */
describe('pilots and flags lists: pattern, sponsor, start-date filters and derived sorts', () => {
  let t: TestApp;
  let unit: BusinessUnit;
  let sponsorA: Person;
  let sponsorB: Person;
  const pilots: Record<string, Pilot> = {};

  const setDiagnosis = (pilotId: string, readinessScore: number, patterns: Pattern[]) =>
    t.dataSource.getRepository(PilotDiagnosisRecord).save({
      pilotId,
      action: 'keep_piloting',
      readinessScore,
      recommendation: { action: 'keep_piloting', reasons: [], readinessScore, bindingConstraint: patterns[0] ?? null, ruleId: 'test' } as never,
      patterns: patterns.map((pattern) => ({ pattern, confidence: 0.9, evidence: [], guidance: [] })),
      computedAt: new Date(),
    });
  const addFlags = (pilotId: string, open: number, resolved = 0) =>
    t.dataSource.getRepository(SignalFlagEntity).save(
      Array.from({ length: open + resolved }, (_, i) => ({
        pilotId,
        kind: 'repeated_blocker' as const,
        subjectKey: `subject-${i}`,
        status: i < open ? ('open' as const) : ('resolved' as const),
        summary: `Flag ${i}`,
        evidence: {},
        openedAt: at(i),
        lastSeenAt: at(i),
        resolvedAt: i < open ? null : at(30),
      })),
    );
  const post = async (pilot: Pilot, week: string, minute: number): Promise<WeeklyUpdate> => {
    const update = await postUpdate(t, pilot.id, updateBody(pilot.lead.id, { week }));
    await t.dataSource.query('UPDATE weekly_updates SET created_at = $2 WHERE id = $1', [update.id, at(minute)]);
    return update;
  };

  beforeAll(async () => {
    t = await startTestApp();
    unit = (await t.http.post('/api/business-units').send({ name: 'Filter unit' }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', unit.id);
    [sponsorA, sponsorB] = [await createPerson(t, 'executive', unit.id), await createPerson(t, 'executive', unit.id)];
    const rows: [string, string, Person | null][] = [
      ['Alpha', '2026-01-10', sponsorA],
      ['Bravo', '2026-03-15', sponsorB],
      ['Charlie', '2026-02-01', null],
      ['Delta', '2026-05-20', sponsorA],
    ];
    for (const [name, startDate, sponsor] of rows) {
      pilots[name] = await createPilot(t, { name, startDate, stage: 'piloting', businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor?.id ?? null });
    }
    await post(pilots.Alpha, '2026-W40', 3);
    await post(pilots.Charlie, '2026-W42', 1);
    // Posted last, but for an earlier week: the latest update is still W42's.
    await post(pilots.Charlie, '2026-W38', 4);
    await post(pilots.Delta, '2026-W41', 2);
    // Posting analysed the pilots; replace what it concluded with known diagnoses and flags.
    await t.dataSource.query('DELETE FROM signal_flags WHERE pilot_id = ANY($1::uuid[])', [Object.values(pilots).map((p) => p.id)]);
    await t.dataSource.query('DELETE FROM pilot_diagnoses WHERE pilot_id = ANY($1::uuid[])', [Object.values(pilots).map((p) => p.id)]);
    await setDiagnosis(pilots.Alpha.id, 40, ['no_integration_path']);
    await setDiagnosis(pilots.Bravo.id, 85, ['missing_executive_sponsor', 'no_integration_path']);
    await setDiagnosis(pilots.Delta.id, 60, ['workflow_unchanged']);
    await addFlags(pilots.Alpha.id, 1);
    await addFlags(pilots.Bravo.id, 3, 1);
    await addFlags(pilots.Charlie.id, 0, 2);
    await addFlags(pilots.Delta.id, 2);
  });
  afterAll(() => t.close());

  const list = (query: string) => t.http.get(`/api/pilots?businessUnitId=${unit.id}&${query}`).expect(200);

  describe('GET /api/pilots', () => {
    it('sorts by the latest update (by week, not by posting time), pilots without one last in either order', async () => {
      const asc = await list('sort=lastUpdateAt');
      expect(names(asc)).toEqual(['Charlie', 'Delta', 'Alpha', 'Bravo']);
      expect(asc.body.items.map((p: Pilot) => p.lastUpdateAt)).toEqual([at(1).toISOString(), at(2).toISOString(), at(3).toISOString(), null]);
      expect(names(await list('sort=lastUpdateAt&order=desc'))).toEqual(['Alpha', 'Delta', 'Charlie', 'Bravo']);
    });

    it('sorts by readiness score, undiagnosed pilots last in either order', async () => {
      const asc = await list('sort=readinessScore&order=asc');
      expect(names(asc)).toEqual(['Alpha', 'Delta', 'Bravo', 'Charlie']);
      expect(asc.body.items.map((p: Pilot) => p.readinessScore)).toEqual([40, 60, 85, null]);
      expect(names(await list('sort=readinessScore&order=desc'))).toEqual(['Bravo', 'Delta', 'Alpha', 'Charlie']);
    });

    it('sorts by open flags, counting only open ones', async () => {
      const asc = await list('sort=openFlagCount');
      expect(names(asc)).toEqual(['Charlie', 'Alpha', 'Delta', 'Bravo']);
      expect(asc.body.items.map((p: Pilot) => p.openFlagCount)).toEqual([0, 1, 2, 3]);
      expect(names(await list('sort=openFlagCount&order=desc'))).toEqual(['Bravo', 'Delta', 'Alpha', 'Charlie']);
    });

    it('pages in the derived order, with the total of the whole list', async () => {
      const second = await list('sort=readinessScore&order=desc&pageSize=2&page=2');
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(names(second)).toEqual(['Alpha', 'Charlie']);
    });

    it('filters by a pattern of the current diagnosis, combined with other filters and sorts', async () => {
      const integration = await list('pattern=no_integration_path');
      expect(names(integration)).toEqual(['Alpha', 'Bravo']);
      expect(integration.body.total).toBe(2);
      expect(names(await list('pattern=no_integration_path&sort=readinessScore&order=desc'))).toEqual(['Bravo', 'Alpha']);
      expect(names(await list('pattern=workflow_unchanged'))).toEqual(['Delta']);
      expect(names(await list(`pattern=no_integration_path&sponsorId=${sponsorA.id}`))).toEqual(['Alpha']);
      expect((await list('pattern=enthusiast_only_adoption')).body).toMatchObject({ total: 0, items: [] });
    });

    it('follows the diagnosis when it changes', async () => {
      await setDiagnosis(pilots.Charlie.id, 20, ['workflow_unchanged']);
      try {
        expect(names(await list('pattern=workflow_unchanged'))).toEqual(['Charlie', 'Delta']);
      } finally {
        await t.dataSource.query('DELETE FROM pilot_diagnoses WHERE pilot_id = $1', [pilots.Charlie.id]);
      }
    });

    it('filters by start date, strictly before and strictly after the given days', async () => {
      expect(names(await list('startedBefore=2026-03-15'))).toEqual(['Alpha', 'Charlie']);
      expect(names(await list('startedAfter=2026-02-01'))).toEqual(['Bravo', 'Delta']);
      expect(names(await list('startedAfter=2026-01-10&startedBefore=2026-05-20'))).toEqual(['Bravo', 'Charlie']);
      expect(names(await list('startedAfter=2026-01-09&startedBefore=2026-03-16&sort=startDate&order=desc'))).toEqual(['Bravo', 'Charlie', 'Alpha']);
    });

    it.each([
      ['pattern=stuck', 'pattern'],
      ['pattern=', 'pattern'],
      ['startedBefore=2026-02-30', 'startedBefore'],
      ['startedBefore=2026-1-5', 'startedBefore'],
      ['startedAfter=yesterday', 'startedAfter'],
      ['startedAfter=2026-01-01T00:00:00Z', 'startedAfter'],
      ['startedAfter=2026-05-01&startedBefore=2026-05-01', 'startedBefore'],
      ['startedAfter=2026-06-01&startedBefore=2026-05-01', 'startedBefore'],
      ['sort=lastUpdate', 'sort'],
      ['sort=readinessScore&order=up', 'order'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/pilots?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toEqual([field]);
    });
  });

  describe('GET /api/flags', () => {
    const flagPilots = async (query: string) => {
      const res = await t.http.get(`/api/flags?businessUnitId=${unit.id}&${query}`).expect(200);
      return (res.body.items as SignalFlag[]).map((f) => f.pilotName).sort();
    };

    it('filters by a pattern of the pilot’s current diagnosis', async () => {
      expect(await flagPilots('')).toEqual(['Alpha', 'Bravo', 'Bravo', 'Bravo', 'Delta', 'Delta']);
      expect(await flagPilots('pattern=no_integration_path')).toEqual(['Alpha', 'Bravo', 'Bravo', 'Bravo']);
      expect(await flagPilots('pattern=missing_executive_sponsor')).toEqual(['Bravo', 'Bravo', 'Bravo']);
      expect(await flagPilots('pattern=no_integration_path&status=all')).toEqual(['Alpha', 'Bravo', 'Bravo', 'Bravo', 'Bravo']);
      expect((await t.http.get(`/api/flags?businessUnitId=${unit.id}&pattern=workflow_unchanged`).expect(200)).body.total).toBe(2);
      expect(await flagPilots('pattern=enthusiast_only_adoption')).toEqual([]);
    });

    it('filters by the pilot’s sponsor, alone and with a pattern', async () => {
      expect(await flagPilots(`sponsorId=${sponsorA.id}`)).toEqual(['Alpha', 'Delta', 'Delta']);
      expect(await flagPilots(`sponsorId=${sponsorB.id}`)).toEqual(['Bravo', 'Bravo', 'Bravo']);
      expect(await flagPilots(`sponsorId=${sponsorA.id}&pattern=no_integration_path`)).toEqual(['Alpha']);
      expect((await t.http.get(`/api/flags?sponsorId=${sponsorA.id}&status=all`).expect(200)).body.total).toBe(3);
    });

    it.each([
      ['pattern=stuck', 'pattern'],
      ['sponsorId=someone', 'sponsorId'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/flags?${query}`).expect(400);
      expect(fieldsOf(res)).toEqual([field]);
    });
  });
});
