import { STAGES } from '@liftoff/shared';
import { useBusinessUnits } from '../api/business-units';
import { STAGE_LABELS } from '../format/labels';
import { hasFilters, type PilotListChange, type PilotListView } from './pilot-list-view';
import { SearchInput } from './SearchInput';

interface PilotFiltersProps {
  view: PilotListView;
  onChange: (change: PilotListChange, options?: { replace?: boolean }) => void;
}

export function PilotFilters({ view, onChange }: PilotFiltersProps) {
  const units = useBusinessUnits();
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
      {hasFilters(view) && (
        <button
          type="button"
          className="button button-quiet filters-clear"
          onClick={() => onChange({ businessUnitId: undefined, stage: undefined, search: undefined })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
