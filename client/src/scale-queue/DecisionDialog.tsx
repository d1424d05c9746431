import { useMemo, useState, type FormEvent } from 'react';
import { DECISION_KINDS, type DecisionView } from '@liftoff/shared';
import { usePilotDiagnosis, useRecordDecision } from '../api/decisions';
import { isApiError } from '../api/http';
import { FormDialog } from '../components/Dialog';
import { ChoiceGroup, Field } from '../components/form/Field';
import { DECISION_KIND_LABELS, RECOMMENDATION_LABELS } from '../format/analysis-labels';
import { decisionFor, EMPTY_DECISION, needsReviewDate, toDecisionRequest, tomorrow, validateDecision, type DecisionFormValues } from './decision-form';

/** What the dialog needs to know about the pilot being decided on. */
export interface DecisionSubject {
  pilotId: string;
  pilotName: string;
}

interface DecisionDialogProps {
  subject: DecisionSubject;
  onClose: () => void;
  /** Called with the recorded decision, after which the dialog closes. */
  onRecorded?: (decision: DecisionView) => void;
}

/** Records a scale / pivot / kill / continue decision with Liftoff's recommendation and its reasons in view. */
export function DecisionDialog({ subject, onClose, onRecorded }: DecisionDialogProps) {
  const diagnosis = usePilotDiagnosis(subject.pilotId);
  const record = useRecordDecision(subject.pilotId);
  const [values, setValues] = useState<DecisionFormValues>(EMPTY_DECISION);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  /** Kill and pivot close the pilot at once: they are recorded only after a second, explicit yes. */
  const [confirming, setConfirming] = useState(false);
  const today = useMemo(() => new Date(), []);
  const recommendation = diagnosis.data?.recommendation;

  const serverErrors = isApiError(record.error) ? Object.fromEntries(record.error.fieldErrors.map((e) => [e.field, e.messages])) : {};
  const shown: Record<string, string[] | undefined> = { ...serverErrors, ...errors };
  const set = <K extends keyof DecisionFormValues>(field: K, value: DecisionFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setConfirming(false);
    if (errors[field]) setErrors(({ [field]: _done, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDecision(values, today.toISOString().slice(0, 10));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (closesPilot(values.kind) && !confirming) {
      setConfirming(true);
      return;
    }
    record.mutate(toDecisionRequest(values), {
      onSuccess: (decision) => {
        onRecorded?.(decision);
        onClose();
      },
    });
  };

  const overriding = recommendation && values.kind && values.kind !== decisionFor(recommendation.action);
  const generalError = record.error && Object.keys(serverErrors).length === 0 ? record.error.message : null;

  return (
    <FormDialog titleId="decision-title" title={`Decide on ${subject.pilotName}`} onClose={onClose} onSubmit={submit}>
      <div className="recommendation-box" aria-live="polite">
        {diagnosis.isPending ? (
          <span className="muted">Loading Liftoff’s recommendation…</span>
        ) : recommendation ? (
          <>
            Liftoff recommends <strong>{RECOMMENDATION_LABELS[recommendation.action]}</strong> · readiness {recommendation.readinessScore}/100
            <ul>
              {recommendation.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        ) : (
          <span className="muted">The recommendation could not be loaded; you can still record a decision.</span>
        )}
      </div>
      {generalError && (
        <p className="form-error" role="alert">
          {generalError}
        </p>
      )}
      <ChoiceGroup
        name="kind"
        legend="Decision"
        options={DECISION_KINDS.map((kind) => ({ value: kind, label: DECISION_KIND_LABELS[kind] }))}
        value={values.kind}
        onChange={(kind) => set('kind', kind)}
        errors={shown.kind}
        hint={overriding ? 'This differs from the recommendation; the log records that it was overridden.' : undefined}
      />
      <Field id="decision-rationale" label="Rationale" errors={shown.rationale} hint="Kept in the decision log for everyone to read.">
        {(props) => <textarea {...props} className="input" rows={3} maxLength={4000} value={values.rationale} onChange={(e) => set('rationale', e.target.value)} />}
      </Field>
      <Field
        id="decision-review"
        label={needsReviewDate(values.kind) ? 'Next review' : 'Next review (optional)'}
        hint={reviewHint(values.kind)}
        errors={shown.nextReviewDate}
      >
        {(props) => <input {...props} className="input" type="date" min={tomorrow(today)} value={values.nextReviewDate} onChange={(e) => set('nextReviewDate', e.target.value)} />}
      </Field>
      {values.kind === 'pivot' && (
        <>
          <Field id="decision-pivot-name" label="New pilot name (optional)" errors={shown['pivot.name']} hint="The pivot starts a new pilot; by default it is named after this one.">
            {(props) => <input {...props} className="input" maxLength={200} value={values.pivotName} onChange={(e) => set('pivotName', e.target.value)} />}
          </Field>
          <Field id="decision-pivot-summary" label="What changes (optional)" errors={shown['pivot.summary']}>
            {(props) => <textarea {...props} className="input" rows={2} value={values.pivotSummary} onChange={(e) => set('pivotSummary', e.target.value)} />}
          </Field>
        </>
      )}
      {confirming && (
        <p className="form-warning" role="alert">
          {values.kind === 'kill'
            ? `Killing closes ${subject.pilotName} for good: it takes no more updates or decisions, and its stuck signs are closed.`
            : `Pivoting closes ${subject.pilotName} and starts a new pilot, "${(values.pivotName ?? '').trim() || `${subject.pilotName} (pivot)`}", in piloting with the same lead, sponsor and KPIs.`}{' '}
          This cannot be undone.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={`button ${confirming ? 'button-danger' : 'button-primary'}`} disabled={record.isPending}>
          {record.isPending ? 'Recording…' : confirming ? (values.kind === 'kill' ? 'Yes, kill the pilot' : 'Yes, pivot to a new pilot') : 'Record decision'}
        </button>
      </div>
    </FormDialog>
  );
}

function closesPilot(kind: DecisionFormValues['kind']): boolean {
  return kind === 'kill' || kind === 'pivot';
}

/** The hint says what the label says: required for scale and continue, optional otherwise. */
function reviewHint(kind: DecisionFormValues['kind']): string {
  if (!kind) return 'Required to scale or keep piloting; must be after today.';
  return needsReviewDate(kind) ? 'Required for this decision; must be after today.' : 'Optional: a date to look at this pilot again, after today.';
}
