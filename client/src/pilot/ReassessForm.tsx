import { useEffect, useRef, useState, type FormEvent } from 'react';
import { READINESS_ANSWERS, READINESS_TESTS, type ReadinessAssessment, type ReadinessTest } from '@liftoff/shared';
import { useCreateAssessment } from '../api/assessments';
import { isApiError } from '../api/http';
import { ChoiceGroup, Field } from '../components/form/Field';
import { ANSWER_LABELS, READINESS_TEST_LABELS } from '../format/analysis-labels';
import { assessmentFieldErrors, initialAssessment, NOTE_MAX, toAssessmentRequest, validateAssessment, type AssessmentFormValues } from './assessment-form';

const ANSWER_OPTIONS = READINESS_ANSWERS.map((answer) => ({ value: answer, label: ANSWER_LABELS[answer] }));

const TEST_QUESTIONS: Record<ReadinessTest, string> = {
  executive_sponsorship: 'Does an accountable executive own the outcome and the budget?',
  integration_readiness: 'Is there an approved route into the production systems?',
  adoption_readiness: 'Do ordinary users, not just enthusiasts, use it?',
  workflow_redesign: 'Has the process been redesigned around the tool?',
  measurement: 'Are baseline, target and weekly readings agreed?',
  use_case_viability: 'Does value at scale earn back the cost to scale?',
};

interface ReassessFormProps {
  pilotId: string;
  latest: ReadinessAssessment | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** The program office's re-assessment of the six readiness tests, pre-filled with the latest answers. */
export function ReassessForm({ pilotId, latest, onDone, onCancel }: ReassessFormProps) {
  const [values, setValues] = useState<AssessmentFormValues>(() => initialAssessment(latest));
  const [errors, setErrors] = useState<Partial<Record<ReadinessTest, string[]>>>({});
  const save = useCreateAssessment(pilotId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const server = isApiError(save.error) ? assessmentFieldErrors(save.error.fieldErrors) : { byTest: {}, general: [] };
  const general = !save.error ? [] : isApiError(save.error) && save.error.fieldErrors.length > 0 ? server.general : [save.error.message];
  const set = (test: ReadinessTest, change: Partial<AssessmentFormValues[ReadinessTest]>) => setValues((v) => ({ ...v, [test]: { ...v[test], ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAssessment(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(toAssessmentRequest(values), { onSuccess: () => onDone('Readiness re-assessed. The recommendation and the scale queue now use the new answers.') });
  };

  return (
    <form className="card update-form" onSubmit={submit} noValidate aria-labelledby="reassess-title">
      <header className="card-header">
        <div>
          <h2 id="reassess-title" className="card-title" tabIndex={-1} ref={headingRef}>
            Re-assess readiness
          </h2>
          <p className="card-description">Answer the six tests as they stand today. The pilot’s own data can still halve the credit of a pass it contradicts.</p>
        </div>
      </header>
      {general.length > 0 && (
        <div className="form-error" role="alert">
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <div className="assessment-grid">
        {READINESS_TESTS.map((test) => (
          <div key={test} className="assessment-row">
            <ChoiceGroup
              name={`assess-${test}`}
              legend={READINESS_TEST_LABELS[test]}
              hint={TEST_QUESTIONS[test]}
              options={ANSWER_OPTIONS}
              value={values[test].answer}
              onChange={(answer) => set(test, { answer })}
            />
            <Field id={`assess-${test}-note`} label={`Note on ${READINESS_TEST_LABELS[test].toLowerCase()}`} errors={errors[test] ?? server.byTest[test]}>
              {(props) => <input {...props} className="input" maxLength={NOTE_MAX} value={values[test].note} placeholder="Evidence or what is missing (optional)" onChange={(e) => set(test, { note: e.target.value })} />}
            </Field>
          </div>
        ))}
      </div>
      <div className="form-actions-inline">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save assessment'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
