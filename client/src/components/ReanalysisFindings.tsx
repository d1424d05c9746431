import { useId } from 'react';
import { Link } from 'react-router-dom';
import { RECOMMENDATION_ACTIONS, type ReanalysisSummary } from '@liftoff/shared';
import { RECOMMENDATION_LABELS } from '../format/analysis-labels';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What re-analysing many pilots at once found (after an import, a threshold change), right after the
 * write: the signs that opened and cleared, and the pilots to look at first.
 */
export function ReanalysisFindings({ title, analysis }: { title: string; analysis: ReanalysisSummary }) {
  const changed = RECOMMENDATION_ACTIONS.filter((action) => analysis.recommendationsNow[action] > 0);
  const unnamed = analysis.newlyStuckCount - analysis.newlyStuck.length;
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="form-section-title">
        {title}
      </h3>
      <p>
        {analysis.stuckSignsOpened === 0 ? 'No stuck sign appeared' : `${count(analysis.stuckSignsOpened, 'stuck sign')} appeared on ${count(analysis.newlyStuckCount, 'pilot')}`};{' '}
        {analysis.stuckSignsResolved} cleared.
        {analysis.recommendationsChanged > 0 &&
          ` ${count(analysis.recommendationsChanged, 'recommendation')} changed, now: ${changed.map((action) => `${RECOMMENDATION_LABELS[action].toLowerCase()} ${analysis.recommendationsNow[action]}`).join(', ')}.`}
      </p>
      {analysis.newlyStuck.length > 0 && (
        <ul aria-label="Pilots found stuck">
          {analysis.newlyStuck.map((entry) => (
            <li key={entry.pilot.id}>
              <Link to={`/pilots/${entry.pilot.id}`}>{entry.pilot.name}</Link>
              <ul aria-label={`New stuck signs of ${entry.pilot.name}`}>
                {entry.stuckSigns.map((sign, index) => (
                  <li key={index}>{sign}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {analysis.newlyStuckCount > 0 && (
        <p>
          {unnamed > 0 && `${count(unnamed, 'more pilot')} with new signs. `}
          <Link to="/stuck">See every stuck pilot</Link>
        </p>
      )}
    </section>
  );
}
