import { STAGES } from '@liftoff/shared';
import { STAGE_LABELS } from '../format/labels';

/** The stage select the filtered lists share; `label` says whose stage it is where that is not obvious. */
export function StageFilter({ value, onChange, label = 'Stage' }: { value: string | undefined; onChange: (stage: string) => void; label?: string }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All stages</option>
        {STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {STAGE_LABELS[stage]}
          </option>
        ))}
      </select>
    </label>
  );
}
