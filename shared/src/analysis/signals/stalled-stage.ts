/**
 * stalled_stage: a pilot sitting in proposed, piloting or scaling for M months of active time or
 * more since it entered the stage, where M depends on its complexity (defaults 2 / 4 / 6 months for
 * best / typical / complex: the lower bounds of the article's timelines, so a pilot is flagged
 * when even a slow-but-normal pace would have moved it on). The time comes from the stage clock
 * (`stageClock`): a pause neither resets it nor counts, so the deadline moves back by the paused
 * days. Exactly M months (same day of the month, UTC) fires; when the start day does not exist in
 * the target month the month's last day counts (Jan 31 + 1 = Feb 28/29). Paused pilots are not
 * checked. `since` is the start of the stage clock: the pilot has been stuck in the stage all along.
 */
import { COMPLEXITY_PILOT, type Stage } from '../../enums';
import { formatDay, utcDay } from '../dates';
import { plural } from '../stats';
import { stalledStageMonthsFor } from '../thresholds';
import { clockDeadline, clockMonths, stageClock } from '../timeline';
import { notApplicable, sinceIf, type SignalRule } from './rule';

export const STALLABLE_STAGES: readonly Stage[] = ['proposed', 'piloting', 'scaling'];

export const stalledStage: SignalRule = (history, { today, thresholds }) => {
  const { stage, complexity } = history.pilot;
  if (!STALLABLE_STAGES.includes(stage)) return [notApplicable('stalled_stage', stage)];
  const clock = stageClock(history, today);
  const limitMonths = stalledStageMonthsFor(thresholds, complexity);
  const now = utcDay(today);
  const months = clockMonths(clock);
  const stalledFrom = clockDeadline(clock, limitMonths);
  const fires = now >= stalledFrom;
  const since = formatDay(clock.sinceDay);
  const paused = clock.pausedDays > 0 ? `, ${plural(clock.pausedDays, 'paused day')} not counted` : '';
  return [
    {
      kind: 'stalled_stage',
      fires,
      ...sinceIf(fires, since),
      summary: fires
        ? `In ${stage} since ${since} (${plural(months, 'month')}${paused}) with no stage change; ${limitMonths} months is the limit for ${COMPLEXITY_PILOT[complexity]}.`
        : `In ${stage} since ${since}${paused}; stalled from ${formatDay(stalledFrom)}.`,
      evidence: {
        stage,
        since,
        months,
        days: clock.activeDays,
        pausedDays: clock.pausedDays,
        complexity,
        limitMonths,
        stalledFrom: formatDay(stalledFrom),
      },
    },
  ];
};
