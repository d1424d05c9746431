import { useApiHealth } from '../api/health';

/** A quiet indicator in the header: only speaks up when the server cannot be reached. */
export function ApiStatus() {
  const { isError } = useApiHealth();
  if (!isError) return null;
  return (
    <span className="api-status" role="status">
      <span className="dot" aria-hidden="true" /> Server unreachable
    </span>
  );
}
