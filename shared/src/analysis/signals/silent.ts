/**
 * silent: a piloting or scaling pilot that has not posted an update for D calendar days or more.
 * The clock starts at the latest `createdAt` of any update (when it was posted, not the week it
 * reports on, so a late update still counts as a sign of life), or at `stageEnteredAt` when that is
 * later or there is no update: a pilot resumed from pause is not silent for its paused weeks.
 * Days are whole UTC calendar days, so exactly D days fires whatever the time of day.
 * `since` is the day the clock starts: the last posting, or the stage entry when that is later.
 */
import { ACTIVE_STAGES } from '../../enums';
import { daysBetween, formatDay, utcDay, utcDayOf } from '../dates';
import { plural } from '../stats';
import type { HistoryUpdate } from '../types';
import { notApplicable, sinceIf, type SignalRule } from './rule';

function latestPosted(updates: readonly HistoryUpdate[]): HistoryUpdate | null {
  // Each timestamp is parsed once; the first of equal maxima wins, as a strict comparison implies.
  let latest: HistoryUpdate | null = null;
  let latestTime = 0;
  for (const update of updates) {
    const time = Date.parse(update.createdAt);
    if (!latest || time > latestTime) {
      latest = update;
      latestTime = time;
    }
  }
  return latest;
}

export const silent: SignalRule = (history, { today, thresholds }) => {
  const { stage, stageEnteredAt } = history.pilot;
  if (!ACTIVE_STAGES.includes(stage)) return [notApplicable('silent', stage)];
  const latest = latestPosted(history.updates);
  const enteredDay = utcDayOf(stageEnteredAt);
  const postedDay = latest ? utcDayOf(latest.createdAt) : null;
  const fromStage = postedDay === null || enteredDay > postedDay;
  const since = postedDay === null || fromStage ? enteredDay : postedDay;
  const days = daysBetween(since, utcDay(today));
  const fires = days >= thresholds.silentDays;
  const reference = fromStage
    ? `since entering ${stage} on ${formatDay(enteredDay)}`
    : `since ${formatDay(since)} (last update: ${latest?.week})`;
  return [
    {
      kind: 'silent',
      fires,
      ...sinceIf(fires, formatDay(since)),
      summary: fires ? `No weekly update for ${plural(days, 'day')} ${reference}.` : `Last heard from ${plural(days, 'day')} ago.`,
      evidence: {
        days,
        since: formatDay(since),
        lastUpdateWeek: latest?.week ?? null,
        lastUpdateAt: latest?.createdAt ?? null,
        countedFrom: fromStage ? 'stage_entered' : 'last_update',
      },
    },
  ];
};
