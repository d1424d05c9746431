import { useState, type FormEvent } from 'react';
import { DEFAULT_TIME_ZONE, ROLES, type Person, type Role } from '@liftoff/shared';
import { useBusinessUnits } from '../api/business-units';
import { isApiError } from '../api/http';
import { ROLE_LABELS } from '../auth/session';
import { Field } from '../components/form/Field';
import { FormDialog } from '../components/Dialog';
import { TimeZoneSelect } from '../components/form/TimeZoneSelect';

export interface PersonFormValues {
  name: string;
  email: string;
  role: Role;
  businessUnitId: string | null;
  timeZone: string;
}

interface PersonFormDialogProps {
  /** The person being edited; absent for an invite. */
  person?: Person;
  pending: boolean;
  error: unknown;
  onSubmit: (values: PersonFormValues) => void;
  onClose: () => void;
}

/** Fields the form can check itself: a name, and something shaped like an email address. */
export function personFormProblems(values: PersonFormValues): Partial<Record<keyof PersonFormValues, string[]>> {
  const problems: Partial<Record<keyof PersonFormValues, string[]>> = {};
  if (!values.name) problems.name = ['Enter the person’s name.'];
  if (!values.email) problems.email = ['Enter their email address: invite and reset links are sent there.'];
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) problems.email = ['Enter an email address like name@example.com.'];
  return problems;
}

/** Invite someone new, or edit a person's name, email, role, unit and time zone. */
export function PersonFormDialog({ person, pending, error, onSubmit, onClose }: PersonFormDialogProps) {
  const units = useBusinessUnits();
  const [values, setValues] = useState<PersonFormValues>({
    name: person?.name ?? '',
    email: person?.email ?? '',
    role: person?.role ?? 'pilot_lead',
    businessUnitId: person?.businessUnitId ?? null,
    timeZone: person?.timeZone ?? DEFAULT_TIME_ZONE,
  });
  // What the form can tell before asking the server, in plain words; the server's answer covers the rest.
  const [checked, setChecked] = useState<Partial<Record<keyof PersonFormValues, string[]>>>({});
  const errorsFor = (field: keyof PersonFormValues) =>
    checked[field] ?? (isApiError(error) ? error.fieldErrors.find((e) => e.field === field)?.messages : undefined);
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setChecked((c) => ({ ...c, [key]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { ...values, name: values.name.trim(), email: values.email.trim() };
    const problems = personFormProblems(trimmed);
    setChecked(problems);
    if (Object.keys(problems).length === 0) onSubmit(trimmed);
  };
  const generalError = Boolean(error) && !(['name', 'email', 'role', 'businessUnitId', 'timeZone'] as const).some((f) => errorsFor(f));

  return (
    <FormDialog titleId="person-form-title" title={person ? `Edit ${person.name}` : 'Invite a person'} onClose={onClose} onSubmit={submit}>
      <Field id="person-name" label="Name" errors={errorsFor('name')}>
        {(props) => <input {...props} className="input" value={values.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="person-email" label="Email" errors={errorsFor('email')}>
        {(props) => <input {...props} className="input" type="email" value={values.email} onChange={(e) => set('email', e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="person-role" label="Role" errors={errorsFor('role')}>
        {(props) => (
          <select {...props} className="input" value={values.role} onChange={(e) => set('role', e.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="person-unit" label="Business unit" hint="Optional" errors={errorsFor('businessUnitId')}>
        {(props) => (
          <select {...props} className="input" value={values.businessUnitId ?? ''} onChange={(e) => set('businessUnitId', e.target.value || null)}>
            <option value="">No unit</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="person-time-zone" label="Time zone" hint="Reminders reach them at a set hour of their own day" errors={errorsFor('timeZone')}>
        {(props) => <TimeZoneSelect {...props} value={values.timeZone} onChange={(zone) => set('timeZone', zone)} />}
      </Field>
      {generalError && (
        <p className="form-error" role="alert">
          {error instanceof Error ? error.message : 'Could not save'}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {person ? 'Save' : 'Invite'}
        </button>
      </div>
    </FormDialog>
  );
}
