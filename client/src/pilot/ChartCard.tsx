import type { ReactNode } from 'react';

/** A titled panel for one chart, with room for a short explanation of how to read it. */
export function ChartCard({ title, description, children, actions }: { title: string; description?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const headingId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="card chart-card" aria-labelledby={headingId}>
      <header className="card-header">
        <div>
          <h2 id={headingId} className="card-title">
            {title}
          </h2>
          {description && <p className="card-description">{description}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
