import { Link } from 'react-router-dom';
import { BLOCKER_CATEGORIES } from '@liftoff/shared';
import { SponsorFilter } from '../components/SponsorFilter';
import { StageFilter } from '../components/StageFilter';
import { UnitFilter } from '../components/UnitFilter';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { DEFAULT_BLOCKER_STATUS, isFiltered, type BlockerFilterValues, type BlockerStatusFilter } from './blocker-filters';

const STATUS_OPTIONS: { value: BlockerStatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'Open and resolved' },
];

interface BlockerFiltersProps {
  values: BlockerFilterValues;
  /** An empty value removes the filter from the URL. */
  onChange: (name: keyof BlockerFilterValues, value: string) => void;
}

export function BlockerFilters({ values, onChange }: BlockerFiltersProps) {
  return (
    <section className="filters card" aria-label="Filters">
      <label>
        Category
        <select value={values.category ?? ''} onChange={(e) => onChange('category', e.target.value)}>
          <option value="">All categories</option>
          {BLOCKER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {BLOCKER_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        {/* Open is the default, so it is kept out of the URL. */}
        <select value={values.status} onChange={(e) => onChange('status', e.target.value === DEFAULT_BLOCKER_STATUS ? '' : e.target.value)}>
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <UnitFilter value={values.businessUnitId} onChange={(id) => onChange('businessUnitId', id)} />
      <StageFilter label="Pilot stage" value={values.stage} onChange={(stage) => onChange('stage', stage)} />
      <SponsorFilter value={values.sponsorId} onChange={(id) => onChange('sponsorId', id)} />
      {isFiltered(values) && (
        <Link className="button button-quiet filters-clear" to="/blockers">
          Clear filters
        </Link>
      )}
    </section>
  );
}
