import type { ReactNode } from 'react';
import type { BlockerStatus, Health, Stage } from '@liftoff/shared';
import { BLOCKER_STATUS_LABELS, HEALTH_LABELS, STAGE_LABELS } from '../format/labels';

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`badge badge-stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
}

export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`badge badge-health-${health}`}>
      <span className="dot" aria-hidden="true" />
      {HEALTH_LABELS[health]}
    </span>
  );
}

export function BlockerStatusBadge({ status }: { status: BlockerStatus }) {
  return <span className={`badge badge-blocker-${status}`}>{BLOCKER_STATUS_LABELS[status]}</span>;
}

/** Draws the eye to something that needs action (missing sponsor, silent pilot). */
export function WarningBadge({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="badge badge-warning" title={title}>
      <span aria-hidden="true">⚠</span> {children}
    </span>
  );
}
