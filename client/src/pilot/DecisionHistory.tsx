import { Link } from 'react-router-dom';
import { usePilotDecisions } from '../api/decisions';
import { DecisionBadge } from '../components/AnalysisBadges';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { RECOMMENDATION_LABELS } from '../format/analysis-labels';
import { formatDate } from '../format/dates';

/** Every decision taken on this pilot, newest first, with whether it followed the recommendation. */
export function DecisionHistory({ pilotId }: { pilotId: string }) {
  const decisions = usePilotDecisions(pilotId);
  return (
    <section className="card" aria-labelledby="decision-history-heading">
      <header className="card-header">
        <h2 id="decision-history-heading" className="card-title">
          Decisions
        </h2>
      </header>
      {decisions.isPending ? (
        <LoadingState />
      ) : decisions.isError ? (
        <ErrorState error={decisions.error} onRetry={() => decisions.refetch()} />
      ) : decisions.data.items.length === 0 ? (
        <p className="muted">No decision recorded yet.</p>
      ) : (
        <ol className="decision-history">
          {decisions.data.items.map((d) => (
            <li key={d.id}>
              <span>
                <DecisionBadge kind={d.kind} /> <span className="muted">{formatDate(d.decidedAt)} · {d.decidedBy.name}</span>
              </span>
              <span>{d.rationale}</span>
              <span className="cell-sub">
                {d.recommendedAction
                  ? `${d.followedRecommendation ? 'Followed' : 'Overrode'} the recommendation (${RECOMMENDATION_LABELS[d.recommendedAction]})`
                  : 'No recommendation at the time'}
                {d.nextReviewDate && ` · review ${formatDate(d.nextReviewDate)}`}
                {d.resultingPilotId && (
                  <>
                    {' · '}
                    <Link to={`/pilots/${d.resultingPilotId}`}>the pivoted pilot</Link>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
