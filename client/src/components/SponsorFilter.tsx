import { usePeople } from '../api/people';

/** The sponsor select of the filtered lists: executives, plus the one a link named if it is not among them. */
export function SponsorFilter({ value, onChange }: { value: string | undefined; onChange: (sponsorId: string) => void }) {
  const sponsors = usePeople({ role: 'executive', pageSize: 200 });
  return (
    <label>
      Sponsor
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All sponsors</option>
        {sponsors.data?.items.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
        {value && !sponsors.data?.items.some((p) => p.id === value) && <option value={value}>Selected sponsor</option>}
      </select>
    </label>
  );
}
