import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, Pattern, PatternDiagnosis, ScaleQueueItem, ScaleQueueReason } from '@liftoff/shared';
import { allPages, pageWindow } from '../common/pagination';
import type { Actor } from '../auth/actor';
import { SettingsService } from '../settings/settings.service';
import { ScaleQueueQueryDto } from './dto/decision.dto';
import { inScaleQueueSql } from './scale-queue-membership';

interface QueueRow {
  id: string;
  name: string;
  business_unit_id: string;
  unit_name: string;
  stage: ScaleQueueItem['stage'];
  sponsor_id: string | null;
  sponsor_name: string | null;
  value: number;
  cost: number;
  readiness_score: number;
  action: ScaleQueueItem['recommendation'];
  binding: Pattern | null;
  rule_id: string | null;
  recommendation_reasons: string[] | null;
  patterns: PatternDiagnosis[];
  last_decision_at: Date | null;
  waiting_since: Date;
  scale_question: boolean;
}

/** One row per queued pilot of the page, or a single row of nulls beside the total when the page is empty. */
type PageRow = { [K in keyof QueueRow]: QueueRow[K] | null } & { total: number };

const DAY_MS = 86_400_000;

/**
 * Why a pilot in the queue is not ready: its sponsorship fails (the analysis puts "secure a
 * sponsor" first then). The reason is the recommendation's evidence sentence when it has one.
 */
function sponsorshipBlock(row: QueueRow): string | null {
  if (row.sponsor_id !== null && row.rule_id !== 'keep_piloting_sponsorship') return null;
  const evidence = row.rule_id === 'keep_piloting_sponsorship' ? row.recommendation_reasons?.[1] : undefined;
  return evidence ?? 'No executive sponsor is named for the pilot.';
}

/**
 * The executives' working list: pilots that are ready, recommended or asked about for scale. A
 * pilot listed only because leadership asked, while its sponsorship fails, is marked blocked.
 */
@Injectable()
export class ScaleQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** `manager`: read inside that transaction (a pack's snapshot). */
  async list(query: ScaleQueueQueryDto, actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<Page<ScaleQueueItem>> {
    const window = pageWindow(query);
    const { scaleReadinessMin } = await this.settings.thresholds(manager);
    const params: unknown[] = [scaleReadinessMin];
    let filter = '';
    if (query.mine) {
      params.push(actor.id);
      filter += ` AND p.sponsor_id = $${params.length}`;
    }
    if (query.businessUnitId) {
      params.push(query.businessUnitId);
      filter += ` AND p.business_unit_id = $${params.length}`;
    }
    params.push(window.pageSize, window.skip);
    const limit = `$${params.length - 1}`;
    const offset = `$${params.length}`;
    // The queue is counted and paged in one statement; its rows are computed once (the CTE is read twice).
    const result: PageRow[] = await manager.query(
      `WITH candidates AS (
         SELECT p.id, p.name, p.business_unit_id, bu.name AS unit_name, p.stage, p.sponsor_id, s.name AS sponsor_name,
                p.annual_value_at_scale::float8 AS value, p.cost_to_scale::float8 AS cost,
                pd.readiness_score, pd.action, pd.recommendation->>'bindingConstraint' AS binding, pd.patterns,
                pd.recommendation->>'ruleId' AS rule_id, pd.recommendation->'reasons' AS recommendation_reasons,
                (SELECT max(d.decided_at) FROM decisions d WHERE d.pilot_id = p.id) AS last_decision_at,
                p.stage_entered_at,
                EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open'
                          AND f.kind = 'scale_question_unanswered') AS scale_question
           FROM pilots p
           JOIN business_units bu ON bu.id = p.business_unit_id
           JOIN pilot_diagnoses pd ON pd.pilot_id = p.id
           LEFT JOIN people s ON s.id = p.sponsor_id
          WHERE ${inScaleQueueSql('$1')} ${filter}),
       queue AS (
         SELECT *, greatest(last_decision_at, stage_entered_at) AS waiting_since FROM candidates)
       SELECT page.*, counted.total
         FROM (SELECT count(*)::int AS total FROM queue) counted
         LEFT JOIN LATERAL (SELECT * FROM queue ORDER BY readiness_score DESC, value DESC, waiting_since ASC, id
                             LIMIT ${limit} OFFSET ${offset}) page ON true`,
      params,
    );
    const total = result[0]?.total ?? 0;
    const rows = result.filter((row) => row.id !== null) as unknown as QueueRow[];
    const now = Date.now();
    const items = rows.map((row, index): ScaleQueueItem => {
      const blockedReason = sponsorshipBlock(row);
      const reasons: ScaleQueueReason[] = [];
      if (row.action === 'scale') reasons.push('recommended_scale');
      // A pilot whose sponsorship fails is never "ready", whatever its score says.
      if (row.readiness_score >= scaleReadinessMin && !blockedReason) reasons.push('high_readiness');
      if (row.scale_question) reasons.push('scale_question');
      const strongest = [...row.patterns].sort((a, b) => b.confidence - a.confidence)[0];
      return {
        rank: window.skip + index + 1,
        pilotId: row.id,
        pilotName: row.name,
        businessUnitId: row.business_unit_id,
        businessUnitName: row.unit_name,
        stage: row.stage,
        sponsor: row.sponsor_id ? { id: row.sponsor_id, name: row.sponsor_name ?? '' } : null,
        readinessScore: row.readiness_score,
        annualValueAtScale: row.value,
        costToScale: row.cost,
        recommendation: row.action,
        reasons,
        blockingPattern: row.binding ?? strongest?.pattern ?? null,
        blockedReason,
        daysWaiting: Math.max(0, Math.floor((now - new Date(row.waiting_since).getTime()) / DAY_MS)),
        lastDecisionAt: row.last_decision_at ? new Date(row.last_decision_at).toISOString() : null,
      };
    });
    return { items, total, page: window.page, pageSize: window.pageSize };
  }

  /** The whole queue a page at a time (its export); ranks continue across pages. */
  async *listAll(query: ScaleQueueQueryDto, actor: Actor, manager: EntityManager = this.dataSource.manager): AsyncGenerator<ScaleQueueItem[]> {
    yield* allPages(({ page, pageSize }) => this.list(Object.assign(new ScaleQueueQueryDto(), query, { page, pageSize }), actor, manager));
  }
}
