import type { Complexity, ReadinessAnswer, ReadinessTest, Stage } from '@liftoff/shared';
import { RANDOM_REWORDED, REGIONS, USE_CASES, type RewordedBlockerKey } from './demo-catalog';
import { steadyWeeks } from './demo-clock';
import type { Prng } from './prng';

/**
 * How its updates read: healthy pilots improve, struggling ones decline, mixed ones wobble, and busy
 * ones report green weeks while their KPIs, users and readiness stay where they were.
 */
export type Profile = 'healthy' | 'struggling' | 'mixed' | 'busy';

/** How a generated pilot's story goes: the weekly generator turns this into rows. */
export interface PilotPlan {
  name: string;
  useCase: (typeof USE_CASES)[number];
  complexity: Complexity;
  /** Weeks before the current week at which it started (was proposed). */
  startOffset: number;
  /** Stage moves after the start: [stage, weeks before now]. The last one is the current stage. */
  moves: [Stage, number][];
  /** Weekly updates run from the first move into piloting until this many weeks ago, except while paused (null: no updates). */
  lastUpdateOffset: number | null;
  profile: Profile;
  sponsored: boolean;
  noKpiBaseline?: boolean;
  enthusiastsOnly?: boolean;
  valueBelowCost?: boolean;
  /** Value at scale and cost to scale set by the story instead of drawn. */
  economics?: { annualValueAtScale: number; costToScale: number };
  /** Blockers the lead reports in each of the latest N updates, in a different wording most weeks. */
  reworded?: { key: RewordedBlockerKey; updates: number }[];
  /** The lead proposes a pivot in each of the latest N updates (in the summary's words). */
  pivotSuggestedUpdates?: number;
  /** A blocker reported in exactly the last N updates (one more report makes it a repeated blocker). */
  recentBlockerUpdates?: number;
  /** Nothing to flag: no routine blockers, no decision left to review, leadership does not ask about scaling, confidence holds. */
  quiet?: boolean;
  leadEmail?: string;
  sponsorEmail?: string;
  pivotOf?: string;
  /** Id decided in advance (a pivot's successor, so the pivot decision can name it). */
  presetId?: string;
  /** Answers of the latest readiness assessment that differ from what the profile suggests. */
  assessment?: Partial<Record<ReadinessTest, ReadinessAnswer>>;
}

/**
 * Moves every offset of a plan off the week counts whose whole months depend on the date (see
 * `steadyWeeks`), so the calendar rules give the same verdicts on every day the demo is seeded.
 * The mapping never decreases, so the order of the moves is kept.
 */
export function steadyPlan(plan: PilotPlan): PilotPlan {
  return {
    ...plan,
    startOffset: steadyWeeks(plan.startOffset),
    moves: plan.moves.map(([stage, offset]) => [stage, steadyWeeks(offset)]),
    lastUpdateOffset: plan.lastUpdateOffset === null ? null : steadyWeeks(plan.lastUpdateOffset),
  };
}

/** A random pilot of the portfolio; `uniformWeeks` gives every pilot exactly that many weekly updates. */
export function randomPlan(rng: Prng, index: number, uniformWeeks: number | null): PilotPlan {
  const useCase = rng.pick(USE_CASES);
  const name = `${useCase.name} (${rng.pick(REGIONS)} #${index + 1})`;
  const complexity = rng.pick<Complexity>(['best', 'typical', 'typical', 'complex']);
  const profile = rng.pick<Profile>(['healthy', 'mixed', 'mixed', 'struggling']);
  const base = { name, useCase, complexity, profile, sponsored: rng.chance(0.85) };
  if (uniformWeeks !== null) {
    const start = uniformWeeks + 1;
    const stage = rng.pick<Stage>(['piloting', 'piloting', 'scaling']);
    const moves: [Stage, number][] = [['piloting', uniformWeeks - 1]];
    if (stage === 'scaling') moves.push(['scaling', rng.int(4, uniformWeeks - 8)]);
    return { ...base, startOffset: start, moves, lastUpdateOffset: 0 };
  }
  const roll = rng.next();
  if (roll < 0.1) return { ...base, startOffset: rng.int(0, 4), moves: [], lastUpdateOffset: null };
  const start = rng.int(6, 52);
  const pilotingAt = start - rng.int(1, 3);
  // Struggling pilots often keep reporting the same blocker in new words; some mixed ones too.
  const keepsReporting = rng.chance(profile === 'struggling' ? 0.6 : profile === 'mixed' ? 0.35 : 0);
  const reworded = keepsReporting ? [{ key: rng.pick(RANDOM_REWORDED), updates: rng.int(3, 7) }] : undefined;
  if (roll < 0.5) return { ...base, reworded, startOffset: start, moves: [['piloting', pilotingAt]], lastUpdateOffset: rng.chance(0.85) ? 0 : rng.int(1, 6) };
  const laterAt = Math.max(0, pilotingAt - rng.int(6, Math.max(7, pilotingAt - 1)));
  if (roll < 0.62) return { ...base, reworded, startOffset: start, moves: [['piloting', pilotingAt], ['scaling', laterAt]], lastUpdateOffset: 0 };
  if (roll < 0.74) {
    const productionAt = Math.max(0, laterAt - rng.int(3, 8));
    return { ...base, profile: 'healthy', sponsored: true, startOffset: start, moves: [['piloting', pilotingAt], ['scaling', laterAt], ['production', productionAt]], lastUpdateOffset: productionAt };
  }
  if (roll < 0.84) return { ...base, profile: 'struggling', startOffset: start, moves: [['piloting', pilotingAt], ['killed', laterAt]], lastUpdateOffset: laterAt };
  if (roll < 0.92) return { ...base, startOffset: start, moves: [['piloting', pilotingAt], ['pivoted', laterAt]], lastUpdateOffset: laterAt };
  return { ...base, startOffset: start, moves: [['piloting', pilotingAt], ['paused', laterAt]], lastUpdateOffset: laterAt };
}
