import { addIsoWeeks, isoWeekStart } from '../iso-week';
import { STAGES, type Health, type Stage } from '../enums';
import { analysePilot } from './analyse';
import { readinessBreakdown } from './readiness';
import { analysedPart, windowSuffices, type HistoryWindowFacts } from './history-window';
import { assessment, blocker, ctx, history, kpi, TODAY, TODAY_WEEK, update, updatesEndingAt } from './testing/history-builder';
import { DEFAULT_THRESHOLDS, THRESHOLD_LIMITS, type SignalThresholds } from './thresholds';
import type { HistoryBlocker, HistoryUpdate, PilotHistory } from './types';

/** The latest `size` updates of a history, with the facts a loader would report about the rest. */
function windowOf(full: PilotHistory, size: number): { windowed: PilotHistory; facts: HistoryWindowFacts } {
  const cut = Math.max(0, full.updates.length - size);
  const older = full.updates.slice(0, cut);
  const olderLatestPostedMs = older.length ? Math.max(...older.map((u) => Date.parse(u.createdAt))) : null;
  return { windowed: { ...full, updates: full.updates.slice(cut) }, facts: { totalUpdates: full.updates.length, olderLatestPostedMs } };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return { next, int, pick, chance: (p: number) => next() < p };
}

type Random = ReturnType<typeof random>;

function randomHistory(rng: Random): PilotHistory {
  const length = rng.int(0, 40);
  const lastWeek = addIsoWeeks(TODAY_WEEK, -rng.int(-2, 12));
  const blockerIds = ['b1', 'b2', 'b3'].slice(0, rng.int(0, 3));
  const healths: Health[] = ['on_track', 'at_risk', 'off_track'];
  const troubledBias = rng.next();
  const updates: HistoryUpdate[] = [];
  let week = addIsoWeeks(lastWeek, -(length + rng.int(0, 10)));
  const mentionBias = blockerIds.map(() => rng.next());
  for (let i = 0; i < length; i++) {
    week = addIsoWeeks(week, rng.chance(0.15) ? rng.int(2, 3) : 1);
    const start = isoWeekStart(week).getTime();
    // Mostly posted in its own week; now and then late (after younger updates) or at the same instant.
    const postedAt = rng.chance(0.1) ? start + rng.int(1, 30) * 86_400_000 : rng.chance(0.05) ? start : start + rng.int(0, 6) * 86_400_000;
    updates.push(
      update(week, {
        createdAt: new Date(postedAt).toISOString(),
        health: rng.next() < troubledBias ? rng.pick(healths.slice(1)) : rng.pick(healths),
        confidence: rng.int(1, 5),
        activeUsers: rng.chance(0.2) ? 0 : rng.int(1, 50),
        activeUsersOutsideTeam: rng.int(0, 1),
        scaleQuestionAsked: rng.chance(0.2),
        resourcesRedirected: rng.chance(0.1),
        blockerIds: blockerIds.filter((_, b) => rng.next() < mentionBias[b]),
        pivotSuggested: rng.chance(0.15) ? true : undefined,
      }),
    );
  }
  // Two updates posted at the same instant: the first of them counts as the latest posted.
  if (updates.length > 1 && rng.chance(0.3)) updates[rng.int(0, updates.length - 2)].createdAt = updates[updates.length - 1].createdAt;
  const blockers: HistoryBlocker[] = blockerIds.map((id) =>
    blocker(id, { status: rng.chance(0.75) ? 'open' : 'resolved', category: rng.pick(['integration', 'adoption', 'workflow', 'other'] as const), firstSeenWeek: addIsoWeeks(TODAY_WEEK, -rng.int(0, 50)) }),
  );
  const stage: Stage = rng.pick(STAGES);
  const answers = ['pass', 'partial', 'fail', 'unknown'] as const;
  const assessments = Array.from({ length: rng.int(0, 3) }, (_, i) =>
    assessment({ adoption_readiness: rng.pick(answers), executive_sponsorship: rng.pick(answers), use_case_viability: rng.pick(answers) }, rng.pick(answers), `2026-0${i + 1}-15T10:00:00Z`),
  );
  // Stage changes with a pause now and then (the stage clock reads them), ending in the pilot's stage.
  const stageChanges: PilotHistory['stageChanges'] = [{ fromStage: null, toStage: 'proposed', changedAt: '2025-12-01T09:00:00Z' }];
  const middle: Stage = rng.pick(['piloting', 'scaling'] as const);
  if (rng.chance(0.4)) {
    stageChanges.push({ fromStage: 'proposed', toStage: middle, changedAt: '2026-01-10T09:00:00Z' }, { fromStage: middle, toStage: 'paused', changedAt: '2026-02-20T09:00:00Z' });
    stageChanges.push({ fromStage: 'paused', toStage: stage === 'paused' ? middle : stage, changedAt: '2026-03-05T09:00:00Z' });
    if (stage === 'paused') stageChanges.push({ fromStage: middle, toStage: 'paused', changedAt: '2026-05-05T09:00:00Z' });
  } else {
    stageChanges.push({ fromStage: 'proposed', toStage: stage, changedAt: '2026-02-01T09:00:00Z' });
  }
  const firstWeek = updates[0]?.week ?? addIsoWeeks(TODAY_WEEK, -20);
  const kpis = Array.from({ length: rng.int(0, 2) }, (_, k) => {
    const count = rng.int(0, 8);
    const start = rng.int(0, 10);
    return kpi({
      id: `kpi-${k}`,
      direction: rng.pick(['higher_is_better', 'lower_is_better'] as const),
      baseline: rng.chance(0.1) ? null : 10,
      target: rng.pick([6, 14]),
      readings: Array.from({ length: count }, (_, r) => ({ week: addIsoWeeks(firstWeek, start + r * rng.int(1, 2) + r), value: rng.int(4, 16) })),
    });
  });
  return history({
    pilot: {
      stage,
      stageEnteredAt: new Date(TODAY.getTime() - rng.int(1, 200) * 86_400_000).toISOString(),
      sponsorId: rng.chance(0.3) ? null : 'person-sponsor',
      annualValueAtScale: rng.pick([0, 50_000, 900_000]),
      costToScale: rng.pick([0, 250_000, 400_000]),
      complexity: rng.pick(['best', 'typical', 'complex'] as const),
    },
    updates,
    blockers,
    assessments,
    kpis,
    stageChanges,
  });
}

function randomThresholds(rng: Random): SignalThresholds {
  if (rng.chance(0.4)) return { ...DEFAULT_THRESHOLDS };
  const thresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of ['confidenceWindowUpdates', 'offTrackStreakUpdates', 'repeatedBlockerConsecutiveUpdates', 'scaleQuestionWindowWeeks', 'resourcesRedirectedWindowUpdates', 'adoptionWindowUpdates', 'scaleQuestionCount', 'busyNotProgressingUpdates', 'killConfidenceMax'] as const) {
    thresholds[key] = rng.int(THRESHOLD_LIMITS[key].min, Math.min(12, THRESHOLD_LIMITS[key].max));
  }
  thresholds.busyOnTrackShareMin = rng.pick([0.25, 0.5, 0.75]);
  return thresholds;
}

describe('windowSuffices', () => {
  it('never accepts a window whose analysis differs from the whole history (random histories)', () => {
    const rng = random(20261125);
    let accepted = 0;
    let checked = 0;
    let withSince = 0;
    for (let i = 0; i < 1500; i++) {
      const full = randomHistory(rng);
      const context = { today: new Date(TODAY.getTime() + rng.int(0, 3) * 86_400_000), thresholds: randomThresholds(rng) };
      const expected = analysePilot(full, context);
      const expectedReadiness = readinessBreakdown(full, context.thresholds);
      for (let size = 0; size < full.updates.length; size++) {
        const { windowed, facts } = windowOf(full, size);
        checked += 1;
        const part = analysedPart(windowed);
        if (!windowSuffices(part, facts, context)) continue;
        accepted += 1;
        // The whole results are compared, so each firing signal's `since` (when its condition began) too.
        expect(analysePilot(part, context)).toEqual(expected);
        // The stored diagnosis keeps the readiness breakdown too: a windowed load stores the same one.
        expect(readinessBreakdown(part, context.thresholds)).toEqual(expectedReadiness);
        if (expected.signals.some((s) => s.since !== undefined)) withSince += 1;
      }
    }
    // Not vacuous: thousands of shorter windows are accepted (the seed makes the count fixed).
    expect(accepted).toBeGreaterThan(2000);
    expect(checked).toBeGreaterThan(accepted);
    expect(withSince).toBeGreaterThan(1000);
  });

  it('analyses the part a bulk loader reads exactly like the whole history (random histories)', () => {
    const rng = random(424242);
    for (let i = 0; i < 1500; i++) {
      const full = randomHistory(rng);
      const context = { today: TODAY, thresholds: randomThresholds(rng) };
      expect(analysePilot(analysedPart(full), context)).toEqual(analysePilot(full, context));
      expect(readinessBreakdown(analysedPart(full), context.thresholds)).toEqual(readinessBreakdown(full, context.thresholds));
    }
  });

  it('keeps open blockers, their mentions, every assessment and the stage changes', () => {
    const full = history({
      updates: updatesEndingAt('2026-W23', [{ blockerIds: ['b1', 'b2'] }, { blockerIds: ['b2'] }]),
      blockers: [blocker('b1', { status: 'resolved' }), blocker('b2')],
      assessments: [assessment({}, 'fail', '2026-01-10T10:00:00Z'), assessment({}, 'pass', '2026-05-10T10:00:00Z')],
    });
    const part = analysedPart(full);
    expect(part.blockers.map((b) => b.id)).toEqual(['b2']);
    expect(part.updates.map((u) => u.blockerIds)).toEqual([['b2'], ['b2']]);
    expect(part.assessments).toEqual(full.assessments);
    expect(part.stageChanges).toEqual(full.stageChanges);
  });

  it('accepts the whole history', () => {
    const full = history();
    expect(windowSuffices(full, { totalUpdates: full.updates.length, olderLatestPostedMs: null }, ctx())).toBe(true);
  });

  const healthy = (count: number) => updatesEndingAt('2026-W23', Array.from({ length: count }, () => ({})));
  const facts = (total: number, olderLatestPostedMs: number | null = null): HistoryWindowFacts => ({ totalUpdates: total, olderLatestPostedMs });

  it('accepts enough healthy recent updates', () => {
    expect(windowSuffices(history({ updates: healthy(12) }), facts(40), ctx())).toBe(true);
  });

  it('accepts an off-track streak that starts inside the window', () => {
    const updates = updatesEndingAt('2026-W23', Array.from({ length: 12 }, (_, i) => ({ health: i === 0 ? ('on_track' as const) : ('off_track' as const) })));
    expect(windowSuffices(history({ updates }), facts(40), ctx())).toBe(true);
  });

  it.each([
    ['fewer updates than the confidence window', healthy(5), {}],
    ['the scale-question window reaches before the oldest update', healthy(6), {}],
    ['the pivot suggestions reach before the oldest update', healthy(3), { confidenceWindowUpdates: 3, resourcesRedirectedWindowUpdates: 3, adoptionWindowUpdates: 3, scaleQuestionWindowWeeks: 1, busyNotProgressingUpdates: 3 }],
    ['the busy-not-progressing window reaches before the oldest update', healthy(12), { busyNotProgressingUpdates: 13 }],
    ['an off-track streak reaching the oldest update', updatesEndingAt('2026-W23', Array.from({ length: 12 }, () => ({ health: 'at_risk' as const }))), {}],
    ['too few updates with users', updatesEndingAt('2026-W23', Array.from({ length: 12 }, (_, i) => ({ activeUsers: i < 9 ? 0 : 5 }))), {}],
  ])('refuses when %s', (_name, updates, thresholds) => {
    expect(windowSuffices(history({ updates }), facts(40), ctx(thresholds))).toBe(false);
  });

  it('refuses when an older update was posted as late as the window’s latest', () => {
    const updates = healthy(12);
    const latest = Date.parse(updates[updates.length - 1].createdAt);
    expect(windowSuffices(history({ updates }), facts(40, latest - 1), ctx())).toBe(true);
    expect(windowSuffices(history({ updates }), facts(40, latest), ctx())).toBe(false);
    // Not checked for a paused pilot: the silent rule does not look at it.
    expect(windowSuffices(history({ pilot: { stage: 'paused' }, updates }), facts(40, latest), ctx())).toBe(true);
  });

  it('refuses when an open blocker is not mentioned in the window, or its run reaches the oldest update', () => {
    const mentioned = (pattern: string) => updatesEndingAt('2026-W23', [...pattern].map((c) => ({ blockerIds: c === 'x' ? ['b1'] : [] })));
    const blockers = [blocker('b1')];
    expect(windowSuffices(history({ updates: mentioned('------xxxxxx'), blockers }), facts(40), ctx())).toBe(true);
    expect(windowSuffices(history({ updates: mentioned('xxxxxxxxxxxx'), blockers }), facts(40), ctx())).toBe(false);
    expect(windowSuffices(history({ updates: mentioned('------------'), blockers }), facts(40), ctx())).toBe(false);
    expect(windowSuffices(history({ updates: mentioned('------------'), blockers: [blocker('b1', { status: 'resolved' })] }), facts(40), ctx())).toBe(true);
    expect(windowSuffices(history({ pilot: { stage: 'killed' }, updates: mentioned('------------'), blockers }), facts(40), ctx())).toBe(true);
  });
});
