import { useState, type FormEvent } from 'react';
import { WEEKDAYS, WEEKDAY_NAMES, type DigestSettings, type Weekday } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDigestSettings, useSaveDigestSettings } from './digest-api';
import { DigestPreviewDialog } from './DigestPreviewDialog';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The program office's part of Settings: when the weekly digest reaches the program office and the executives. */
export function DigestSettingsSection() {
  const settings = useDigestSettings();
  if (settings.isPending) return <LoadingState label="Loading the digest settings…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load the digest settings" />;
  // Keyed by version: a save (or someone else's) starts the form again from what is stored.
  return <DigestSettingsForm key={settings.data.version} settings={settings.data} onReload={() => settings.refetch()} />;
}

function DigestSettingsForm({ settings, onReload }: { settings: DigestSettings; onReload: () => void }) {
  const save = useSaveDigestSettings();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [weekday, setWeekday] = useState<Weekday>(settings.weekday);
  const [hour, setHour] = useState(settings.hour);
  const [previewing, setPreviewing] = useState(false);
  const conflict = isApiError(save.error) && save.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ version: settings.version, enabled, weekday, hour });
  };

  return (
    <>
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="digest-title">
      <h2 id="digest-title">Weekly digest</h2>
      <p className="muted">
        The program office and every executive get a summary of the week: new and resolved stuck signs, pilots that joined the scale queue,
        decisions, overdue reviews and silent pilots. Executives see the pilots they sponsor first. Each person gets it on their own clock
        (their time zone is on the People page); channels that carry the digest get it on UTC&apos;s clock.
      </p>
      {conflict && (
        <div className="form-error" role="alert">
          Someone else changed these settings meanwhile.{' '}
          <button type="button" className="button button-small" onClick={onReload}>Load their values</button>
        </div>
      )}
      {save.error && !conflict && <p className="form-error" role="alert">{save.error.message}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Send the weekly digest
      </label>
      <label htmlFor="digest-weekday">Weekday</label>
      <select id="digest-weekday" className="input" value={weekday} onChange={(e) => setWeekday(Number(e.target.value) as Weekday)}>
        {WEEKDAYS.map((day) => <option key={day} value={day}>{WEEKDAY_NAMES[day]}</option>)}
      </select>
      <label htmlFor="digest-hour">Hour (on each recipient&apos;s clock)</label>
      <select id="digest-hour" className="input" value={hour} onChange={(e) => setHour(Number(e.target.value))}>
        {HOURS.map((h) => <option key={h} value={h}>{hourLabel(h)}</option>)}
      </select>
      <div className="form-actions-inline">
        <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save digest settings'}</button>
        <button type="button" className="button" onClick={() => setPreviewing(true)}>Preview the digest</button>
        {save.isSuccess && <span className="muted" role="status">Saved.</span>}
      </div>
    </form>
    {previewing && <DigestPreviewDialog onClose={() => setPreviewing(false)} />}
    </>
  );
}
