import type { BusinessUnit, Person, Pilot, PortfolioBlocker } from '@liftoff/shared';
import { createPerson, createPilot, postUpdate, updateBody, fieldsOf } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const texts = (res: { body: { items: PortfolioBlocker[] } }) => res.body.items.map((b) => b.text);

/**
 * Two units with blockers across three pilots (Forecasts is scaling, the others piloting; only
 * Helpdesk has a sponsor):
 *
 * | blocker                        | pilot (unit)     | category            | first seen | mentions | status   |
 * | Security review pending        | Claims (North)   | security_compliance | W30        | 2        | open     |
 * | No budget for licences         | Claims (North)   | budget              | W31        | 1        | resolved |
 * | CRM API access missing         | Forecasts (North)| integration         | W28        | 1        | open     |
 * | Sponsor moved on               | Helpdesk (South) | sponsorship         | W29        | 1        | open     |
 * | Data export blocked by vendor  | Helpdesk (South) | integration         | W32        | 1        | open     |
 */
describe('GET /api/blockers: the portfolio-wide blocker list', () => {
  let t: TestApp;
  let north: BusinessUnit;
  let south: BusinessUnit;
  let lead: Person;
  let sponsor: Person;
  const pilots: Record<string, Pilot> = {};

  beforeAll(async () => {
    t = await startTestApp();
    north = (await t.http.post('/api/business-units').send({ name: 'North' }).expect(201)).body;
    south = (await t.http.post('/api/business-units').send({ name: 'South' }).expect(201)).body;
    lead = await createPerson(t, 'pilot_lead', north.id);
    sponsor = await createPerson(t, 'executive', south.id);
    for (const [name, unit, stage, sponsorId] of [['Claims', north, 'piloting', null], ['Forecasts', north, 'scaling', null], ['Helpdesk', south, 'piloting', sponsor.id]] as const) {
      pilots[name] = await createPilot(t, { name, stage, sponsorId, businessUnitId: unit.id, leadId: lead.id });
    }
    const report = (pilot: Pilot, week: string, blockers: object[]) => postUpdate(t, pilot.id, updateBody(lead.id, { week, blockers }));
    const first = await report(pilots.Claims, '2026-W30', [{ text: 'Security review pending', category: 'security_compliance' }]);
    const second = await report(pilots.Claims, '2026-W31', [{ blockerId: first.blockers[0].id }, { text: 'No budget for licences', category: 'budget' }]);
    const budget = second.blockers.find((b) => b.category === 'budget')!;
    await report(pilots.Forecasts, '2026-W28', [{ text: 'CRM API access missing', category: 'integration' }]);
    await report(pilots.Helpdesk, '2026-W29', [{ text: 'Sponsor moved on', category: 'sponsorship' }]);
    await report(pilots.Helpdesk, '2026-W32', [{ text: 'Data export blocked by vendor', category: 'integration' }]);
    const [stored] = await t.dataSource.query('SELECT version FROM blockers WHERE id = $1', [budget.id]);
    await t.http.post(`/api/blockers/${budget.id}/resolve`).send({ version: stored.version }).expect(200);
  });
  afterAll(() => t.close());

  const list = (query = '') => t.http.get(`/api/blockers?${query}`).expect(200);

  it('lists every pilot’s blockers, open first and then the longest standing, with pilot and unit', async () => {
    const res = await list();
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(texts(res)).toEqual(['CRM API access missing', 'Sponsor moved on', 'Security review pending', 'Data export blocked by vendor', 'No budget for licences']);
    const security = res.body.items.find((b: PortfolioBlocker) => b.text === 'Security review pending');
    expect(security).toEqual({
      id: expect.any(String),
      pilotId: pilots.Claims.id,
      pilotName: 'Claims',
      businessUnitId: north.id,
      businessUnitName: 'North',
      text: 'Security review pending',
      category: 'security_compliance',
      status: 'open',
      firstSeenWeek: '2026-W30',
      lastSeenWeek: '2026-W31',
      mentionCount: 2,
      resolvedAt: null,
      resolutionNote: null,
      version: expect.any(Number),
    });
    expect(res.body.items.at(-1)).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String), businessUnitName: 'North' });
  });

  it('filters by category, status and business unit, alone and together', async () => {
    expect(texts(await list('category=integration'))).toEqual(['CRM API access missing', 'Data export blocked by vendor']);
    expect(texts(await list('status=resolved'))).toEqual(['No budget for licences']);
    expect((await list('status=open')).body.total).toBe(4);
    expect(texts(await list(`businessUnitId=${south.id}`))).toEqual(['Sponsor moved on', 'Data export blocked by vendor']);
    expect(texts(await list(`businessUnitId=${north.id}&status=open`))).toEqual(['CRM API access missing', 'Security review pending']);
    expect(texts(await list(`businessUnitId=${north.id}&category=integration`))).toEqual(['CRM API access missing']);
    expect((await list('category=workflow')).body).toMatchObject({ total: 0, items: [] });
  });

  it('filters by the pilot’s current stage and sponsor, as the overview does', async () => {
    expect(texts(await list('stage=scaling'))).toEqual(['CRM API access missing']);
    expect(texts(await list('stage=piloting&status=open'))).toEqual(['Sponsor moved on', 'Security review pending', 'Data export blocked by vendor']);
    expect(texts(await list(`sponsorId=${sponsor.id}`))).toEqual(['Sponsor moved on', 'Data export blocked by vendor']);
    expect(texts(await list(`sponsorId=${sponsor.id}&category=integration`))).toEqual(['Data export blocked by vendor']);
    expect((await list('stage=production')).body.total).toBe(0);
  });

  it('pages without losing or repeating blockers', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list(`pageSize=2&page=${page}`)));
    expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap(texts)).toEqual(texts(await list()));
    expect((await list('pageSize=2&page=4')).body.items).toEqual([]);
  });

  it('is open to every role that reads blockers, and to no one signed out', async () => {
    for (const role of ['viewer', 'executive', 'pilot_lead'] as const) {
      expect((await (await t.as(role)).get('/api/blockers?status=open').expect(200)).body.total).toBe(4);
    }
    await t.anonymous.get('/api/blockers').expect(401);
  });

  it.each([
    ['category=people', 'category'],
    ['status=closed', 'status'],
    ['businessUnitId=north', 'businessUnitId'],
    ['stage=launched', 'stage'],
    ['sponsorId=erin', 'sponsorId'],
    ['pageSize=201', 'pageSize'],
    ['page=0', 'page'],
    ['pilotName=Claims', 'pilotName'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/blockers?${query}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fieldsOf(res)).toEqual([field]);
  });
});
