import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Field } from '../components/form/Field';
import { fieldErrorsOf, FormProblem } from '../components/form/form-errors';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { formatDate } from '../format/dates';
import { formatInteger } from '../format/numbers';
import { useMakePack, usePacks } from './pack-queries';

const PAGE_SIZE = 25;

/** Steering-committee packs by date, newest first; the program office freezes a new one here. */
export default function PacksPage() {
  useDocumentTitle('Committee packs');
  const { data: user } = useSession();
  const { params, setParam } = useUrlParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const packs = usePacks(page, PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="Committee packs"
        subtitle="Dated snapshots of the portfolio for the steering committee. A pack never changes once it is made; each one is compared with the pack before it."
      />
      {canAdminister(user) && <MakePackForm />}
      {packs.isPending ? (
        <LoadingState label="Loading packs…" />
      ) : packs.isError ? (
        <ErrorState error={packs.error} onRetry={() => packs.refetch()} title="Could not load the packs" />
      ) : packs.data.items.length === 0 ? (
        <EmptyState title="No packs yet">The program office makes the first one before a committee meeting.</EmptyState>
      ) : (
        <div className="card card-flush" aria-busy={packs.isFetching}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Pack</th>
                  <th scope="col">By</th>
                  <th scope="col" className="numeric">Pilots</th>
                  <th scope="col" className="numeric">Stuck</th>
                  <th scope="col" className="numeric">In scale queue</th>
                  <th scope="col" className="numeric">Decisions</th>
                </tr>
              </thead>
              <tbody>
                {packs.data.items.map((pack) => (
                  <tr key={pack.id}>
                    <td className="nowrap">{formatDate(pack.madeAt)}</td>
                    <th scope="row" className="cell-name">
                      <Link to={`/packs/${pack.id}`}>{pack.title}</Link>
                    </th>
                    <td className="nowrap">{pack.madeBy.name}</td>
                    <td className="numeric">{formatInteger(pack.pilots)}</td>
                    <td className="numeric">{formatInteger(pack.stuckPilots)}</td>
                    <td className="numeric">{formatInteger(pack.inScaleQueue)}</td>
                    <td className="numeric">{formatInteger(pack.decisions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={packs.data.total} onPageChange={(p) => setParam('page', String(p))} noun="packs" />
        </div>
      )}
    </>
  );
}

function MakePackForm() {
  const make = useMakePack();
  const navigate = useNavigate();
  const [title, setTitle] = useState(() => `Steering committee, ${formatDate(new Date().toISOString())}`);
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(make.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setMissing(true);
    make.mutate({ title: title.trim() }, { onSuccess: (pack) => navigate(`/packs/${pack.id}`) });
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="Make a pack">
      <Field id="pack-title" label="Title of the new pack" errors={missing ? ['Give the pack a title.'] : errors.title}>
        {(control) => <input {...control} className="input" value={title} maxLength={200} onChange={(e) => (setTitle(e.target.value), setMissing(false))} />}
      </Field>
      <button type="submit" className="button button-primary" disabled={make.isPending}>
        {make.isPending ? 'Freezing the portfolio…' : 'Make pack now'}
      </button>
      <FormProblem error={make.error} shownFields={['title']} onReload={() => make.reset()} subject="The pack" />
    </form>
  );
}
