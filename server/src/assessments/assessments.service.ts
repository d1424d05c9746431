import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READINESS_TESTS, type ReadinessAssessment, type WriteAnalysis } from '@liftoff/shared';
import { findOrFail } from '../common/optimistic-lock';
import { assertReference } from '../common/references';
import { Person } from '../people/person.entity';
import { Pilot } from '../pilots/pilot.entity';
import { AnalysisService } from '../signals/analysis.service';
import { DomainEvents } from '../events/domain-events.service';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { ReadinessAssessmentRecord, type StoredAnswers } from './readiness-assessment.entity';

export function toAssessmentView(record: ReadinessAssessmentRecord): ReadinessAssessment {
  return {
    id: record.id,
    pilotId: record.pilotId,
    assessedAt: record.assessedAt.toISOString(),
    assessedBy: record.assessedById ? { id: record.assessedById, name: record.assessedBy?.name ?? '' } : null,
    answers: record.answers,
  };
}

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly events: DomainEvents,
  ) {}

  /** Newest first: the history of how the program office judged this pilot. */
  async listForPilot(pilotId: string): Promise<ReadinessAssessment[]> {
    await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    const records = await this.dataSource.getRepository(ReadinessAssessmentRecord).find({
      where: { pilotId },
      relations: { assessedBy: true },
      order: { assessedAt: 'DESC', id: 'ASC' },
    });
    return records.map(toAssessmentView);
  }

  /** The pilot's latest `count` assessments, newest first (no check that the pilot exists). */
  async latestForPilot(pilotId: string, count: number): Promise<ReadinessAssessment[]> {
    // The assessor is many-to-one, so a plain LIMIT is exact: one query (find's `take` with a relation makes it two).
    const records = await this.dataSource
      .getRepository(ReadinessAssessmentRecord)
      .createQueryBuilder('assessment')
      .leftJoinAndSelect('assessment.assessedBy', 'assessedBy')
      .where('assessment.pilotId = :pilotId', { pilotId })
      .orderBy('assessment.assessedAt', 'DESC')
      .addOrderBy('assessment.id', 'ASC')
      .limit(count)
      .getMany();
    return records.map(toAssessmentView);
  }

  /** Records a re-assessment and re-diagnoses the pilot in the same transaction. */
  create(pilotId: string, dto: CreateAssessmentDto, actorId: string | null = null): Promise<ReadinessAssessment & { analysis: WriteAnalysis }> {
    return this.dataSource.transaction(async (manager) => {
      const started = new Date();
      await findOrFail(manager, Pilot, pilotId, 'Pilot');
      const assessedById = actorId ?? dto.assessedById ?? null;
      await assertReference(manager, Person, assessedById, 'assessedById');
      const answers = Object.fromEntries(
        READINESS_TESTS.map((test) => [test, { answer: dto.answers[test].answer, note: dto.answers[test].note ?? null }]),
      ) as StoredAnswers;
      const saved = await manager.save(manager.create(ReadinessAssessmentRecord, { pilotId, assessedAt: new Date(), assessedById, answers }));
      await this.events.emit(manager, { type: 'pilot.changed', change: 'assessment_recorded', pilotId, actorId });
      const analysis = await this.analysis.outcomeSince(manager, pilotId, started);
      const record = await manager.findOneOrFail(ReadinessAssessmentRecord, { where: { id: saved.id }, relations: { assessedBy: true } });
      return { ...toAssessmentView(record), analysis };
    });
  }
}
