import type { DecisionKind, RecordDecisionRequest } from '@liftoff/shared';

export interface DecisionFormValues {
  kind: DecisionKind | '';
  rationale: string;
  nextReviewDate: string;
}

/** Mirrors the server's rules so mistakes show before the round trip; the server stays authoritative. */
export function validateDecision(values: DecisionFormValues, today: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!values.kind) errors.kind = ['Choose a decision'];
  if (!values.rationale.trim()) errors.rationale = ['Say why: the rationale is kept in the decision log'];
  const needsReview = values.kind === 'scale' || values.kind === 'continue';
  if (needsReview && !values.nextReviewDate) errors.nextReviewDate = ['Set when this pilot is looked at again'];
  else if (values.nextReviewDate && values.nextReviewDate <= today) errors.nextReviewDate = ['The review date must be after today'];
  return errors;
}

export function toDecisionRequest(values: DecisionFormValues): RecordDecisionRequest {
  return {
    kind: values.kind as DecisionKind,
    rationale: values.rationale.trim(),
    ...(values.nextReviewDate ? { nextReviewDate: values.nextReviewDate } : {}),
  };
}
