import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Pilot } from '@liftoff/shared';
import { canAdminister, canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StageChangeDialog } from '../stage/StageChangeDialog';
import { useDeletePilot } from './pilot-form-queries';

interface PilotSetupActionsProps {
  pilot: Pilot;
  onChanged: (message: string) => void;
  onReload: () => void;
}

/** Correcting a pilot: its details (lead or program office), its stage and deleting it (program office). */
export function PilotSetupActions({ pilot, onChanged, onReload }: PilotSetupActionsProps) {
  const { data: user } = useSession();
  const [open, setOpen] = useState<'stage' | 'delete' | null>(null);
  const edit = canWorkOnPilot(user, pilot);
  const administer = canAdminister(user);
  if (!edit && !administer) return null;
  return (
    <div className="pilot-actions">
      {edit && (
        <Link className="button" to={`/pilots/${pilot.id}/edit`}>
          Edit details
        </Link>
      )}
      {administer && (
        <>
          <button type="button" className="button" onClick={() => setOpen('stage')}>
            Change stage
          </button>
          <button type="button" className="button button-danger" onClick={() => setOpen('delete')}>
            Delete pilot
          </button>
        </>
      )}
      {open === 'stage' && <StageChangeDialog pilot={pilot} onClose={() => setOpen(null)} onChanged={onChanged} onReload={onReload} />}
      {open === 'delete' && <DeletePilotDialog pilot={pilot} onClose={() => setOpen(null)} />}
    </div>
  );
}

function DeletePilotDialog({ pilot, onClose }: { pilot: Pilot; onClose: () => void }) {
  const remove = useDeletePilot(pilot.id);
  const navigate = useNavigate();
  const confirm = () => remove.mutate(undefined, { onSuccess: () => navigate('/pilots') });
  return (
    <ConfirmDialog titleId="delete-pilot-title" title={`Delete ${pilot.name}?`} confirmLabel="Delete pilot" pendingLabel="Deleting…" pending={remove.isPending} error={remove.error} onConfirm={confirm} onClose={onClose}>
      <p>Deleting removes the pilot for good, with its KPIs, weekly updates and stage history. A pilot with recorded decisions cannot be deleted: close it with a stage change instead.</p>
    </ConfirmDialog>
  );
}
