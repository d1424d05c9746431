import { useBusinessUnits } from '../api/business-units';

/** The business-unit select every filtered list shares. */
export function UnitFilter({ value, onChange }: { value: string | undefined; onChange: (unitId: string) => void }) {
  const units = useBusinessUnits();
  return (
    <label>
      Business unit
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All units</option>
        {units.data?.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
