import { formatDate } from '../format/dates';
import { COMPLEXITY_PILOT, type Complexity } from '@liftoff/shared';
import type { TimelinePosition } from './chart-data/timeline-position';

const STATUS_TEXT: Record<TimelinePosition['status'], string> = {
  before_window: 'Before the expected window',
  in_window: 'Inside the expected window',
  past_window: 'Past the expected window',
};

/** A track from start to beyond the upper bound: the shaded band is the expected time to production. */
export function TimelinePositionBar({ position, complexity }: { position: TimelinePosition; complexity: Complexity }) {
  const { monthsElapsed, min, max, status, stopped, deadline } = position;
  const scale = Math.max(max * 1.25, monthsElapsed * 1.05);
  const pct = (months: number) => `${Math.min(100, (months / scale) * 100)}%`;
  const summary = stopped
    ? `Took ${monthsElapsed} months (expected ${min}–${max} for ${COMPLEXITY_PILOT[complexity]})`
    : `${monthsElapsed} months in · expected ${min}–${max} months for ${COMPLEXITY_PILOT[complexity]}`;
  return (
    <div className={`timeline-position timeline-${status}`}>
      <div className="timeline-position-text">
        <span>{summary}</span>
        <span className="timeline-status">
          {STATUS_TEXT[status]}
          {!stopped && status !== 'past_window' && <span className="muted"> · upper bound {formatDate(deadline)}</span>}
        </span>
      </div>
      <div
        className="timeline-track"
        role="img"
        aria-label={`${monthsElapsed} months elapsed; expected between ${min} and ${max} months`}
      >
        <div className="timeline-window" style={{ left: pct(min), width: `calc(${pct(max)} - ${pct(min)})` }} />
        <div className="timeline-elapsed" style={{ width: pct(monthsElapsed) }} />
        <div className="timeline-marker" style={{ left: pct(monthsElapsed) }} />
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span style={{ left: 0 }}>0</span>
        <span style={{ left: pct(min) }}>{min} mo</span>
        <span style={{ left: pct(max) }}>{max} mo</span>
      </div>
    </div>
  );
}
