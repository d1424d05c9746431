import type { PilotDiagnosis } from '@liftoff/shared';
import { ReadinessScore, RecommendationBadge } from '../components/AnalysisBadges';
import { FlagAge } from '../components/FlagAge';
import { PATTERN_LABELS, reasonSource, SIGNAL_LABELS } from '../format/analysis-labels';

/** What Liftoff concludes about the pilot: the recommendation and why, the stuck signs, and the patterns with what to do. */
export function DiagnosisPanel({ diagnosis }: { diagnosis: PilotDiagnosis }) {
  const { recommendation, openFlags, patterns } = diagnosis;
  return (
    <section className="card diagnosis" aria-labelledby="diagnosis-title">
      <div className="diagnosis-head">
        <h2 id="diagnosis-title" className="diagnosis-title">
          Recommendation: <RecommendationBadge action={recommendation.action} />
        </h2>
        <span className="muted">
          Readiness <ReadinessScore score={recommendation.readinessScore} />
        </span>
        {recommendation.bindingConstraint && <span className="chip">Fix first: {PATTERN_LABELS[recommendation.bindingConstraint]}</span>}
      </div>
      <ul className="reasons">
        {(recommendation.explained ?? recommendation.reasons.map((text) => ({ rule: recommendation.ruleId, text }))).map((reason) => (
          <li key={`${reason.rule}|${reason.text}`}>
            {reason.text} <span className="muted reason-source">({reasonSource(reason.rule, recommendation.ruleId)})</span>
          </li>
        ))}
      </ul>

      <h3>Stuck signs</h3>
      {openFlags.length === 0 ? (
        <p className="muted">No open stuck signs: this pilot is moving.</p>
      ) : (
        <ul className="stuck-flags">
          {openFlags.map((flag) => (
            <li key={flag.id}>
              <span className="signal-tag">{SIGNAL_LABELS[flag.kind]}</span>
              <span>
                {flag.summary}
                <FlagAge flag={flag} />
              </span>
            </li>
          ))}
        </ul>
      )}

      {patterns.length > 0 && <h3>Stuck patterns and what to do</h3>}
      {patterns.map((p) => (
        <details key={p.pattern} className="pattern" open={p.pattern === recommendation.bindingConstraint}>
          <summary>
            <strong>{p.title}</strong> <span className="muted">· confidence {Math.round(p.confidence * 100)}%</span>
          </summary>
          <p>{p.description}</p>
          <ul>
            {p.evidence.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            <strong>What to do</strong>
          </p>
          <ol className="guidance">
            {p.guidance.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
