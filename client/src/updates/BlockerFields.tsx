import { useEffect } from 'react';
import { BLOCKER_CATEGORIES, MAX_BLOCKER_SUGGESTIONS, type BlockerCategory } from '@liftoff/shared';
import { useBlockerMatches } from '../api/blockers';
import { ChoiceGroup, Field, FieldErrors } from '../components/form/Field';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { plural } from '../format/numbers';
import {
  LIMITS,
  NEW_BLOCKER,
  newBlockerKey,
  openBlockerKey,
  sameAsKey,
  sameOffer,
  withOffer,
  type BlockerAction,
  type FormErrors,
  type NewBlockerRow,
  type OfferedBlocker,
  type OpenBlockerRow,
} from './update-form-model';

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
  const resolved = blocker.status === 'resolved';
  return (
    <li className={`blocker-row blocker-row-${row.action}`}>
      <ChoiceGroup
        name={`${baseId}-action`}
        legend={blocker.text}
        hint={`${BLOCKER_CATEGORY_LABELS[blocker.category]} · reported since ${blocker.firstSeenWeek} · ${plural(blocker.mentionCount, 'update')}${resolved ? ' · since resolved' : ''}`}
        // Editing an older update: a blocker resolved since cannot be resolved again.
        options={resolved ? ACTION_OPTIONS.filter((option) => option.value !== 'resolve') : ACTION_OPTIONS}
        value={row.action}
        onChange={(action) => onChange({ ...row, action })}
      />
      {row.action === 'reword' && (
        <div className="blocker-reword">
          <Field id={`${baseId}-text`} label="New wording" errors={errors[key]} hint="Kept with this blocker, so later reports in these words are recognised.">
            {(control) => (
              <input {...control} className="input" maxLength={LIMITS.blockerText} value={row.text} onChange={(event) => onChange({ ...row, text: event.target.value })} />
            )}
          </Field>
        </div>
      )}
      {row.action !== 'reword' && <FieldErrors id={`${baseId}-error`} errors={errors[key]} />}
    </li>
  );
}

/** "Same as '<text>'?" for the open blockers a new blocker's text resembles. */
function SameAsPrompt({ row, baseId, errors, onChange }: { row: NewBlockerRow; baseId: string; errors?: string[]; onChange: (row: NewBlockerRow) => void }) {
  if (row.offered.length === 0) return null;
  const [first] = row.offered;
  const single = row.offered.length === 1;
  const options = single
    ? [{ value: first.blockerId, label: 'Yes, the same blocker' }]
    : row.offered.map((offer) => ({ value: offer.blockerId, label: `Same as ‘${offer.text}’` }));
  return (
    <ChoiceGroup
      name={`${baseId}-same-as`}
      legend={single ? `Same as ‘${first.text}’?` : 'Same as one of the open blockers?'}
      hint="It resembles an open blocker of this pilot. Linking keeps its history in one place."
      options={[...options, { value: NEW_BLOCKER, label: 'No, a new blocker' }]}
      value={row.sameAs}
      onChange={(sameAs) => onChange({ ...row, sameAs })}
      errors={errors}
      className="blocker-same-as"
    />
  );
}

interface NewBlockerFieldsProps {
  pilotId: string;
  row: NewBlockerRow;
  index: number;
  errors: FormErrors;
  onChange: (row: NewBlockerRow) => void;
  onRemove: () => void;
}

export function NewBlockerFields({ pilotId, row, index, errors, onChange, onRemove }: NewBlockerFieldsProps) {
  const baseId = `new-blocker-${row.key}`;
  const rowErrors = errors[newBlockerKey(row.key)];
  const { text, matches } = useBlockerMatches(pilotId, row.text);
  // Offer what matches the text as it is now; matches for an earlier text are not offered.
  const current = text === row.text.trim();
  useEffect(() => {
    if (!current) return;
    const offered: OfferedBlocker[] = matches.slice(0, MAX_BLOCKER_SUGGESTIONS).map((m) => ({ blockerId: m.blockerId, text: m.text }));
    if (!sameOffer(row.offered, offered)) onChange(withOffer(row, offered));
  }, [current, matches, row, onChange]);
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
      <SameAsPrompt row={row} baseId={baseId} errors={errors[sameAsKey(row.key)]} onChange={onChange} />
    </li>
  );
}
