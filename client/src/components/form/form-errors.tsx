import { isApiError } from '../../api/http';

/** The API's 400 field errors by field path (`name`, `kpiReadings.0.value`), for placing under each control. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.messages]));
}

/** When and by whom, for a stale-edit message: "Ada Lead changed it at 1 Dec 2026, 20:31". */
function whoChanged(error: unknown): string {
  const stale = isApiError(error) ? error.staleEdit : null;
  if (!stale?.changedAt) return 'Someone else changed it';
  const at = new Date(stale.changedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${stale.changedBy?.name ?? 'The system'} changed it at ${at}`;
}

interface FormProblemProps {
  error: unknown;
  /** Fields this form places errors under; errors for any other field are listed here instead. */
  shownFields: readonly string[];
  /** Reads the record again and starts the form over from it. */
  onReload: () => void;
  /** What is being edited, e.g. "This pilot". */
  subject: string;
}

/**
 * What went wrong with a save that no single field explains: a stale edit (with who changed the
 * record and a Reload button; nothing was overwritten) or the API's own message.
 */
export function FormProblem({ error, shownFields, onReload, subject }: FormProblemProps) {
  if (!error) return null;
  if (isApiError(error) && error.staleEdit) {
    return (
      <div className="form-error stale-edit" role="alert">
        <p>
          {subject} was changed after you opened it: {whoChanged(error)}. Your changes were not saved, so nothing was overwritten.
        </p>
        <button type="button" className="button button-small" onClick={onReload}>
          Reload
        </button>
      </div>
    );
  }
  const fields = isApiError(error) ? error.fieldErrors : [];
  const elsewhere = fields.filter((e) => !shownFields.includes(e.field));
  if (fields.length > 0 && elsewhere.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {elsewhere.length > 0 ? (
        elsewhere.map((e) => <p key={e.field}>{e.messages.join('; ')}</p>)
      ) : (
        <p>{error instanceof Error ? error.message : 'The change could not be saved.'}</p>
      )}
    </div>
  );
}
