import { useState } from 'react';
import type { Pilot } from '@liftoff/shared';
import { usePilotDiagnosis } from '../api/decisions';
import { canDecide } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { DecisionDialog } from '../scale-queue/DecisionDialog';
import { SIGNAL_LABELS } from '../stuck/flag-groups';

const ACTION_LABELS = { scale: 'Scale', pivot: 'Pivot', kill: 'Kill', keep_piloting: 'Keep piloting' } as const;
const ANSWER_LABELS = { pass: 'Pass', partial: 'Partial', fail: 'Fail', unknown: 'Unknown' } as const;
const TEST_LABELS: Record<string, string> = {
  executive_sponsorship: 'Executive sponsorship',
  integration_readiness: 'Integration readiness',
  adoption_readiness: 'Adoption readiness',
  workflow_redesign: 'Workflow redesign',
  measurement: 'Measurement',
  use_case_viability: 'Use-case viability',
};

/** What Liftoff concludes about the pilot: recommendation, stuck signs, patterns with guidance, readiness. */
export function DiagnosisPanel({ pilot }: { pilot: Pilot }) {
  const diagnosis = usePilotDiagnosis(pilot.id);
  const { data: user } = useSession();
  const [deciding, setDeciding] = useState(false);
  if (diagnosis.isPending) return <LoadingState label="Diagnosing…" />;
  if (diagnosis.isError) return <ErrorState error={diagnosis.error} onRetry={() => diagnosis.refetch()} title="Could not load the diagnosis" />;
  const { recommendation, openFlags, patterns, readiness } = diagnosis.data;
  const closed = pilot.stage === 'killed' || pilot.stage === 'pivoted';

  return (
    <section className="card diagnosis" aria-labelledby="diagnosis-title">
      <div className="diagnosis-head">
        <h2 id="diagnosis-title">Recommendation: {ACTION_LABELS[recommendation.action]}</h2>
        <span className="muted">Readiness {recommendation.readinessScore}/100</span>
        {!closed && canDecide(user, pilot) && (
          <button type="button" className="button button-primary" onClick={() => setDeciding(true)}>
            Record a decision
          </button>
        )}
      </div>
      <ul className="reasons">{recommendation.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>

      {openFlags.length > 0 && (
        <>
          <h3>Stuck signs</h3>
          <ul className="stuck-flags">
            {openFlags.map((flag) => (
              <li key={flag.id}><span className="signal-tag">{SIGNAL_LABELS[flag.kind]}</span> {flag.summary}</li>
            ))}
          </ul>
        </>
      )}

      {patterns.length > 0 && <h3>Stuck patterns and what to do</h3>}
      {patterns.map((p) => (
        <details key={p.pattern} className="pattern" open={p.pattern === recommendation.bindingConstraint}>
          <summary>
            <strong>{p.title}</strong> <span className="muted">· confidence {Math.round(p.confidence * 100)}%</span>
          </summary>
          <p>{p.description}</p>
          <ul>{p.evidence.map((line) => <li key={line}>{line}</li>)}</ul>
          <ol className="guidance">{p.guidance.map((step) => <li key={step}>{step}</li>)}</ol>
        </details>
      ))}

      <h3>Readiness tests</h3>
      <table className="table readiness">
        <tbody>
          {readiness.map((t) => (
            <tr key={t.test}>
              <th scope="row">{TEST_LABELS[t.test] ?? t.test}</th>
              <td className={`answer answer-${t.answer}`}>{ANSWER_LABELS[t.answer]}</td>
              <td className="muted">{t.contradictedBy.length ? `Contradicted: ${t.contradictedBy.join('; ')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {deciding && (
        <DecisionDialog
          item={{ pilotId: pilot.id, pilotName: pilot.name, recommendation: recommendation.action, readinessScore: recommendation.readinessScore }}
          onClose={() => setDeciding(false)}
        />
      )}
    </section>
  );
}
