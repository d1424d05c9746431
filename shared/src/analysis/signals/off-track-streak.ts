/**
 * off_track_streak: the latest S updates were all at risk or off track. The reported streak is the
 * whole run, which may be longer than S.
 * Not checked while the pilot is paused or closed (`isMonitoredStage`).
 * `since` is the Monday of the run's first week.
 */
import type { Health } from '../../enums';
import { plural } from '../stats';
import type { HistoryUpdate } from '../types';
import { isMonitoredStage, mondayOf, notApplicable, sinceIf, type SignalRule } from './rule';

const TROUBLED: readonly Health[] = ['at_risk', 'off_track'];

/** Latest updates, oldest first, that are all at risk or off track. */
export function troubledRun(updates: readonly HistoryUpdate[]): HistoryUpdate[] {
  let start = updates.length;
  while (start > 0 && TROUBLED.includes(updates[start - 1].health)) start -= 1;
  return updates.slice(start);
}

export const offTrackStreak: SignalRule = (history, { thresholds }) => {
  const { stage } = history.pilot;
  if (!isMonitoredStage(stage)) return [notApplicable('off_track_streak', stage)];
  const run = troubledRun(history.updates);
  const fires = run.length >= thresholds.offTrackStreakUpdates;
  const offTrack = run.filter((u) => u.health === 'off_track').length;
  return [
    {
      kind: 'off_track_streak',
      fires,
      ...sinceIf(fires, run[0] && mondayOf(run[0].week)),
      summary: fires
        ? `Last ${run.length} updates all at risk or off track since ${run[0].week} (${offTrack} off track).`
        : `${plural(run.length, 'latest update')} at risk or off track.`,
      evidence: {
        streak: run.length,
        since: run[0]?.week ?? null,
        weeks: run.map((u) => u.week),
        healths: run.map((u) => u.health),
      },
    },
  ];
};
