import { describe, expect, it } from 'vitest';
import { toDecisionRequest, validateDecision } from './decision-form';

const today = '2026-11-25';

describe('decision form validation', () => {
  it.each([
    [{ kind: '', rationale: 'x', nextReviewDate: '' }, ['kind']],
    [{ kind: 'kill', rationale: '  ', nextReviewDate: '' }, ['rationale']],
    [{ kind: 'scale', rationale: 'Ready', nextReviewDate: '' }, ['nextReviewDate']],
    [{ kind: 'continue', rationale: 'More data', nextReviewDate: '2026-11-25' }, ['nextReviewDate']],
    [{ kind: 'continue', rationale: 'More data', nextReviewDate: '2026-12-20' }, []],
    [{ kind: 'pivot', rationale: 'Other users', nextReviewDate: '' }, []],
  ] as const)('%j -> errors on %j', (values, fields) => {
    expect(Object.keys(validateDecision({ ...values }, today)).sort()).toEqual([...fields].sort());
  });

  it('sends a trimmed rationale and leaves out an empty review date', () => {
    expect(toDecisionRequest({ kind: 'kill', rationale: ' No value ', nextReviewDate: '' })).toEqual({ kind: 'kill', rationale: 'No value' });
  });
});
