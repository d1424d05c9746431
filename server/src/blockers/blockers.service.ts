import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Blocker as BlockerView, BlockerStatus, Page, PortfolioBlocker } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage } from '../common/pagination';
import { Pilot } from '../pilots/pilot.entity';
import { Blocker } from './blocker.entity';
import type { Actor } from '../auth/actor';
import { assertWorksOnPilot } from '../auth/pilot-access';
import { toBlockerView, toPortfolioBlockerView } from './blocker.mapper';
import { PortfolioBlockerQueryDto, ReopenBlockerDto, ResolveBlockerDto } from './dto/blocker.dto';
import { DomainEvents } from '../events/domain-events.service';
import type { PilotChange } from '../events/domain-events';

@Injectable()
export class BlockersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async listForPilot(pilotId: string, status?: BlockerStatus): Promise<BlockerView[]> {
    await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    const blockers = await this.dataSource.getRepository(Blocker).find({
      where: { pilotId, status },
      order: { status: 'ASC', firstSeenWeek: 'ASC', createdAt: 'ASC' },
    });
    const counts = await this.mentionCounts(this.dataSource.manager, blockers.map((b) => b.id));
    return blockers.map((blocker) => toBlockerView(blocker, counts.get(blocker.id) ?? 0));
  }

  /** Every pilot's blockers: open first, then the longest standing. */
  async list(query: PortfolioBlockerQueryDto): Promise<Page<PortfolioBlocker>> {
    const window = pageWindow(query);
    const builder = this.dataSource.getRepository(Blocker).createQueryBuilder('blocker')
      .innerJoin('blocker.pilot', 'pilot')
      .addSelect(['pilot.id', 'pilot.name', 'pilot.businessUnitId'])
      .innerJoin('pilot.businessUnit', 'businessUnit')
      .addSelect(['businessUnit.id', 'businessUnit.name']);
    if (query.category) builder.andWhere('blocker.category = :category', { category: query.category });
    if (query.status) builder.andWhere('blocker.status = :status', { status: query.status });
    if (query.businessUnitId) builder.andWhere('pilot.businessUnitId = :unit', { unit: query.businessUnitId });
    if (query.stage) builder.andWhere('pilot.stage = :stage', { stage: query.stage });
    if (query.sponsorId) builder.andWhere('pilot.sponsorId = :sponsor', { sponsor: query.sponsorId });
    const [rows, total] = await builder
      .orderBy('blocker.status', 'ASC')
      .addOrderBy('blocker.firstSeenWeek', 'ASC')
      .addOrderBy('blocker.createdAt', 'ASC')
      .addOrderBy('blocker.id', 'ASC')
      // Both joins are many-to-one: LIMIT/OFFSET pages blockers.
      .offset(window.skip)
      .limit(window.pageSize)
      .getManyAndCount();
    const counts = await this.mentionCounts(this.dataSource.manager, rows.map((b) => b.id));
    return toPage(rows, total, window, (blocker) => toPortfolioBlockerView(blocker, counts.get(blocker.id) ?? 0));
  }

  resolve(id: string, dto: ResolveBlockerDto, actor?: Actor): Promise<BlockerView> {
    return this.dataSource.transaction(async (manager) => {
      const blocker = await loadForEdit(manager, Blocker, id, dto.version, 'Blocker');
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, blocker.pilotId, 'Pilot'), 'resolve its blockers');
      if (blocker.status === 'resolved') throw new ConflictException(`Blocker ${id} is already resolved`);
      blocker.status = 'resolved';
      blocker.resolvedAt = new Date();
      blocker.resolutionNote = dto.note ?? null;
      return this.saveChange(manager, blocker, 'blocker_resolved', actor);
    });
  }

  /** A blocker resolved too early comes back with its history (an update reporting it does the same). */
  reopen(id: string, dto: ReopenBlockerDto, actor?: Actor): Promise<BlockerView> {
    return this.dataSource.transaction(async (manager) => {
      const blocker = await loadForEdit(manager, Blocker, id, dto.version, 'Blocker');
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, blocker.pilotId, 'Pilot'), 'reopen its blockers');
      if (blocker.status === 'open') throw new ConflictException(`Blocker ${id} is already open`);
      blocker.status = 'open';
      blocker.resolvedAt = null;
      blocker.resolutionNote = null;
      return this.saveChange(manager, blocker, 'blocker_reopened', actor);
    });
  }

  private async saveChange(manager: EntityManager, blocker: Blocker, change: PilotChange, actor?: Actor): Promise<BlockerView> {
    const saved = await manager.save(blocker);
    await this.events.emit(manager, { type: 'pilot.changed', change, pilotId: blocker.pilotId, actorId: actor?.id ?? null });
    const counts = await this.mentionCounts(manager, [blocker.id]);
    return toBlockerView(saved, counts.get(blocker.id) ?? 0);
  }

  private async mentionCounts(manager: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { blocker_id: string; count: number }[] = await manager.query(
      `SELECT blocker_id, count(*)::int AS count FROM update_blockers WHERE blocker_id = ANY($1::uuid[]) GROUP BY blocker_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.blocker_id, row.count]));
  }
}
