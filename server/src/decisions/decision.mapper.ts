import type { DecisionView } from '@liftoff/shared';
import type { Decision } from './decision.entity';

/** Expects pilot and decidedBy to be loaded. */
export function toDecisionView(decision: Decision): DecisionView {
  return {
    id: decision.id,
    pilotId: decision.pilotId,
    pilotName: decision.pilot?.name ?? '',
    kind: decision.kind,
    rationale: decision.rationale,
    decidedBy: { id: decision.decidedById, name: decision.decidedBy?.name ?? '' },
    decidedAt: decision.decidedAt.toISOString(),
    nextReviewDate: decision.nextReviewDate,
    recommendedAction: decision.recommendedAction,
    followedRecommendation: decision.followedRecommendation,
    snapshot: decision.snapshot,
    supersedesId: decision.supersedesId,
    resultingPilotId: decision.resultingPilotId,
  };
}
