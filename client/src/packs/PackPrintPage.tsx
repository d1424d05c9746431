import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';
import { PackSections } from './PackSections';
import { PAPERS, paperOf, type Paper } from './paper';
import { usePack } from './pack-queries';

/**
 * A pack laid out for paper: no navigation, each section on its own page, charts at a fixed width
 * for the chosen paper (A4 or Letter, from `?paper=`). The browser's print dialog, or a PDF printer, does the rest.
 */
export default function PackPrintPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const paper = paperOf(params.get('paper'));
  const pack = usePack(id);
  useDocumentTitle(pack.data ? `${pack.data.title} (print)` : 'Committee pack');
  return (
    <main id="main" className={`pack-print pack-print-${paper}`}>
      <div className="pack-print-toolbar no-print">
        <Link to={`/packs/${id}`}>Back to the pack</Link>
        <label>
          Paper{' '}
          <select value={paper} onChange={(e) => setParams({ paper: e.target.value }, { replace: true })}>
            {(Object.keys(PAPERS) as Paper[]).map((p) => (
              <option key={p} value={p}>
                {PAPERS[p].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!pack.data}>
          Print
        </button>
      </div>
      {pack.isPending ? (
        <LoadingState label="Loading the pack…" />
      ) : pack.isError ? (
        <ErrorState error={pack.error} onRetry={() => pack.refetch()} title="Could not load the pack" />
      ) : (
        <article className="pack-print-body">
          <header className="pack-print-cover">
            <h1>{pack.data.title}</h1>
            <p>
              Frozen on {formatDate(pack.data.madeAt)} by {pack.data.madeBy.name}
            </p>
          </header>
          <PackSections pack={pack.data} paperWidth={PAPERS[paper].chartWidth} />
        </article>
      )}
    </main>
  );
}
