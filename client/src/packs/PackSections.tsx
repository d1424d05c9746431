import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { describeComparison, PACK_SECTION_TITLES, type Pack, type PackComparison, type PackSection } from '@liftoff/shared';
import { DecisionBadge, RecommendationBadge } from '../components/AnalysisBadges';
import { StageBadge } from '../components/Badges';
import { FlagAge } from '../components/FlagAge';
import { StatTile } from '../components/StatTile';
import { QUEUE_REASON_LABELS, SIGNAL_LABELS } from '../format/analysis-labels';
import { formatDate } from '../format/dates';
import { STAGE_LABELS } from '../format/labels';
import { formatCompact } from '../format/numbers';
import { PackCharts } from './PackCharts';
import { PackTable, type PackColumn } from './PackTable';

/** One section of a pack; in print each starts on a new page. */
function PackSectionFrame({ section, children }: { section: PackSection; children: ReactNode }) {
  const headingId = `pack-section-${section}`;
  return (
    <section className="pack-section" aria-labelledby={headingId} data-section={section}>
      <h2 id={headingId} className="pack-section-title">
        {PACK_SECTION_TITLES[section]}
      </h2>
      {children}
    </section>
  );
}

const COMPARISON_LINES: { key: keyof PackComparison; label: string }[] = [
  { key: 'scaled', label: 'Scaled' },
  { key: 'killed', label: 'Killed' },
  { key: 'pivoted', label: 'Pivoted' },
  { key: 'newStuck', label: 'Newly stuck' },
  { key: 'resolvedStuck', label: 'No longer stuck' },
  { key: 'enteredScaleQueue', label: 'Joined the scale queue' },
];

const SCALE_QUEUE_COLUMNS: PackColumn[] = [
  { label: '#', numeric: true },
  { label: 'Pilot' },
  { label: 'Readiness', numeric: true },
  { label: 'Value a year', numeric: true },
  { label: 'Cost to scale', numeric: true },
  { label: 'Why listed' },
  { label: 'Days waiting', numeric: true },
];
const DECISION_COLUMNS: PackColumn[] = [{ label: 'When' }, { label: 'Pilot' }, { label: 'Decision' }, { label: 'Rationale' }, { label: 'By' }];
const STAGE_CHANGE_COLUMNS: PackColumn[] = [{ label: 'When' }, { label: 'Pilot' }, { label: 'From' }, { label: 'To' }, { label: 'Note' }];

/** Every section of a pack, in order: the pack page and its print view both show exactly this. */
export function PackSections({ pack, paperWidth }: { pack: Pack; paperWidth?: number }) {
  const { snapshot, comparison } = pack;
  const tiles = snapshot.overview.tiles;
  const empty = (text: string) => <p className="muted">{text}</p>;
  return (
    <div className="pack-sections">
      <PackSectionFrame section="overview">
        <div className="tile-grid tile-grid-headline">
          <StatTile label="Pilots" value={tiles.pilots} />
          <StatTile label="Stuck now" value={tiles.stuckNow} tone={tiles.stuckNow > 0 ? 'warning' : 'default'} />
          <StatTile label="In the scale queue" value={tiles.inScaleQueue} />
          <StatTile label="Decisions this quarter" value={tiles.decisionsThisQuarter} />
          <StatTile label="Median months in pilot" value={tiles.medianMonthsInPilot ?? '—'} />
        </div>
        <PackCharts overview={snapshot.overview} paperWidth={paperWidth} />
      </PackSectionFrame>

      <PackSectionFrame section="changes">
        {comparison === null ? (
          empty('This is the first pack: there is nothing earlier to compare it with.')
        ) : (
          <>
            <p className="pack-summary-line">{describeComparison(comparison)}</p>
            <p className="muted">Compared with the pack of {formatDate(pack.previousMadeAt)}.</p>
            <dl className="pack-changes">
              {COMPARISON_LINES.map(({ key, label }) => (
                <div key={key}>
                  <dt>
                    {label} ({comparison[key].length})
                  </dt>
                  <dd>{comparison[key].length === 0 ? <span className="muted">none</span> : comparison[key].map((p) => p.pilotName).join(', ')}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </PackSectionFrame>

      <PackSectionFrame section="stuck">
        {snapshot.stuck.length === 0
          ? empty('No pilot was stuck when this pack was made.')
          : snapshot.stuck.map((group) => (
              <div key={group.pilotId} className="pack-stuck-pilot">
                <h3 className="pack-item-title">
                  <Link to={`/pilots/${group.pilotId}`}>{group.pilotName}</Link> <StageBadge stage={group.stage} />
                  <span className="muted"> {group.businessUnitName}</span>
                </h3>
                <ul className="stuck-flags">
                  {group.flags.map((flag) => (
                    <li key={flag.id}>
                      <span className={`signal-tag signal-${flag.kind}`}>{SIGNAL_LABELS[flag.kind]}</span>
                      <span>
                        {flag.summary}
                        <FlagAge flag={flag} />
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
      </PackSectionFrame>

      <PackSectionFrame section="scale_queue">
        <PackTable
          rows={snapshot.scaleQueue}
          emptyText="The scale queue was empty."
          columns={SCALE_QUEUE_COLUMNS}
          rowKey={(item) => item.pilotId}
          cells={(item) => (
            <>
              <td className="numeric">{item.rank}</td>
              <th scope="row">
                <Link to={`/pilots/${item.pilotId}`}>{item.pilotName}</Link>
                <span className="cell-sub">{item.blockedReason ?? item.businessUnitName}</span>
              </th>
              <td className="numeric">{item.readinessScore}</td>
              <td className="numeric">{formatCompact(item.annualValueAtScale)}</td>
              <td className="numeric">{formatCompact(item.costToScale)}</td>
              <td>
                <RecommendationBadge action={item.recommendation} /> {item.reasons.map((r) => QUEUE_REASON_LABELS[r]).join('; ')}
              </td>
              <td className="numeric">{item.daysWaiting}</td>
            </>
          )}
        />
      </PackSectionFrame>

      <PackSectionFrame section="decisions">
        <p className="muted">Since {formatDate(snapshot.since)}.</p>
        <PackTable
          rows={snapshot.decisions}
          emptyText="No decision was taken in this period."
          columns={DECISION_COLUMNS}
          rowKey={(d) => d.id}
          cells={(d) => (
            <>
              <td className="nowrap">{formatDate(d.decidedAt)}</td>
              <th scope="row">{d.pilotName}</th>
              <td>
                <DecisionBadge kind={d.kind} />
              </td>
              <td>{d.rationale}</td>
              <td className="nowrap">{d.decidedBy.name}</td>
            </>
          )}
        />
      </PackSectionFrame>

      <PackSectionFrame section="stage_changes">
        <p className="muted">Since {formatDate(snapshot.since)}.</p>
        <PackTable
          rows={snapshot.stageChanges}
          emptyText="No pilot changed stage in this period."
          columns={STAGE_CHANGE_COLUMNS}
          rowKey={(change, index) => `${change.pilotId}-${index}`}
          cells={(change) => (
            <>
              <td className="nowrap">{formatDate(change.changedAt)}</td>
              <th scope="row">{change.pilotName}</th>
              <td>{change.fromStage ? STAGE_LABELS[change.fromStage] : 'new'}</td>
              <td>
                <StageBadge stage={change.toStage} />
              </td>
              <td>{change.note ?? ''}</td>
            </>
          )}
        />
      </PackSectionFrame>
    </div>
  );
}
