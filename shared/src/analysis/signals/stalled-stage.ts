/**
 * stalled_stage: a pilot sitting in proposed, piloting or scaling for M calendar months or more
 * since it entered the stage. Exactly M months (same day of the month, UTC) fires; when the start
 * day does not exist in the target month the month's last day counts (Jan 31 + 1 = Feb 28/29).
 */
import type { Stage } from '../../enums';
import { addMonths, daysBetween, formatDay, utcDay, utcDayOf, wholeMonthsBetween } from '../dates';
import { plural } from '../stats';
import { notApplicable, type SignalRule } from './rule';

export const STALLABLE_STAGES: readonly Stage[] = ['proposed', 'piloting', 'scaling'];

export const stalledStage: SignalRule = (history, { today, thresholds }) => {
  const { stage, stageEnteredAt } = history.pilot;
  if (!STALLABLE_STAGES.includes(stage)) return [notApplicable('stalled_stage', stage)];
  const entered = utcDayOf(stageEnteredAt);
  const now = utcDay(today);
  const months = wholeMonthsBetween(entered, now);
  const stalledFrom = addMonths(entered, thresholds.stalledStageMonths);
  const fires = now >= stalledFrom;
  const since = formatDay(entered);
  return [
    {
      kind: 'stalled_stage',
      fires,
      summary: fires
        ? `In ${stage} since ${since} (${plural(months, 'month')}) with no stage change.`
        : `In ${stage} since ${since}; stalled from ${formatDay(stalledFrom)}.`,
      evidence: { stage, since, months, days: daysBetween(entered, now), stalledFrom: formatDay(stalledFrom) },
    },
  ];
};
