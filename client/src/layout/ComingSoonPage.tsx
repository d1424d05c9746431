import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';
import { useDocumentTitle } from '../components/use-document-title';

/** Placeholder for a section whose API is not there yet. */
export function ComingSoonPage({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} />
      <section className="card coming-soon">
        <p className="coming-soon-tag">Coming soon</p>
        <div className="coming-soon-body">{children}</div>
        <Link to="/pilots" className="button">
          Browse pilots
        </Link>
      </section>
    </>
  );
}
