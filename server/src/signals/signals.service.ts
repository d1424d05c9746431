import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PATTERN_GUIDANCE,
  PATTERNS,
  RECOMMENDATION_ACTIONS,
  SIGNAL_KINDS,
  type FlagListQuery,
  type Page,
  type Pattern,
  type PatternDiagnosis,
  type PatternGuidanceView,
  type PilotDiagnosis,
  type PortfolioSummary,
  type Recommendation,
  type SignalFlag,
  type StuckPilot,
} from '@liftoff/shared';
import { findOrFail } from '../common/optimistic-lock';
import { pageWindow } from '../common/pagination';
import { inOrderedBatches } from '../common/ordered-batches';
import { Pilot } from '../pilots/pilot.entity';
import { AssessmentsService } from '../assessments/assessments.service';
import { FlagListQueryDto } from './dto/flag-query.dto';
import { FLAG_SELECT, toFlagView, type FlagRow } from './flag.mapper';
import { AnalysisService } from './analysis.service';
import { PilotDiagnosisRecord } from './pilot-diagnosis.entity';
import { diagnosedWithSql } from './pattern-filter';

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Read side of stuck detection: flags, a pilot's diagnosis, the portfolio summary. */
@Injectable()
export class SignalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly assessments: AssessmentsService,
  ) {}

  async listFlags(query: FlagListQueryDto): Promise<Page<SignalFlag>> {
    const { filter, params, onPilot } = flagFilter(query);
    const window = pageWindow(query);
    // The count runs beside the page; it joins the pilot only when a filter is on the pilot (a flag
    // always has its pilot: foreign key, not null).
    const [[{ total }], rows]: [{ total: number }[], FlagRow[]] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total FROM signal_flags f ${onPilot ? 'JOIN pilots p ON p.id = f.pilot_id' : ''} ${filter}`, params),
      // The page is sorted and cut on its keys alone, then its flags are read whole: carried through the
      // sort, every matching flag's evidence and names made it twice the floor.
      this.dataSource.query(
        `WITH page AS (SELECT f.id, f.opened_at, p.name, f.kind FROM signal_flags f JOIN pilots p ON p.id = f.pilot_id ${filter}
                        ORDER BY f.opened_at ASC, p.name, f.kind, f.id LIMIT ${window.pageSize} OFFSET ${window.skip})
         ${FLAG_SELECT} JOIN page ON page.id = f.id ORDER BY page.opened_at ASC, page.name, page.kind, page.id`,
        params,
      ),
    ]);
    return { items: rows.map(toFlagView), total, page: window.page, pageSize: window.pageSize };
  }

  /**
   * The stuck list paged by pilot, so one pilot's signs never split across pages: pilots with a
   * matching flag, longest stuck first, each with all its matching flags.
   */
  async listStuckPilots(query: FlagListQueryDto): Promise<Page<StuckPilot>> {
    const { filter, params, onPilot } = flagFilter(query);
    const window = pageWindow(query);
    // As in listFlags: the count beside the page, joining the pilot only for a filter on it.
    const [[{ total }], pilots]: [{ total: number }[], { pilot_id: string }[]] = await Promise.all([
      this.dataSource.query(`SELECT count(DISTINCT f.pilot_id)::int AS total FROM signal_flags f ${onPilot ? 'JOIN pilots p ON p.id = f.pilot_id' : ''} ${filter}`, params),
      this.dataSource.query(
        `SELECT f.pilot_id FROM signal_flags f JOIN pilots p ON p.id = f.pilot_id ${filter}
          GROUP BY f.pilot_id, p.name ORDER BY min(f.opened_at) ASC, p.name, f.pilot_id LIMIT ${window.pageSize} OFFSET ${window.skip}`,
        params,
      ),
    ]);
    const ids = pilots.map((row) => row.pilot_id);
    const rows: FlagRow[] = ids.length === 0 ? [] : await this.dataSource.query(
      `${FLAG_SELECT} ${filter ? `${filter} AND` : 'WHERE'} f.pilot_id = ANY($${params.length + 1}::uuid[]) ORDER BY f.opened_at ASC, f.kind, f.id`,
      [...params, ids],
    );
    const byPilot = new Map<string, StuckPilot>();
    for (const flag of rows.map(toFlagView)) {
      const group = byPilot.get(flag.pilotId) ?? { pilotId: flag.pilotId, pilotName: flag.pilotName, businessUnitId: flag.businessUnitId, businessUnitName: flag.businessUnitName, stage: flag.stage, flags: [] };
      group.flags.push(flag);
      byPilot.set(flag.pilotId, group);
    }
    return { items: ids.map((id) => byPilot.get(id)!), total, page: window.page, pageSize: window.pageSize };
  }

  /**
   * Every matching flag in the stuck list's order (pilots longest stuck first, each pilot's flags
   * oldest first), a batch at a time: the export of the list, with the same filters and no pages.
   */
  async *allFlagsByPilot(query: FlagListQuery): AsyncGenerator<SignalFlag[]> {
    const { filter, params } = flagFilter(query);
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT f.id FROM signal_flags f JOIN pilots p ON p.id = f.pilot_id ${filter}
        ORDER BY min(f.opened_at) OVER (PARTITION BY f.pilot_id) ASC, p.name, f.pilot_id, f.opened_at ASC, f.kind, f.id`,
      params,
    );
    const load = async (batch: string[]) =>
      ((await this.dataSource.query(`${FLAG_SELECT} WHERE f.id = ANY($1::uuid[])`, [batch])) as FlagRow[]).map(toFlagView);
    yield* inOrderedBatches(ids.map((row) => row.id), load, (flag) => flag.id);
  }

  async pilotFlags(pilotId: string): Promise<SignalFlag[]> {
    const rows: FlagRow[] = await this.dataSource.query(`${FLAG_SELECT} WHERE f.pilot_id = $1 ORDER BY f.opened_at DESC, f.kind`, [pilotId]);
    // A row implies its pilot (foreign key), so only an empty answer needs the check for a 404.
    if (rows.length === 0) await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    return rows.map(toFlagView);
  }

  /** The stored diagnosis with the pilot's open flags and latest two assessments: three reads, no analysis. */
  async diagnosis(pilotId: string): Promise<PilotDiagnosis> {
    const manager = this.dataSource.manager;
    // The stored diagnosis, the open flags and the latest assessments side by side (one round trip on a pool).
    const read = () => Promise.all([
      manager.findOne(PilotDiagnosisRecord, { where: { pilotId } }),
      manager.query(`${FLAG_SELECT} WHERE f.pilot_id = $1 AND f.status = 'open' ORDER BY f.opened_at DESC, f.kind`, [pilotId]) as Promise<FlagRow[]>,
      this.assessments.latestForPilot(pilotId, 2),
    ]);
    let [record, flagRows, assessments] = await read();
    if (!record?.readiness) {
      // A diagnosis row exists only for an existing pilot (it goes with the pilot). Never analysed yet (created
      // since the last sweep), or stored before the breakdown was kept: analyse now, then read all three again.
      await findOrFail(manager, Pilot, pilotId, 'Pilot');
      await this.dataSource.transaction((tx) => this.analysis.analyseOne(tx, pilotId));
      [record, flagRows, assessments] = await read();
    }
    // Deleted while this was being read (its diagnosis goes with it): as if the read came a moment later.
    if (!record?.readiness) throw new NotFoundException(`Pilot ${pilotId} was not found`);
    return {
      pilotId,
      computedAt: record.computedAt.toISOString(),
      openFlags: flagRows.map(toFlagView),
      patterns: record.patterns.map(toPatternView),
      recommendation: toRecommendationView(record.recommendation),
      readiness: record.readiness,
      latestAssessment: assessments[0] ?? null,
      previousAssessment: assessments[1] ?? null,
    };
  }

  async summary(): Promise<PortfolioSummary> {
    const flagCounts: { kind: string; count: number }[] = await this.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM signal_flags WHERE status = 'open' GROUP BY kind`,
    );
    const units: { id: string; name: string; pilots: number; stuck: number }[] = await this.dataSource.query(
      `SELECT bu.id, bu.name, count(p.id)::int AS pilots,
              count(p.id) FILTER (WHERE EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open'))::int AS stuck
         FROM business_units bu LEFT JOIN pilots p ON p.business_unit_id = bu.id GROUP BY bu.id, bu.name ORDER BY bu.name`,
    );
    const patternRows: { unit: string; pattern: Pattern; count: number }[] = await this.dataSource.query(
      `SELECT p.business_unit_id AS unit, d.pattern, count(*)::int AS count
         FROM pilot_diagnoses pd JOIN pilots p ON p.id = pd.pilot_id, unnest(pd.pattern_keys) d(pattern)
        WHERE p.stage NOT IN ('production', 'killed', 'pivoted')
        GROUP BY 1, 2`,
    );
    const actions: { action: string; count: number }[] = await this.dataSource.query(
      `SELECT pd.action, count(*)::int AS count FROM pilot_diagnoses pd JOIN pilots p ON p.id = pd.pilot_id
        WHERE p.stage NOT IN ('production', 'killed', 'pivoted') GROUP BY pd.action`,
    );
    const flagsBySignal = zeroes(SIGNAL_KINDS);
    for (const row of flagCounts) flagsBySignal[row.kind as keyof typeof flagsBySignal] = row.count;
    const pilotsByPattern = zeroes(PATTERNS);
    const byUnit = units.map((u) => ({ businessUnitId: u.id, businessUnitName: u.name, pilots: u.pilots, stuckPilots: u.stuck, patterns: zeroes(PATTERNS) }));
    for (const row of patternRows) {
      pilotsByPattern[row.pattern] += row.count;
      const unit = byUnit.find((u) => u.businessUnitId === row.unit);
      if (unit) unit.patterns[row.pattern] = row.count;
    }
    const recommendations = zeroes(RECOMMENDATION_ACTIONS);
    for (const row of actions) recommendations[row.action as keyof typeof recommendations] = row.count;
    return {
      pilots: units.reduce((sum, u) => sum + u.pilots, 0),
      stuckPilots: units.reduce((sum, u) => sum + u.stuck, 0),
      flagsBySignal,
      pilotsByPattern,
      recommendations,
      byUnit,
    };
  }

  guidance(): PatternGuidanceView[] {
    return PATTERNS.map((pattern) => ({ pattern, ...PATTERN_GUIDANCE[pattern] }));
  }
}

function toPatternView(diagnosis: PatternDiagnosis) {
  const guide = PATTERN_GUIDANCE[diagnosis.pattern];
  return { ...diagnosis, title: guide.title, description: guide.description };
}

function toRecommendationView(recommendation: Recommendation) {
  const { action, reasons, readinessScore, bindingConstraint, ruleId } = recommendation;
  // Diagnoses stored before reasons named their rule: attribute them all to the deciding row.
  const explained = recommendation.explained ?? reasons.map((text) => ({ rule: ruleId, text }));
  return { action, reasons, explained, readinessScore, bindingConstraint, ruleId };
}

/** The WHERE clause of the flag lists (flags `f` joined to pilots `p`) and its parameters. */
/** `onPilot`: a condition is on the flag's pilot (`p`), so the query must join it. */
function flagFilter(query: FlagListQuery): { filter: string; params: unknown[]; onPilot: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const status = query.status ?? 'open';
  if (status !== 'all') add('f.status = ?', status);
  if (query.kind) add('f.kind = ?', query.kind);
  if (query.businessUnitId) add('p.business_unit_id = ?', query.businessUnitId);
  if (query.stage) add('p.stage = ?', query.stage);
  if (query.pilotId) add('f.pilot_id = ?', query.pilotId);
  if (query.sponsorId) add('p.sponsor_id = ?', query.sponsorId);
  if (query.pattern) add(diagnosedWithSql('p.id', '?'), query.pattern);
  const onPilot = Boolean(query.businessUnitId || query.stage || query.sponsorId || query.pattern);
  return { filter: where.length ? `WHERE ${where.join(' AND ')}` : '', params, onPilot };
}
