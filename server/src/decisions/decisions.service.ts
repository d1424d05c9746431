import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isClosedStage, type DecisionKind, type DecisionListQuery, type DecisionView, type Page, type RecommendationAction } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { assertDecidesFor } from '../auth/pilot-access';
import { DomainEvents } from '../events/domain-events.service';
import { findOrFail } from '../common/optimistic-lock';
import { pageWindow } from '../common/pagination';
import { inOrderedBatches } from '../common/ordered-batches';
import { RequestValidationException } from '../common/validation';
import { Kpi } from '../kpis/kpi.entity';
import { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { StageChange } from '../pilots/stage-change.entity';
import { AnalysisService } from '../signals/analysis.service';
import { PilotDiagnosisRecord } from '../signals/pilot-diagnosis.entity';
import { Decision, type DecisionSnapshot } from './decision.entity';
import { toDecisionView } from './decision.mapper';
import { DecisionListQueryDto, RecordDecisionDto } from './dto/decision.dto';

/** The recommendation a decision of each kind agrees with. */
const MATCHING_ACTION: Record<DecisionKind, RecommendationAction> = { scale: 'scale', pivot: 'pivot', kill: 'kill', continue: 'keep_piloting' };

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilots: PilotsService,
    private readonly analysis: AnalysisService,
    private readonly events: DomainEvents,
  ) {}

  /** Records a decision and applies its effect on the pilot, all in one transaction. */
  record(pilotId: string, dto: RecordDecisionDto, actor: Actor): Promise<DecisionView> {
    return this.dataSource.transaction(async (manager) => {
      const pilot = await manager.findOne(Pilot, { where: { id: pilotId }, lock: { mode: 'pessimistic_write' } });
      if (!pilot) await findOrFail(manager, Pilot, pilotId, 'Pilot');
      assertDecidesFor(actor, pilot!);
      if (isClosedStage(pilot!.stage)) {
        throw new ConflictException(`Pilot "${pilot!.name}" is ${pilot!.stage}; no further decisions can be recorded on it`);
      }
      this.assertReviewDate(dto);
      if (dto.supersedesId) {
        const superseded = await manager.findOne(Decision, { where: { id: dto.supersedesId, pilotId } });
        if (!superseded) throw new RequestValidationException([{ field: 'supersedesId', messages: ['supersedesId is not a decision of this pilot'] }]);
      }
      const snapshot = await this.snapshot(manager, pilotId);
      const resultingPilotId = await this.applyEffect(manager, pilot!, dto, actor);
      const recommendedAction = snapshot.recommendation?.action ?? null;
      const decision = await manager.save(
        manager.create(Decision, {
          pilotId,
          kind: dto.kind,
          rationale: dto.rationale.trim(),
          decidedById: actor.id,
          decidedAt: new Date(),
          nextReviewDate: dto.nextReviewDate ?? null,
          snapshot,
          recommendedAction,
          followedRecommendation: recommendedAction === MATCHING_ACTION[dto.kind],
          supersedesId: dto.supersedesId ?? null,
          resultingPilotId,
        }),
      );
      // A decision answers the scale question and may close the pilot.
      await this.events.emit(manager, { type: 'pilot.changed', change: 'decision_recorded', pilotId, actorId: actor.id, subjectId: decision.id });
      return this.view(manager, decision.id);
    });
  }

  async list(query: DecisionListQueryDto): Promise<Page<DecisionView>> {
    const window = pageWindow(query);
    // Both joins are many-to-one, so a plain LIMIT/OFFSET pages decisions in one query (skip/take made it
    // two), and the count runs beside it rather than after it.
    const [rows, total] = await Promise.all([
      this.logEntries(query).offset(window.skip).limit(window.pageSize).getMany(),
      this.logEntries(query).getCount(),
    ]);
    return { items: rows.map(toDecisionView), total, page: window.page, pageSize: window.pageSize };
  }

  /** The same log without pages, a batch at a time (its export). */
  async *listAll(query: DecisionListQuery): AsyncGenerator<DecisionView[]> {
    const ids = (await this.logEntries(query).select('d.id', 'id').getRawMany<{ id: string }>()).map((row) => row.id);
    const load = async (batch: string[]) => (await this.logEntries({}).andWhere('d.id IN (:...batch)', { batch }).getMany()).map(toDecisionView);
    yield* inOrderedBatches(ids, load, (decision) => decision.id);
  }

  /** The decision log filtered, newest first, with pilot and decider loaded. */
  private logEntries(query: DecisionListQuery) {
    const builder = this.dataSource.getRepository(Decision).createQueryBuilder('d')
      .leftJoinAndSelect('d.pilot', 'pilot')
      .leftJoinAndSelect('d.decidedBy', 'decidedBy');
    if (query.kind) builder.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.pilotId) builder.andWhere('d.pilotId = :pilotId', { pilotId: query.pilotId });
    if (query.businessUnitId) builder.andWhere('pilot.businessUnitId = :unit', { unit: query.businessUnitId });
    if (query.decidedById) builder.andWhere('d.decidedById = :by', { by: query.decidedById });
    if (query.sponsorId) builder.andWhere('pilot.sponsorId = :sponsor', { sponsor: query.sponsorId });
    if (query.stage) builder.andWhere('pilot.stage = :stage', { stage: query.stage });
    if (query.quarter) {
      // The database's calendar, as the quarters of the outcomes and the overview are counted.
      const [year, q] = query.quarter.split('-Q').map(Number);
      const quarterStart = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
      builder.andWhere(`d.decidedAt >= CAST(:quarterStart AS date) AND d.decidedAt < CAST(:quarterStart AS date) + interval '3 months'`, { quarterStart });
    }
    return builder.orderBy('d.decidedAt', 'DESC').addOrderBy('d.id', 'ASC');
  }

  private assertReviewDate(dto: RecordDecisionDto): void {
    const needsReview = dto.kind === 'scale' || dto.kind === 'continue';
    if (needsReview && !dto.nextReviewDate) {
      throw new RequestValidationException([{ field: 'nextReviewDate', messages: [`nextReviewDate is required for a ${dto.kind} decision`] }]);
    }
    if (dto.nextReviewDate && dto.nextReviewDate <= new Date().toISOString().slice(0, 10)) {
      throw new RequestValidationException([{ field: 'nextReviewDate', messages: ['nextReviewDate must be after today'] }]);
    }
  }

  /** What Liftoff said at the moment of the decision, kept with it. */
  private async snapshot(manager: EntityManager, pilotId: string): Promise<DecisionSnapshot> {
    const { openFlags } = await this.analysis.analyseOne(manager, pilotId);
    const diagnosis = await manager.findOne(PilotDiagnosisRecord, { where: { pilotId } });
    return {
      flags: openFlags.map((flag) => ({ kind: flag.kind, summary: flag.summary })),
      patterns: diagnosis?.patterns.map((p) => p.pattern) ?? [],
      recommendation: diagnosis
        ? { action: diagnosis.recommendation.action, reasons: diagnosis.recommendation.reasons, readinessScore: diagnosis.recommendation.readinessScore }
        : null,
    };
  }

  /** Moves the stage (or creates the pivoted pilot); returns the new pilot's id for a pivot. */
  private async applyEffect(manager: EntityManager, pilot: Pilot, dto: RecordDecisionDto, actor: Actor): Promise<string | null> {
    const note = `Decision: ${dto.kind}`;
    if (dto.kind === 'scale' && pilot.stage !== 'scaling') await this.pilots.moveStage(manager, pilot, 'scaling', actor.id, note);
    if (dto.kind === 'kill') await this.pilots.moveStage(manager, pilot, 'killed', actor.id, note);
    if (dto.kind !== 'pivot') return null;
    await this.pilots.moveStage(manager, pilot, 'pivoted', actor.id, note);
    const now = new Date();
    const successor = await manager.save(
      manager.create(Pilot, {
        name: dto.pivot?.name ?? `${pilot.name} (pivot)`,
        summary: dto.pivot?.summary ?? pilot.summary,
        businessUnitId: pilot.businessUnitId,
        useCaseCategory: pilot.useCaseCategory,
        leadId: pilot.leadId,
        sponsorId: pilot.sponsorId,
        stage: 'piloting',
        stageEnteredAt: now,
        startDate: now.toISOString().slice(0, 10),
        targetProductionDate: null,
        complexity: pilot.complexity,
        integrationSystems: pilot.integrationSystems,
        annualValueAtScale: pilot.annualValueAtScale,
        costToDate: 0,
        costToScale: pilot.costToScale,
        pivotedFromId: pilot.id,
      }),
    );
    await manager.save(manager.create(StageChange, { pilotId: successor.id, fromStage: null, toStage: 'piloting', changedAt: now, changedById: actor.id, note: `Pivoted from ${pilot.name}` }));
    const kpis = await manager.find(Kpi, { where: { pilotId: pilot.id } });
    await manager.save(kpis.map((k) => manager.create(Kpi, { pilotId: successor.id, name: k.name, unit: k.unit, baseline: k.baseline, target: k.target, direction: k.direction })));
    await this.events.emit(manager, { type: 'pilot.changed', change: 'pilot_created', pilotId: successor.id, actorId: actor.id });
    return successor.id;
  }

  private async view(manager: EntityManager, id: string): Promise<DecisionView> {
    return toDecisionView(await manager.findOneOrFail(Decision, { where: { id }, relations: { pilot: true, decidedBy: true } }));
  }
}
