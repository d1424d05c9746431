import { useState, type FormEvent } from 'react';
import type { BusinessUnit } from '@liftoff/shared';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormDialog } from '../components/Dialog';
import { Field } from '../components/form/Field';
import { fieldErrorsOf, FormProblem } from '../components/form/form-errors';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { useBusinessUnits, useCreateBusinessUnit, useDeleteBusinessUnit, useRenameBusinessUnit } from './business-unit-queries';

/** The program office's list of business units: add, rename, and delete those nothing belongs to. */
export default function BusinessUnitsPage() {
  useDocumentTitle('Business units');
  const { data: user } = useSession();
  const units = useBusinessUnits();
  const [renaming, setRenaming] = useState<BusinessUnit | null>(null);
  const [deleting, setDeleting] = useState<BusinessUnit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const manage = canAdminister(user);

  return (
    <>
      <PageHeader title="Business units" subtitle="The parts of the company pilots belong to." />
      {notice && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      {manage && <NewUnitForm onCreated={(unit) => setNotice(`Added ${unit.name}.`)} />}
      {units.isPending ? (
        <LoadingState label="Loading business units…" />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => units.refetch()} title="Could not load business units" />
      ) : units.data.length === 0 ? (
        <EmptyState title="No business units yet">Add the first one above; every pilot belongs to one.</EmptyState>
      ) : (
        <div className="card card-flush table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {manage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {units.data.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">{unit.name}</th>
                  {manage && (
                    <td className="row-actions">
                      <button type="button" className="button button-small" onClick={() => setRenaming(unit)} aria-label={`Rename ${unit.name}`}>
                        Rename
                      </button>{' '}
                      <button type="button" className="button button-small button-danger" onClick={() => setDeleting(unit)} aria-label={`Delete ${unit.name}`}>
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {renaming && (
        <RenameUnitDialog
          key={`${renaming.id}:${renaming.version}`}
          unit={renaming}
          onReload={() => {
            units.refetch().then(({ data }) => setRenaming(data?.find((u) => u.id === renaming.id) ?? null));
          }}
          onClose={() => setRenaming(null)}
          onRenamed={(unit) => setNotice(`Renamed to ${unit.name}.`)}
        />
      )}
      {deleting && <DeleteUnitDialog unit={deleting} onClose={() => setDeleting(null)} onDeleted={() => setNotice(`Deleted ${deleting.name}.`)} />}
    </>
  );
}

function NewUnitForm({ onCreated }: { onCreated: (unit: BusinessUnit) => void }) {
  const create = useCreateBusinessUnit();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (unit) => {
          setName('');
          onCreated(unit);
        },
      },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="Add a business unit">
      <UnitNameField id="new-unit-name" label="New business unit" value={name} missing={missing} errors={errors.name} onChange={(value) => (setName(value), setMissing(false))} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? 'Adding…' : 'Add unit'}
      </button>
      <FormProblem error={create.error} shownFields={['name']} onReload={() => create.reset()} subject="The unit" />
    </form>
  );
}

interface UnitNameFieldProps {
  id: string;
  label: string;
  value: string;
  /** Submitted empty: said before the server is asked. */
  missing: boolean;
  errors?: string[];
  onChange: (value: string) => void;
}

/** The unit's name, as the add form and the rename dialog both ask for it. */
function UnitNameField({ id, label, value, missing, errors, onChange }: UnitNameFieldProps) {
  return (
    <Field id={id} label={label} errors={missing ? ['Give the unit a name'] : errors}>
      {(props) => <input {...props} className="input" maxLength={120} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

interface RenameUnitDialogProps {
  unit: BusinessUnit;
  onClose: () => void;
  onReload: () => void;
  onRenamed: (unit: BusinessUnit) => void;
}

function RenameUnitDialog({ unit, onClose, onReload, onRenamed }: RenameUnitDialogProps) {
  const rename = useRenameBusinessUnit();
  const [name, setName] = useState(unit.name);
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(rename.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    rename.mutate(
      { id: unit.id, name: name.trim(), version: unit.version },
      {
        onSuccess: (saved) => {
          onRenamed(saved);
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog titleId="rename-unit-title" title={`Rename ${unit.name}`} onClose={onClose} onSubmit={submit}>
      <FormProblem
        error={rename.error}
        shownFields={['name']}
        subject="This unit"
        onReload={() => {
          rename.reset();
          onReload();
        }}
      />
      <UnitNameField id="rename-unit-name" label="Name" value={name} missing={missing} errors={errors.name} onChange={(value) => (setName(value), setMissing(false))} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </FormDialog>
  );
}

function DeleteUnitDialog({ unit, onClose, onDeleted }: { unit: BusinessUnit; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteBusinessUnit();
  const confirm = () => remove.mutate(unit.id, { onSuccess: () => (onDeleted(), onClose()) });
  return (
    <ConfirmDialog titleId="delete-unit-title" title={`Delete ${unit.name}?`} confirmLabel="Delete unit" pendingLabel="Deleting…" pending={remove.isPending} error={remove.error} onConfirm={confirm} onClose={onClose}>
      <p>Only a unit that no pilot or person belongs to can be deleted.</p>
    </ConfirmDialog>
  );
}
