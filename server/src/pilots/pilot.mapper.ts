import type { StageChange as StageChangeView } from '@liftoff/shared';
import type { StageChange } from './stage-change.entity';

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
