import { useEffect, useMemo, useRef, useState } from 'react';
import { draftKey, findDraft, mergeDraft, removeDraft, saveDraft, type DraftScope } from './update-draft';
import type { UpdateFormValues } from './update-form-model';

interface UseUpdateDraftArgs {
  /** Whose draft of what; left out, nothing is kept. */
  scope?: DraftScope;
  /** The form as it starts without a draft. */
  base: UpdateFormValues;
  kpiIds: readonly string[];
  /** Weeks a new update may report on: a draft for an older week is not restored. */
  weeks: readonly string[];
  /** The version an edit starts from. */
  version?: number;
}

/** The form's values, kept as a local draft while they differ from where the form started. */
export function useUpdateDraft({ scope, base, kpiIds, weeks, version }: UseUpdateDraftArgs) {
  const weekFixed = Boolean(scope?.updateId);
  const [restored, setRestored] = useState(() => (scope ? findDraft(scope, weeks) : null));
  const [values, setValues] = useState(() => (restored ? mergeDraft(restored.values, base, kpiIds, weekFixed) : base));
  const savedKey = useRef<string | null>(null);
  const finished = useRef(false);

  // Choosing another week alone is not worth keeping.
  const dirty = useMemo(() => JSON.stringify({ ...values, week: base.week }) !== JSON.stringify(base), [values, base]);
  // A restored edit goes back with the version it started from: if the update changed since, the server says so.
  const baseVersion = restored?.version ?? version;

  const key = scope ? draftKey(scope, values.week) : null;
  useEffect(() => {
    if (!key || finished.current) return;
    if (savedKey.current && savedKey.current !== key) removeDraft(savedKey.current);
    if (dirty) {
      saveDraft(key, { values, savedAt: new Date().toISOString(), version: baseVersion });
      savedKey.current = key;
    } else {
      removeDraft(key);
      savedKey.current = null;
    }
  }, [key, values, dirty, baseVersion]);

  // Leaving the page (reload, closing the tab, typing an address) asks first while there is unsaved text.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Forgets the draft: saved, discarded or cancelled. */
  function finish() {
    finished.current = true;
    if (key) removeDraft(key);
  }

  function discard() {
    if (key) removeDraft(key);
    setRestored(null);
    setValues(base);
  }

  return { values, setValues, dirty, restoredAt: restored?.savedAt ?? null, baseVersion, finish, discard };
}
