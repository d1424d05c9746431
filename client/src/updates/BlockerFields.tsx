import { BLOCKER_CATEGORIES, type BlockerCategory } from '@liftoff/shared';
import { ChoiceGroup, Field, FieldErrors } from '../components/form/Field';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { plural } from '../format/numbers';
import { LIMITS, newBlockerKey, openBlockerKey, type BlockerAction, type FormErrors, type NewBlockerRow, type OpenBlockerRow } from './update-form-model';

const ACTION_OPTIONS: { value: BlockerAction; label: string }[] = [
  { value: 'confirm', label: 'Still blocking' },
  { value: 'resolve', label: 'Resolved' },
  { value: 'reword', label: 'Reword' },
];

function CategorySelect({ id, value, onChange, describedBy }: { id: string; value: BlockerCategory | ''; onChange: (value: BlockerCategory) => void; describedBy?: string }) {
  return (
    <select id={id} className="input" value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value as BlockerCategory)}>
      <option value="" disabled>
        Choose a category
      </option>
      {BLOCKER_CATEGORIES.map((category) => (
        <option key={category} value={category}>
          {BLOCKER_CATEGORY_LABELS[category]}
        </option>
      ))}
    </select>
  );
}

export function OpenBlockerFields({ row, errors, onChange }: { row: OpenBlockerRow; errors: FormErrors; onChange: (row: OpenBlockerRow) => void }) {
  const { blocker } = row;
  const key = openBlockerKey(blocker.id);
  const baseId = `blocker-${blocker.id}`;
  return (
    <li className={`blocker-row blocker-row-${row.action}`}>
      <ChoiceGroup
        name={`${baseId}-action`}
        legend={blocker.text}
        hint={`${BLOCKER_CATEGORY_LABELS[blocker.category]} · reported since ${blocker.firstSeenWeek} · ${plural(blocker.mentionCount, 'update')}`}
        options={ACTION_OPTIONS}
        value={row.action}
        onChange={(action) => onChange({ ...row, action })}
      />
      {row.action === 'reword' && (
        <div className="blocker-reword">
          <Field id={`${baseId}-text`} label="New wording" errors={errors[key]}>
            {(control) => (
              <input {...control} className="input" maxLength={LIMITS.blockerText} value={row.text} onChange={(event) => onChange({ ...row, text: event.target.value })} />
            )}
          </Field>
          <div className="field">
            <label className="field-label" htmlFor={`${baseId}-category`}>
              Category
            </label>
            <CategorySelect id={`${baseId}-category`} value={row.category} onChange={(category) => onChange({ ...row, category })} />
          </div>
        </div>
      )}
      {row.action !== 'reword' && <FieldErrors id={`${baseId}-error`} errors={errors[key]} />}
    </li>
  );
}

interface NewBlockerFieldsProps {
  row: NewBlockerRow;
  index: number;
  errors: FormErrors;
  onChange: (row: NewBlockerRow) => void;
  onRemove: () => void;
}

export function NewBlockerFields({ row, index, errors, onChange, onRemove }: NewBlockerFieldsProps) {
  const baseId = `new-blocker-${row.key}`;
  const rowErrors = errors[newBlockerKey(row.key)];
  return (
    <li className="blocker-row blocker-row-new">
      <div className="blocker-new-fields">
        <Field id={`${baseId}-text`} label={`New blocker ${index + 1}`} errors={rowErrors}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={LIMITS.blockerText}
              placeholder="What is in the way?"
              value={row.text}
              onChange={(event) => onChange({ ...row, text: event.target.value })}
            />
          )}
        </Field>
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-category`}>
            Category
          </label>
          <CategorySelect id={`${baseId}-category`} value={row.category} onChange={(category) => onChange({ ...row, category })} describedBy={rowErrors ? `${baseId}-text-error` : undefined} />
        </div>
        <button type="button" className="button button-quiet blocker-remove" onClick={onRemove} aria-label={`Remove new blocker ${index + 1}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
