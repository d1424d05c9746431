import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import type { PackPilot, PackSnapshot, PackStageChange, ScaleQueueItem, StuckPilot } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { Decision } from '../decisions/decision.entity';
import { toDecisionView } from '../decisions/decision.mapper';
import { ScaleQueueService } from '../decisions/scale-queue.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import { FLAG_SELECT, toFlagView, type FlagRow } from '../signals/flag.mapper';

interface StageChangeRow {
  pilot_id: string;
  pilot_name: string;
  from_stage: PackStageChange['fromStage'];
  to_stage: PackStageChange['toStage'];
  changed_at: Date;
  changed_by_id: string | null;
  changed_by_name: string | null;
  note: string | null;
}

/**
 * Assembles what a pack freezes, from the same services the live pages use, all inside the caller's
 * transaction so every section describes the same moment.
 */
@Injectable()
export class PackSnapshotService {
  constructor(
    private readonly portfolio: PortfolioService,
    private readonly scaleQueue: ScaleQueueService,
  ) {}

  async assemble(manager: EntityManager, since: Date, actor: Actor): Promise<PackSnapshot> {
    const overview = await this.portfolio.overview({}, manager);
    const stuck = await this.stuckPilots(manager);
    const scaleQueue: ScaleQueueItem[] = [];
    for await (const batch of this.scaleQueue.listAll({}, actor, manager)) scaleQueue.push(...batch);
    const decisions = await manager.find(Decision, {
      where: { decidedAt: MoreThan(since) },
      relations: { pilot: true, decidedBy: true },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
    const stageChanges: StageChangeRow[] = await manager.query(
      `SELECT sc.pilot_id, p.name AS pilot_name, sc.from_stage, sc.to_stage, sc.changed_at, sc.changed_by_id, pe.name AS changed_by_name, sc.note
         FROM stage_changes sc JOIN pilots p ON p.id = sc.pilot_id LEFT JOIN people pe ON pe.id = sc.changed_by_id
        WHERE sc.changed_at > $1 ORDER BY sc.changed_at, sc.id`,
      [since],
    );
    const pilots: PackPilot[] = await manager.query(`SELECT id, name, stage FROM pilots ORDER BY name, id`);
    return {
      since: since.toISOString(),
      overview,
      stuck,
      scaleQueue,
      decisions: decisions.map(toDecisionView),
      stageChanges: stageChanges.map((row) => ({
        pilotId: row.pilot_id,
        pilotName: row.pilot_name,
        fromStage: row.from_stage,
        toStage: row.to_stage,
        changedAt: new Date(row.changed_at).toISOString(),
        changedBy: row.changed_by_id ? { id: row.changed_by_id, name: row.changed_by_name ?? '' } : null,
        note: row.note,
      })),
      pilots,
    };
  }

  /** The whole stuck list (every pilot with an open flag, longest stuck first), each flag with its evidence. */
  private async stuckPilots(manager: EntityManager): Promise<StuckPilot[]> {
    const rows: FlagRow[] = await manager.query(`${FLAG_SELECT} WHERE f.status = 'open' ORDER BY f.opened_at, p.name, f.kind, f.id`);
    const byPilot = new Map<string, StuckPilot>();
    for (const flag of rows.map(toFlagView)) {
      const group = byPilot.get(flag.pilotId) ?? { pilotId: flag.pilotId, pilotName: flag.pilotName, businessUnitId: flag.businessUnitId, businessUnitName: flag.businessUnitName, stage: flag.stage, flags: [] };
      group.flags.push(flag);
      byPilot.set(flag.pilotId, group);
    }
    return [...byPilot.values()];
  }
}
