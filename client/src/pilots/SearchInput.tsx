import { useEffect, useRef, useState } from 'react';

interface SearchInputProps {
  id: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  delayMs?: number;
}

/** A text box that reports what was typed after a short pause, so each keystroke isn't a request. */
export function SearchInput({ id, value, onSearch, placeholder, delayMs = 300 }: SearchInputProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  // Adopt changes made elsewhere (e.g. "Clear filters" or the back button).
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }

  useEffect(() => {
    if (draft.trim() === value) return undefined;
    const timer = setTimeout(() => onSearchRef.current(draft.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);

  return (
    <input
      id={id}
      type="search"
      className="input"
      value={draft}
      placeholder={placeholder}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearchRef.current(draft.trim());
      }}
    />
  );
}
