/**
 * confidence_decline: least-squares slope of the lead's confidence (1-5) over the last K updates,
 * in points per ISO week, strictly below the threshold (default -0.15). x is the week's distance in
 * ISO weeks from the window's first update, so gaps between updates stretch the line.
 *
 * Needs the full K updates: on an integer 1-5 scale a short window turns one step down into a
 * steep slope (5, 5, 4 over three weeks is -0.5/week), which would fire on noise. Only piloting and
 * scaling pilots are checked; their leads are the ones expected to post weekly.
 * `since` is the Monday of the fitted window's first week.
 */
import { ACTIVE_STAGES } from '../../enums';
import { leastSquaresOf, plural, round } from '../stats';
import type { HistoryUpdate } from '../types';
import { weekIndex } from '../week-index';
import { mondayOf, notApplicable, quiet, sinceIf, type SignalRule } from './rule';

/** Slope of confidence per ISO week over the given updates, or null when it cannot be fitted. */
export function confidenceSlope(updates: readonly HistoryUpdate[]): number | null {
  if (updates.length === 0) return null;
  const first = weekIndex(updates[0].week);
  const fit = leastSquaresOf(updates, (u) => weekIndex(u.week) - first, (u) => u.confidence);
  return fit ? fit.slope : null;
}

export const confidenceDecline: SignalRule = (history, { thresholds }) => {
  const { stage } = history.pilot;
  if (!ACTIVE_STAGES.includes(stage)) return [notApplicable('confidence_decline', stage)];
  const k = thresholds.confidenceWindowUpdates;
  if (history.updates.length < k) {
    return [
      quiet('confidence_decline', `Needs ${plural(k, 'update')} to measure a trend; has ${history.updates.length}.`, {
        updates: history.updates.length,
        required: k,
      }),
    ];
  }
  const window = history.updates.slice(-k);
  const slope = confidenceSlope(window);
  const first = window[0];
  const last = window[window.length - 1];
  const fires = slope !== null && slope < thresholds.confidenceSlopePerWeek;
  const perWeek = slope === null ? 'n/a' : round(slope, 2).toFixed(2);
  return [
    {
      kind: 'confidence_decline',
      fires,
      ...sinceIf(fires, mondayOf(first.week)),
      summary: fires
        ? `Confidence fell from ${first.confidence} to ${last.confidence} over the last ${k} updates (${perWeek} per week since ${first.week}).`
        : `Confidence trend over the last ${k} updates: ${perWeek} per week.`,
      evidence: {
        slopePerWeek: slope === null ? null : round(slope, 3),
        weeks: window.map((u) => u.week),
        confidences: window.map((u) => u.confidence),
        since: first.week,
      },
    },
  ];
};
