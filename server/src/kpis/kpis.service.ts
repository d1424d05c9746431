import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { kpiDefinitionBoundsProblems, kpiDirectionProblem, type Kpi as KpiView } from '@liftoff/shared';
import { DomainEvents } from '../events/domain-events.service';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { assertNotNull, RequestValidationException } from '../common/validation';
import { Pilot } from '../pilots/pilot.entity';
import { CreateKpiDto, UpdateKpiDto } from './dto/kpi.dto';
import { Kpi } from './kpi.entity';
import type { Actor } from '../auth/actor';
import { assertWorksOnPilot } from '../auth/pilot-access';

export function toKpiView(kpi: Kpi): KpiView {
  return {
    id: kpi.id,
    pilotId: kpi.pilotId,
    name: kpi.name,
    unit: kpi.unit,
    baseline: kpi.baseline,
    target: kpi.target,
    direction: kpi.direction,
    minValue: kpi.minValue,
    maxValue: kpi.maxValue,
    version: kpi.version,
  };
}

@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async listForPilot(pilotId: string): Promise<KpiView[]> {
    const kpis = await this.dataSource.getRepository(Kpi).find({ where: { pilotId }, order: { name: 'ASC' } });
    // A row implies its pilot (foreign key), so only an empty answer needs the check for a 404.
    if (kpis.length === 0) await findOrFail(this.dataSource.manager, Pilot, pilotId, 'Pilot');
    return kpis.map(toKpiView);
  }

  async get(id: string): Promise<KpiView> {
    return toKpiView(await findOrFail(this.dataSource.manager, Kpi, id, 'KPI'));
  }

  create(pilotId: string, dto: CreateKpiDto, actor?: Actor): Promise<KpiView> {
    return this.dataSource.transaction(async (manager) => {
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, pilotId, 'Pilot'), 'manage its KPIs');
      await this.assertNameFree(manager, pilotId, dto.name);
      const kpi = await manager.save(
        manager.create(Kpi, { ...dto, pilotId, baseline: dto.baseline ?? null, target: dto.target ?? null, minValue: dto.minValue ?? null, maxValue: dto.maxValue ?? null }),
      );
      await this.changed(manager, kpi, 'kpi_created', actor);
      return toKpiView(kpi);
    });
  }

  update(id: string, dto: UpdateKpiDto, actor?: Actor): Promise<KpiView> {
    assertNotNull(dto, ['name', 'unit', 'direction']);
    return this.dataSource.transaction(async (manager) => {
      const kpi = await loadForEdit(manager, Kpi, id, dto.version, 'KPI');
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, kpi.pilotId, 'Pilot'), 'manage its KPIs');
      if (dto.name !== undefined) await this.assertNameFree(manager, kpi.pilotId, dto.name, id);
      const { version: _version, ...changes } = dto;
      Object.assign(kpi, changes);
      // A partial edit can break the pair without touching the target: check what would be stored.
      const problem = kpiDirectionProblem(kpi.direction, kpi.baseline, kpi.target);
      if (problem) throw new RequestValidationException([{ field: dto.target !== undefined ? 'target' : 'baseline', messages: [`target: ${problem}`] }]);
      const outOfBounds = kpiDefinitionBoundsProblems(kpi);
      if (outOfBounds.length > 0) throw new RequestValidationException(outOfBounds.map(({ field, message }) => ({ field, messages: [message] })));
      const saved = await manager.save(kpi);
      await this.changed(manager, saved, 'kpi_edited', actor);
      return toKpiView(saved);
    });
  }

  remove(id: string, actor?: Actor): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const kpi = await findOrFail(manager, Kpi, id, 'KPI');
      assertWorksOnPilot(actor, await findOrFail(manager, Pilot, kpi.pilotId, 'Pilot'), 'manage its KPIs');
      const pilotId = kpi.pilotId;
      await manager.remove(kpi);
      await this.events.emit(manager, { type: 'pilot.changed', change: 'kpi_deleted', pilotId, actorId: actor?.id ?? null });
    });
  }

  private changed(manager: EntityManager, kpi: Kpi, change: 'kpi_created' | 'kpi_edited', actor?: Actor): Promise<void> {
    return this.events.emit(manager, { type: 'pilot.changed', change, pilotId: kpi.pilotId, actorId: actor?.id ?? null });
  }

  private async assertNameFree(manager: EntityManager, pilotId: string, name: string, exceptId?: string): Promise<void> {
    const taken = await manager.exists(Kpi, { where: { pilotId, name, ...(exceptId ? { id: Not(exceptId) } : {}) } });
    if (taken) throw new ConflictException(`This pilot already has a KPI named "${name}"`);
  }
}
