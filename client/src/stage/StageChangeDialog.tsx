import { useState, type FormEvent } from 'react';
import type { Pilot, Stage } from '@liftoff/shared';
import { useChangeStage } from '../api/pilots';
import { FormDialog } from '../components/Dialog';
import { ChoiceGroup, Field } from '../components/form/Field';
import { fieldErrorsOf, FormProblem } from '../components/form/form-errors';
import { STAGE_LABELS } from '../format/labels';
import { stageMoves } from './stage-moves';

interface StageChangeDialogProps {
  pilot: Pilot;
  onClose: () => void;
  onChanged: (message: string) => void;
  /** Reads the pilot again after a stale edit. */
  onReload: () => void;
}

/** Moves a pilot to another stage the rules allow, with the reason kept in its stage history. */
export function StageChangeDialog({ pilot, onClose, onChanged, onReload }: StageChangeDialogProps) {
  const change = useChangeStage(pilot.id);
  const moves = stageMoves(pilot.stage);
  const [to, setTo] = useState<Stage | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const server = fieldErrorsOf(change.error);
  const chosen = moves.find((move) => move.to === to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!to) found.stage = ['Choose where the pilot goes'];
    if (!note.trim()) found.note = ['Give the reason; it is kept in the stage history'];
    setErrors(found);
    if (!to || Object.keys(found).length > 0) return;
    change.mutate(
      { stage: to, version: pilot.version, note: note.trim() },
      {
        onSuccess: (moved) => {
          onChanged(`${pilot.name} is now ${STAGE_LABELS[moved.stage].toLowerCase()}.`);
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog titleId="stage-change-title" title={`Change the stage of ${pilot.name}`} onClose={onClose} onSubmit={submit}>
      <p>
        Now <strong>{STAGE_LABELS[pilot.stage]}</strong>.
      </p>
      <FormProblem
        error={change.error}
        shownFields={['stage', 'note']}
        subject="This pilot"
        onReload={() => {
          change.reset();
          onReload();
        }}
      />
      {moves.length === 0 ? (
        <p>This pilot is closed; its stage cannot change any more.</p>
      ) : (
        <ChoiceGroup
          name="stage"
          legend="Move"
          options={moves.map((move) => ({ value: move.to, label: move.label }))}
          value={to}
          onChange={(value) => {
            setTo(value);
            setErrors(({ stage: _done, ...rest }) => rest);
          }}
          errors={errors.stage ?? server.stage}
          hint={chosen?.effect}
        />
      )}
      <Field id="stage-change-note" label="Reason" errors={errors.note ?? server.note} hint="Why now: kept in the stage history for everyone to read.">
        {(props) => (
          <textarea
            {...props}
            className="input"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setErrors(({ note: _done, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={change.isPending || moves.length === 0}>
          {change.isPending ? 'Saving…' : 'Change stage'}
        </button>
      </div>
    </FormDialog>
  );
}
