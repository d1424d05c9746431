import { useState, type FormEvent } from 'react';
import { KPI_DIRECTIONS, type Kpi } from '@liftoff/shared';
import { FormDialog } from '../components/Dialog';
import { ChoiceGroup, Field } from '../components/form/Field';
import { fieldErrorsOf, FormProblem } from '../components/form/form-errors';
import { EMPTY_KPI_FORM, kpiToForm, toKpiRequest, toKpiUpdate, validateKpiForm, type KpiFormField, type KpiFormValues } from './kpi-form-model';
import { useCreateKpi, useUpdateKpi } from './kpi-queries';

const DIRECTION_LABELS = { higher_is_better: 'Higher is better', lower_is_better: 'Lower is better' } as const;
const FIELDS: readonly string[] = ['name', 'unit', 'direction', 'baseline', 'target', 'minValue', 'maxValue'];

interface KpiDialogProps {
  pilotId: string;
  /** The KPI to edit; left out, a new one is added. */
  kpi?: Kpi;
  onClose: () => void;
  onSaved: (kpi: Kpi) => void;
  /** Reads the KPIs again after a stale edit. */
  onReload: () => void;
}

/** Adds or edits a KPI; a target on the wrong side of the baseline is shown before anything is sent. */
export function KpiDialog({ pilotId, kpi, onClose, onSaved, onReload }: KpiDialogProps) {
  const create = useCreateKpi(pilotId);
  const update = useUpdateKpi(pilotId);
  const save = kpi ? update : create;
  const [values, setValues] = useState<KpiFormValues>(kpi ? kpiToForm(kpi) : EMPTY_KPI_FORM);
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(save.error);
  const problems = validateKpiForm(values);
  // Required-field messages wait for a submit; rules between the numbers show as soon as they break.
  const live = (field: KpiFormField) => ['baseline', 'target', 'minValue', 'maxValue'].includes(field);
  const shown = (field: KpiFormField) => ((submitted || live(field)) && problems[field]) || server[field];
  const set = (field: KpiFormField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const done = { onSuccess: (saved: Kpi) => (onSaved(saved), onClose()) };
    if (kpi) update.mutate({ id: kpi.id, ...toKpiUpdate(kpi, values) }, done);
    else create.mutate(toKpiRequest(values), done);
  };

  const number = (field: 'baseline' | 'target' | 'minValue' | 'maxValue', label: string, hint?: string) => (
    <Field id={`kpi-${field}`} label={label} hint={hint} errors={shown(field)}>
      {(props) => <input {...props} className="input" inputMode="decimal" value={values[field]} onChange={(e) => set(field, e.target.value)} />}
    </Field>
  );

  return (
    <FormDialog titleId="kpi-title" title={kpi ? `Edit ${kpi.name}` : 'Add a KPI'} onClose={onClose} onSubmit={submit}>
      <FormProblem
        error={save.error}
        shownFields={FIELDS}
        subject="This KPI"
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <Field id="kpi-name" label="Name" errors={shown('name')}>
          {(props) => <input {...props} className="input" maxLength={160} value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field id="kpi-unit" label="Unit" errors={shown('unit')} hint="e.g. minutes, %, cases">
          {(props) => <input {...props} className="input" maxLength={40} value={values.unit} onChange={(e) => set('unit', e.target.value)} />}
        </Field>
      </div>
      <ChoiceGroup
        name="direction"
        legend="Direction"
        options={KPI_DIRECTIONS.map((direction) => ({ value: direction, label: DIRECTION_LABELS[direction] }))}
        value={values.direction}
        onChange={(direction) => set('direction', direction)}
        errors={shown('direction')}
      />
      <div className="form-grid">
        {number('baseline', 'Baseline', 'Where it stood before the pilot.')}
        {number('target', 'Target', 'The value that would justify scaling.')}
        {number('minValue', 'Lowest possible reading (optional)', 'e.g. 0 for a count or a duration.')}
        {number('maxValue', 'Highest possible reading (optional)', 'e.g. 100 for a percentage.')}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : kpi ? 'Save KPI' : 'Add KPI'}
        </button>
      </div>
    </FormDialog>
  );
}
