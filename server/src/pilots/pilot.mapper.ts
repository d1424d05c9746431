import type { Pilot as PilotView, StageChange as StageChangeView } from '@liftoff/shared';
import type { Pilot } from './pilot.entity';
import type { StageChange } from './stage-change.entity';
import type { PilotFacts } from './pilot-facts';

/** Expects lead, sponsor and businessUnit to be loaded. */
export function toPilotView(pilot: Pilot, facts: PilotFacts): PilotView {
  return {
    id: pilot.id,
    name: pilot.name,
    summary: pilot.summary,
    businessUnitId: pilot.businessUnitId,
    businessUnitName: pilot.businessUnit?.name ?? '',
    useCaseCategory: pilot.useCaseCategory,
    lead: { id: pilot.leadId, name: pilot.lead?.name ?? '' },
    sponsor: pilot.sponsorId ? { id: pilot.sponsorId, name: pilot.sponsor?.name ?? '' } : null,
    stage: pilot.stage,
    stageEnteredAt: pilot.stageEnteredAt.toISOString(),
    startDate: pilot.startDate,
    targetProductionDate: pilot.targetProductionDate,
    complexity: pilot.complexity,
    integrationSystems: pilot.integrationSystems,
    annualValueAtScale: pilot.annualValueAtScale,
    costToDate: pilot.costToDate,
    costToScale: pilot.costToScale,
    pivotedFromId: pilot.pivotedFromId,
    ...facts,
    version: pilot.version,
    createdAt: pilot.createdAt.toISOString(),
    updatedAt: pilot.updatedAt.toISOString(),
  };
}

export function toStageChangeView(change: StageChange): StageChangeView {
  return {
    id: change.id,
    pilotId: change.pilotId,
    fromStage: change.fromStage,
    toStage: change.toStage,
    changedAt: change.changedAt.toISOString(),
    changedBy: change.changedById ? { id: change.changedById, name: change.changedBy?.name ?? '' } : null,
    note: change.note,
  };
}
