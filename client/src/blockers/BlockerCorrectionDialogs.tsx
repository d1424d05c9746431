import { useState, type FormEvent } from 'react';
import type { Blocker } from '@liftoff/shared';
import { useBlockerMentions, useMergeBlockers, useSplitBlocker } from '../api/blockers';
import { isApiError } from '../api/http';
import { FormDialog } from '../components/Dialog';
import { ChoiceGroup } from '../components/form/Field';

/** The server's word on a failed correction: a field message, or why it was refused (409: reload). */
function failureOf(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error)) return error.fieldErrors[0]?.messages[0] ?? error.message;
  return error instanceof Error ? error.message : 'The change could not be saved.';
}

function DialogActions({ pending, label, onClose }: { pending: boolean; label: string; onClose: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
    </div>
  );
}

interface MergeProps {
  blocker: Blocker;
  /** The pilot's other blockers, any of which may absorb this one. */
  others: Blocker[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Program office: two blockers are one; this one's mentions and wordings join the chosen one. */
export function MergeBlockerDialog({ blocker, others, onClose, onDone }: MergeProps) {
  const merge = useMergeBlockers();
  const [intoId, setIntoId] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const into = others.find((other) => other.id === intoId);
    if (!into) return setMissing(true);
    merge.mutate({ blocker, into }, { onSuccess: (survivor) => onDone(`‘${blocker.text}’ merged into ‘${survivor.text}’ (${survivor.mentionCount} mentions).`) });
  };
  const failure = failureOf(merge.error);
  return (
    <FormDialog titleId="merge-blocker-title" title={`Merge ‘${blocker.text}’`} onClose={onClose} onSubmit={submit}>
      <p className="muted">Its {blocker.mentionCount === 1 ? 'mention moves' : `${blocker.mentionCount} mentions move`} to the blocker you choose, with the words each update used; this blocker is then removed.</p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <ChoiceGroup
        name="merge-into"
        legend="Same blocker as"
        options={others.map((other) => ({ value: other.id, label: `${other.text} (${other.status}, ${other.firstSeenWeek} to ${other.lastSeenWeek})` }))}
        value={intoId}
        onChange={(id) => {
          setIntoId(id);
          setMissing(false);
        }}
        errors={missing ? ['Choose the blocker it is the same as'] : undefined}
      />
      <DialogActions pending={merge.isPending} label="Merge" onClose={onClose} />
    </FormDialog>
  );
}

interface SplitProps {
  blocker: Blocker;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Program office: one update's mention was linked to the wrong blocker and becomes its own. */
export function SplitBlockerDialog({ blocker, onClose, onDone }: SplitProps) {
  const mentions = useBlockerMentions(blocker.id);
  const split = useSplitBlocker();
  const [updateId, setUpdateId] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!updateId) return setMissing(true);
    split.mutate({ blocker, updateId }, { onSuccess: ({ created }) => onDone(`The ${created.firstSeenWeek} mention is now a blocker of its own: ‘${created.text}’.`) });
  };
  const failure = failureOf(split.error ?? mentions.error);
  return (
    <FormDialog titleId="split-blocker-title" title={`Split a mention off ‘${blocker.text}’`} onClose={onClose} onSubmit={submit}>
      <p className="muted">The chosen update’s mention becomes a new blocker in the words that update used.</p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {mentions.isPending ? (
        <p className="muted">Loading the updates that reported it…</p>
      ) : (
        <ChoiceGroup
          name="split-update"
          legend="Wrongly linked mention"
          options={(mentions.data ?? []).map((mention) => ({ value: mention.updateId, label: `${mention.week}: ‘${mention.text}’` }))}
          value={updateId}
          onChange={(id) => {
            setUpdateId(id);
            setMissing(false);
          }}
          errors={missing ? ['Choose the mention to split off'] : undefined}
        />
      )}
      <DialogActions pending={split.isPending} label="Split off" onClose={onClose} />
    </FormDialog>
  );
}
