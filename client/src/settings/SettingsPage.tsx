import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { THRESHOLD_KEYS, THRESHOLD_LIMITS, type AnalysisSettings, type SignalThresholds, type ThresholdKey } from '@liftoff/shared';
import { api, isApiError } from '../api/http';
import { useSession } from '../auth/session';
import { Field } from '../components/form/Field';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';

const LABELS: Record<ThresholdKey, string> = {
  repeatedBlockerConsecutiveUpdates: 'Repeated blocker: consecutive updates',
  repeatedBlockerOpenWeeks: 'Repeated blocker: weeks open',
  stalledStageMonths: 'No stage progress: months',
  silentDays: 'Silent: days without an update',
  confidenceWindowUpdates: 'Falling confidence: updates in the trend',
  confidenceSlopePerWeek: 'Falling confidence: slope per week below',
  offTrackStreakUpdates: 'Red streak: updates at risk or off track',
  scaleQuestionCount: 'Scale question: times asked',
  scaleQuestionWindowWeeks: 'Scale question: within weeks',
  resourcesRedirectedWindowUpdates: 'Resources redirected: latest updates',
  adoptionOutsideShareMin: 'Adoption: minimum share of users outside the team',
  adoptionWindowUpdates: 'Adoption: latest updates checked',
  scaleReadinessMin: 'Scale queue: readiness score from',
};

/** The thresholds the stuck rules use; the program office tunes them, everyone else can read them. */
export default function SettingsPage() {
  useDocumentTitle('Settings');
  const queryClient = useQueryClient();
  const { data: user } = useSession();
  const settings = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api.get<AnalysisSettings>('/settings', undefined, signal) });
  const save = useMutation({
    mutationFn: (body: { thresholds: Partial<SignalThresholds>; version: number }) => api.patch<AnalysisSettings>('/settings', body),
    onSuccess: (saved) => queryClient.setQueryData(['settings'], saved),
  });
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setDraft(Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, String(settings.data.thresholds[k])])));
  }, [settings.data]);
  const editable = user?.role === 'program_office';
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  const fieldErrors = isApiError(save.error) ? Object.fromEntries(save.error.fieldErrors.map((e) => [e.field, e.messages])) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const thresholds = Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, Number(draft[k])]));
    save.mutate({ thresholds, version: settings.data.version });
  };

  return (
    <>
      <PageHeader title="Settings" subtitle="Thresholds of the stuck signs. Changes apply at the next update, assessment or sweep." />
      <form className="card settings-form" onSubmit={submit} noValidate>
        {save.isSuccess && <p className="notice" role="status">Saved.</p>}
        {save.error && !Object.keys(fieldErrors).length && <p className="form-error" role="alert">{save.error.message}</p>}
        {THRESHOLD_KEYS.map((key) => (
          <Field key={key} id={key} label={LABELS[key]} hint={`${THRESHOLD_LIMITS[key].min} to ${THRESHOLD_LIMITS[key].max}`} errors={fieldErrors[`thresholds.${key}`]}>
            {(props) => (
              <input {...props} type="number" step={THRESHOLD_LIMITS[key].integer ? 1 : 'any'} value={draft[key] ?? ''} readOnly={!editable} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
            )}
          </Field>
        ))}
        {editable && (
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save thresholds'}
          </button>
        )}
      </form>
    </>
  );
}
