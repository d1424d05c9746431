import { describe, expect, it } from 'vitest';
import { decisionFor, toDecisionRequest, tomorrow, validateDecision } from './decision-form';

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

  it('sends pivot details only for a pivot, and only what was filled in', () => {
    expect(toDecisionRequest({ kind: 'pivot', rationale: 'r', nextReviewDate: '', pivotName: ' Claims v2 ', pivotSummary: '' })).toEqual({ kind: 'pivot', rationale: 'r', pivot: { name: 'Claims v2' } });
    expect(toDecisionRequest({ kind: 'kill', rationale: 'r', nextReviewDate: '', pivotName: 'ignored' })).toEqual({ kind: 'kill', rationale: 'r' });
  });

  it('maps a recommendation to the decision that follows it', () => {
    expect(decisionFor('keep_piloting')).toBe('continue');
    expect(decisionFor('scale')).toBe('scale');
  });

  it('offers tomorrow as the earliest review date, across a month end', () => {
    expect(tomorrow(new Date('2026-11-30T22:00:00Z'))).toBe('2026-12-01');
  });
});
