import type { Complexity, ReadinessAnswer, ReadinessTest, Stage } from '@liftoff/shared';
import { REGIONS, USE_CASES } from './demo-catalog';
import type { Prng } from './prng';

/** How a generated pilot's story goes: the weekly generator turns this into rows. */
export interface PilotPlan {
  name: string;
  useCase: (typeof USE_CASES)[number];
  complexity: Complexity;
  /** Weeks before the current week at which it started (was proposed). */
  startOffset: number;
  /** Stage moves after the start: [stage, weeks before now]. The last one is the current stage. */
  moves: [Stage, number][];
  /** Weekly updates run from the first move into piloting until this many weeks ago (null: no updates). */
  lastUpdateOffset: number | null;
  profile: 'healthy' | 'struggling' | 'mixed';
  sponsored: boolean;
  noKpiBaseline?: boolean;
  enthusiastsOnly?: boolean;
  valueBelowCost?: boolean;
  repeatedIntegrationBlocker?: boolean;
  /** A blocker reported in exactly the last N updates (one more report makes it a repeated blocker). */
  recentBlockerUpdates?: number;
  /** No routine blockers come up (a clean, scale-ready story). */
  noRoutineBlockers?: boolean;
  leadEmail?: string;
  sponsorEmail?: string;
  pivotOf?: string;
  /** Id decided in advance (a pivot's successor, so the pivot decision can name it). */
  presetId?: string;
  /** Answers of the latest readiness assessment that differ from what the profile suggests. */
  assessment?: Partial<Record<ReadinessTest, ReadinessAnswer>>;
}

/** The six planted stuck pilots and a few named healthy ones: the demo's story and the tests' fixtures. */
export function plantedPlans(): PilotPlan[] {
  const uc = (name: string) => USE_CASES.find((u) => u.name === name)!;
  return [
    { name: 'Contract review assistant (Legal)', useCase: uc('Contract review assistant'), complexity: 'typical', startOffset: 30, moves: [['piloting', 27]], lastUpdateOffset: 0, profile: 'mixed', sponsored: false, assessment: { executive_sponsorship: 'fail' } },
    { name: 'Call summarisation for claims', useCase: uc('Call summarisation'), complexity: 'complex', startOffset: 40, moves: [['piloting', 36]], lastUpdateOffset: 1, profile: 'struggling', sponsored: true, repeatedIntegrationBlocker: true, leadEmail: 'lead@liftoff.demo', assessment: { integration_readiness: 'fail' } },
    { name: 'Field service knowledge bot', useCase: uc('Policy Q&A copilot'), complexity: 'typical', startOffset: 28, moves: [['piloting', 26]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, enthusiastsOnly: true, assessment: { adoption_readiness: 'fail' } },
    { name: 'Inventory demand forecast v2', useCase: uc('Inventory demand forecast'), complexity: 'complex', startOffset: 24, moves: [['piloting', 22]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, noKpiBaseline: true, assessment: { measurement: 'fail' } },
    { name: 'Product description writer (all SKUs)', useCase: uc('Product description writer'), complexity: 'best', startOffset: 20, moves: [['piloting', 18]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, valueBelowCost: true, assessment: { use_case_viability: 'fail' } },
    { name: 'Claims letter drafting', useCase: uc('Email triage assistant'), complexity: 'typical', startOffset: 22, moves: [['piloting', 20]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, assessment: { workflow_redesign: 'fail' } },
    { name: 'Expense audit automation', useCase: uc('Expense audit automation'), complexity: 'typical', startOffset: 44, moves: [['piloting', 40]], lastUpdateOffset: 5, profile: 'struggling', sponsored: true },
    { name: 'HR helpdesk chatbot', useCase: uc('HR helpdesk chatbot'), complexity: 'best', startOffset: 16, moves: [['piloting', 14]], lastUpdateOffset: 1, recentBlockerUpdates: 2, profile: 'healthy', sponsored: true, leadEmail: 'lead@liftoff.demo', sponsorEmail: 'exec@liftoff.demo' },
    { name: 'Code review helper (Platform)', useCase: uc('Developer code review helper'), complexity: 'typical', startOffset: 18, moves: [['piloting', 16]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, sponsorEmail: 'exec@liftoff.demo', noRoutineBlockers: true },
    { name: 'Invoice data extraction (AP)', useCase: uc('Invoice data extraction'), complexity: 'typical', startOffset: 50, moves: [['piloting', 47], ['scaling', 34], ['production', 24]], lastUpdateOffset: 24, profile: 'healthy', sponsored: true, sponsorEmail: 'exec@liftoff.demo' },
  ];
}

/** A random pilot of the portfolio; `uniformWeeks` gives every pilot exactly that many weekly updates. */
export function randomPlan(rng: Prng, index: number, uniformWeeks: number | null): PilotPlan {
  const useCase = rng.pick(USE_CASES);
  const name = `${useCase.name} (${rng.pick(REGIONS)} #${index + 1})`;
  const complexity = rng.pick<Complexity>(['best', 'typical', 'typical', 'complex']);
  const profile = rng.pick<PilotPlan['profile']>(['healthy', 'mixed', 'mixed', 'struggling']);
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
  if (roll < 0.5) return { ...base, startOffset: start, moves: [['piloting', pilotingAt]], lastUpdateOffset: rng.chance(0.85) ? 0 : rng.int(1, 6) };
  const laterAt = Math.max(0, pilotingAt - rng.int(6, Math.max(7, pilotingAt - 1)));
  if (roll < 0.62) return { ...base, startOffset: start, moves: [['piloting', pilotingAt], ['scaling', laterAt]], lastUpdateOffset: 0 };
  if (roll < 0.74) {
    const productionAt = Math.max(0, laterAt - rng.int(3, 8));
    return { ...base, profile: 'healthy', sponsored: true, startOffset: start, moves: [['piloting', pilotingAt], ['scaling', laterAt], ['production', productionAt]], lastUpdateOffset: productionAt };
  }
  if (roll < 0.84) return { ...base, profile: 'struggling', startOffset: start, moves: [['piloting', pilotingAt], ['killed', laterAt]], lastUpdateOffset: laterAt };
  if (roll < 0.92) return { ...base, startOffset: start, moves: [['piloting', pilotingAt], ['pivoted', laterAt]], lastUpdateOffset: laterAt };
  return { ...base, startOffset: start, moves: [['piloting', pilotingAt], ['paused', laterAt]], lastUpdateOffset: laterAt };
}
