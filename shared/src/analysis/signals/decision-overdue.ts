/**
 * decision_overdue: the latest decision set a next review date, that date has passed, and no newer
 * decision was recorded. A "continue" or "scale" that is never revisited is how pilots drift.
 * `since` is the review date that was missed.
 */
import { daysBetween, formatDay, utcDay, utcDayOf } from '../dates';
import { isClosedStage, notApplicable, quiet, type SignalRule } from './rule';

export const decisionOverdue: SignalRule = (history, { today }) => {
  const { stage } = history.pilot;
  if (isClosedStage(stage)) return [notApplicable('decision_overdue', stage)];
  const latest = history.decisions.at(-1);
  if (!latest?.nextReviewDate) return [quiet('decision_overdue', 'No review date is pending.')];
  const todayDay = utcDay(today);
  const reviewDay = utcDayOf(latest.nextReviewDate);
  const daysOverdue = daysBetween(reviewDay, todayDay);
  const evidence = { decisionKind: latest.kind, decidedAt: latest.decidedAt, nextReviewDate: latest.nextReviewDate, daysOverdue: Math.max(0, daysOverdue) };
  if (daysOverdue <= 0) return [quiet('decision_overdue', `Next review is due on ${formatDay(reviewDay)}.`, evidence)];
  return [
    {
      kind: 'decision_overdue',
      fires: true,
      since: formatDay(reviewDay),
      summary: `Review after the "${latest.kind}" decision was due on ${latest.nextReviewDate}; no new decision for ${daysOverdue} days.`,
      evidence,
    },
  ];
};
