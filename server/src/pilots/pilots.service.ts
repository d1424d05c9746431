import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canChangeStage, dayStartNotAfter, type Page, type Pilot as PilotView, type StageChange as StageChangeView } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage } from '../common/pagination';
import { assertReference } from '../common/references';
import { assertNotNull, RequestValidationException } from '../common/validation';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { assertAssignablePerson } from '../people/assignable-person';
import { ChangeStageDto, PilotListQueryDto } from './dto/pilot-query.dto';
import { CreatePilotDto, UpdatePilotDto } from './dto/pilot.dto';
import { Pilot } from './pilot.entity';
import { toStageChangeView } from './pilot.mapper';
import { pilotListSql } from './pilot-list-query';
import { PILOT_VIEW_COLUMNS, toPilotViewFromRow, type PilotViewRow } from './pilot-view-row';
import { StageChange } from './stage-change.entity';
import { DomainEvents } from '../events/domain-events.service';
import { deny, type Actor } from '../auth/actor';
import { assertWorksOnPilot } from '../auth/pilot-access';

@Injectable()
export class PilotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async list(query: PilotListQueryDto): Promise<Page<PilotView>> {
    const window = pageWindow(query);
    const { where, sortKey, direction, params } = pilotListSql(query);
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    // The page's pilots are sorted and cut first, and only then get their names and facts (see
    // PILOT_VIEW_COLUMNS): computed in the sort's input they cost twice the floor. The count needs no
    // sort or names, and runs beside the page on another connection: under a costly filter (pattern,
    // health) it takes as long as the page, and in the same statement it would run after it.
    const [rows, [{ total }]]: [PilotViewRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PILOT_VIEW_COLUMNS}
           FROM (SELECT pilot.*, ${sortKey} AS sort_key FROM pilots pilot WHERE ${where}
                  ORDER BY sort_key ${direction} NULLS LAST, pilot.id LIMIT ${limit} OFFSET ${offset}) pilot
          ORDER BY pilot.sort_key ${direction} NULLS LAST, pilot.id`,
        [...params, window.pageSize, window.skip],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM pilots pilot WHERE ${where}`, params),
    ]);
    return toPage(rows, total, window, toPilotViewFromRow);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PilotView> {
    const [row] = (await manager.query(`SELECT ${PILOT_VIEW_COLUMNS} FROM pilots pilot WHERE pilot.id = $1`, [id])) as PilotViewRow[];
    if (!row) await findOrFail(manager, Pilot, id, 'Pilot');
    return toPilotViewFromRow(row!);
  }

  create(dto: CreatePilotDto, actorId: string | null = null): Promise<PilotView> {
    return this.dataSource.transaction(async (manager) => {
      assertTargetNotBeforeStart(dto.startDate, dto.targetProductionDate);
      await this.assertReferences(manager, dto);
      const stage = dto.stage ?? 'proposed';
      const now = dto.stageEnteredAt ? momentOf(dto.stageEnteredAt) : new Date();
      const pilot = await manager.save(
        manager.create(Pilot, {
          ...dto,
          summary: dto.summary ?? '',
          stage,
          stageEnteredAt: now,
          sponsorId: dto.sponsorId ?? null,
          targetProductionDate: dto.targetProductionDate ?? null,
          integrationSystems: dto.integrationSystems ?? [],
          pivotedFromId: dto.pivotedFromId ?? null,
        }),
      );
      await manager.save(
        manager.create(StageChange, { pilotId: pilot.id, fromStage: null, toStage: stage, changedAt: now, changedById: actorId, note: null }),
      );
      await this.events.emit(manager, { type: 'pilot.changed', change: 'pilot_created', pilotId: pilot.id, actorId });
      return this.get(pilot.id, manager);
    });
  }

  update(id: string, dto: UpdatePilotDto, actor?: Actor): Promise<PilotView> {
    assertNotNull(dto, ['name', 'summary', 'businessUnitId', 'useCaseCategory', 'leadId', 'startDate', 'complexity', 'integrationSystems', 'annualValueAtScale', 'costToDate', 'costToScale']);
    return this.dataSource.transaction(async (manager) => {
      const pilot = await loadForEdit(manager, Pilot, id, dto.version, 'Pilot');
      assertWorksOnPilot(actor, pilot, 'edit it');
      if (actor && actor.role !== 'program_office' && (dto.sponsorId !== undefined || dto.leadId !== undefined)) {
        deny('Only the program office can change who sponsors or leads a pilot');
      }
      if (actor && actor.role !== 'program_office' && dto.stageEnteredAt !== undefined) {
        deny('Only the program office can set the stage clock');
      }
      await this.assertReferences(manager, dto, pilot);
      if (dto.pivotedFromId === id) {
        throw new RequestValidationException([{ field: 'pivotedFromId', messages: ['a pilot cannot be pivoted from itself'] }]);
      }
      const { version: _version, stageEnteredAt, ...changes } = dto;
      Object.assign(pilot, changes);
      assertTargetNotBeforeStart(pilot.startDate, pilot.targetProductionDate);
      if (stageEnteredAt !== undefined) await this.backdateStageClock(manager, pilot, momentOf(stageEnteredAt));
      await manager.save(pilot);
      await this.events.emit(manager, { type: 'pilot.changed', change: 'pilot_edited', pilotId: id, actorId: actor?.id ?? null });
      return this.get(id, manager);
    });
  }

  changeStage(id: string, dto: ChangeStageDto, actorId: string | null = null): Promise<PilotView> {
    return this.dataSource.transaction(async (manager) => {
      const pilot = await loadForEdit(manager, Pilot, id, dto.version, 'Pilot');
      await this.moveStage(manager, pilot, dto.stage, actorId, dto.note ?? null);
      return this.get(id, manager);
    });
  }

  /** Records a stage move; shared with decisions, which move stages as their effect. */
  async moveStage(manager: EntityManager, pilot: Pilot, to: Pilot['stage'], actorId: string | null, note: string | null): Promise<void> {
    if (!canChangeStage(pilot.stage, to)) {
      throw new ConflictException(`A pilot in stage "${pilot.stage}" cannot move to "${to}"`);
    }
    const now = new Date();
    await manager.save(
      manager.create(StageChange, { pilotId: pilot.id, fromStage: pilot.stage, toStage: to, changedAt: now, changedById: actorId, note }),
    );
    pilot.stage = to;
    pilot.stageEnteredAt = now;
    await manager.save(pilot);
    await this.events.emit(manager, { type: 'pilot.changed', change: 'stage_changed', pilotId: pilot.id, actorId });
  }

  /**
   * Moves the start of the current stage (the latest stage change) to `at`, for a pilot that was in
   * that stage before anyone recorded it. It cannot precede the stage change before it.
   */
  private async backdateStageClock(manager: EntityManager, pilot: Pilot, at: Date): Promise<void> {
    const [latest, previous] = await manager.find(StageChange, { where: { pilotId: pilot.id }, order: { changedAt: 'DESC', id: 'DESC' }, take: 2 });
    if (previous && at < previous.changedAt) {
      throw new RequestValidationException([
        { field: 'stageEnteredAt', messages: [`stageEnteredAt must not be before the previous stage change (${previous.changedAt.toISOString()})`] },
      ]);
    }
    pilot.stageEnteredAt = at;
    if (latest) {
      latest.changedAt = at;
      await manager.save(latest);
    }
  }

  async stageChanges(id: string): Promise<StageChangeView[]> {
    const changes = await this.dataSource.getRepository(StageChange).find({
      where: { pilotId: id },
      relations: { changedBy: true },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
    // A row implies its pilot (foreign key), so only an empty answer needs the check for a 404.
    if (changes.length === 0) await findOrFail(this.dataSource.manager, Pilot, id, 'Pilot');
    return changes.map(toStageChangeView);
  }

  remove(id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.remove(await findOrFail(manager, Pilot, id, 'Pilot'));
    });
  }

  private async assertReferences(manager: EntityManager, dto: Partial<CreatePilotDto>, current?: Pilot): Promise<void> {
    await assertReference(manager, BusinessUnit, dto.businessUnitId, 'businessUnitId');
    await assertAssignablePerson(manager, dto.leadId, 'leadId', current?.leadId);
    await assertAssignablePerson(manager, dto.sponsorId, 'sponsorId', current?.sponsorId);
    await assertReference(manager, Pilot, dto.pivotedFromId, 'pivotedFromId');
  }
}

/** The database also refuses it, but only a check here can name the field. */
function assertTargetNotBeforeStart(startDate: string, targetProductionDate: string | null | undefined): void {
  if (targetProductionDate && targetProductionDate < startDate) {
    throw new RequestValidationException([
      { field: 'targetProductionDate', messages: [`targetProductionDate must not be before startDate (${startDate})`] },
    ]);
  }
}

/** A calendar date means the start of that day (UTC), or now while that is ahead (someone's today east of UTC). */
function momentOf(value: string): Date {
  return value.length === 10 ? dayStartNotAfter(value, new Date()) : new Date(value);
}
