import { useState, type FormEvent } from 'react';
import { ISO_WEEKDAYS, REMINDER_GRACE_DAYS_MAX, type ReminderSchedule, type ReminderSettings } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useReminderSettings, useSaveReminderSettings } from './reminder-api';

export const WEEKDAY_NAMES: Record<number, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' };
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Settings → Update reminders: the program office edits, everyone else reads. */
export function ReminderSettingsSection({ editable }: { editable: boolean }) {
  const settings = useReminderSettings();
  // Outside the keyed form: a save remounts the form with the new version, and "Saved." must survive that.
  const save = useSaveReminderSettings();
  if (settings.isPending) return <LoadingState label="Loading the reminder settings…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load the reminder settings" />;
  return <ReminderSettingsForm key={settings.data.version} settings={settings.data} save={save} editable={editable} onReload={() => settings.refetch()} />;
}

interface FormProps {
  settings: ReminderSettings;
  save: ReturnType<typeof useSaveReminderSettings>;
  editable: boolean;
  onReload: () => void;
}

function ReminderSettingsForm({ settings, save, editable, onReload }: FormProps) {
  const [draft, setDraft] = useState<ReminderSchedule>({
    enabled: settings.enabled,
    weekday: settings.weekday,
    hour: settings.hour,
    sponsorGraceDays: settings.sponsorGraceDays,
    officeGraceDays: settings.officeGraceDays,
  });
  const fieldErrors = (field: string) => (isApiError(save.error) ? save.error.fieldErrors.filter((e) => e.field === field).flatMap((e) => e.messages) : undefined);
  const conflict = isApiError(save.error) && save.error.status === 409;
  const set = (change: Partial<ReminderSchedule>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...draft, version: settings.version });
  };

  const graceField = (key: 'sponsorGraceDays' | 'officeGraceDays', label: string) => (
    <Field id={`reminder-${key}`} label={label} hint={`1 to ${REMINDER_GRACE_DAYS_MAX} days`} errors={fieldErrors(key)}>
      {(props) => (
        <input {...props} className="input" type="number" min={1} max={REMINDER_GRACE_DAYS_MAX} step={1} value={Number.isNaN(draft[key]) ? '' : draft[key]} readOnly={!editable}
          onChange={(e) => set({ [key]: e.target.valueAsNumber })} />
      )}
    </Field>
  );

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="reminders-title">
      <h2 id="reminders-title">Update reminders</h2>
      <p className="muted">
        Each lead with pilots missing this week&apos;s update gets one reminder on the day and hour below, in the lead&apos;s own time zone.
        If an update is still missing after the first grace period the sponsor hears of it, and after the second the program office
        (pilots without a sponsor go to the program office after the first).
      </p>
      {!editable && <p className="settings-note">Only the program office can change the reminders.</p>}
      {conflict && (
        <div className="form-error" role="alert">
          Someone else changed the reminders meanwhile.{' '}
          <button type="button" className="button button-small" onClick={onReload}>Load their values</button>
        </div>
      )}
      {save.error && !conflict && !(isApiError(save.error) && save.error.fieldErrors.length > 0) && <p className="form-error" role="alert">{save.error.message}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={draft.enabled} disabled={!editable} onChange={(e) => set({ enabled: e.target.checked })} /> Send reminders and escalations
      </label>
      <Field id="reminder-weekday" label="Reminder day" errors={fieldErrors('weekday')}>
        {(props) => (
          <select {...props} className="input" value={draft.weekday} disabled={!editable} onChange={(e) => set({ weekday: Number(e.target.value) })}>
            {ISO_WEEKDAYS.map((day) => <option key={day} value={day}>{WEEKDAY_NAMES[day]}</option>)}
          </select>
        )}
      </Field>
      <Field id="reminder-hour" label="Reminder hour (the lead's local time)" errors={fieldErrors('hour')}>
        {(props) => (
          <select {...props} className="input" value={draft.hour} disabled={!editable} onChange={(e) => set({ hour: Number(e.target.value) })}>
            {HOURS.map((hour) => <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:00`}</option>)}
          </select>
        )}
      </Field>
      {graceField('sponsorGraceDays', 'Days before the sponsor is told')}
      {graceField('officeGraceDays', 'Further days before the program office is told')}
      {editable && (
        <div className="form-actions-inline">
          <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save reminders'}</button>
          {save.isSuccess && <span className="muted" role="status">Saved.</span>}
        </div>
      )}
    </form>
  );
}
