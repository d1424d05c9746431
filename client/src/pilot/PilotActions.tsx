import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DecisionView, Pilot } from '@liftoff/shared';
import { pilotOffers } from '../auth/permissions';
import { useSession } from '../auth/session';
import { DECISION_KIND_LABELS } from '../format/analysis-labels';
import { DecisionDialog } from '../scale-queue/DecisionDialog';

interface PilotActionsProps {
  pilot: Pilot;
  assessing: boolean;
  onAssess: () => void;
  onDecided: (message: string) => void;
}

/** Only what this person may do on this pilot: post an update, record a decision, re-assess readiness. */
export function PilotActions({ pilot, assessing, onAssess, onDecided }: PilotActionsProps) {
  const { data: user } = useSession();
  const offers = pilotOffers(user, pilot);
  const [deciding, setDeciding] = useState(false);
  if (!offers.postUpdate && !offers.recordDecision && !offers.reassess) return null;
  return (
    <div className="pilot-actions">
      {offers.reassess && (
        <button type="button" className="button" onClick={onAssess} aria-expanded={assessing}>
          Re-assess readiness
        </button>
      )}
      {offers.recordDecision && (
        <button type="button" className="button" onClick={() => setDeciding(true)}>
          Record a decision
        </button>
      )}
      {offers.postUpdate && (
        <Link className="button button-primary" to={`/pilots/${pilot.id}/updates/new`}>
          Post weekly update
        </Link>
      )}
      {deciding && (
        <DecisionDialog
          subject={{ pilotId: pilot.id, pilotName: pilot.name }}
          onClose={() => setDeciding(false)}
          onRecorded={(decision: DecisionView) => onDecided(`Decision recorded: ${DECISION_KIND_LABELS[decision.kind]}.`)}
        />
      )}
    </div>
  );
}
