/** The REST contract of the pilots list: `GET /pilots` filters, sorts and pages. */
import type { Complexity, Health, Stage } from './enums';
import type { PageQuery, SortOrder } from './api';
import type { Pattern } from './analysis/types';

/** What `GET /pilots` sorts by. The last three come from the pilot's latest update, open flags and diagnosis. */
export const PILOT_SORT_FIELDS = [
  'name', 'stage', 'startDate', 'stageEnteredAt', 'updatedAt', 'createdAt', 'lastUpdateAt', 'readinessScore', 'openFlagCount',
] as const;
export type PilotSortField = (typeof PILOT_SORT_FIELDS)[number];

export interface PilotListQuery extends PageQuery {
  businessUnitId?: string;
  stage?: Stage;
  leadId?: string;
  sponsorId?: string;
  search?: string;
  /** Pilots whose current diagnosis contains this pattern. */
  pattern?: Pattern;
  /** `YYYY-MM-DD`: pilots that started strictly before this day. */
  startedBefore?: string;
  /** `YYYY-MM-DD`: pilots that started strictly after this day. */
  startedAfter?: string;
  complexity?: Complexity;
  /** `true`: only pilots still underway (`UNDERWAY_STAGES`); `false` or absent: every stage. */
  underway?: boolean;
  /**
   * Months since the start day, counted as the portfolio overview's time-in-pilot chart counts them
   * (days / 30.44). The lower bound is inclusive, the upper bound exclusive and must be above it.
   */
  monthsInPilotMin?: number;
  monthsInPilotMax?: number;
  /**
   * Pilots whose update reported this health: the update for `healthWeek` when it is given, otherwise
   * the latest update (the list's `lastHealth`). Pilots without such an update are left out.
   */
  health?: Health;
  /** ISO week `YYYY-Www` whose update `health` looks at; needs `health`. */
  healthWeek?: string;
  /** Default `name`. Pilots without a value (no update, no diagnosis) come last in either order. */
  sort?: PilotSortField;
  order?: SortOrder;
}
