import { useState, type FormEvent } from 'react';
import { NOTIFICATION_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type NotificationSettings, type WebhookEventType } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { TimeZoneSelect } from '../components/form/TimeZoneSelect';
import { useMyNotificationSettings, useSaveNotificationSettings } from './account-api';

/** Which events reach me by email, and the time zone my reminders follow. */
export function NotificationsSection() {
  const settings = useMyNotificationSettings();
  const save = useSaveNotificationSettings();
  return (
    <section className="card account-section" aria-labelledby="notifications-title">
      <h2 id="notifications-title" className="card-title">
        Notifications
      </h2>
      <p className="card-description">Choose what Liftoff emails you. Reminders and the digest arrive on your own day, in your time zone.</p>
      {settings.isPending && <p className="card-description">Loading your settings…</p>}
      {settings.isError && (
        <p className="form-error" role="alert">
          Your notification settings could not be loaded: {settings.error.message}
        </p>
      )}
      {/* Keyed by version: a save or a reload starts the form from what the server holds. */}
      {settings.data && <NotificationsForm key={settings.data.version} settings={settings.data} save={save} onReload={() => void settings.refetch()} />}
    </section>
  );
}

interface NotificationsFormProps {
  settings: NotificationSettings;
  save: ReturnType<typeof useSaveNotificationSettings>;
  onReload: () => void;
}

function NotificationsForm({ settings, save, onReload }: NotificationsFormProps) {
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [chosen, setChosen] = useState<Set<WebhookEventType>>(() => new Set(settings.emailEvents));
  const errorsFor = (field: string) => (isApiError(save.error) ? save.error.fieldErrors.find((e) => e.field === field)?.messages : undefined);
  const stale = isApiError(save.error) && save.error.status === 409;
  const generalError = save.error && !stale && !errorsFor('timeZone') && !errorsFor('emailEvents');

  const toggle = (type: WebhookEventType, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    save.mutate({ timeZone, emailEvents: WEBHOOK_EVENT_TYPES.filter((type) => chosen.has(type)), version: settings.version });
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      {!settings.emailConfigured && (
        <p className="notice" role="note">
          This Liftoff has no mail server set up yet: your choices are kept, and emails start once it has one.
        </p>
      )}
      <fieldset className="checkbox-group">
        <legend>Email me when</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" name="emailEvents" value={type} checked={chosen.has(type)} onChange={(e) => toggle(type, e.target.checked)} />
            {NOTIFICATION_EVENT_LABELS[type]}
          </label>
        ))}
        {errorsFor('emailEvents') && (
          <p className="form-error" role="alert">
            {errorsFor('emailEvents')!.join(' ')}
          </p>
        )}
      </fieldset>
      <Field id="notifications-time-zone" label="Time zone" errors={errorsFor('timeZone')}>
        {(props) => <TimeZoneSelect {...props} value={timeZone} onChange={setTimeZone} />}
      </Field>
      {stale && (
        <p className="form-error" role="alert">
          These settings were changed in another tab or by the program office.{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => {
              save.reset();
              onReload();
            }}
          >
            Load the current settings
          </button>
        </p>
      )}
      {generalError && (
        <p className="form-error" role="alert">
          {save.error?.message}
        </p>
      )}
      {save.isSuccess && (
        <p className="notice" role="status">
          Notification settings saved.
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save notification settings'}
        </button>
      </div>
    </form>
  );
}
