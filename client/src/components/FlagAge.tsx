import type { SignalFlag } from '@liftoff/shared';
import { formatDate } from '../format/dates';

/**
 * How old a stuck sign is: since when its condition holds by the pilot's history, which is what the
 * evidence talks about. When a run first raised it is secondary (`showFlagged`), and only shown when
 * it is a different day; flags stored before the start was recorded fall back to it.
 */
export function FlagAge({ flag, showFlagged = false }: { flag: Pick<SignalFlag, 'conditionSince' | 'openedAt'>; showFlagged?: boolean }) {
  const since = flag.conditionSince ?? flag.openedAt;
  const flaggedOtherDay = flag.conditionSince !== null && flag.conditionSince !== flag.openedAt.slice(0, 10);
  return (
    <span className="muted flag-age">
      {' · since '}
      <time dateTime={since}>{formatDate(since)}</time>
      {showFlagged && flaggedOtherDay && (
        <>
          {' · flagged '}
          <time dateTime={flag.openedAt}>{formatDate(flag.openedAt)}</time>
        </>
      )}
    </span>
  );
}
