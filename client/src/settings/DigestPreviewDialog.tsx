import type { DigestPilot, PortfolioDigest } from '@liftoff/shared';
import { Link } from 'react-router-dom';
import { DecisionBadge, RecommendationBadge } from '../components/AnalysisBadges';
import { HealthBadge } from '../components/Badges';
import { FormDialog } from '../components/Dialog';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { formatDate } from '../format/dates';
import { useDigestPreview } from './digest-api';

const PILOT_SECTIONS: { key: 'newlyStuck' | 'unstuck' | 'enteredScaleQueue' | 'reviewsOverdue' | 'silent'; title: string; empty: string }[] = [
  { key: 'newlyStuck', title: 'Newly stuck', empty: 'No pilot got stuck.' },
  { key: 'unstuck', title: 'No longer stuck', empty: 'No pilot got unstuck.' },
  { key: 'enteredScaleQueue', title: 'Joined the scale queue', empty: 'No pilot joined the scale queue.' },
  { key: 'reviewsOverdue', title: 'Reviews overdue', empty: 'No review is overdue.' },
  { key: 'silent', title: 'Silent pilots', empty: 'Every pilot is reporting.' },
];

/** The digest the signed-in person would get now, laid out as it reads in the email. */
export function DigestPreviewDialog({ onClose }: { onClose: () => void }) {
  const preview = useDigestPreview(true);
  return (
    <FormDialog titleId="digest-preview-title" title="Your digest, if it went out now" onClose={onClose} onSubmit={(event) => { event.preventDefault(); onClose(); }}>
      {preview.isPending && <LoadingState label="Composing the digest…" />}
      {preview.isError && <ErrorState error={preview.error} onRetry={() => preview.refetch()} title="Could not compose the digest" />}
      {preview.data && <DigestBody digest={preview.data.digest} timeZone={preview.data.timeZone} />}
      <div className="form-actions-inline">
        <button type="submit" className="button button-primary">Close</button>
      </div>
    </FormDialog>
  );
}

function DigestBody({ digest, timeZone }: { digest: PortfolioDigest; timeZone: string }) {
  return (
    <div className="digest-preview">
      <p className="muted">
        {formatDate(digest.from)} to {formatDate(digest.to)} ({timeZone}): {digest.activePilots} pilots underway, {digest.updatesPosted} weekly updates posted.
      </p>
      {PILOT_SECTIONS.map(({ key, title, empty }) => (
        <section key={key} aria-labelledby={`digest-${key}`}>
          <h3 id={`digest-${key}`}>{title} ({digest[key].length})</h3>
          {digest[key].length === 0 ? <p className="muted">{empty}</p> : <ul>{digest[key].map((line) => <PilotLine key={line.pilot.id} line={line} />)}</ul>}
        </section>
      ))}
      <section aria-labelledby="digest-decisions">
        <h3 id="digest-decisions">Decisions ({digest.decisions.length})</h3>
        {digest.decisions.length === 0 ? (
          <p className="muted">No decision was recorded.</p>
        ) : (
          <ul>
            {digest.decisions.map((line) => (
              <li key={line.decision.id}>
                <Link to={`/pilots/${line.pilot.id}`}>{line.pilot.name}</Link> {line.own && <span className="badge">Yours</span>} <DecisionBadge kind={line.decision.kind} />{' '}
                by {line.decision.decidedBy.name}, {formatDate(line.decision.decidedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PilotLine({ line }: { line: DigestPilot }) {
  return (
    <li>
      <Link to={`/pilots/${line.pilot.id}`}>{line.pilot.name}</Link> {line.own && <span className="badge">Yours</span>} {line.health && <HealthBadge health={line.health} />}{' '}
      {line.recommendedAction && <RecommendationBadge action={line.recommendedAction} />}
      {line.stuckSigns.length > 0 && <span className="muted"> {line.stuckSigns.join(' · ')}</span>}
    </li>
  );
}
