import type { DecisionKind, Pattern, RecommendationAction } from '@liftoff/shared';
import { DECISION_KIND_LABELS, PATTERN_LABELS, RECOMMENDATION_LABELS } from '../format/analysis-labels';

export function RecommendationBadge({ action }: { action: RecommendationAction }) {
  return <span className={`badge badge-action-${action}`}>{RECOMMENDATION_LABELS[action]}</span>;
}

export function DecisionBadge({ kind }: { kind: DecisionKind }) {
  return <span className={`badge badge-action-${kind}`}>{DECISION_KIND_LABELS[kind]}</span>;
}

/** The first few patterns as chips; the rest are counted so a row stays one line high. */
export function PatternChips({ patterns, max = 2 }: { patterns: Pattern[]; max?: number }) {
  if (patterns.length === 0) return <span className="muted">None</span>;
  const shown = patterns.slice(0, max);
  const hidden = patterns.slice(max);
  return (
    <span className="chip-list">
      {shown.map((pattern) => (
        <span key={pattern} className="chip">
          {PATTERN_LABELS[pattern]}
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="chip" title={hidden.map((p) => PATTERN_LABELS[p]).join(', ')}>
          +{hidden.length}
        </span>
      )}
    </span>
  );
}

/** "75" with a small bar under it; the score is out of 100. */
export function ReadinessScore({ score }: { score: number }) {
  return (
    <span className="readiness-score" title={`Readiness ${score} of 100`}>
      {score}
      <span className="readiness-meter" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
    </span>
  );
}
