/** Floor of `pilot_timebox`: piloting for longer than `pilotTimeboxMonths` of active time. */
import { STAGE_CLOCK_CTE, threshold, type RuleFloor } from './common';
import { timelineFlags } from './timelines';

export const pilotTimeboxFloor: RuleFloor = {
  kind: 'pilot_timebox',
  sql: `WITH ${STAGE_CLOCK_CTE} ${timelineFlags('pilot_timebox', 'piloting', threshold('pilotTimeboxMonths'))}`,
};
