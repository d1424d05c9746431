/**
 * TEMPORARY(auth): until sign-in exists the author is picked by hand. When auth lands, delete this
 * file and its one use in WeeklyUpdateForm, and take `authorId` from the current user instead.
 */
import type { PersonRef } from '@liftoff/shared';
import { usePeople } from '../api/people';
import { Field } from '../components/form/Field';

interface AuthorSelectProps {
  value: string;
  onChange: (authorId: string) => void;
  errors?: string[];
  /** Always offered, even if the people list doesn't include them (e.g. past the first page). */
  lead: PersonRef;
}

export function AuthorSelect({ value, onChange, errors, lead }: AuthorSelectProps) {
  const people = usePeople({ role: 'pilot_lead', pageSize: 200 });
  const options = people.data?.items.map((person) => ({ id: person.id, name: person.name })) ?? [];
  if (!options.some((person) => person.id === lead.id)) options.unshift(lead);
  return (
    <Field id="authorId" label="Posted by" errors={errors} hint={people.isError ? 'Could not load the list of pilot leads.' : undefined}>
      {(control) => (
        <select {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose a pilot lead</option>
          {options.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
