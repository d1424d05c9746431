import { useMemo, type SelectHTMLAttributes } from 'react';
import { knownTimeZones } from '@liftoff/shared';

/** A picker of IANA time zones (the list the browser knows), keeping a stored zone it does not list. */
export function TimeZoneSelect({ value, onChange, ...props }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(() => knownTimeZones(), []);
  const options = zones.includes(value) ? zones : [value, ...zones];
  return (
    <select {...props} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
