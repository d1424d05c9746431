import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';
import { PackSections } from './PackSections';
import { PAPERS, type Paper } from './paper';
import { usePack } from './pack-queries';

/** One pack as it was frozen, with what changed since the pack before it. */
export default function PackPage() {
  const { id = '' } = useParams();
  const pack = usePack(id);
  useDocumentTitle(pack.data?.title ?? 'Committee pack');
  if (pack.isPending) return <LoadingState label="Loading the pack…" />;
  if (pack.isError) return <ErrorState error={pack.error} onRetry={() => pack.refetch()} title="Could not load the pack" />;
  const { data } = pack;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/packs">Committee packs</Link>
      </p>
      <PageHeader
        title={data.title}
        subtitle={`Frozen on ${formatDate(data.madeAt)} by ${data.madeBy.name}. A pack never changes; make a new one for the next meeting.`}
        actions={(Object.keys(PAPERS) as Paper[]).map((paper) => (
          <Link key={paper} className="button" to={`/packs/${data.id}/print?paper=${paper}`}>
            Print view ({PAPERS[paper].label})
          </Link>
        ))}
      />
      {data.previousPackId && (
        <p className="muted">
          Previous pack: <Link to={`/packs/${data.previousPackId}`}>{formatDate(data.previousMadeAt)}</Link>
        </p>
      )}
      <PackSections pack={data} />
    </>
  );
}
