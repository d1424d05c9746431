/**
 * over_timeline: more time has passed since `startDate` than the upper bound of the pilot's
 * complexity (COMPLEXITY_MONTHS: 3 / 6 / 12 months) and it has not reached production, been killed
 * or pivoted. "Exceeds" is strict: on the deadline day itself the pilot is not yet over.
 */
import { COMPLEXITY_MONTHS } from '../../enums';
import { addMonths, daysBetween, formatDay, utcDay, utcDayOf, wholeMonthsBetween } from '../dates';
import { plural, round } from '../stats';
import type { PilotHistory } from '../types';
import { isClosedStage, notApplicable, type SignalRule } from './rule';

export interface TimelinePosition {
  deadline: string;
  elapsedDays: number;
  boundDays: number;
  /** Elapsed time over the upper bound: 1.5 means half as long again as the slowest expectation. */
  ratio: number;
  monthsElapsed: number;
  boundMonths: number;
}

export function timelinePosition(history: PilotHistory, today: Date): TimelinePosition {
  const start = utcDayOf(history.pilot.startDate);
  const boundMonths = COMPLEXITY_MONTHS[history.pilot.complexity].max;
  const deadline = addMonths(start, boundMonths);
  const now = utcDay(today);
  const elapsedDays = daysBetween(start, now);
  const boundDays = daysBetween(start, deadline);
  return {
    deadline: formatDay(deadline),
    elapsedDays,
    boundDays,
    ratio: elapsedDays / boundDays,
    monthsElapsed: wholeMonthsBetween(start, now),
    boundMonths,
  };
}

export const overTimeline: SignalRule = (history, { today }) => {
  const { stage, complexity, startDate } = history.pilot;
  if (isClosedStage(stage)) return [notApplicable('over_timeline', stage)];
  const position = timelinePosition(history, today);
  const fires = position.elapsedDays > position.boundDays;
  const ratio = round(position.ratio, 2);
  return [
    {
      kind: 'over_timeline',
      fires,
      summary: fires
        ? `Started ${startDate}: ${plural(position.monthsElapsed, 'month')} in against a ${position.boundMonths}-month upper bound for ${complexity} complexity (${ratio}x, deadline ${position.deadline}).`
        : `Within the ${position.boundMonths}-month bound for ${complexity} complexity (deadline ${position.deadline}).`,
      evidence: {
        startDate,
        complexity,
        deadline: position.deadline,
        boundMonths: position.boundMonths,
        monthsElapsed: position.monthsElapsed,
        daysOver: Math.max(0, position.elapsedDays - position.boundDays),
        ratio,
      },
    },
  ];
};
