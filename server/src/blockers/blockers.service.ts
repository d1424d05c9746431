import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { MAX_BLOCKER_MATCHES, type Blocker as BlockerView, type BlockerMatch, type BlockerListQuery, type BlockerMention, type BlockerStatus, type Page, type PortfolioBlocker } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage } from '../common/pagination';
import { inOrderedBatches } from '../common/ordered-batches';
import { Pilot } from '../pilots/pilot.entity';
import { Blocker } from './blocker.entity';
import type { Actor } from '../auth/actor';
import { assertWorksOnPilot } from '../auth/pilot-access';
import { toBlockerView, toPortfolioBlockerView } from './blocker.mapper';
import { blockerPageSql, PILOT_BLOCKERS_SQL, toBlockerFromRow, toPortfolioBlockerFromRow, type BlockerPageRow, type BlockerRow } from './blocker-list-query';
import { PortfolioBlockerQueryDto, ReopenBlockerDto, ResolveBlockerDto } from './dto/blocker.dto';
import { DomainEvents } from '../events/domain-events.service';
import type { PilotChange } from '../events/domain-events';
import { BlockerMatcherService } from './blocker-matcher.service';

/** The export's filters (`pilot` joined), as `blockerPageSql` applies them to a page. */
function filterBlockers<B extends SelectQueryBuilder<Blocker>>(builder: B, query: BlockerListQuery): B {
  if (query.businessUnitId) builder.andWhere('pilot.businessUnitId = :unit', { unit: query.businessUnitId });
  if (query.stage) builder.andWhere('pilot.stage = :stage', { stage: query.stage });
  if (query.sponsorId) builder.andWhere('pilot.sponsorId = :sponsor', { sponsor: query.sponsorId });
  if (query.category) builder.andWhere('blocker.category = :category', { category: query.category });
  if (query.status) builder.andWhere('blocker.status = :status', { status: query.status });
  return builder;
}

/** The export's order, as `blockerPageSql`'s: open first, then the longest standing. */
function orderBlockers<B extends SelectQueryBuilder<Blocker>>(builder: B): B {
  return builder
    .orderBy('blocker.status', 'ASC')
    .addOrderBy('blocker.firstSeenWeek', 'ASC')
    .addOrderBy('blocker.createdAt', 'ASC')
    .addOrderBy('blocker.id', 'ASC') as B;
}

@Injectable()
export class BlockersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly matcher: BlockerMatcherService,
  ) {}

  /** The pilot's open blockers a typed text resembles, best first, as the update form asks about them. */
  async matches(pilotId: string, text: string): Promise<BlockerMatch[]> {
    const manager = this.dataSource.manager;
    await findOrFail(manager, Pilot, pilotId, 'Pilot');
    const { blockers, candidates } = await this.matcher.openBlockers(manager, pilotId);
    const byId = new Map(blockers.map((blocker) => [blocker.id, blocker]));
    return this.matcher.rank(text, candidates).slice(0, MAX_BLOCKER_MATCHES).map((match) => ({
      blockerId: match.id,
      text: byId.get(match.id)!.text,
      category: byId.get(match.id)!.category,
      score: match.score,
      autoLink: match.autoLink,
      matchedWording: match.wording,
    }));
  }

  /** The updates that reported a blocker, oldest first, in the words each used. */
  async mentions(id: string): Promise<BlockerMention[]> {
    const blocker = await findOrFail(this.dataSource.manager, Blocker, id, 'Blocker');
    const rows: { update_id: string; week: string; text: string | null }[] = await this.dataSource.query(
      `SELECT u.id AS update_id, u.week,
              (SELECT w.text FROM blocker_wordings w WHERE w.update_id = u.id AND w.blocker_id = ub.blocker_id ORDER BY w.created_at, w.id LIMIT 1) AS text
         FROM update_blockers ub JOIN weekly_updates u ON u.id = ub.update_id
        WHERE ub.blocker_id = $1 ORDER BY u.week_start, u.id`,
      [id],
    );
    return rows.map((row) => ({ updateId: row.update_id, week: row.week, text: row.text ?? blocker.text }));
  }

  async listForPilot(pilotId: string, status?: BlockerStatus): Promise<BlockerView[]> {
    const rows: BlockerRow[] = await this.dataSource.query(PILOT_BLOCKERS_SQL, [pilotId, status ?? null]);
    // A row implies its pilot (foreign key), so only an empty answer needs the check for a 404.
    if (rows.length === 0) await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    return rows.map(toBlockerFromRow);
  }

  /** Every pilot's blockers: open first, then the longest standing (see `blockerPageSql`). */
  async list(query: PortfolioBlockerQueryDto): Promise<Page<PortfolioBlocker>> {
    const window = pageWindow(query);
    const { page, count, params } = blockerPageSql(query);
    const [rows, [{ total }]]: [BlockerPageRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(page, [...params, window.pageSize, window.skip]),
      this.dataSource.query(count, params),
    ]);
    return toPage(rows, total, window, toPortfolioBlockerFromRow);
  }

  /** The same list without pages, a batch at a time (its export). */
  async *listAll(query: BlockerListQuery): AsyncGenerator<PortfolioBlocker[]> {
    const ids = (await this.portfolioBlockers(query).select('blocker.id', 'id').getRawMany<{ id: string }>()).map((row) => row.id);
    const load = async (batch: string[]) => {
      const rows = await this.portfolioBlockers({}).andWhere('blocker.id IN (:...batch)', { batch }).getMany();
      const counts = await this.mentionCounts(this.dataSource.manager, batch);
      return rows.map((blocker) => toPortfolioBlockerView(blocker, counts.get(blocker.id) ?? 0));
    };
    yield* inOrderedBatches(ids, load, (blocker) => blocker.id);
  }

  private blockers() {
    return this.dataSource.getRepository(Blocker).createQueryBuilder('blocker');
  }

  /** The portfolio list's rows (with pilot and unit names), filtered and in its order. */
  private portfolioBlockers(query: BlockerListQuery) {
    const builder = this.blockers()
      .innerJoin('blocker.pilot', 'pilot')
      .addSelect(['pilot.id', 'pilot.name', 'pilot.businessUnitId'])
      .innerJoin('pilot.businessUnit', 'businessUnit')
      .addSelect(['businessUnit.id', 'businessUnit.name']);
    return orderBlockers(filterBlockers(builder, query));
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
