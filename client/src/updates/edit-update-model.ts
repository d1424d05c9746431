import type { Blocker, EditWeeklyUpdateRequest, UpdateBlockerRef, WeeklyUpdate } from '@liftoff/shared';
import { toCreateRequest, type BuiltRequest, type UpdateFormValues, type YesNo } from './update-form-model';

const yesNo = (answer: boolean): YesNo => (answer ? 'yes' : 'no');

/** A blocker the register no longer lists in full (it should): enough for its row in the form. */
function blockerFromRef(ref: UpdateBlockerRef, update: WeeklyUpdate): Blocker {
  return {
    id: ref.id,
    pilotId: update.pilotId,
    text: ref.text,
    category: ref.category,
    status: ref.status,
    firstSeenWeek: update.week,
    lastSeenWeek: update.week,
    mentionCount: 1,
    resolvedAt: null,
    resolutionNote: null,
    version: 0,
  };
}

/**
 * The form as the posted update left it: its answers, its readings, and the blockers it reported,
 * each kept as reported unless the lead changes it.
 */
export function valuesFromUpdate(update: WeeklyUpdate, pilotBlockers: Blocker[]): UpdateFormValues {
  const byId = new Map(pilotBlockers.map((blocker) => [blocker.id, blocker]));
  return {
    week: update.week,
    health: update.health,
    summary: update.summary,
    confidence: String(update.confidence),
    activeUsers: String(update.activeUsers),
    activeUsersOutsideTeam: String(update.activeUsersOutsideTeam),
    scaleQuestionAsked: yesNo(update.scaleQuestionAsked),
    resourcesRedirected: yesNo(update.resourcesRedirected),
    pivotSuggested: yesNo(update.pivotSuggested),
    kpiValues: Object.fromEntries(update.kpiReadings.map((reading) => [reading.kpiId, String(reading.value)])),
    openBlockers: update.blockers.map((ref) => {
      const blocker = byId.get(ref.id) ?? blockerFromRef(ref, update);
      return { blocker, action: 'confirm', text: blocker.text, category: blocker.category };
    }),
    newBlockers: [],
  };
}

/**
 * The edit's body: every field as the form holds it (the week stays), checked against `version`.
 * The blockers go only when the lead changed them: reporting a since-resolved blocker again would
 * reopen it, which correcting a typo in an old update must not do.
 */
export function toEditRequest(values: UpdateFormValues, version: number): Omit<BuiltRequest, 'body'> & { body: EditWeeklyUpdateRequest } {
  const {
    body: { week: _week, blockers, resolvedBlockers, ...fields },
    fieldMap,
  } = toCreateRequest(values);
  const blockersChanged = values.newBlockers.length > 0 || values.openBlockers.some((row) => row.action !== 'confirm');
  return { body: blockersChanged ? { ...fields, blockers, resolvedBlockers, version } : { ...fields, version }, fieldMap };
}
