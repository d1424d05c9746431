/**
 * over_timeline: a pilot that completed its pilot phase and is scaling has taken longer to reach
 * production than the upper bound of its complexity (COMPLEXITY_MONTHS: 3 / 6 / 12 months from
 * pilot completion to production). Completion is a recorded `pilotCompletedOn`, or else entering
 * scaling; paused days do not count (see `timeline.ts`). Time spent piloting is the pilot timebox's
 * business (`pilot_timebox`), not this rule's: the article's timelines start when the pilot ends.
 * "Exceeds" is strict: on the deadline day itself the pilot is not yet over. Only scaling pilots
 * are checked (not paused, not closed). `since` is the first day over: the day after the deadline
 * (which pauses push back, see `pastDeadline`).
 */
import { DAY_MS, formatDay, utcDayOf } from '../dates';
import { plural, round } from '../stats';
import { timelinePosition, type TimelinePosition } from '../timeline';
import { notApplicable, quiet, sinceIf, type SignalRule } from './rule';

/**
 * The first day a timeline is over its bound: the day after its deadline, the deadline being pushed
 * back by every paused day of the run (a pause after the bound was passed moves it too).
 */
export function pastDeadline(position: TimelinePosition): string {
  return formatDay(utcDayOf(position.deadline) + DAY_MS);
}

export function timelineEvidence(position: TimelinePosition): Record<string, unknown> {
  return {
    phase: position.phase,
    since: position.since,
    deadline: position.deadline,
    boundMonths: position.boundMonths,
    monthsElapsed: position.monthsElapsed,
    pausedDays: position.pausedDays,
    daysOver: Math.max(0, position.elapsedDays - position.boundDays),
    ratio: round(position.ratio, 2),
  };
}

export const overTimeline: SignalRule = (history, { today, thresholds, timeline }) => {
  const { stage, complexity } = history.pilot;
  if (stage !== 'scaling') {
    return stage === 'piloting' || stage === 'proposed'
      ? [quiet('over_timeline', 'The pilot phase is not complete yet; the scaling timeline starts when it is.', { phase: 'none' })]
      : [notApplicable('over_timeline', stage)];
  }
  const position = timeline ?? timelinePosition(history, today, thresholds);
  const fires = position.elapsedDays > position.boundDays;
  const paused = position.pausedDays > 0 ? `, ${plural(position.pausedDays, 'paused day')} not counted` : '';
  return [
    {
      kind: 'over_timeline',
      fires,
      ...sinceIf(fires, pastDeadline(position)),
      summary: fires
        ? `Pilot completed ${position.since}: ${plural(position.monthsElapsed, 'month')} of scaling${paused} against a ${position.boundMonths}-month upper bound for ${complexity} complexity (${round(position.ratio, 2)}x, deadline ${position.deadline}).`
        : `Scaling within the ${position.boundMonths}-month bound for ${complexity} complexity (deadline ${position.deadline}).`,
      evidence: { complexity, ...timelineEvidence(position) },
    },
  ];
};
