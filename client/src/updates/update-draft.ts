import type { UpdateFormValues } from './update-form-model';

/**
 * Drafts of the weekly update form in localStorage, so typed text survives a reload, a cancelled
 * navigation or a session that ended: keyed by person and pilot, then by week (a new update) or by
 * update id (an edit).
 */
export interface DraftScope {
  userId: string;
  pilotId: string;
  /** Set when editing a posted update. */
  updateId?: string;
}

export interface StoredDraft {
  values: UpdateFormValues;
  savedAt: string;
  /** An edit's draft: the update's version it started from, so a later change by someone else is caught. */
  version?: number;
}

const PREFIX = 'liftoff.update-draft';
const weekPrefix = (scope: DraftScope) => `${PREFIX}.${scope.userId}.${scope.pilotId}.week.`;

export function draftKey(scope: DraftScope, week: string): string {
  return scope.updateId ? `${PREFIX}.${scope.userId}.${scope.pilotId}.update.${scope.updateId}` : `${weekPrefix(scope)}${week}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the form works, only without drafts
  }
}

export function saveDraft(key: string, draft: StoredDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: keep the form usable.
  }
}

export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

function readDraft(key: string): StoredDraft | null {
  const text = storage()?.getItem(key);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as StoredDraft;
    const values = draft?.values;
    const wellFormed = typeof draft.savedAt === 'string' && typeof values?.week === 'string' && typeof values.summary === 'string' && Array.isArray(values.openBlockers) && Array.isArray(values.newBlockers);
    return wellFormed ? draft : null;
  } catch {
    return null;
  }
}

/** This scope's draft: an edit's own, or the newest new-update draft for one of `weeks`. */
export function findDraft(scope: DraftScope, weeks: readonly string[]): StoredDraft | null {
  if (scope.updateId) return readDraft(draftKey(scope, ''));
  const drafts = weeks.map((week) => readDraft(draftKey(scope, week))).filter((draft): draft is StoredDraft => draft !== null);
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0] ?? null;
}

/** Forgets this scope's drafts (an edit's, or every week's new-update draft of the pilot). */
export function discardDrafts(scope: DraftScope): void {
  const store = storage();
  if (!store) return;
  if (scope.updateId) return removeDraft(draftKey(scope, ''));
  const prefix = weekPrefix(scope);
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => key?.startsWith(prefix) ?? false);
  keys.forEach((key) => store.removeItem(key));
}

/**
 * A stored draft laid over the form as it starts now: blockers and KPIs that are gone are dropped,
 * blockers opened since are added, and the offers of matching blockers are asked for again.
 */
export function mergeDraft(draft: UpdateFormValues, base: UpdateFormValues, kpiIds: readonly string[], weekFixed: boolean): UpdateFormValues {
  const saved = new Map(draft.openBlockers.map((row) => [row.blocker.id, row]));
  return {
    ...base,
    week: weekFixed ? base.week : draft.week,
    health: draft.health,
    summary: draft.summary,
    confidence: draft.confidence,
    activeUsers: draft.activeUsers,
    activeUsersOutsideTeam: draft.activeUsersOutsideTeam,
    scaleQuestionAsked: draft.scaleQuestionAsked,
    resourcesRedirected: draft.resourcesRedirected,
    pivotSuggested: draft.pivotSuggested,
    kpiValues: Object.fromEntries(Object.entries(draft.kpiValues ?? {}).filter(([kpiId]) => kpiIds.includes(kpiId))),
    openBlockers: base.openBlockers.map((row) => {
      const kept = saved.get(row.blocker.id);
      return kept ? { ...row, action: kept.action, text: kept.text, category: kept.category } : row;
    }),
    newBlockers: draft.newBlockers.map((row) => ({ ...row, offered: [], sameAs: '' })),
  };
}
