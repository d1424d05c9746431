/**
 * Builders for analysis tests: a healthy baseline pilot that each test bends in one direction.
 * Not exported from the analysis index; the server's tests may import it by path.
 */
import { addIsoWeeks, isoWeekStart } from '../../iso-week';
import { DEFAULT_THRESHOLDS, type SignalThresholds } from '../thresholds';
import type {
  HistoryBlocker,
  HistoryKpi,
  HistoryUpdate,
  PilotHistory,
  PilotHistoryPilot,
  ReadinessAnswer,
  ReadinessAssessmentInput,
  ReadinessTest,
} from '../types';
import { READINESS_TESTS } from '../types';

/** Wednesday 10 June 2026, in ISO week 2026-W24 (Monday 8 June). */
export const TODAY = new Date('2026-06-10T12:00:00Z');
export const TODAY_WEEK = '2026-W24';

export function ctx(thresholds: Partial<SignalThresholds> = {}, today: Date = TODAY) {
  return { today, thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds } };
}

/** An update posted on the Friday of its week, healthy and well adopted unless overridden. */
export function update(week: string, overrides: Partial<HistoryUpdate> = {}): HistoryUpdate {
  const friday = new Date(isoWeekStart(week).getTime() + 4 * 86_400_000 + 15 * 3_600_000);
  return {
    week,
    createdAt: friday.toISOString(),
    health: 'on_track',
    confidence: 4,
    activeUsers: 40,
    activeUsersOutsideTeam: 20,
    scaleQuestionAsked: false,
    resourcesRedirected: false,
    blockerIds: [],
    ...overrides,
  };
}

/**
 * One update per entry in consecutive weeks ending at `lastWeek`; `null` entries leave a week out
 * (a gap), which is how tests express a skipped week.
 */
export function updatesEndingAt(lastWeek: string, entries: (Partial<HistoryUpdate> | null)[]): HistoryUpdate[] {
  const result: HistoryUpdate[] = [];
  entries.forEach((entry, index) => {
    if (entry !== null) result.push(update(addIsoWeeks(lastWeek, index - entries.length + 1), entry));
  });
  return result;
}

/** `count` default updates for the weeks ending with the week before today. */
export function recentUpdates(count: number, overrides: (index: number) => Partial<HistoryUpdate> = () => ({})): HistoryUpdate[] {
  return updatesEndingAt(
    addIsoWeeks(TODAY_WEEK, -1),
    Array.from({ length: count }, (_, i) => overrides(i)),
  );
}

export function blocker(id: string, overrides: Partial<HistoryBlocker> = {}): HistoryBlocker {
  return {
    id,
    text: `Blocker ${id}`,
    category: 'other',
    status: 'open',
    firstSeenWeek: addIsoWeeks(TODAY_WEEK, -2),
    lastSeenWeek: addIsoWeeks(TODAY_WEEK, -1),
    resolvedAt: null,
    ...overrides,
  };
}

export function assessment(
  answers: Partial<Record<ReadinessTest, ReadinessAnswer>> = {},
  fallback: ReadinessAnswer = 'pass',
  assessedAt = '2026-05-20T10:00:00Z',
): ReadinessAssessmentInput {
  const entries = READINESS_TESTS.map((test) => [test, { answer: answers[test] ?? fallback, note: null }] as const);
  return { assessedAt, answers: Object.fromEntries(entries) as ReadinessAssessmentInput['answers'] };
}

export function kpi(overrides: Partial<HistoryKpi> = {}): HistoryKpi {
  return {
    id: 'kpi-1',
    name: 'Average handle time (min)',
    baseline: 10,
    target: 6,
    direction: 'lower_is_better',
    readings: [],
    ...overrides,
  };
}

export interface HistoryOverrides extends Partial<Omit<PilotHistory, 'pilot'>> {
  pilot?: Partial<PilotHistoryPilot>;
}

/**
 * A typical-complexity pilot, piloting since 1 April 2026 (started 1 March), with a sponsor,
 * value well above cost, a KPI with baseline and target, six healthy weekly updates and an
 * all-pass assessment.
 */
export function history(overrides: HistoryOverrides = {}): PilotHistory {
  const { pilot, ...rest } = overrides;
  return {
    pilot: {
      id: 'pilot-1',
      name: 'Claims triage assistant',
      stage: 'piloting',
      stageEnteredAt: '2026-04-01T09:00:00Z',
      startDate: '2026-03-01',
      complexity: 'typical',
      sponsorId: 'person-sponsor',
      annualValueAtScale: 900_000,
      costToScale: 250_000,
      integrationSystems: ['Guidewire'],
      ...pilot,
    },
    updates: recentUpdates(6),
    blockers: [],
    stageChanges: [{ fromStage: 'proposed', toStage: 'piloting', changedAt: '2026-04-01T09:00:00Z' }],
    decisions: [],
    kpis: [kpi()],
    assessments: [assessment()],
    ...rest,
  };
}
