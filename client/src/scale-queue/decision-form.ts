import type { DecisionKind, RecommendationAction, RecordDecisionRequest } from '@liftoff/shared';

export interface DecisionFormValues {
  kind: DecisionKind | '';
  rationale: string;
  nextReviewDate: string;
  /** Only for a pivot: what the new pilot is called and what changes (both optional). */
  pivotName?: string;
  pivotSummary?: string;
}

export const EMPTY_DECISION: DecisionFormValues = { kind: '', rationale: '', nextReviewDate: '', pivotName: '', pivotSummary: '' };

/** Scale and continue commit to looking again: they need a review date. */
export function needsReviewDate(kind: DecisionKind | ''): boolean {
  return kind === 'scale' || kind === 'continue';
}

/** Mirrors the server's rules so mistakes show before the round trip; the server stays authoritative. */
export function validateDecision(values: DecisionFormValues, today: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!values.kind) errors.kind = ['Choose a decision'];
  if (!values.rationale.trim()) errors.rationale = ['Say why: the rationale is kept in the decision log'];
  else if (values.rationale.length > 4000) errors.rationale = ['Keep the rationale under 4000 characters'];
  if (needsReviewDate(values.kind) && !values.nextReviewDate) errors.nextReviewDate = ['Set when this pilot is looked at again'];
  else if (values.nextReviewDate && values.nextReviewDate <= today) errors.nextReviewDate = ['The review date must be after today'];
  return errors;
}

export function toDecisionRequest(values: DecisionFormValues): RecordDecisionRequest {
  const pivotName = values.pivotName?.trim();
  const pivotSummary = values.pivotSummary?.trim();
  return {
    kind: values.kind as DecisionKind,
    rationale: values.rationale.trim(),
    ...(values.nextReviewDate ? { nextReviewDate: values.nextReviewDate } : {}),
    ...(values.kind === 'pivot' && (pivotName || pivotSummary) ? { pivot: { ...(pivotName ? { name: pivotName } : {}), ...(pivotSummary ? { summary: pivotSummary } : {}) } } : {}),
  };
}

/** The decision that follows a recommendation ("keep piloting" is recorded as "continue"). */
export function decisionFor(action: RecommendationAction): DecisionKind {
  return action === 'keep_piloting' ? 'continue' : action;
}

/** Tomorrow as `YYYY-MM-DD`, the earliest review date the server takes. */
export function tomorrow(today: Date): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)).toISOString().slice(0, 10);
}
