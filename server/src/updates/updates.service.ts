import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isFutureWeek, isoWeekStart, kpiBoundsProblem, takesUpdates, UPDATE_STAGES, type Page, type WeeklyUpdate as WeeklyUpdateView } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { assertNotNull, RequestValidationException } from '../common/validation';
import { assertAssignableRow } from '../people/assignable-person';
import { Pilot } from '../pilots/pilot.entity';
import { Kpi } from '../kpis/kpi.entity';
import { AnalysisService } from '../signals/analysis.service';
import type { Actor } from '../auth/actor';
import { assertWorksOnPilot } from '../auth/pilot-access';
import { BlockerMatcherService } from '../blockers/blocker-matcher.service';
import { recomputeSeenWeeks, resolveBlockers, resolveReportedBlockers, saveMentionWordings } from '../blockers/blocker-register';
import { DomainEvents } from '../events/domain-events.service';
import { CreateWeeklyUpdateDto, EditWeeklyUpdateDto, KpiReadingDto, UpdateListQueryDto } from './dto/weekly-update.dto';
import { KpiReading } from './kpi-reading.entity';
import { WeeklyUpdate } from './weekly-update.entity';
import { loadPilotUpdatePage, loadUpdateViews, loadUpdateViewsVia } from './weekly-update-views';
import { batchedRun } from '../signals/batched-run';
import { loadPostContext } from './post-context';
import { insertUpdateRows } from './update-rows';

@Injectable()
export class UpdatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matcher: BlockerMatcherService,
    private readonly analysis: AnalysisService,
    private readonly events: DomainEvents,
  ) {}

  async listForPilot(pilotId: string, query: PageQueryDto): Promise<Page<WeeklyUpdateView>> {
    const window = pageWindow(query);
    const { views, total } = await loadPilotUpdatePage(this.dataSource.manager, pilotId, window);
    // An update implies its pilot (foreign key), so only an empty pilot needs the check for a 404.
    if (total === 0) await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    return toPage(views, total, window, (view) => view);
  }

  async listPortfolio(query: UpdateListQueryDto): Promise<Page<WeeklyUpdateView>> {
    const builder = this.dataSource.getRepository(WeeklyUpdate).createQueryBuilder('u').select(['u.id', 'u.weekStart', 'u.createdAt']);
    if (query.businessUnitId) builder.innerJoin('u.pilot', 'p').andWhere('p.businessUnitId = :unit', { unit: query.businessUnitId });
    if (query.fromWeek) builder.andWhere('u.weekStart >= :from', { from: isoDate(query.fromWeek) });
    if (query.toWeek) builder.andWhere('u.weekStart <= :to', { to: isoDate(query.toWeek) });
    const window = pageWindow(query);
    // One update has one pilot, so plain OFFSET/LIMIT is exact (no join duplication to page around).
    const total = await builder.getCount();
    const rows = await builder
      .orderBy('u.weekStart', 'DESC')
      .addOrderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize)
      .getMany();
    const loaded = await this.loadViews(this.dataSource.manager, rows.map((row) => row.id));
    return { items: loaded, total, page: window.page, pageSize: window.pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<WeeklyUpdateView> {
    await findOrFail(manager, WeeklyUpdate, id, 'Weekly update');
    return (await this.loadViews(manager, [id]))[0];
  }

  create(pilotId: string, dto: CreateWeeklyUpdateDto, actor?: Actor): Promise<WeeklyUpdateView> {
    return this.dataSource.transaction(async (manager) => {
      const started = new Date();
      // The author is whoever is signed in; only the program office may post on someone's behalf.
      const authorId = actor && (actor.role !== 'program_office' || !dto.authorId) ? actor.id : dto.authorId;
      const context = await loadPostContext(manager, pilotId, authorId ?? null, dto.week);
      if (!context.pilot) throw new NotFoundException(`Pilot ${pilotId} was not found`);
      assertWorksOnPilot(actor, context.pilot, 'post its weekly updates');
      assertTakesUpdates(context.pilot);
      if (!authorId) throw new RequestValidationException([{ field: 'authorId', messages: ['authorId is required'] }]);
      if (isFutureWeek(dto.week, new Date())) {
        throw new RequestValidationException([{ field: 'week', messages: ['week must not be in the future'] }]);
      }
      assertOutsideWithinActive(dto.activeUsers, dto.activeUsersOutsideTeam);
      assertAssignableRow(context.author, authorId, 'authorId');
      if (context.weekTaken) {
        throw new ConflictException(`This pilot already has an update for ${dto.week}; edit that one instead`);
      }
      const { kpiReadings, blockers, resolvedBlockers, ...fields } = dto;
      assertReadingsFit(context.kpis, kpiReadings ?? []);
      const update = manager.create(WeeklyUpdate, { ...fields, pivotSuggested: dto.pivotSuggested ?? false, authorId, pilotId, weekStart: isoDate(dto.week) });
      // The reported blockers' writes wait for the update's statement: the resolutions read other blockers only.
      const reported = await resolveReportedBlockers(manager, pilotId, dto.week, blockers ?? [], this.matcher, true);
      const blockerIds = reported.blockers.map((b) => b.id);
      await resolveBlockers(manager, pilotId, resolvedBlockers ?? [], 'resolvedBlockers', new Set(blockerIds));
      const saved = await insertUpdateRows(manager, update, {
        readings: kpiReadings ?? [], blockerIds, wordings: reported.wordings, createdBlockers: reported.created!, changedBlockers: reported.changed!,
      });
      await this.events.emit(manager, { type: 'pilot.changed', change: 'update_posted', pilotId, actorId: actor?.id ?? null, subjectId: saved.id });
      // Read back as stored (readings rounded to the column's scale), without checking it exists: it was
      // just written. The view and the flags in one round trip (see `batchedRun`).
      const run = batchedRun((sql, params) => manager.query(sql, params));
      const [[view], analysis] = await Promise.all([loadUpdateViewsVia(run, [saved.id]), this.analysis.outcomeVia(run, pilotId, started)]);
      return { ...view, analysis };
    });
  }

  edit(id: string, dto: EditWeeklyUpdateDto, actor?: Actor): Promise<WeeklyUpdateView> {
    assertNotNull(dto, ['health', 'summary', 'confidence', 'activeUsers', 'activeUsersOutsideTeam', 'scaleQuestionAsked', 'resourcesRedirected']);
    return this.dataSource.transaction(async (manager) => {
      const started = new Date();
      const update = await loadForEdit(manager, WeeklyUpdate, id, dto.version, 'Weekly update');
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, update.pilotId, 'Pilot'), 'edit its weekly updates');
      const { version: _version, kpiReadings, blockers, resolvedBlockers, ...fields } = dto;
      Object.assign(update, fields);
      assertOutsideWithinActive(update.activeUsers, update.activeUsersOutsideTeam);
      if (kpiReadings) {
        await this.assertKpisOfPilot(manager, update.pilotId, kpiReadings);
        await manager.delete(KpiReading, { updateId: id });
        await manager.save(kpiReadings.map((r) => manager.create(KpiReading, { updateId: id, kpiId: r.kpiId, value: r.value })));
      }
      let touchedBlockers: string[] = [];
      if (blockers) {
        const previous = await manager.findOne(WeeklyUpdate, { where: { id }, relations: { blockers: true } });
        touchedBlockers = (previous?.blockers ?? []).map((b) => b.id);
        const reported = await resolveReportedBlockers(manager, update.pilotId, update.week, blockers, this.matcher);
        update.blockers = reported.blockers;
        await manager.save(update);
        await saveMentionWordings(manager, id, reported.wordings);
      } else {
        await manager.save(update);
      }
      if (resolvedBlockers) {
        const reported = update.blockers ?? (await manager.findOne(WeeklyUpdate, { where: { id }, relations: { blockers: true } }))?.blockers ?? [];
        await resolveBlockers(manager, update.pilotId, resolvedBlockers, 'resolvedBlockers', new Set(reported.map((b) => b.id)));
      }
      // Readings and blockers live in other tables: replacing only them is still an edit of this update,
      // so its version must move on or a stale edit made afterwards would be accepted.
      if ((kpiReadings || blockers || resolvedBlockers) && update.version === dto.version) await manager.increment(WeeklyUpdate, { id }, 'version', 1);
      await recomputeSeenWeeks(manager, touchedBlockers);
      await this.events.emit(manager, { type: 'pilot.changed', change: 'update_edited', pilotId: update.pilotId, actorId: actor?.id ?? null });
      return { ...(await this.get(id, manager)), analysis: await this.analysis.outcomeSince(manager, update.pilotId, started) };
    });
  }

  /** Loads full views for ids, keeping the ids' order. */
  private loadViews(manager: EntityManager, ids: string[]): Promise<WeeklyUpdateView[]> {
    return loadUpdateViews(manager, ids);
  }

  private async assertKpisOfPilot(manager: EntityManager, pilotId: string, readings: KpiReadingDto[]): Promise<void> {
    if (readings.length === 0) return;
    assertReadingsFit(await manager.find(Kpi, { where: { pilotId }, select: { id: true, minValue: true, maxValue: true } }), readings);
  }
}

/** Each reading names a KPI of the pilot (`kpis`), at most once, with a value within the KPI's bounds. */
function assertReadingsFit(kpis: Pick<Kpi, 'id' | 'minValue' | 'maxValue'>[], readings: KpiReadingDto[]): void {
    const own = new Map(kpis.map((kpi) => [kpi.id, kpi]));
    const seen = new Set<string>();
    readings.forEach((reading, index) => {
      const field = `kpiReadings.${index}.kpiId`;
      const kpi = own.get(reading.kpiId);
      if (!kpi) throw new RequestValidationException([{ field, messages: [`${field} is not a KPI of this pilot`] }]);
      if (seen.has(reading.kpiId)) throw new RequestValidationException([{ field, messages: [`${field} is listed twice`] }]);
      seen.add(reading.kpiId);
      const outOfBounds = kpiBoundsProblem(kpi, reading.value);
      if (outOfBounds) throw new RequestValidationException([{ field: `kpiReadings.${index}.value`, messages: [`kpiReadings.${index}.value ${outOfBounds}`] }]);
    });
}

function isoDate(week: string): string {
  return isoWeekStart(week).toISOString().slice(0, 10);
}

function assertOutsideWithinActive(active: number, outside: number): void {
  if (outside > active) {
    throw new RequestValidationException([
      { field: 'activeUsersOutsideTeam', messages: ['activeUsersOutsideTeam must not exceed activeUsers'] },
    ]);
  }
}

/** The stage rule the dashboard applies too (shared `takesUpdates`). */
function assertTakesUpdates(pilot: Pick<Pilot, 'name' | 'stage'>): void {
  if (!takesUpdates(pilot.stage)) {
    throw new ConflictException(`Pilot "${pilot.name}" is ${pilot.stage}; weekly updates are taken only while it is ${UPDATE_STAGES.join(', ')}`);
  }
}
