import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { comparePacks, FIRST_PACK_LOOKBACK_DAYS, type ComparedSnapshot, type Pack, type PackSummary, type Page } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { pageWindow } from '../common/pagination';
import { CreatePackDto, PackListQueryDto } from './dto/pack.dto';
import { PACK_SUMMARY_SELECT, toPackSummary, type PackSummaryRow } from './pack.mapper';
import { PackRecord } from './pack.entity';
import { PackSnapshotService } from './pack-snapshot.service';

const DAY_MS = 86_400_000;
/** Two packs made at the same moment: the loser assembles again on top of the winner. */
const ATTEMPTS = 3;

/** Unique number or previous pack taken by a pack made at the same moment, or a snapshot that could not serialize. */
function lostRace(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return code === '23505' || code === '40001';
}

/** Makes packs (append-only) and reads them with the comparison to the pack before. */
@Injectable()
export class PacksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: PackSnapshotService,
  ) {}

  async create(dto: CreatePackDto, actor: Actor): Promise<Pack> {
    for (let attempt = 1; ; attempt++) {
      try {
        // One repeatable-read transaction: every section of the snapshot sees the same committed data.
        const id = await this.dataSource.transaction('REPEATABLE READ', (manager) => this.make(manager, dto, actor));
        return await this.get(id);
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt === ATTEMPTS) throw new ConflictException('Other packs were being made at the same moment; make this one again');
      }
    }
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
