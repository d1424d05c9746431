import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { HEALTHS, type Blocker, type Kpi, type Pilot, type WeeklyUpdate } from '@liftoff/shared';
import { ChoiceGroup, Field } from '../components/form/Field';
import { HEALTH_LABELS } from '../format/labels';
import { formatNumber } from '../format/numbers';
import { NewBlockerFields, OpenBlockerFields } from './BlockerFields';
import {
  FORM_ERROR_KEY,
  LIMITS,
  emptyNewBlocker,
  initialFormValues,
  kpiKey,
  newBlockerKey,
  sameAsKey,
  validateUpdateForm,
  type FormErrors,
  type NewBlockerRow,
  type UpdateFormValues,
  type YesNo,
} from './update-form-model';
import { recentWeekOptions } from './week-options';
import { previousValues } from './last-week';
import { DraftNotice, Previous, WeekSection } from './update-form-parts';
import type { DraftScope } from './update-draft';
import { useUpdateDraft } from './use-update-draft';

interface WeeklyUpdateFormProps {
  pilot: Pilot;
  kpis: Kpi[];
  openBlockers: Blocker[];
  defaultWeek: string;
  today: Date;
  /** Editing a posted update: its week is fixed and the form starts from `initialValues`. */
  mode?: 'new' | 'edit';
  initialValues?: UpdateFormValues;
  /** The edited update's version. */
  version?: number;
  /** Whose draft this is; left out, no local draft is kept. */
  draftScope?: DraftScope;
  /** The pilot's latest updates, newest first: their values are shown beside the fields. */
  recentUpdates?: WeeklyUpdate[];
  /** Where the update already posted for a week is edited, if there is one. */
  editPathFor?: (week: string) => string | undefined;
  /** Shown in the form's alert above the field errors while this week is chosen, e.g. a link to its existing update. */
  alertFor?: (week: string) => ReactNode;
  /** Shown above the form, e.g. a stale edit with its Reload button. */
  problem?: ReactNode;
  /** Saves the update (an edit against `version`); resolves with errors to show, or nothing when it is done. */
  onSubmit: (values: UpdateFormValues, version?: number) => Promise<FormErrors | void>;
  onCancel: () => void;
}

const HEALTH_OPTIONS = HEALTHS.map((health) => ({ value: health, label: <span className={`health-choice health-choice-${health}`}>{HEALTH_LABELS[health]}</span> }));
const YES_NO_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

const replaceAt = <T,>(items: T[], index: number, item: T): T[] => items.map((current, i) => (i === index ? item : current));

export function WeeklyUpdateForm(props: WeeklyUpdateFormProps) {
  const { pilot, kpis, openBlockers, defaultWeek, today, mode = 'new', initialValues, version, draftScope, recentUpdates = [], editPathFor, onSubmit, onCancel } = props;
  const weekOptions = recentWeekOptions(today);
  const [base] = useState(() => initialValues ?? initialFormValues({ week: defaultWeek, openBlockers }));
  const draft = useUpdateDraft({ scope: draftScope, base, kpiIds: kpis.map((kpi) => kpi.id), weeks: weekOptions.map((option) => option.value), version });
  const { values, setValues } = draft;
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // Restored rows keep their keys: new ones count on from them.
  const nextRowKey = useRef(Math.max(0, ...values.newBlockers.map((row) => Number(row.key.slice(1)) || 0)));
  const previous = previousValues(recentUpdates, values.week);

  // After a failed submit, take keyboard users to the first field that needs attention.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('fieldset') ? invalid.querySelector<HTMLElement>('input') : invalid;
    (target ?? formRef.current?.querySelector<HTMLElement>('.form-alert, .stale-edit button'))?.focus();
  }, [attempt]);

  /** Updates one field and clears its errors: the message has done its job once the user acts. */
  function set<K extends keyof UpdateFormValues>(field: K, value: UpdateFormValues[K], errorKeys: string | string[] = field) {
    setValues((current) => ({ ...current, [field]: value }));
    const keys = ([] as string[]).concat(errorKeys).filter((key) => errors[key]);
    if (keys.length > 0) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key))));
  }

  /** A new blocker row changed: by the lead, or by the matches offered for its text. */
  const changeNewBlocker = useCallback((next: NewBlockerRow) => {
    setValues((current) => ({ ...current, newBlockers: current.newBlockers.map((row) => (row.key === next.key ? next : row)) }));
    setErrors((current) => {
      const cleared = [newBlockerKey(next.key), sameAsKey(next.key)];
      return cleared.some((key) => current[key]) ? Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.includes(key))) : current;
    });
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const clientErrors = validateUpdateForm(values);
    if (Object.keys(clientErrors).length === 0) {
      setSubmitting(true);
      const serverErrors = await onSubmit(values, draft.baseVersion);
      setSubmitting(false);
      if (!serverErrors) return draft.finish();
      setErrors(serverErrors);
    } else {
      setErrors(clientErrors);
    }
    setAttempt((n) => n + 1);
  }

  function cancel() {
    if (draft.dirty && !window.confirm('Leave without saving? What you typed in this update will be discarded.')) return;
    draft.finish();
    onCancel();
  }

  const errorCount = Object.keys(errors).length;
  const formErrors = errors[FORM_ERROR_KEY];
  const alert = props.alertFor?.(values.week);
  return (
    <form ref={formRef} className="update-form" noValidate onSubmit={handleSubmit} aria-label="Weekly update">
      {props.problem}
      {draft.restoredAt && <DraftNotice savedAt={draft.restoredAt} edit={mode === 'edit'} onDiscard={draft.discard} />}
      {(errorCount > 0 || alert) && (
        <div className="form-alert" role="alert" tabIndex={-1}>
          {alert}
          {formErrors?.length ? formErrors.map((message) => <p key={message}>{message}</p>) : null}
          {errorCount > (formErrors ? 1 : 0) && <p>Please check the highlighted {errorCount === 1 ? 'field' : 'fields'}.</p>}
        </div>
      )}

      <WeekSection
        edit={mode === 'edit'}
        week={values.week}
        options={weekOptions}
        errors={errors.week}
        editPath={mode === 'new' ? editPathFor?.(values.week) : undefined}
        alreadyPosted={pilot.lastUpdateWeek === values.week}
        onChange={(week) => set('week', week)}
      />

      <section className="form-section">
        <h2 className="form-section-title">How it went</h2>
        <ChoiceGroup
          name="health"
          legend="Health"
          hint={previous && <Previous previous={previous.health} format={(health) => HEALTH_LABELS[health]} />}
          options={HEALTH_OPTIONS}
          value={values.health}
          onChange={(health) => set('health', health)}
          errors={errors.health}
        />
        <Field id="summary" label="Summary" errors={errors.summary} hint="What moved, what didn’t, what you need.">
          {(control) => (
            <textarea {...control} className="input" rows={4} maxLength={LIMITS.summary} value={values.summary} onChange={(event) => set('summary', event.target.value)} />
          )}
        </Field>
        <Field id="confidence" label="Confidence" errors={errors.confidence} hint={<>1 = unlikely to reach production, 5 = sure it will.<Previous previous={previous?.confidence} /></>} className="field-narrow">
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={1} max={5} step={1} className="input" value={values.confidence} onChange={(event) => set('confidence', event.target.value)} />
          )}
        </Field>
      </section>

      <section className="form-section">
        <h2 className="form-section-title">Adoption</h2>
        <div className="form-row">
          <Field id="activeUsers" label="Active users" errors={errors.activeUsers} hint={<>People who used it this week.<Previous previous={previous?.activeUsers} format={formatNumber} /></>}>
            {(control) => (
              <input {...control} type="number" inputMode="numeric" min={0} step={1} className="input" value={values.activeUsers} onChange={(event) => set('activeUsers', event.target.value)} />
            )}
          </Field>
          <Field id="activeUsersOutsideTeam" label="Active users outside the pilot team" errors={errors.activeUsersOutsideTeam} hint={<>Of those, how many aren’t on the pilot team.<Previous previous={previous?.activeUsersOutsideTeam} format={formatNumber} /></>}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                className="input"
                value={values.activeUsersOutsideTeam}
                onChange={(event) => set('activeUsersOutsideTeam', event.target.value)}
              />
            )}
          </Field>
        </div>
      </section>

      <section className="form-section">
        <h2 className="form-section-title">Signals</h2>
        <div className="form-row">
          <ChoiceGroup
            name="scaleQuestionAsked"
            legend="Did leadership ask when this will scale?"
            options={YES_NO_OPTIONS}
            value={values.scaleQuestionAsked}
            onChange={(answer: YesNo) => set('scaleQuestionAsked', answer)}
            errors={errors.scaleQuestionAsked}
          />
          <ChoiceGroup
            name="resourcesRedirected"
            legend="Were people or budget moved away from the pilot?"
            options={YES_NO_OPTIONS}
            value={values.resourcesRedirected}
            onChange={(answer: YesNo) => set('resourcesRedirected', answer)}
            errors={errors.resourcesRedirected}
          />
          <ChoiceGroup
            name="pivotSuggested"
            legend="Would a different user group or workflow fit better? (optional)"
            hint="Say yes when the pilot shows more promise for other people or another process than the one it targets."
            options={YES_NO_OPTIONS}
            value={values.pivotSuggested}
            onChange={(answer: YesNo) => set('pivotSuggested', answer)}
            errors={errors.pivotSuggested}
          />
        </div>
      </section>

      {kpis.length > 0 && (
        <section className="form-section">
          <h2 className="form-section-title">KPI readings</h2>
          <p className="form-section-hint">Leave a KPI empty if it wasn’t measured this week.</p>
          <div className="form-grid">
            {kpis.map((kpi) => (
              <Field
                key={kpi.id}
                id={`kpi-${kpi.id}`}
                label={`${kpi.name} (${kpi.unit})`}
                errors={errors[kpiKey(kpi.id)]}
                hint={
                  <>
                    Baseline {formatNumber(kpi.baseline)} · target {formatNumber(kpi.target)}
                    <Previous previous={previous?.kpis[kpi.id]} format={formatNumber} />
                  </>
                }
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    step="any"
                    className="input"
                    value={values.kpiValues[kpi.id] ?? ''}
                    onChange={(event) => set('kpiValues', { ...values.kpiValues, [kpi.id]: event.target.value }, kpiKey(kpi.id))}
                  />
                )}
              </Field>
            ))}
          </div>
        </section>
      )}

      <section className="form-section">
        <h2 className="form-section-title">Blockers</h2>
        {values.openBlockers.length > 0 ? (
          <>
            <p className="form-section-hint">Open blockers from earlier updates. Keep the ones still in the way, mark the resolved ones, or reword.</p>
            <ul className="blocker-list">
              {values.openBlockers.map((row, index) => (
                <OpenBlockerFields
                  key={row.blocker.id}
                  row={row}
                  errors={errors}
                  onChange={(next) => set('openBlockers', replaceAt(values.openBlockers, index, next), `blocker:${row.blocker.id}`)}
                />
              ))}
            </ul>
          </>
        ) : (
          <p className="form-section-hint">No open blockers. Add one if something is in the way.</p>
        )}
        {values.newBlockers.length > 0 && (
          <ul className="blocker-list">
            {values.newBlockers.map((row, index) => (
              <NewBlockerFields
                key={row.key}
                pilotId={pilot.id}
                row={row}
                index={index}
                errors={errors}
                onChange={changeNewBlocker}
                onRemove={() => set('newBlockers', values.newBlockers.filter((r) => r.key !== row.key), [newBlockerKey(row.key), sameAsKey(row.key)])}
              />
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button"
          onClick={() => set('newBlockers', [...values.newBlockers, emptyNewBlocker(`n${(nextRowKey.current += 1)}`)])}
        >
          + Add a blocker
        </button>
      </section>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {mode === 'edit' ? (submitting ? 'Saving…' : 'Save changes') : submitting ? 'Posting…' : 'Post update'}
        </button>
        <button type="button" className="button button-quiet" onClick={cancel} disabled={submitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}
