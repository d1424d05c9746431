import {
  READINESS_TESTS,
  type CreateAssessmentRequest,
  type FieldError,
  type ReadinessAnswer,
  type ReadinessAssessment,
  type ReadinessTest,
} from '@liftoff/shared';

export type AssessmentFormValues = Record<ReadinessTest, { answer: ReadinessAnswer; note: string }>;

export const NOTE_MAX = 2000;

/** Starts from the latest assessment, so a re-assessment changes only what moved. */
export function initialAssessment(latest: ReadinessAssessment | null): AssessmentFormValues {
  return Object.fromEntries(
    READINESS_TESTS.map((test) => [test, { answer: latest?.answers[test]?.answer ?? 'unknown', note: latest?.answers[test]?.note ?? '' }]),
  ) as AssessmentFormValues;
}

/** Errors keyed by test. Every test always has an answer ("unknown" is one), so only notes can be wrong. */
export function validateAssessment(values: AssessmentFormValues): Partial<Record<ReadinessTest, string[]>> {
  const errors: Partial<Record<ReadinessTest, string[]>> = {};
  for (const test of READINESS_TESTS) {
    if (values[test].note.length > NOTE_MAX) errors[test] = [`Keep the note under ${NOTE_MAX} characters`];
  }
  return errors;
}

/** Empty notes are left out: the server takes a note or nothing. */
export function toAssessmentRequest(values: AssessmentFormValues): CreateAssessmentRequest {
  return {
    answers: Object.fromEntries(
      READINESS_TESTS.map((test) => [test, { answer: values[test].answer, note: values[test].note.trim() || null }]),
    ) as CreateAssessmentRequest['answers'],
  };
}

/** `answers.measurement.note` -> the measurement row; anything else is for the whole form. */
export function assessmentFieldErrors(fieldErrors: FieldError[]): { byTest: Partial<Record<ReadinessTest, string[]>>; general: string[] } {
  const byTest: Partial<Record<ReadinessTest, string[]>> = {};
  const general: string[] = [];
  for (const { field, messages } of fieldErrors) {
    const test = /^answers\.([a-z_]+)/.exec(field)?.[1] as ReadinessTest | undefined;
    if (test && (READINESS_TESTS as readonly string[]).includes(test)) byTest[test] = [...(byTest[test] ?? []), ...messages];
    else general.push(...messages);
  }
  return { byTest, general };
}
