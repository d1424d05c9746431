/**
 * resources_redirected: any of the latest N updates (default 4) reports that people or budget were
 * pulled off the pilot. One report is enough: it is rare and it is the early sign of a quiet kill.
 * Not checked while the pilot is paused or closed (`isMonitoredStage`).
 * `since` is the Monday of the first week in the window that reported it.
 */
import { listing } from '../stats';
import { isMonitoredStage, mondayOf, notApplicable, sinceIf, type SignalRule } from './rule';

export const resourcesRedirected: SignalRule = (history, { thresholds }) => {
  const { stage } = history.pilot;
  if (!isMonitoredStage(stage)) return [notApplicable('resources_redirected', stage)];
  const window = history.updates.slice(-thresholds.resourcesRedirectedWindowUpdates);
  const weeks = window.filter((u) => u.resourcesRedirected).map((u) => u.week);
  const fires = weeks.length > 0;
  return [
    {
      kind: 'resources_redirected',
      fires,
      ...sinceIf(fires, weeks[0] && mondayOf(weeks[0])),
      summary: fires
        ? `Resources redirected away from the pilot reported in ${listing(weeks)}.`
        : `No redirected resources in the last ${window.length} updates.`,
      evidence: { weeks, windowUpdates: window.length },
    },
  ];
};
