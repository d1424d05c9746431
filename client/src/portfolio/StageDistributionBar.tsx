import { STAGES } from '@liftoff/shared';
import { STAGE_LABELS } from '../format/labels';
import type { StageCounts } from './use-stage-counts';

/** One stacked bar of the whole portfolio by stage; plain CSS, so it costs no chart bundle. */
export function StageDistributionBar({ counts }: { counts: StageCounts }) {
  if (counts.total === 0) return null;
  const segments = STAGES.filter((stage) => counts.byStage[stage] > 0);
  return (
    <figure className="distribution">
      <div className="distribution-bar" role="img" aria-label={segments.map((s) => `${STAGE_LABELS[s]}: ${counts.byStage[s]}`).join(', ')}>
        {segments.map((stage) => (
          <span
            key={stage}
            className={`distribution-segment stage-fill-${stage}`}
            style={{ flexGrow: counts.byStage[stage] }}
            title={`${STAGE_LABELS[stage]}: ${counts.byStage[stage]}`}
          />
        ))}
      </div>
      <figcaption className="distribution-legend">
        {segments.map((stage) => (
          <span key={stage}>
            <span className={`legend-swatch stage-fill-${stage}`} aria-hidden="true" />
            {STAGE_LABELS[stage]} {counts.byStage[stage]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
