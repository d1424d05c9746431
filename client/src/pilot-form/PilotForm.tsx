import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { COMPLEXITIES, localIsoDateOf, USE_CASE_CATEGORIES, type PersonRef } from '@liftoff/shared';
import { useBusinessUnits } from '../api/business-units';
import { usePeople } from '../api/people';
import { Field, type ControlProps } from '../components/form/Field';
import { fieldErrorsOf, FormProblem } from '../components/form/form-errors';
import { COMPLEXITY_LABELS, STAGE_LABELS, USE_CASE_LABELS } from '../format/labels';
import { ENTRY_STAGES, validatePilotForm, type PilotFormErrors, type PilotFormField, type PilotFormValues } from './pilot-form-model';

const ALL_FIELDS: readonly string[] = [
  'name', 'summary', 'businessUnitId', 'useCaseCategory', 'leadId', 'sponsorId', 'complexity', 'stage', 'startDate',
  'stageEnteredAt', 'targetProductionDate', 'integrationSystems', 'annualValueAtScale', 'costToDate', 'costToScale',
];

interface PilotFormProps {
  mode: 'create' | 'edit';
  initial: PilotFormValues;
  /** The program office sets sponsor, lead and stage clock; a pilot lead may not. */
  mayAssignPeople: boolean;
  /** The current lead and sponsor, kept as choices even when the people lists leave them out. */
  current?: { lead: PersonRef; sponsor: PersonRef | null };
  pending: boolean;
  error: unknown;
  onSubmit: (values: PilotFormValues) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** The user's own calendar date (the browser's zone): a stage entered today is today where they are. */
const today = () => localIsoDateOf(new Date());

/** Every field of a pilot, labelled, with the server's 400 placed under the field it names. */
export function PilotForm({ mode, initial, mayAssignPeople, current, pending, error, onSubmit, onCancel, onReload }: PilotFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PilotFormErrors>({});
  const units = useBusinessUnits();
  const leads = usePeople({ role: 'pilot_lead', pageSize: 200 });
  const executives = usePeople({ role: 'executive', pageSize: 200 });
  const server = fieldErrorsOf(error);
  const shown = (field: PilotFormField) => errors[field] ?? server[field] ?? server[`${field}.0`];

  const leadOptions = useMemo(() => withCurrent(leads.data?.items ?? [], current?.lead), [leads.data, current]);
  const sponsorOptions = useMemo(() => withCurrent(executives.data?.items ?? [], current?.sponsor ?? undefined), [executives.data, current]);

  const set = (field: PilotFormField) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _done, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePilotForm(values, today());
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  const text = (field: PilotFormField, label: ReactNode, control: (props: ControlProps) => ReactNode, hint?: ReactNode) => (
    <Field id={`pilot-${field}`} label={label} hint={hint} errors={shown(field)}>
      {control}
    </Field>
  );

  return (
    <form className="card pilot-form" onSubmit={submit} noValidate aria-label={mode === 'create' ? 'New pilot' : 'Edit pilot'}>
      <FormProblem error={error} shownFields={ALL_FIELDS} onReload={onReload} subject="This pilot" />
      <fieldset>
        <legend className="form-section-title">What it is</legend>
        <div className="form-grid">
          {text('name', 'Name', (p) => <input {...p} className="input" maxLength={200} value={values.name} onChange={set('name')} />)}
          {text('businessUnitId', 'Business unit', (p) => (
            <select {...p} className="input" value={values.businessUnitId} onChange={set('businessUnitId')}>
              <option value="">Choose…</option>
              {(units.data ?? []).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          ))}
          {text('useCaseCategory', 'Use-case category', (p) => (
            <select {...p} className="input" value={values.useCaseCategory} onChange={set('useCaseCategory')}>
              <option value="">Choose…</option>
              {USE_CASE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {USE_CASE_LABELS[category]}
                </option>
              ))}
            </select>
          ))}
          {text('complexity', 'Complexity', (p) => (
            <select {...p} className="input" value={values.complexity} onChange={set('complexity')}>
              <option value="">Choose…</option>
              {COMPLEXITIES.map((complexity) => (
                <option key={complexity} value={complexity}>
                  {COMPLEXITY_LABELS[complexity]}
                </option>
              ))}
            </select>
          ), 'Best case 2–3, typical 4–6, complex 6–12 months to production.')}
        </div>
        {text('summary', 'Summary', (p) => <textarea {...p} className="input" rows={3} maxLength={4000} value={values.summary} onChange={set('summary')} />)}
      </fieldset>

      <fieldset>
        <legend className="form-section-title">People</legend>
        <div className="form-grid">
          {text('leadId', 'Pilot lead', (p) => (
            <select {...p} className="input" value={values.leadId} onChange={set('leadId')} disabled={!mayAssignPeople}>
              <option value="">Choose…</option>
              {leadOptions.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          ), mayAssignPeople ? undefined : 'Only the program office changes who leads a pilot.')}
          {mayAssignPeople &&
            text('sponsorId', 'Executive sponsor', (p) => (
              <select {...p} className="input" value={values.sponsorId} onChange={set('sponsorId')}>
                <option value="">No sponsor yet</option>
                {sponsorOptions.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="form-section-title">Timeline</legend>
        <div className="form-grid">
          {mode === 'create' &&
            text('stage', 'Stage it is in now', (p) => (
              <select {...p} className="input" value={values.stage} onChange={set('stage')}>
                {ENTRY_STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {STAGE_LABELS[stage]}
                  </option>
                ))}
              </select>
            ))}
          {text('startDate', 'Start date', (p) => <input {...p} className="input" type="date" value={values.startDate} onChange={set('startDate')} />)}
          {mayAssignPeople &&
            text(
              'stageEnteredAt',
              'In this stage since',
              (p) => <input {...p} className="input" type="date" max={today()} value={values.stageEnteredAt} onChange={set('stageEnteredAt')} />,
              mode === 'create' ? 'For a pilot that was underway before it was entered here. Leave empty for today.' : 'Correct it when the stage began earlier than it was recorded.',
            )}
          {text('targetProductionDate', 'Target production date', (p) => (
            <input {...p} className="input" type="date" value={values.targetProductionDate} onChange={set('targetProductionDate')} />
          ), 'Optional.')}
        </div>
        {text('integrationSystems', 'Systems to integrate', (p) => (
          <textarea {...p} className="input" rows={2} value={values.integrationSystems} onChange={set('integrationSystems')} />
        ), 'One per line or separated by commas, e.g. CRM, data warehouse.')}
      </fieldset>

      <fieldset>
        <legend className="form-section-title">Economics</legend>
        <div className="form-grid">
          {text('annualValueAtScale', 'Value at scale per year', (p) => <input {...p} className="input" inputMode="decimal" value={values.annualValueAtScale} onChange={set('annualValueAtScale')} />)}
          {text('costToDate', 'Cost to date', (p) => <input {...p} className="input" inputMode="decimal" value={values.costToDate} onChange={set('costToDate')} />)}
          {text('costToScale', 'Cost to scale', (p) => <input {...p} className="input" inputMode="decimal" value={values.costToScale} onChange={set('costToScale')} />)}
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create pilot' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

function withCurrent(people: PersonRef[], current: PersonRef | undefined): PersonRef[] {
  if (!current || people.some((p) => p.id === current.id)) return people;
  return [current, ...people];
}
