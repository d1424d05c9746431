import { changedFields, subjectOf, type AuditEventView, type DecisionView, type PortfolioBlocker, type ScaleQueueItem, type SignalFlag } from '@liftoff/shared';
import type { ExportColumn } from '../spreadsheets/spreadsheet-stream';

/**
 * The columns of each list's export. Headers are snake_case like the import's files; coded values
 * (stage, signal, status…) keep the API's codes so a sheet can be filtered on them. Cells holding
 * several items put one on each line. Times are UTC.
 */

/** Every character of a changed value: a file has the room the page does not. */
const WHOLE_VALUES = { maxLength: Number.POSITIVE_INFINITY };

export const FLAG_EXPORT_COLUMNS: readonly ExportColumn<SignalFlag>[] = [
  { header: 'pilot_name', type: 'text', value: (f) => f.pilotName },
  { header: 'business_unit', type: 'text', value: (f) => f.businessUnitName },
  { header: 'stage', type: 'text', value: (f) => f.stage },
  { header: 'signal', type: 'text', value: (f) => f.kind },
  { header: 'status', type: 'text', value: (f) => f.status },
  { header: 'summary', type: 'text', value: (f) => f.summary },
  { header: 'condition_since', type: 'date', value: (f) => f.conditionSince },
  { header: 'opened_at', type: 'datetime', value: (f) => f.openedAt },
  { header: 'last_seen_at', type: 'datetime', value: (f) => f.lastSeenAt },
  { header: 'resolved_at', type: 'datetime', value: (f) => f.resolvedAt },
];

export const BLOCKER_EXPORT_COLUMNS: readonly ExportColumn<PortfolioBlocker>[] = [
  { header: 'pilot_name', type: 'text', value: (b) => b.pilotName },
  { header: 'business_unit', type: 'text', value: (b) => b.businessUnitName },
  { header: 'blocker', type: 'text', value: (b) => b.text },
  { header: 'category', type: 'text', value: (b) => b.category },
  { header: 'status', type: 'text', value: (b) => b.status },
  { header: 'first_seen_week', type: 'text', value: (b) => b.firstSeenWeek },
  { header: 'last_seen_week', type: 'text', value: (b) => b.lastSeenWeek },
  { header: 'mentions', type: 'integer', value: (b) => b.mentionCount },
  { header: 'resolved_at', type: 'datetime', value: (b) => b.resolvedAt },
  { header: 'resolution_note', type: 'text', value: (b) => b.resolutionNote },
];

export const DECISION_EXPORT_COLUMNS: readonly ExportColumn<DecisionView>[] = [
  { header: 'decided_at', type: 'datetime', value: (d) => d.decidedAt },
  { header: 'pilot_name', type: 'text', value: (d) => d.pilotName },
  { header: 'decision', type: 'text', value: (d) => d.kind },
  { header: 'correction', type: 'boolean', value: (d) => d.supersedesId !== null },
  { header: 'rationale', type: 'text', value: (d) => d.rationale },
  { header: 'decided_by', type: 'text', value: (d) => d.decidedBy.name },
  { header: 'next_review_date', type: 'date', value: (d) => d.nextReviewDate },
  { header: 'recommended_action', type: 'text', value: (d) => d.recommendedAction },
  { header: 'followed_recommendation', type: 'boolean', value: (d) => (d.recommendedAction ? d.followedRecommendation : null) },
  { header: 'readiness_score_then', type: 'number', value: (d) => d.snapshot.recommendation?.readinessScore },
];

export const SCALE_QUEUE_EXPORT_COLUMNS: readonly ExportColumn<ScaleQueueItem>[] = [
  { header: 'rank', type: 'integer', value: (q) => q.rank },
  { header: 'pilot_name', type: 'text', value: (q) => q.pilotName },
  { header: 'business_unit', type: 'text', value: (q) => q.businessUnitName },
  { header: 'stage', type: 'text', value: (q) => q.stage },
  { header: 'sponsor', type: 'text', value: (q) => q.sponsor?.name },
  { header: 'readiness_score', type: 'number', value: (q) => q.readinessScore },
  { header: 'annual_value_at_scale', type: 'number', value: (q) => q.annualValueAtScale },
  { header: 'cost_to_scale', type: 'number', value: (q) => q.costToScale },
  { header: 'days_waiting', type: 'integer', value: (q) => q.daysWaiting },
  { header: 'recommendation', type: 'text', value: (q) => q.recommendation },
  { header: 'reasons', type: 'text', value: (q) => q.reasons.join('\n') },
  { header: 'blocking_pattern', type: 'text', value: (q) => q.blockingPattern },
  { header: 'blocked_reason', type: 'text', value: (q) => q.blockedReason },
  { header: 'last_decision_at', type: 'datetime', value: (q) => q.lastDecisionAt },
];

export const AUDIT_EXPORT_COLUMNS: readonly ExportColumn<AuditEventView>[] = [
  { header: 'at', type: 'datetime', value: (e) => e.at },
  { header: 'actor', type: 'text', value: (e) => (e.actorId ? (e.actorName ?? 'Removed person') : 'System') },
  { header: 'actor_id', type: 'text', value: (e) => e.actorId },
  { header: 'action', type: 'text', value: (e) => e.action },
  { header: 'record_type', type: 'text', value: (e) => e.entity },
  { header: 'record_id', type: 'text', value: (e) => e.entityId },
  { header: 'record', type: 'text', value: (e) => subjectOf(e, WHOLE_VALUES) },
  {
    header: 'changes',
    type: 'text',
    value: (e) =>
      changedFields(e, WHOLE_VALUES)
        .map((c) => `${c.label}: ${e.action === 'update' ? `${c.before} → ${c.after}` : e.action === 'delete' ? c.before : c.after}`)
        .join('\n'),
  },
];
