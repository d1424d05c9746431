import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BLOCKER_CATEGORIES,
  COMPLEXITIES,
  COMPLEXITY_MONTHS,
  PATTERNS,
  STAGES,
  UNDERWAY_STAGES,
  isoWeekOf,
  isoWeeksBetween,
  type BlockerCategory,
  type Complexity,
  type Pattern,
  type PortfolioOverview,
  type Stage,
} from '@liftoff/shared';
import { monthsInPilotSql } from '../pilots/months-in-pilot';
import { SettingsService } from '../settings/settings.service';
import { PortfolioFilterDto } from './dto/portfolio-filter.dto';
import { filteredPilots, TIME_BUCKETS } from './portfolio-queries';

const FUNNEL: Stage[] = ['proposed', 'piloting', 'scaling', 'production'];
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Aggregates for the dashboard: every chart gets a few dozen numbers, never raw rows. */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** With a transaction's manager (a pack's snapshot), every read sees that transaction's data, one after another. */
  async overview(filter: PortfolioFilterDto, manager?: EntityManager): Promise<PortfolioOverview> {
    const { cte, params } = filteredPilots(filter);
    const db = manager ?? this.dataSource.manager;
    const q = <T>(sql: string, extra: unknown[] = []) => (): Promise<T[]> => db.query(`WITH ${cte} ${sql}`, [...params, ...extra]);
    const next = params.length + 1;
    // Every row belongs to some pilot (foreign keys): without a filter, joining the pilots only costs time.
    const inFilter = (alias: string) => (params.length === 0 ? '' : `JOIN fp ON fp.id = ${alias}.pilot_id`);
    const months = monthsInPilotSql('fp.start_date');
    // Only the scale-queue tile needs the thresholds: on a pool the other queries do not wait for them; in a
    // transaction (one connection) they are read in turn like everything else.
    const thresholds = manager ? undefined : this.settings.thresholds(db);

    const stagesQuery = q<{ stage: Stage; count: number }>(`SELECT stage, count(*)::int AS count FROM fp GROUP BY stage`);
    const tilesQuery = () => (thresholds ?? this.settings.thresholds(db)).then(({ scaleReadinessMin }) => q<{ stuck: number; queue: number; decisions: number; median: number | null }>(
      `SELECT (SELECT count(*)::int FROM fp WHERE EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = fp.id AND f.status = 'open')) AS stuck,
              (SELECT count(*)::int FROM fp JOIN pilot_diagnoses pd ON pd.pilot_id = fp.id WHERE fp.stage = 'piloting'
                  AND (pd.action = 'scale' OR pd.readiness_score >= $${next}
                       OR EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = fp.id AND f.status = 'open' AND f.kind = 'scale_question_unanswered'))) AS queue,
              (SELECT count(*)::int FROM decisions d ${inFilter('d')} WHERE d.decided_at >= date_trunc('quarter', now())) AS decisions,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${monthsInPilotSql('start_date')}) FROM fp WHERE stage IN ('piloting', 'scaling')) AS median`,
      [scaleReadinessMin],
    )());
    const reachedQuery = q<{ stage: Stage; count: number }>(
      `SELECT sc.to_stage AS stage, count(DISTINCT sc.pilot_id)::int AS count FROM stage_changes sc ${inFilter('sc')} GROUP BY sc.to_stage`,
    );
    // The whole portfolio's counts are kept as updates change (`weekly_health_counts`); a filter counts its pilots' updates.
    const healthQuery = q<{ week: string; health: string; count: number }>(
      params.length === 0
        ? `SELECT c.week, c.health, sum(c.updates)::int AS count FROM weekly_health_counts c
            WHERE c.week_start >= current_date - 364 GROUP BY c.week, c.week_start, c.health HAVING sum(c.updates) > 0 ORDER BY c.week_start`
        : `SELECT u.week, u.health, count(*)::int AS count FROM weekly_updates u ${inFilter('u')}
            WHERE u.week_start >= current_date - 364 GROUP BY u.week, u.week_start, u.health ORDER BY u.week_start`,
    );
    const patternsQuery = q<{ unit: string; name: string; pattern: Pattern; count: number }>(
      `SELECT bu.id AS unit, bu.name, x.pattern, count(*)::int AS count
         FROM fp JOIN business_units bu ON bu.id = fp.business_unit_id JOIN pilot_diagnoses pd ON pd.pilot_id = fp.id,
              unnest(pd.pattern_keys) x(pattern)
        WHERE fp.stage = ANY($${next}) GROUP BY bu.id, bu.name, 3 ORDER BY bu.name`,
      [UNDERWAY_STAGES],
    );
    // Bucketed in SQL with the same expression and bounds as `GET /pilots?monthsInPilotMin=…&monthsInPilotMax=…`:
    // width_bucket counts a bucket's lower bound in and its upper bound out, and the months are never negative.
    const agesQuery = q<{ bucket: number; complexity: Complexity; count: number }>(
      `SELECT width_bucket(${months}, $${next}::numeric[]) AS bucket, fp.complexity, count(*)::int AS count
         FROM fp WHERE fp.stage = ANY($${next + 1}) GROUP BY 1, 2`,
      [TIME_BUCKETS.map((b) => b.from), UNDERWAY_STAGES],
    );
    const quartersQuery = q<{ quarter: string; kind: string; count: number }>(
      `SELECT to_char(d.decided_at, 'YYYY-"Q"Q') AS quarter, d.kind, count(*)::int AS count FROM decisions d ${inFilter('d')} GROUP BY 1, 2 ORDER BY 1`,
    );
    const categoriesQuery = q<{ category: BlockerCategory; open: number; total: number; mentions: number }>(
      // Mentions counted straight into the handful of categories: counting them per blocker first built a
      // 45,000-group aggregate at 5,000 pilots (about 1.6x slower), and a subquery per blocker was 4x slower.
      `SELECT c.category, c.open, c.total, coalesce(m.mentions, 0)::int AS mentions
         FROM (SELECT b.category, count(*) FILTER (WHERE b.status = 'open')::int AS open, count(*)::int AS total
                 FROM blockers b ${inFilter('b')} GROUP BY b.category) c
         LEFT JOIN (SELECT b.category, count(*) AS mentions
                      FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id ${inFilter('b')} GROUP BY b.category) m
           ON m.category = c.category
        ORDER BY mentions DESC`,
    );
    const oldestQuery = q<{ id: string; pilot_id: string; pilot_name: string; text: string; category: BlockerCategory; first_seen_week: string; mentions: number }>(
      `SELECT b.id, b.pilot_id, fp.name AS pilot_name, b.text, b.category, b.first_seen_week,
              (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS mentions
         FROM blockers b JOIN fp ON fp.id = b.pilot_id WHERE b.status = 'open' ORDER BY b.first_seen_week, b.id LIMIT 10`,
    );
    // Independent reads: on a pool they run side by side instead of adding up; a transaction's one connection takes them in turn.
    const [stages, [tiles], reached, health, patterns, ages, quarters, categories, oldest] = await runAll(
      [stagesQuery, tilesQuery, reachedQuery, healthQuery, patternsQuery, agesQuery, quartersQuery, categoriesQuery, oldestQuery] as const,
      manager === undefined,
    );
    return {
      tiles: {
        pilots: stages.reduce((sum, row) => sum + row.count, 0),
        byStage: { ...zeroes(STAGES), ...Object.fromEntries(stages.map((r) => [r.stage, r.count])) },
        stuckNow: tiles.stuck,
        inScaleQueue: tiles.queue,
        decisionsThisQuarter: tiles.decisions,
        medianMonthsInPilot: tiles.median === null ? null : Math.round(Number(tiles.median) * 10) / 10,
      },
      funnel: FUNNEL.map((stage, index) => ({
        stage,
        // Every pilot starts as proposed, even those created straight into a later stage.
        reached: index === 0 ? stages.reduce((sum, row) => sum + row.count, 0) : (reached.find((r) => r.stage === stage)?.count ?? 0),
        current: stages.find((r) => r.stage === stage)?.count ?? 0,
      })),
      healthOverTime: [...groupBy(health, (row) => row.week)].map(([week, rows]) => ({
        week,
        on_track: rows.find((r) => r.health === 'on_track')?.count ?? 0,
        at_risk: rows.find((r) => r.health === 'at_risk')?.count ?? 0,
        off_track: rows.find((r) => r.health === 'off_track')?.count ?? 0,
      })),
      patternsByUnit: [...groupBy(patterns, (row) => row.unit)].map(([unit, rows]) => ({
        businessUnitId: unit,
        businessUnitName: rows[0].name,
        patterns: { ...zeroes(PATTERNS), ...Object.fromEntries(rows.map((r) => [r.pattern, r.count])) },
      })),
      timeInPilot: TIME_BUCKETS.map(({ bucket, from, to }, index) => {
        const counts = zeroes(COMPLEXITIES);
        // width_bucket counts from 1.
        for (const row of ages) if (row.bucket === index + 1) counts[row.complexity] = row.count;
        return { bucket, fromMonths: from, toMonths: to, counts };
      }),
      timelineBounds: Object.fromEntries(COMPLEXITIES.map((c) => [c, COMPLEXITY_MONTHS[c].max])) as Record<Complexity, number>,
      decisionsByQuarter: [...groupBy(quarters, (row) => row.quarter)].map(([quarter, rows]) => ({
        quarter,
        scale: rows.find((r) => r.kind === 'scale')?.count ?? 0,
        pivot: rows.find((r) => r.kind === 'pivot')?.count ?? 0,
        kill: rows.find((r) => r.kind === 'kill')?.count ?? 0,
        continue: rows.find((r) => r.kind === 'continue')?.count ?? 0,
      })),
      blockerCategories: categories.filter((c) => BLOCKER_CATEGORIES.includes(c.category)),
      oldestOpenBlockers: oldest.map((b) => ({
        blockerId: b.id,
        pilotId: b.pilot_id,
        pilotName: b.pilot_name,
        text: b.text,
        category: b.category,
        firstSeenWeek: b.first_seen_week,
        weeksOpen: isoWeeksBetween(b.first_seen_week, isoWeekOf(new Date())),
        mentions: b.mentions,
      })),
    };
  }
}

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

async function runAll<T extends readonly (() => Promise<unknown>)[]>(reads: T, sideBySide: boolean): Promise<Results<T>> {
  if (sideBySide) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
