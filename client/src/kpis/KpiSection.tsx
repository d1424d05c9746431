import { useState } from 'react';
import type { Kpi, Pilot } from '@liftoff/shared';
import { canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { KpiDialog } from './KpiDialog';
import { useDeleteKpi, usePilotKpis } from './kpi-queries';

const DIRECTION_WORDS = { higher_is_better: 'higher is better', lower_is_better: 'lower is better' } as const;

function describe(kpi: Kpi): string {
  const parts: string[] = [DIRECTION_WORDS[kpi.direction]];
  parts.push(`baseline ${kpi.baseline ?? 'not set'}`, `target ${kpi.target ?? 'not set'}`);
  if (kpi.minValue !== null || kpi.maxValue !== null) parts.push(`readings ${kpi.minValue ?? '−∞'} to ${kpi.maxValue ?? '∞'}`);
  return `${kpi.unit} · ${parts.join(' · ')}`;
}

/** The pilot's KPIs as defined; its lead and the program office add, edit and remove them here. */
export function KpiSection({ pilot }: { pilot: Pilot }) {
  const kpis = usePilotKpis(pilot.id);
  const { data: user } = useSession();
  const manage = canWorkOnPilot(user, pilot);
  const [editing, setEditing] = useState<Kpi | 'new' | null>(null);
  const [removing, setRemoving] = useState<Kpi | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="kpi-section-heading">
      <header className="card-header">
        <h2 id="kpi-section-heading" className="card-title">
          KPI definitions
        </h2>
        {manage && (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            Add KPI
          </button>
        )}
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {kpis.isPending ? (
        <LoadingState label="Loading KPIs…" />
      ) : kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => kpis.refetch()} title="Could not load KPIs" />
      ) : kpis.data.length === 0 ? (
        <p className="muted">No KPIs yet: without a baseline and a target, nobody can tell whether the pilot works.</p>
      ) : (
        <ul className="kpi-list">
          {kpis.data.map((kpi) => (
            <li key={kpi.id}>
              <span>
                <strong>{kpi.name}</strong>
                <span className="cell-sub">{describe(kpi)}</span>
              </span>
              {manage && (
                <span className="row-actions">
                  <button type="button" className="button button-small" onClick={() => setEditing(kpi)} aria-label={`Edit ${kpi.name}`}>
                    Edit
                  </button>{' '}
                  <button type="button" className="button button-small button-danger" onClick={() => setRemoving(kpi)} aria-label={`Remove ${kpi.name}`}>
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <KpiDialog
          // A reload brings the stored KPI with a new version: the form starts over from it.
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          pilotId={pilot.id}
          kpi={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onReload={() => {
            const current = editing;
            void kpis.refetch().then(({ data }) => setEditing(current === 'new' ? 'new' : (data?.find((k) => k.id === current.id) ?? null)));
          }}
          onSaved={(kpi) => setNotice(`Saved ${kpi.name}.`)}
        />
      )}
      {removing && <RemoveKpiDialog kpi={removing} onClose={() => setRemoving(null)} onRemoved={() => setNotice(`Removed ${removing.name}.`)} />}
    </section>
  );
}

function RemoveKpiDialog({ kpi, onClose, onRemoved }: { kpi: Kpi; onClose: () => void; onRemoved: () => void }) {
  const remove = useDeleteKpi(kpi.pilotId);
  const confirm = () => remove.mutate(kpi.id, { onSuccess: () => (onRemoved(), onClose()) });
  return (
    <ConfirmDialog titleId="remove-kpi-title" title={`Remove ${kpi.name}?`} confirmLabel="Remove KPI" pendingLabel="Removing…" pending={remove.isPending} error={remove.error} onConfirm={confirm} onClose={onClose}>
      <p>Its readings in past weekly updates are removed with it.</p>
    </ConfirmDialog>
  );
}
