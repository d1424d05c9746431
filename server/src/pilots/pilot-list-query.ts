import { UNDERWAY_STAGES, type PilotSortField } from '@liftoff/shared';
import { RequestValidationException } from '../common/validation';
import { diagnosedWithSql } from '../signals/pattern-filter';
import type { PilotListQueryDto } from './dto/pilot-query.dto';
import { monthsInPilotSql } from './months-in-pilot';

/**
 * What each sort field orders by. The derived ones read the same rows as `pilotFactsSql` shows (the
 * latest update by `week`, through the unique index on pilot and week).
 */
const SORT_EXPRESSIONS: Record<PilotSortField, string> = {
  name: 'pilot.name',
  stage: 'pilot.stage',
  startDate: 'pilot.start_date',
  stageEnteredAt: 'pilot.stage_entered_at',
  updatedAt: 'pilot.updated_at',
  createdAt: 'pilot.created_at',
  lastUpdateAt: '(SELECT u.created_at FROM weekly_updates u WHERE u.pilot_id = pilot.id ORDER BY u.week DESC LIMIT 1)',
  readinessScore: '(SELECT pd.readiness_score FROM pilot_diagnoses pd WHERE pd.pilot_id = pilot.id)',
  openFlagCount: `(SELECT count(*) FROM signal_flags f WHERE f.pilot_id = pilot.id AND f.status = 'open')`,
};

/** The filters and the sort of `GET /pilots` as SQL over `pilots pilot`, with their parameters ($1, $2, … in order). */
export interface PilotListSql {
  where: string;
  /** What the list sorts by (then by id); nulls come last in either direction. */
  sortKey: string;
  direction: 'ASC' | 'DESC';
  params: unknown[];
}

/** Checks the query's cross-field rules, then builds its filters and sort. */
export function pilotListSql(query: PilotListQueryDto): PilotListSql {
  if (query.startedBefore && query.startedAfter && query.startedBefore <= query.startedAfter) {
    throw new RequestValidationException([
      { field: 'startedBefore', messages: [`startedBefore must be after startedAfter (${query.startedAfter})`] },
    ]);
  }
  const { monthsInPilotMin: monthsMin, monthsInPilotMax: monthsMax } = query;
  if (monthsMin !== undefined && monthsMax !== undefined && monthsMax <= monthsMin) {
    throw new RequestValidationException([
      { field: 'monthsInPilotMax', messages: [`monthsInPilotMax must be above monthsInPilotMin (${monthsMin})`] },
    ]);
  }
  if (query.healthWeek !== undefined && !query.health) {
    throw new RequestValidationException([{ field: 'health', messages: ['health is required with healthWeek'] }]);
  }
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.businessUnitId) where.push(`pilot.business_unit_id = ${param(query.businessUnitId)}`);
  if (query.stage) where.push(`pilot.stage = ${param(query.stage)}`);
  if (query.leadId) where.push(`pilot.lead_id = ${param(query.leadId)}`);
  if (query.sponsorId) where.push(`pilot.sponsor_id = ${param(query.sponsorId)}`);
  if (query.search) where.push(`pilot.name ILIKE ${param(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (query.pattern) where.push(diagnosedWithSql('pilot.id', param(query.pattern)));
  if (query.startedBefore) where.push(`pilot.start_date < ${param(query.startedBefore)}`);
  if (query.startedAfter) where.push(`pilot.start_date > ${param(query.startedAfter)}`);
  if (query.complexity) where.push(`pilot.complexity = ${param(query.complexity)}`);
  if (query.underway) where.push(`pilot.stage = ANY(${param(UNDERWAY_STAGES)})`);
  // The same months, bounds and comparisons as the portfolio's time-in-pilot buckets.
  const months = monthsInPilotSql('pilot.start_date');
  if (monthsMin !== undefined) where.push(`${months} >= ${param(monthsMin)}`);
  if (monthsMax !== undefined) where.push(`${months} < ${param(monthsMax)}`);
  if (query.health && query.healthWeek) {
    // The same rows the portfolio's health-over-time chart counts: one update per pilot and week.
    where.push(`EXISTS (SELECT 1 FROM weekly_updates hu WHERE hu.pilot_id = pilot.id AND hu.week = ${param(query.healthWeek)} AND hu.health = ${param(query.health)})`);
  } else if (query.health) {
    // The latest update, as `pilotFactsSql` picks it for `lastHealth`.
    where.push(`EXISTS (SELECT 1 FROM (SELECT lu.health FROM weekly_updates lu WHERE lu.pilot_id = pilot.id ORDER BY lu.week DESC LIMIT 1) latest
                WHERE latest.health = ${param(query.health)})`);
  }
  const direction: PilotListSql['direction'] = query.order === 'desc' ? 'DESC' : 'ASC';
  return {
    where: where.length ? where.map((condition) => `(${condition})`).join(' AND ') : 'true',
    sortKey: SORT_EXPRESSIONS[query.sort ?? 'name'],
    direction,
    params,
  };
}
