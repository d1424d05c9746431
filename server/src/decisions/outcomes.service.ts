import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMPLEXITY_MONTHS, type Complexity, type DecisionOutcomes, type Stage } from '@liftoff/shared';
import { DecisionOutcomesQueryDto } from './dto/decision.dto';

const DAYS_PER_MONTH = 30.44;

/** What became of decisions: did scaled pilots reach production, and in what time against the plan. */
@Injectable()
export class OutcomesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** With a business unit, every figure counts only the decisions on that unit's pilots. */
  async summary(query: DecisionOutcomesQueryDto = {}): Promise<DecisionOutcomes> {
    const params = query.businessUnitId ? [query.businessUnitId] : [];
    const inUnit = query.businessUnitId ? 'AND p.business_unit_id = $1' : '';
    const scaleRows: { id: string; pilot_id: string; name: string; decided_at: Date; stage: Stage; complexity: Complexity; start_date: string; production_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT d.id, d.pilot_id, p.name, d.decided_at, p.stage, p.complexity, p.start_date::text AS start_date,
                (SELECT min(sc.changed_at) FROM stage_changes sc WHERE sc.pilot_id = p.id AND sc.to_stage = 'production') AS production_at
           FROM decisions d JOIN pilots p ON p.id = d.pilot_id
          WHERE d.kind = 'scale' ${inUnit} ORDER BY d.decided_at DESC`,
        params,
      );
    const pivotRows: { id: string; pilot_id: string; name: string; resulting_id: string | null; resulting_name: string | null; resulting_stage: Stage | null }[] =
      await this.dataSource.query(
        `SELECT d.id, d.pilot_id, p.name, r.id AS resulting_id, r.name AS resulting_name, r.stage AS resulting_stage
           FROM decisions d JOIN pilots p ON p.id = d.pilot_id LEFT JOIN pilots r ON r.id = d.resulting_pilot_id
          WHERE d.kind = 'pivot' ${inUnit} ORDER BY d.decided_at DESC`,
        params,
      );
    const [{ kills, median }] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM decisions d JOIN pilots p ON p.id = d.pilot_id WHERE d.kind = 'kill' ${inUnit}) AS kills,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_decision - first_update) / 86400)
                 FROM (SELECT (SELECT min(decided_at) FROM decisions d WHERE d.pilot_id = p.id) AS first_decision,
                              (SELECT min(created_at) FROM weekly_updates u WHERE u.pilot_id = p.id) AS first_update
                         FROM pilots p WHERE true ${inUnit}) t
                WHERE first_decision IS NOT NULL AND first_update IS NOT NULL) AS median`,
      params,
    );
    const quarters: { quarter: string; kind: string; count: number }[] = await this.dataSource.query(
      `SELECT to_char(d.decided_at, 'YYYY-"Q"Q') AS quarter, d.kind, count(*)::int AS count
         FROM decisions d JOIN pilots p ON p.id = d.pilot_id WHERE true ${inUnit} GROUP BY 1, 2 ORDER BY 1`,
      params,
    );
    const byQuarter = new Map<string, DecisionOutcomes['byQuarter'][number]>();
    for (const row of quarters) {
      const entry = byQuarter.get(row.quarter) ?? { quarter: row.quarter, scale: 0, pivot: 0, kill: 0, continue: 0 };
      entry[row.kind as 'scale'] = row.count;
      byQuarter.set(row.quarter, entry);
    }
    const scale = scaleRows.map((row) => ({
      decisionId: row.id,
      pilotId: row.pilot_id,
      pilotName: row.name,
      decidedAt: new Date(row.decided_at).toISOString(),
      reachedProduction: row.production_at !== null,
      monthsToProduction: row.production_at
        ? Math.round(((new Date(row.production_at).getTime() - new Date(`${row.start_date}T00:00:00Z`).getTime()) / 86_400_000 / DAYS_PER_MONTH) * 10) / 10
        : null,
      expectedMaxMonths: COMPLEXITY_MONTHS[row.complexity].max,
      currentStage: row.stage,
    }));
    return {
      scale,
      pivots: pivotRows.map((row) => ({
        decisionId: row.id,
        pilotId: row.pilot_id,
        pilotName: row.name,
        resultingPilotId: row.resulting_id,
        resultingPilotName: row.resulting_name,
        resultingStage: row.resulting_stage,
      })),
      kills,
      medianDaysFirstUpdateToDecision: median === null ? null : Math.round(Number(median)),
      byQuarter: [...byQuarter.values()],
      scaledReachedProductionShare: scale.length ? scale.filter((s) => s.reachedProduction).length / scale.length : null,
    };
  }
}
