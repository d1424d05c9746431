/**
 * pilot_timebox: a pilot has been piloting for longer than its timebox (`pilotTimeboxMonths`,
 * default 6 months of active time, the same for every complexity). A pilot phase is there to
 * answer one question, and past six months without moving to scaling the question has become a
 * habit. Paused days do not count and a pause does not restart the box (see `timeline.ts`).
 * "Exceeds" is strict, as for over_timeline. Only piloting pilots are checked.
 * `since` is the first day over the timebox (`pastDeadline`).
 */
import { plural, round } from '../stats';
import { timelinePosition } from '../timeline';
import { pastDeadline, timelineEvidence } from './over-timeline';
import { notApplicable, sinceIf, type SignalRule } from './rule';

export const pilotTimebox: SignalRule = (history, { today, thresholds, timeline }) => {
  const { stage } = history.pilot;
  if (stage !== 'piloting') return [notApplicable('pilot_timebox', stage)];
  const position = timeline ?? timelinePosition(history, today, thresholds);
  const fires = position.elapsedDays > position.boundDays;
  const paused = position.pausedDays > 0 ? `, ${plural(position.pausedDays, 'paused day')} not counted` : '';
  return [
    {
      kind: 'pilot_timebox',
      fires,
      ...sinceIf(fires, pastDeadline(position)),
      summary: fires
        ? `Piloting since ${position.since}: ${plural(position.monthsElapsed, 'month')}${paused} against a ${position.boundMonths}-month timebox (${round(position.ratio, 2)}x, due ${position.deadline}).`
        : `Within the ${position.boundMonths}-month pilot timebox (due ${position.deadline}).`,
      evidence: timelineEvidence(position),
    },
  ];
};
