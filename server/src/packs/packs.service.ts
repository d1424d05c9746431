import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { comparePacks, FIRST_PACK_LOOKBACK_DAYS, type ComparedSnapshot, type Pack, type PackSummary, type Page } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { pageWindow } from '../common/pagination';
import { CreatePackDto, PackListQueryDto } from './dto/pack.dto';
import { PACK_SUMMARY_SELECT, toPackSummary, type PackSummaryRow } from './pack.mapper';
import { PackRecord } from './pack.entity';
import { PackSnapshotService } from './pack-snapshot.service';

const DAY_MS = 86_400_000;
/** Held while a pack is made, so packs are made one after another and each sees the one before. */
export const PACK_LOCK_KEY = 7261003;

/** Makes packs (append-only) and reads them with the comparison to the pack before. */
@Injectable()
export class PacksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: PackSnapshotService,
  ) {}

  /**
   * Packs are made one at a time (a session advisory lock, taken before the transaction starts so its
   * snapshot sees the pack made just before), each in one repeatable-read transaction: every section of
   * the snapshot sees the same committed data.
   */
  async create(dto: CreatePackDto, actor: Actor): Promise<Pack> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let id: string;
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [PACK_LOCK_KEY]);
      try {
        await runner.startTransaction('REPEATABLE READ');
        try {
          id = await this.make(runner.manager, dto, actor);
          await runner.commitTransaction();
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [PACK_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
    return this.get(id);
  }

  async list(query: PackListQueryDto): Promise<Page<PackSummary>> {
    const window = pageWindow(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM packs`);
    const rows: PackSummaryRow[] = await this.dataSource.query(
      `${PACK_SUMMARY_SELECT} ORDER BY k.made_at DESC, k.number DESC LIMIT $1 OFFSET $2`,
      [window.pageSize, window.skip],
    );
    return { items: rows.map(toPackSummary), total, page: window.page, pageSize: window.pageSize };
  }

  async get(id: string): Promise<Pack> {
    const [row]: PackSummaryRow[] = await this.dataSource.query(`${PACK_SUMMARY_SELECT} WHERE k.id = $1`, [id]);
    if (!row) throw new NotFoundException(`Pack ${id} was not found`);
    const [{ snapshot }]: { snapshot: Pack['snapshot'] }[] = await this.dataSource.query(`SELECT snapshot FROM packs WHERE id = $1`, [id]);
    const previous: { made_at: Date; compared: ComparedSnapshot }[] = row.previous_pack_id
      ? await this.dataSource.query(
          `SELECT made_at, jsonb_build_object('pilots', snapshot -> 'pilots', 'stuck', snapshot -> 'stuck', 'scaleQueue', snapshot -> 'scaleQueue') AS compared
             FROM packs WHERE id = $1`,
          [row.previous_pack_id],
        )
      : [];
    return {
      ...toPackSummary(row),
      snapshot,
      previousMadeAt: previous[0] ? new Date(previous[0].made_at).toISOString() : null,
      comparison: previous[0] ? comparePacks(previous[0].compared, snapshot) : null,
    };
  }

  private async make(manager: EntityManager, dto: CreatePackDto, actor: Actor): Promise<string> {
    // The transaction's start: the moment the snapshot describes.
    const [{ now }]: { now: Date }[] = await manager.query(`SELECT now() AS now`);
    const previous = await manager.findOne(PackRecord, { select: { id: true, number: true, madeAt: true }, where: {}, order: { number: 'DESC' } });
    const since = previous?.madeAt ?? new Date(now.getTime() - FIRST_PACK_LOOKBACK_DAYS * DAY_MS);
    const snapshot = await this.snapshots.assemble(manager, since, actor);
    const pack = await manager.save(
      manager.create(PackRecord, {
        number: (previous?.number ?? 0) + 1,
        title: dto.title.trim(),
        madeAt: now,
        madeById: actor.id,
        previousPackId: previous?.id ?? null,
        snapshot,
      }),
    );
    return pack.id;
  }
}
