import type { Stage } from '@liftoff/shared';
import { StatTile } from '../components/StatTile';
import { STAGE_LABELS } from '../format/labels';
import { formatInteger } from '../format/numbers';
import type { StageCounts } from './use-stage-counts';

const PATH_STAGES: Stage[] = ['proposed', 'piloting', 'scaling', 'production'];
const OFF_PATH_STAGES: Stage[] = ['paused', 'pivoted', 'killed'];

function pilotsLink(stage: Stage, businessUnitId?: string): string {
  const params = new URLSearchParams({ stage });
  if (businessUnitId) params.set('businessUnitId', businessUnitId);
  return `/pilots?${params}`;
}

/** Headline numbers: how many pilots sit at each stage of the path to production. */
export function StageCountTiles({ counts, businessUnitId }: { counts: StageCounts; businessUnitId?: string }) {
  const { byStage, total } = counts;
  const active = byStage.piloting + byStage.scaling;
  const finished = byStage.production + byStage.pivoted + byStage.killed;
  const toProduction = finished > 0 ? Math.round((byStage.production / finished) * 100) : null;
  return (
    <div className="tile-groups">
      <div className="tile-grid tile-grid-headline">
        <StatTile label="All pilots" value={formatInteger(total)} to={businessUnitId ? `/pilots?businessUnitId=${businessUnitId}` : '/pilots'} />
        <StatTile label="Active" value={formatInteger(active)} hint="Piloting or scaling" />
        <StatTile
          label="Reached production"
          value={toProduction === null ? '—' : `${toProduction}%`}
          hint="Of pilots that have finished (production, pivoted or killed)"
          tone={toProduction !== null && toProduction >= 50 ? 'positive' : 'default'}
        />
      </div>
      <h2 className="section-title">On the path to production</h2>
      <div className="tile-grid">
        {PATH_STAGES.map((stage) => (
          <StatTile key={stage} label={STAGE_LABELS[stage]} value={formatInteger(byStage[stage])} to={pilotsLink(stage, businessUnitId)} tone={stage === 'production' ? 'positive' : 'default'} />
        ))}
      </div>
      <h2 className="section-title">Off the path</h2>
      <div className="tile-grid">
        {OFF_PATH_STAGES.map((stage) => (
          <StatTile key={stage} label={STAGE_LABELS[stage]} value={formatInteger(byStage[stage])} to={pilotsLink(stage, businessUnitId)} tone={stage === 'paused' && byStage.paused > 0 ? 'warning' : 'muted'} />
        ))}
      </div>
    </div>
  );
}
