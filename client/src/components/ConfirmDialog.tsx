import type { FormEvent, ReactNode } from 'react';
import { FormDialog } from './Dialog';

interface ConfirmDialogProps {
  titleId: string;
  title: string;
  /** What the action does, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The refusal to show, when the action failed. */
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** A destructive action asked once more: its effect in words, Cancel, and a danger button. */
export function ConfirmDialog({ titleId, title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onClose }: ConfirmDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <FormDialog titleId={titleId} title={title} onClose={onClose} onSubmit={submit}>
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-danger" disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </FormDialog>
  );
}
