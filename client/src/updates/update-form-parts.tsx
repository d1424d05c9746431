import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../components/form/Field';
import type { PreviousValue } from './last-week';
import type { WeekOption } from './week-options';

/** "Last week: 4", beside a field. */
export function Previous<T>({ previous, format = String }: { previous?: PreviousValue<T>; format?: (value: T) => string }) {
  if (!previous) return null;
  return (
    <span className="field-hint-previous">
      {' '}
      {previous.label}: {format(previous.value)}
    </span>
  );
}

/** A draft was restored: say so, and offer to start over. */
export function DraftNotice({ savedAt, edit, onDiscard }: { savedAt: string; edit: boolean; onDiscard: () => void }) {
  return (
    <div className="form-notice" role="status">
      <p>
        Restored the draft you had not {edit ? 'saved' : 'posted'} (from{' '}
        {new Date(savedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}).
      </p>
      <button type="button" className="button button-small button-quiet" onClick={onDiscard}>
        Discard draft
      </button>
    </div>
  );
}

interface WeekSectionProps {
  /** Editing: the week of a posted update is fixed. */
  edit: boolean;
  week: string;
  options: WeekOption[];
  errors?: string[];
  /** Where the update already posted for this week is edited. */
  editPath?: string;
  alreadyPosted: boolean;
  onChange: (week: string) => void;
}

export function WeekSection({ edit, week, options, errors, editPath, alreadyPosted, onChange }: WeekSectionProps) {
  const hint: ReactNode = edit ? (
    'The week of a posted update stays as it is.'
  ) : editPath ? (
    <>
      This pilot already has an update for {week}. <Link to={editPath}>Edit that update</Link>
    </>
  ) : alreadyPosted ? (
    `This pilot already has an update for ${week}.`
  ) : undefined;
  return (
    <section className="form-section">
      <h2 className="form-section-title">Week</h2>
      <div className="form-row">
        <Field id="week" label="Week reported on" errors={errors} hint={hint}>
          {(control) => (
            <select {...control} className="input" value={week} disabled={edit} onChange={(event) => onChange(event.target.value)}>
              {(edit ? [{ value: week, label: week }] : options).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </section>
  );
}
