import type { BusinessUnit, CreateWeeklyUpdateRequest, Kpi, Person, Pilot, WeeklyUpdate } from '@liftoff/shared';
import type { TestApp } from './test-app';

let serial = 0;
const unique = (prefix: string) => `${prefix} ${++serial}-${Date.now().toString(36)}`;

export interface BasicPortfolio {
  unit: BusinessUnit;
  lead: Person;
  sponsor: Person;
  pilot: Pilot;
}

/** A unit, a lead, a sponsor and a piloting pilot, created through the API as a user would. */
export async function createBasicPortfolio(t: TestApp): Promise<BasicPortfolio> {
  const unit = (await t.http.post('/api/business-units').send({ name: unique('Unit') }).expect(201)).body as BusinessUnit;
  const lead = await createPerson(t, 'pilot_lead', unit.id);
  const sponsor = await createPerson(t, 'executive', unit.id);
  const pilot = await createPilot(t, { businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor.id, stage: 'piloting' });
  return { unit, lead, sponsor, pilot };
}

export async function createPerson(t: TestApp, role: Person['role'], businessUnitId: string | null = null): Promise<Person> {
  const name = unique('Person');
  const email = `${name.replace(/\W+/g, '.').toLowerCase()}@example.com`;
  return (await t.http.post('/api/people').send({ name, email, role, businessUnitId }).expect(201)).body as Person;
}

export async function createPilot(t: TestApp, overrides: Record<string, unknown>): Promise<Pilot> {
  const body = { name: unique('Pilot'), useCaseCategory: 'customer_service', startDate: '2026-06-01', complexity: 'typical', annualValueAtScale: 500000, costToScale: 100000, ...overrides };
  return (await t.http.post('/api/pilots').send(body).expect(201)).body as Pilot;
}

export async function createKpi(t: TestApp, pilotId: string, overrides: Record<string, unknown> = {}): Promise<Kpi> {
  const body = { name: unique('KPI'), unit: 'minutes', baseline: 12, target: 8, direction: 'lower_is_better', ...overrides };
  return (await t.http.post(`/api/pilots/${pilotId}/kpis`).send(body).expect(201)).body as Kpi;
}

export function updateBody(authorId: string, overrides: Partial<CreateWeeklyUpdateRequest> = {}): CreateWeeklyUpdateRequest {
  return {
    week: '2026-W40',
    authorId,
    health: 'on_track',
    summary: 'Steady progress this week.',
    confidence: 4,
    activeUsers: 20,
    activeUsersOutsideTeam: 5,
    scaleQuestionAsked: false,
    resourcesRedirected: false,
    ...overrides,
  };
}

export async function postUpdate(t: TestApp, pilotId: string, body: CreateWeeklyUpdateRequest): Promise<WeeklyUpdate> {
  return (await t.http.post(`/api/pilots/${pilotId}/updates`).send(body).expect(201)).body as WeeklyUpdate;
}

/** A well-formed id that no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The fields a 400 response names. */
export const fieldsOf = (res: { body: { fieldErrors?: { field: string }[] } }): string[] => (res.body.fieldErrors ?? []).map((e) => e.field);
