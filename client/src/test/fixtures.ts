import type { Blocker, Kpi, Page, Person, Pilot, Role, SessionUser, SignalFlag, WeeklyUpdate } from '@liftoff/shared';

/** Small builders for contract objects; override only what a test cares about. */
export function makePilot(overrides: Partial<Pilot> = {}): Pilot {
  return {
    id: 'pilot-1',
    name: 'Claims triage assistant',
    summary: 'Routes incoming claims to the right team.',
    businessUnitId: 'unit-1',
    businessUnitName: 'Insurance Ops',
    useCaseCategory: 'document_processing',
    lead: { id: 'lead-1', name: 'Ada Lead' },
    sponsor: { id: 'sponsor-1', name: 'Sam Sponsor' },
    stage: 'piloting',
    stageEnteredAt: '2026-06-01T09:00:00.000Z',
    startDate: '2026-06-01',
    targetProductionDate: null,
    complexity: 'typical',
    integrationSystems: [],
    annualValueAtScale: 500000,
    costToDate: 40000,
    costToScale: 120000,
    pivotedFromId: null,
    lastUpdateWeek: '2026-W40',
    version: 3,
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeUpdate(overrides: Partial<WeeklyUpdate> = {}): WeeklyUpdate {
  return {
    id: `update-${overrides.week ?? '2026-W40'}`,
    pilotId: 'pilot-1',
    pilotName: 'Claims triage assistant',
    week: '2026-W40',
    author: { id: 'lead-1', name: 'Ada Lead' },
    health: 'on_track',
    summary: 'Steady week.',
    confidence: 4,
    activeUsers: 20,
    activeUsersOutsideTeam: 5,
    scaleQuestionAsked: false,
    resourcesRedirected: false,
    pivotSuggested: false,
    kpiReadings: [],
    blockers: [],
    version: 1,
    createdAt: '2026-10-02T09:00:00.000Z',
    ...overrides,
  };
}

export function makeBlocker(overrides: Partial<Blocker> = {}): Blocker {
  return {
    id: 'blocker-1',
    pilotId: 'pilot-1',
    text: 'Waiting for API access to the claims system',
    category: 'integration',
    status: 'open',
    firstSeenWeek: '2026-W38',
    lastSeenWeek: '2026-W40',
    mentionCount: 3,
    resolvedAt: null,
    resolutionNote: null,
    version: 2,
    ...overrides,
  };
}

export function makeKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'kpi-1',
    pilotId: 'pilot-1',
    name: 'Handling time',
    unit: 'min',
    baseline: 30,
    target: 15,
    direction: 'lower_is_better',
    minValue: null,
    maxValue: null,
    version: 1,
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return { id: 'lead-1', name: 'Ada Lead', email: 'ada@example.com', role: 'pilot_lead', businessUnitId: 'unit-1', timeZone: 'UTC', active: true, deactivatedAt: null, hasPassword: true, pendingLink: null, version: 1, ...overrides };
}

export function pageOf<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, pageSize: Math.max(items.length, 1) };
}

export function makeSession(role: Role, id = 'me', name = 'Signed In'): SessionUser {
  return { id, name, email: `${id}@liftoff.demo`, role, businessUnitId: null };
}

export function makeFlag(overrides: Partial<SignalFlag> = {}): SignalFlag {
  return {
    id: 'flag-1',
    pilotId: 'pilot-1',
    pilotName: 'Claims triage assistant',
    businessUnitId: 'unit-1',
    businessUnitName: 'Insurance Ops',
    stage: 'piloting',
    kind: 'repeated_blocker',
    subjectKey: 'blocker-1',
    status: 'open',
    summary: "'Waiting for API access' reported in 3 consecutive updates.",
    evidence: {},
    conditionSince: '2026-10-12',
    openedAt: '2026-11-25T09:00:00.000Z',
    lastSeenAt: '2026-11-25T09:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}
