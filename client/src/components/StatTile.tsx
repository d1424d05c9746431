import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface StatTileProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** Where the tile leads, e.g. the pilots list filtered to what it counts. */
  to?: string;
  tone?: 'default' | 'positive' | 'warning' | 'muted';
}

export function StatTile({ label, value, hint, to, tone = 'default' }: StatTileProps) {
  const body = (
    <>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
      {hint && <span className="tile-hint">{hint}</span>}
    </>
  );
  return to ? (
    <Link className={`tile tile-${tone} tile-link`} to={to}>
      {body}
    </Link>
  ) : (
    <div className={`tile tile-${tone}`}>{body}</div>
  );
}
