import { describe, expect, it } from 'vitest';
import type { ReadinessAssessment } from '@liftoff/shared';
import { assessmentFieldErrors, initialAssessment, toAssessmentRequest, validateAssessment } from './assessment-form';

const latest = {
  id: 'a1',
  pilotId: 'p1',
  assessedAt: '2026-11-01T00:00:00Z',
  assessedBy: null,
  answers: {
    executive_sponsorship: { answer: 'pass', note: 'CFO owns it' },
    integration_readiness: { answer: 'partial', note: null },
    adoption_readiness: { answer: 'fail', note: null },
    workflow_redesign: { answer: 'unknown', note: null },
    measurement: { answer: 'pass', note: null },
    use_case_viability: { answer: 'pass', note: null },
  },
} as ReadinessAssessment;

describe('re-assessment form', () => {
  it('starts from the latest answers, or from unknown when never assessed', () => {
    expect(initialAssessment(latest).executive_sponsorship).toEqual({ answer: 'pass', note: 'CFO owns it' });
    expect(initialAssessment(latest).adoption_readiness).toEqual({ answer: 'fail', note: '' });
    expect(Object.values(initialAssessment(null)).every((v) => v.answer === 'unknown' && v.note === '')).toBe(true);
  });

  it('sends every test, with blank notes as null', () => {
    const values = initialAssessment(latest);
    values.adoption_readiness = { answer: 'partial', note: '  Second team onboarded ' };
    const body = toAssessmentRequest(values);
    expect(Object.keys(body.answers)).toHaveLength(6);
    expect(body.answers.adoption_readiness).toEqual({ answer: 'partial', note: 'Second team onboarded' });
    expect(body.answers.integration_readiness).toEqual({ answer: 'partial', note: null });
  });

  it('flags an over-long note on its test', () => {
    const values = initialAssessment(null);
    values.measurement.note = 'x'.repeat(2001);
    expect(Object.keys(validateAssessment(values))).toEqual(['measurement']);
  });

  it('places server errors on the test they name', () => {
    expect(assessmentFieldErrors([{ field: 'answers.measurement.note', messages: ['too long'] }, { field: 'assessedById', messages: ['bad'] }])).toEqual({
      byTest: { measurement: ['too long'] },
      general: ['bad'],
    });
  });
});
