import type { SelectQueryBuilder } from 'typeorm';
import { UNDERWAY_STAGES, type PilotSortField } from '@liftoff/shared';
import { RequestValidationException } from '../common/validation';
import { diagnosedWithSql, patternContainment } from '../signals/pattern-filter';
import type { PilotListQueryDto } from './dto/pilot-query.dto';
import { monthsInPilotSql } from './months-in-pilot';
import type { Pilot } from './pilot.entity';

/**
 * What each sort field orders by. The derived ones read the same rows as `loadPilotFacts` shows (the
 * latest update by `week`, through the unique index on pilot and week).
 */
const SORT_EXPRESSIONS: Record<PilotSortField, string> = {
  name: 'pilot.name',
  stage: 'pilot.stage',
  startDate: 'pilot.startDate',
  stageEnteredAt: 'pilot.stageEnteredAt',
  updatedAt: 'pilot.updatedAt',
  createdAt: 'pilot.createdAt',
  lastUpdateAt: '(SELECT u.created_at FROM weekly_updates u WHERE u.pilot_id = pilot.id ORDER BY u.week DESC LIMIT 1)',
  readinessScore: '(SELECT pd.readiness_score FROM pilot_diagnoses pd WHERE pd.pilot_id = pilot.id)',
  openFlagCount: `(SELECT count(*) FROM signal_flags f WHERE f.pilot_id = pilot.id AND f.status = 'open')`,
};

/** Adds the list filters and the sort of `GET /pilots` to a query over `pilot`. */
export function applyPilotListQuery(builder: SelectQueryBuilder<Pilot>, query: PilotListQueryDto): SelectQueryBuilder<Pilot> {
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
  if (query.businessUnitId) builder.andWhere('pilot.businessUnitId = :unit', { unit: query.businessUnitId });
  if (query.stage) builder.andWhere('pilot.stage = :stage', { stage: query.stage });
  if (query.leadId) builder.andWhere('pilot.leadId = :lead', { lead: query.leadId });
  if (query.sponsorId) builder.andWhere('pilot.sponsorId = :sponsor', { sponsor: query.sponsorId });
  if (query.search) {
    const namePattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder.andWhere('pilot.name ILIKE :namePattern', { namePattern });
  }
  if (query.pattern) builder.andWhere(diagnosedWithSql('pilot.id', ':diagnosisPattern'), { diagnosisPattern: patternContainment(query.pattern) });
  if (query.startedBefore) builder.andWhere('pilot.startDate < :startedBefore', { startedBefore: query.startedBefore });
  if (query.startedAfter) builder.andWhere('pilot.startDate > :startedAfter', { startedAfter: query.startedAfter });
  if (query.complexity) builder.andWhere('pilot.complexity = :complexity', { complexity: query.complexity });
  if (query.underway) builder.andWhere('pilot.stage IN (:...underwayStages)', { underwayStages: UNDERWAY_STAGES });
  // The same months, bounds and comparisons as the portfolio's time-in-pilot buckets.
  const months = monthsInPilotSql('pilot.start_date');
  if (monthsMin !== undefined) builder.andWhere(`${months} >= :monthsMin`, { monthsMin });
  if (monthsMax !== undefined) builder.andWhere(`${months} < :monthsMax`, { monthsMax });
  if (query.health && query.healthWeek) {
    // The same rows the portfolio's health-over-time chart counts: one update per pilot and week.
    builder.andWhere('EXISTS (SELECT 1 FROM weekly_updates hu WHERE hu.pilot_id = pilot.id AND hu.week = :healthWeek AND hu.health = :health)', {
      healthWeek: query.healthWeek,
      health: query.health,
    });
  } else if (query.health) {
    // The latest update, as `loadPilotFacts` picks it for `lastHealth`.
    builder.andWhere(
      `EXISTS (SELECT 1 FROM (SELECT lu.health FROM weekly_updates lu WHERE lu.pilot_id = pilot.id ORDER BY lu.week DESC LIMIT 1) latest
                WHERE latest.health = :health)`,
      { health: query.health },
    );
  }
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  return builder.orderBy(SORT_EXPRESSIONS[query.sort ?? 'name'], direction, 'NULLS LAST').addOrderBy('pilot.id', 'ASC');
}
