import { canDecideFor, whoDecides, type ScaleQueueItem, type SessionUser } from '@liftoff/shared';

/** Deciding needs only the sponsor: the lead plays no part in it (shared `canDecideFor`). */
const peopleOf = (item: ScaleQueueItem) => ({ leadId: '', sponsorId: item.sponsor?.id ?? null, sponsorName: item.sponsor?.name ?? null });

/** Same rule the server applies: the program office decides on any pilot, an executive on those they sponsor. */
export function mayDecideFromQueue(user: SessionUser | null | undefined, item: ScaleQueueItem): boolean {
  return canDecideFor(user, peopleOf(item));
}

/** Why this person may not decide on the row, and who can instead. */
export function whyNotDecide(user: SessionUser | null | undefined, item: ScaleQueueItem): string {
  const why = user?.role === 'executive' ? 'You do not sponsor this pilot' : 'Only its sponsoring executive or the program office decides';
  return `${why}. Who can: ${whoDecides(peopleOf(item))}.`;
}

interface DecideCellProps {
  user: SessionUser | null | undefined;
  item: ScaleQueueItem;
  onDecide: (item: ScaleQueueItem) => void;
}

/** The row's action: Decide for those who may, otherwise why not and who can. */
export function DecideCell({ user, item, onDecide }: DecideCellProps) {
  if (mayDecideFromQueue(user, item)) {
    return (
      <button type="button" className="button button-small button-primary" onClick={() => onDecide(item)} aria-label={`Decide on ${item.pilotName}`}>
        Decide
      </button>
    );
  }
  // A short visible line (the row already names the sponsor), the whole reason for screen readers and on hover:
  // in an executive's queue most rows are someone else's, and the full sentence made every row tall.
  const why = whyNotDecide(user, item);
  return (
    <p className="decide-refused" title={why}>
      <span aria-hidden="true">{item.sponsor ? 'Its sponsor decides' : 'Program office decides'}</span>
      <span className="visually-hidden">{why}</span>
    </p>
  );
}
