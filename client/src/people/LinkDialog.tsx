import { ACCOUNT_LINK_TTL_DAYS, type IssuedAccountLink } from '@liftoff/shared';
import { CopyableSecret } from '../account/CopyableSecret';
import { FormDialog } from '../components/Dialog';
import { formatDate } from '../format/dates';
import { linkUrl } from './people-api';

/** The invite or reset link just issued: shown once, for the program office to pass on. */
export function LinkDialog({ link, personName, onClose }: { link: IssuedAccountLink; personName: string; onClose: () => void }) {
  const what = link.kind === 'invite' ? 'Invite link' : 'Password-reset link';
  return (
    <FormDialog
      titleId="link-title"
      title={`${what} for ${personName}`}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {link.mailed ? (
        <>
          <p>
            <strong>Sent by email</strong> to {personName}. It works once, for {ACCOUNT_LINK_TTL_DAYS} days (until {formatDate(link.expiresAt)}); any earlier link for them no longer works.
          </p>
          <details>
            <summary>Show the link, to pass it on yourself</summary>
            <CopyableSecret label={what} value={linkUrl(link)} />
          </details>
        </>
      ) : (
        <>
          <p>
            Send this link to {personName}. It works once, for {ACCOUNT_LINK_TTL_DAYS} days (until {formatDate(link.expiresAt)}); any earlier link for them no longer works.
          </p>
          <CopyableSecret label={what} value={linkUrl(link)} />
        </>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary">
          Done
        </button>
      </div>
    </FormDialog>
  );
}
