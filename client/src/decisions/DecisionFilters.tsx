import { DECISION_KINDS, QUARTER_FORMAT, STAGES, type DecisionKind, type Stage } from '@liftoff/shared';
import { SponsorFilter } from '../components/SponsorFilter';
import { StageFilter } from '../components/StageFilter';
import { UnitFilter } from '../components/UnitFilter';
import { DECISION_KIND_LABELS } from '../format/analysis-labels';

/** The decision log's filters as read from the URL; values the API would refuse are dropped. */
export interface DecisionFilterValues {
  kind?: DecisionKind;
  businessUnitId?: string;
  quarter?: string;
  sponsorId?: string;
  stage?: Stage;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function readDecisionFilters(params: URLSearchParams): DecisionFilterValues {
  const quarter = params.get('quarter');
  return {
    kind: oneOf(DECISION_KINDS, params.get('kind')),
    businessUnitId: params.get('businessUnitId') || undefined,
    quarter: quarter && QUARTER_FORMAT.test(quarter) ? quarter : undefined,
    sponsorId: params.get('sponsorId') || undefined,
    stage: oneOf(STAGES, params.get('stage')),
  };
}

interface DecisionFiltersProps {
  values: DecisionFilterValues;
  /** Quarters that have decisions, oldest first (from the outcomes). */
  quarters: string[];
  onChange: (name: keyof DecisionFilterValues, value: string) => void;
}

export function DecisionFilters({ values, quarters, onChange }: DecisionFiltersProps) {
  const quarterOptions = [...new Set([...quarters, ...(values.quarter ? [values.quarter] : [])])].sort().reverse();
  return (
    <section className="filters card" aria-label="Filters">
      <label>
        Decision
        <select value={values.kind ?? ''} onChange={(e) => onChange('kind', e.target.value)}>
          <option value="">All decisions</option>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {DECISION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Quarter
        <select value={values.quarter ?? ''} onChange={(e) => onChange('quarter', e.target.value)}>
          <option value="">Any quarter</option>
          {quarterOptions.map((q) => (
            <option key={q} value={q}>
              {q.replace('-', ' ')}
            </option>
          ))}
        </select>
      </label>
      <UnitFilter value={values.businessUnitId} onChange={(id) => onChange('businessUnitId', id)} />
      <SponsorFilter value={values.sponsorId} onChange={(id) => onChange('sponsorId', id)} />
      <StageFilter label="Pilot stage now" value={values.stage} onChange={(stage) => onChange('stage', stage)} />
    </section>
  );
}
