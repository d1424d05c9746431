import { PageHeader } from '../components/PageHeader';
import { useDocumentTitle } from '../components/use-document-title';
import { useSession, ROLE_LABELS } from '../auth/session';
import { NotificationsSection } from './NotificationsSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';

/** My account: password, notifications, API tokens and the sessions signed in as me. */
export default function AccountPage() {
  useDocumentTitle('Your account');
  const { data: user } = useSession();
  return (
    <div className="account-page">
      <PageHeader title="Your account" subtitle={user ? `${user.name} · ${user.email} · ${ROLE_LABELS[user.role]}` : undefined} />
      <PasswordSection />
      <NotificationsSection />
      <TokensSection />
      <SessionsSection />
    </div>
  );
}
