import { useState, type FormEvent } from 'react';
import { DECISION_KINDS, type DecisionKind, type RecommendationAction } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { useRecordDecision } from '../api/decisions';
import { ChoiceGroup, Field } from '../components/form/Field';
import { toDecisionRequest, validateDecision, type DecisionFormValues } from './decision-form';

const KIND_LABELS: Record<DecisionKind, string> = { scale: 'Scale', pivot: 'Pivot', kill: 'Kill', continue: 'Keep piloting' };
const ACTION_LABELS: Record<string, string> = { scale: 'Scale', pivot: 'Pivot', kill: 'Kill', keep_piloting: 'Keep piloting' };

/** Records a decision from the queue, with Liftoff's recommendation in view. */
/** What the dialog needs to know about the pilot being decided on. */
export interface DecisionSubject {
  pilotId: string;
  pilotName: string;
  recommendation: RecommendationAction;
  readinessScore: number;
}

export function DecisionDialog({ item, onClose }: { item: DecisionSubject; onClose: () => void }) {
  const record = useRecordDecision(item.pilotId);
  const [values, setValues] = useState<DecisionFormValues>({ kind: '', rationale: '', nextReviewDate: '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const serverErrors = isApiError(record.error) ? Object.fromEntries(record.error.fieldErrors.map((e) => [e.field, e.messages])) : {};
  const shown = { ...serverErrors, ...errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDecision(values, new Date().toISOString().slice(0, 10));
    setErrors(found);
    if (Object.keys(found).length === 0) record.mutate(toDecisionRequest(values), { onSuccess: onClose });
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="card dialog" role="dialog" aria-modal="true" aria-labelledby="decision-title" onSubmit={submit} noValidate>
        <h2 id="decision-title">Decide on {item.pilotName}</h2>
        <p className="recommendation">
          Liftoff recommends <strong>{ACTION_LABELS[item.recommendation]}</strong> · readiness {item.readinessScore}/100
        </p>
        {record.error && !Object.keys(serverErrors).length && <p className="form-error" role="alert">{record.error.message}</p>}
        <ChoiceGroup
          name="kind"
          legend="Decision"
          options={DECISION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
          value={values.kind}
          onChange={(kind) => setValues((v) => ({ ...v, kind }))}
          errors={shown.kind}
        />
        <Field id="rationale" label="Rationale" errors={shown.rationale}>
          {(props) => <textarea {...props} rows={3} value={values.rationale} onChange={(e) => setValues((v) => ({ ...v, rationale: e.target.value }))} />}
        </Field>
        <Field id="nextReviewDate" label="Next review" hint="Required to scale or keep piloting" errors={shown.nextReviewDate}>
          {(props) => <input {...props} type="date" value={values.nextReviewDate} onChange={(e) => setValues((v) => ({ ...v, nextReviewDate: e.target.value }))} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={record.isPending}>{record.isPending ? 'Recording…' : 'Record decision'}</button>
        </div>
      </form>
    </div>
  );
}
