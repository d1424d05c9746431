/** Floor of `over_timeline`: scaling for longer than the upper bound of its complexity (`COMPLEXITY_MONTHS`). */
import { COMPLEXITY_MONTHS } from '@liftoff/shared';
import { STAGE_CLOCK_CTE, type RuleFloor } from './common';
import { timelineFlags } from './timelines';

const BOUND = `CASE c.complexity WHEN 'best' THEN ${COMPLEXITY_MONTHS.best.max} WHEN 'complex' THEN ${COMPLEXITY_MONTHS.complex.max} ELSE ${COMPLEXITY_MONTHS.typical.max} END`;

export const overTimelineFloor: RuleFloor = {
  kind: 'over_timeline',
  sql: `WITH ${STAGE_CLOCK_CTE} ${timelineFlags('over_timeline', 'scaling', BOUND)}`,
};
