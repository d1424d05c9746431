import { HEALTHS, PATTERNS, STAGES } from '@liftoff/shared';
import { useBusinessUnits } from '../api/business-units';
import { usePeople } from '../api/people';
import { PATTERN_LABELS } from '../format/analysis-labels';
import { formatWeekRange } from '../format/dates';
import { HEALTH_LABELS, STAGE_LABELS } from '../format/labels';
import {
  CLEAR_DRILL_DOWN,
  CLEAR_FILTERS,
  CLEAR_HEALTH_WEEK,
  drillDownSummary,
  hasFilters,
  healthWeekSummary,
  type PilotListChange,
  type PilotListView,
} from './pilot-list-view';
import { SearchInput } from './SearchInput';

const UNDERWAY_HINT = 'Underway pilots are proposed, piloting, scaling or paused: not in production, pivoted or killed.';

interface PilotFiltersProps {
  view: PilotListView;
  onChange: (change: PilotListChange, options?: { replace?: boolean }) => void;
}

export function PilotFilters({ view, onChange }: PilotFiltersProps) {
  const units = useBusinessUnits();
  const sponsors = usePeople({ role: 'executive', pageSize: 200 });
  const drillDown = drillDownSummary(view);
  const healthWeek = healthWeekSummary(view);
  return (
    <form className="filters" role="search" aria-label="Filter pilots" onSubmit={(event) => event.preventDefault()}>
      <div className="filter">
        <label htmlFor="pilot-search">Search</label>
        <SearchInput
          id="pilot-search"
          value={view.search ?? ''}
          placeholder="Pilot name"
          // Typing replaces the history entry so Back doesn't step through every keystroke.
          onSearch={(search) => onChange({ search }, { replace: true })}
        />
      </div>
      <div className="filter">
        <label htmlFor="pilot-unit">Business unit</label>
        <select
          id="pilot-unit"
          className="input"
          value={view.businessUnitId ?? ''}
          onChange={(event) => onChange({ businessUnitId: event.target.value })}
          disabled={units.isLoading}
        >
          <option value="">All units</option>
          {units.data?.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="pilot-stage">Stage</label>
        <select id="pilot-stage" className="input" value={view.stage ?? ''} onChange={(event) => onChange({ stage: event.target.value })}>
          <option value="">All stages</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="pilot-sponsor">Sponsor</label>
        <select id="pilot-sponsor" className="input" value={view.sponsorId ?? ''} onChange={(event) => onChange({ sponsorId: event.target.value })}>
          <option value="">All sponsors</option>
          {sponsors.data?.items.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
          {view.sponsorId && !sponsors.data?.items.some((p) => p.id === view.sponsorId) && <option value={view.sponsorId}>Selected sponsor</option>}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="pilot-pattern">Stuck pattern</label>
        <select id="pilot-pattern" className="input" value={view.pattern ?? ''} onChange={(event) => onChange({ pattern: event.target.value })}>
          <option value="">Any pattern</option>
          {PATTERNS.map((pattern) => (
            <option key={pattern} value={pattern}>
              {PATTERN_LABELS[pattern]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="pilot-health">Latest health</label>
        <select
          id="pilot-health"
          className="input"
          // A health in one week (from the portfolio chart) is shown below instead; picking here replaces it.
          value={view.healthWeek ? '' : (view.health ?? '')}
          onChange={(event) => onChange({ health: event.target.value, healthWeek: undefined })}
        >
          <option value="">Any health</option>
          {HEALTHS.map((health) => (
            <option key={health} value={health}>
              {HEALTH_LABELS[health]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="pilot-started-after">Started after</label>
        <input
          id="pilot-started-after"
          className="input"
          type="date"
          value={view.startedAfter ?? ''}
          max={view.startedBefore}
          onChange={(event) => onChange({ startedAfter: event.target.value }, { replace: true })}
        />
      </div>
      <div className="filter">
        <label htmlFor="pilot-started-before">Started before</label>
        <input
          id="pilot-started-before"
          className="input"
          type="date"
          value={view.startedBefore ?? ''}
          min={view.startedAfter}
          onChange={(event) => onChange({ startedBefore: event.target.value }, { replace: true })}
        />
      </div>
      {drillDown && (
        // The portfolio's time-in-pilot chart links here with filters that have no field above: say them.
        <p className="filter-drilldown" title={view.underway ? UNDERWAY_HINT : undefined}>
          <span className="filter-drilldown-label">Narrowed to:</span> {drillDown}
          <button type="button" className="button button-quiet" onClick={() => onChange(CLEAR_DRILL_DOWN)}>
            Remove these filters
          </button>
        </p>
      )}
      {healthWeek && (
        // The portfolio's health-over-time chart links here with the health one week's updates reported.
        <p className="filter-drilldown" title={view.healthWeek ? formatWeekRange(view.healthWeek) : undefined}>
          <span className="filter-drilldown-label">Narrowed to:</span> {healthWeek}
          <button type="button" className="button button-quiet" onClick={() => onChange(CLEAR_HEALTH_WEEK)}>
            Remove this filter
          </button>
        </p>
      )}
      {hasFilters(view) && (
        <button
          type="button"
          className="button button-quiet filters-clear"
          onClick={() => onChange(CLEAR_FILTERS)}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
