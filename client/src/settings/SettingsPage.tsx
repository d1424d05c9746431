import { useState, type FormEvent } from 'react';
import { THRESHOLD_KEYS, THRESHOLD_LABELS, THRESHOLD_LIMITS, type AnalysisSettings, type SignalThresholds, type ThresholdKey } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { useAnalysisSettings, useSaveAnalysisSettings } from '../api/settings';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Field } from '../components/form/Field';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';
import { thresholdErrors, toThresholdPatch } from './threshold-form';
import { CompanySignInSettings } from '../sso/CompanySignInSettings';
import { BackgroundJobs } from './BackgroundJobs';
import { IntegrationsSettings } from '../integrations/IntegrationsSettings';
import { ReminderSettingsSection } from '../reminders/ReminderSettingsForm';
import { DigestSettingsSection } from './DigestSettingsSection';
import { ReanalysisFindings } from '../components/ReanalysisFindings';

/** The thresholds the stuck rules use; the program office tunes them, everyone else can read them. */
export default function SettingsPage() {
  useDocumentTitle('Settings');
  const settings = useAnalysisSettings();
  const save = useSaveAnalysisSettings();
  const { data: user } = useSession();
  if (settings.isPending) return <LoadingState label="Loading the thresholds…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load the settings" />;
  // Keyed by version: a save (or someone else's) starts the form again from what is stored.
  return (
    <>
      <ThresholdForm key={settings.data.version} settings={settings.data} save={save} editable={canAdminister(user)} onReload={() => settings.refetch()} />
      <ReminderSettingsSection editable={canAdminister(user)} />
      {canAdminister(user) && <CompanySignInSettings />}
      {canAdminister(user) && <BackgroundJobs />}
      {canAdminister(user) && <IntegrationsSettings />}
      {canAdminister(user) && <DigestSettingsSection />}
    </>
  );
}

interface ThresholdFormProps {
  settings: AnalysisSettings;
  save: ReturnType<typeof useSaveAnalysisSettings>;
  editable: boolean;
  onReload: () => void;
}

function ThresholdForm({ settings, save, editable, onReload }: ThresholdFormProps) {
  const [draft, setDraft] = useState<Record<ThresholdKey, string>>(() => Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, String(settings.thresholds[k])])) as Record<ThresholdKey, string>);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const serverErrors = isApiError(save.error) ? Object.fromEntries(save.error.fieldErrors.map((e) => [e.field.replace(/^thresholds\./, ''), e.messages])) : {};
  const shown = { ...serverErrors, ...errors };
  const conflict = isApiError(save.error) && save.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = thresholdErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const thresholds: Partial<SignalThresholds> = toThresholdPatch(draft, settings.thresholds);
    if (Object.keys(thresholds).length === 0) {
      setErrors({ form: ['Nothing changed: edit a threshold first.'] });
      return;
    }
    save.mutate({ thresholds, version: settings.version });
  };

  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={`Thresholds of the stuck signs and the scale queue. Last changed ${formatDate(settings.updatedAt)}. Saving re-assesses every pilot with the new values at once.`}
      />
      <form className="card settings-form" onSubmit={submit} noValidate aria-label="Thresholds">
        {!editable && <p className="settings-note">Only the program office can change these thresholds.</p>}
        {errors.form && <p className="form-error" role="alert">{errors.form.join(' ')}</p>}
        {conflict ? (
          <div className="form-error" role="alert">
            Someone else changed the thresholds meanwhile.{' '}
            <button type="button" className="button button-small" onClick={onReload}>
              Load their values
            </button>
          </div>
        ) : (
          save.error && Object.keys(serverErrors).length === 0 && <p className="form-error" role="alert">{save.error.message}</p>
        )}
        {THRESHOLD_KEYS.map((key) => (
          <Field key={key} id={key} label={THRESHOLD_LABELS[key]} hint={`${THRESHOLD_LIMITS[key].min} to ${THRESHOLD_LIMITS[key].max}`} errors={shown[key]}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                step={THRESHOLD_LIMITS[key].integer ? 1 : 'any'}
                min={THRESHOLD_LIMITS[key].min}
                max={THRESHOLD_LIMITS[key].max}
                value={draft[key]}
                readOnly={!editable}
                onChange={(e) => {
                  setDraft((d) => ({ ...d, [key]: e.target.value }));
                  if (errors[key]) setErrors(({ [key]: _done, ...rest }) => rest);
                }}
              />
            )}
          </Field>
        ))}
        {editable && (
          <div className="form-actions-inline">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save thresholds'}
            </button>
            {save.isSuccess && (
              <span className="muted" role="status">
                Saved.
              </span>
            )}
          </div>
        )}
        {save.data && <ReanalysisFindings title="What re-assessing every pilot found" analysis={save.data.reassessed} />}
      </form>
    </>
  );
}
