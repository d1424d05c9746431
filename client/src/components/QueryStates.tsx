import type { ReactNode } from 'react';
import { isApiError } from '../api/http';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}

/** Explains a failed request in plain words; a 401 gets its own message since retrying will not help. */
export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (isApiError(error) && error.isUnauthorized) {
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">Please sign in again</p>
        <p className="state-body">Your session has ended or you are not signed in.</p>
      </div>
    );
  }
  const notFound = isApiError(error) && error.status === 404;
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{notFound ? 'Not found' : title}</p>
      <p className="state-body">{message}</p>
      {onRetry && !notFound && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
