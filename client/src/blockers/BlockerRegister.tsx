import { useState } from 'react';
import type { Blocker } from '@liftoff/shared';
import { BlockerStatusBadge } from '../components/Badges';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { formatInteger } from '../format/numbers';
import { MergeBlockerDialog, SplitBlockerDialog } from './BlockerCorrectionDialogs';

interface BlockerRegisterProps {
  blockers: Blocker[];
  /** The program office corrects the matcher: merge two blockers, split off a wrong mention. */
  canCorrect: boolean;
}

type Correction = { kind: 'merge' | 'split'; blocker: Blocker } | null;

/** A pilot's blockers with how often each was reported; the program office can merge and split. */
export function BlockerRegister({ blockers, canCorrect }: BlockerRegisterProps) {
  const [correction, setCorrection] = useState<Correction>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (blockers.length === 0) return null;
  const done = (text: string) => {
    setCorrection(null);
    setMessage(text);
  };
  return (
    <section className="card blocker-register" aria-labelledby="blocker-register-title">
      <h2 id="blocker-register-title" className="card-title">
        Blocker register
      </h2>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Blocker</th>
              <th scope="col">Category</th>
              <th scope="col">Seen</th>
              <th scope="col" className="numeric">Times reported</th>
              <th scope="col">Status</th>
              {canCorrect && <th scope="col">Correct</th>}
            </tr>
          </thead>
          <tbody>
            {blockers.map((blocker) => (
              <tr key={blocker.id}>
                <th scope="row" className="cell-name">{blocker.text}</th>
                <td>{BLOCKER_CATEGORY_LABELS[blocker.category]}</td>
                <td className="nowrap">{blocker.firstSeenWeek === blocker.lastSeenWeek ? blocker.firstSeenWeek : `${blocker.firstSeenWeek} to ${blocker.lastSeenWeek}`}</td>
                <td className="numeric">{formatInteger(blocker.mentionCount)}</td>
                <td>
                  <BlockerStatusBadge status={blocker.status} />
                </td>
                {canCorrect && (
                  <td className="nowrap">
                    <button type="button" className="button button-quiet" disabled={blockers.length < 2} aria-label={`Merge ‘${blocker.text}’ into another blocker`} onClick={() => setCorrection({ kind: 'merge', blocker })}>
                      Merge…
                    </button>
                    <button type="button" className="button button-quiet" disabled={blocker.mentionCount < 2} aria-label={`Split a mention off ‘${blocker.text}’`} onClick={() => setCorrection({ kind: 'split', blocker })}>
                      Split…
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {correction?.kind === 'merge' && (
        <MergeBlockerDialog blocker={correction.blocker} others={blockers.filter((b) => b.id !== correction.blocker.id)} onClose={() => setCorrection(null)} onDone={done} />
      )}
      {correction?.kind === 'split' && <SplitBlockerDialog blocker={correction.blocker} onClose={() => setCorrection(null)} onDone={done} />}
    </section>
  );
}
