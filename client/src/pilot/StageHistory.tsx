import { useStageChanges } from '../api/pilots';
import { StageBadge } from '../components/Badges';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { formatDate } from '../format/dates';

export function StageHistory({ pilotId }: { pilotId: string }) {
  const changes = useStageChanges(pilotId);
  return (
    <section className="card" aria-labelledby="stage-history-heading">
      <header className="card-header">
        <h2 id="stage-history-heading" className="card-title">
          Stage history
        </h2>
      </header>
      {changes.isPending ? (
        <LoadingState />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => changes.refetch()} />
      ) : changes.data.length === 0 ? (
        <p className="muted">No stage changes recorded.</p>
      ) : (
        <ol className="stage-history">
          {[...changes.data].reverse().map((change) => (
            <li key={change.id}>
              <span className="stage-history-date">{formatDate(change.changedAt)}</span>
              <span>
                {change.fromStage && (
                  <>
                    <StageBadge stage={change.fromStage} /> →{' '}
                  </>
                )}
                <StageBadge stage={change.toStage} />
              </span>
              {(change.note || change.changedBy) && (
                <span className="muted stage-history-note">
                  {change.note}
                  {change.changedBy && ` — ${change.changedBy.name}`}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
